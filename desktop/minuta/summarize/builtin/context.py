"""Dates for action items that were promised without one, from what was said around them.

People agree on a task in one breath and on its date in another:

* elsewhere in the item's own lines ("Then the next status is next Wednesday.
  I'll send the updated timeline before then.");
* in the answer to "when?" ("When can that be done?" "I'd say tomorrow, end of
  day.");
* in the line before, when it states a deadline or proposes a time ("It must be
  ready by the end of the month." "I can write it."; "Next Friday at ten?" "I'll
  send an invitation.");
* in the owner's next words about it ("It comes in two weeks.").

A date another item already uses is not taken again.
"""

from __future__ import annotations

from minuta.summarize.builtin.clauses import Sentence, words
from minuta.summarize.builtin.deadlines import choose_due
from minuta.summarize.builtin.meeting import Found, Meeting
from minuta.summarize.dates import DueDate

# Words that open a sentence about something already named ("It comes …", "Den kommer …").
_ANAPHORA = frozenset(
    ["it", "that", "this", "they", "den", "det", "de", "dem", "se", "ne", "sen", "ne"]
)
_FORWARD = 2

Claimed = set[tuple[int, int]]


def _free(meeting: Meeting, turn: int, claimed: Claimed) -> tuple[Sentence, DueDate] | None:
    """The best date said in ``turn`` that no item uses yet."""
    options = [
        (s, d)
        for s in meeting.turns[turn].sentences
        if (s.turn, s.number) not in claimed
        for d in meeting.dues(s)
    ]
    return choose_due(options, meeting.lexicon)


def _deadline_or_proposal(meeting: Meeting, sentence: Sentence, due: DueDate) -> bool:
    return sentence.question or bool(meeting.lexicon.deadline_cues.search(due.raw))


def _when_answer(meeting: Meeting, last: int) -> tuple[int, ...]:
    """(question, answer) lines when someone asks \"when?\" right after and the owner answers."""
    asked, answer = last + 1, last + 2
    if answer >= len(meeting.turns) or meeting.same_speaker(asked, last):
        return ()
    question = meeting.turns[asked].sentences
    when = meeting.lexicon.when_question
    if not any(s.question and when.search(s.text) for s in question):
        return ()
    return (asked, answer) if meeting.same_speaker(answer, last) else ()


def _forward(meeting: Meeting, last: int) -> int | None:
    """The owner's next line within two, if a sentence there opens with "it"/"den"/"se"."""
    for turn in range(last + 1, min(last + 1 + _FORWARD, len(meeting.turns))):
        if not meeting.same_speaker(turn, last):
            continue
        for sentence in meeting.turns[turn].sentences:
            first = words(sentence.text)
            if first and first[0].text in _ANAPHORA and meeting.dues(sentence):
                return turn
        return None
    return None


def _take(item: Found, found: tuple[Sentence, DueDate], claimed: Claimed) -> None:
    sentence, item.due = found
    item.turns.add(sentence.turn)
    claimed.add((sentence.turn, sentence.number))


def _date_for(meeting: Meeting, item: Found, claimed: Claimed) -> None:
    for turn in sorted(item.turns):
        found = _free(meeting, turn, claimed)
        if found is not None:
            _take(item, found, claimed)
            return
    first, last = min(item.turns), max(item.turns)
    asked = _when_answer(meeting, last)
    if asked:
        found = _free(meeting, asked[1], claimed)
        if found is not None:
            item.turns.add(asked[0])
            _take(item, found, claimed)
            return
    if first > 0 and not meeting.same_speaker(first - 1, first):
        found = _free(meeting, first - 1, claimed)
        if found is not None and _deadline_or_proposal(meeting, *found):
            _take(item, found, claimed)
            return
    ahead = _forward(meeting, last) if item.owner is not None else None
    if ahead is not None:
        found = _free(meeting, ahead, claimed)
        if found is not None:
            _take(item, found, claimed)


def context_dues(meeting: Meeting, items: list[Found], claimed: Claimed) -> None:
    """Give each action item without a date one from around it (see the module's description)."""
    for item in items:
        if item.due is None:
            _date_for(meeting, item, claimed)
