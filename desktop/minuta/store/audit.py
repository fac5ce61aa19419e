"""The audit log: an append-only list of events in the encrypted database.

Nothing here updates or deletes an event; erasing a meeting leaves its events,
which hold hashes and ids only (:mod:`minuta.core.audit`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from minuta.core.audit import AuditEvent, AuditKind
from minuta.store.database import Database


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, event: AuditEvent) -> int:
        cursor = self._db.execute(
            "INSERT INTO audit_events (at, kind, meeting_id, detail) VALUES (?, ?, ?, ?)",
            (
                event.at.astimezone(UTC).isoformat(),
                event.kind.value,
                event.meeting_id,
                json.dumps(event.detail, sort_keys=True),
            ),
        )
        return int(cursor.lastrowid)

    def add(
        self,
        kind: AuditKind,
        *,
        meeting_id: int | None = None,
        detail: dict[str, str | int | list[str]] | None = None,
    ) -> int:
        return self.record(
            AuditEvent(datetime.now(UTC), kind, meeting_id=meeting_id, detail=detail or {})
        )

    def events(self, *, meeting_id: int | None = None, limit: int = 1000) -> list[AuditEvent]:
        """Newest first."""
        if meeting_id is None:
            rows = self._db.query_all(
                "SELECT id, at, kind, meeting_id, detail FROM audit_events "
                "ORDER BY id DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self._db.query_all(
                "SELECT id, at, kind, meeting_id, detail FROM audit_events "
                "WHERE meeting_id = ? ORDER BY id DESC LIMIT ?",
                (meeting_id, limit),
            )
        return [
            AuditEvent(
                at=datetime.fromisoformat(row["at"]),
                kind=AuditKind(row["kind"]),
                meeting_id=row["meeting_id"],
                detail=json.loads(row["detail"]),
                id=row["id"],
            )
            for row in rows
        ]
