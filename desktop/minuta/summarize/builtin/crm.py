"""CRM suggestions: the next activity, follow-up tasks, and facts about the customer.

* **Next activity**: the earliest meeting, call or demo said with a date on or
  after the meeting day ("the next status is next Wednesday").
* **Follow-up tasks**: the user's own action items (every dated one when the
  user is not known), with their dates.
* **Facts**: the first sentence about the budget, a competitor, a decision
  maker, the timeline and a requirement ("It's a must-have").

Each is labelled in the meeting's language and cites where it was said.
"""

from __future__ import annotations

from datetime import date

from minuta.summarize.builtin.clauses import tidy, words
from minuta.summarize.builtin.meeting import Found, Meeting
from minuta.summarize.builtin.wording import natural_date, word

_MAX_TASKS = 3
# A fact needs a few words to say anything ("Last thing, the budget." says nothing).
_MIN_FACT_WORDS = 6
_FACTS = ("budget", "competitor", "decision_maker", "timeline", "requirement")


def _next_activity(meeting: Meeting) -> Found | None:
    best: Found | None = None
    best_date: date | None = None
    for sentence in meeting.all_sentences():
        if not meeting.lexicon.meeting_words.search(sentence.text):
            continue
        for due in meeting.dues(sentence):
            if due.date is None or due.date < meeting.meeting_date:
                continue
            # "right after the meeting" is a time, not a meeting
            rest = sentence.text[: due.start] + sentence.text[due.end :]
            if not meeting.lexicon.meeting_words.search(rest):
                continue
            if best_date is None or due.date < best_date:
                best = Found(tidy(sentence.text), {sentence.turn}, sentence, due=due)
                best_date = due.date
    if best is None or best_date is None:
        return None
    label = word(meeting.request.language, "next_activity")
    when = natural_date(best_date, meeting.request.language, meeting.meeting_date)
    best.text = f"{label} ({when}): {best.text}"
    return best


def _tasks(meeting: Meeting, actions: list[Found]) -> list[Found]:
    user = meeting.people.user_name
    chosen = [a for a in actions if a.owner == user] if user else [a for a in actions if a.due]
    label = word(meeting.request.language, "follow_up")
    found: list[Found] = []
    for action in chosen[:_MAX_TASKS]:
        details = [action.owner or ""]
        if action.due is not None:
            details.append(
                natural_date(action.due.date, meeting.request.language, meeting.meeting_date)
                if action.due.date is not None
                else action.due.raw
            )
        shown = ", ".join(d for d in details if d)
        text = f"{label}: {action.text}" + (f" ({shown})" if shown else "")
        found.append(Found(text, set(action.turns), action.quote))
    return found


def _facts(meeting: Meeting) -> list[Found]:
    lexicon = meeting.lexicon
    patterns = {
        "budget": lexicon.budget,
        "competitor": lexicon.competitor,
        "decision_maker": lexicon.decision_maker,
        "timeline": lexicon.timeline,
        "requirement": lexicon.requirement,
    }
    found: list[Found] = []
    for key in _FACTS:
        sentence = next(
            (
                s
                for s in meeting.all_sentences()
                if not s.question
                and patterns[key].search(s.text)
                and len(words(s.text)) >= _MIN_FACT_WORDS
            ),
            None,
        )
        if sentence is not None:
            label = word(meeting.request.language, key)
            found.append(Found(f"{label}: {tidy(sentence.text)}", {sentence.turn}, sentence))
    return found


def crm_suggestions(meeting: Meeting, actions: list[Found]) -> list[Found]:
    found: list[Found] = []
    activity = _next_activity(meeting)
    if activity is not None:
        found.append(activity)
    found.extend(_tasks(meeting, actions))
    found.extend(_facts(meeting))
    return found
