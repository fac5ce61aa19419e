"""The tray's "Start Minuta at Login": a checkable action on the real autostart file."""

from __future__ import annotations

import pytest

from minuta.app.autostart import XdgAutostart
from minuta.ui.tray import AUTOSTART, OPEN, QUICK_RECORD, QUIT, STATUS, TrayIcon

pytestmark = pytest.mark.gui

COMMAND = ["/opt/Minuta Apps/minuta-app", "--tray"]


@pytest.fixture
def switch(tmp_path) -> XdgAutostart:
    return XdgAutostart(tmp_path / "config", COMMAND)


@pytest.fixture
def tray(qtbot, switch):
    icon = TrayIcon(autostart=switch)
    yield icon
    icon.hide()
    icon.deleteLater()


def test_the_action_sits_before_quit_and_is_checkable(tray):
    assert tray.action_names() == [STATUS, QUICK_RECORD, OPEN, AUTOSTART, QUIT]
    action = tray.action(AUTOSTART)
    assert action.isCheckable()
    assert not action.isChecked()
    assert action.text() == "Start Minuta at &Login"


def test_without_a_switch_there_is_no_action(qtbot):
    icon = TrayIcon()
    assert AUTOSTART not in icon.action_names()
    icon.deleteLater()


def test_toggling_writes_and_removes_the_autostart_entry(qtbot, tray, switch):
    with qtbot.waitSignal(tray.autostart_changed) as changed:
        tray.action(AUTOSTART).trigger()
    assert changed.args == [True]
    assert switch.path.exists()
    assert '"/opt/Minuta Apps/minuta-app" --tray' in switch.path.read_text()
    assert tray.action(AUTOSTART).isChecked()

    tray.menu.aboutToShow.emit()  # opened again: it reads the file, and still says on
    assert tray.action(AUTOSTART).isChecked()

    with qtbot.waitSignal(tray.autostart_changed) as changed:
        tray.action(AUTOSTART).trigger()
    assert changed.args == [False]
    assert not switch.path.exists()
    assert not tray.action(AUTOSTART).isChecked()
    assert tray.autostart_error is None


def test_a_change_made_elsewhere_shows_when_the_menu_opens(tray, switch):
    switch.enable()  # the desktop's own settings, say
    tray.menu.aboutToShow.emit()
    assert tray.action(AUTOSTART).isChecked()
    switch.disable()
    tray.menu.aboutToShow.emit()
    assert not tray.action(AUTOSTART).isChecked()


def test_a_failure_is_said_and_the_action_stays_as_it_was(qtbot, tray, switch, tmp_path):
    # A file where the autostart folder should be: the folder cannot be made.
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "autostart").write_text("in the way")
    with qtbot.waitSignal(tray.autostart_changed) as changed:
        tray.action(AUTOSTART).trigger()
    assert changed.args == [False]
    assert not tray.action(AUTOSTART).isChecked()
    box = tray.autostart_error
    assert box is not None and box.isVisible()
    assert box.text() == "Minuta could not set itself to start when you log in."
    assert "Nothing else was changed" in box.informativeText()
    assert "Traceback" not in box.informativeText()
    box.accept()
    qtbot.waitUntil(lambda: tray.autostart_error is None)
