"""What the meeting view asks of the store, as functions the worker runs.

Each takes plain values and returns plain values: nothing here holds a widget
(see :mod:`minuta.ui.store_worker`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from minuta.app.export_service import export_meeting
from minuta.app.meetings import DeletionReport, delete_meeting
from minuta.app.playback import ChannelFile, channel_files
from minuta.core.consent import ConsentRecord
from minuta.core.models import Highlight, Meeting, Segment
from minuta.store.store import Store, require_store


@dataclass(frozen=True, slots=True)
class MeetingData:
    meeting: Meeting
    segments: list[Segment]
    highlights: list[Highlight]
    consent: ConsentRecord | None = None  # None: none was kept (imported, or older)


def load(meeting_id: int) -> Callable[[Store | None], MeetingData]:
    def run(store: Store | None) -> MeetingData:
        store = require_store(store)
        return MeetingData(
            store.meetings.get(meeting_id),
            store.meetings.segments(meeting_id),
            store.recordings.highlights(meeting_id),
            consent=store.consent.get(meeting_id),
        )

    return run


def audio_files(meeting_id: int) -> Callable[[Store | None], list[ChannelFile]]:
    return lambda store: channel_files(require_store(store), meeting_id)


def update_details(
    meeting_id: int, *, title: str | None = None, participants: Sequence[str] | None = None
) -> Callable[[Store | None], None]:
    def run(store: Store | None) -> None:
        store = require_store(store)
        with store.db.transaction():
            store.meetings.update_details(meeting_id, title=title, participants=participants)

    return run


def set_notes(meeting_id: int, notes: str) -> Callable[[Store | None], None]:
    def run(store: Store | None) -> None:
        store = require_store(store)
        with store.db.transaction():
            store.meetings.set_notes(meeting_id, notes)

    return run


def edit_line(segment_id: int, text: str) -> Callable[[Store | None], None]:
    def run(store: Store | None) -> None:
        store = require_store(store)
        with store.db.transaction():
            store.meetings.edit_segment_text(segment_id, text)

    return run


def export(meeting_id: int, fmt: str, destination: str) -> Callable[[Store | None], bytes]:
    """The export's bytes, logged (with consent and audit head) before they are written."""
    return lambda store: export_meeting(require_store(store), meeting_id, fmt, destination)


def set_keep(meeting_id: int, keep: bool) -> Callable[[Store | None], bool]:
    """The user's "keep this meeting" (retention rules skip it), with its audit event."""
    from minuta.app.meetings import set_keep as keep_meeting

    return lambda store: keep_meeting(require_store(store), meeting_id, keep)


def delete(meeting_id: int) -> Callable[[Store | None], DeletionReport]:
    return lambda store: delete_meeting(require_store(store), meeting_id)


def write_private(path: Path, data: bytes) -> Path:
    """Write an export readable by the user alone (it is not encrypted: their choice)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    return path
