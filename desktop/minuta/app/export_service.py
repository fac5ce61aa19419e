"""Exporting a meeting, logged: the one way the app and ``minuta export`` make an export.

:func:`export_meeting` builds the file's bytes with the meeting's consent and
the audit log's head in them, then, in one transaction, keeps those exact bytes
in the export log ("What left this machine") and appends a
``meeting.exported`` event with their SHA-256. The caller writes the bytes where
the user chose; nothing here touches the file system.

The head written into the file is the head *before* this export's own event
(the event cannot hold its own hash, and naming the event before it is what
makes the check useful): ``minuta audit verify --expect <head>`` on a store
later proves that no event up to that point was cut off the log. Head, bytes,
log entry and event are made in one write transaction, so no other connection
can slip an event in between.
"""

from __future__ import annotations

from minuta.app.export import FORMATS, ExportContext, export_bytes
from minuta.core.audit import AuditKind
from minuta.store.exports import payload_digest
from minuta.store.store import Store

STDOUT = "stdout"  # the destination of an export printed rather than written to a file


def export_meeting(store: Store, meeting_id: int, fmt: str, destination: str) -> bytes:
    """The export's bytes, with consent and audit head; logged with them before they leave.

    ``destination`` is where the caller is about to write them (a path, or
    :data:`STDOUT`). Raises ``ValueError`` for an unknown format, before anything
    is logged.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    with store.db.transaction():
        meeting = store.meetings.get(meeting_id)
        segments = store.meetings.segments(meeting_id)
        head = store.audit.head()
        context = ExportContext(consent=store.consent.get(meeting_id), audit_head=head)
        data = export_bytes(meeting, segments, fmt, context)
        export_id = store.exports.add(meeting_id, "meeting", fmt, destination, data, head)
        store.audit.add(
            AuditKind.MEETING_EXPORTED,
            meeting_id=meeting_id,
            detail={
                "format": fmt,
                "sha256": payload_digest(data),
                "audit_head": head,
                "export_id": export_id,
            },
        )
    return data
