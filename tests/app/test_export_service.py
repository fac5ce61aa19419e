"""Exports carry the consent and the audit head, and are logged with their exact bytes."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime

import pytest
from tests.harness.meetings import add_transcript

from minuta.app.export import FORMATS
from minuta.app.export_service import STDOUT, export_meeting
from minuta.core.audit import GENESIS_HASH, AuditKind, ProblemKind
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import Consent

RECORD = ConsentRecord(
    decision=Consent.INFORMED,
    method=ConsentMethod.SPOKEN,
    informed=("Kari Nordmann <kari@nordlys.no>", "Ola Hansen"),
    recorded_at=datetime(2026, 11, 23, 9, 2, tzinfo=UTC),
    announcement_language="no",
)
LINES = [("Kari", "The price is forty thousand."), ("Ola", "We sign on Monday.")]
SHORT_HEAD = re.compile(r"Audit log head: ([0-9a-f]{16})…")
FULL_HEAD = re.compile(r"Audit log head: ([0-9a-f]{64})")


@pytest.fixture
def meeting_id(store) -> int:
    meeting_id, _lines = add_transcript(store, LINES, title="Nordlys pricing")
    store.consent.save(meeting_id, RECORD)
    store.audit.add(AuditKind.RECORDING_STARTED, meeting_id=meeting_id)  # a log to point into
    return meeting_id


def consent_and_head(fmt: str, data: bytes) -> tuple[str | None, str | None]:
    """The consent text and the head as a reader finds them in the file (None: absent)."""
    if fmt == "json":
        document = json.loads(data)
        return document["consent"]["summary"], document["audit_head"]
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read("word/document.xml").decode().replace("</w:p>", "\n")
            text = re.sub(r"<[^>]+>", "", xml)
    else:
        text = data.decode()
    consent = re.search(r"^(?:- )?Consent: (.+)$", text, re.M)
    head = FULL_HEAD.search(text) or SHORT_HEAD.search(text)
    return (consent.group(1) if consent else None), (head.group(1) if head else None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_carries_what_it_can_and_the_log_holds_the_bytes(store, meeting_id, fmt):
    head_before = store.audit.head()
    data = export_meeting(store, meeting_id, fmt, f"/home/kari/nordlys.{fmt}")

    consent, head = consent_and_head(fmt, data)
    if fmt == "srt":  # no comments in SRT: nothing but subtitles
        assert (consent, head) == (None, None)
        assert b"Audit" not in data and b"Consent" not in data
    else:
        assert consent is not None and consent.startswith("everyone informed and agreed")
        assert "informed: Kari Nordmann, Ola Hansen" in consent
        assert "kari@nordlys.no" not in consent  # names only in the line
        assert head is not None and head_before.startswith(head)
        # Full where a program reads it, the first 16 digits where a person does.
        assert len(head) == (64 if fmt in ("json", "vtt") else 16)

    [entry] = store.exports.list()
    assert store.exports.get(entry.id).payload == data
    assert (entry.meeting_id, entry.kind, entry.format) == (meeting_id, "meeting", fmt)
    assert (entry.destination, entry.audit_head) == (f"/home/kari/nordlys.{fmt}", head_before)

    [event] = store.audit.events(kinds=[AuditKind.MEETING_EXPORTED])
    assert event.meeting_id == meeting_id
    assert event.detail == {
        "format": fmt,
        "sha256": entry.digest,
        "audit_head": head_before,
        "export_id": entry.id,
    }
    # The head in the file is the one before the export's own event.
    assert event.prev_hash == head_before
    verified = store.audit.verify(expected_heads=[head or entry.audit_head])
    assert verified.ok, verified.problems


def test_the_json_export_carries_the_whole_record(store, meeting_id):
    document = json.loads(export_meeting(store, meeting_id, "json", STDOUT))
    consent = document["consent"]
    assert consent["decision"] == "informed" and consent["method"] == "spoken"
    assert consent["informed"] == ["Kari Nordmann <kari@nordlys.no>", "Ola Hansen"]
    assert consent["recorded_at"] == "2026-11-23T09:02:00+00:00"
    assert consent["announcement_language"] == "no"
    assert store.exports.list()[0].destination == STDOUT


def test_the_markdown_has_the_consent_near_the_top_and_the_head_last(store, meeting_id):
    text = export_meeting(store, meeting_id, "md", STDOUT).decode()
    lines = text.splitlines()
    assert lines[0] == "# Nordlys pricing"
    consent_at = next(i for i, line in enumerate(lines) if line.startswith("- Consent: "))
    assert consent_at < lines.index("## Transcript")
    assert SHORT_HEAD.fullmatch(lines[-1])


def test_a_meeting_without_a_record_says_so(store):
    meeting_id, _lines = add_transcript(store, LINES, title="Imported call")
    text = export_meeting(store, meeting_id, "txt", STDOUT).decode()
    assert "Consent: not recorded (imported file)" in text.splitlines()
    # An empty log has the genesis head: still a head to check against.
    head = SHORT_HEAD.search(text)
    assert head is not None and GENESIS_HASH.startswith(head.group(1))


def test_cutting_the_log_back_past_an_exported_head_is_found(store, meeting_id):
    data = export_meeting(store, meeting_id, "json", STDOUT)
    head = json.loads(data)["audit_head"]
    export_meeting(store, meeting_id, "md", STDOUT)  # more events after it
    assert store.audit.verify(expected_heads=[head]).ok

    # Someone removes the newest events, the exported head's own among them.
    cut_from = store.db.query_one("SELECT id FROM audit_events WHERE hash = ?", (head,))[0]
    with store.db.transaction():
        store.db.execute("DELETE FROM audit_events WHERE id >= ?", (cut_from,))
    verified = store.audit.verify(expected_heads=[head])
    assert not verified.ok
    assert [p.kind for p in verified.problems] == [ProblemKind.NOT_FOUND]


def test_an_unknown_format_logs_nothing(store, meeting_id):
    with pytest.raises(ValueError, match="Unknown export format"):
        export_meeting(store, meeting_id, "rtf", STDOUT)
    assert store.exports.list() == []
    assert store.audit.events(kinds=[AuditKind.MEETING_EXPORTED]) == []
