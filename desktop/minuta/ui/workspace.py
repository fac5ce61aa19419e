"""The app once the store is open: the window's pages, the recording, the tray, the hotkey.

Every way of starting a recording (the window's Record button, the tray's quick
recording, the global hotkey) goes through :meth:`Workspace.record` or
:meth:`Workspace.quick_record`, and both go through the consent gate: the
recording controller is only ever started from the gate's ``on_allowed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWidget

from minuta.app.autostart import autostart_for_platform
from minuta.app.paths import AppPaths
from minuta.app.recording import RecordingRequest
from minuta.audio.capture import CaptureBackend
from minuta.core.consent import ConsentRecord
from minuta.ui.consent_gate import ConsentGate
from minuta.ui.hotkey import GlobalHotkey
from minuta.ui.main_window import MainWindow, confirm_quit_while_recording
from minuta.ui.meeting.view import MeetingView
from minuta.ui.recording.controller import RecorderState, RecordingController
from minuta.ui.recording.view import RecordingView
from minuta.ui.settings.hotkey import quick_record_hotkey
from minuta.ui.store_worker import StoreWorker
from minuta.ui.tray import TrayIcon, TrayState

log = logging.getLogger(__name__)

_TRAY_STATES = {
    RecorderState.IDLE: TrayState.IDLE,
    RecorderState.STARTING: TrayState.RECORDING,
    RecorderState.RECORDING: TrayState.RECORDING,
    RecorderState.PAUSED: TrayState.PAUSED,
    RecorderState.STOPPING: TrayState.PROCESSING,
    RecorderState.PROCESSING: TrayState.PROCESSING,
}
_STATUS_MS = 15_000


class Workspace(QObject):
    """Owns the recording controller and wires the window, tray and hotkey to it."""

    quit_requested = Signal()  # the person chose to quit, and confirmed it where needed
    meeting_shown = Signal(object)  # the MeetingView now on screen

    def __init__(
        self,
        window: MainWindow,
        worker: StoreWorker,
        paths: AppPaths,
        settings: QSettings,
        *,
        backend_factory: Callable[[], CaptureBackend] | None = None,
        final_pass: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._worker = worker
        self._paths = paths
        self._settings = settings
        self._quitting = False
        self.controller = RecordingController(
            worker, paths, backend_factory, final_pass=final_pass, parent=self
        )
        self.gate = ConsentGate(worker, self)
        self.tray = TrayIcon(
            self, state_provider=self._tray_state, autostart=autostart_for_platform()
        )
        self.hotkey = GlobalHotkey(self)
        self.recording_view: RecordingView | None = None
        self.meeting_view: MeetingView | None = None
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(1000)
        self._elapsed_timer.timeout.connect(self._show_elapsed)
        self._wire()

    # --- wiring -------------------------------------------------------------------

    def _wire(self) -> None:
        window, controller, tray = self.window, self.controller, self.tray
        window.record_requested.connect(self.open_recording_view)
        window.meeting_opened.connect(self.open_meeting)
        window.search_hit_opened.connect(self.open_meeting)
        window.settings_requested.connect(self.open_settings)
        window.quit_requested.connect(self.request_quit)

        tray.quick_record_requested.connect(self.quick_record)
        tray.pause_toggled.connect(controller.toggle_pause)
        tray.highlight_requested.connect(controller.highlight)
        tray.stop_requested.connect(controller.stop)
        tray.open_requested.connect(self.show_window)
        tray.quit_requested.connect(self.request_quit)
        self.hotkey.activated.connect(self.hotkey_pressed)

        controller.state_changed.connect(self._state_changed)
        controller.warning.connect(self._warn)
        controller.failed.connect(self._start_failed)
        controller.finished.connect(self._recording_finished)
        controller.final_pass_progress.connect(self._final_progress)
        for ended in (
            controller.final_pass_done,
            controller.final_pass_failed,
            controller.final_pass_cancelled,
        ):
            ended.connect(self._final_ended)
        controller.final_pass_failed.connect(
            lambda _id, message: window.statusBar().showMessage(message, _STATUS_MS)
        )
        controller.started.connect(lambda _id: window.reload())

    def start(self) -> None:
        """After the window is shown: the tray, then the hotkey (loading Xlib takes a moment)."""
        self.tray.show()
        QTimer.singleShot(0, self.register_hotkey)

    def register_hotkey(self, sequence: str | None = None) -> bool:
        sequence = quick_record_hotkey(self._settings) if sequence is None else sequence
        self.hotkey.unregister()
        if not sequence:
            return False
        if not self.hotkey.register(sequence):
            log.info("no global hotkey: %s", self.hotkey.unavailable_reason)
            return False
        return True

    # --- recording ----------------------------------------------------------------

    def _ensure_recording_view(self) -> RecordingView:
        if self.recording_view is None:
            self.recording_view = RecordingView(self.controller)
            self.recording_view.start_requested.connect(self.record)
        return self.recording_view

    def open_recording_view(self) -> None:
        self.window.show_page(self._ensure_recording_view())

    def record(self, request: RecordingRequest) -> None:
        """Start ``request`` once the consent question is answered (the window's way)."""
        if self.controller.recording:
            self.open_recording_view()
            return

        def allowed(record: ConsentRecord) -> None:
            self.open_recording_view()
            self.controller.start(replace(request, consent=record.decision, consent_record=record))

        self.gate.ask(self.window, request.language, allowed, participants=request.participants)

    def quick_record(self) -> None:
        """Record with the last devices (the tray's way), after the consent question."""
        if self.controller.recording:
            return

        def allowed(record: ConsentRecord) -> None:
            self._ensure_recording_view()
            if self.window.isVisible():
                self.open_recording_view()
            self.controller.start_quick(record)

        self.gate.ask(None, None, allowed)

    def hotkey_pressed(self) -> None:
        """The global hotkey starts a quick recording, or stops the one running."""
        if self.controller.recording:
            self.controller.stop()
        else:
            self.quick_record()

    def _tray_state(self) -> TrayState:
        return _TRAY_STATES[self.controller.state]

    def _state_changed(self, state: RecorderState) -> None:
        self.tray.set_state(_TRAY_STATES[state])
        recording = self.controller.recording
        # While recording, closing the window must not end the recording.
        self.window.set_keep_running(recording)
        self.window.new_recording_action.setEnabled(not recording)
        if state in (RecorderState.RECORDING, RecorderState.PAUSED):
            self._elapsed_timer.start()
            self._show_elapsed()
        else:
            self._elapsed_timer.stop()
            self.tray.set_elapsed(None)
        if self._quitting and not recording:
            # Saved; a final pass still running is left for later (`minuta retranscribe`).
            self.quit_requested.emit()

    def _show_elapsed(self) -> None:
        self.tray.set_elapsed(self.controller.elapsed_s)

    def _warn(self, text: str) -> None:
        # The recording view shows it in the window; the tray tells someone in a call.
        if not self.window.isActiveWindow():
            self.tray.show_warning(text)

    def _start_failed(self, message: str) -> None:
        # The recording view says why; started from the tray or the hotkey, it may not be
        # on screen: the tray tells it, or else the window opens on it.
        if self.window.isVisible():
            self.open_recording_view()
        elif not self.tray.show_warning(message):
            self.open_recording_view()
            self.show_window()

    def _recording_finished(self, meeting_id: int, message: str) -> None:
        if message:
            self.window.statusBar().showMessage(message, _STATUS_MS)
        self.window.reload()
        if self._quitting:
            return
        if self.window.current_page is self.recording_view or not self.window.isVisible():
            self.open_meeting(meeting_id)

    def _final_progress(self, meeting_id: int, fraction: float) -> None:
        view = self.meeting_view
        if view is not None and view.meeting_id == meeting_id:
            view.set_final_pass_progress(fraction)

    def _final_ended(self, meeting_id: int, *_rest: object) -> None:
        view = self.meeting_view
        if view is not None and view.meeting_id == meeting_id:
            view.set_final_pass_progress(None)
            view.reload()
        self.window.reload()

    # --- meetings -----------------------------------------------------------------

    def open_meeting(self, meeting_id: int, time_s: float | None = None) -> MeetingView:
        view = self.meeting_view
        if view is None or view.meeting_id != meeting_id:
            if view is not None:
                self._close_meeting_view()
            view = MeetingView(self._worker, meeting_id, settings=self._settings)
            view.back_requested.connect(self.window.show_home)
            view.deleted.connect(self._meeting_deleted)
            view.meeting_changed.connect(lambda _id: self.window.reload())
            view.cancel_final_pass_requested.connect(self.controller.cancel_final_pass)
            self.meeting_view = view
            if meeting_id in self.controller.final_passes:
                view.set_final_pass_progress(0.0)
        self.window.show_page(view)
        if time_s is not None:
            view.jump_to(float(time_s))
        self.meeting_shown.emit(view)
        return view

    def _close_meeting_view(self) -> None:
        view, self.meeting_view = self.meeting_view, None
        if view is not None:
            view.shutdown()
            self.window.remove_page(view)
            view.deleteLater()

    def _meeting_deleted(self, _meeting_id: int) -> None:
        self.window.show_home()
        self._close_meeting_view()
        self.window.reload()

    # --- settings -----------------------------------------------------------------

    def open_settings(self) -> None:
        # Imported here: the settings pages bring NumPy (level test), not wanted at start-up.
        from minuta.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self._worker, self._paths, qsettings=self._settings, parent=self.window
        )
        dialog.hotkey_changed.connect(self.register_hotkey)
        dialog.saved.connect(lambda _values: self.controller.refresh_devices())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- window and quitting ------------------------------------------------------

    def show_window(self) -> None:
        self.window.show_and_raise()

    def request_quit(self) -> None:
        """Quit; during a recording, only after asking, and once it is saved."""
        if self.controller.recording:
            parent: QWidget | None = self.window if self.window.isVisible() else None
            if not confirm_quit_while_recording(parent):
                return
            self._quitting = True
            self.controller.stop(final_pass=False, hurry=True)
            return
        self.quit_requested.emit()

    def shutdown(self) -> None:
        """Before the store's worker stops: a recording still running is saved."""
        self._elapsed_timer.stop()
        self.hotkey.unregister()
        self.tray.hide()
        if self.meeting_view is not None:
            self.meeting_view.shutdown()
        self.controller.shutdown()
