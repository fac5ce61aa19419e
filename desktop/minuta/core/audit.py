"""What the audit log records: who sent what where, by hash and id, never by content.

An event's ``detail`` holds only identifiers and hashes (the CRM's name, the
target's id, the SHA-256 of the approved payload, the ids of the records made)
so the log can be shown to a compliance team, or kept after the meeting itself
is deleted, without holding a word of the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class AuditKind(StrEnum):
    PUSH_APPROVED = "crm.push.approved"
    PUSH_SENT = "crm.push.sent"
    PUSH_FAILED = "crm.push.failed"
    PUSH_CANCELLED = "crm.push.cancelled"
    CRM_CONNECTED = "crm.connected"
    CRM_DISCONNECTED = "crm.disconnected"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    at: datetime
    kind: AuditKind
    meeting_id: int | None = None
    detail: dict[str, str | int | list[str]] = field(default_factory=dict)
    id: int | None = None
