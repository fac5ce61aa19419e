"""The app as one object: the store's worker, start-up, then the main window.

:func:`minuta.ui.main.main` adds only the process around it (umask, the
``QApplication``, its event loop), so tests drive everything else directly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from minuta.app.paths import AppPaths
from minuta.app.recovery import RecoveredRecording
from minuta.ui.main_window import MainWindow
from minuta.ui.recovery_offer import RecoveryOffer, summary
from minuta.ui.startup import EXIT_OK, StartupController, StoreReady
from minuta.ui.store_worker import StoreWorker


class MinutaApp(QObject):
    """Owns the worker for the whole run; ``quit_requested(status)`` ends the run."""

    quit_requested = Signal(int)
    window_shown = Signal()

    def __init__(
        self,
        paths: AppPaths,
        *,
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._settings = settings
        self.worker = StoreWorker()
        self.startup = StartupController(paths, self.worker)
        self.startup.ready.connect(self._show_window)
        self.startup.quit_requested.connect(self.quit_requested)
        self.window: MainWindow | None = None
        self.recovery_offer: RecoveryOffer | None = None

    def start(self) -> None:
        self.startup.start()

    def _show_window(self, ready: StoreReady) -> None:
        self.window = MainWindow(self.worker, ready.key_location, settings=self._settings)
        self.window.closed.connect(lambda: self.quit_requested.emit(EXIT_OK))
        self.window.show()
        self.window_shown.emit()
        self.recovery_offer = RecoveryOffer(self.worker, self.window)
        self.recovery_offer.recovered.connect(self._recovered)
        self.recovery_offer.start()

    def _recovered(self, results: list[RecoveredRecording]) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(summary(results), 15_000)
            self.window.reload()

    def shutdown(self) -> None:
        """Close every window, then the store (on its thread), then the thread."""
        self.startup.close()
        if self.window is not None:
            self.window.blockSignals(True)  # closing here is not a new request to quit
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.worker.shutdown()
