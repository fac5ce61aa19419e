"""The built-in summariser on the hand-labelled gold set, as the app would show it.

Each meeting goes through ``minuta.summarize.pipeline.summarize`` with no
language model (built-in summary, JSON parsed, deadlines resolved, evidence
checked) and is scored by ``scoring.score`` (see there for how items match).
Goals: action items recall and precision at least 0.6 overall and per
language, at least 90 % of the labelled deadlines of matched action items
resolved to their date, every shown item verified. Decisions and risks have no
goal; the floors below only catch a large drop.
"""

from __future__ import annotations

from functools import cache

import jsonschema
import pytest
from gold import load_gold
from scoring import KINDS, builtin_predict, match, request_for, score

from minuta.summarize.builtin import summarize_builtin
from minuta.summarize.schema import SUMMARY_SCHEMA

GOAL = 0.6
DUE_GOAL = 0.9
# Not goals: a regression alarm for the sections without one.
FLOOR = 0.5

LANGUAGES = ("da", "en", "fi", "sv")


@cache
def _figures() -> dict[str, dict[str, float]]:
    return score(load_gold(), builtin_predict)


def test_action_items_overall():
    overall = _figures()["overall"]
    assert overall["action_item_recall"] >= GOAL, overall
    assert overall["action_item_precision"] >= GOAL, overall


@pytest.mark.parametrize("language", LANGUAGES)
def test_action_items_per_language(language: str):
    figures = _figures()[language]
    assert figures["action_item_recall"] >= GOAL, figures
    assert figures["action_item_precision"] >= GOAL, figures


def test_labelled_deadlines_resolve_to_their_dates():
    assert _figures()["overall"]["due_date_accuracy"] >= DUE_GOAL, _figures()["overall"]


def test_every_shown_item_is_verified():
    for language, figures in _figures().items():
        assert figures["verified_share"] == 1.0, language


def test_decisions_and_risks_do_not_collapse():
    overall = _figures()["overall"]
    for kind in ("decision", "risk"):
        assert overall[f"{kind}_recall"] >= FLOOR, overall
        assert overall[f"{kind}_precision"] >= FLOOR, overall


def test_every_quote_is_copied_from_a_cited_line():
    for meeting in load_gold():
        result = summarize_builtin(request_for(meeting))
        jsonschema.validate(result, SUMMARY_SCHEMA)
        texts = {s.id: s.text for s in meeting.segments}
        for name in ("decisions", "action_items", "risks", "next_steps", "crm_suggestions"):
            for item in result[name]:
                quote = item["evidence"]["quote"]
                cited = [texts[i] for i in item["evidence"]["segment_ids"]]
                assert any(quote in text for text in cited), (meeting.id, item)


# --- the scoring itself ---------------------------------------------------------------


def test_the_labels_themselves_score_perfectly():
    class Shown:
        def __init__(self, kind: str, ids: tuple[int, ...], due, owner=None) -> None:
            self.kind = kind
            self.evidence = [type("E", (), {"segment_ids": ids})()]
            self.due_date = due
            self.owner = owner
            self.verified = True

    def oracle(meeting):
        return [
            *(Shown("decision", d.segment_ids, None) for d in meeting.decisions),
            *(
                Shown("action_item", a.segment_ids, a.due_date, a.owner)
                for a in meeting.action_items
            ),
            *(Shown("risk", r.segment_ids, None) for r in meeting.risks),
        ]

    figures = score(load_gold(), oracle)["overall"]
    assert all(figures[f"{kind}_{m}"] == 1.0 for kind in KINDS for m in ("recall", "precision"))
    assert figures["due_date_accuracy"] == 1.0
    assert score(load_gold(), lambda _m: [])["overall"]["action_item_recall"] == 0.0


def test_matching_uses_each_item_once():
    assert match([{1}, {1}], [{1}]) == {0: 0}
    assert match([{1}, {1, 2}], [{1, 2}, {1}]) in ({0: 1, 1: 0},)
    assert match([{3}], [{1}, {2}]) == {}
