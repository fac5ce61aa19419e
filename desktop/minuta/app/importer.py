"""Importing an audio or video file as a meeting.

Decode -> encrypt the audio into the meeting's container -> transcribe -> store
meeting, channel, audio record, segments and words in one transaction. Until
that transaction commits there is no meeting; if anything fails or the user
cancels, the half-written audio file is removed and nothing else remains (the
meeting's key only ever existed in memory).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from minuta.audio.decode import decode_file
from minuta.audio.encrypted_audio import SAMPLE_RATE, EncryptedAudioWriter
from minuta.core.audit import AuditKind
from minuta.core.models import ChannelKind, MeetingSource, MeetingState, Transcript
from minuta.store.fsutil import ensure_private_dir
from minuta.store.meetings import NewMeeting
from minuta.store.store import Store
from minuta.transcribe.engine import TranscribeOptions, WhisperEngine
from minuta.transcribe.languages import normalise_language


class ImportStage(StrEnum):
    DECODING = "Decoding"
    ENCRYPTING = "Encrypting audio"
    TRANSCRIBING = "Transcribing"
    SAVING = "Saving"


_ENCRYPT_BLOCK = SAMPLE_RATE * 30  # progress granularity while encoding

ImportProgress = Callable[[ImportStage, float, float | None], None]
"""Called with (stage, amount done, total) in seconds of audio."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    meeting_id: int
    duration_s: float
    language: str | None
    segment_count: int


def _ignore(stage: ImportStage, done: float, total: float | None) -> None:
    return None


def import_file(
    store: Store,
    engine: WhisperEngine,
    path: Path,
    *,
    title: str | None = None,
    language: str | None = None,
    allow_truncated: bool = False,
    progress: ImportProgress | None = None,
) -> ImportResult:
    report = progress or _ignore
    language = normalise_language(language)
    decoded = decode_file(
        path,
        progress=lambda done, total: report(ImportStage.DECODING, done, total),
        allow_truncated=allow_truncated,
    )
    meeting_uid = uuid.uuid4().hex
    file_uid = uuid.uuid4().hex
    key, wrapped_key = store.new_meeting_key(meeting_uid)
    meeting_dir = store.paths.meeting_audio_dir(meeting_uid)
    try:
        ensure_private_dir(meeting_dir)
        report(ImportStage.ENCRYPTING, 0.0, decoded.duration_s)
        writer = EncryptedAudioWriter(
            store.audio_path(meeting_uid, file_uid),
            key,
            meeting_uid=meeting_uid,
            file_uid=file_uid,
            durable=False,
        )
        try:
            for start in range(0, len(decoded.samples), _ENCRYPT_BLOCK):
                writer.write(decoded.samples[start : start + _ENCRYPT_BLOCK])
                report(
                    ImportStage.ENCRYPTING, writer.samples_written / SAMPLE_RATE, decoded.duration_s
                )
            duration = writer.finish()
        except BaseException:
            writer.abort()
            raise
        report(ImportStage.ENCRYPTING, duration, duration)

        transcript = engine.transcribe(
            decoded.samples,
            TranscribeOptions(language=language),
            progress=lambda done, total: report(ImportStage.TRANSCRIBING, done, total),
        )
        report(ImportStage.SAVING, 0.0, None)
        meeting_id = _save(
            store,
            meeting_uid=meeting_uid,
            file_uid=file_uid,
            wrapped_key=wrapped_key,
            title=title or path.stem,
            started_at=decoded.recorded_at or _file_time(path),
            duration=duration,
            transcript=transcript,
            file_format=path.suffix.lstrip(".").lower() or "unknown",
        )
    except BaseException:
        shutil.rmtree(meeting_dir, ignore_errors=True)
        raise
    report(ImportStage.SAVING, 1.0, 1.0)
    return ImportResult(meeting_id, duration, transcript.language, len(transcript.segments))


def _save(
    store: Store,
    *,
    meeting_uid: str,
    file_uid: str,
    wrapped_key: bytes,
    title: str,
    started_at: datetime,
    duration: float,
    transcript: Transcript,
    file_format: str,
) -> int:
    with store.db.transaction():
        meeting_id = store.meetings.create(
            NewMeeting(
                uid=meeting_uid,
                title=title,
                started_at=started_at,
                source=MeetingSource.IMPORT,
                state=MeetingState.READY,
                duration_s=duration,
                language=transcript.language,
                transcript_model=transcript.model,
            ),
            wrapped_key,
        )
        channel_id = store.meetings.add_channel(
            meeting_id, ChannelKind.MIXED, ChannelKind.MIXED.default_label
        )
        store.meetings.add_audio_file(
            meeting_id, channel_id, file_uid, SAMPLE_RATE, duration, finalised=True
        )
        store.meetings.add_segments(meeting_id, channel_id, transcript.segments)
        # The file's type and the audio's length; never its name, which can name people.
        store.audit.add(
            AuditKind.MEETING_IMPORTED,
            meeting_id=meeting_id,
            detail={
                "format": file_format,
                "duration_s": round(duration),
                "segments": len(transcript.segments),
                "language": transcript.language or "",
            },
        )
    return meeting_id


def _file_time(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
