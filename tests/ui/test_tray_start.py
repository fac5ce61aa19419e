"""``minuta-app --tray``: MinutaApp(show_window=False) on the real store, and "show" requests."""

from __future__ import annotations

import pytest
from ui_support import add_meeting, create_store, open_directly, wait_for_dialog

from minuta.ui.dialogs import RecoveryKeyDialog

pytestmark = pytest.mark.gui


def test_in_the_tray_the_window_waits_until_asked(qtbot, app_paths, make_app):
    create_store(app_paths)
    store = open_directly(app_paths)
    add_meeting(store, "Nordlys pricing")
    store.close()
    minuta = make_app(show_window=False)
    shown: list[bool] = []
    minuta.window_shown.connect(lambda: shown.append(True))
    qtbot.waitUntil(lambda: minuta.workspace is not None, timeout=10_000)
    window = minuta.window
    assert window is not None and not window.isVisible()
    assert shown == [] and minuta.recovery_offer is None  # asked only in a visible window
    # The meetings are listed meanwhile, so the window opens on them.
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)

    minuta.show_requested()  # another launch, or the tray's Open Minuta
    qtbot.waitUntil(window.isVisible)
    qtbot.waitUntil(lambda: shown == [True])
    assert minuta.recovery_offer is not None
    minuta.show_requested()  # again: it is brought forward, not shown twice
    assert shown == [True]


def test_the_trays_open_shows_the_window(qtbot, app_paths, make_app):
    create_store(app_paths)
    minuta = make_app(show_window=False)
    qtbot.waitUntil(lambda: minuta.workspace is not None, timeout=10_000)
    with qtbot.waitSignal(minuta.window_shown):
        minuta.workspace.tray.open_requested.emit()
    assert minuta.window.isVisible()


def test_in_the_tray_the_recovery_key_is_still_shown_first(qtbot, make_app):
    minuta = make_app(show_window=False)  # a new store: the key must be seen and confirmed
    dialog = wait_for_dialog(qtbot, minuta, RecoveryKeyDialog)
    dialog.hide()  # behind other windows, say
    minuta.show_requested()
    assert dialog.isVisible()
    dialog.checkbox.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: minuta.workspace is not None, timeout=10_000)
    assert not minuta.window.isVisible()  # then, as asked, only the tray


def test_asked_to_show_before_the_store_is_open_shows_it_when_it_is(qtbot, app_paths, make_app):
    create_store(app_paths)
    minuta = make_app(show_window=False)
    assert minuta.startup.dialog is None and minuta.window is None  # still unlocking
    minuta.show_requested()
    qtbot.waitUntil(lambda: minuta.window is not None and minuta.window.isVisible(), timeout=10_000)
