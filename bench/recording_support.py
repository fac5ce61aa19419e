"""What the recording benchmarks share: a private sound server, a store, a recorder.

The benchmarks never touch the user's own keyring or sound: a store in
passphrase mode in a temporary folder, and a private PulseAudio server with
the same virtual devices the test suite uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.harness.pulse

from tests.harness.pulse import PulseServer, play, start_pulse  # noqa: E402
from tests.recording.crashing import start_recorder  # noqa: E402

__all__ = ["PASSPHRASE", "Lab", "play"]

PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway store of test audio


class Lab:
    """A temporary data folder, a passphrase store in it, and a private sound server."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="minuta-bench-"))
        self.pulse: PulseServer = start_pulse(self.root / "pulse", dict(os.environ))
        self.env = dict(self.pulse.env)
        self.env["MINUTA_DATA_DIR"] = str(self.root / "data")
        self.env["MINUTA_CACHE_DIR"] = str(self.root / "cache")
        os.environ.update(
            {k: self.env[k] for k in ("PULSE_SERVER", "MINUTA_DATA_DIR", "MINUTA_CACHE_DIR")}
        )
        self.cli("init", "--passphrase", stdin=PASSPHRASE + "\n")

    def cli(self, *args: str, stdin: str = "") -> str:
        result = subprocess.run(
            [sys.executable, "-m", "minuta.cli", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    @property
    def recorder_log(self) -> Path:
        """The recorder's messages (a pipe nobody reads would fill up and block it)."""
        return self.root / "recorder.log"

    def start_recorder(self) -> tuple[subprocess.Popen[str], int]:
        return start_recorder(self.env, passphrase=PASSPHRASE, stderr=self.recorder_log.open("a"))

    def open_store(self):
        from minuta.app.paths import AppPaths
        from minuta.app.session import open_app_store

        return open_app_store(
            AppPaths(Path(self.env["MINUTA_DATA_DIR"]), Path(self.env["MINUTA_CACHE_DIR"])),
            passphrase=lambda: PASSPHRASE,
        )

    def close(self) -> None:
        self.pulse.stop()
        log = self.recorder_log
        if log.exists() and log.stat().st_size:
            print(f"recorder messages: {log}", file=sys.stderr)
