"""Finding and recovering recordings that a crash, a kill or a full disk interrupted.

Nothing here runs by itself: the app and the CLI list what
:func:`find_interrupted` returns and ask the user. Recovery never appends to a
broken file. Each channel's whole chunks are sealed again into a new, finalised
file (bit-identical audio, see :func:`reseal_unfinished`), the new file is
read back completely, the database is pointed at it in one transaction, and
only then is the broken file removed. The journal's events and highlights are
imported the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from minuta.core.models import ChannelKind, Highlight, MeetingState, RecordingEvent
from minuta.store.errors import ContainerError, StoreError
from minuta.store.journal import read_journal
from minuta.store.recording_lock import RecordingLock
from minuta.store.store import Store


@dataclass(frozen=True, slots=True)
class InterruptedRecording:
    meeting_id: int
    title: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class RecoveredRecording:
    meeting_id: int
    duration_s: float
    channel_durations: dict[ChannelKind, float]
    events: int
    highlights: int


class RecoveryError(StoreError):
    pass


def find_interrupted(store: Store) -> list[InterruptedRecording]:
    """Recordings left unfinished whose recorder is no longer running."""
    return [
        InterruptedRecording(m.id, m.title, m.started_at)
        for m in store.recordings.recording_meetings()
        if not RecordingLock.is_held(store.paths.meeting_audio_dir(m.uid))
    ]


def _journal(
    store: Store, meeting_id: int, uid: str, key: bytes
) -> tuple[list[RecordingEvent], list[Highlight], str | None]:
    journal_uid = store.recordings.journal_uid(meeting_id)
    if journal_uid is None:
        return [], [], None
    path = store.audio_path(uid, journal_uid)
    if not path.exists():
        return [], [], journal_uid
    try:
        entries, _ = read_journal(path, key)
    except ContainerError:
        return [], [], journal_uid  # a damaged journal costs the events, never the audio
    events, highlights = [], []
    for entry in entries:
        if entry.get("kind") == "highlight":
            highlights.append(Highlight(float(entry["t"]), str(entry.get("label", ""))))
        elif entry.get("kind") != "started":
            channel = entry.get("channel")
            events.append(
                RecordingEvent(
                    float(entry.get("t", 0.0)),
                    str(entry["kind"]),
                    ChannelKind(channel) if channel else None,
                    dict(entry.get("detail") or {}),
                )
            )
    return events, highlights, journal_uid


def recover(store: Store, meeting_id: int) -> RecoveredRecording:
    from minuta.audio.encrypted_audio import (
        EncryptedAudioReader,
        EncryptedAudioWriter,
        reseal_unfinished,
    )

    meeting = store.meetings.get(meeting_id)
    if meeting.state is not MeetingState.RECORDING:
        raise RecoveryError(f"Meeting #{meeting_id} is not an interrupted recording.")
    folder = store.paths.meeting_audio_dir(meeting.uid)
    key = store.meeting_key(meeting.id, meeting.uid)
    with RecordingLock(folder):
        durations: dict[ChannelKind, float] = {}
        replaced = []
        for record in store.meetings.audio_files(meeting_id):
            if record.finalised:
                durations[record.channel] = record.duration_s
                continue
            old = store.audio_path(meeting.uid, record.file_uid)
            new_uid = uuid.uuid4().hex
            new = store.audio_path(meeting.uid, new_uid)
            if old.exists():
                duration = reseal_unfinished(old, new, key, new_uid)
            else:  # the process died before the file was created: an empty channel
                duration = EncryptedAudioWriter(
                    new, key, meeting_uid=meeting.uid, file_uid=new_uid, durable=False
                ).finish()
            check = EncryptedAudioReader(new, key)
            decoded = sum(len(block) for block in check.blocks())
            if not check.finalised or decoded < (duration - 0.1) * check.sample_rate:
                new.unlink(missing_ok=True)
                raise RecoveryError(
                    f"The recovered copy of meeting #{meeting_id} did not read back whole; "
                    "the original was kept as it is."
                )
            durations[record.channel] = duration
            replaced.append((record.id, duration, new_uid, old))

        events, highlights, journal_uid = _journal(store, meeting_id, meeting.uid, key)
        total = max(durations.values(), default=0.0)
        events.append(RecordingEvent(total, "recovered", None, {"reason": "interrupted"}))
        with store.db.transaction():
            for file_id, duration, new_uid, _ in replaced:
                store.recordings.finish_audio_file(file_id, duration_s=duration, file_uid=new_uid)
            store.recordings.add_events(meeting_id, events)
            store.recordings.add_highlights(meeting_id, highlights)
            store.recordings.set_state(meeting_id, MeetingState.PROCESSING, duration_s=total)
            store.db.execute("DELETE FROM journal_files WHERE meeting_id = ?", (meeting_id,))
        for _, _, _, old in replaced:
            old.unlink(missing_ok=True)
        if journal_uid is not None:
            store.audio_path(meeting.uid, journal_uid).unlink(missing_ok=True)
    (folder / "recording.lock").unlink(missing_ok=True)
    return RecoveredRecording(meeting_id, total, durations, len(events) - 1, len(highlights))
