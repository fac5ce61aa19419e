"""`minuta record` asks about consent first, and records nothing without it."""

from __future__ import annotations

import pytest

from minuta.app.session import open_app_store

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
