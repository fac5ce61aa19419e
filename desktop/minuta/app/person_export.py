"""A person's data as a file they can be given: JSON for machines, HTML for people.

The export holds exactly what :func:`minuta.app.person_find.find_person` found:
the meetings that mention the person (with only the participant entries,
notes lines, highlights and consent details that are theirs), every transcript
line they said or are named in, every summary item and summary text naming
them, the CRM records Minuta made with their data, and the exports that held
it. Nothing about other people's lines is added for context.

Exporting is recorded in the audit log (the query's SHA-256 and counts, never
the name) and in the exports log, in one transaction; the audit head after that
event is written into both files, so the export proves its own audit entry.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from minuta.app import person_report as r
from minuta.app.person_html import render_html
from minuta.core.audit import AuditKind
from minuta.core.text import fold
from minuta.core.timecode import clock
from minuta.store.store import Store

FORMAT = "minuta-person-export"
VERSION = 1
MATCHING = (
    "Whole words, ignoring case and accents: the full name (and its genitive: Karis, "
    "Kari's), the e-mail address, and in meetings the person took part in their first "
    "name or surname alone. Finnish and Lithuanian inflected forms are not matched."
)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PersonExport:
    json_bytes: bytes
    html_bytes: bytes
    audit_head: str


def slug(report: r.PersonReport) -> str:
    """A file-name part from the query: "Kari Nordmann" -> "kari-nordmann"."""
    source = report.query.name or report.query.email or "person"
    return _SLUG.sub("-", fold(source)).strip("-")[:60] or "person"


def export_paths(report: r.PersonReport, folder: Path) -> tuple[Path, Path]:
    stem = f"person-{slug(report)}"
    return folder / f"{stem}.json", folder / f"{stem}.html"


def _iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def _meeting(m: r.MeetingHit) -> dict[str, Any]:
    consent = None
    if m.consent is not None:
        consent = {
            "decision": m.consent.decision,
            "method": m.consent.method,
            "recorded_at": m.consent.recorded_at,
            "informed": list(m.consent.informed),
            "note": m.consent.note,
        }
    return {
        "id": m.id,
        "uid": m.uid,
        "title": m.title,
        "started_at": _iso(m.started_at),
        "duration_s": m.duration_s,
        "language": m.language,
        "why": list(m.reasons),
        "participants": list(m.participants),
        "notes": list(m.notes_lines),
        "consent": consent,
        "highlights": [
            {"id": h.id, "time_s": h.t_s, "time": clock(h.t_s), "label": h.label}
            for h in m.highlights
        ],
    }


def document(report: r.PersonReport, *, generated_at: datetime, audit_head: str) -> dict[str, Any]:
    """The export's JSON document (format "minuta-person-export", version 1)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": _iso(generated_at),
        "query": {
            "typed": report.typed,
            "name": report.query.name,
            "email": report.query.email,
            "matching": MATCHING,
        },
        "counts": report.counts(),
        "meetings": [_meeting(m) for m in report.meetings],
        "segments": [
            {
                "id": s.id,
                "meeting_id": s.meeting_id,
                "start_s": s.start_s,
                "end_s": s.end_s,
                "time": clock(s.start_s),
                "speaker": s.speaker,
                "text": s.text,
                "spoken_by_them": s.spoken,
                "mentions_them": s.mentioned,
            }
            for s in report.segments
        ],
        "speakers": [
            {"meeting_id": s.meeting_id, "label": s.label, "name": s.name} for s in report.speakers
        ],
        "summary_items": [
            {
                "summary_id": i.summary_id,
                "meeting_id": i.meeting_id,
                "index": i.index,
                "kind": i.kind,
                "text": i.text,
                "owner": i.owner,
                "due": i.due_raw,
                "due_date": _iso(i.due_date),
                "quotes": list(i.quotes),
            }
            for i in report.summary_items
        ],
        "summary_texts": [
            {
                "summary_id": t.summary_id,
                "meeting_id": t.meeting_id,
                "field": t.field,
                "text": t.text,
            }
            for t in report.summary_texts
        ],
        "crm_pushes": [
            {
                "push_id": p.id,
                "meeting_id": p.meeting_id,
                "connection": p.connection,
                "vendor": p.vendor,
                "state": p.state,
                "approved_at": _iso(p.approved_at),
                "payload_sha256": p.digest,
            }
            for p in report.pushes
        ],
        "crm_records": [
            {
                "push_id": c.push_id,
                "meeting_id": c.meeting_id,
                "connection": c.connection,
                "vendor": c.vendor,
                "record": c.what,
                "remote_id": c.remote_id,
                "url": c.url,
            }
            for c in report.crm_records
        ],
        "exports": [
            {
                "id": e.id,
                "meeting_id": e.meeting_id,
                "at": _iso(e.at),
                "kind": e.kind,
                "format": e.format,
                "destination": e.destination,
            }
            for e in report.exports
        ],
        "audit_head": audit_head,
    }


def _build(store: Store, report: r.PersonReport, destinations: tuple[str, str]) -> PersonExport:
    """Audit, render and log the export; the caller holds the transaction."""
    store.audit.add(
        AuditKind.PERSON_EXPORTED,
        detail={
            "query_sha256": report.query.sha256,
            "meetings": len(report.meetings),
            "segments": len(report.segments),
        },
    )
    head = store.audit.head()
    doc = document(report, generated_at=datetime.now(UTC), audit_head=head)
    json_bytes = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    html_bytes = render_html(doc).encode("utf-8")
    exports = getattr(store, "exports", None)
    if exports is not None:
        exports.add(None, "person", "json", destinations[0], json_bytes, head)
        exports.add(None, "person", "html", destinations[1], html_bytes, head)
    return PersonExport(json_bytes, html_bytes, head)


def export_person(store: Store, report: r.PersonReport, *, destination: str = "") -> PersonExport:
    """The export's bytes, recorded in the audit and exports logs (``destination``: where
    the caller writes them, as the exports log shows it)."""
    with store.db.transaction():
        return _build(store, report, (destination, destination))


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` readable by the user only (0600), replacing the file whole."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)


def save_person_export(store: Store, report: r.PersonReport, folder: Path) -> tuple[Path, Path]:
    """Write person-<name>.json and .html into ``folder`` (0600), logged as one export.

    Files and log entries go together: a file that cannot be written leaves no
    log entry (and no half-written file) behind.
    """
    json_path, html_path = export_paths(report, folder)
    with store.db.transaction():
        export = _build(store, report, (str(json_path), str(html_path)))
        written: list[Path] = []
        try:
            for path, data in ((json_path, export.json_bytes), (html_path, export.html_bytes)):
                _write_private(path, data)
                written.append(path)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return json_path, html_path
