"""Integrity of the summary gold sets: the labels must be checkable before they score anything.

The per-meeting checks run over the main set and the held-out one
(tests/data/summaries/heldout); ``test_heldout_set.py`` checks the held-out set's own shape.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from tests.summarize.gold import GOLD_DIR, MEETING_TYPES, GoldMeeting, load_gold

GOLD = load_gold()
HELDOUT_DIR = GOLD_DIR / "heldout"
ALL = [*GOLD, *load_gold(HELDOUT_DIR)]
LANGUAGES = ("en", "da", "sv", "fi")
# The held-out meetings were written shorter.
MOST_LINES = {GOLD_DIR: 60, HELDOUT_DIR: 45}


def _ids(meeting: GoldMeeting) -> str:
    return meeting.id


def test_set_size_and_coverage() -> None:
    assert len(GOLD) >= 12
    per_language = Counter(m.language for m in GOLD)
    for language in LANGUAGES:
        assert per_language[language] >= 3, language
    kinds = {m.meeting_type for m in GOLD}
    assert kinds & {"sales_discovery", "customer_follow_up"}
    assert "recruiting_interview" in kinds
    assert "project_status" in kinds
    dated = [a for m in GOLD for a in m.action_items if a.due_date is not None]
    assert len(dated) >= 25


def test_file_names_match_ids() -> None:
    for meeting in ALL:
        assert meeting.path.stem == meeting.id
        assert meeting.id.startswith(f"{meeting.language}-")


def test_files_have_the_documented_keys() -> None:
    for path in [*sorted(GOLD_DIR.glob("*.json")), *sorted(HELDOUT_DIR.glob("*.json"))]:
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert set(raw) == {
            "id", "language", "meeting_type", "meeting_date", "title",
            "participants", "segments", "labels",
        }, path.name  # fmt: skip
        assert set(raw["labels"]) == {"decisions", "action_items", "risks"}, path.name
        for item in raw["labels"]["action_items"]:
            assert set(item) == {"text", "owner", "due_raw", "due_date", "segment_ids"}


@pytest.mark.parametrize("meeting", ALL, ids=_ids)
def test_meeting_header(meeting: GoldMeeting) -> None:
    assert meeting.meeting_type in MEETING_TYPES
    assert meeting.meeting_date.weekday() < 5, "meetings take place on weekdays"
    assert meeting.title.strip()
    assert 2 <= len(meeting.participants) <= 4
    assert len(set(meeting.participants)) == len(meeting.participants)


@pytest.mark.parametrize("meeting", ALL, ids=_ids)
def test_segments(meeting: GoldMeeting) -> None:
    segments = meeting.segments
    assert 25 <= len(segments) <= MOST_LINES[meeting.path.parent]
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


@pytest.mark.parametrize("meeting", ALL, ids=_ids)
def test_label_counts(meeting: GoldMeeting) -> None:
    assert 1 <= len(meeting.decisions) <= 4
    assert 2 <= len(meeting.action_items) <= 6
    assert 1 <= len(meeting.risks) <= 3


@pytest.mark.parametrize("meeting", ALL, ids=_ids)
def test_labels_cite_existing_segments(meeting: GoldMeeting) -> None:
    known = {s.id for s in meeting.segments}
    labels = [*meeting.decisions, *meeting.action_items, *meeting.risks]
    for label in labels:
        assert label.text.strip()
        assert label.segment_ids, label.text
        assert set(label.segment_ids) <= known, label.text


@pytest.mark.parametrize("meeting", ALL, ids=_ids)
def test_action_items(meeting: GoldMeeting) -> None:
    for item in meeting.action_items:
        assert item.owner is None or item.owner in meeting.participants, item.owner
        if item.due_raw is not None:
            cited = [meeting.segment(i).text.lower() for i in item.segment_ids]
            assert any(item.due_raw.lower() in text for text in cited), item.due_raw
        if item.due_date is not None:
            assert item.due_raw is not None, "a resolved date needs the words it came from"
            assert item.due_date >= meeting.meeting_date, item.text
