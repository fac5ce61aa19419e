"""What the audit log records, and the hash chain that makes it tamper-evident.

An event's ``detail`` holds only identifiers and hashes (the CRM's name, the
target's id, the SHA-256 of the approved payload, the ids of the records made, a
setting's name but never its value) so the log can be shown to a compliance team,
or kept after the meeting itself is deleted, without holding a word of the meeting.

Each event carries ``hash = SHA-256(canonical JSON of {prev, id, at, kind,
meeting_id, detail})``, where ``prev`` is the previous event's hash (64 zeros for
the first). Editing an event changes its hash; removing one breaks the next
event's ``prev``; the newest hash (the *head*) is written into every export and
push, so cutting events off the end is caught by checking that a head seen
outside is still in the chain. Anyone can recompute it: the algorithm is this
function and nothing else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

GENESIS_HASH = "0" * 64

DetailValue = str | int | list[str]


class AuditKind(StrEnum):
    PUSH_APPROVED = "crm.push.approved"
    PUSH_SENT = "crm.push.sent"
    PUSH_FAILED = "crm.push.failed"
    PUSH_CANCELLED = "crm.push.cancelled"
    CRM_CONNECTED = "crm.connected"
    CRM_DISCONNECTED = "crm.disconnected"
    RECORDING_STARTED = "meeting.recorded"
    RECORDING_DECLINED = "meeting.recording_declined"
    MEETING_IMPORTED = "meeting.imported"
    MEETING_EXPORTED = "meeting.exported"
    MEETING_DELETED = "meeting.deleted"
    AUDIO_DELETED = "meeting.audio_deleted"
    TRANSCRIPT_DELETED = "meeting.transcript_deleted"
    KEEP_CHANGED = "meeting.keep_changed"
    RETENTION_RUN = "retention.run"
    RECOVERY_KEY_VIEWED = "store.recovery_key.viewed"
    STORE_REKEYED = "store.rekeyed"
    SETTING_CHANGED = "setting.changed"
    PERSON_EXPORTED = "person.exported"
    PERSON_ERASED = "person.erased"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    at: datetime
    kind: AuditKind
    meeting_id: int | None = None
    detail: dict[str, DetailValue] = field(default_factory=dict)
    id: int | None = None
    hash: str | None = None
    prev_hash: str | None = None


def chain_hash(
    prev_hash: str,
    *,
    event_id: int,
    at: str,
    kind: str,
    meeting_id: int | None,
    detail: Mapping[str, object],
) -> str:
    """The hash of one event, chained to the one before (``at`` as stored, ISO 8601)."""
    body = {
        "prev": prev_hash,
        "id": event_id,
        "at": at,
        "kind": kind,
        "meeting_id": meeting_id,
        "detail": dict(detail),
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ProblemKind(StrEnum):
    CHANGED = "changed"  # the event's content no longer matches its hash
    MISSING = "missing"  # an event before this one was removed (or the chain re-linked)
    UNCHAINED = "unchained"  # the event has no hash at all
    NOT_FOUND = "not_found"  # a head seen outside (an export, a push) is not in the chain


@dataclass(frozen=True, slots=True)
class AuditProblem:
    kind: ProblemKind
    event_id: int | None
    message: str


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """The result of walking the whole chain."""

    count: int
    head: str
    problems: tuple[AuditProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def short_hash(value: str) -> str:
    """The first 16 hex digits: enough to compare by eye, as in exports' footers."""
    return value[:16]
