"""Integrity of the held-out summary set (tests/data/summaries/heldout).

The same checks as ``test_gold_set.py`` for the main set, plus the held-out set's own
shape: six meetings in five languages (Norwegian included) covering every meeting type.
Nothing here scores a backend or the date resolver: the set is only scored by
``bench/summarize.py``, so that its figures stay honest.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from tests.summarize.gold import (
    GOLD_DIR,
    MEETING_TYPES,
    GoldActionItem,
    GoldDecision,
    GoldMeeting,
    GoldRisk,
    load_gold,
)

HELDOUT_DIR = GOLD_DIR / "heldout"
HELDOUT = load_gold(HELDOUT_DIR)
LANGUAGES = {"en": 2, "da": 1, "sv": 1, "fi": 1, "no": 1}


def _ids(meeting: GoldMeeting) -> str:
    return meeting.id


def test_set_size_and_coverage() -> None:
    assert len(HELDOUT) == 6
    assert Counter(m.language for m in HELDOUT) == LANGUAGES
    assert {m.meeting_type for m in HELDOUT} == MEETING_TYPES
    dated = [a for m in HELDOUT for a in m.action_items if a.due_date is not None]
    assert len(dated) >= 20
    undated = [a for m in HELDOUT for a in m.action_items if a.due_raw and a.due_date is None]
    assert undated, "vague deadlines ('soon') are labelled as needing a date"


def test_heldout_ids_differ_from_the_main_set() -> None:
    main = {m.id for m in load_gold()}
    assert not main & {m.id for m in HELDOUT}
    assert all(m.path.parent == HELDOUT_DIR for m in HELDOUT)


def test_file_names_match_ids() -> None:
    for meeting in HELDOUT:
        assert meeting.path.stem == meeting.id
        assert meeting.id.startswith(f"{meeting.language}-")


def test_files_have_the_documented_keys() -> None:
    for path in sorted(HELDOUT_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert set(raw) == {
            "id", "language", "meeting_type", "meeting_date", "title",
            "participants", "segments", "labels",
        }, path.name  # fmt: skip
        assert set(raw["labels"]) == {"decisions", "action_items", "risks"}, path.name
        for item in raw["labels"]["action_items"]:
            assert set(item) == {"text", "owner", "due_raw", "due_date", "segment_ids"}


@pytest.mark.parametrize("meeting", HELDOUT, ids=_ids)
def test_meeting_header(meeting: GoldMeeting) -> None:
    assert meeting.meeting_type in MEETING_TYPES
    assert meeting.meeting_date.weekday() < 5, "meetings take place on weekdays"
    assert meeting.title.strip()
    assert 2 <= len(meeting.participants) <= 4
    assert len(set(meeting.participants)) == len(meeting.participants)


@pytest.mark.parametrize("meeting", HELDOUT, ids=_ids)
def test_segments(meeting: GoldMeeting) -> None:
    segments = meeting.segments
    assert 25 <= len(segments) <= 45
    ids = [s.id for s in segments]
    assert ids == sorted(set(ids)), "ids are unique and increasing"
    previous_end = 0.0
    for seg in segments:
        assert seg.start >= previous_end, f"segment {seg.id} overlaps the one before"
        assert seg.end > seg.start, f"segment {seg.id} has no duration"
        assert seg.speaker in meeting.participants, seg.speaker
        assert seg.text.strip()
        previous_end = seg.end
    assert {s.speaker for s in segments} == set(meeting.participants)


@pytest.mark.parametrize("meeting", HELDOUT, ids=_ids)
def test_label_counts(meeting: GoldMeeting) -> None:
    assert 1 <= len(meeting.decisions) <= 4
    assert 2 <= len(meeting.action_items) <= 6
    assert 1 <= len(meeting.risks) <= 3


@pytest.mark.parametrize("meeting", HELDOUT, ids=_ids)
def test_labels_cite_existing_segments(meeting: GoldMeeting) -> None:
    known = {s.id for s in meeting.segments}
    labels: list[GoldDecision | GoldActionItem | GoldRisk] = [
        *meeting.decisions,
        *meeting.action_items,
        *meeting.risks,
    ]
    for label in labels:
        assert label.text.strip()
        assert label.segment_ids, label.text
        assert set(label.segment_ids) <= known, label.text


@pytest.mark.parametrize("meeting", HELDOUT, ids=_ids)
def test_action_items(meeting: GoldMeeting) -> None:
    for item in meeting.action_items:
        assert item.owner is None or item.owner in meeting.participants, item.owner
        if item.due_raw is not None:
            cited = [meeting.segment(i).text.lower() for i in item.segment_ids]
            assert any(item.due_raw.lower() in text for text in cited), item.due_raw
        if item.due_date is not None:
            assert item.due_raw is not None, "a resolved date needs the words it came from"
            assert item.due_date >= meeting.meeting_date, item.text
