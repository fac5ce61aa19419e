"""Meeting operations that touch both the database and the audio files.

Deleting a whole meeting, only its audio, or only its transcript; and the
user's "keep this meeting", which retention rules respect. Every deletion is
an audit event written in the same transaction as the deletion (counts only,
never a title or a word of the meeting), and then asks for the freed database
pages to be shredded (:mod:`minuta.app.shredding`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from minuta.core.audit import AuditKind
from minuta.core.models import Meeting, MeetingState
from minuta.store.errors import StoreError
from minuta.store.store import Store

Reason = Literal["retention", "user", "erasure"]


class MeetingBusyError(StoreError):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(
            f"Meeting #{meeting_id} is still being recorded or processed. Nothing was deleted; "
            "try again when it is ready."
        )


class AudioDeletedError(StoreError):
    """The meeting's audio (and the key it was encrypted with) is gone for good."""

    def __init__(self, meeting: Meeting) -> None:
        when = meeting.audio_deleted_at
        date = when.astimezone().strftime("%Y-%m-%d") if when else "an earlier date"
        super().__init__(f"The audio of this meeting was deleted on {date}.")
        self.deleted_at = when


@dataclass(frozen=True, slots=True)
class DeletionReport:
    meeting_id: int
    audio_files_removed: int
    leftover: str | None  # a folder that could not be removed, if any


@dataclass(frozen=True, slots=True)
class AudioDeletion:
    meeting_id: int
    audio_files: int  # audio and journal files whose rows went (0: there was nothing)
    deleted_at: datetime | None  # None: the audio was already gone, nothing was done
    leftover: str | None = None  # a folder that could not be removed, if any


@dataclass(frozen=True, slots=True)
class TranscriptDeletion:
    meeting_id: int
    segments: int
    speakers: int
    deleted_at: datetime | None  # None: the transcript was already gone, nothing was done


def _mark_shred_pending(store: Store) -> None:
    # Imported here: the shredding service is optional for tests of this module alone.
    from minuta.app.shredding import mark_shred_pending

    mark_shred_pending(store)


def _remove_folder(folder: Path) -> str | None:
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        return f"{folder} ({exc.strerror}); its files can no longer be decrypted"
    return None


def _require_idle(meeting: Meeting) -> None:
    if meeting.state in (MeetingState.RECORDING, MeetingState.PROCESSING):
        raise MeetingBusyError(meeting.id)


def delete_meeting(store: Store, meeting_id: int, *, reason: Reason = "user") -> DeletionReport:
    """Delete a meeting for good.

    The transaction that removes the meeting's rows also removes its wrapped
    data key, so from the moment it commits the audio files can no longer be
    decrypted by anyone (crypto-shredding). The WAL is then checkpointed so the
    old pages are overwritten in the main file, and the files are removed.
    """
    meeting = store.meetings.get(meeting_id)
    files = store.meetings.audio_files(meeting_id)
    segments = store.meetings.deletable_counts(meeting_id).segments
    with store.db.transaction():
        store.meetings.delete(meeting_id)
        store.audit.add(
            AuditKind.MEETING_DELETED,
            meeting_id=meeting_id,
            detail={"reason": reason, "audio_files": len(files), "segments": segments},
        )
    _mark_shred_pending(store)
    store.db.checkpoint()

    removed = sum(1 for record in files if store.audio_path(meeting.uid, record.file_uid).exists())
    leftover = _remove_folder(store.paths.meeting_audio_dir(meeting.uid))
    return DeletionReport(meeting_id, removed, leftover)


def delete_audio(
    store: Store, meeting_id: int, *, reason: Reason, at: datetime | None = None
) -> AudioDeletion:
    """Delete a meeting's audio and its data key; the transcript, notes and summaries stay.

    The key goes in the same transaction as the rows, so the files are unreadable
    from the commit on, whatever happens to them after. Speakers' voice
    embeddings are sealed with that key and identify a voice as well as the
    audio does, so they go too (the speakers' names and labels stay).
    ``at`` is the time recorded as the deletion's (default: now).
    """
    meeting = store.meetings.get(meeting_id)
    _require_idle(meeting)
    counts = store.meetings.deletable_counts(meeting_id)
    files, journals, voices = counts.audio_files, counts.journal_files, counts.voices
    if meeting.audio_deleted_at is not None and files + journals == 0:
        return AudioDeletion(meeting_id, 0, None)
    when = at or datetime.now(UTC)
    with store.db.transaction():
        store.meetings.delete_audio_rows(meeting_id, when)
        store.audit.add(
            AuditKind.AUDIO_DELETED,
            meeting_id=meeting_id,
            detail={
                "reason": reason,
                "audio_files": files,
                "journal_files": journals,
                "voice_embeddings": voices,
            },
        )
    _mark_shred_pending(store)
    store.db.checkpoint()
    leftover = _remove_folder(store.paths.meeting_audio_dir(meeting.uid))
    return AudioDeletion(meeting_id, files + journals, when, leftover)


def delete_transcript(
    store: Store, meeting_id: int, *, reason: Reason, at: datetime | None = None
) -> TranscriptDeletion:
    """Delete a meeting's transcript (lines, words, speakers); keep the meeting, its notes,
    highlights, audio and summaries. The search index follows by trigger."""
    meeting = store.meetings.get(meeting_id)
    _require_idle(meeting)
    counts = store.meetings.deletable_counts(meeting_id)
    segments, speakers = counts.segments, counts.speakers
    if meeting.transcript_deleted_at is not None and segments + speakers == 0:
        return TranscriptDeletion(meeting_id, 0, 0, None)
    when = at or datetime.now(UTC)
    with store.db.transaction():
        store.meetings.delete_transcript_rows(meeting_id, when)
        store.audit.add(
            AuditKind.TRANSCRIPT_DELETED,
            meeting_id=meeting_id,
            detail={"reason": reason, "segments": segments, "speakers": speakers},
        )
    _mark_shred_pending(store)
    store.db.checkpoint()
    return TranscriptDeletion(meeting_id, segments, speakers, when)


def set_keep(store: Store, meeting_id: int, keep: bool) -> bool:
    """Keep a meeting out of the retention rules (or let them apply again); True if changed."""
    meeting = store.meetings.get(meeting_id)
    if meeting.keep == keep:
        return False
    with store.db.transaction():
        store.meetings.set_keep(meeting_id, keep)
        store.audit.add(AuditKind.KEEP_CHANGED, meeting_id=meeting_id, detail={"keep": int(keep)})
    return True
