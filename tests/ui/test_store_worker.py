"""The store's worker thread: work runs there, results come back to the GUI thread."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from ui_support import add_meeting, create_store, open_directly

from minuta.app.session import open_app_store
from minuta.store.errors import NoStoreError, StoreError

pytestmark = pytest.mark.gui


class Recorder:
    """Collects callbacks, and the thread each one ran on."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[Exception] = []
        self.threads: list[int] = []

    def done(self, value: object) -> None:
        self.threads.append(threading.get_ident())
        self.results.append(value)

    def error(self, exc: Exception) -> None:
        self.threads.append(threading.get_ident())
        self.errors.append(exc)

    @property
    def calls(self) -> int:
        return len(self.results) + len(self.errors)


def test_work_runs_on_the_worker_and_results_arrive_on_the_gui_thread(qtbot, worker):
    gui = threading.get_ident()
    seen = Recorder()
    worker.submit(lambda store: (store, threading.get_ident()), seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 1)

    store, work_thread = seen.results[0]  # type: ignore[misc]
    assert store is None  # nothing opened yet
    assert work_thread != gui
    assert seen.threads == [gui]


def test_errors_reach_on_error_on_the_gui_thread(qtbot, worker, app_paths):
    seen = Recorder()
    worker.open(lambda: (open_app_store(app_paths), None), seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 1)
    assert isinstance(seen.errors[0], NoStoreError)
    assert seen.threads == [threading.get_ident()]


def test_tasks_run_in_order_one_at_a_time(qtbot, worker):
    order: list[int] = []
    for n in range(20):
        worker.submit(lambda _store, n=n: n, order.append)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))


def test_the_store_is_opened_used_and_closed_on_one_thread(qtbot, worker, app_paths):
    create_store(app_paths, meetings=("Kick-off",))
    opened_on: list[int] = []

    def opener():
        opened_on.append(threading.get_ident())
        return open_app_store(app_paths), "opened"

    seen = Recorder()
    worker.open(opener, seen.done, seen.error)
    # SQLCipher's connection is check_same_thread=True: a use from any other
    # thread than the opener's would fail, so this also proves the ownership.
    worker.submit(
        lambda store: (threading.get_ident(), [m.title for m in store.meetings.list()]),
        seen.done,
        seen.error,
    )
    qtbot.waitUntil(lambda: seen.calls == 2)
    assert seen.errors == []
    assert seen.results[0] == "opened"
    used_on, titles = seen.results[1]  # type: ignore[misc]
    assert titles == ["Kick-off"]
    assert used_on == opened_on[0] != threading.get_ident()

    wal, _shm = app_paths.store.database_sidecars
    worker.shutdown()
    assert not worker.running
    # The last connection to close removes the WAL file: the store was closed.
    assert not wal.exists()


def test_a_second_store_is_refused(qtbot, worker, app_paths):
    create_store(app_paths)
    seen = Recorder()
    worker.open(lambda: (open_app_store(app_paths), 1), seen.done, seen.error)
    worker.open(lambda: (open_app_store(app_paths), 2), seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 2)
    assert seen.results == [1]
    assert isinstance(seen.errors[0], RuntimeError)


def test_close_store_then_open_again(qtbot, worker, app_paths):
    create_store(app_paths)
    seen = Recorder()
    worker.open(lambda: (open_app_store(app_paths), "first"), seen.done, seen.error)
    worker.close_store(seen.done, seen.error)
    worker.open(lambda: (open_app_store(app_paths), "second"), seen.done, seen.error)
    worker.submit(lambda store: store is not None, seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 4)
    assert seen.results == ["first", None, "second", True]


def test_work_after_shutdown_is_dropped(qtbot, worker):
    worker.shutdown()
    worker.shutdown()  # twice is harmless
    seen = Recorder()
    worker.submit(lambda _store: 1, seen.done, seen.error)
    QCoreApplication.processEvents()
    assert seen.calls == 0


def test_a_failure_without_on_error_is_logged(qtbot, worker, caplog):
    def fail(_store):
        raise NoStoreError(Path("/nowhere"))

    finished: list[int] = []
    worker.submit(fail)
    worker.submit(lambda _store: 1, finished.append)
    qtbot.waitUntil(lambda: finished == [1])
    assert "NoStoreError" in caplog.text
    assert "/nowhere" not in caplog.text  # messages name folders; the log does not


def test_store_written_on_the_worker_is_visible_after_shutdown(qtbot, worker, app_paths):
    create_store(app_paths)
    seen = Recorder()
    worker.open(lambda: (open_app_store(app_paths), None), seen.done, seen.error)
    worker.submit(lambda store: add_meeting(store, "From the worker"), seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 2)
    assert seen.errors == []
    worker.shutdown()

    store = open_directly(app_paths)
    try:
        assert [m.title for m in store.meetings.list()] == ["From the worker"]
    finally:
        store.close()


def test_store_errors_are_store_errors(qtbot, worker, app_paths):
    seen = Recorder()
    worker.submit(lambda _store: open_app_store(app_paths), seen.done, seen.error)
    qtbot.waitUntil(lambda: seen.calls == 1)
    assert isinstance(seen.errors[0], StoreError)


def test_callbacks_are_freed_on_the_gui_thread(qtbot, worker):
    # A callback's owner (a widget) released by the GUI while its task runs must
    # still be destroyed on the GUI thread, never on the worker.
    gate = threading.Event()
    freed_on: list[int] = []
    label = QLabel()
    label.destroyed.connect(lambda: freed_on.append(threading.get_ident()))
    worker.submit(lambda _store: "done" if gate.wait(10) else "", label.setText)
    del label
    gc.collect()
    gate.set()
    marker: list[int] = []
    worker.submit(lambda _store: 1, marker.append)
    qtbot.waitUntil(lambda: marker == [1])
    gc.collect()
    assert freed_on == [threading.get_ident()]
