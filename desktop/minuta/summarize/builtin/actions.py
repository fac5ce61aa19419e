"""Action items: who promised what, and by when.

An action item comes from

* a commitment ("I'll send the proposal by Tuesday", "Resten tager jeg i næste
  uge"): the speaker owns it;
* a request that the next speaker accepts ("Karin, can you check …?" "Sure, I'll
  ask them."): the one asked owns it (named, or else the one who said yes);
* an offer that is accepted ("Skal jeg sende dem dokumentationen?" "Ja, gør
  det."): the one offering owns it;
* a participant named as doing something ("Nanna sender den til dig");
* a stated plan with a date and no one person ("så regner vi med at holde den
  anden samtale i uge 38"): no owner, unless a promise in the same line has no
  date of its own, which then takes the plan's.

A bare "I'll do that" ("Det klarer jeg", "Joo, teen") takes its task from what
was said just before it. Each item's deadline is the one said in its own words
(:mod:`.deadlines` picks among several); an item without one takes a date no
other item uses from its own lines, from the answer to "when?", from the line
before when that states a deadline or proposes a time ("It must be ready by the
end of the month." "I can write it."), or from the owner's next words about it
("It comes in two weeks."). Finally, two items of the same person a few lines
apart are one task when one of them has no date and they share a word, or the
first one's date comes only in the second ("I can take it to my manager." …
"I'll come back with a new offer on Friday.").
"""

from __future__ import annotations

from minuta.core.text import words as folded_words
from minuta.summarize.builtin.acts import accepts, first_commitment, is_offer, request_start
from minuta.summarize.builtin.clauses import Sentence, Turn, clause_spans, tidy, words
from minuta.summarize.builtin.context import context_dues
from minuta.summarize.builtin.deadlines import choose_due
from minuta.summarize.builtin.lexicon import word_set
from minuta.summarize.builtin.meeting import Found, Meeting, Span, spans_of

# How many lines later an answer to a request may come.
_REPLY_WITHIN = 2
# Same-owner items this many lines apart may be one task (see the module's description):
# a promise whose date comes a reply later, or two about the same thing.
_DATE_LATER_GAP = 2
_SAME_WORDS_GAP = 3
_SHARED_WORD_CHARS = 5
# Words that stand for a task already named: a promise of only these says too little.
_PRO_WORDS = word_set(
    "it that this them those do handle take fix det den dem de denne dette gør gör gjør "
    "klarer fixar fikser ordner tager tar ta tage sen se ne niitä sitä teen hoidan otan hoitaa"
)
_RELATIVES = word_set("som which who that jonka jota joita mitä mikä")


def _reply(meeting: Meeting, turn: Turn, addressee: str | None) -> Turn | None:
    """The answer to a question in ``turn``: the next line by someone else (the one asked)."""
    for index in range(turn.index + 1, min(turn.index + 1 + _REPLY_WITHIN, len(meeting.turns))):
        if meeting.same_speaker(index, turn.index):
            continue
        if addressee is None or meeting.speaker(index) in {addressee, None}:
            return meeting.turns[index]
    return None


def _light(meeting: Meeting, text: str) -> bool:
    """Whether a promise or request names no task of its own ("Det klarer jeg", "Ta det")."""
    lexicon = meeting.lexicon
    filler = (
        lexicon.me | lexicon.you | lexicon.modals | lexicon.commit_verbs | lexicon.adverbs
    ) | (lexicon.interjections | lexicon.connectors | lexicon.yes_words | _PRO_WORDS)
    for due_words in (d.raw for d in meeting.dues_in(text)):
        text = text.replace(due_words, " ")
    return all(w.text in filler for w in words(text))


def _before(meeting: Meeting, sentence: Sentence) -> Sentence | None:
    """The sentence said just before ``sentence``, in its line or the line before."""
    turn = meeting.turns[sentence.turn]
    if sentence.number > 0:
        return turn.sentences[sentence.number - 1]
    if turn.index > 0 and not meeting.same_speaker(turn.index - 1, turn.index):
        return meeting.turns[turn.index - 1].sentences[-1]
    return None


