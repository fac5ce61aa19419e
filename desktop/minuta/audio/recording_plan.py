"""What a recording is asked to do and what it reports: the recorder's vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

import numpy as np

from minuta.audio.capture import AudioDevice, DeviceKind
from minuta.audio.levels import Level
from minuta.core.models import ChannelKind, Highlight, RecordingEvent


class StopReason(StrEnum):
    USER = "user"
    MAX_LENGTH = "max_length"
    DISK_FULL = "disk_full"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ChannelPlan:
    kind: ChannelKind
    device_kind: DeviceKind
    device: AudioDevice | None  # None: whatever the system default is, following changes


@dataclass(frozen=True, slots=True)
class Limits:
    max_length_s: float = 4 * 3600.0
    silence_prompt_s: float = 15 * 60.0
    mic_silence_warning_s: float = 30.0
    watchdog_s: float = 1.5
    # A device waking from suspend (a Bluetooth headset, a sleeping sink) may take
    # seconds to deliver its first block; a running one that stops is lost at once.
    first_block_s: float = 6.0
    reopen_every_s: float = 1.0


class AudioSink(Protocol):
    def write(self, samples: np.ndarray) -> None: ...

    def finish(self) -> float: ...

    def abort(self) -> None: ...


class EventSink(Protocol):
    def append(self, event: dict[str, Any]) -> None: ...

    def close(self, *, final: bool) -> None: ...


class RecorderListener(Protocol):
    """Called on the recorder's worker thread: hand over, do not block."""

    def levels(self, levels: Mapping[ChannelKind, Level]) -> None: ...

    def event(self, event: RecordingEvent) -> None: ...


@dataclass
class RecorderResult:
    reason: StopReason
    durations: dict[ChannelKind, float]
    events: list[RecordingEvent]
    highlights: list[Highlight]
    overflows: dict[ChannelKind, int]
    error: str | None = None
