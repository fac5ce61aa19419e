"""Helpers for the UI tests: stores and meetings made through the real store API."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
from keyring.backends.null import Keyring as NullKeyring

from minuta.app.paths import AppPaths
from minuta.app.session import init_store, open_app_store
from minuta.core.models import Meeting, MeetingSource, MeetingState
from minuta.store import keys
from minuta.store.manifest import load_manifest
from minuta.store.meetings import NewMeeting
from minuta.store.secret_store import system_keyring
from minuta.store.store import Store
from minuta.ui.application import MinutaApp
from minuta.ui.dialogs import RecoveryKeyDialog
from minuta.ui.main_window import MainWindow
from minuta.ui.store_worker import StoreWorker

PASSPHRASE = "correct horse battery"


def app_environment(
    tmp_path: Path, base: Mapping[str, str] | None = None, **extra: str
) -> dict[str, str]:
    """For a ``minuta-app`` process of the test's own: its folders under ``tmp_path``, offscreen.

    ``base`` is the environment to start from (this process's by default);
    ``extra`` adds or replaces variables.
    """
    return {
        **(os.environ if base is None else base),
        "MINUTA_DATA_DIR": str(tmp_path / "data"),
        "MINUTA_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def run_python(code: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` (a driver script, dedented) in a Python process of its own."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def add_meeting(
    store: Store,
    title: str,
    *,
    started_at: datetime | None = None,
    duration_s: float = 61.0,
    language: str | None = "da",
    state: MeetingState = MeetingState.READY,
) -> int:
    uid = uuid.uuid4().hex
    _, wrapped = store.new_meeting_key(uid)
    meeting = NewMeeting(
        uid=uid,
        title=title,
        started_at=started_at or datetime(2025, 3, 14, 9, 30, tzinfo=UTC),
        source=MeetingSource.IMPORT,
        state=state,
        duration_s=duration_s,
        language=language,
    )
    with store.db.transaction():
        return store.meetings.create(meeting, wrapped)


def create_store(
    paths: AppPaths,
    *,
    passphrase: str | None = None,
    acknowledge: bool = True,
    meetings: tuple[str, ...] = (),
) -> str:
    """A store made the way `minuta init` makes one; returns its recovery key."""
    store, recovery = init_store(paths, passphrase=passphrase)
    try:
        for title in meetings:
            add_meeting(store, title)
        if acknowledge:
            store.acknowledge_recovery_key()
    finally:
        store.close()
    return recovery.formatted()


def open_on_worker(
    qtbot, worker: StoreWorker, paths: AppPaths, *, timeout: int = 5_000
) -> StoreWorker:
    """The store already at ``paths`` opened on ``worker``, as the app opens it."""
    done: list[object] = []
    worker.open(lambda: (open_app_store(paths), "open"), done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"], timeout=timeout)
    return worker


def open_store_on(
    qtbot, worker: StoreWorker, paths: AppPaths, *, timeout: int = 5_000
) -> StoreWorker:
    """A new store, created as `minuta init` does, opened on ``worker``."""
    create_store(paths)
    return open_on_worker(qtbot, worker, paths, timeout=timeout)


def on_worker(
    qtbot, worker: StoreWorker, fn: Callable[[Store | None], Any], *, timeout: int = 10_000
) -> Any:
    """Run ``fn(store)`` on the worker and wait for its result (its error is raised here)."""
    outcome: list[tuple[bool, Any]] = []
    worker.submit(fn, lambda r: outcome.append((True, r)), lambda e: outcome.append((False, e)))
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def open_directly(paths: AppPaths, passphrase: str | None = None) -> Store:
    return open_app_store(paths, passphrase=(lambda: passphrase) if passphrase else None)


def store_id(paths: AppPaths) -> str:
    return load_manifest(paths.store.manifest).store_id


def forget_keyring_key(paths: AppPaths) -> None:
    system_keyring().delete(keys.keyring_account(store_id(paths)))


def keyring_key(paths: AppPaths) -> str | None:
    return system_keyring().get(keys.keyring_account(store_id(paths)))


def meeting(title: str = "Weekly sync", **changes: object) -> Meeting:
    values: dict[str, object] = {
        "id": 1,
        "uid": "u1",
        "title": title,
        "started_at": datetime(2025, 3, 14, 9, 30, tzinfo=UTC),
        "duration_s": 3725.0,
        "source": MeetingSource.IMPORT,
        "state": MeetingState.READY,
        "language": "da",
    }
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def wait_for_dialog(qtbot, app: MinutaApp, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(app.startup.dialog, kind), timeout=10_000)
    dialog = app.startup.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def wait_for_window(qtbot, app: MinutaApp) -> MainWindow:
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=10_000)
    window = app.window
    assert window is not None
    # The first listing of meetings has come back from the worker.
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.loading_label)
    return window


def shown_key(dialog: RecoveryKeyDialog) -> str:
    return dialog.key_label.text()


def confirm_recovery_key(dialog: RecoveryKeyDialog) -> None:
    dialog.checkbox.setChecked(True)
    dialog.continue_button.click()


class Keyrings:
    """Switches the keyring library between the test's Secret Service and its null backend.

    The null backend is keyring's own stand-in for a system without a safe
    keyring; Minuta must refuse to keep its key there.
    """

    def __init__(self) -> None:
        self.real = keyring.get_keyring()

    def use_null(self) -> None:
        keyring.set_keyring(NullKeyring())

    def use_real(self) -> None:
        keyring.set_keyring(self.real)
