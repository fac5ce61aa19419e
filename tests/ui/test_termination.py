"""A session ending Minuta (SIGTERM at log-out, Ctrl+C) gets an orderly quit."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ui_support import app_environment

pytestmark = pytest.mark.gui

READY = "ready: the main window lists the meetings"


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_quits_the_running_app_cleanly(tmp_path: Path, number: int):
    env = app_environment(tmp_path, MINUTA_LOG_LEVEL="INFO")
    subprocess.run(
        [sys.executable, "-m", "minuta.cli", "init"], env=env, capture_output=True, check=True
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "minuta.ui.main"],
        env=env,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stderr is not None
    watchdog = threading.Timer(120, app.kill)  # a window that never comes fails, not hangs
    watchdog.start()
    logged = []
    for line in app.stderr:
        logged.append(line)
        if READY in line:
            break
    watchdog.cancel()
    assert any(READY in line for line in logged), "".join(logged)

    app.send_signal(number)
    _, rest = app.communicate(timeout=60)
    assert app.returncode == 0, "".join(logged) + rest
    assert f"asked to quit by signal {int(number)}" in rest
    assert "Traceback" not in rest
