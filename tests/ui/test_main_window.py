"""The main window over a real store opened on the worker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings
from ui_support import add_meeting, create_store, open_directly

from minuta.app.session import open_app_store
from minuta.ui.main_window import EMPTY_TITLE, MainWindow, key_status
from minuta.ui.meetings_model import Column

pytestmark = pytest.mark.gui


@pytest.fixture
def open_worker(qtbot, worker, app_paths):
    """The worker with a new store open on it."""
    create_store(app_paths)
    done: list[object] = []
    worker.open(lambda: (open_app_store(app_paths), "open"), done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"])
    return worker


def show_window(qtbot, worker, settings: QSettings, key_location: str = "keyring (test)"):
    window = MainWindow(worker, key_location, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded):
        window.show()
    return window


def test_empty_store_shows_the_empty_state(qtbot, app_paths, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    assert window.windowTitle() == "Minuta"
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.isVisible()
    text = window.empty_label.text()
    assert "minuta import FILE" in text
    assert "recording from the app comes next" in text
    assert EMPTY_TITLE == "No meetings yet"
    assert window.count_label.text() == ""


def test_meetings_are_listed_newest_first(qtbot, app_paths, worker, settings):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        add_meeting(store, "Older", started_at=datetime(2025, 1, 2, 10, tzinfo=UTC))
        add_meeting(store, "Newer", started_at=datetime(2025, 6, 1, 15, tzinfo=UTC))
    finally:
        store.close()
    done: list[object] = []
    worker.open(lambda: (open_app_store(app_paths), "open"), done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"])

    window = show_window(qtbot, worker, settings)
    assert window.pages.currentWidget() is window.table
    view = window.table.model()
    titles = [view.index(row, Column.TITLE).data() for row in range(view.rowCount())]
    assert titles == ["Newer", "Older"]
    assert window.count_label.text() == "2 meetings"


def test_reload_shows_meetings_added_meanwhile(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    assert window.model.rowCount() == 0
    open_worker.submit(lambda store: add_meeting(store, "Imported from the CLI"))
    with qtbot.waitSignal(window.meetings_loaded):
        window.reload_action.trigger()
    assert [m.title for m in window.model.meetings] == ["Imported from the CLI"]
    assert window.count_label.text() == "1 meeting"
    assert window.pages.currentWidget() is window.table


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


def test_file_menu_quit_closes_the_window(qtbot, open_worker, settings):
    window = show_window(qtbot, open_worker, settings)
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    assert window.quit_action in file_menu.menu().actions()
    with qtbot.waitSignal(window.closed):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_window_size_is_remembered(qtbot, open_worker, settings):
    first = show_window(qtbot, open_worker, settings)
    first.resize(700, 480)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()

    second = show_window(qtbot, open_worker, settings)
    assert (second.width(), second.height()) == (700, 480)
