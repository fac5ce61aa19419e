"""Meetings that switch language: the language is detected for each part, not once.

Whisper decides a language from the first 30 seconds and keeps it. In a meeting
where the customer speaks Finnish and the team English, that turns half the
meeting into a phonetic guess. Here the channel's speech is cut into windows
of up to 30 s at pauses, each window's language is detected, neighbouring
windows of the same language are joined into runs, and each run is transcribed
with its own language. Lines carry the language they were decoded in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from minuta.core.models import ChannelKind, Segment, Transcript, Word
from minuta.transcribe.engine import (
    SAMPLE_RATE,
    TranscribeOptions,
    WhisperEngine,
    speech_regions,
)

Span = tuple[float, float]
WINDOW_S = 30.0
_RUN_GAP_S = 0.5  # audio kept around a run, so its first and last words are whole


def speech_windows(speech: list[Span], duration: float, window_s: float = WINDOW_S) -> list[Span]:
    """Speech regions joined into windows of at most ``window_s``, cut only at pauses."""
    windows: list[Span] = []
    for region_start, end in speech:
        if windows and end - windows[-1][0] <= window_s:
            windows[-1] = (windows[-1][0], end)
            continue
        start = region_start
        while end - start > window_s:  # one region longer than a window
            windows.append((start, start + window_s))
            start += window_s
        windows.append((start, min(end, duration)))
    return windows


def language_runs(windows: list[Span], languages: list[str]) -> list[tuple[str, Span]]:
    """Consecutive windows of one language, as (language, span)."""
    runs: list[tuple[str, Span]] = []
    for (start, end), language in zip(windows, languages, strict=True):
        if runs and runs[-1][0] == language:
            runs[-1] = (language, (runs[-1][1][0], end))
        else:
            runs.append((language, (start, end)))
    return runs


def transcribe_mixed(
    engine: WhisperEngine,
    audio: np.ndarray,
    *,
    channel: ChannelKind,
    progress: Callable[[float, float], None] | None = None,
) -> Transcript:
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    duration = len(audio) / SAMPLE_RATE
    report = progress or (lambda done, total: None)
    windows = speech_windows(speech_regions(audio), duration)
    languages = [
        engine.detect_language(audio[int(s * SAMPLE_RATE) : int(e * SAMPLE_RATE)])[0]
        for s, e in windows
    ]
    segments: list[Segment] = []
    for language, (start, end) in language_runs(windows, languages):
        begin = max(0.0, start - _RUN_GAP_S)
        stop = min(duration, end + _RUN_GAP_S)
        piece = audio[int(begin * SAMPLE_RATE) : int(stop * SAMPLE_RATE)]

        def run_progress(done: float, _total: float, offset: float = begin) -> None:
            report(offset + done, duration)

        part = engine.transcribe(
            piece, TranscribeOptions(language=language), channel=channel, progress=run_progress
        )
        segments += [_shifted(segment, begin, language) for segment in part.segments]
    report(duration, duration)
    spoken = {s.language for s in segments}
    return Transcript(
        language=spoken.pop() if len(spoken) == 1 else None,
        language_probability=1.0,
        duration_s=duration,
        segments=tuple(sorted(segments, key=lambda s: s.start)),
        model=engine.model.name,
    )


def _shifted(segment: Segment, offset: float, language: str) -> Segment:
    return replace(
        segment,
        start=segment.start + offset,
        end=segment.end + offset,
        words=tuple(
            Word(w.start + offset, w.end + offset, w.text, w.probability) for w in segment.words
        ),
        language=language,
    )
