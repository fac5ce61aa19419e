"""Decisions, risks and next steps, found from what was said and how.

* A **decision** is a sentence with an agreement cue ("let's decide", "vi har
  besluttet", "då bestämmer vi", "sovitaan"), not negated or hedged nearby
  ("not a decision today", "inget vi bestämmer idag", "ei päätetä nyt"). When
  the cue stands alone ("Då bestämmer vi det.") the next sentence says what.
* A **risk** is a sentence with a risk cue (a delay, a worry, a dependency, a
  competitor, a price above the range), a budget with a deadline ("our budget
  is locked at the end of the month"), or a long notice period. A risk asked
  about ("What are we waiting for?") is the answer's; a short reaction right
  after a risk ("That's tight."), or a follow-up question and its answer, belong
  to it. A decision's sentence is no risk.
* A **next step** is a sentence that says so ("next step", "lad os booke"), a
  meeting with a date, or a plan; lines already used for action items and
  decisions are left to those.
"""

from __future__ import annotations

from minuta.summarize.builtin.clauses import Sentence, tidy, words
from minuta.summarize.builtin.meeting import Found, Meeting

# How many words either side of a cue a negation or hedge still concerns it.
_NEAR = 3
# A reaction this short ("Okay, det er stramt.") joins the risk just before it.
_REACTION_WORDS = 15
# A decision cue sentence this short ("Sovitaan näin.") is explained by the next one.
_BARE_CUE_WORDS = 5
_MAX_NEXT_STEPS = 6


def _near(sentence: str, start: int, end: int, vocabulary: frozenset[str]) -> bool:
    before = [w.text for w in words(sentence[:start])][-_NEAR:]
    after = [w.text for w in words(sentence[end:])][:_NEAR]
    return bool(vocabulary & set(before + after))


def _decision(meeting: Meeting, sentence: Sentence) -> Found | None:
    lexicon = meeting.lexicon
    if sentence.question:
        return None
    match = lexicon.decision.search(sentence.text)
    if match is None:
        return None
    if _near(sentence.text, match.start(), match.end(), lexicon.negations | lexicon.hedges):
        return None
    turn = meeting.turns[sentence.turn]
    text = sentence.text
    colon = text.find(":", match.end())
    if colon != -1 and text[colon + 1 :].strip():
        return Found(tidy(text[colon + 1 :]), {sentence.turn}, sentence)
    following = sentence.number + 1
    if len(words(text)) <= _BARE_CUE_WORDS and following < len(turn.sentences):
        after = turn.sentences[following]
        return Found(tidy(after.text), {sentence.turn}, after)
    return Found(tidy(without_lead(text, meeting)), {sentence.turn}, sentence)


def without_lead(text: str, meeting: Meeting) -> str:
    """``text`` without its leading "Okay, so", "Ja,", "Joo,"."""
    skip = meeting.lexicon.interjections | meeting.lexicon.connectors
    for word in words(text):
        if word.text not in skip:
            return text[word.start :]
    return text


def decisions(meeting: Meeting) -> list[Found]:
    found: list[Found] = []
    for turn in meeting.turns:
        for sentence in turn.sentences:
            item = _decision(meeting, sentence)
            if item is not None:
                found.append(item)
                break  # one decision per line
    return found


def _risky(meeting: Meeting, sentence: Sentence) -> bool:
    lexicon = meeting.lexicon
    text = sentence.text
    if lexicon.risk_negated.search(text):
        return True
    for match in lexicon.risk.finditer(text):
        before = [w.text for w in words(text[: match.start()])][-2:]
        if not set(before) & lexicon.negations:
            return True
    if lexicon.budget.search(text) and meeting.dues(sentence):
        return True
    return bool(lexicon.long_duration.search(text)) and _about_notice(meeting, sentence)


def _about_notice(meeting: Meeting, sentence: Sentence) -> bool:
    notice = meeting.lexicon.notice_period
    if notice.search(sentence.text):
        return True
    turn = sentence.turn
    return turn > 0 and any(
        s.question and notice.search(s.text) for s in meeting.turns[turn - 1].sentences
    )


def _joins_previous(meeting: Meeting, previous: Found | None, turn: int) -> bool:
    """Whether a risk in ``turn`` continues ``previous``: a short reaction right after it, or
    a follow-up question and its answer ("Do we know when?" "They have moved it twice.")."""
    if previous is None:
        return False
    last = max(previous.turns)
    if turn - last == 1:
        spoken = sum(len(words(s.text)) for s in meeting.turns[turn].sentences)
        return spoken <= _REACTION_WORDS or meeting.turns[turn].sentences[-1].question
    between = meeting.turns[last + 1] if turn - last == 2 else None
    return between is not None and any(s.question for s in between.sentences)


def risks(meeting: Meeting, decided: set[tuple[int, int]]) -> list[Found]:
    """Risks, leaving out the sentences in ``decided`` (decisions)."""
    found: list[Found] = []
    for turn in meeting.turns:
        sentence = next(
            (s for s in turn.sentences if (s.turn, s.number) not in decided and _risky(meeting, s)),
            None,
        )
        if sentence is None:
            continue
        previous = found[-1] if found else None
        if previous is not None and turn.index in previous.turns:
            continue  # already the answer to a question about it
        if sentence.question:
            answer = turn.index + 1
            if answer >= len(meeting.turns) or meeting.same_speaker(answer, turn.index):
                continue
            if _joins_previous(meeting, previous, turn.index) and previous is not None:
                previous.turns |= {turn.index, answer}
                continue
            reply = meeting.turns[answer].sentences[0]
            found.append(Found(tidy(reply.text), {turn.index, answer}, reply))
        elif _joins_previous(meeting, previous, turn.index) and previous is not None:
            previous.turns.add(turn.index)
        else:
            text = tidy(without_lead(sentence.text, meeting))
            found.append(Found(text, {turn.index}, sentence))
    return found


def next_steps(meeting: Meeting, taken: set[int]) -> list[Found]:
    """Next steps said as such, meetings with a date and plans, outside ``taken`` lines."""
    lexicon = meeting.lexicon
    found: list[Found] = []
    for turn in meeting.turns:
        if turn.index in taken:
            continue
        for sentence in turn.sentences:
            text = sentence.text
            dated = bool(
                (lexicon.meeting_words.search(text) or lexicon.plan.search(text))
                and meeting.dues(sentence)
            )
            if dated or lexicon.next_step.search(text):
                found.append(Found(tidy(without_lead(text, meeting)), {turn.index}, sentence))
                break
    return found[:_MAX_NEXT_STEPS]
