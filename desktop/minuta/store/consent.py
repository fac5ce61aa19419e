"""Each recorded meeting's consent record, in the encrypted database.

One row per meeting (``meeting_consent``, schema v6), written in the transaction
that creates the meeting; deleting the meeting deletes it. Meetings from before
v6 and imported files have none.

``informed`` is a JSON list of the people told, as typed ("Name <email>" or a name).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from minuta.core.consent import ConsentMethod, ConsentRecord, parse_method
from minuta.core.models import Consent
from minuta.store.database import Database


def _informed(text: str) -> tuple[str, ...]:
    data: Any = json.loads(text or "[]")
    return tuple(str(p) for p in data) if isinstance(data, list) else ()


def _record(row: Any) -> ConsentRecord:
    try:
        decision = Consent(row["decision"])
    except ValueError:
        decision = Consent.UNKNOWN
    language = row["announcement_language"]
    return ConsentRecord(
        decision=decision,
        method=parse_method(str(row["method"]), decision),
        informed=_informed(str(row["informed"])),
        recorded_at=datetime.fromisoformat(str(row["recorded_at"])),
        note=str(row["note"]),
        announcement_language=str(language) if language else None,
    )


class ConsentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, meeting_id: int, record: ConsentRecord) -> None:
        """Write (or replace) the meeting's record, in the caller's transaction or its own."""
        if self._db.in_transaction:
            self._save(meeting_id, record)
            return
        with self._db.transaction():
            self._save(meeting_id, record)

    def _save(self, meeting_id: int, record: ConsentRecord) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO meeting_consent "
            "(meeting_id, decision, method, informed, recorded_at, note, announcement_language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                meeting_id,
                record.decision.value,
                ConsentMethod(record.method).value,
                json.dumps(list(record.informed), ensure_ascii=False),
                record.recorded_at.isoformat(),
                record.note,
                record.announcement_language,
            ),
        )

    def get(self, meeting_id: int) -> ConsentRecord | None:
        row = self._db.query_one(
            "SELECT decision, method, informed, recorded_at, note, announcement_language "
            "FROM meeting_consent "
            "WHERE meeting_id = ?",
            (meeting_id,),
        )
        return None if row is None else _record(row)
