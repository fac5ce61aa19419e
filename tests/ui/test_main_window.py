"""The main window over a real store opened on the worker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from ui_support import add_meeting, create_store, open_directly, open_on_worker, open_store_on

from minuta.ui.main_window import MainWindow, confirm_quit_while_recording, key_status
from minuta.ui.meetings_model import DAY_HEADER_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def open_worker(qtbot, worker, app_paths):
    """The worker with a new store open on it."""
    return open_store_on(qtbot, worker, app_paths)


def show_window(qtbot, worker, settings: QSettings, key_location: str = "keyring (test)"):
    window = MainWindow(worker, key_location, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded):
        window.show()
    return window


def test_empty_store_shows_the_empty_state(qtbot, app_paths, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    assert window.windowTitle() == "Minuta"
    assert window.current_page is window.home_page
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.isVisible()
    text = window.empty_label.text()
    assert "Record" in text
    assert "minuta import FILE" in text
    assert window.count_label.text() == ""


def test_meetings_are_listed_newest_first_under_day_headings(qtbot, app_paths, worker, settings):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        add_meeting(store, "Older", started_at=datetime(2025, 1, 2, 10, tzinfo=UTC))
        add_meeting(store, "Newer", started_at=datetime(2025, 6, 1, 15, tzinfo=UTC))
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)

    window = show_window(qtbot, worker, settings)
    assert window.pages.currentWidget() is window.table
    view = window.table.model()
    titles = [view.index(row, 0).data() for row in range(view.rowCount())]
    assert titles == ["Newer", "Older"]
    # Different days: each meeting opens its own day's group.
    assert all(view.index(row, 0).data(DAY_HEADER_ROLE) for row in range(2))
    assert window.count_label.text() == "2 meetings"


def test_activating_a_meeting_opens_it(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    open_worker.submit(lambda store: add_meeting(store, "Pricing call"))
    with qtbot.waitSignal(window.meetings_loaded):
        window.reload()
    meeting_id = window.model.meeting_at(0).id
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    with qtbot.waitSignal(window.meeting_opened) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened.args == [meeting_id]


def test_reload_shows_meetings_added_meanwhile_and_keeps_the_selection(
    qtbot, open_worker, settings
):
    window = show_window(qtbot, open_worker, settings)
    assert window.model.rowCount() == 0
    open_worker.submit(lambda store: add_meeting(store, "Imported from the CLI"))
    with qtbot.waitSignal(window.meetings_loaded):
        window.reload_action.trigger()
    assert [m.title for m in window.model.meetings] == ["Imported from the CLI"]
    assert window.count_label.text() == "1 meeting"
    assert window.pages.currentWidget() is window.table

    window.table.setCurrentIndex(window.model.index(0, 0))
    open_worker.submit(
        lambda store: add_meeting(store, "Newer", started_at=datetime(2026, 1, 1, tzinfo=UTC))
    )
    with qtbot.waitSignal(window.meetings_loaded):
        window.reload()
    assert window.model.rowCount() == 2
    assert window.table.currentIndex().data() == "Imported from the CLI"


def test_a_failed_load_is_shown_not_hidden(qtbot, worker, settings):
    # No store is open on this worker: listing fails, and the window says so.
    window = show_window(qtbot, worker, settings)
    assert window.pages.currentWidget() is window.error_label
    assert "could not list" in window.error_label.text()


def test_status_bar_says_where_the_key_is(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings, "keyring (SecretService Keyring)")
    assert window.key_label.text() == key_status("keyring (SecretService Keyring)")
    assert "Encrypted" in window.key_label.text()
    assert "keyring (SecretService Keyring)" in window.key_label.text()
    assert "passphrase" in key_status("passphrase")


def test_record_button_and_menu_ask_for_a_recording(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    button = window.record_button
    assert button.isVisible()
    assert button.accessibleName()
    assert "Ctrl+R" in button.toolTip()
    assert not button.icon().isNull()
    with qtbot.waitSignal(window.record_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.record_requested):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.new_recording_action in file_menu.actions()
    assert window.settings_action in file_menu.actions()
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    with qtbot.waitSignal(window.settings_requested):
        window.settings_action.trigger()


def test_ctrl_f_focuses_the_search_field_from_any_page(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    window.activateWindow()
    other = QLabel("A meeting")
    window.show_page(other)
    assert window.current_page is other
    assert window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is window.home_page
    qtbot.waitUntil(window.search_field.hasFocus)
    assert not window.back_action.isEnabled()


def test_pages_come_and_go(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    page = QLabel("Recording")
    with qtbot.waitSignal(window.page_changed) as changed:
        window.show_page(page)
    assert changed.args == [page]
    window.show_page(page)  # again: not added twice
    assert window.stack.count() == 2
    window.back_action.trigger()
    assert window.current_page is window.home_page
    window.show_page(page)
    window.remove_page(page)
    assert window.current_page is window.home_page
    assert window.stack.count() == 1
    page.deleteLater()


def test_file_menu_quit_closes_the_window(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    assert window.quit_action in file_menu.menu().actions()
    with qtbot.waitSignal(window.closed):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_while_recording_closing_hides_and_quit_asks_the_app(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.set_keep_running(True)
    with qtbot.waitSignal(window.hidden_to_tray):
        window.close()
    assert not window.isVisible()
    assert closed == []

    window.show_and_raise()
    assert window.isVisible()
    with qtbot.waitSignal(window.quit_requested):
        window.quit_action.trigger()
    assert window.isVisible()
    assert closed == []

    with qtbot.waitSignal(window.closed):
        window.close_for_quit()
    assert not window.keep_running


@pytest.mark.parametrize(("button", "expected"), [("stop", True), ("keep", False)])
def test_confirm_quit_while_recording(qtbot, button, expected):
    answers: list[bool] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        texts = {b.text(): b for b in box.buttons()}
        assert "A recording is running." in box.text()
        texts["&Stop and Quit" if button == "stop" else "&Keep Recording"].click()

    QTimer.singleShot(0, answer)
    answers.append(confirm_quit_while_recording(None))
    assert answers == [expected]


def test_window_size_is_remembered(qtbot, open_worker, settings):
    first = show_window(qtbot, open_worker, settings)
    first.resize(700, 480)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()

    second = show_window(qtbot, open_worker, settings)
    assert (second.width(), second.height()) == (700, 480)
