"""The tray icon: what Minuta is doing, at a glance, and the quick controls.

The icon shows the state (a red dot while recording). Its menu is built afresh
each time it is about to open, from a state provider, so it never offers
something that no longer applies. Where the desktop has no tray
(``QSystemTrayIcon.isSystemTrayAvailable()`` is false, as offscreen) the object
still works: it keeps its state and builds its menu, it only shows nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QSystemTrayIcon

from minuta.app.autostart import Autostart
from minuta.core.timecode import clock
from minuta.ui.icons import icon

log = logging.getLogger(__name__)

WARNING_MS = 10_000


class TrayState(Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    PROCESSING = "processing"


_ICONS = {
    TrayState.IDLE: "tray-idle",
    TrayState.RECORDING: "tray-recording",
    TrayState.PAUSED: "tray-paused",
    TrayState.PROCESSING: "tray-processing",
}

# Object names of the menu's actions: what tests and the integrator look them up by.
QUICK_RECORD = "quickRecord"
PAUSE = "pauseResume"
HIGHLIGHT = "addHighlight"
STOP = "stopRecording"
OPEN = "openMinuta"
QUIT = "quitMinuta"
STATUS = "trayStatus"
AUTOSTART = "startAtLogin"


class TrayIcon(QObject):
    quick_record_requested = Signal()
    pause_toggled = Signal()  # pause while recording, resume while paused
    highlight_requested = Signal()
    stop_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()
    autostart_changed = Signal(bool)  # start at login is now on (True) or off

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        state_provider: Callable[[], TrayState] | None = None,
        autostart: Autostart | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = TrayState.IDLE
        self._elapsed_s: float | None = None
        self._provider = state_provider
        self._autostart = autostart
        self.autostart_error: QMessageBox | None = None  # the last failure's message, if shown
        self.tray = QSystemTrayIcon(self)
        # A menu has no QObject parent to take (it is a widget): kept here, freed with us.
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.aboutToShow.connect(self.build_menu)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.destroyed.connect(self.menu.deleteLater)
        self._refresh()
        self.build_menu()

    # --- state --------------------------------------------------------------------

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def state(self) -> TrayState:
        """The provider's state when there is one, else the last ``set_state``."""
        return self._provider() if self._provider is not None else self._state

    def set_state(self, state: TrayState) -> None:
        self._state = state
        if state not in (TrayState.RECORDING, TrayState.PAUSED):
            self._elapsed_s = None
        self._refresh()
        if self.menu.isVisible():
            self.build_menu()

    def set_elapsed(self, seconds: float | None) -> None:
        """How long the recording has run; shown in the tooltip and the menu."""
        self._elapsed_s = seconds
        self.tray.setToolTip(self.tooltip())
        status = self.action(STATUS)
        if status is not None:
            status.setText(self.status_text())

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def status_text(self) -> str:
        """ "Recording, 12:34": the state in words, as the menu's first line says it."""
        elapsed = clock(self._elapsed_s) if self._elapsed_s is not None else None
        match self.state:
            case TrayState.RECORDING if elapsed:
                return self.tr("Recording, {time}").format(time=elapsed)
            case TrayState.RECORDING:
                return self.tr("Recording")
            case TrayState.PAUSED if elapsed:
                return self.tr("Recording paused at {time}").format(time=elapsed)
            case TrayState.PAUSED:
                return self.tr("Recording paused")
            case TrayState.PROCESSING:
                return self.tr("Writing the transcript")
        return self.tr("Not recording")

    def tooltip(self) -> str:
        return self.tr("Minuta: {status}").format(status=self.status_text())

    def _refresh(self) -> None:
        self.tray.setIcon(icon(_ICONS[self.state]))
        self.tray.setToolTip(self.tooltip())

    # --- menu ---------------------------------------------------------------------

    def build_menu(self) -> QMenu:
        """Fill the menu for the current state (run on ``aboutToShow``)."""
        state = self.state
        if state is not self._state:
            self._state = state
            self._refresh()
        menu = self.menu
        menu.clear()  # deletes the actions it owns: all of them

        status = self._action(STATUS, self.status_text())
        status.setEnabled(False)
        menu.addAction(status)
        menu.addSeparator()
        recording = state in (TrayState.RECORDING, TrayState.PAUSED)
        if state is TrayState.IDLE:
            menu.addAction(
                self._action(
                    QUICK_RECORD,
                    self.tr("Start &Quick Recording"),
                    self.quick_record_requested,
                    "record",
                )
            )
        if recording:
            if state is TrayState.PAUSED:
                pause = self._action(PAUSE, self.tr("&Resume"), self.pause_toggled, "play")
            else:
                pause = self._action(PAUSE, self.tr("&Pause"), self.pause_toggled, "pause")
            menu.addAction(pause)
            highlight = self._action(
                HIGHLIGHT, self.tr("Add &Highlight"), self.highlight_requested, "highlight"
            )
            highlight.setEnabled(state is TrayState.RECORDING)  # nothing to mark while paused
            menu.addAction(highlight)
            menu.addAction(
                self._action(STOP, self.tr("&Stop Recording"), self.stop_requested, "stop")
            )
        menu.addSeparator()
        menu.addAction(self._action(OPEN, self.tr("&Open Minuta"), self.open_requested, "minuta"))
        menu.addSeparator()
        if self._autostart is not None:
            menu.addAction(self._autostart_action(self._autostart))
            menu.addSeparator()
        menu.addAction(self._action(QUIT, self.tr("Q&uit Minuta"), self.quit_requested))
        return menu

    def _action(
        self,
        name: str,
        text: str,
        signal: SignalInstance | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if signal is not None:
            action.triggered.connect(signal)
        return action

    def _autostart_action(self, switch: Autostart) -> QAction:
        action = self._action(AUTOSTART, self.tr("Start Minuta at &Login"))
        action.setCheckable(True)
        action.setChecked(switch.is_enabled())  # as the system has it now, changed there or not
        action.setToolTip(self.tr("Start Minuta in the tray when you log in to this computer"))
        action.toggled.connect(lambda on: self._switch_autostart(switch, action, on))
        return action

    def _switch_autostart(self, switch: Autostart, action: QAction, on: bool) -> None:
        try:
            if on:
                switch.enable()
            else:
                switch.disable()
        except OSError as exc:
            log.warning("changing start at login failed: %s", type(exc).__name__)
            self._autostart_failed(on, exc)
        enabled = switch.is_enabled()
        if action.isChecked() != enabled:
            action.blockSignals(True)
            action.setChecked(enabled)
            action.blockSignals(False)
        self.autostart_changed.emit(enabled)

    def _autostart_failed(self, on: bool, exc: OSError) -> None:
        if on:
            text = self.tr("Minuta could not set itself to start when you log in.")
        else:
            text = self.tr("Minuta could not stop itself from starting when you log in.")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Start at login"), text)
        box.setInformativeText(
            self.tr(
                "The system did not allow the change ({reason}). Nothing else was changed, "
                "and your meetings are not affected. You can try again from this menu."
            ).format(reason=exc.strerror or type(exc).__name__)
        )
        box.setAccessibleName(self.tr("Start at login could not be changed"))
        box.finished.connect(lambda _result: self._forget_error(box))
        if self.autostart_error is not None:
            self.autostart_error.close()  # one message at a time: the newest
        self.autostart_error = box
        box.show()  # not modal: the tray stays usable

    def _forget_error(self, box: QMessageBox) -> None:
        if self.autostart_error is box:
            self.autostart_error = None
        box.deleteLater()

    def action(self, name: str) -> QAction | None:
        """The menu's action with this object name, as last built."""
        for action in self.menu.actions():
            if action.objectName() == name:
                return action
        return None

    def action_names(self) -> list[str]:
        return [a.objectName() for a in self.menu.actions() if not a.isSeparator()]

    # --- messages and clicks --------------------------------------------------------

    def show_warning(self, text: str) -> bool:
        """A balloon by the tray icon; whether the desktop could show it."""
        if not (self.available() and self.tray.isVisible() and self.tray.supportsMessages()):
            return False
        self.tray.showMessage("Minuta", text, QSystemTrayIcon.MessageIcon.Warning, WARNING_MS)
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click (or double click) opens the window; the menu is on the right button.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
