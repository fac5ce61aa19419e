"""Consent records and the export log in the encrypted store: round trips, gone with the meeting."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from tests.harness.meetings import create_meeting

from minuta.core.consent import ConsentMethod, ConsentRecord, parse_informed, parse_method
from minuta.core.models import Consent

RECORD = ConsentRecord(
    decision=Consent.INFORMED,
    method=ConsentMethod.CHAT,
    informed=("Kari Nordmann <kari@nordlys.no>", "Ola Hansen"),
    recorded_at=datetime(2026, 11, 23, 10, 2, tzinfo=timezone(timedelta(hours=1))),
    note="Kari asked for the notes afterwards.",
    announcement_language="no",
)


@pytest.fixture
def store(new_store):
    return new_store[0]


def test_a_consent_record_comes_back_as_it_was_saved(store):
    meeting_id, _uid, _key = create_meeting(store)
    assert store.consent.get(meeting_id) is None  # imported files have none
    store.consent.save(meeting_id, RECORD)
    assert store.consent.get(meeting_id) == RECORD

    # Without an announcement language, the people are the plain list v6 intended.
    plain = ConsentRecord(
        Consent.INTERNAL, ConsentMethod.POLICY, (), datetime(2026, 11, 24, 8, tzinfo=UTC)
    )
    with store.db.transaction():  # in the caller's transaction too; a second save replaces
        store.consent.save(meeting_id, plain)
    assert store.consent.get(meeting_id) == plain
    row = store.db.query_one(
        "SELECT informed FROM meeting_consent WHERE meeting_id = ?", (meeting_id,)
    )
    assert row[0] == "[]"


def test_the_record_goes_with_the_meeting(store):
    meeting_id, _uid, _key = create_meeting(store)
    store.consent.save(meeting_id, RECORD)
    with store.db.transaction():
        store.meetings.delete(meeting_id)
    assert store.consent.get(meeting_id) is None


def test_a_record_needs_an_aware_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        ConsentRecord(Consent.INFORMED, ConsentMethod.SPOKEN, (), datetime(2026, 11, 23, 10))


def test_people_and_methods_are_read_as_typed():
    assert parse_informed("Kari Nordmann <kari@nordlys.no>, Ola;; \n Ingrid Berg,") == (
        "Kari Nordmann <kari@nordlys.no>",
        "Ola",
        "Ingrid Berg",
    )
    assert parse_method("email", Consent.INFORMED) is ConsentMethod.EMAIL
    assert parse_method(None, Consent.INFORMED) is ConsentMethod.SPOKEN
    assert parse_method(None, Consent.INTERNAL) is ConsentMethod.POLICY
    assert parse_method("telepathy", Consent.INFORMED) is ConsentMethod.SPOKEN


def test_the_export_log_keeps_the_exact_bytes(store):
    meeting_id, _uid, _key = create_meeting(store)
    payload = "Kari: prisen på Ærø\n".encode() + bytes(range(256))  # any bytes at all
    head = "ab" * 32
    first = store.exports.add(meeting_id, "meeting", "md", "/home/kari/nordlys.md", payload, head)
    second = store.exports.add(None, "person", "json", "stdout", b"{}", head)

    listed = store.exports.list()
    assert [e.id for e in listed] == [second, first]  # newest first
    assert all(e.payload is None for e in listed)  # lists stay light
    entry = store.exports.get(first)
    assert entry.payload == payload
    assert entry.digest == hashlib.sha256(payload).hexdigest()
    assert (entry.meeting_id, entry.kind, entry.format) == (meeting_id, "meeting", "md")
    assert (entry.destination, entry.audit_head, entry.size) == (
        "/home/kari/nordlys.md",
        head,
        len(payload),
    )
    assert entry.at.tzinfo is not None
    assert [e.id for e in store.exports.list(meeting_id=meeting_id)] == [first]
    assert [e.id for e in store.exports.list(limit=1)] == [second]

    with pytest.raises(ValueError, match="unknown export kind"):
        store.exports.add(meeting_id, "crm", "md", "stdout", b"", head)  # type: ignore[arg-type]
    with pytest.raises(LookupError):
        store.exports.get(999)

    with store.db.transaction():
        store.meetings.delete(meeting_id)
    assert [e.id for e in store.exports.list()] == [second]
