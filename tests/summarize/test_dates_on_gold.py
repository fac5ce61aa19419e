"""The due-date resolver on the gold set's labelled deadlines (issue goal: at least 90 %)."""

from __future__ import annotations

from gold import load_gold

from minuta.summarize.dates import resolve

GOAL = 0.9


def test_labelled_deadlines_resolve_to_their_dates():
    results = [
        (
            meeting.id,
            item.due_raw,
            item.due_date,
            resolve(item.due_raw, meeting.language, meeting.meeting_date),
        )
        for meeting in load_gold()
        for item in meeting.action_items
        if item.due_date is not None
    ]
    wrong = [r for r in results if r[2] != r[3]]
    share = 1 - len(wrong) / len(results)
    assert len(results) >= 25
    assert share >= GOAL, f"{share:.0%} resolved; wrong: {wrong}"
