"""At start, offer to recover recordings that a crash or a full disk interrupted.

Nothing is recovered (or deleted) without the user saying so: "Later" leaves
the recordings as they are, and the offer comes again at the next start. The
search and the recovery run on the store's worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from minuta.app.recovery import InterruptedRecording, RecoveredRecording, find_interrupted, recover
from minuta.core.timecode import clock
from minuta.store.store import Store, require_store
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)


def _find(store: Store | None) -> list[InterruptedRecording]:
    return find_interrupted(require_store(store))


def _recover_all(ids: Sequence[int]) -> Callable[[Store | None], list[RecoveredRecording]]:
    def run(store: Store | None) -> list[RecoveredRecording]:
        opened = require_store(store)
        return [recover(opened, meeting_id) for meeting_id in ids]

    return run


def describe(items: Sequence[InterruptedRecording]) -> str:
    lines = [
        f"• {item.title} ({item.started_at.astimezone().strftime('%Y-%m-%d %H:%M')})"
        for item in items
    ]
    noun = "recording was" if len(items) == 1 else f"{len(items)} recordings were"
    return (
        f"A {noun} interrupted before it was saved (the app or the computer stopped, or the "
        "disk was full). Everything recorded until then is still here, encrypted.\n\n"
        + "\n".join(lines)
        + "\n\nRecover now? If you choose Later, Minuta asks again next time."
    )


class RecoveryOffer(QObject):
    """Looks for interrupted recordings and, if there are any, asks once."""

    finished = Signal()  # nothing to offer, the user said Later, or recovery is done
    recovered = Signal(list)  # list[RecoveredRecording]

    def __init__(self, worker: StoreWorker, parent_window: QWidget | None = None) -> None:
        super().__init__(parent_window)
        self._worker = worker
        self._window = parent_window
        self.dialog: QMessageBox | None = None
        self.done = False  # True once finished has been emitted
        self._items: list[InterruptedRecording] = []
        self.finished.connect(self._mark_done)

    def _mark_done(self) -> None:
        self.done = True

    def start(self) -> None:
        self._worker.submit(_find, self._offer, self._failed)

    def _offer(self, items: list[InterruptedRecording]) -> None:
        if not items:
            self.finished.emit()
            return
        self._items = items
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover interrupted recording")
        box.setText("Recover interrupted recording?")
        box.setInformativeText(describe(items))
        self.recover_button = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        self.later_button = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.recover_button)
        box.buttonClicked.connect(self._answered)
        self.dialog = box
        box.open()

    def _answered(self, button: object) -> None:
        if button is self.recover_button:
            ids = [item.meeting_id for item in self._items]
            self._worker.submit(_recover_all(ids), self._done, self._failed)
        else:
            self.finished.emit()

    def _done(self, results: list[RecoveredRecording]) -> None:
        self.recovered.emit(results)
        self.finished.emit()

    def _failed(self, exc: Exception) -> None:
        log.error("recovering interrupted recordings failed: %s", type(exc).__name__)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Could not recover",
            f"{exc}\n\nThe recording was left as it is; Minuta will offer it again.",
            parent=self._window,
        )
        self.dialog = box
        box.open()
        self.finished.emit()


def summary(results: Sequence[RecoveredRecording]) -> str:
    total = sum(result.duration_s for result in results)
    noun = "recording" if len(results) == 1 else "recordings"
    return f"Recovered {len(results)} {noun}, {clock(total)} of audio."
