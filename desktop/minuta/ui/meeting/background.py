"""Slow work off the GUI thread: on a thread of its own, or on the store's worker.

The store worker runs one task at a time, so an hour of audio decoded there
would hold up every edit behind it. This runs a plain function on a thread of
its own and hands the result back on the GUI thread.

The result is picked up by a timer the owner parents, rather than by a signal
emitted from the thread: if the owner (a view) is closed first, the timer goes
with it and the result is simply dropped, and no Qt object is ever created or
freed on the other thread. The function must not touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer

from minuta.store.store import Store
from minuta.ui.store_worker import StoreWorker

T = TypeVar("T")

_POLL_MS = 40


class BackgroundTask(QObject, Generic[T]):
    """Runs ``fn()`` on a new daemon thread; ``on_done``/``on_error`` run on the GUI thread."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        parent: QObject,
        *,
        name: str = "minuta-background",
    ) -> None:
        super().__init__(parent)
        self._future: Future[T] = Future()
        self._on_done = on_done
        self._on_error = on_error
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._poll)
        future = self._future

        def run() -> None:
            # Only the future and the function cross to the thread: no Qt object.
            try:
                future.set_result(fn())
            except Exception as exc:  # noqa: BLE001 - every failure goes back to the owner
                future.set_exception(exc)

        self._timer.start()
        threading.Thread(target=run, name=name, daemon=True).start()

    @property
    def done(self) -> bool:
        return self._future.done()

    def _poll(self) -> None:
        if not self._future.done():
            return
        self._timer.stop()
        error = self._future.exception()
        try:
            if error is None:
                self._on_done(self._future.result())
            elif isinstance(error, Exception):
                self._on_error(error)
        finally:
            self.deleteLater()


def alive(owner: QObject, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn``, called only while ``owner`` exists: a worker's answer may arrive after the
    main window has thrown a view away."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call


def submit_for(
    owner: QObject,
    worker: StoreWorker,
    task: Callable[[Store | None], Any],
    on_done: Callable[..., None] | None,
    on_error: Callable[[Exception], None],
) -> None:
    """``worker.submit``, with callbacks dropped once ``owner`` is gone."""
    worker.submit(
        task, alive(owner, on_done) if on_done is not None else None, alive(owner, on_error)
    )
