"""Domain types shared by every layer.

Plain frozen dataclasses: no Qt, no I/O, no database ids leaking meaning beyond
"which row this came from". Times inside a meeting are seconds from the start
of its audio; wall-clock times are timezone-aware datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class MeetingState(StrEnum):
    RECORDING = "recording"
    PROCESSING = "processing"
    READY = "ready"
    PUSHED = "pushed"  # the reviewed notes went to the CRM


class Consent(StrEnum):
    """What the user recorded about the participants' consent before recording.

    Only ``INFORMED`` and ``INTERNAL`` allow a recording to start; ``DECLINED``
    means nothing is recorded. ``UNKNOWN`` is what meetings recorded before this
    was asked (and imported files) carry.
    """

    UNKNOWN = "unknown"
    INFORMED = "informed"  # everyone was told and agreed
    INTERNAL = "internal"  # an internal meeting, covered by the workplace's own policy
    DECLINED = "declined"  # someone declined: no recording

    @property
    def allows_recording(self) -> bool:
        return self in (Consent.INFORMED, Consent.INTERNAL)


class MeetingSource(StrEnum):
    IMPORT = "import"
    RECORDING = "recording"


class ChannelKind(StrEnum):
    """Where a channel's audio came from.

    An imported file is one ``MIXED`` channel; a recording has the user's
    ``MICROPHONE`` and, for calls, the computer's ``SYSTEM`` output.
    """

    MIXED = "mixed"
    MICROPHONE = "microphone"
    SYSTEM = "system"

    @property
    def default_label(self) -> str:
        return {
            ChannelKind.MIXED: "speaker",
            ChannelKind.MICROPHONE: "me",
            ChannelKind.SYSTEM: "them",
        }[self]


@dataclass(frozen=True, slots=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of speech on one channel, with its words."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    channel: ChannelKind = ChannelKind.MIXED
    speaker: str | None = None
    language: str | None = None
    avg_logprob: float | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Channel:
    kind: ChannelKind
    label: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """One voice in a meeting: an anonymous ``label`` until the user gives it a ``name``."""

    id: int
    meeting_id: int
    channel: ChannelKind
    label: str
    name: str | None = None
    talk_time_s: float = 0.0
    segment_count: int = 0

    @property
    def display_name(self) -> str:
        return self.name or self.label


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    uid: str
    title: str
    started_at: datetime
    duration_s: float
    source: MeetingSource
    state: MeetingState
    language: str | None = None
    notes: str = ""
    transcript_model: str | None = None
    segment_count: int = 0
    participants: tuple[str, ...] = ()
    consent: str = "unknown"
    # Retention: the user's "keep this meeting" (rules skip it), and when the audio or
    # the transcript was deleted (by a rule or by the user); None while it is there.
    keep: bool = False
    audio_deleted_at: datetime | None = None
    transcript_deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Highlight:
    """A moment the user marked while recording, in seconds from the start."""

    t_s: float
    label: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class RecordingEvent:
    """Something that happened while recording (device lost, gap, pause, …)."""

    t_s: float
    kind: str
    channel: ChannelKind | None = None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Transcript:
    """A finished transcription of one audio stream."""

    language: str | None
    language_probability: float
    duration_s: float
    segments: tuple[Segment, ...] = field(default_factory=tuple)
    model: str = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    meeting_id: int
    meeting_title: str
    started_at: datetime
    kind: str  # "segment", "title" or "note"
    time_s: float | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
