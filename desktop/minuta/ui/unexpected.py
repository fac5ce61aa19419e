"""An exception nobody caught: logged (redacted), then said calmly, never as a traceback.

:class:`UnexpectedErrors` wraps ``sys.excepthook`` (the GUI thread, Qt's slots)
and ``threading.excepthook`` (every other thread). The hooks that were there
(:func:`minuta.logs.configure_logging`'s, which log through the redaction) run
first; then a message box says that something went wrong and that nothing was
deleted. The box is shown on the GUI thread only (a queued signal to an object
living there carries the news from any thread), and only one at a time.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox


class UnexpectedErrors(QObject):
    """Create on the GUI thread; ``install()`` after logging is configured."""

    _happened = Signal()  # from any thread, delivered on this object's (the GUI) thread
    shown = Signal(QMessageBox)  # the box as it opens (tests)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self.count = 0  # uncaught exceptions seen (one box may stand for several)
        self._saved: tuple[Any, Any] | None = None
        self._happened.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._saved is not None:
            return
        previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook
        self._saved = (previous_hook, previous_thread_hook)

        def hook(
            kind: type[BaseException], value: BaseException, traceback: TracebackType | None
        ) -> None:
            previous_hook(kind, value, traceback)
            if not issubclass(kind, KeyboardInterrupt | SystemExit):
                self._report()

        def thread_hook(args: threading.ExceptHookArgs) -> None:
            previous_thread_hook(args)
            if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
                self._report()

        sys.excepthook = hook
        threading.excepthook = thread_hook

    def uninstall(self) -> None:
        """Put the previous hooks back (before the application object goes)."""
        if self._saved is not None:
            sys.excepthook, threading.excepthook = self._saved
            self._saved = None

    def _report(self) -> None:
        # This object may be gone already (the app is ending): the log has it anyway.
        with contextlib.suppress(RuntimeError):
            self._happened.emit()
        self.count += 1  # after: once counted, its showing is queued

    def _show(self) -> None:
        if self.dialog is not None:
            return  # one at a time: the box already open says it
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Minuta"), self._text())
        box.setInformativeText(self._details())
        box.setAccessibleName(self.tr("Something unexpected went wrong"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _result: self._closed(box))
        self.dialog = box
        box.show()  # not modal: whatever still works stays usable
        self.shown.emit(box)

    def _closed(self, box: QMessageBox) -> None:
        if self.dialog is box:
            self.dialog = None
        box.deleteLater()

    def _text(self) -> str:
        return self.tr("Something unexpected went wrong.")

    def _details(self) -> str:
        return self.tr(
            "Minuta has not deleted anything, and your meetings are safe. You can go on "
            "working; if something does not respond, quit Minuta and start it again. If this "
            "keeps happening, please report it."
        )
