"""What a recording adds to a meeting: its journal, events, highlights, and states."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from minuta.core.models import ChannelKind, Highlight, MeetingState, RecordingEvent
from minuta.store.database import Database


@dataclass(frozen=True, slots=True)
class UnfinishedMeeting:
    id: int
    uid: str
    title: str
    started_at: datetime


class RecordingRepository:
    """Callers group writes in ``db.transaction()``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_journal(self, meeting_id: int, file_uid: str) -> None:
        self._db.execute(
            "INSERT INTO journal_files (meeting_id, file_uid) VALUES (?, ?)",
            (meeting_id, file_uid),
        )

    def journal_uid(self, meeting_id: int) -> str | None:
        row = self._db.query_one(
            "SELECT file_uid FROM journal_files WHERE meeting_id = ?", (meeting_id,)
        )
        return None if row is None else str(row[0])

    def add_events(self, meeting_id: int, events: list[RecordingEvent]) -> None:
        self._db.executemany(
            "INSERT INTO recording_events (meeting_id, t_s, kind, channel, detail) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (
                    meeting_id,
                    e.t_s,
                    e.kind,
                    e.channel.value if e.channel else None,
                    json.dumps(e.detail, ensure_ascii=False),
                )
                for e in events
            ],
        )

    def events(self, meeting_id: int) -> list[RecordingEvent]:
        rows = self._db.query_all(
            "SELECT t_s, kind, channel, detail FROM recording_events "
            "WHERE meeting_id = ? ORDER BY t_s, id",
            (meeting_id,),
        )
        return [
            RecordingEvent(
                row["t_s"],
                row["kind"],
                ChannelKind(row["channel"]) if row["channel"] else None,
                json.loads(row["detail"]),
            )
            for row in rows
        ]

    def add_highlights(self, meeting_id: int, highlights: list[Highlight]) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.executemany(
            "INSERT INTO highlights (meeting_id, t_s, label, created_at) VALUES (?, ?, ?, ?)",
            [(meeting_id, h.t_s, h.label, now) for h in highlights],
        )

    def highlights(self, meeting_id: int) -> list[Highlight]:
        rows = self._db.query_all(
            "SELECT id, t_s, label FROM highlights WHERE meeting_id = ? ORDER BY t_s, id",
            (meeting_id,),
        )
        return [Highlight(row["t_s"], row["label"], row["id"]) for row in rows]

    def finish_audio_file(
        self, audio_file_id: int, *, duration_s: float, file_uid: str | None = None
    ) -> None:
        if file_uid is None:
            self._db.execute(
                "UPDATE audio_files SET duration_s = ?, finalised = 1 WHERE id = ?",
                (duration_s, audio_file_id),
            )
        else:
            self._db.execute(
                "UPDATE audio_files SET duration_s = ?, finalised = 1, file_uid = ? WHERE id = ?",
                (duration_s, file_uid, audio_file_id),
            )

    def set_state(
        self, meeting_id: int, state: MeetingState, *, duration_s: float | None = None
    ) -> None:
        if duration_s is None:
            self._db.execute(
                "UPDATE meetings SET state = ? WHERE id = ?", (state.value, meeting_id)
            )
        else:
            self._db.execute(
                "UPDATE meetings SET state = ?, duration_s = ? WHERE id = ?",
                (state.value, duration_s, meeting_id),
            )

    def recording_meetings(self) -> list[UnfinishedMeeting]:
        """Meetings still marked as recording: live now, or interrupted."""
        rows = self._db.query_all(
            "SELECT id, uid, title, started_at FROM meetings WHERE state = 'recording' "
            "ORDER BY started_at"
        )
        return [
            UnfinishedMeeting(
                row["id"], row["uid"], row["title"], datetime.fromisoformat(row["started_at"])
            )
            for row in rows
        ]
