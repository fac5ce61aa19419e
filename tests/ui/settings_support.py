"""Helpers for the consent, settings and setup tests: a real store on the worker."""

from __future__ import annotations

from typing import Any

from ui_support import on_worker

from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.ui.store_worker import StoreWorker


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
