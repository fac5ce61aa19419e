"""Loader for the hand-labelled meeting-summary gold set in ``tests/data/summaries``.

Plain dataclasses with no dependency on app code, so the set can score any summary
backend (and be read by the benchmark scripts) without importing Minuta itself.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "summaries"

MEETING_TYPES = frozenset(
    {"sales_discovery", "customer_follow_up", "recruiting_interview", "project_status", "internal"}
)


@dataclass(frozen=True)
class GoldSegment:
    id: int
    start: float
    end: float
    speaker: str
    text: str


@dataclass(frozen=True)
class GoldDecision:
    text: str
    segment_ids: tuple[int, ...]


@dataclass(frozen=True)
class GoldActionItem:
    text: str
    owner: str | None
    due_raw: str | None
    due_date: dt.date | None
    segment_ids: tuple[int, ...]


@dataclass(frozen=True)
class GoldRisk:
    text: str
    segment_ids: tuple[int, ...]


@dataclass(frozen=True)
class GoldMeeting:
    id: str
    language: str
    meeting_type: str
    meeting_date: dt.date
    title: str
    participants: tuple[str, ...]
    segments: tuple[GoldSegment, ...]
    decisions: tuple[GoldDecision, ...]
    action_items: tuple[GoldActionItem, ...]
    risks: tuple[GoldRisk, ...]
    path: Path

    def segment(self, segment_id: int) -> GoldSegment:
        """The segment with this id (KeyError when absent)."""
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)


def _ids(raw: dict[str, Any]) -> tuple[int, ...]:
    return tuple(int(i) for i in raw["segment_ids"])


def _meeting(path: Path) -> GoldMeeting:
    raw = json.loads(path.read_text(encoding="utf-8"))
    labels = raw["labels"]
    return GoldMeeting(
        id=raw["id"],
        language=raw["language"],
        meeting_type=raw["meeting_type"],
        meeting_date=dt.date.fromisoformat(raw["meeting_date"]),
        title=raw["title"],
        participants=tuple(raw["participants"]),
        segments=tuple(
            GoldSegment(
                id=int(s["id"]),
                start=float(s["start"]),
                end=float(s["end"]),
                speaker=s["speaker"],
                text=s["text"],
            )
            for s in raw["segments"]
        ),
        decisions=tuple(GoldDecision(d["text"], _ids(d)) for d in labels["decisions"]),
        action_items=tuple(
            GoldActionItem(
                text=a["text"],
                owner=a["owner"],
                due_raw=a["due_raw"],
                due_date=dt.date.fromisoformat(a["due_date"]) if a["due_date"] else None,
                segment_ids=_ids(a),
            )
            for a in labels["action_items"]
        ),
        risks=tuple(GoldRisk(r["text"], _ids(r)) for r in labels["risks"]),
        path=path,
    )


def load_gold(directory: Path = GOLD_DIR) -> list[GoldMeeting]:
    """Every gold meeting in ``directory``, sorted by file name."""
    return [_meeting(p) for p in sorted(directory.glob("*.json"))]
