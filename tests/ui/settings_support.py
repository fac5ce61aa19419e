"""Helpers for the consent, settings and setup tests: a real store on the worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui_support import create_store

from minuta.app.paths import AppPaths
from minuta.app.session import open_app_store
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.ui.store_worker import StoreWorker


def open_store_on(qtbot, worker: StoreWorker, paths: AppPaths) -> StoreWorker:
    """A new store, created as `minuta init` does, opened on ``worker``."""
    create_store(paths)
    done: list[object] = []
    worker.open(lambda: (open_app_store(paths), "open"), done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"])
    return worker


def on_worker(qtbot, worker: StoreWorker, fn: Callable[[Store | None], Any]) -> Any:
    """Run ``fn(store)`` on the worker and wait for its result (errors are raised here)."""
    results: list[Any] = []
    worker.submit(fn, lambda value: results.append(("ok", value)), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    if isinstance(results[0], Exception):
        raise results[0]
    return results[0][1]


def get_setting(qtbot, worker: StoreWorker, key: Setting) -> Any:
    def read(store: Store | None) -> Any:
        assert store is not None
        return store.settings.get(key)

    return on_worker(qtbot, worker, read)


def set_setting(qtbot, worker: StoreWorker, key: Setting, value: Any) -> None:
    def write(store: Store | None) -> None:
        assert store is not None
        store.settings.set(key, value)

    on_worker(qtbot, worker, write)
