"""The tray icon's menu and words per state, without a real tray (offscreen has none)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from minuta.ui import tray as tray_module
from minuta.ui.tray import (
    HIGHLIGHT,
    OPEN,
    PAUSE,
    QUICK_RECORD,
    QUIT,
    STATUS,
    STOP,
    TrayIcon,
    TrayState,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def tray(qtbot):
    icon = TrayIcon()
    yield icon
    icon.hide()
    icon.deleteLater()


def enabled(tray: TrayIcon, name: str) -> bool:
    action = tray.action(name)
    assert action is not None, name
    return action.isEnabled()


@pytest.mark.parametrize(
    ("state", "names"),
    [
        (TrayState.IDLE, [STATUS, QUICK_RECORD, OPEN, QUIT]),
        (TrayState.RECORDING, [STATUS, PAUSE, HIGHLIGHT, STOP, OPEN, QUIT]),
        (TrayState.PAUSED, [STATUS, PAUSE, HIGHLIGHT, STOP, OPEN, QUIT]),
        (TrayState.PROCESSING, [STATUS, OPEN, QUIT]),
    ],
)
def test_menu_offers_what_the_state_allows(tray, state, names):
    tray.set_state(state)
    tray.build_menu()
    assert tray.action_names() == names
    assert not enabled(tray, STATUS)  # a line of information, not a command


def test_pause_reads_resume_while_paused_and_highlight_waits(tray):
    tray.set_state(TrayState.RECORDING)
    tray.build_menu()
    assert tray.action(PAUSE).text() == "&Pause"
    assert enabled(tray, HIGHLIGHT)
    tray.set_state(TrayState.PAUSED)
    tray.build_menu()
    assert tray.action(PAUSE).text() == "&Resume"
    assert not enabled(tray, HIGHLIGHT)


def test_the_menu_is_rebuilt_from_the_provider_when_it_opens(qtbot):
    state = {"now": TrayState.IDLE}
    tray = TrayIcon(state_provider=lambda: state["now"])
    assert QUICK_RECORD in tray.action_names()
    state["now"] = TrayState.RECORDING
    tray.menu.aboutToShow.emit()
    assert QUICK_RECORD not in tray.action_names()
    assert STOP in tray.action_names()
    assert tray.state is TrayState.RECORDING
    tray.deleteLater()


@pytest.mark.parametrize(
    ("state", "name", "signal"),
    [
        (TrayState.IDLE, QUICK_RECORD, "quick_record_requested"),
        (TrayState.RECORDING, PAUSE, "pause_toggled"),
        (TrayState.PAUSED, PAUSE, "pause_toggled"),
        (TrayState.RECORDING, HIGHLIGHT, "highlight_requested"),
        (TrayState.RECORDING, STOP, "stop_requested"),
        (TrayState.IDLE, OPEN, "open_requested"),
        (TrayState.RECORDING, QUIT, "quit_requested"),
    ],
)
def test_each_action_emits_its_signal(qtbot, tray, state, name, signal):
    tray.set_state(state)
    tray.build_menu()
    with qtbot.waitSignal(getattr(tray, signal)):
        tray.action(name).trigger()


def test_tooltip_says_the_state_and_the_time(tray):
    assert tray.tooltip() == "Minuta: Not recording"
    tray.set_state(TrayState.RECORDING)
    assert tray.tooltip() == "Minuta: Recording"
    tray.set_elapsed(754)
    assert tray.tooltip() == "Minuta: Recording, 12:34"
    assert tray.tray.toolTip() == "Minuta: Recording, 12:34"
    tray.build_menu()
    tray.set_elapsed(755)
    assert tray.action(STATUS).text() == "Recording, 12:35"
    tray.set_state(TrayState.PAUSED)
    assert tray.tooltip() == "Minuta: Recording paused at 12:35"
    tray.set_state(TrayState.PROCESSING)
    assert tray.tooltip() == "Minuta: Writing the transcript"
    tray.set_state(TrayState.IDLE)
    tray.set_state(TrayState.RECORDING)
    assert tray.tooltip() == "Minuta: Recording"  # a new recording starts from no time


def test_every_state_has_its_own_icon(tray):
    keys = set()
    for state in TrayState:
        tray.set_state(state)
        icon = tray.tray.icon()
        assert not icon.isNull(), state
        keys.add(icon.cacheKey())
    assert len(keys) == len(TrayState)
    assert set(tray_module._ICONS) == set(TrayState)


def test_without_a_tray_warnings_are_not_shown_and_nothing_breaks(tray):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen
    tray.show()
    assert tray.show_warning("The microphone stopped delivering sound.") is False


def test_a_left_click_opens_the_window(qtbot, tray):
    with qtbot.waitSignal(tray.open_requested):
        tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
