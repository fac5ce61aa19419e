"""The Linux bundle that `make package` builds: where it is, and is it current."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# What the offline session imports through the bundle's command line.
SPOKEN = "We agreed to send the proposal to the customer on Friday."


def artefact_path() -> Path:
    version = metadata.version("minuta")
    return REPO / "dist" / f"minuta-{version}-linux-{platform.machine()}.tar.gz"


def source_hash() -> str:
    """What packaging/linux/source-hash.sh says of the sources now.

    The build wrote what it said then into the bundle's SOURCE-HASH.
    """
    script = REPO / "packaging" / "linux" / "source-hash.sh"
    result = subprocess.run([str(script)], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def unpack(archive: Path, destination: Path) -> Path:
    """Unpack into ``destination``; the bundle's own folder inside it."""
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")
    (folder,) = destination.iterdir()
    return folder


def run_offline(
    bundle: Path, audio: Path, home: Path, out: Path, *, starts: int = 1, capture: bool = True
) -> subprocess.CompletedProcess[str]:
    """tests/packaging/offline_session.py in a network namespace of its own.

    ``unshare`` leaves only a loopback that is down; ``dbus-run-session`` gives
    it a session bus of its own, so this process's bus is not passed on.
    """
    command = [
        "unshare", "--map-root-user", "--net", "--",
        "dbus-run-session", "--",
        sys.executable, "-m", "tests.packaging.offline_session",
        "--bundle", str(bundle), "--audio", str(audio), "--home", str(home),
        "--out", str(out), "--starts", str(starts),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    return subprocess.run(
        command, cwd=REPO, env=env, capture_output=capture, text=True, timeout=900, check=False
    )
