"""What the privacy controls cost on a store of realistic size.

Builds a passphrase-mode store (no keyring needed) with ``--meetings`` meetings
of ``--lines`` transcript lines each (about an hour of talk per 600 lines),
deletes a quarter of them, and times, as medians of ``--runs`` runs:

* ``vacuum_rekey_s``: :func:`minuta.app.shredding.shred_now` (search-index merge,
  export into a new file under a new key, proof, swap), with the database size
  before and after;
* ``audit_verify_s``: walking the audit log's hash chain of ``--events`` entries;
* ``person_find_s``: finding one person across every meeting;
* ``retention_preview_s``: the retention preview over every meeting;
* ``log_filter_us_per_line``: the redacting log filter on a typical log line.

Prints the figures and writes bench/results/privacy.json.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from report import write_report

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.harness.meetings import add_transcript  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "privacy.json"
WORDS = tuple(
    " ".join(
        (
            "vi aftaler at sende tilbuddet torsdag prisen for licenserne er godkendt",
            "we agreed to start the pilot in March and review the contract with legal",
            "vi ses nästa vecka för att gå igenom offerten leveransen kommer i april",
        )
    ).split()
)
PEOPLE = ("Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Mikko Virtanen", "Jonas Petraitis")


def _line(rng: random.Random) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
    if rng.random() < 0.05:
        text += f" {rng.choice(PEOPLE)} sends it"
    return text.capitalize() + "."


def _build(root: Path, meetings: int, lines: int, events: int, seed: int):
    from minuta.core.audit import AuditKind
    from minuta.store.manifest import KeyMode
    from minuta.store.paths import StorePaths
    from minuta.store.store import create_store

    store, _recovery = create_store(
        StorePaths(root),
        mode=KeyMode.PASSPHRASE,
        secret_store=None,
        passphrase="bench",  # noqa: S106 (a throwaway store)
    )
    rng = random.Random(seed)
    ids = []
    for n in range(meetings):
        speaker_lines = [(rng.choice(PEOPLE), _line(rng)) for _ in range(lines)]
        meeting_id, _ = add_transcript(
            store, speaker_lines, title=f"Customer call {n}", participants=PEOPLE[:3]
        )
        ids.append(meeting_id)
    with store.db.transaction():
        for n in range(events):
            store.audit.add(AuditKind.SETTING_CHANGED, detail={"setting": f"bench/{n % 7}"})
    return store, ids


def _median_time(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _log_filter_us(runs: int) -> float:
    from minuta.logs import RedactingFilter

    log_filter = RedactingFilter()
    record = logging.LogRecord(
        "minuta.crm.http",
        logging.INFO,
        __file__,
        1,
        "POST %s -> %s in %.2f s",
        ("crm.example.com/api/v2/activities", 201, 0.42),
        None,
    )
    lines = 2000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(lines):
            copy = logging.makeLogRecord(record.__dict__)
            log_filter.filter(copy)
        times.append((time.perf_counter() - started) / lines * 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=120)
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    from minuta.app import retention
    from minuta.app.meetings import delete_meeting
    from minuta.app.person_data import find_person
    from minuta.app.shredding import shred_now

    with tempfile.TemporaryDirectory(prefix="minuta-bench-privacy-") as folder:
        root = Path(folder) / "data"
        started = time.perf_counter()
        store, ids = _build(root, args.meetings, args.lines, args.events, args.seed)
        build_s = time.perf_counter() - started
        try:
            for meeting_id in ids[: len(ids) // 4]:
                delete_meeting(store, meeting_id)
            reports = []

            def rekey() -> None:
                reports.append(shred_now(store))

            vacuum_rekey_s = _median_time(rekey, args.runs)
            first = reports[0]
            audit_verify_s = _median_time(store.audit.verify, args.runs)
            person_find_s = _median_time(lambda: find_person(store, "Kari Nordmann"), args.runs)
            now = datetime.now(UTC)
            preview_s = _median_time(lambda: retention.preview(store, now), args.runs)
            segments = int(store.db.query_one("SELECT count(*) FROM segments")[0])
            events = store.audit.verify().count
        finally:
            store.close()

    write_report(
        args.out,
        {
            "meetings": args.meetings - args.meetings // 4,
            "segments": segments,
            "audit_events": events,
            "runs": args.runs,
            "build_s": round(build_s, 1),
            "vacuum_rekey_s": round(vacuum_rekey_s, 3),
            "db_before_first_rekey_mb": round(first.bytes_before / 1e6, 1),
            "db_after_first_rekey_mb": round(first.bytes_after / 1e6, 1),
            "audit_verify_s": round(audit_verify_s, 3),
            "person_find_s": round(person_find_s, 3),
            "retention_preview_s": round(preview_s, 4),
            "log_filter_us_per_line": round(_log_filter_us(args.runs), 1),
            "load_average_1m": round(os.getloadavg()[0], 2),
        },
    )


if __name__ == "__main__":
    main()
