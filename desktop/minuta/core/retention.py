"""Retention rules: when a meeting's audio and transcript are deleted. No I/O.

One policy applies to all meetings; a meeting type (the template its latest
summary followed) may have its own. A meeting without a summary has no type and
follows the rules for all meetings. Audio is the most personal part (a voice
identifies a person), so by default it is deleted 30 days after the meeting;
transcripts and summaries are kept until the user deletes them.

The same function, :func:`scheduled`, says what the rules will delete and when;
:func:`due_actions` (what a run deletes now) and :func:`upcoming` (the preview)
both filter its answer, so a preview can never disagree with the run after it.
A meeting the user chose to keep, and one still being recorded or processed, is
never due.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final, Literal

from minuta.core.models import MeetingState

What = Literal["audio", "transcript"]
AUDIO: Final = "audio"
TRANSCRIPT: Final = "transcript"

DEFAULT_AUDIO_DAYS = 30
MAX_DAYS = 3650  # ten years: anything longer is "keep"
MAX_MONTHS = 600
FORMAT_VERSION = 1


class AudioRule(StrEnum):
    """What happens to a meeting's audio."""

    KEEP = "keep"  # until the user deletes it
    DAYS_AFTER_MEETING = "days_after_meeting"
    AFTER_PUSH = "after_push"  # once the summary is sent to the CRM (or N days, if sooner)


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus calendar months; the day is clamped (31 Jan + 1 month = 28/29 Feb)."""
    index = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _check_count(name: str, value: object, maximum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise ValueError(f"{name} must be a whole number from 1 to {maximum}, or none")
    return value


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """The rules for one kind of meeting.

    ``audio_days``: the audio is deleted this many days after the meeting (None:
    not by age). ``audio_after_push``: it is deleted as soon as the summary has
    been sent to the CRM; with ``audio_days`` too, whichever comes first.
    ``transcript_months``: the transcript is deleted this many calendar months
    after the meeting (None: kept). Summaries are always kept until deleted.
    """

    audio_days: int | None = DEFAULT_AUDIO_DAYS
    audio_after_push: bool = False
    transcript_months: int | None = None

    def __post_init__(self) -> None:
        _check_count("audio_days", self.audio_days, MAX_DAYS)
        _check_count("transcript_months", self.transcript_months, MAX_MONTHS)
        if not isinstance(self.audio_after_push, bool):
            raise ValueError("audio_after_push must be true or false")

    @classmethod
    def from_rule(
        cls, rule: AudioRule, days: int | None = None, *, transcript_months: int | None = None
    ) -> RetentionPolicy:
        """A policy from the way the settings page asks: ``days`` is the rule's number
        (required for DAYS_AFTER_MEETING, the optional "at the latest" for AFTER_PUSH)."""
        if rule is AudioRule.KEEP:
            return cls(None, False, transcript_months)
        if rule is AudioRule.DAYS_AFTER_MEETING:
            if days is None:
                raise ValueError("deleting audio after some days needs the number of days")
            return cls(days, False, transcript_months)
        return cls(days, True, transcript_months)

    @property
    def audio_rule(self) -> AudioRule:
        if self.audio_after_push:
            return AudioRule.AFTER_PUSH
        if self.audio_days is None:
            return AudioRule.KEEP
        return AudioRule.DAYS_AFTER_MEETING

    @property
    def keeps_summaries(self) -> bool:
        """Summaries are kept until the user deletes them: no rule removes them."""
        return True

    def audio_due_at(self, started_at: datetime, pushed_at: datetime | None) -> datetime | None:
        candidates: list[datetime] = []
        if self.audio_days is not None:
            candidates.append(started_at + timedelta(days=self.audio_days))
        if self.audio_after_push and pushed_at is not None:
            candidates.append(pushed_at)
        return min(candidates, default=None)

    def transcript_due_at(self, started_at: datetime) -> datetime | None:
        if self.transcript_months is None:
            return None
        return add_months(started_at, self.transcript_months)

    def to_dict(self) -> dict[str, Any]:
        return {
            "audio_days": self.audio_days,
            "audio_after_push": self.audio_after_push,
            "transcript_months": self.transcript_months,
        }

    @classmethod
    def from_dict(cls, data: object) -> RetentionPolicy:
        """Raises ValueError for anything that is not a policy: an unreadable rule is
        never guessed at, since a guess could delete what the user meant to keep."""
        if not isinstance(data, Mapping):
            raise ValueError("a retention policy must be an object")
        unknown = set(data) - {"audio_days", "audio_after_push", "transcript_months"}
        if unknown:
            raise ValueError(f"unknown retention fields: {', '.join(sorted(map(str, unknown)))}")
        default = cls()
        return cls(
            audio_days=data.get("audio_days", default.audio_days),
            audio_after_push=data.get("audio_after_push", default.audio_after_push),
            transcript_months=data.get("transcript_months", default.transcript_months),
        )


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """The policy for all meetings, and the meeting types that have their own."""

    global_policy: RetentionPolicy = field(default_factory=RetentionPolicy)
    per_type: dict[str, RetentionPolicy] = field(default_factory=dict)

    def policy_for(self, meeting_type: str | None) -> RetentionPolicy:
        if meeting_type and meeting_type in self.per_type:
            return self.per_type[meeting_type]
        return self.global_policy

    def with_policy(
        self, meeting_type: str | None, policy: RetentionPolicy | None
    ) -> RetentionSettings:
        """A copy with ``policy`` for ``meeting_type`` (None: for all meetings); a None
        policy for a type removes its own rules (it follows the rules for all)."""
        if meeting_type is None:
            if policy is None:
                raise ValueError("the rules for all meetings cannot be removed")
            return replace(self, global_policy=policy)
        per_type = dict(self.per_type)
        if policy is None:
            per_type.pop(meeting_type, None)
        else:
            per_type[meeting_type] = policy
        return replace(self, per_type=per_type)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "global": self.global_policy.to_dict(),
            "per_type": {key: self.per_type[key].to_dict() for key in sorted(self.per_type)},
        }

    @classmethod
    def from_dict(cls, data: object) -> RetentionSettings:
        """Raises ValueError when ``data`` is not readable as settings (see RetentionPolicy)."""
        if not isinstance(data, Mapping):
            raise ValueError("retention settings must be an object")
        version = data.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise ValueError(f"unknown retention settings version {version!r}")
        per_type = data.get("per_type", {})
        if not isinstance(per_type, Mapping):
            raise ValueError("per_type must be an object")
        return cls(
            global_policy=RetentionPolicy.from_dict(data.get("global", {})),
            per_type={
                str(key): RetentionPolicy.from_dict(value) for key, value in per_type.items()
            },
        )


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the rules need to know about one meeting (see ``MeetingRepository.retention_facts``)."""

    meeting_id: int
    title: str
    started_at: datetime
    meeting_type: str | None = None  # the latest summary's template; None: no summary
    keep: bool = False  # the user's "keep this meeting"
    has_audio: bool = False
    has_transcript: bool = False
    pushed_at: datetime | None = None  # when a summary was first sent to the CRM
    state: MeetingState = MeetingState.READY
    # When an imported file came into Minuta: an old file imported today keeps its
    # audio N days from today, not from the day it was recorded (which could be
    # long past, and would delete it at the next run). None for recordings.
    imported_at: datetime | None = None

    @property
    def counted_from(self) -> datetime:
        """Where "N days after the meeting" and "M months" are counted from."""
        if self.imported_at is not None and self.imported_at > self.started_at:
            return self.imported_at
        return self.started_at

    @property
    def busy(self) -> bool:
        """Still being recorded or processed: its files are in use."""
        return self.state in (MeetingState.RECORDING, MeetingState.PROCESSING)


