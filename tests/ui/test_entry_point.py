"""``minuta-app`` itself: a light import, and a whole run in a real process."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from ui_support import app_environment, run_python

pytestmark = pytest.mark.gui

RECOVERY_KEY = re.compile(r"[A-Z2-7]{5}(-[A-Z2-7]{5}){8}")
HEAVY = ("numpy", "faster_whisper", "ctranslate2", "av", "soxr", "sounddevice")


def test_importing_the_entry_point_stays_light():
    result = run_python(
        f"""
        import sys
        import minuta.ui.main
        heavy = [m for m in {HEAVY!r} if m in sys.modules]
        print(",".join(heavy))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# Runs main() as minuta-app does; only confirms the recovery key and closes
# the window, the way a person would, once each appears.
DRIVER = """
import sys
from PySide6.QtCore import QTimer
import minuta.ui.main as entry
from minuta.ui.application import MinutaApp
from minuta.ui.dialogs import RecoveryKeyDialog

class Driven(MinutaApp):
    def start(self):
        self.startup.dialog_opened.connect(self._confirm)
        self.window_shown.connect(lambda: QTimer.singleShot(50, self.window.close))
        super().start()

    def _confirm(self, dialog):
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.checkbox.setChecked(True)
            dialog.continue_button.click()

entry.MinutaApp = Driven
sys.exit(entry.main(["minuta-app"]))
"""


def test_minuta_app_creates_a_private_store_and_exits_cleanly(tmp_path: Path):
    data = tmp_path / "data"
    result = run_python(DRIVER, app_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (data / "store.json").exists()
    # umask 077: nothing the app wrote is readable by others, its settings included.
    written = [p for p in (data, *data.rglob("*"), *(tmp_path / "config").rglob("*"))]
    assert any(p.name == "Minuta.conf" for p in written)
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    # The store was closed: its write-ahead log was folded in and removed.
    assert not (data / "minuta.db-wal").exists()
    # The recovery key was shown in the dialog, and nowhere else.
    assert not RECOVERY_KEY.search(result.stdout + result.stderr)
