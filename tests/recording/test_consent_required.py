"""The recording service refuses to start without consent that allows recording, and
keeps the consent record (who was told, how, when) with every meeting it records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from minuta.app.consent import ConsentRequiredError, record_declined
from minuta.app.recording import RecordingRequest, start_recording
from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import ChannelKind, Consent


@pytest.mark.parametrize("consent", [Consent.UNKNOWN, Consent.DECLINED])
def test_no_recording_without_consent(store, backend, app_paths, consent):
    request = RecordingRequest(
        title="Nordlys pricing",
        microphone="pulse:virtual_mic",
        output="pulse:call",
        consent=consent,
    )
    with pytest.raises(ConsentRequiredError) as refused:
        start_recording(store, backend, request)

    assert refused.value.consent is consent
    if consent is Consent.DECLINED:
        assert "declined" in str(refused.value)
    else:
        assert "tell everyone" in str(refused.value)
    assert store.meetings.list() == []
    audio = app_paths.store.audio_dir
    assert not audio.exists() or not any(audio.iterdir())


def test_a_string_that_is_not_an_answer_is_refused_too(store, backend):
    request = RecordingRequest(consent="yes")  # type: ignore[arg-type]
    with pytest.raises(ConsentRequiredError):
        start_recording(store, backend, request)
    assert store.meetings.list() == []


def test_an_allowing_answer_records_and_is_kept_with_the_meeting(store, backend, listener):
    request = RecordingRequest(
        title="Internal sync",
        microphone="pulse:virtual_mic",
        record_output=False,
        consent=Consent.INTERNAL,
    )
    session = start_recording(store, backend, request, listener=listener)
    try:
        listener.wait_delivering(ChannelKind.MICROPHONE)
    finally:
        finished = session.stop()
    meeting = store.meetings.get(finished.meeting_id)
    assert meeting.consent == Consent.INTERNAL.value


def test_a_start_keeps_the_consent_record_and_logs_it_without_names(store, backend, listener):
    record = ConsentRecord(
        decision=Consent.INFORMED,
        method=ConsentMethod.INVITATION,
        informed=("Kari Nordmann <kari@nordlys.no>", "Ola Hansen"),
        recorded_at=datetime(2026, 11, 23, 9, 2, tzinfo=UTC),
        announcement_language="no",
    )
    request = RecordingRequest(
        title="Nordlys pricing",
        microphone="pulse:virtual_mic",
        record_output=False,
        consent_record=record,  # the app's way: the whole record, no separate answer
    )
    session = start_recording(store, backend, request, listener=listener)
    try:
        # Committed with the meeting, before any audio.
        assert store.consent.get(session.meeting_id) == record
        listener.wait_delivering(ChannelKind.MICROPHONE)
    finally:
        finished = session.stop()
    assert store.meetings.get(finished.meeting_id).consent == "informed"
    [event] = store.audit.events(kinds=[AuditKind.RECORDING_STARTED])
    assert event.meeting_id == finished.meeting_id
    assert event.detail == {"decision": "informed", "method": "invitation"}
    assert store.audit.verify().ok


def test_an_answer_alone_gets_a_record_from_the_participants(store, backend, listener):
    # Older callers (and the tray's quick start) give only the answer.
    request = RecordingRequest(
        microphone="pulse:virtual_mic",
        record_output=False,
        participants=("Ingrid Berg",),
        consent=Consent.INTERNAL,
    )
    session = start_recording(store, backend, request, listener=listener)
    finished = session.stop()
    record = store.consent.get(finished.meeting_id)
    assert record is not None
    assert (record.decision, record.method, record.informed) == (
        Consent.INTERNAL,
        ConsentMethod.POLICY,
        ("Ingrid Berg",),
    )
    assert record.recorded_at.tzinfo is not None


@pytest.mark.parametrize(
    ("consent", "decision"),
    [
        (Consent.UNKNOWN, Consent.DECLINED),  # a declined record
        (Consent.INFORMED, Consent.INTERNAL),  # two answers that disagree: none
        (Consent.DECLINED, Consent.INFORMED),
    ],
)
def test_a_record_that_does_not_allow_recording_records_nothing(store, backend, consent, decision):
    record = ConsentRecord(decision, ConsentMethod.SPOKEN, (), datetime.now(UTC))
    request = RecordingRequest(
        microphone="pulse:virtual_mic", consent=consent, consent_record=record
    )
    with pytest.raises(ConsentRequiredError):
        start_recording(store, backend, request)
    assert store.meetings.list() == []
    assert store.audit.events(kinds=[AuditKind.RECORDING_STARTED]) == []


def test_a_refusal_is_logged_without_a_meeting(store):
    record_declined(store, ConsentMethod.CHAT)
    [event] = store.audit.events(kinds=[AuditKind.RECORDING_DECLINED])
    assert event.meeting_id is None
    assert event.detail == {"method": "chat"}
    assert store.meetings.list() == []
