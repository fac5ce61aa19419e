"""Exporting a meeting's transcript: Markdown, plain text, SRT, WebVTT, Word, JSON.

Exports are plaintext by nature: they are written only where the user asks.

With an :class:`ExportContext` (as :mod:`minuta.app.export_service` gives), an
export also carries the meeting's consent and the audit log's head:

* Markdown, plain text and Word: a "Consent" line with the meeting's facts, and
  a footer "Audit log head: <first 16 hex digits>…";
* JSON: ``"consent": {...}`` and ``"audit_head": "<64 hex digits>"``;
* WebVTT: a ``NOTE`` block after the header with both (the full head);
* SRT: neither. The format has no comments, and any text in it is shown as a
  subtitle.

The head is the log's newest hash *before* the export's own event, so
``minuta audit verify --expect <head>`` proves that nothing was cut off the log
after that point.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from minuta import __version__
from minuta.app.consent import describe_consent
from minuta.core import timecode
from minuta.core.audit import short_hash
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import ChannelKind, Meeting, Segment

FORMATS = ("md", "txt", "srt", "vtt", "docx", "json")
BINARY_FORMATS = frozenset({"docx"})  # files, not text: export() gives their bytes


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What an export carries besides the meeting: its consent record and the audit head."""

    consent: ConsentRecord | None  # None: none was kept (an imported file, an older meeting)
    audit_head: str  # 64 hex digits: the audit log's head before this export's own event


def consent_text(meeting: Meeting, context: ExportContext) -> str:
    """The text after "Consent: ", on one line."""
    return " ".join(describe_consent(meeting, context.consent).split())


def head_footer(context: ExportContext) -> str:
    return f"Audit log head: {short_hash(context.audit_head)}…"


def consent_json(meeting: Meeting, context: ExportContext) -> dict[str, Any]:
    record = context.consent
    if record is None:
        return {
            "decision": meeting.consent,
            "method": None,
            "informed": [],
            "recorded_at": None,
            "note": "",
            "announcement_language": None,
            "summary": consent_text(meeting, context),
        }
    return {
        "decision": record.decision.value,
        "method": ConsentMethod(record.method).value,
        "informed": list(record.informed),
        "recorded_at": record.recorded_at.isoformat(),
        "note": record.note,
        "announcement_language": record.announcement_language,
        "summary": consent_text(meeting, context),
    }


def _speaker(segment: Segment) -> str | None:
    # An imported file has one anonymous channel; naming it adds nothing.
    if segment.channel is ChannelKind.MIXED and segment.speaker in (None, "speaker"):
        return None
    return segment.speaker


def _date(meeting: Meeting) -> str:
    return meeting.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def to_markdown(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> str:
    lines = [f"# {meeting.title}", ""]
    lines.append(f"- Date: {_date(meeting)}")
    lines.append(f"- Duration: {timecode.clock(meeting.duration_s)}")
    if meeting.language:
        lines.append(f"- Language: {meeting.language}")
    if context is not None:
        lines.append(f"- Consent: {consent_text(meeting, context)}")
    if meeting.notes.strip():
        lines += ["", "## Notes", "", meeting.notes.strip()]
    lines += ["", "## Transcript", ""]
    for segment in segments:
        who = _speaker(segment)
        label = f" **{who}:**" if who else ""
        lines.append(f"**[{timecode.clock(segment.start)}]**{label} {segment.text}")
        lines.append("")
    if context is not None:
        lines += ["---", "", head_footer(context)]
    return "\n".join(lines).rstrip() + "\n"


def to_text(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> str:
    lines = [meeting.title, f"{_date(meeting)} · {timecode.clock(meeting.duration_s)}"]
    if context is not None:
        lines.append(f"Consent: {consent_text(meeting, context)}")
    lines.append("")
    for segment in segments:
        who = _speaker(segment)
        label = f" {who}:" if who else ""
        lines.append(f"[{timecode.clock(segment.start)}]{label} {segment.text}")
    if context is not None:
        lines += ["", head_footer(context)]
    return "\n".join(lines) + "\n"


def to_srt(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> str:
    """Subtitles only. ``context`` is accepted and left out: SRT has no comments, and
    anything written in the file would be shown as a subtitle."""
    blocks = []
    for number, segment in enumerate(segments, start=1):
        who = _speaker(segment)
        text = f"{who}: {segment.text}" if who else segment.text
        blocks.append(
            f"{number}\n{timecode.srt(segment.start)} --> {timecode.srt(segment.end)}\n{text}\n"
        )
    return "\n".join(blocks)


def to_vtt(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> str:
    blocks = ["WEBVTT\n"]
    if context is not None:
        # A NOTE is a comment players skip; it must not hold "-->" or a blank line.
        consent = consent_text(meeting, context).replace("-->", "->")
        blocks.append(f"NOTE\nConsent: {consent}\nAudit log head: {context.audit_head}\n")
    for segment in segments:
        who = _speaker(segment)
        text = f"<v {who}>{segment.text}" if who else segment.text
        blocks.append(f"{timecode.vtt(segment.start)} --> {timecode.vtt(segment.end)}\n{text}\n")
    return "\n".join(blocks)


def to_json(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> str:
    document: dict[str, Any] = {
        "format": "minuta-transcript",
        "version": 1,
        "generator": f"Minuta {__version__}",
        "meeting": {
            "id": meeting.id,
            "title": meeting.title,
            "started_at": meeting.started_at.isoformat(),
            "duration_s": round(meeting.duration_s, 3),
            "language": meeting.language,
            "notes": meeting.notes,
            "transcript_model": meeting.transcript_model,
        },
        "segments": [
            {
                "start": round(s.start, 3),
                "end": round(s.end, 3),
                "speaker": s.speaker,
                "channel": s.channel.value,
                "language": s.language,
                "text": s.text,
                "words": [
                    {
                        "start": round(w.start, 3),
                        "end": round(w.end, 3),
                        "text": w.text,
                        "probability": round(w.probability, 4),
                    }
                    for w in s.words
                ],
            }
            for s in segments
        ],
    }
    if context is not None:
        document["consent"] = consent_json(meeting, context)
        document["audit_head"] = context.audit_head
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


Exporter = Callable[[Meeting, Sequence[Segment], ExportContext | None], str]

EXPORTERS: dict[str, Exporter] = {
    "md": to_markdown,
    "txt": to_text,
    "srt": to_srt,
    "vtt": to_vtt,
    "json": to_json,
}


def export(
    meeting: Meeting,
    segments: Sequence[Segment],
    fmt: str,
    context: ExportContext | None = None,
) -> str | bytes:
    """The export as text, or as bytes for a binary format (:data:`BINARY_FORMATS`)."""
    if fmt == "docx":
        from minuta.app.export_docx import to_docx

        return to_docx(meeting, segments, context)
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        ) from None
    return exporter(meeting, segments, context)


def export_bytes(
    meeting: Meeting,
    segments: Sequence[Segment],
    fmt: str,
    context: ExportContext | None = None,
) -> bytes:
    """The export as the bytes of its file (text formats in UTF-8)."""
    data = export(meeting, segments, fmt, context)
    return data if isinstance(data, bytes) else data.encode("utf-8")
