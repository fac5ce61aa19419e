"""Rekeys a store in a process of its own, for the crash tests in test_rekey.py to kill.

    python rekey_worker.py DATA_DIR [--forever]

Opens the store with the key in the keyring (the test session's), prints
"ready", then rekeys it once, or again and again with ``--forever`` until it is
killed. ``MINUTA_REKEY_KILL_AT=<checkpoint name>`` makes the process kill itself
with SIGKILL when the rekey reaches that point (see ``minuta.store.rekey.CHECKPOINTS``):
nothing is cleaned up, exactly as when the power goes. Only this worker reads it.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

KILL_AT_ENV = "MINUTA_REKEY_KILL_AT"


def main() -> None:
    from minuta.store import rekey
    from minuta.store.paths import StorePaths
    from minuta.store.secret_store import system_keyring
    from minuta.store.store import open_store

    kill_at = os.environ.get(KILL_AT_ENV)
    if kill_at:
        if kill_at not in rekey.CHECKPOINTS:
            sys.exit(f"unknown checkpoint {kill_at!r}")

        def die_at(name: str) -> None:
            if name == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        rekey._checkpoint = die_at

    store = open_store(StorePaths(Path(sys.argv[1])), secret_store=system_keyring())
    print("ready", flush=True)
    forever = "--forever" in sys.argv[2:]
    while True:
        store.vacuum_and_rekey()
        if not forever:
            break
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
