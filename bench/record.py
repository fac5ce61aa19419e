"""Recording benchmark: ten minutes of two channels, as a meeting would be.

    python bench/record.py [--minutes 10] [--out bench/results/record.json]

``minuta record`` runs in its own process (microphone and call audio, on a
private PulseAudio server) while this process plays speech into both virtual
devices. Measured on the recorder process alone: CPU use of capture + resample
+ encode + encrypt + fsync (as % of one core), storage per hour for both
channels, RSS growth after warm-up, input overflows, and how far each channel's
length strays from wall-clock time and from the other channel.

CPU is also split by thread: ``pipeline`` is Minuta's recorder thread (clocking,
resampling, Opus encoding, sealing, fsync); ``capture`` is the capture threads,
most of it libpulse's own client threads. For scale, PulseAudio's ``parec``
alone needs about 3-4 % of a core here per monitored stream while audio plays.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from recording_support import Lab, play
from report import write_report

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "record.json"
WARM_UP_S = 15.0
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds per thread group: the recorder's pipeline, capture, the rest."""
    groups = {"pipeline": 0.0, "capture": 0.0, "other": 0.0}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a thread that ended meanwhile
        seconds = (int(fields[11]) + int(fields[12])) / TICKS
        if name == "minuta-recorder":
            groups["pipeline"] += seconds
        elif name.startswith("minuta-cap") or name == "threaded-ml":
            groups["capture"] += seconds  # our readers and libpulse's own threads
        else:
            groups["other"] += seconds
    return groups


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def speech(text: str, voice: str) -> np.ndarray:
    from minuta.audio.decode import decode_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{voice}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
        return decode_file(path).samples


def keep_talking(env: dict[str, str], sink: str, samples: np.ndarray, stop: threading.Event):
    pause = np.zeros(16000, dtype=np.float32)
    while not stop.is_set():
        try:
            play(env, sink, np.concatenate([samples, pause]), 16000)
        except Exception:  # noqa: BLE001 - the sound server went away at the end
            return


@dataclass
class Samples:
    """Readings of the recorder process at one moment."""

    at: float
    cpu: float
    threads: dict[str, float]
    rss: float

    @classmethod
    def take(cls, pid: int) -> Samples:
        return cls(time.monotonic(), cpu_seconds(pid), thread_cpu(pid), rss_mb(pid))


def record_meeting(lab: Lab, minutes: float, far: np.ndarray, near: np.ndarray) -> dict:
    stop = threading.Event()
    process, meeting_id = lab.start_recorder()
    started = time.monotonic()
    try:
        for sink, samples in (("call", far), ("mic_feed", near)):
            threading.Thread(
                target=keep_talking, args=(lab.env, sink, samples, stop), daemon=True
            ).start()
        time.sleep(WARM_UP_S)
        first = Samples.take(process.pid)
        peak = first.rss
        end = started + minutes * 60
        while time.monotonic() < end:
            time.sleep(min(5.0, max(0.0, end - time.monotonic())))
            peak = max(peak, rss_mb(process.pid))
        last = Samples.take(process.pid)
        process.send_signal(signal.SIGINT)
        stopped = time.monotonic()
        process.wait(timeout=60)
    finally:
        stop.set()
    store = lab.open_store()
    try:
        meeting = store.meetings.get(meeting_id)
        folder = store.paths.meeting_audio_dir(meeting.uid)
        overflows = [e for e in store.recordings.events(meeting_id) if e.kind == "overflow"]
        durations = {f.channel.value: f.duration_s for f in store.meetings.audio_files(meeting_id)}
        size = sum(p.stat().st_size for p in folder.iterdir() if p.suffix == ".mnta")
    finally:
        store.close()
    wall = stopped - started
    span = last.at - first.at
    return {
        "duration_s": round(wall, 1),
        "channel_duration_microphone_s": round(durations["microphone"], 3),
        "channel_duration_system_s": round(durations["system"], 3),
        "cpu_percent_of_core": round(100 * (last.cpu - first.cpu) / span, 2),
        "cpu_pipeline_percent_of_core": round(
            100 * (last.threads["pipeline"] - first.threads["pipeline"]) / span, 2
        ),
        "cpu_capture_percent_of_core": round(
            100 * (last.threads["capture"] - first.threads["capture"]) / span, 2
        ),
        "storage_mb_per_hour": round(size / 1e6 * 3600 / max(durations.values()), 2),
        "rss_growth_mb": round(last.rss - first.rss, 1),
        "peak_rss_mb": round(peak, 1),
        "overflow_count": max((int(e.detail.get("count", 1)) for e in overflows), default=0),
        "duration_drift_percent": round(
            100 * max(abs(d - wall) for d in durations.values()) / wall, 3
        ),
        "channel_mismatch_percent": round(
            100 * abs(durations["microphone"] - durations["system"]) / wall, 3
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    far = speech(
        "We can deliver the first batch in March if the order is confirmed "
        "before the end of the month.",
        "en-us",
    )
    near = speech(
        "That sounds good. Please send the updated quote and the delivery "
        "terms to our purchasing team.",
        "en-gb",
    )
    load_start = os.getloadavg()[0]
    lab = Lab()
    try:
        figures = record_meeting(lab, args.minutes, far, near)
    finally:
        lab.close()
    result = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **figures,
        "load_avg_1m_start": round(load_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
        "goal_cpu_percent_of_core": 5,
        "goal_storage_mb_per_hour": 30,
        "goal_rss_growth_mb": 20,
        "goal_overflow_count": 0,
        "goal_duration_drift_percent": 0.5,
    }
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
