"""Transcribing a finished recording: each channel on its own, echo kept out.

The microphone ("me") and the call audio ("them") are transcribed separately,
so every line knows who said it. Without headphones the microphone also hears
the far end through the speakers; before the microphone channel is
transcribed, the parts of it that are only that echo are gated out
(:mod:`minuta.audio.echo`), so the far end's words are not attributed to the
user as well. The stored audio is not changed.

This is the *final pass*: after a recording it replaces the live transcript
(beam search, word timestamps, each channel's language detected on its own
unless the user chose one, or "mixed" for a meeting that switches language).
Only the transcript lines are replaced: notes, highlights and the recording's
events are kept as they are, anchored to their times. A cancel leaves the
previous transcript exactly as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from minuta.app.speakers import assign_speakers, channel_audio
from minuta.core.models import ChannelKind, Segment
from minuta.store.store import Store
from minuta.transcribe.engine import TranscribeOptions, WhisperEngine
from minuta.transcribe.mixed import transcribe_mixed

Progress = Callable[[float, float], None]
MIXED = "mixed"  # the meeting switches language: detect it for every part
LanguageChoice = str | None | Mapping[ChannelKind, str | None]
"""None: detect per channel; a code for every channel; ``"mixed"``; or per channel."""


class TranscriptionCancelled(Exception):
    """The user cancelled the final pass; the earlier transcript is untouched."""


def channel_language(choice: LanguageChoice, kind: ChannelKind) -> str | None:
    if isinstance(choice, Mapping):
        return choice.get(kind)
    return choice


@dataclass(frozen=True, slots=True)
class RecordingTranscription:
    meeting_id: int
    segment_count: int
    languages: dict[ChannelKind, str | None]
    echo_gated_fraction: float


def _without_echo(mic: np.ndarray, far: np.ndarray) -> tuple[np.ndarray, float]:
    from minuta.audio.echo import suppress_echo

    result = suppress_echo(mic, far)
    return result.mic, result.gated_fraction


def transcribe_recording(
    store: Store,
    engine: WhisperEngine,
    meeting_id: int,
    *,
    language: LanguageChoice = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    speakers: dict[ChannelKind, int] | None = None,
) -> RecordingTranscription:
    """The final pass; ``speakers`` fixes how many people a channel holds, where known."""
    audio = channel_audio(store, meeting_id)
    gated_fraction = 0.0
    if ChannelKind.MICROPHONE in audio and ChannelKind.SYSTEM in audio:
        audio[ChannelKind.MICROPHONE], gated_fraction = _without_echo(
            audio[ChannelKind.MICROPHONE], audio[ChannelKind.SYSTEM]
        )
    total = sum(len(samples) for samples in audio.values()) / 16_000
    done = 0.0
    user_report = progress or (lambda d, t: None)

    def stop_if_cancelled() -> None:
        if cancel is not None and cancel.is_set():
            raise TranscriptionCancelled

    def report(seconds: float, of: float) -> None:
        stop_if_cancelled()
        user_report(seconds, of)

    transcripts: dict[ChannelKind, list[Segment]] = {}
    languages: dict[ChannelKind, str | None] = {}
    for kind, samples in audio.items():

        def channel_progress(seconds: float, _total: float, offset: float = done) -> None:
            report(offset + seconds, total)

        chosen = channel_language(language, kind)
        if chosen == MIXED:
            transcript = transcribe_mixed(engine, samples, channel=kind, progress=channel_progress)
        else:
            transcript = engine.transcribe(
                samples,
                TranscribeOptions(language=chosen),
                channel=kind,
                progress=channel_progress,
            )
        done += len(samples) / 16_000
        transcripts[kind] = list(transcript.segments)
        if not transcript.segments:
            languages[kind] = None
        else:
            languages[kind] = MIXED if chosen == MIXED else transcript.language
    # The last moment a cancel leaves the earlier transcript as it was.
    stop_if_cancelled()
    ids = store.meetings.channel_ids(meeting_id)
    spoken = max(transcripts, key=lambda k: len(transcripts[k]), default=None)
    with store.db.transaction():
        store.meetings.replace_transcript(
            meeting_id,
            {ids[kind]: segments for kind, segments in transcripts.items()},
            language=languages.get(spoken) if spoken else None,
            model=engine.model.name,
        )
    # Who said what: the microphone is the user (unless told otherwise); the call,
    # or an imported file, may hold several people. The new transcript is in, so
    # this last step is not cancelled half-way.
    assign_speakers(store, meeting_id, audio, speakers)
    user_report(total, total)
    return RecordingTranscription(
        meeting_id, sum(len(s) for s in transcripts.values()), languages, gated_fraction
    )
