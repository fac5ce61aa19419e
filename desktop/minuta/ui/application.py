"""The app as one object: the store's worker, start-up, then the main window.

:func:`minuta.ui.main.main` adds only the process around it (umask, the
``QApplication``, its event loop), so tests drive everything else directly.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal

from minuta.app.paths import AppPaths
from minuta.app.recovery import RecoveredRecording
from minuta.ui.main_window import MainWindow
from minuta.ui.recovery_offer import RecoveryOffer, summary
from minuta.ui.startup import EXIT_OK, StartupController, StoreReady
from minuta.ui.store_worker import StoreWorker

if TYPE_CHECKING:
    from minuta.ui.workspace import Workspace

log = logging.getLogger(__name__)

# Recording, playback and NumPy take a third of a second to import: they are
# imported on a thread of their own, started before the store is unlocked, and the
# window is not kept waiting for them.
_WORKSPACE_MODULE = "minuta.ui.workspace"
_IMPORT_POLL_MS = 20
# Quitting before the imports are done (from a start-up dialog, say) waits this long for
# them: Python ending while that thread still creates PySide's types crashes the process.
_IMPORT_JOIN_S = 10.0


def _import_workspace() -> None:
    try:
        importlib.import_module(_WORKSPACE_MODULE)
    except Exception as exc:  # noqa: BLE001 - the GUI thread imports it again, and says so
        if threading.main_thread().is_alive():
            log.warning("importing the workspace failed: %s", type(exc).__name__)
        return  # else the app quit before the imports were done: nothing to say
    # The meeting view's sound output: loading PortAudio takes 50-80 ms.
    with contextlib.suppress(ImportError, OSError):
        importlib.import_module("sounddevice")


class MinutaApp(QObject):
    """Owns the worker for the whole run; ``quit_requested(status)`` ends the run.

    ``show_window=False`` (``minuta-app --tray``): once the store is open, only the
    tray icon appears; the window is made but shown when the person asks for it
    (the tray's Open Minuta, or launching Minuta again). Start-up dialogs (unlock,
    the recovery key) still appear: the store must be open first.
    """

    quit_requested = Signal(int)
    window_shown = Signal()
    workspace_ready = Signal()  # recording, meetings and the tray are wired up

    def __init__(
        self,
        paths: AppPaths,
        *,
        settings: QSettings | None = None,
        setup: bool = True,
        show_window: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._settings = settings if settings is not None else QSettings()
        self._setup = setup
        self._show_on_ready = show_window
        self._window_shown = False
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
        window = self.window = MainWindow(self.worker, ready.key_location, settings=self._settings)
        window.closed.connect(lambda: self.quit_requested.emit(EXIT_OK))
        # Asked for before the workspace exists: done as soon as it does.
        window.record_requested.connect(self._remember_record)
        window.meeting_opened.connect(self._remember_meeting)
        window.search_hit_opened.connect(self._remember_meeting)
        # Start-up is done when the person can pick a meeting: said once, at INFO, for
        # the bundle's test and benchmark (bench/bundle.py) to time.
        window.meetings_loaded.connect(self._log_ready, Qt.ConnectionType.SingleShotConnection)
        if self._show_on_ready:
            window.show()
            self._first_shown()
        else:
            log.info("started in the tray")
            # Shown later by whoever asks (the tray, another launch): noticed here.
            window.installEventFilter(self)
            # What the first showing would start, started now: approved CRM pushes go
            # out and the retention rules run while Minuta waits in the tray.
            window.reload()
            window.outbox_runner.start()
            window.retention_runner.start()
        self._import_poll.start()

    def _log_ready(self) -> None:
        log.info("ready: the main window lists the meetings")

    def _first_shown(self) -> None:
        if self._window_shown or self.window is None:
            return
        self._window_shown = True
        log.info("the main window is shown")
        self.window_shown.emit()
        if self._setup and self.workspace is not None:
            self._offer_setup()  # in the tray until now: the workspace did not offer it
        # Asked in the window, so only once the person is looking at it.
        self.recovery_offer = RecoveryOffer(self.worker, self.window)
        self.recovery_offer.recovered.connect(self._recovered)
        self.recovery_offer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._first_shown)  # after the showing is done
        return False

    def show_requested(self) -> None:
        """Another launch of Minuta asked for it: the window, or the dialog now open."""
        log.info("another launch asked to show the window")
        if self.workspace is not None:
            self.workspace.show_window()
        elif self.window is not None:
            self.window.show_and_raise()
        elif self.startup.dialog is not None:
            dialog = self.startup.dialog
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        else:
            self._show_on_ready = True  # the store is still being opened: shown when it is

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
        if self._setup and self._window_shown:
            self._offer_setup()
        # Started in the tray: the first-start setup waits for the window (_first_shown).

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
        if self._import_thread is not None:
            self._import_thread.join(_IMPORT_JOIN_S)  # the event loop is over: nothing waits
        self.startup.close()
        if self.workspace is not None:
            self.workspace.shutdown()
        if self.window is not None:
            self.window.blockSignals(True)  # closing here is not a new request to quit
            self.window.close_for_quit()
            self.window.deleteLater()
            self.window = None
        self.worker.shutdown()
