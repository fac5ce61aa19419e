"""Store work for the meeting view whose answers are dropped once the view is gone.

(Work that needs no store, such as decoding an hour of audio, runs on a thread
of its own: :mod:`minuta.ui.background`; the store's worker runs one task at a
time and would hold up every edit behind it.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from minuta.store.store import Store
from minuta.ui.store_worker import StoreWorker


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
