"""The readable side of a person export: one self-contained HTML page.

Built from the same document as the JSON file (:func:`minuta.app.person_export.document`),
so the two cannot disagree. Every value is escaped; the page loads nothing (its
Content-Security-Policy forbids scripts and any resource from elsewhere) and
links only to the CRM records, which open in the CRM's own web app. English, with
ISO dates, so it reads the same wherever it is opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import urlsplit

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
         border-bottom: 1px solid #e4e4e4; }
th { font-weight: 600; background: #f4f4f4; }
.quiet { color: #5f5f5f; font-size: 0.9rem; }
code { font-size: 0.85rem; word-break: break-all; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  th { background: #262626; } th, td { border-color: #333; } .quiet { color: #a8a8a8; }
}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _text(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(url: str | None) -> str:
    """A link to a CRM record; anything but http(s) is shown as text, never linked."""
    if not url:
        return ""
    if urlsplit(url).scheme not in ("http", "https"):
        return _text(url)
    return f'<a href="{_text(url)}" rel="noreferrer noopener">{_text(url)}</a>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """``rows`` hold HTML already escaped (or built from escaped parts)."""
    head = "".join(f"<th>{_text(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(title: str, count: int, content: str) -> str:
    if not count:
        return f"<h2>{_text(title)} (0)</h2><p class='quiet'>Nothing.</p>"
    return f"<h2>{_text(title)} ({count})</h2>{content}"


def _lines(values: Iterable[object]) -> str:
    return "<br>".join(_text(v) for v in values)


def _meetings(doc: dict[str, Any]) -> str:
    rows = []
    for m in doc["meetings"]:
        details = []
        if m["participants"]:
            details.append("Participant: " + _lines(m["participants"]))
        if m["notes"]:
            details.append("Notes: " + _lines(m["notes"]))
        if m["consent"]:
            c = m["consent"]
            consent = "Consent: " + ", ".join(
                _text(c[key]) for key in ("decision", "method", "recorded_at")
            )
            if c["informed"]:
                consent += "; informed: " + _lines(c["informed"])
            if c["note"]:
                consent += "; note: " + _text(c["note"])
            details.append(consent)
        for h in m["highlights"]:
            details.append(f"Highlight at {_text(h['time'])}: {_text(h['label'])}")
        rows.append(
            (
                _text(m["id"]),
                _text(m["started_at"]),
                _text(m["title"]),
                _text(", ".join(m["why"])),
                "<br>".join(details),
            )
        )
    return _table(("#", "Date (UTC)", "Title", "Why", "Details"), rows)


def _segments(doc: dict[str, Any]) -> str:
    titles = {m["id"]: m["title"] for m in doc["meetings"]}
    rows = [
        (
            _text(f"#{s['meeting_id']} {titles.get(s['meeting_id'], '')}"),
            _text(s["time"]),
            _text(s["speaker"]),
            _text(s["text"]),
        )
        for s in doc["segments"]
    ]
    return _table(("Meeting", "Time", "Speaker", "Text"), rows)


def _summaries(doc: dict[str, Any]) -> str:
    rows = [
        (
            _text(f"#{i['meeting_id']}"),
            _text(i["kind"].replace("_", " ")),
            _text(i["text"]),
            _text(i["owner"] or ""),
            _text(i["due_date"] or i["due"] or ""),
            _lines(i["quotes"]),
        )
        for i in doc["summary_items"]
    ]
    rows += [
        (_text(f"#{t['meeting_id']}"), _text(t["field"]), _text(t["text"]), "", "", "")
        for t in doc["summary_texts"]
    ]
    return _table(("Meeting", "Kind", "Text", "Owner", "Due", "Said"), rows)


def _crm(doc: dict[str, Any]) -> str:
    rows = [
        (
            _text(c["connection"]),
            _text(c["vendor"]),
            _text(c["record"]),
            f"<code>{_text(c['remote_id'])}</code>",
            _link(c["url"]),
        )
        for c in doc["crm_records"]
    ]
    note = (
        "<p class='quiet'>These records are in the CRM, not on this computer: "
        "change or delete them there.</p>"
    )
    return note + _table(("CRM", "Vendor", "Record", "Id", "Link"), rows)


def _exports(doc: dict[str, Any]) -> str:
    rows = [
        (_text(e["at"]), _text(e["kind"]), _text(e["format"]), _text(e["destination"]))
        for e in doc["exports"]
    ]
    return _table(("When (UTC)", "Kind", "Format", "Written to"), rows)


def render_html(doc: dict[str, Any]) -> str:
    query = doc["query"]
    who = query["name"] or query["email"] or query["typed"]
    address = f" &lt;{_text(query['email'])}&gt;" if query["name"] and query["email"] else ""
    items = len(doc["summary_items"]) + len(doc["summary_texts"])
    body = [
        f"<h1>Data about {_text(who)}{address}</h1>",
        f"<p class='quiet'>Exported by Minuta on {_text(doc['generated_at'])}. "
        f"What matches: {_text(query['matching'])}</p>",
        _section("Meetings", len(doc["meetings"]), _meetings(doc)),
        _section("Transcript lines", len(doc["segments"]), _segments(doc)),
        _section("Summary items", items, _summaries(doc)),
        _section("Sent to CRM", len(doc["crm_records"]), _crm(doc)),
        _section("Exports", len(doc["exports"]), _exports(doc)),
        f"<p class='quiet'>Format {_text(doc['format'])} version {_text(doc['version'])}. "
        f"Audit log head: <code>{_text(doc['audit_head'])}</code></p>",
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        "<meta name='referrer' content='no-referrer'>"
        f"<title>Data about {_text(who)}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
