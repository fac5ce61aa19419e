"""One Minuta per data folder, in real ``minuta-app`` processes on the real store and keyring.

Each process logs at INFO to a log file of its own (``MINUTA_LOG_FILE``); the
tests wait for its lines ("the main window is shown", "another launch asked to
show the window") as the conditions that things happened: a file can be read
while the process runs, without a thread draining its pipe.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_support import app_environment

from minuta.app.paths import AppPaths
from minuta.app.session import init_store
from minuta.store.settings import Setting
from minuta.ui.single_instance import SingleInstance, instance_name

pytestmark = pytest.mark.gui

START_S = 90  # a cold start opens the store and imports Qt: seconds, on a busy machine
POLL_S = 0.05
SHOWN = "the main window is shown"
ASKED_TO_SHOW = "another launch asked to show the window"


class Running:
    """A ``minuta-app`` process whose log lines can be waited for."""

    def __init__(self, env: dict[str, str], log_file: Path, *arguments: str) -> None:
        self.log_file = log_file
        self.process = subprocess.Popen(
            [sys.executable, "-m", "minuta.ui.main", *arguments],
            env={**env, "MINUTA_LOG_FILE": str(log_file)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def log(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def logged(self, text: str) -> bool:
        return text in self.log()

    def wait_for(self, text: str, timeout: float = START_S) -> bool:
        """Until the line is in the log (or the process ended, or time is up)."""
        deadline = time.monotonic() + timeout
        while not self.logged(text):
            if self.process.poll() is not None or time.monotonic() > deadline:
                return self.logged(text)
            time.sleep(POLL_S)
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


def app_env(tmp_path: Path, data: Path) -> dict[str, str]:
    # This process's environment: the session's keyring bus, HOME and runtime folder.
    return app_environment(tmp_path, MINUTA_DATA_DIR=str(data), MINUTA_LOG_LEVEL="INFO")


def make_store(data: Path, cache: Path) -> None:
    """A store that opens without a dialog: key in the keyring, set up, key confirmed."""
    store, _ = init_store(AppPaths(data_dir=data, cache_dir=cache))
    try:
        store.settings.set(Setting.SETUP_DONE, True)
        store.acknowledge_recovery_key()
    finally:
        store.close()


def launch_again(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minuta.ui.main", *arguments],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def launched() -> Iterator[list[Running]]:
    running: list[Running] = []
    yield running
    for app in running:
        app.stop()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    make_store(folder, tmp_path / "cache")
    return folder


def test_a_second_launch_shows_the_first_and_ends(tmp_path, data, launched):
    env = app_env(tmp_path, data)
    first = Running(env, tmp_path / "first.log")
    launched.append(first)
    assert first.wait_for(SHOWN), first.log()

    second = launch_again(env)
    assert second.returncode == 0, second.stderr
    assert "Minuta is already running: asked it to show" in second.stderr
    assert "Traceback" not in second.stderr
    assert first.wait_for(ASKED_TO_SHOW), f"{first.log()}\n--- the second:\n{second.stderr}"
    # The first goes on, alone; the second never opened the store.
    assert first.process.poll() is None
    assert SHOWN not in second.stderr


def test_started_in_the_tray_only_a_plain_launch_shows_the_window(tmp_path, data, launched):
    env = app_env(tmp_path, data)
    first = Running(env, tmp_path / "first.log", "--tray")
    launched.append(first)
    assert first.wait_for("started in the tray"), first.log()

    # Start at login again (a second session, say): nothing to show.
    again = launch_again(env, "--tray")
    assert again.returncode == 0, again.stderr
    assert first.wait_for("another launch asked for the tray only"), first.log()
    assert not first.logged(SHOWN)

    # The person starts Minuta from the menu: the window it has waiting appears.
    shown = launch_again(env)
    assert shown.returncode == 0, shown.stderr
    assert first.wait_for(ASKED_TO_SHOW), first.log()
    assert first.wait_for(SHOWN), first.log()
    assert first.process.poll() is None


def test_a_killed_first_launch_does_not_stop_the_next(qapp, tmp_path, data, launched):
    env = app_env(tmp_path, data)
    crashed = Running(env, tmp_path / "crashed.log")
    launched.append(crashed)
    assert crashed.wait_for(SHOWN), crashed.log()
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=30)
    # What it left: its lock file and its socket (same runtime folder as this process).
    instance = SingleInstance(data)
    assert instance.lock_path.exists()
    assert Path(instance.address).exists()

    after = Running(env, tmp_path / "after.log")
    launched.append(after)
    assert after.wait_for(SHOWN), after.log()
    # It took over the socket too: a later launch reaches it.
    second = launch_again(env)
    assert second.returncode == 0, second.stderr
    assert after.wait_for(ASKED_TO_SHOW), after.log()


def test_two_data_folders_are_two_minutas(tmp_path, data, launched):
    other = tmp_path / "other"
    make_store(other, tmp_path / "cache")
    assert instance_name(other) != instance_name(data)
    first = Running(app_env(tmp_path, data), tmp_path / "first.log")
    second = Running(app_env(tmp_path, other), tmp_path / "second.log")
    launched += [first, second]
    assert first.wait_for(SHOWN), first.log()
    assert second.wait_for(SHOWN), second.log()
    assert first.process.poll() is None and second.process.poll() is None
    assert not first.logged(ASKED_TO_SHOW) and not second.logged(ASKED_TO_SHOW)
