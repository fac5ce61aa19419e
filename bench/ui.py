"""Desktop app benchmark: start-up to a usable window, idle memory, GUI-thread stalls.

    python bench/ui.py [--runs N] [--stall-runs N] [--out bench/results/ui.json]

Everything runs the real app (``bench/ui_probe.py``) against a real keyring
store in a temporary folder, with a private gnome-keyring on a private D-Bus
session and a private PulseAudio server (the test suite's virtual devices):

* ``startup_ready_s``: from the process's start (the kernel's clock) to the
  main window shown with its meetings listed and painted; the Whisper model is
  not loaded (it never is at start-up). Median of N fresh processes.
* ``idle_rss_mb``: resident memory three seconds after start-up, tray and all.
* ``*_stall_max_ms``: the longest the GUI thread's event loop went without
  turning (a 5 ms timer's lateness), while recording two channels with the
  live transcript on, and while the final pass runs. Goal: at most 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from report import write_report

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.harness.pulse import start_pulse  # noqa: E402
from tests.harness.secret_service import start_secret_service  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "ui.json"
PROBE = Path(__file__).resolve().parent / "ui_probe.py"
GOAL_READY_S = 1.0
GOAL_STALL_MS = 50.0
SPEECH = (
    "Good morning. Thanks for joining the call about the Nordlys contract. "
    "We would like to start the pilot in March with two teams in Copenhagen. "
    "The price per seat stays as offered, and support is included for the first year. "
    "Could you send the signed order form by Friday, so that we can plan the training?"
)


def _keyring_session(root: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """A private D-Bus session with an unlocked gnome-keyring (as the test suite has)."""
    process, keyring_env = start_secret_service(root)
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(keyring_env)
    env.update(
        {
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "MINUTA_DATA_DIR": str(root / "data"),
            "MINUTA_CACHE_DIR": str(root / "cache"),
        }
    )
    return process, env


def _probe(env: dict[str, str], *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"the probe failed ({done.returncode})")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--stall-runs", type=int, default=3, help="recordings to measure")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="minuta-bench-ui-"))
    keyring, env = _keyring_session(root)
    pulse = start_pulse(root / "pulse", env)
    env.update(pulse.env)
    try:
        subprocess.run(
            [sys.executable, "-m", "minuta.cli", "init"], env=env, check=True, capture_output=True
        )
        starts = [_probe(env, "startup") for _ in range(args.runs)]
        speech = root / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(speech), SPEECH], check=True
        )
        stall_runs = [_probe(env, "stall", str(speech)) for _ in range(args.stall_runs)]
    finally:
        pulse.stop()
        assert keyring.stdin is not None
        keyring.stdin.close()
        keyring.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)

    ready = [s["ready_s"] for s in starts]
    figures: dict[str, float | int | str] = {
        "runs": args.runs,
        "startup_ready_s": round(statistics.median(ready), 3),
        "startup_ready_max_s": round(max(ready), 3),
        "workspace_ready_s": round(statistics.median(s["workspace_ready_s"] for s in starts), 3),
        "idle_rss_mb": round(statistics.median(s["idle_rss_mb"] for s in starts), 1),
        "goal_ready_s": GOAL_READY_S,
        "goal_stall_ms": GOAL_STALL_MS,
        "qpa_platform": env["QT_QPA_PLATFORM"],
        "stall_runs": args.stall_runs,
    }
    # Each phase's longest stall: the median over the recordings, and the worst of them.
    for key in sorted({k for run in stall_runs for k in run if k.endswith("_stall_max_ms")}):
        values = [run[key] for run in stall_runs if key in run]
        figures[key] = round(statistics.median(values), 1)
        figures[key.replace("_stall_max_ms", "_stall_worst_ms")] = max(values)
    for key in sorted({k for run in stall_runs for k in run if k.endswith("_stall_p99_ms")}):
        figures[key] = round(statistics.median(run[key] for run in stall_runs if key in run), 1)
    print(json.dumps(figures, indent=2))
    write_report(args.out, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
