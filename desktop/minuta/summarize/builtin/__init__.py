"""The built-in meeting summariser: rules and TextRank, no language model.

:func:`summarize_builtin` reads a :class:`~minuta.summarize.backend.SummaryRequest`
and returns exactly the JSON shape a language model is asked for
(:data:`~minuta.summarize.schema.SUMMARY_SCHEMA`), so both go through the same
parser and checks. Every item cites the line(s) it came from and quotes one of
them verbatim, so evidence checking verifies it. It runs in milliseconds on one
core, needs nothing but the transcript, and knows English, Danish, Swedish,
Norwegian and Finnish; other languages get English cues and the key sentences.

* summary: the most central sentences by TextRank (:mod:`.textrank`);
* action items: commitments, accepted requests and offers, with owner and the
  deadline's words (:mod:`.actions`);
* decisions, risks, next steps (:mod:`.findings`) and CRM suggestions (:mod:`.crm`);
* a follow-up e-mail in the meeting's language (:mod:`.email`).

Sections not in ``request.sections`` come back empty.
"""

from __future__ import annotations

from typing import Any

from minuta.summarize.backend import SummaryRequest
from minuta.summarize.builtin.actions import action_items
from minuta.summarize.builtin.clauses import tidy
from minuta.summarize.builtin.crm import crm_suggestions
from minuta.summarize.builtin.email import compose
from minuta.summarize.builtin.findings import decisions, next_steps, risks, without_lead
from minuta.summarize.builtin.meeting import Found, Meeting
from minuta.summarize.builtin.textrank import key_sentences

BUILTIN_VERSION = "builtin-2"

# How many key sentences the summary holds, by the meeting's number of sentences.
_SUMMARY_LENGTHS = ((80, 3), (300, 4))
_LONGEST_SUMMARY = 5


def _summary(meeting: Meeting) -> str:
    sentences = meeting.all_sentences()
    limit = next(
        (count for size, count in _SUMMARY_LENGTHS if len(sentences) < size), _LONGEST_SUMMARY
    )
    chosen = key_sentences([s.text for s in sentences], limit)
    return " ".join(tidy(without_lead(sentences[i].text, meeting), end=True) for i in chosen)


def _empty() -> dict[str, Any]:
    return {
        "summary": "",
        "decisions": [],
        "action_items": [],
        "risks": [],
        "next_steps": [],
        "crm_suggestions": [],
        "email_draft": {"subject": "", "body": ""},
    }


def _listed(meeting: Meeting, items: list[Found], *, action: bool = False) -> list[dict[str, Any]]:
    return [item.as_json(meeting, action=action) for item in items]


def summarize_builtin(request: SummaryRequest) -> dict[str, Any]:
    """The meeting as the plain JSON shape of ``SUMMARY_SCHEMA``."""
    meeting = Meeting(request)
    result = _empty()
    if not meeting.turns:
        return result
    sections = request.sections
    actions = action_items(meeting)
    found_decisions = decisions(meeting)
    decided = {turn for item in found_decisions for turn in item.turns}
    decided_sentences = {(item.quote.turn, item.quote.number) for item in found_decisions}
    taken = decided | {turn for item in actions for turn in item.turns}
    steps = next_steps(meeting, taken)
    summary = _summary(meeting)
    result["summary"] = summary
    if "decisions" in sections:
        result["decisions"] = _listed(meeting, found_decisions)
    if "action_items" in sections:
        result["action_items"] = _listed(meeting, actions, action=True)
    if "risks" in sections:
        result["risks"] = _listed(meeting, risks(meeting, decided_sentences))
    if "next_steps" in sections:
        result["next_steps"] = _listed(meeting, steps)
    if "crm_suggestions" in sections:
        result["crm_suggestions"] = _listed(meeting, crm_suggestions(meeting, actions))
    if "email_draft" in sections:
        result["email_draft"] = compose(meeting, summary, found_decisions, actions, steps)
    return result


__all__ = ["BUILTIN_VERSION", "summarize_builtin"]
