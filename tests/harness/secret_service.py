"""A private D-Bus session with an unlocked gnome-keyring, in a folder of its own.

The test suite, the UI benchmark and the screenshot script all use the real
Secret Service stack (keyring -> secretstorage -> D-Bus -> gnome-keyring) on a
bus of their own, never the developer's own keyring.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class SecretServiceError(RuntimeError):
    pass


def start_secret_service(root: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """The session's process (close its stdin to end it) and the environment to use it.

    HOME and the XDG folders point into ``root``.
    """
    home = root / "home"
    env_updates = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(root / "runtime"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
    }
    (home / ".local" / "share" / "keyrings").mkdir(parents=True)
    (root / "runtime").mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(env_updates)
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SecretServiceError(f"{tool} is missing: run `make test`, which installs it")
    process = subprocess.Popen(
        ["dbus-run-session", "--", sys.executable, "-m", "tests.harness.keyring_session"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    address = process.stdout.readline().decode().strip()
    if not address:
        process.kill()
        raise SecretServiceError("could not start the test keyring (gnome-keyring)")
    env_updates["DBUS_SESSION_BUS_ADDRESS"] = address
    return process, env_updates
