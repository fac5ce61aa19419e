"""Transcribing a finished recording: each channel on its own, echo kept out.

The microphone ("me") and the call audio ("them") are transcribed separately,
so every line knows who said it. Without headphones the microphone also hears
the far end through the speakers; before the microphone channel is
transcribed, the parts of it that are only that echo are gated out
(:mod:`minuta.audio.echo`), so the far end's words are not attributed to the
user as well. The stored audio is not changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from minuta.audio.encrypted_audio import EncryptedAudioReader
from minuta.core.models import ChannelKind, Segment
from minuta.store.store import Store
from minuta.transcribe.engine import TranscribeOptions, WhisperEngine

Progress = Callable[[float, float], None]


@dataclass(frozen=True, slots=True)
class RecordingTranscription:
    meeting_id: int
    segment_count: int
    languages: dict[ChannelKind, str | None]
    echo_gated_fraction: float


def _channel_audio(store: Store, meeting_id: int) -> dict[ChannelKind, np.ndarray]:
    meeting = store.meetings.get(meeting_id)
    key = store.meeting_key(meeting.id, meeting.uid)
    return {
        record.channel: EncryptedAudioReader(store.audio_path(meeting.uid, record.file_uid), key)
        .read_all()
        .samples
        for record in store.meetings.audio_files(meeting_id)
    }


def _without_echo(mic: np.ndarray, far: np.ndarray) -> tuple[np.ndarray, float]:
    from minuta.audio.echo import suppress_echo

    result = suppress_echo(mic, far)
    return result.mic, result.gated_fraction


def transcribe_recording(
    store: Store,
    engine: WhisperEngine,
    meeting_id: int,
    *,
    language: str | None = None,
    progress: Progress | None = None,
) -> RecordingTranscription:
    audio = _channel_audio(store, meeting_id)
    gated_fraction = 0.0
    if ChannelKind.MICROPHONE in audio and ChannelKind.SYSTEM in audio:
        audio[ChannelKind.MICROPHONE], gated_fraction = _without_echo(
            audio[ChannelKind.MICROPHONE], audio[ChannelKind.SYSTEM]
        )
    total = sum(len(samples) for samples in audio.values()) / 16_000
    done = 0.0
    report = progress or (lambda d, t: None)
    transcripts: dict[ChannelKind, list[Segment]] = {}
    languages: dict[ChannelKind, str | None] = {}
    for kind, samples in audio.items():

        def channel_progress(seconds: float, _total: float, offset: float = done) -> None:
            report(offset + seconds, total)

        transcript = engine.transcribe(
            samples, TranscribeOptions(language=language), channel=kind, progress=channel_progress
        )
        done += len(samples) / 16_000
        transcripts[kind] = list(transcript.segments)
        languages[kind] = transcript.language if transcript.segments else None
    ids = store.meetings.channel_ids(meeting_id)
    spoken = max(transcripts, key=lambda k: len(transcripts[k]), default=None)
    with store.db.transaction():
        store.meetings.replace_transcript(
            meeting_id,
            {ids[kind]: segments for kind, segments in transcripts.items()},
            language=languages.get(spoken) if spoken else None,
            model=engine.model.name,
        )
    report(total, total)
    return RecordingTranscription(
        meeting_id, sum(len(s) for s in transcripts.values()), languages, gated_fraction
    )
