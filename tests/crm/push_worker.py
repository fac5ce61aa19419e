"""The app's outbox in a process of its own, to be killed at a chosen moment.

Run as ``python -m tests.crm.push_worker DATA_DIR [--die-at STEP:PHASE]``: it
opens the store (key from the keyring, as the app does), sends every due push,
and, with ``--die-at``, kills itself with SIGKILL at that moment:

* ``after_in_flight``: the ledger says "in flight", the request is not sent;
* ``after_send``: the CRM made the record and answered; the ledger does not know.

Exit status 0 when it ran to the end; the parent sees -9 when it died.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from minuta.app import crm_connections
from minuta.app.paths import AppPaths
from minuta.app.push import deliver_due
from minuta.app.session import open_app_store
from minuta.crm.outbox import Hooks, Outcome


def _die_at(spec: str | None) -> Hooks:
    if not spec:
        return Hooks()
    step, _, phase = spec.partition(":")

    def die(reached: str) -> None:
        if reached == step:
            os.kill(os.getpid(), signal.SIGKILL)

    return Hooks(**{phase: die})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--die-at")
    args = parser.parse_args()
    store = open_app_store(AppPaths(args.data_dir, args.data_dir / "cache"))
    vault = crm_connections.vault()
    try:
        results = deliver_due(
            store,
            lambda name: crm_connections.open_connector(
                crm_connections.get_connection(store, name), vault
            ),
            hooks=_die_at(args.die_at),
        )
    finally:
        store.close()
    failed = [r for r in results if r.outcome is not Outcome.SENT]
    for result in failed:
        print(f"push {result.push_id}: {result.outcome}: {result.message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
