"""The audit log: an append-only hash chain of events in the encrypted database.

Nothing here updates or deletes an event; erasing a meeting leaves its events,
which hold hashes and ids only (:mod:`minuta.core.audit`). Events get
consecutive ids, and each stores the previous event's hash and its own, so
:meth:`AuditLog.verify` finds an edited event, a removed one, and (given a head
hash seen in an export or a push) events cut off the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from minuta.core.audit import (
    GENESIS_HASH,
    AuditEvent,
    AuditKind,
    AuditProblem,
    AuditVerification,
    DetailValue,
    ProblemKind,
    chain_hash,
)
from minuta.store.database import Database

_COLUMNS = "id, at, kind, meeting_id, detail, prev_hash, hash"


def _detail(row: Any) -> dict[str, Any] | None:
    """The event's detail; None when it is not a JSON object (edited outside Minuta)."""
    try:
        detail = json.loads(row["detail"])
    except (TypeError, ValueError):
        return None
    return detail if isinstance(detail, dict) else None


def _event(row: Any) -> AuditEvent:
    try:
        kind = AuditKind(row["kind"])
    except ValueError:  # written by a newer Minuta: shown as what it is not, never dropped
        kind = AuditKind.SETTING_CHANGED
    try:
        at = datetime.fromisoformat(str(row["at"]))
    except ValueError:  # edited outside Minuta; verify() reports it, the list still shows it
        at = datetime.fromtimestamp(0, UTC)
    return AuditEvent(
        at=at,
        kind=kind,
        meeting_id=row["meeting_id"],
        detail=_detail(row) or {},
        id=row["id"],
        hash=row["hash"],
        prev_hash=row["prev_hash"],
    )


