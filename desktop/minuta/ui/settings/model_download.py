"""Downloading a model from the settings, with progress and a Cancel that works.

:func:`minuta.transcribe.download.download` runs on its own thread; it reports
bytes through a callback, and that callback is also where a cancel takes
effect: it raises, the download stops between two blocks, and what arrived is
kept as a partial file that the next download continues.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.ui.background import run_in_background, when_done

PROGRESS_INTERVAL_MS = 100


class DownloadCancelled(Exception):
    """Raised inside the download when the person cancelled it."""


@dataclass(eq=False)
class _Shared:
    """Between the download thread and the GUI's timer."""

    cancel: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: int = 0
    total: int = 0

    def report(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise DownloadCancelled
        with self.lock:
            self.done, self.total = done, total

    def read(self) -> tuple[int, int]:
        with self.lock:
            return self.done, self.total


def _download(name: str, models_dir: Path, shared: _Shared) -> Path:
    from minuta.transcribe.download import download

    return download(name, models_dir, progress=shared.report)


class ModelDownload(QObject):
    """One download; ``finished(name)``, ``failed(message)`` or ``cancelled()`` ends it.

    ``cancelled`` comes once the download has really stopped (at the next block
    received, or when the connection gives up), so a new download of the same
    model never runs beside the old one.
    """

    progress = Signal(object, object)  # bytes done, bytes in all (ints; may pass 2 GB)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, models_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._models_dir = models_dir
        self._shared = _Shared()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._shared.cancel.is_set()

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        name, folder, shared = self.name, self._models_dir, self._shared
        future = run_in_background(lambda: _download(name, folder, shared), "minuta-download")
        when_done(future, self, self._done, self._error)
        self._timer.start()

    def cancel(self) -> None:
        self._shared.cancel.set()

    def _tick(self) -> None:
        done, total = self._shared.read()
        if total:
            self.progress.emit(done, total)

    def _end(self) -> None:
        self._running = False
        self._timer.stop()
        self._tick()

    def _done(self, _folder: Path) -> None:
        self._end()
        self.finished.emit(self.name)

    def _error(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, DownloadCancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(self._message(exc))

    def _message(self, exc: BaseException) -> str:
        from minuta.transcribe.catalogue import ModelError
        from minuta.transcribe.download import ChecksumError, DownloadInterrupted, OfflineError

        # The download's own messages name command-line steps; here, say what to click.
        if isinstance(exc, OfflineError):
            return self.tr(
                "Minuta could not reach the model server. Check the network connection and "
                "try again. The built-in model keeps working offline."
            )
        if isinstance(exc, DownloadInterrupted):
            return self.tr("The connection was lost. Download again to continue where it stopped.")
        if isinstance(exc, ChecksumError):
            return self.tr(
                "A downloaded file was damaged and has been deleted. Download again to fetch "
                "it afresh."
            )
        if isinstance(exc, ModelError):
            return str(exc)  # written for people: disk space, a model moved on the hub
        return self.tr("The download failed ({error}).").format(error=type(exc).__name__)