@dataclass(frozen=True, slots=True)
class Action:
    """One deletion the rules make: ``what`` of a meeting, at ``due_at``."""

    meeting_id: int
    title: str
    what: What
    due_at: datetime

    @property
    def key(self) -> tuple[int, str]:
        return (self.meeting_id, self.what)


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None:
        raise ValueError("retention times must be timezone-aware")


def scheduled(facts: Iterable[MeetingFacts], settings: RetentionSettings) -> list[Action]:
    """Every deletion the rules will make, whenever it falls; by time, then meeting."""
    actions: list[Action] = []
    for meeting in facts:
        if meeting.keep or meeting.busy:
            continue
        _require_aware(meeting.counted_from)
        policy = settings.policy_for(meeting.meeting_type)
        if meeting.has_audio:
            due = policy.audio_due_at(meeting.counted_from, meeting.pushed_at)
            if due is not None:
                actions.append(Action(meeting.meeting_id, meeting.title, AUDIO, due))
        if meeting.has_transcript:
            due = policy.transcript_due_at(meeting.counted_from)
            if due is not None:
                actions.append(Action(meeting.meeting_id, meeting.title, TRANSCRIPT, due))
    actions.sort(key=lambda a: (a.due_at, a.meeting_id, a.what))
    return actions


def due_actions(
    facts: Iterable[MeetingFacts], settings: RetentionSettings, now: datetime
) -> list[Action]:
    """What a run at ``now`` deletes: everything due at or before it."""
    _require_aware(now)
    return [action for action in scheduled(facts, settings) if action.due_at <= now]


def upcoming(
    facts: Iterable[MeetingFacts],
    settings: RetentionSettings,
    now: datetime,
    horizon_days: int = 30,
) -> list[Action]:
    """What becomes due after ``now`` and within ``horizon_days``."""
    _require_aware(now)
    if horizon_days < 0:
        raise ValueError("the horizon cannot be negative")
    end = now + timedelta(days=horizon_days)
    return [action for action in scheduled(facts, settings) if now < action.due_at <= end]


__all__ = [
    "AUDIO",
    "DEFAULT_AUDIO_DAYS",
    "MAX_DAYS",
    "MAX_MONTHS",
    "TRANSCRIPT",
    "Action",
    "AudioRule",
    "MeetingFacts",
    "RetentionPolicy",
    "RetentionSettings",
    "What",
    "add_months",
    "due_actions",
    "scheduled",
    "upcoming",
]
