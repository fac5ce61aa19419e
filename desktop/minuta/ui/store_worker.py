"""The one thread that owns the store.

The SQLCipher connection refuses to be used from any thread but the one that
opened it, and unlocking (keyring D-Bus calls, Argon2id) takes far longer than a
frame. So the store is created, opened, used and closed on a single worker
thread, and the GUI thread only ever sees results.

In the spirit of Anki's ``aqt/taskman.py``: :meth:`StoreWorker.submit` takes a
function of the store and two callbacks; the function runs on the worker, the
callbacks run later on the GUI thread, delivered by a queued Qt signal. Tasks
run one at a time, in the order they were submitted.

Only the function crosses to the worker; the callbacks stay in a table on the
GUI side. Whatever the worker holds last is freed on the worker, and a widget
freed there (a callback's ``self``) would be destroyed on the wrong thread. So
the function must not hold widgets either: give it data, not ``self``.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from minuta.store.errors import StoreError
from minuta.store.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)

_SHUTDOWN_WAIT_MS = 15_000


@dataclass(frozen=True, slots=True)
class _Task:
    id: int
    # Runs on the worker thread, with the executor that holds the store.
    run: Callable[[_Executor], Any]


@dataclass(frozen=True, slots=True)
class _Outcome:
    # One object per signal, never None/True/False as a signal argument:
    # PySide6 6.12.0 drops a reference to those singletons on each emission.
    task_id: int
    result: object
    error: Exception | None


_Callbacks = tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]


class _Executor(QObject):
    """Lives in the worker thread; the only object that touches the store."""

    finished = Signal(object)  # _Outcome

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None

    @Slot(object)
    def execute(self, task: _Task) -> None:
        try:
            result = task.run(self)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            self.finished.emit(_Outcome(task.id, None, exc))
        else:
            self.finished.emit(_Outcome(task.id, result, None))

    def adopt(self, opener: Callable[[], tuple[Store, T]]) -> T:
        if self.store is not None:
            raise RuntimeError("a store is already open on this worker")
        store, value = opener()
        self.store = store
        return value

    def close_store(self) -> None:
        store, self.store = self.store, None
        if store is not None:
            store.close()

    def close_and_quit(self) -> None:
        try:
            self.close_store()
        except Exception as exc:  # noqa: BLE001 - nobody is left to tell but the log
            log.error("closing the store failed: %s", type(exc).__name__)
        finally:
            # Ends the thread's event loop once this slot returns.
            QThread.currentThread().quit()


class StoreWorker(QObject):
    """Runs store work on its own thread; results come back on the GUI thread."""

    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closing = False
        self._ids = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._thread = QThread()
        self._thread.setObjectName("minuta-store")
        self._executor = _Executor()
        self._executor.moveToThread(self._thread)
        self._request.connect(self._executor.execute, Qt.ConnectionType.QueuedConnection)
        self._executor.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def submit(
        self,
        fn: Callable[[Store | None], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``fn(store)`` on the worker (``None`` while no store is open)."""
        self._post(lambda executor: fn(executor.store), on_done, on_error)

    def open(
        self,
        opener: Callable[[], tuple[Store, T]],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``opener`` on the worker and keep the store it returns.

        The store itself never leaves the worker: ``on_done`` gets only the
        second item of the pair (a recovery key to show, say).
        """
        self._post(lambda executor: executor.adopt(opener), on_done, on_error)

    def close_store(
        self,
        on_done: Callable[[None], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._post(lambda executor: executor.close_store(), on_done, on_error)

    def shutdown(self) -> None:
        """Finish queued work, close the store on its thread and stop the thread.

        Blocks until then: it is called when the app is quitting. Results that
        arrive afterwards are dropped, since their receivers may be gone.
        """
        if self._closing:
            return
        self._closing = True
        self._request.emit(_Task(0, lambda executor: executor.close_and_quit()))
        if not self._thread.wait(_SHUTDOWN_WAIT_MS):
            log.error("the store thread did not stop in time")
        self._callbacks.clear()

    def _post(
        self,
        run: Callable[[_Executor], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        if self._closing:
            log.debug("store task dropped: the worker is shutting down")
            return
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self._request.emit(_Task(task_id, run))

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        callbacks = self._callbacks.pop(outcome.task_id, None)
        if self._closing or callbacks is None:
            return
        on_done, on_error = callbacks
        result, error = outcome.result, outcome.error
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        elif isinstance(error, StoreError):
            # Store messages name folders; the type is enough for the log.
            log.error("store task failed: %s", type(error).__name__)
        else:
            log.error("store task failed", exc_info=error)
