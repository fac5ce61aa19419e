"""Every export, with the exact bytes that left, in the encrypted database.

"What left this machine" lists these next to the CRM pushes. Each entry keeps
the payload itself (so the user can see exactly what went), its SHA-256, where
it was written, and the audit head the export carried. Deleting the meeting
deletes its entries (their audit events stay: they hold hashes only).
"""

from __future__ import annotations

import builtins
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from minuta.store.database import Database

ExportKind = Literal["meeting", "person"]
EXPORT_KINDS: tuple[str, ...] = get_args(ExportKind)

_COLUMNS = "id, meeting_id, at, kind, format, destination, digest, audit_head, length(payload)"


@dataclass(frozen=True, slots=True)
class ExportEntry:
    id: int
    meeting_id: int | None
    at: datetime
    kind: ExportKind
    format: str
    destination: str  # the file written, or "stdout"
    digest: str  # SHA-256 of the payload, hex
    audit_head: str  # the audit head written into the export
    size: int  # bytes
    payload: bytes | None = None  # only from ExportLog.get: lists stay light


def payload_digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _entry(row: Any, payload: bytes | None = None) -> ExportEntry:
    kind = str(row["kind"])
    return ExportEntry(
        id=int(row["id"]),
        meeting_id=row["meeting_id"],
        at=datetime.fromisoformat(str(row["at"])),
        kind="person" if kind == "person" else "meeting",
        format=str(row["format"]),
        destination=str(row["destination"]),
        digest=str(row["digest"]),
        audit_head=str(row["audit_head"]),
        size=int(row[8]),
        payload=payload,
    )


class ExportLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(  # noqa: PLR0917 - the order everyone calls it in: who, what, where, bytes, head
        self,
        meeting_id: int | None,
        kind: ExportKind,
        fmt: str,
        destination: str,
        payload: bytes,
        audit_head: str,
    ) -> int:
        """Record an export (in the caller's transaction, or its own); its id."""
        if kind not in EXPORT_KINDS:
            raise ValueError(f"unknown export kind {kind!r}")
        row = (
            meeting_id,
            datetime.now(UTC).isoformat(),
            kind,
            fmt,
            destination,
            payload_digest(payload),
            audit_head,
            payload,
        )
        sql = (
            "INSERT INTO exports (meeting_id, at, kind, format, destination, digest, "
            "audit_head, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        if self._db.in_transaction:
            return int(self._db.execute(sql, row).lastrowid)
        with self._db.transaction():
            return int(self._db.execute(sql, row).lastrowid)

    def list(
        self, limit: int = 1000, *, meeting_id: int | None = None
    ) -> builtins.list[ExportEntry]:
        """Newest first, without their payloads (see :meth:`get`)."""
        where = "WHERE meeting_id = ?" if meeting_id is not None else ""
        params: tuple[Any, ...] = (meeting_id, limit) if meeting_id is not None else (limit,)
        rows = self._db.query_all(
            f"SELECT {_COLUMNS} FROM exports {where} ORDER BY id DESC LIMIT ?",  # noqa: S608
            params,
        )
        return [_entry(row) for row in rows]

    def get(self, export_id: int) -> ExportEntry:
        """One export, with the exact bytes that left."""
        row = self._db.query_one(
            f"SELECT {_COLUMNS}, payload FROM exports WHERE id = ?",  # noqa: S608
            (export_id,),
        )
        if row is None:
            raise LookupError(f"no export {export_id}")
        return _entry(row, bytes(row["payload"]))
