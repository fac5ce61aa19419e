"""No Secret Service at all: real ``minuta-app`` runs show the start-up dialogs, no traceback.

The bus is either missing (``DBUS_SESSION_BUS_ADDRESS`` unset) or points at a
socket that does not exist; keyring then finds no keyring at all. A new store
is offered a passphrase instead; an existing one is explained, with Try again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ui_support import app_environment, run_python

from minuta.app.paths import AppPaths
from minuta.app.session import init_store

pytestmark = pytest.mark.gui

# Reports each start-up dialog (its kind and words); presses Try again once where
# there is one, then Quit.
DRIVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
import minuta.ui.main as entry
from minuta.ui.application import MinutaApp

class Driven(MinutaApp):
    def start(self):
        self.tried = False
        self.startup.dialog_opened.connect(self._seen)
        super().start()

    def _report(self, dialog):
        words = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        print(json.dumps({"dialog": type(dialog).__name__, "words": words}), flush=True)

    def _seen(self, dialog):
        self._report(dialog)
        retry = getattr(dialog, "retry_button", None)
        if retry is not None and not self.tried:
            self.tried = True
            self._retried = dialog
            QTimer.singleShot(0, retry.click)
            self._wait = QTimer(self)
            self._wait.timeout.connect(self._after_retry)
            self._wait.start(20)
        else:
            QTimer.singleShot(0, dialog.quit_requested.emit)

    def _after_retry(self):
        dialog = self.startup.dialog
        if dialog is self._retried and not dialog.is_busy and dialog.message.text():
            self._wait.stop()
            self._report(dialog)
            dialog.quit_requested.emit()

entry.MinutaApp = Driven
sys.exit(entry.main(["minuta-app"]))
"""


def run_app(tmp_path: Path, bus: str | None) -> tuple[int, list[dict[str, object]], str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")
    }
    if bus is not None:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus
    env = app_environment(
        tmp_path,
        env,
        PYTHONFAULTHANDLER="1",  # a crash says where
        MINUTA_LOG_FILE=str(tmp_path / "minuta.log"),  # its log, searched together with stderr
    )
    result = run_python(DRIVER, env)
    seen = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    log = (tmp_path / "minuta.log").read_text(encoding="utf-8")
    return result.returncode, seen, f"{result.stderr}\n--- log file:\n{log}"


NO_BUS = [None, "unix:path=/nonexistent/dbus-socket"]


@pytest.mark.parametrize("bus", NO_BUS, ids=["no-bus", "dead-bus"])
def test_a_new_store_is_offered_a_passphrase(tmp_path, bus):
    status, seen, stderr = run_app(tmp_path, bus)
    assert "Traceback" not in stderr
    assert [s["dialog"] for s in seen] == ["KeyringProblemDialog", "KeyringProblemDialog"]
    first, after_retry = (" ".join(s["words"]) for s in seen)
    assert "The keyring could not be reached" in first
    assert "without protection" not in first  # not "insecure": there is no keyring at all
    assert "still can't be used" in after_retry
    assert status == 0, stderr  # quit from the dialog
    assert not (tmp_path / "data" / "store.json").exists()  # nothing made


@pytest.mark.parametrize("bus", NO_BUS, ids=["no-bus", "dead-bus"])
def test_an_existing_store_is_explained_with_try_again(tmp_path, bus):
    paths = AppPaths(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")
    store, _ = init_store(paths)  # its key in the session's real keyring
    store.acknowledge_recovery_key()
    store.close()
    before = sorted(p.name for p in paths.data_dir.iterdir())

    status, seen, stderr = run_app(tmp_path, bus)
    assert "Traceback" not in stderr
    assert [s["dialog"] for s in seen] == ["StoreErrorDialog", "StoreErrorDialog"]
    first, after_retry = (" ".join(s["words"]) for s in seen)
    assert "The system keyring could not be used" in first
    assert "no keyring service is running" in first
    assert "has not deleted or changed any of your files" in first
    assert "That did not work yet." in after_retry
    assert status == 1, stderr
    assert sorted(p.name for p in paths.data_dir.iterdir()) == before