def _row_hash(row: Any, prev_hash: str) -> str:
    """The hash ``row`` should have; "" (matching no hash) when its detail is not readable."""
    detail = _detail(row)
    if detail is None:
        return ""
    return chain_hash(
        prev_hash,
        event_id=int(row["id"]),
        at=str(row["at"]),
        kind=str(row["kind"]),
        meeting_id=row["meeting_id"],
        detail=detail,
    )


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- writing ------------------------------------------------------------------

    def record(self, event: AuditEvent) -> int:
        """Append ``event`` to the chain (in the caller's transaction, or its own)."""
        if self._db.in_transaction:
            return self._append(event)
        with self._db.transaction():
            return self._append(event)

    def _append(self, event: AuditEvent) -> int:
        last = self._db.query_one("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")
        event_id = 1 if last is None else int(last["id"]) + 1
        prev_hash = GENESIS_HASH if last is None else str(last["hash"] or GENESIS_HASH)
        at = event.at.astimezone(UTC).isoformat()
        # Hashed as it will read back: JSON turns tuples into lists, enum members
        # into their values and keys into strings, and verify() hashes what it reads.
        detail = json.loads(json.dumps(dict(event.detail), ensure_ascii=False))
        digest = chain_hash(
            prev_hash,
            event_id=event_id,
            at=at,
            kind=event.kind.value,
            meeting_id=event.meeting_id,
            detail=detail,
        )
        self._db.execute(
            "INSERT INTO audit_events (id, at, kind, meeting_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                at,
                event.kind.value,
                event.meeting_id,
                json.dumps(detail, sort_keys=True, ensure_ascii=False),
                prev_hash,
                digest,
            ),
        )
        return event_id

    def add(
        self,
        kind: AuditKind,
        *,
        meeting_id: int | None = None,
        detail: Mapping[str, DetailValue] | None = None,
    ) -> int:
        return self.record(
            AuditEvent(datetime.now(UTC), kind, meeting_id=meeting_id, detail=dict(detail or {}))
        )

    def chain_unchained(self) -> int:
        """Chain the events of a store written before the log was a chain (once).

        Only a log with no hash at all is chained: an event without a hash among
        hashed ones is a problem for :meth:`verify` to report, never to "repair".
        """
        row = self._db.query_one("SELECT count(*) FROM audit_events WHERE hash IS NOT NULL")
        if row is None or int(row[0]) > 0:
            return 0
        rows = self._db.query_all(f"SELECT {_COLUMNS} FROM audit_events ORDER BY id")  # noqa: S608
        if not rows:
            return 0
        with self._db.transaction():
            prev_hash = GENESIS_HASH
            for row in rows:
                digest = _row_hash(row, prev_hash)
                self._db.execute(
                    "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev_hash, digest, row["id"]),
                )
                prev_hash = digest
        return len(rows)

    # --- reading ------------------------------------------------------------------

    def head(self) -> str:
        """The newest event's hash (64 zeros while the log is empty)."""
        row = self._db.query_one("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
        return GENESIS_HASH if row is None or row[0] is None else str(row[0])

    def events(
        self,
        *,
        meeting_id: int | None = None,
        kinds: Iterable[AuditKind] | None = None,
        limit: int = 1000,
    ) -> list[AuditEvent]:
        """Newest first."""
        where: list[str] = []
        params: list[Any] = []
        if meeting_id is not None:
            where.append("meeting_id = ?")
            params.append(meeting_id)
        if kinds is not None:
            values = [kind.value for kind in kinds]
            where.append(f"kind IN ({', '.join('?' for _ in values)})")
            params.extend(values)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.query_all(
            f"SELECT {_COLUMNS} FROM audit_events {clause} ORDER BY id DESC LIMIT ?",  # noqa: S608
            (*params, limit),
        )
        return [_event(row) for row in rows]

    def verify(self, expected_heads: Iterable[str] = ()) -> AuditVerification:
        """Walk the chain from the first event; report every break and the head.

        ``expected_heads``: heads seen outside the store (an export's footer, a
        push's payload). One that is not the hash of an event in the chain means
        events were cut off the end, or the chain was rewritten.
        """
        problems: list[AuditProblem] = []
        prev_hash = GENESIS_HASH
        expected_id = 1
        count = 0
        seen: set[str] = {GENESIS_HASH}
        for row in self._db.query_all(f"SELECT {_COLUMNS} FROM audit_events ORDER BY id"):  # noqa: S608
            count += 1
            event_id = int(row["id"])
            if event_id != expected_id:
                gap = (
                    f"{expected_id}"
                    if event_id == expected_id + 1
                    else (f"{expected_id}–{event_id - 1}")
                )
                problems.append(
                    AuditProblem(
                        ProblemKind.MISSING,
                        event_id,
                        f"Entry {gap} is missing: it was removed before entry {event_id}.",
                    )
                )
            elif row["prev_hash"] != prev_hash and row["hash"] is not None:
                problems.append(
                    AuditProblem(
                        ProblemKind.MISSING,
                        event_id,
                        f"Entry {event_id} does not follow the entry before it: an entry "
                        "was removed or replaced.",
                    )
                )
            if row["hash"] is None:
                problems.append(
                    AuditProblem(
                        ProblemKind.UNCHAINED,
                        event_id,
                        f"Entry {event_id} has no hash: it was added outside Minuta.",
                    )
                )
                # Chain on from what its hash would be, so an entry whose hash was
                # only blanked is one problem, not two.
                prev_hash = _row_hash(row, prev_hash)
                seen.add(prev_hash)
                expected_id = event_id + 1
                continue
            recomputed = _row_hash(row, str(row["prev_hash"] or ""))
            if not recomputed or recomputed != row["hash"]:
                problems.append(
                    AuditProblem(
                        ProblemKind.CHANGED,
                        event_id,
                        f"Entry {event_id} was changed after it was written.",
                    )
                )
            prev_hash = str(row["hash"] or "")
            seen.add(prev_hash)
            expected_id = event_id + 1
        head = prev_hash if count else GENESIS_HASH
        for expected in expected_heads:
            if expected.lower() not in seen and not any(
                value.startswith(expected.lower()) for value in seen if len(expected) >= 16
            ):
                problems.append(
                    AuditProblem(
                        ProblemKind.NOT_FOUND,
                        None,
                        f"The head {expected} (from an export or a push) is not in the log: "
                        "entries were cut off the end, or the log was rewritten.",
                    )
                )
        return AuditVerification(count=count, head=head, problems=tuple(problems))
