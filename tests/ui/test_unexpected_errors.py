"""Exceptions nobody caught: logged, then one calm message box, never a traceback on screen."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from ui_support import app_environment, run_python

from minuta.ui.unexpected import UnexpectedErrors

pytestmark = pytest.mark.gui


class Recorder:
    """Stands where configure_logging's hooks stand: they must still be called."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def hook(self, kind, _value, _traceback) -> None:
        self.seen.append(kind.__name__)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.seen.append(args.exc_type.__name__)


@pytest.fixture
def errors(qtbot, monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(sys, "excepthook", recorder.hook)
    monkeypatch.setattr(threading, "excepthook", recorder.thread_hook)
    reporter = UnexpectedErrors()
    reporter.install()
    reporter.recorder = recorder
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()
    reporter.deleteLater()


def fail_in_thread(kind: type[Exception]) -> None:
    def run() -> None:
        raise kind("from a thread")

    thread = threading.Thread(target=run, name="failing")
    thread.start()
    thread.join()


def fail_in_a_slot(qtbot, kind: type[Exception]) -> None:
    fired = []

    def slot() -> None:
        fired.append(True)
        raise kind("from a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(fired))


def test_an_exception_in_a_slot_is_logged_and_said_once(qtbot, errors):
    fail_in_a_slot(qtbot, ValueError)
    qtbot.waitUntil(lambda: errors.dialog is not None and errors.dialog.isVisible())
    assert errors.recorder.seen == ["ValueError"]
    box = errors.dialog
    assert box.text() == "Something unexpected went wrong."
    assert "has not deleted anything" in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText() + box.detailedText()
    assert "from a slot" not in box.text() + box.informativeText()


def test_a_threads_exception_is_shown_on_the_gui_thread_one_box_at_a_time(qtbot, qapp, errors):
    shown = []
    errors.shown.connect(shown.append)
    fail_in_thread(RuntimeError)
    qtbot.waitUntil(lambda: errors.dialog is not None)
    box = errors.dialog
    assert box.thread() is qapp.thread()
    # More while it is open: counted and logged, no second box.
    fail_in_thread(KeyError)
    fail_in_a_slot(qtbot, TypeError)
    qtbot.waitUntil(lambda: errors.count == 3)
    # Posted after the three reports, so run after them: they opened no other box.
    after: list[bool] = []
    QTimer.singleShot(0, lambda: after.append(True))
    qtbot.waitUntil(lambda: bool(after))
    assert shown == [box]
    assert errors.recorder.seen == ["RuntimeError", "KeyError", "TypeError"]
    # Closed: the next one is said again.
    box.accept()
    qtbot.waitUntil(lambda: errors.dialog is None)
    fail_in_thread(OSError)
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1] is errors.dialog and shown[1] is not box


def test_uninstall_puts_the_previous_hooks_back(qtbot, errors):
    hook = sys.excepthook
    assert hook != errors.recorder.hook
    errors.uninstall()
    assert sys.excepthook == errors.recorder.hook
    assert threading.excepthook == errors.recorder.thread_hook


# In a real minuta-app: a slot and a thread fail once the window is up; the driver
# reports the message box the person sees, then closes the window.
DRIVER = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
import minuta.ui.main as entry
from minuta.ui.application import MinutaApp
from minuta.ui.dialogs import RecoveryKeyDialog

class Driven(MinutaApp):
    def start(self):
        self.startup.dialog_opened.connect(self._confirm)
        self.window_shown.connect(lambda: QTimer.singleShot(0, self._fail))
        super().start()

    def _confirm(self, dialog):
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.checkbox.setChecked(True)
            dialog.continue_button.click()

    def _fail(self):
        threading.Thread(target=lambda: 1 / 0, name="failing").start()
        QTimer.singleShot(0, self._fail_in_slot)
        self._look = QTimer(self)
        self._look.timeout.connect(self._find_box)
        self._look.start(20)

    def _fail_in_slot(self):
        raise LookupError("kari@nordlys.no")

    def _find_box(self):
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if boxes and self._failed_twice():
            self._look.stop()
            for box in boxes:
                print("BOX:", box.text(), "|", box.informativeText(), flush=True)
            self.window.close()

    def _failed_twice(self):
        return entry_errors[0].count >= 2

entry_errors = []
Original = entry.UnexpectedErrors
class Kept(Original):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entry_errors.append(self)

entry.UnexpectedErrors = Kept
entry.MinutaApp = Driven
sys.exit(entry.main(["minuta-app"]))
"""


def test_minuta_app_says_it_calmly_and_logs_it_redacted(tmp_path: Path):
    log_file = tmp_path / "minuta.log"  # the log a person would send with a report
    result = run_python(DRIVER, app_environment(tmp_path, MINUTA_LOG_FILE=str(log_file)))
    assert result.returncode == 0, result.stderr
    boxes = [line for line in result.stdout.splitlines() if line.startswith("BOX:")]
    assert len(boxes) == 1, result.stdout  # two failures, one box
    assert boxes[0].startswith("BOX: Something unexpected went wrong. | Minuta has not deleted")
    # Both are in the log, through the redaction (the address is not).
    log = log_file.read_text(encoding="utf-8")
    assert "CRITICAL minuta: uncaught exception in thread failing" in log
    assert "ZeroDivisionError" in log
    assert "CRITICAL minuta: uncaught exception\n" in log
    assert "LookupError: [redacted]" in log
    assert "kari@nordlys.no" not in log + result.stderr