def _item(
    meeting: Meeting,
    text: str,
    quote: Sentence,
    owner: str | None,
    *,
    kind: str,
    sources: list[Span],
    core: str | None = None,
) -> Found:
    """An item; a task that says too little takes its words from the sentence before.

    ``core`` is the promise itself ("Jag kan ta det" of "Jag kan ta det, men inte förrän
    nästa vecka"), when the text says more than that.
    """
    turns = {quote.turn} | {span.sentence.turn for span in sources}
    if _light(meeting, text if core is None else core):
        before = _before(meeting, quote)
        if before is not None:
            text = tidy(before.text)
            quote = before
            turns.add(before.turn)
    home = sources[0].sentence.turn if sources else quote.turn
    return Found(text, turns, quote, owner, kind=kind, sources=sources, home=home)


def _from_question(meeting: Meeting, turn: Turn, sentence: Sentence) -> Found | None:
    lexicon = meeting.lexicon
    start = request_start(sentence.text, lexicon)
    offer = start is None and is_offer(sentence.text, lexicon)
    if start is None and not offer:
        return None
    speaker = meeting.speaker(turn.index)
    addressee = None
    if not offer:
        named = meeting.people.mentioned(sentence.text, besides=speaker)
        addressee = named[0] if named else None
    reply = _reply(meeting, turn, addressee)
    if reply is None and not offer and turn.index == len(meeting.turns) - 1:
        # The last words of the recording, a request nobody could answer on it (the
        # call ended, the recording stopped): still a task, its owner for the user to set.
        text = tidy(sentence.text[start or 0 :].rstrip("?"))
        return _item(meeting, text, sentence, addressee, kind="request", sources=spans_of(sentence))
    if reply is None or not accepts(reply.sentences[0].text, lexicon):
        return None
    if offer:
        match = lexicon.offer.search(sentence.text)
        start = match.end() if match else 0
        owner = speaker
    else:
        owner = addressee or meeting.speaker(reply.index)
    text = tidy(sentence.text[start or 0 :].rstrip("?"))
    sources = [*spans_of(sentence), *spans_of(reply.sentences[0])]
    return _item(meeting, text, sentence, owner, kind="request", sources=sources)


def _plan_start(meeting: Meeting, sentence: Sentence) -> int | None:
    """Where a dated plan without an owner begins in ``sentence``, if it holds one."""
    lexicon = meeting.lexicon
    if lexicon.recurring.search(sentence.text):
        return None
    for start, end in clause_spans(sentence.text):
        clause = sentence.text[start:end]
        if lexicon.plan.search(clause):
            rest = sentence.text[start:]
            if meeting.dues_in(rest):
                return start
    return None


def _from_statement(meeting: Meeting, turn: Turn, sentence: Sentence) -> list[Found]:
    found: list[Found] = []
    plan = _plan_start(meeting, sentence)
    end = plan if plan is not None else len(sentence.text)
    commitment = first_commitment(sentence.text[:end], meeting.lexicon)
    if commitment is not None:
        clause, how = commitment
        offset = sentence.text.index(clause)
        if not how.progressive or meeting.dues_in(sentence.text[offset:end]):
            first = words(clause)
            if first and first[0].text in _RELATIVES:  # "…, som jeg sender dig i dag"
                task = sentence.text[:end]
            else:
                task = sentence.text[offset + how.task_start : end]
            owner = meeting.speaker(turn.index)
            span = Span(sentence, offset, end)
            found.append(
                _item(
                    meeting, tidy(task), sentence, owner, kind="commit", sources=[span], core=clause
                )
            )
    else:
        named = _named_doer(meeting, turn, sentence)
        if named is not None:
            found.append(named)
    if plan is not None:
        text = tidy(sentence.text[plan:])
        span = Span(sentence, plan, len(sentence.text))
        plan_item = Found(
            text, {turn.index}, sentence, kind="plan", sources=[span], home=turn.index
        )
        found.append(plan_item)
    return found


