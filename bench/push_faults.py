"""Kill-and-restart trials of the CRM outbox against a real BottleCRM: records per approval.

Each trial approves a push (a meeting note and two tasks) to BottleCRM
(``django-crm`` 1.35.0 on 127.0.0.1), starts the app's outbox in a process of
its own (``tests/crm/push_worker.py``) and kills it with SIGKILL: at an exact
moment (after a request was marked in flight, or after the CRM answered but
before the ledger heard) or after a random delay. Then the outbox is restarted
until the push is sent. At the end the server's own database is read and every
approved request must have made exactly one record.

Prints the figures and writes bench/results/push_faults.json.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from report import write_report

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.crm.bottlecrm_server import find_python312, start_bottlecrm  # noqa: E402
from tests.harness.secret_service import start_secret_service  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "push_faults.json"
STEPS = ("note", "task-1", "task-2")
EXACT_MOMENTS = [f"{step}:{phase}" for step in STEPS for phase in ("after_in_flight", "after_send")]
MAX_RESTARTS = 5


def _approve(data_dir: Path, server_url: str, email: str) -> str:
    """Approve one push in the store (as the review screen would); its reference."""
    from tests.harness.meetings import create_meeting

    from minuta.app import crm_connections, push
    from minuta.app.paths import AppPaths
    from minuta.app.session import open_app_store
    from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem

    store = open_app_store(AppPaths(data_dir, data_dir / "cache"))
    try:
        meeting_id, _, _ = create_meeting(store, title="Nordlys pilot")
        meeting = store.meetings.get(meeting_id)
        items = (
            SummaryItem(ItemKind.DECISION, "Start the pilot in March", approved=True),
            SummaryItem(ItemKind.ACTION_ITEM, "Send the order form", owner="Ola", approved=True),
            SummaryItem(ItemKind.ACTION_ITEM, "Plan the training", owner="Ingrid", approved=True),
        )
        provenance = Provenance("builtin", "builtin-2", "p", "h", datetime.now(UTC))
        summary = MeetingSummary("Nordlys wants a pilot.", items, None, provenance)
        content = push.compose(meeting, summary, push.PushChoice())
        connection = crm_connections.get_connection(store, "bottlecrm")
        connector = crm_connections.open_connector(connection, crm_connections.vault())
        [target] = connector.search_targets(email)
        owners = push.match_owners(content.tasks, connector.list_users())
        plan = push.plan_push(connector, content, target, owners)
        push.approve(store, meeting_id, plan, plan.digest())
        connector.client.close()
        return plan.ref
    finally:
        store.close()


def _worker(env: dict[str, str], data_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tests.crm.push_worker", str(data_dir), *extra]
    return subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _trial(
    env: dict[str, str], data_dir: Path, rng: random.Random, trial: int
) -> dict[str, object]:
    if trial % 2 == 0:
        moment = EXACT_MOMENTS[(trial // 2) % len(EXACT_MOMENTS)]
        first = _worker(env, data_dir, "--die-at", moment)
        first.wait(timeout=120)
    else:
        delay = rng.uniform(0.0, 2.5)  # a worker takes about 1-3 s to start and push
        moment = f"random:{delay:.2f}s"
        first = _worker(env, data_dir)
        try:
            first.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
    killed = first.returncode == -signal.SIGKILL
    restarts = 0
    while True:
        restarts += 1
        again = _worker(env, data_dir)
        _, err = again.communicate(timeout=180)
        if again.returncode == 0:
            break
        if restarts >= MAX_RESTARTS:
            raise SystemExit(f"trial {trial}: the outbox did not finish: {err.decode()[-800:]}")
    return {"moment": moment, "killed": killed, "restarts": restarts}


def _figures(
    trials: list[dict[str, object]], records: dict[str, list[dict[str, object]]]
) -> dict[str, object]:
    """Records the server holds for each approved request, over all trials."""
    per_ref: Counter[tuple[str, str]] = Counter()
    for row in [*records["interactions"], *records["tasks"]]:
        text = str(row.get("description") or row.get("body") or "")
        for t in trials:
            for step in STEPS:
                if f"{t['ref']}/{step}" in text:
                    per_ref[(str(t["ref"]), step)] += 1
    counts = [per_ref[(str(t["ref"]), step)] for t in trials for step in STEPS]
    per_approval = [min(per_ref[(str(t["ref"]), s)] for s in STEPS) for t in trials]
    exact = sum(1 for t in trials if all(per_ref[(str(t["ref"]), s)] == 1 for s in STEPS))
    figures: dict[str, object] = {
        "trials": len(trials),
        "trials_killed": sum(1 for t in trials if t["killed"]),
        "records_per_approved_request_min": min(counts),
        "records_per_approved_request_max": max(counts),
        "approvals_with_exactly_one_record_each": exact,
        "approvals_with_a_duplicate": sum(
            1 for t in trials if any(per_ref[(str(t["ref"]), s)] > 1 for s in STEPS)
        ),
        "approvals_with_a_missing_record": sum(1 for n in per_approval if n == 0),
        "restarts_median": sorted(int(str(t["restarts"])) for t in trials)[len(trials) // 2],
    }
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    python = find_python312()
    if python is None:
        raise SystemExit("needs Python 3.12 for BottleCRM (django-crm 1.35.0)")
    root = Path(tempfile.mkdtemp(prefix="minuta-bench-push-"))
    keyring, keyring_env = start_secret_service(root)
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(keyring_env)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    os.environ.update(keyring_env)
    (root / "bottlecrm").mkdir()
    server = start_bottlecrm(python, root / "bottlecrm")
    rng = random.Random(args.seed)
    started = time.monotonic()
    try:
        from minuta.app import crm_connections
        from minuta.app.paths import AppPaths
        from minuta.app.session import init_store
        from minuta.core.crm import CrmKind

        data_dir = root / "data"
        store, _ = init_store(AppPaths(data_dir, data_dir / "cache"))
        connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=server.base_url)
        crm_connections.save_connection(store, connection)
        crm_connections.save_token(crm_connections.vault(), connection, server.token)
        store.close()

        trials = []
        for trial in range(args.trials):
            ref = _approve(data_dir, server.base_url, server.contact_email)
            trials.append({"ref": ref, **_trial(env, data_dir, rng, trial)})
            if (trial + 1) % 20 == 0:
                print(f"{trial + 1} trials", file=sys.stderr)
        records = server.records()
    finally:
        server.stop()
        assert keyring.stdin is not None
        keyring.stdin.close()
        keyring.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)

    figures = _figures(trials, records)
    figures["wall_s"] = round(time.monotonic() - started, 1)
    figures["load_average_1m"] = round(os.getloadavg()[0], 2)
    write_report(args.out, figures)
    return 0 if figures["approvals_with_exactly_one_record_each"] == len(trials) else 1


if __name__ == "__main__":
    sys.exit(main())
