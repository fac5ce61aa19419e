"""``minuta retention`` and ``minuta keep``, in real subprocesses on a real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tests.harness.retention import make_meeting

from minuta.app.session import open_app_store


@pytest.fixture
def two_meetings(cli, app_paths) -> tuple[int, int]:
    """An old meeting whose audio is due, and a fresh one that falls due in 25 days."""
    assert cli("init").code == 0
    store = open_app_store(app_paths)
    try:
        now = datetime.now(UTC)
        old = make_meeting(store, "Old call", now - timedelta(days=40)).id
        fresh = make_meeting(store, "Fresh call", now - timedelta(days=5)).id
    finally:
        store.close()
    return old, fresh


def test_show_preview_keep_and_run(cli, app_paths, two_meetings):
    old, fresh = two_meetings

    shown = cli("retention")
    assert shown.code == 0, shown.err
    assert "All meetings: audio deleted 30 days after the meeting; transcript kept; " in shown.out
    assert "summaries kept until you delete them" in shown.out

    preview = cli("retention", "preview")
    assert preview.code == 0, preview.err
    due, later = preview.out.split("In the next 30 days:")
    assert f"#{old}" in due and "Old call" in due and "audio" in due
    assert f"#{fresh}" in later and "Fresh call" in later
    assert cli("retention", "preview", "--days", "3").out.count("Fresh call") == 0

    kept = cli("keep", str(old))
    assert kept.code == 0, kept.err
    assert f"Meeting #{old} is kept" in kept.out
    assert "Nothing is due now." in cli("retention", "preview").out
    assert cli("retention", "run").out.strip() == "Nothing was due."

    assert cli("keep", str(old), "--off").code == 0
    run = cli("retention", "run")
    assert run.code == 0, run.err
    assert run.out.strip() == f"Deleted the audio of 1 meeting (#{old})."
    assert cli("retention", "run").out.strip() == "Nothing was due."

    store = open_app_store(app_paths)
    try:
        assert store.meetings.get(old).audio_deleted_at is not None
        assert store.meetings.get(fresh).audio_deleted_at is None
        assert not store.paths.meeting_audio_dir(store.meetings.get(old).uid).exists()
    finally:
        store.close()


def test_keep_an_unknown_meeting_says_so(cli, two_meetings):
    result = cli("keep", "999")
    assert result.code == 1
    assert "999" in result.err and "Traceback" not in result.err