def _named_doer(meeting: Meeting, turn: Turn, sentence: Sentence) -> Found | None:
    """ "Nanna sender den til dig": a participant named as doing a task."""
    lexicon = meeting.lexicon
    for start, end in clause_spans(sentence.text):
        clause = sentence.text[start:end]
        found = [w for w in words(clause) if w.text not in lexicon.interjections]
        if len(found) < 2 or not clause[found[0].start : found[0].start + 1].isupper():
            continue
        name = meeting.people.word_names(found[0].text)
        if name is None or name == meeting.speaker(turn.index):
            continue
        if found[1].text in lexicon.commit_verbs:
            span = Span(sentence, start, len(sentence.text))
            return Found(
                tidy(clause),
                {turn.index},
                sentence,
                name,
                kind="named",
                sources=[span],
                home=turn.index,
            )
    return None


def _candidates(meeting: Meeting) -> list[Found]:
    items: list[Found] = []
    for turn in meeting.turns:
        for sentence in turn.sentences:
            if sentence.question:
                item = _from_question(meeting, turn, sentence)
                items.extend([item] if item is not None else [])
            else:
                items.extend(_from_statement(meeting, turn, sentence))
    return items


def _join(first: Found, second: Found) -> Found:
    first.turns |= second.turns
    first.sources.extend(s for s in second.sources if s not in first.sources)
    first.due = first.due or second.due
    first.owner = first.owner or second.owner
    return first


def _shares_word(a: Found, b: Found) -> bool:
    def content(item: Found) -> set[str]:
        text = " ".join([item.text, item.quote.text])
        return {w for w in folded_words(text) if len(w) >= _SHARED_WORD_CHARS}

    return bool(content(a) & content(b))


def _one_task(meeting: Meeting, earlier: Found, later: Found) -> bool:
    if earlier.owner is None or earlier.owner != later.owner:
        return False
    if earlier.turns & later.turns:
        return True
    distance = later.said_at - max(earlier.turns)
    # "I can take it to my manager." … "Then I'll come back with an offer on Friday."
    # (a request someone else makes is a task of its own, dated or not)
    if (
        earlier.due is None
        and later.due is not None
        and later.kind == "commit"
        and distance <= _DATE_LATER_GAP
    ):
        return True
    return (
        distance <= _SAME_WORDS_GAP
        and (earlier.due is None or later.due is None)
        and _shares_word(earlier, later)
    )


def _merge(meeting: Meeting, items: list[Found], *, same_line_only: bool) -> list[Found]:
    merged: list[Found] = []
    for item in sorted(items, key=lambda i: min(i.turns)):
        for earlier in reversed(merged):
            together = (
                bool(earlier.turns & item.turns) and earlier.owner == item.owner
                if same_line_only
                else _one_task(meeting, earlier, item)
            )
            if together and item.owner is not None:
                _join(earlier, item)
                break
        else:
            merged.append(item)
    return merged


def _adopt_plans(items: list[Found]) -> list[Found]:
    """A promise without a date takes the date of a plan said in the same line."""
    kept: list[Found] = []
    for item in items:
        if item.kind == "plan":
            host = next(
                (
                    o
                    for o in items
                    if o.owner is not None and o.due is None and o.turns & item.turns
                ),
                None,
            )
            if host is not None:
                _join(host, item)
                continue
        kept.append(item)
    return kept


def _own_dues(meeting: Meeting, items: list[Found], claimed: set[tuple[int, int]]) -> None:
    for item in items:
        options = [
            (span.sentence, due)
            for span in item.sources
            for due in meeting.dues(span.sentence)
            if span.start <= due.start and due.end <= span.end
        ]
        chosen = choose_due(options, meeting.lexicon)
        if chosen is not None:
            sentence, item.due = chosen
            claimed.add((sentence.turn, sentence.number))


def action_items(meeting: Meeting) -> list[Found]:
    """The meeting's action items, in the order they were said."""
    claimed: set[tuple[int, int]] = set()
    items = _merge(meeting, _candidates(meeting), same_line_only=True)
    _own_dues(meeting, items, claimed)
    items = _adopt_plans(items)
    context_dues(meeting, items, claimed)
    items = _merge(meeting, items, same_line_only=False)
    return sorted(items, key=lambda i: min(i.turns))
