"""Everything under the data folder is the user's alone: folders 0700, files 0600 (POSIX).

The usual umask (022) is in force, as for a library caller or a test: the
store's code must make its files private itself, not rely on the umask the
app and ``minuta`` set at start.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.privacy.canaries import IMPORT_SPEECH
from tests.privacy.session_steps import export_to, import_meeting
from tests.recording.conftest import Listener
from tests.recording.scripted_backend import ScriptedBackend

from minuta.app.recording import RecordingRequest, start_recording
from minuta.app.session import init_store
from minuta.core.models import ChannelKind, Consent

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"),
]


@pytest.fixture
def usual_umask() -> Iterator[None]:
    saved = os.umask(0o022)
    yield
    os.umask(saved)


def not_private(root: Path) -> list[str]:
    """Every folder under ``root`` (itself included) not 0700, every file not 0600."""
    problems = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            problems.append(f"{path.relative_to(root.parent)}: {oct(mode)}")
    return problems


def test_store_recording_import_and_export_are_private(
    usual_umask, app_paths, engine, speech, tmp_path
) -> None:
    store, _recovery = init_store(app_paths)
    try:
        assert not_private(app_paths.data_dir) == []

        # While recording: the lock, the journal and the growing audio files.
        listener = Listener()
        session = start_recording(
            store,
            ScriptedBackend(),
            RecordingRequest(consent=Consent.INFORMED, title="Board call"),
            listener=listener,
        )
        try:
            listener.wait_delivering(ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
            assert list(app_paths.data_dir.rglob("*.mnta"))
            assert not_private(app_paths.data_dir) == []
        finally:
            session.stop()
        assert not_private(app_paths.data_dir) == []

        imported = import_meeting(
            store, engine, speech(IMPORT_SPEECH, name="private.wav"), title="Imported"
        )
        store.db.checkpoint()
        assert not_private(app_paths.data_dir) == []

        exports = export_to(store, imported, tmp_path / "exports", formats=("md", "docx"))
        assert [stat.S_IMODE(p.stat().st_mode) for p in exports] == [0o600, 0o600]
    finally:
        store.close()
    assert not_private(app_paths.data_dir) == []


def test_the_command_line_writes_private_exports(usual_umask, app_paths, tmp_path) -> None:
    """``minuta export -o`` writes where the user said, readable by them alone."""
    from tests.harness.meetings import add_transcript

    store, _recovery = init_store(app_paths)
    try:
        meeting_id, _ids = add_transcript(store, [("Anna", "We agreed on the plan.")])
    finally:
        store.close()
    output = tmp_path / "out" / "meeting.md"
    output.parent.mkdir()
    env = {
        **os.environ,
        "MINUTA_DATA_DIR": str(app_paths.data_dir),
        "MINUTA_CACHE_DIR": str(app_paths.cache_dir),
    }
    command = ["export", str(meeting_id), "--format", "md", "-o", str(output)]
    result = subprocess.run(
        [sys.executable, "-m", "minuta.cli", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "We agreed on the plan." in output.read_text()
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert not_private(app_paths.data_dir) == []
