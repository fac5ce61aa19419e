"""No sound system: recording says so calmly, and the rest of Minuta goes on.

Real runs in a process of their own, because PortAudio and libpulse read the
environment when they start: ``PULSE_SERVER`` pointing at a socket that does
not exist (no PulseAudio or PipeWire server), and, for the second case, a
``libportaudio.so.2`` that cannot be loaded ahead on ``LD_LIBRARY_PATH``
(``import sounddevice`` raises ``OSError``, as where the library is missing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ui_support import add_meeting

from minuta.app.paths import AppPaths
from minuta.app.session import init_store
from minuta.audio.capture import SoundSystemPart, SoundSystemUnavailableError
from minuta.ui.recording.messages import RecordingMessages

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PulseAudio is Linux's"),
]

# The workspace on the real store with the window hidden, as after a start in the tray;
# a quick recording (the tray's, the hotkey's) is asked for. Prints what the person sees.
DRIVER = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from minuta.app.paths import AppPaths
from minuta.app.session import open_app_store
from minuta.core.models import Consent
from minuta.ui.main_window import MainWindow
from minuta.ui.store_worker import StoreWorker

app = QApplication([])
root = Path(sys.argv[1])
paths = AppPaths(data_dir=root / "data", cache_dir=root / "cache")

def wait(signal, what):
    loop, got = QEventLoop(), []
    signal.connect(lambda *args: (got.append(args), loop.quit()))
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    assert got, f"no {what}"
    return got[0]

worker = StoreWorker()
opened = []
worker.open(lambda: (open_app_store(paths), "open"), opened.append, opened.append)
while opened != ["open"]:
    assert not opened, opened
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)

import minuta.ui.application as application
application._import_workspace()  # as at start-up: must not fail without PortAudio
from minuta.ui.workspace import Workspace

settings = QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat)
window = MainWindow(worker, "keyring", settings=settings)
workspace = Workspace(window, worker, paths, settings, final_pass=False)
workspace.start()
controller = workspace.controller
workspace.open_recording_view()
view = workspace.recording_view
listed, = wait(controller.devices_listed, "device list")
note = view.pickers.note.text()
assert not view.pickers.note.isHidden()

controller.start_quick(Consent.INFORMED, live=False)
failed, = wait(controller.failed, "failure")  # the workspace heard it first

titles = []
worker.submit(lambda store: [m.title for m in store.meetings.list()], titles.append)
while not titles:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)

print(json.dumps({
    "note": note,
    "failed": failed,
    "shown": view.start_message.text(),
    "window_visible": window.isVisible(),
    "on_recording_page": window.current_page is view,
    "state": controller.state.value,
    "meetings": titles[0],
}))
workspace.shutdown()
window.close_for_quit()
worker.shutdown()
"""

SERVER_WORDS = "Minuta can't reach this computer's sound system (PulseAudio or PipeWire)"


def run_without_sound(tmp_path: Path, extra_env: dict[str, str]) -> dict[str, object]:
    store, _ = init_store(AppPaths(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache"))
    try:
        add_meeting(store, "Nordlys pricing")
        store.acknowledge_recovery_key()
    finally:
        store.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PULSE_SERVER": "unix:/nonexistent/pulse/native",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(DRIVER), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_said_calmly_and_the_rest_works(seen: dict[str, object]) -> None:
    # Before anything is tried: the device pickers say it.
    assert str(seen["note"]).startswith(SERVER_WORDS)
    # The quick recording from the hidden window: the window opens on the reason.
    assert str(seen["failed"]).startswith(SERVER_WORDS)
    assert seen["shown"] == seen["failed"]
    assert "log out and back in" in str(seen["failed"])
    assert "can still be opened, searched and imported" in str(seen["failed"])
    assert seen["window_visible"] is True
    assert seen["on_recording_page"] is True
    assert seen["state"] == "idle"
    assert seen["meetings"] == ["Nordlys pricing"]  # the store goes on; nothing was added


def test_without_a_sound_server_recording_says_why(tmp_path):
    assert_said_calmly_and_the_rest_works(run_without_sound(tmp_path, {}))


def test_without_portaudio_either_the_same_words_and_nothing_breaks(tmp_path):
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libportaudio.so.2").write_bytes(b"not a library")
    path = os.pathsep.join(p for p in (str(broken), os.environ.get("LD_LIBRARY_PATH")) if p)
    assert_said_calmly_and_the_rest_works(run_without_sound(tmp_path, {"LD_LIBRARY_PATH": path}))


def test_portaudio_missing_is_its_own_plain_message(qapp, tmp_path):
    # Where PortAudio is the only way in (Windows, macOS microphones).
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libportaudio.so.2").write_bytes(b"not a library")
    code = """
        from minuta.audio.capture import DeviceKind, SoundSystemUnavailableError
        from minuta.audio.sounddevice_backend import SoundDeviceBackend
        try:
            SoundDeviceBackend().devices(DeviceKind.MICROPHONE)
        except SoundSystemUnavailableError as exc:
            print(exc.part.value)
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LD_LIBRARY_PATH": str(broken)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "library"
    text = RecordingMessages().start_failed(
        SoundSystemUnavailableError("PortAudio is not available", SoundSystemPart.LIBRARY)
    )
    assert text.startswith("Minuta can't use this computer's sound system")
    assert "PortAudio" in text and "Installing Minuta again" in text
