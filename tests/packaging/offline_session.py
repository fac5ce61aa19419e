"""Runs an unpacked bundle the way a user on a plane would, and reports what happened.

Started by tests/packaging/test_linux_bundle.py (and bench/bundle.py) inside
``unshare --map-root-user --net -- dbus-run-session --``: a network namespace
with no interface but a loopback that is down, and a D-Bus session of its own.
Here it starts a real Secret Service (gnome-keyring) and a real X server
(Xvfb), then, with an environment holding nothing of the test's Python:

1. ``minuta init`` and ``minuta import SPEECH.wav`` from the bundle's command line;
2. ``minuta show 1`` for the transcript;
3. the first-start setup marked done, as a returning user has it (through this
   checkout's own store code, on the store the bundle made), so that the window
   is alone on the screen;
4. ``minuta-app`` until its window lists the meetings (``--starts`` times), and
   a screenshot of the screen.

It writes ``report.json`` (and ``window.png``) into ``--out``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from tests.harness.x_server import private_x_server

READY_LINE = "the main window lists the meetings"
START_TIMEOUT_S = 60


def _interfaces() -> list[str]:
    # /proc/net/dev belongs to this process's network namespace (/sys does not).
    lines = Path("/proc/net/dev").read_text().splitlines()[2:]
    return sorted(line.split(":")[0].strip() for line in lines)


def _network_refused() -> str:
    """How a connection to the outside fails here (it must)."""
    try:
        socket.create_connection(("192.0.2.1", 443), timeout=5).close()
    except OSError as exc:
        return errno.errorcode.get(exc.errno or 0, str(exc))
    return "connected"


@contextlib.contextmanager
def _keyring(env: dict[str, str]) -> Iterator[None]:
    """gnome-keyring on this namespace's session bus, until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.harness.keyring_session"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    if not process.stdout.readline().strip():  # the bus address: the service is up
        raise RuntimeError("gnome-keyring did not start")
    try:
        yield
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def _run(command: list[str], env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return {"rc": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


def _finish_setup(home: Path) -> None:
    """What the setup wizard's last page does: the bundle's app then does not offer it."""
    from minuta.app.paths import AppPaths
    from minuta.app.session import open_app_store
    from minuta.store.settings import Setting

    paths = AppPaths(data_dir=home / ".local/share/Minuta", cache_dir=home / ".cache/Minuta")
    store = open_app_store(paths)
    try:
        store.settings.set(Setting.SETUP_DONE, True)
    finally:
        store.close()


def _start_app(app: Path, env: dict[str, str], screenshot: Path | None) -> dict[str, object]:
    """Seconds from launch until the window lists the meetings, what it logged, its exit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(app)], env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    watchdog = threading.Timer(START_TIMEOUT_S, process.kill)  # a window that never comes
    watchdog.start()
    logged: list[str] = []
    ready_s = None
    for line in process.stderr:
        logged.append(line)
        if READY_LINE in line:
            ready_s = time.perf_counter() - started
            break
    watchdog.cancel()
    if ready_s is not None and screenshot is not None:
        shot = subprocess.run(
            [sys.executable, "-m", "tests.packaging.screenshot", str(screenshot)],
            env={**os.environ, "DISPLAY": env["DISPLAY"], "QT_QPA_PLATFORM": "xcb"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        logged.append(shot.stderr)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # as a desktop session ends it
    _, rest = process.communicate(timeout=60)
    logged.append(rest)
    return {"ready_s": ready_s, "log": "".join(logged), "rc": process.returncode}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--audio", type=Path, required=True)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--starts", type=int, default=1)
    args = parser.parse_args()

    home = args.home
    for folder in (".local/share/keyrings", ".config", ".cache", "runtime"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    xdg = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    report: dict[str, object] = {
        "interfaces": _interfaces(),
        "outside_connection": _network_refused(),
    }
    harness_env = {**os.environ, **xdg}
    with _keyring(harness_env), private_x_server() as display:
        # What a user's session has, and nothing of this test's Python.
        bundle_env = {
            **xdg,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"],
            "DISPLAY": display,
            "MINUTA_LOG_LEVEL": "INFO",
        }
        cli = args.bundle / "minuta"
        report["init"] = _run([str(cli), "init"], bundle_env)
        report["import"] = _run(
            [str(cli), "import", str(args.audio), "--language", "en", "--title", "Offline test"],
            bundle_env,
        )
        report["show"] = _run([str(cli), "show", "1"], bundle_env)
        _finish_setup(home)
        report["starts"] = [
            _start_app(
                args.bundle / "minuta-app",
                bundle_env,
                args.out / "window.png" if number == args.starts - 1 else None,
            )
            for number in range(args.starts)
        ]
        report["home_files"] = sorted(
            str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()
        )
    (args.out / "report.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
