"""Crash-loss benchmark: SIGKILL the recorder at random moments, recover, measure.

    python bench/crash_loss.py [--kills 200] [--out bench/results/crash_loss.json]

Each round starts ``minuta record`` (microphone and call audio, on a private
PulseAudio server), kills it with SIGKILL after a random 0.1–3 s, recovers the
recording, and measures the loss: the time from the recorder's start to the
kill (from its sealed journal) minus the recovered audio, for each channel.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from recording_support import Lab
from report import write_report

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "crash_loss.json"
TARGET_MAX_LOSS_S = 1.0


def started_at(store, meeting_id: int) -> float:
    from minuta.store.journal import read_journal

    meeting = store.meetings.get(meeting_id)
    key = store.meeting_key(meeting.id, meeting.uid)
    path = store.audio_path(meeting.uid, store.recordings.journal_uid(meeting_id))
    events, _ = read_journal(path, key)
    return float(next(e for e in events if e["kind"] == "started")["monotonic"])


def one_round(lab: Lab, rng: random.Random) -> tuple[list[float], float]:
    from minuta.app.recovery import find_interrupted, recover
    from minuta.audio.encrypted_audio import EncryptedAudioReader

    process, meeting_id = lab.start_recorder()
    time.sleep(rng.uniform(0.1, 3.0))  # the random moment of the "crash"
    killed_at = time.monotonic()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    store = lab.open_store()
    try:
        if meeting_id not in {i.meeting_id for i in find_interrupted(store)}:
            raise RuntimeError(f"meeting #{meeting_id} was not offered for recovery")
        expected = killed_at - started_at(store, meeting_id)
        began = time.perf_counter()
        recover(store, meeting_id)
        recover_s = time.perf_counter() - began
        meeting = store.meetings.get(meeting_id)
        key = store.meeting_key(meeting.id, meeting.uid)
        losses = []
        for record in store.meetings.audio_files(meeting_id):
            audio = EncryptedAudioReader(store.audio_path(meeting.uid, record.file_uid), key)
            decoded = audio.read_all()
            if not decoded.finalised:
                raise RuntimeError("a recovered file is not finalised")
            losses.append(expected - decoded.duration_s)
        return losses, recover_s
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    lab = Lab()
    rng = random.Random(args.seed)
    load_start = os.getloadavg()[0]
    losses: list[float] = []
    recover_times: list[float] = []
    try:
        for round_number in range(1, args.kills + 1):
            round_losses, recover_s = one_round(lab, rng)
            losses += round_losses
            recover_times.append(recover_s)
            if round_number % 20 == 0:
                print(
                    f"{round_number}/{args.kills}: max loss so far {max(losses):.3f} s", flush=True
                )
    finally:
        lab.close()
    ordered = sorted(losses)
    result = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "kills": args.kills,
        "channels_measured": len(losses),
        "max_loss_s": round(max(losses), 3),
        "median_loss_s": round(statistics.median(losses), 3),
        "p95_loss_s": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
        "min_loss_s": round(min(losses), 3),
        "median_recover_s": round(statistics.median(recover_times), 3),
        "target_max_loss_s": TARGET_MAX_LOSS_S,
        "meets_target": max(losses) <= TARGET_MAX_LOSS_S,
        "load_avg_1m_start": round(load_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
    }
    print(
        f"kills {args.kills}: loss max {result['max_loss_s']} s, median "
        f"{result['median_loss_s']} s, p95 {result['p95_loss_s']} s "
        f"(target <= {TARGET_MAX_LOSS_S} s)"
    )
    write_report(args.out, result, show=False)
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
