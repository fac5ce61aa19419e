"""Notes typed during a recording, saved to the meeting shortly after the typing stops.

Saving on every keystroke would queue a store write per letter; waiting for
the end would lose the notes to a crash. So the text is kept and written a
moment after the last change, and at once when the recording stops (or the
next one starts). Notes typed before the meeting exists (the recording is
still starting) wait for it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.store.store import Store, require_store
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

DELAY_MS = 800


class NotesSaver(QObject):
    failed = Signal()  # a save failed; the text is kept for the next try

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id: int | None = None
        self._text: str | None = None  # typed, not saved yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    @property
    def pending(self) -> bool:
        return self._text is not None

    def set_meeting(self, meeting_id: int | None) -> None:
        """Notes from now on belong to ``meeting_id``; what was typed before is saved first."""
        if meeting_id != self._meeting_id:
            self.flush()  # typed for the meeting before: saved there
            self._meeting_id = meeting_id
        if self._text is not None:
            self.flush()

    def set_text(self, text: str) -> None:
        self._text = text
        self._timer.start()

    def flush(self) -> None:
        """Save now what waits to be saved (if the meeting exists yet)."""
        self._timer.stop()
        text, meeting_id = self._text, self._meeting_id
        if text is None or meeting_id is None:
            return
        self._text = None

        def save(store: Store | None) -> None:
            require_store(store).meetings.set_notes(meeting_id, text)

        self._worker.submit(save, None, lambda exc: self._failed(exc, meeting_id, text))

    def _failed(self, exc: Exception, meeting_id: int, text: str) -> None:
        log.error("saving notes failed: %s", type(exc).__name__)
        if self._text is None and meeting_id == self._meeting_id:
            self._text = text  # the next keystroke or the stop tries again
        self.failed.emit()
