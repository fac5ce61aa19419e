"""The app as one object: the store's worker, start-up, then the main window.

:func:`minuta.ui.main.main` adds only the process around it (umask, the
``QApplication``, its event loop), so tests drive everything else directly.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from minuta.app.paths import AppPaths
from minuta.app.recovery import RecoveredRecording
from minuta.ui.main_window import MainWindow
from minuta.ui.recovery_offer import RecoveryOffer, summary
from minuta.ui.startup import EXIT_OK, StartupController, StoreReady
from minuta.ui.store_worker import StoreWorker

if TYPE_CHECKING:
    from minuta.ui.workspace import Workspace

# Recording, playback and NumPy take a third of a second to import: they are
# imported on a thread of their own, started before the store is unlocked, and the
# window is not kept waiting for them.
_WORKSPACE_MODULE = "minuta.ui.workspace"
_IMPORT_POLL_MS = 20


def _import_workspace() -> None:
    importlib.import_module(_WORKSPACE_MODULE)
    # The meeting view's sound output: loading PortAudio takes 50-80 ms.
    with contextlib.suppress(ImportError, OSError):
        importlib.import_module("sounddevice")


class MinutaApp(QObject):
    """Owns the worker for the whole run; ``quit_requested(status)`` ends the run."""

    quit_requested = Signal(int)
    window_shown = Signal()
    workspace_ready = Signal()  # recording, meetings and the tray are wired up

    def __init__(
        self,
        paths: AppPaths,
        *,
        settings: QSettings | None = None,
        setup: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._settings = settings if settings is not None else QSettings()
        self._setup = setup
        self.worker = StoreWorker()
        self.startup = StartupController(paths, self.worker)
        self.startup.ready.connect(self._show_window)
        self.startup.quit_requested.connect(self.quit_requested)
        self.window: MainWindow | None = None
        self.workspace: Workspace | None = None
        self.recovery_offer: RecoveryOffer | None = None
        self.setup_wizard: QObject | None = None
        self._record_asked = False
        self._opened_meeting: tuple[int, object] | None = None
        # The import thread holds no Qt object (one freed on that thread would crash
        # the app): the GUI thread looks for its end with a timer.
        self._import_thread: threading.Thread | None = None
        self._import_poll = QTimer(self)
        self._import_poll.setInterval(_IMPORT_POLL_MS)
        self._import_poll.timeout.connect(self._check_imported)

    def start(self) -> None:
        # The imports start now, while the store is being unlocked and no window is up
        # yet: an import holds Python's lock for long stretches (loading PortAudio, say),
        # and a window on screen would stall meanwhile.
        self._import_thread = threading.Thread(
            target=_import_workspace, name="minuta-import", daemon=True
        )
        self._import_thread.start()
        self.startup.start()

    def _show_window(self, ready: StoreReady) -> None:
        self.window = MainWindow(self.worker, ready.key_location, settings=self._settings)
        self.window.closed.connect(lambda: self.quit_requested.emit(EXIT_OK))
        # Asked for before the workspace exists: done as soon as it does.
        self.window.record_requested.connect(self._remember_record)
        self.window.meeting_opened.connect(self._remember_meeting)
        self.window.search_hit_opened.connect(self._remember_meeting)
        self.window.show()
        self.window_shown.emit()
        self._import_poll.start()
        self.recovery_offer = RecoveryOffer(self.worker, self.window)
        self.recovery_offer.recovered.connect(self._recovered)
        self.recovery_offer.start()

    def _check_imported(self) -> None:
        if self._import_thread is None or not self._import_thread.is_alive():
            self._import_poll.stop()
            self._import_thread = None
            self._make_workspace()

    def _remember_record(self) -> None:
        self._record_asked = self.workspace is None

    def _remember_meeting(self, meeting_id: int, time_s: object = None) -> None:
        if self.workspace is None:
            self._opened_meeting = (meeting_id, time_s)

    def _make_workspace(self) -> None:
        if self.window is None:
            return  # shut down meanwhile
        from minuta.ui.workspace import Workspace

        self.workspace = Workspace(self.window, self.worker, self.paths, self._settings)
        self.workspace.quit_requested.connect(self._quit)
        self.workspace.start()
        if self._record_asked:
            self.workspace.open_recording_view()
        elif self._opened_meeting is not None:
            meeting_id, time_s = self._opened_meeting
            self.workspace.open_meeting(meeting_id, time_s if isinstance(time_s, float) else None)
        self.workspace_ready.emit()
        if self._setup:
            self._offer_setup()

    def _offer_setup(self) -> None:
        from minuta.ui.settings.values import setup_done

        def answered(done: bool) -> None:
            if not done and self.window is not None:
                self._show_setup()

        self.worker.submit(setup_done, answered, lambda _exc: None)

    def _show_setup(self) -> None:
        # Imported only on a first start: the device test brings NumPy.
        from minuta.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.worker, self.paths, parent=self.window)
        wizard.finished.connect(wizard.deleteLater)
        wizard.completed.connect(self._setup_completed)
        self.setup_wizard = wizard
        wizard.open()

    def _setup_completed(self, _values: object) -> None:
        if self.workspace is not None:
            self.workspace.controller.refresh_devices()  # the devices just chosen

    def _quit(self) -> None:
        self.quit_requested.emit(EXIT_OK)

    def _recovered(self, results: list[RecoveredRecording]) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(summary(results), 15_000)
            self.window.reload()

    def shutdown(self) -> None:
        """Save a running recording, close every window, then the store, then the thread."""
        self._import_poll.stop()
        self.startup.close()
        if self.workspace is not None:
            self.workspace.shutdown()
        if self.window is not None:
            self.window.blockSignals(True)  # closing here is not a new request to quit
            self.window.close_for_quit()
            self.window.deleteLater()
            self.window = None
        self.worker.shutdown()
