"""What left this machine: every CRM push and every export, with the exact bytes.

One list for the app's "What Left This Machine" window and ``minuta audit left``.
Pushes come from the outbox (their approved requests, byte for byte), exports
from :mod:`minuta.store.exports` (the file's bytes as written). Nothing here
leaves the computer or writes anything; it only reads the store, on the store's
thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from minuta.core.audit import AuditProblem, AuditVerification
from minuta.core.crm import CreatedRecord, OutboxPush, PushPlan
from minuta.store.exports import ExportEntry
from minuta.store.store import Store

LeftKind = Literal["push", "export"]

# Formats whose bytes are not text: shown described, never decoded.
BINARY_FORMATS = frozenset({"docx"})
_FORMAT_NAMES = {"docx": "Word document"}


@dataclass(frozen=True, slots=True)
class LeftItem:
    """One push or export, as listed (payloads are read one at a time)."""

    kind: LeftKind
    id: int
    at: datetime  # a push: when it was sent (or approved, while it waits); an export: when written
    meeting_id: int | None
    what: str  # the CRM connection's name, or the export's format
    where: str  # the CRM record it is linked to, or the file written ("stdout")
    state: str  # a push's state ("sent", "queued", …); "written" for an export
    digest: str  # SHA-256 of what was approved / written
    audit_head: str | None
    records: tuple[CreatedRecord, ...] = ()  # what the CRM made, for a push
    size: int = 0  # bytes, for an export
    person: bool = False  # an export of a person's data (not of a meeting)

    @property
    def key(self) -> str:
        """``push-3`` or ``export-5``: what ``minuta audit left --show`` takes."""
        return f"{self.kind}-{self.id}"


def push_item(push: OutboxPush) -> LeftItem:
    plan = push.plan
    target = plan.target
    records = tuple(s.record for s in push.steps if s.record is not None)
    return LeftItem(
        kind="push",
        id=push.id,
        at=push.finished_at or push.approved_at,
        meeting_id=push.meeting_id,
        what=plan.connection,
        where=f"{target.name} ({target.kind.value})",
        state=push.state.value,
        digest=plan.digest(),
        audit_head=push.audit_head or plan.audit_head or None,
        records=records,
    )


def export_item(entry: ExportEntry) -> LeftItem:
    return LeftItem(
        kind="export",
        id=entry.id,
        at=entry.at,
        meeting_id=entry.meeting_id,
        what=entry.format,
        where=entry.destination,
        state="written",
        digest=entry.digest,
        audit_head=entry.audit_head,
        size=entry.size,
        person=entry.kind == "person",
    )


def left_items(store: Store, limit: int = 1000) -> list[LeftItem]:
    """Every push and export, newest first."""
    items = [push_item(p) for p in store.outbox.all_pushes(limit)]
    items += [export_item(e) for e in store.exports.list(limit)]
    items.sort(key=lambda item: item.at, reverse=True)
    return items[:limit]


def parse_key(text: str) -> tuple[LeftKind, int]:
    """``push-3`` / ``push:3`` / ``export-5`` -> (kind, id); ValueError otherwise."""
    kind, sep, number = text.strip().lower().replace(":", "-").partition("-")
    if not sep or kind not in ("push", "export") or not number.isdigit():
        raise ValueError(f"{text!r} is not push-N or export-N")
    return ("push" if kind == "push" else "export"), int(number)


def push_plan(store: Store, push_id: int) -> PushPlan:
    """The approved requests of one push, exactly as stored (KeyError if none)."""
    return store.outbox.get(push_id).plan


def export_entry(store: Store, export_id: int) -> ExportEntry:
    """One export with its bytes (LookupError if none)."""
    return store.exports.get(export_id)


def plan_bytes(plan: PushPlan) -> bytes:
    """Every request as the review showed it: method and address, headers, body."""
    parts: list[bytes] = []
    for number, request in enumerate(plan.requests, start=1):
        head = [f"-- Request {number} of {len(plan.requests)}: {request.record}"]
        head.append(f"{request.method} {request.url}")
        head += [f"{name}: {value}" for name, value in request.headers]
        parts.append("\n".join(head).encode("utf-8") + b"\n\n" + request.body + b"\n")
    return b"\n".join(parts)


def is_binary(fmt: str, payload: bytes) -> bool:
    if fmt in BINARY_FORMATS:
        return True
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def describe_binary(fmt: str, size: int, digest: str) -> str:
    """ "Word document, 14 KB, SHA-256 3f2a…" for bytes that are not text."""
    name = _FORMAT_NAMES.get(fmt, f"{fmt.upper()} file")
    kb = max(1, round(size / 1024))
    return f"{name}, {kb} KB, SHA-256 {digest}"


def heads_seen_outside(store: Store) -> list[str]:
    """The heads exports and pushes carried (as recorded here), for :meth:`AuditLog.verify`."""
    rows = store.db.query_all(
        "SELECT audit_head FROM exports WHERE audit_head != '' "
        "UNION SELECT audit_head FROM crm_pushes WHERE audit_head IS NOT NULL AND audit_head != ''"
    )
    return sorted({str(row[0]) for row in rows})


def verify_audit(store: Store, expected: tuple[str, ...] = ()) -> AuditVerification:
    """The chain checked against the heads given and every head recorded as sent out."""
    heads = [*expected, *heads_seen_outside(store)]
    result = store.audit.verify(heads)
    # One head recorded by many exports is one problem, not many.
    unique: dict[tuple[object, object, str], AuditProblem] = {}
    for problem in result.problems:
        unique.setdefault((problem.kind, problem.event_id, problem.message), problem)
    return AuditVerification(result.count, result.head, tuple(unique.values()))
