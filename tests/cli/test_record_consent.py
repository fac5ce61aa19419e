"""`minuta record` asks about consent first, and records nothing without it; the answer,
who was told and how are kept with the meeting, and `minuta show` says so."""

from __future__ import annotations

import pytest
from tests.harness.meetings import create_meeting

from minuta.app.session import open_app_store
from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentMethod
from minuta.core.models import Consent

RECORD = (
    "record",
    "--no-transcribe",
    "--mic",
    "pulse:virtual_mic",
    "--output",
    "pulse:call",
    # Should the question ever be skipped, the test still ends.
    "--max-minutes",
    "0.05",
)


@pytest.fixture
def initialised(cli, pulse_server):
    """A store, and a sound server whose devices would record if asked."""
    result = cli("init")
    assert result.code == 0, result.err
    return cli


def assert_no_meetings(cli, app_paths) -> None:
    listed = cli("list")
    assert listed.code == 0, listed.err
    assert "No meetings yet" in listed.out
    audio = app_paths.store.audio_dir
    assert not audio.exists() or not any(audio.iterdir())


def test_without_consent_and_without_a_terminal_nothing_is_recorded(initialised, app_paths):
    result = initialised(*RECORD)  # stdin is a pipe: nobody can be asked
    assert result.code != 0
    assert "--consent informed" in result.err
    assert "--consent internal" in result.err
    assert "Recording meeting" not in result.out
    assert "Traceback" not in result.err
    assert_no_meetings(initialised, app_paths)


def test_declined_records_nothing(initialised, app_paths):
    result = initialised(*RECORD, "--consent", "declined")
    assert result.code != 0
    assert "declined" in result.err
    assert "nothing is recorded" in result.err
    assert "Recording meeting" not in result.out
    assert_no_meetings(initialised, app_paths)


def test_the_answer_given_is_kept_with_the_meeting(initialised, app_paths):
    # --consent internal: recorded for the few seconds --max-minutes allows.
    result = initialised(*RECORD, "--consent", "internal")
    assert result.code == 0, result.err
    assert "Recording meeting #1" in result.out
    store = open_app_store(app_paths)
    try:
        assert [m.consent for m in store.meetings.list()] == ["internal"]
    finally:
        store.close()


def refusals(app_paths):
    store = open_app_store(app_paths)
    try:
        return store.audit.events(kinds=[AuditKind.RECORDING_DECLINED])
    finally:
        store.close()


def test_a_refusal_is_logged_with_how_they_were_told(initialised, app_paths):
    result = initialised(*RECORD, "--consent", "declined", "--consent-method", "chat")
    assert result.code != 0 and "nothing is recorded" in result.err
    [event] = refusals(app_paths)
    assert event.kind is AuditKind.RECORDING_DECLINED
    assert (event.meeting_id, event.detail) == (None, {"method": "chat"})
    assert_no_meetings(initialised, app_paths)


def test_without_an_answer_nothing_is_logged_either(initialised, app_paths):
    assert initialised(*RECORD).code != 0  # nobody was asked, so nobody declined
    assert refusals(app_paths) == []


def test_who_was_told_and_how_is_kept_and_shown(initialised, app_paths):
    result = initialised(
        *RECORD,
        "--consent",
        "informed",
        "--consent-method",
        "invitation",
        "--participant",
        "Somebody Else",
        "--informed",
        "Kari Nordmann <kari@nordlys.no>, Ola Hansen",
    )
    assert result.code == 0, result.err
    store = open_app_store(app_paths)
    try:
        record = store.consent.get(1)
        [started] = store.audit.events(kinds=[AuditKind.RECORDING_STARTED])
    finally:
        store.close()
    assert record is not None
    assert record.decision is Consent.INFORMED
    assert record.method is ConsentMethod.INVITATION
    assert record.informed == ("Kari Nordmann <kari@nordlys.no>", "Ola Hansen")
    assert record.announcement_language is None  # given as a flag: nothing was shown
    assert (started.meeting_id, started.detail) == (
        1,
        {"decision": "informed", "method": "invitation"},
    )

    shown = initialised("show", "1")
    assert shown.code == 0, shown.err
    when = record.recorded_at.astimezone()
    expected = (
        "Consent: everyone informed and agreed — in the meeting invitation, "
        f"{when.day} {when.strftime('%b %Y %H:%M')} — informed: Kari Nordmann, Ola Hansen"
    )
    assert expected in shown.out.splitlines()


def test_the_participants_are_who_was_told_by_default(initialised, app_paths):
    result = initialised(
        *RECORD, "--consent", "internal", "--participant", "Ingrid Berg", "--participant", "Ola"
    )
    assert result.code == 0, result.err
    store = open_app_store(app_paths)
    try:
        record = store.consent.get(1)
    finally:
        store.close()
    assert record is not None
    assert (record.method, record.informed) == (ConsentMethod.POLICY, ("Ingrid Berg", "Ola"))
    assert "Consent: internal meeting — covered by the workplace's policy" in (
        initialised("show", "1").out
    )


def test_an_imported_meeting_says_it_has_no_record(initialised, app_paths):
    store = open_app_store(app_paths)
    try:
        meeting_id, _uid, _key = create_meeting(store, title="Imported call")
    finally:
        store.close()
    shown = initialised("show", str(meeting_id))
    assert "Consent: not recorded (imported file)" in shown.out.splitlines()
