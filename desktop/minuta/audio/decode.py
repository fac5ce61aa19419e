"""Decode an audio or video file to 16 kHz mono float32 with PyAV (FFmpeg).

Every failure becomes an :class:`AudioDecodeError` whose text says what is wrong
with the file in plain words: not found, not audio, no audio track, empty,
damaged, or cut short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from minuta.core.timecode import clock

TARGET_RATE = 16_000
# A file is "cut short" when this much less decodes than its header promises.
_TRUNCATION_TOLERANCE_S = 1.0
_TRUNCATION_TOLERANCE_RATIO = 0.02

ProgressCallback = Callable[[float, float | None], None]
"""Called with (seconds decoded, total seconds if known)."""


class AudioDecodeError(Exception):
    """The file cannot be imported; ``str()`` says why, for the user."""


class EmptyAudioError(AudioDecodeError):
    pass


class TruncatedAudioError(AudioDecodeError):
    def __init__(self, path: Path, declared_s: float, decoded_s: float) -> None:
        self.declared_s = declared_s
        self.decoded_s = decoded_s
        super().__init__(
            f"{path.name} is cut short: its header promises {clock(declared_s)} of audio but "
            f"only {clock(decoded_s)} could be decoded. It may still be downloading or "
            "copying. Import it anyway with --allow-truncated."
        )


@dataclass(frozen=True, slots=True)
class DecodedAudio:
    samples: np.ndarray
    sample_rate: int
    declared_duration_s: float | None
    recorded_at: datetime | None = None

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate


def _declared_duration(container: object, stream: object) -> float | None:
    duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if duration and time_base:
        return float(duration * time_base)
    total = getattr(container, "duration", None)
    if total:
        return float(total) / 1_000_000  # av.time_base
    return None


def _riff_declared_duration(path: Path) -> float | None:
    """What a WAV header promises. FFmpeg caps a WAV's duration at the file size,
    which hides exactly the truncation we want to report."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            byte_rate = 0
            while True:
                chunk = handle.read(8)
                if len(chunk) < 8:
                    return None
                size = int.from_bytes(chunk[4:8], "little")
                if chunk[:4] == b"fmt ":
                    fmt = handle.read(size)
                    byte_rate = int.from_bytes(fmt[8:12], "little") if len(fmt) >= 12 else 0
                    handle.seek(size % 2, 1)
                elif chunk[:4] == b"data":
                    # 0 and 0xFFFFFFFF are "unknown length" placeholders of streaming writers.
                    if not byte_rate or size in (0, 0xFFFFFFFF):
                        return None
                    return size / byte_rate
                else:
                    handle.seek(size + size % 2, 1)
    except OSError:
        return None


def decode_file(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    allow_truncated: bool = False,
) -> DecodedAudio:
    report = progress or (lambda done, total: None)
    container = _open(path)
    with container:
        if not container.streams.audio:
            raise AudioDecodeError(f"{path.name} has no audio track.")
        stream = container.streams.audio[0]
        declared = _declared_duration(container, stream)
        riff = _riff_declared_duration(path)
        if riff is not None:
            declared = max(declared or 0.0, riff)
        recorded_at = _creation_time(container.metadata) or _creation_time(stream.metadata)
        samples = _decode_stream(path, container, stream, declared, report)

    decoded_s = len(samples) / TARGET_RATE
    if declared is not None and not allow_truncated:
        tolerance = max(_TRUNCATION_TOLERANCE_S, declared * _TRUNCATION_TOLERANCE_RATIO)
        if decoded_s < declared - tolerance:
            raise TruncatedAudioError(path, declared, decoded_s)
    if decoded_s < 0.1:
        raise EmptyAudioError(f"{path.name} contains no audio (nothing could be decoded).")
    report(decoded_s, decoded_s)
    return DecodedAudio(samples, TARGET_RATE, declared, recorded_at)


def _open(path: Path) -> Any:
    import av

    if not path.exists():
        raise AudioDecodeError(f"{path} does not exist.")
    if path.is_dir():
        raise AudioDecodeError(f"{path} is a folder, not an audio file.")
    try:
        return av.open(str(path), metadata_errors="ignore")
    except av.FFmpegError as exc:
        raise AudioDecodeError(
            f"{path.name} is not an audio or video file Minuta can read ({_ffmpeg_reason(exc)})."
        ) from exc


def _decode_stream(
    path: Path, container: Any, stream: Any, declared: float | None, report: ProgressCallback
) -> np.ndarray:
    import av

    resampler = av.AudioResampler(format="flt", layout="mono", rate=TARGET_RATE)
    blocks: list[np.ndarray] = []
    decoded = 0

    def take(frames: list[Any]) -> None:
        nonlocal decoded
        for out in frames:
            block = out.to_ndarray().reshape(-1)
            blocks.append(block)
            decoded += len(block)

    try:
        for frame in container.decode(stream):
            take(resampler.resample(frame))
            report(decoded / TARGET_RATE, declared)
        take(resampler.resample(None))
    except av.FFmpegError as exc:
        where = clock(decoded / TARGET_RATE)
        raise AudioDecodeError(
            f"{path.name} is damaged: decoding failed at {where} ({_ffmpeg_reason(exc)})."
        ) from exc
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(blocks).astype(np.float32, copy=False)


def _creation_time(metadata: dict[str, str]) -> datetime | None:
    """The recording time that phones, Teams and Zoom write into MP4/M4A files."""
    value = metadata.get("creation_time") or metadata.get("date")
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.year < 1990:  # encoders that write a zero date
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _ffmpeg_reason(exc: Exception) -> str:
    # PyAV's message repeats the file name; keep FFmpeg's own words.
    strerror = getattr(exc, "strerror", None)
    return str(strerror or exc).strip() or type(exc).__name__
