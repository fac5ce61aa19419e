"""The Linux bundle: how big it is, and how fast it starts, offline, from a fresh unpack.

    make package && python bench/bundle.py [--starts N] [--out bench/results/bundle.json]

Unpacks dist/minuta-VERSION-linux-ARCH.tar.gz into a new folder and runs it the
way tests/packaging/test_linux_bundle.py does (no network, its own keyring and
X server): imports a short espeak-ng recording through the bundle's command
line, then starts ``minuta-app`` N times, each timed from launch until its window
lists the meetings (the "ready" line it logs). The first start after unpacking
is reported on its own (the libraries are not yet in the page cache); the
others give the median. Also refreshes docs/screenshots/linux-bundle.png.
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
from datetime import UTC, datetime
from pathlib import Path

from report import write_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.packaging.bundle import SPOKEN, artefact_path, run_offline, unpack  # noqa: E402

DEFAULT_OUT = ROOT / "bench" / "results" / "bundle.json"
SCREENSHOT = ROOT / "docs" / "screenshots" / "linux-bundle.png"
TARGET_START_S = 1.5


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=9)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    archive = artefact_path()
    with tempfile.TemporaryDirectory(prefix="minuta-bundle-") as scratch:
        work = Path(scratch)
        bundle = unpack(archive, work / "unpacked")
        audio = work / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(audio), SPOKEN], check=True)
        (work / "home").mkdir()
        (work / "out").mkdir()
        run_offline(
            bundle, audio, work / "home", work / "out", starts=args.starts, capture=False
        ).check_returncode()
        report = json.loads((work / "out" / "report.json").read_text())
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "out" / "window.png", SCREENSHOT)
        sizes = {
            "artefact_mb": round(_size_mb(archive), 1),
            "unpacked_mb": round(_size_mb(bundle), 1),
            "model_mb": round(_size_mb(bundle / "_internal" / "models"), 1),
        }

    times = [start["ready_s"] for start in report["starts"]]
    if any(t is None for t in times):
        print(report["starts"][times.index(None)]["log"], file=sys.stderr)
        return 1
    later = times[1:] or times
    result: dict[str, object] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "artefact": archive.name,
        "cpu_count": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        **sizes,
        "starts": len(times),
        "first_start_s": round(times[0], 3),
        "start_median_s": round(statistics.median(later), 3),
        "start_max_s": round(max(later), 3),
        "start_target_s": TARGET_START_S,
        "start_meets_target": statistics.median(later) <= TARGET_START_S,
        "offline_import_ok": report["import"]["rc"] == 0,
        "network_interfaces": ",".join(report["interfaces"]),
    }
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
