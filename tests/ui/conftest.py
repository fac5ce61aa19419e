"""The desktop app under test: offscreen Qt, the real store, the real keyring.

The session's conftest already runs gnome-keyring on a private D-Bus bus and
gives every test its own data folder (``app_paths``).
"""

from __future__ import annotations

import os

# Before any Qt import: no display is needed, or used.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from ui_support import Keyrings

from minuta.app.paths import AppPaths
from minuta.ui.application import MinutaApp
from minuta.ui.garbage import GuiThreadCollector
from minuta.ui.store_worker import StoreWorker


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp) -> Iterator[None]:
    """As in the app: Python's cycle collector runs on the GUI thread only (see garbage.py)."""
    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window state in a file of this test, not in the developer's ~/.config."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def worker(qtbot) -> Iterator[StoreWorker]:
    store_worker = StoreWorker()
    yield store_worker
    store_worker.shutdown()


@pytest.fixture
def make_app(qtbot, app_paths: AppPaths, settings: QSettings) -> Iterator[Callable[..., MinutaApp]]:
    """Starts MinutaApp on the test's data folder; shut down (store closed) afterwards."""
    started: list[MinutaApp] = []

    def make(*, setup: bool = False, show_window: bool = True) -> MinutaApp:
        # The first-start setup wizard only where a test asks for it.
        app = MinutaApp(app_paths, settings=settings, setup=setup, show_window=show_window)
        started.append(app)
        app.start()
        return app

    yield make
    for app in started:
        app.shutdown()


@pytest.fixture
def keyrings() -> Iterator[Keyrings]:
    """Lets a test take the safe keyring away; it is always given back."""
    switch = Keyrings()
    yield switch
    switch.use_real()


# --- recording: the real PulseAudio server and a store open on the worker ---------------


@pytest.fixture
def devices_restored(pulse_server):
    """A test that removes a device must not leave the shared server without it."""
    from recording_support import restore_devices

    yield
    restore_devices(pulse_server)


@pytest.fixture
def store_worker(qtbot, worker, app_paths):
    from recording_support import open_store_on

    open_store_on(qtbot, worker, app_paths)
    return worker


@pytest.fixture
def make_controller(store_worker, app_paths):
    from recording_support import Controllers

    controllers = Controllers(store_worker, app_paths)
    yield controllers
    controllers.shutdown()
