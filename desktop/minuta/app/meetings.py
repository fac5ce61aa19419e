"""Meeting operations that touch both the database and the audio files."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from minuta.store.store import Store


@dataclass(frozen=True, slots=True)
class DeletionReport:
    meeting_id: int
    audio_files_removed: int
    leftover: str | None  # a folder that could not be removed, if any


def delete_meeting(store: Store, meeting_id: int) -> DeletionReport:
    """Delete a meeting for good.

    The transaction that removes the meeting's rows also removes its wrapped
    data key, so from the moment it commits the audio files can no longer be
    decrypted by anyone (crypto-shredding). The WAL is then checkpointed so the
    old pages are overwritten in the main file, and the files are removed.
    """
    meeting = store.meetings.get(meeting_id)
    files = store.meetings.audio_files(meeting_id)
    with store.db.transaction():
        store.meetings.delete(meeting_id)
    store.db.checkpoint()

    folder = store.paths.meeting_audio_dir(meeting.uid)
    removed = sum(1 for record in files if store.audio_path(meeting.uid, record.file_uid).exists())
    leftover = None
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        leftover = f"{folder} ({exc.strerror}); its files can no longer be decrypted"
    return DeletionReport(meeting_id, removed, leftover)
