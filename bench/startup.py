"""Start-up benchmark: how fast `minuta --help` answers, and what the GUI import costs.

    python bench/startup.py [--runs N] [--out bench/results/startup.json]

Each measurement is a fresh interpreter (as a user runs it), timed from spawn to
exit; the figures are medians and 95th percentiles over the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from report import write_report

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "startup.json"
TARGET_HELP_S = 0.3

COMMANDS = {
    "help": [sys.executable, "-m", "minuta.cli", "--help"],
    "python_baseline": [sys.executable, "-c", "pass"],
    "ui_import": [sys.executable, "-c", "import minuta.ui.main"],
}


def _time(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    _time(COMMANDS["help"], 2)  # warm the OS file cache, as on a machine in use
    result: dict[str, object] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": args.runs,
        "cpu_count": os.cpu_count(),
        "load_avg_1m_start": round(os.getloadavg()[0], 2),
    }
    medians: dict[str, float] = {}
    for name, command in COMMANDS.items():
        times = _time(command, args.runs)
        medians[name] = statistics.median(times)
        result[f"{name}_median_s"] = round(medians[name], 4)
        result[f"{name}_p95_s"] = round(_p95(times), 4)
        print(
            f"{name:<16} median {statistics.median(times) * 1000:6.1f} ms   "
            f"p95 {_p95(times) * 1000:6.1f} ms"
        )
    result["load_avg_1m_end"] = round(os.getloadavg()[0], 2)
    result["help_target_s"] = TARGET_HELP_S
    result["help_meets_target"] = medians["help"] <= TARGET_HELP_S
    write_report(args.out, result, show=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
