"""Exporting a meeting's transcript: Markdown, plain text, SRT, WebVTT, Word, JSON.

Exports are plaintext by nature: they are written only where the user asks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from minuta import __version__
from minuta.core import timecode
from minuta.core.models import ChannelKind, Meeting, Segment

FORMATS = ("md", "txt", "srt", "vtt", "docx", "json")
BINARY_FORMATS = frozenset({"docx"})  # files, not text: export() gives their bytes


def _speaker(segment: Segment) -> str | None:
    # An imported file has one anonymous channel; naming it adds nothing.
    if segment.channel is ChannelKind.MIXED and segment.speaker in (None, "speaker"):
        return None
    return segment.speaker


def _date(meeting: Meeting) -> str:
    return meeting.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def to_markdown(meeting: Meeting, segments: Sequence[Segment]) -> str:
    lines = [f"# {meeting.title}", ""]
    lines.append(f"- Date: {_date(meeting)}")
    lines.append(f"- Duration: {timecode.clock(meeting.duration_s)}")
    if meeting.language:
        lines.append(f"- Language: {meeting.language}")
    if meeting.notes.strip():
        lines += ["", "## Notes", "", meeting.notes.strip()]
    lines += ["", "## Transcript", ""]
    for segment in segments:
        who = _speaker(segment)
        label = f" **{who}:**" if who else ""
        lines.append(f"**[{timecode.clock(segment.start)}]**{label} {segment.text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_text(meeting: Meeting, segments: Sequence[Segment]) -> str:
    lines = [meeting.title, f"{_date(meeting)} · {timecode.clock(meeting.duration_s)}", ""]
    for segment in segments:
        who = _speaker(segment)
        label = f" {who}:" if who else ""
        lines.append(f"[{timecode.clock(segment.start)}]{label} {segment.text}")
    return "\n".join(lines) + "\n"


def to_srt(meeting: Meeting, segments: Sequence[Segment]) -> str:
    blocks = []
    for number, segment in enumerate(segments, start=1):
        who = _speaker(segment)
        text = f"{who}: {segment.text}" if who else segment.text
        blocks.append(
            f"{number}\n{timecode.srt(segment.start)} --> {timecode.srt(segment.end)}\n{text}\n"
        )
    return "\n".join(blocks)


def to_vtt(meeting: Meeting, segments: Sequence[Segment]) -> str:
    blocks = ["WEBVTT\n"]
    for segment in segments:
        who = _speaker(segment)
        text = f"<v {who}>{segment.text}" if who else segment.text
        blocks.append(f"{timecode.vtt(segment.start)} --> {timecode.vtt(segment.end)}\n{text}\n")
    return "\n".join(blocks)


def to_json(meeting: Meeting, segments: Sequence[Segment]) -> str:
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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


EXPORTERS: dict[str, Callable[[Meeting, Sequence[Segment]], str]] = {
    "md": to_markdown,
    "txt": to_text,
    "srt": to_srt,
    "vtt": to_vtt,
    "json": to_json,
}


def export(meeting: Meeting, segments: Sequence[Segment], fmt: str) -> str | bytes:
    """The export as text, or as bytes for a binary format (:data:`BINARY_FORMATS`)."""
    if fmt == "docx":
        from minuta.app.export_docx import to_docx

        return to_docx(meeting, segments)
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        ) from None
    return exporter(meeting, segments)


def export_bytes(meeting: Meeting, segments: Sequence[Segment], fmt: str) -> bytes:
    """The export as the bytes of its file (text formats in UTF-8)."""
    data = export(meeting, segments, fmt)
    return data if isinstance(data, bytes) else data.encode("utf-8")
