"""Speaker separation benchmark: diarization error rate on conversations of real voices.

    python bench/diarize.py [--manifest eval-data/dev/manifest.jsonl] [--threads 2]
                            [--threshold T] [--out bench/results/diarize.json]

The dev set has no conversations, but it has several real speakers. From their
utterances this builds 2-4 speaker conversations: turns of one to three
utterances (silence trimmed), pauses of 0.2-0.8 s between turns and some quick
turns of 50 ms, each voice at its own level, over a faint noise floor. The
reference is where each utterance was placed. Minuta's diarization
(:func:`minuta.transcribe.speakers.diarize`) runs on the mix twice: finding
the number of speakers itself, and told the right number.

DER is computed here, frame by frame (10 ms): missed speech + false alarm +
speaker confusion, over reference speech, after the best one-to-one mapping of
hypothesis to reference speakers, with 0.25 s around every reference boundary
left unscored (the usual collar). The speed is wall time of the whole
diarization (VAD, embeddings, clustering) per minute of audio with the BLAS
threads limited to ``--threads``.
"""

from __future__ import annotations

import os
import sys

# BLAS threads must be set before NumPy loads; "--threads N" on the command line sets them.
os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = (
    sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "2"
)

import argparse
import json
import platform
import statistics
import time
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_MANIFEST = ROOT / "eval-data" / "dev" / "manifest.jsonl"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "diarize.json"
RATE = 16_000
COLLAR_S = 0.25
FRAME_S = 0.01

# name -> (speakers in the dev set, seconds of conversation). Voices with few
# utterances (awb, slt, the LibriVox reader) have them reused round-robin.
CONVERSATIONS: dict[str, tuple[tuple[str, ...], float]] = {
    "allison_librivox": (("allison_smith", "librivox_sense_and_sensibility_reader"), 90),
    "allison_danish": (("allison_smith", "tuxpaint_da_joe_dalton"), 90),
    "librivox_cards_danish": (
        ("librivox_sense_and_sensibility_reader", "cmu_cards_speaker", "tuxpaint_da_joe_dalton"),
        90,
    ),
    "arctic_awb_slt_allison": (("cmu_arctic_awb", "cmu_arctic_slt", "allison_smith"), 75),
    "four_voices": (
        (
            "allison_smith",
            "librivox_sense_and_sensibility_reader",
            "tuxpaint_da_joe_dalton",
            "cmu_cards_speaker",
        ),
        120,
    ),
    "allison_danish_long": (("allison_smith", "tuxpaint_da_joe_dalton"), 300),
}


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: int


def _read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        if w.getframerate() != RATE or w.getnchannels() != 1:
            raise ValueError(f"{path}: expected 16 kHz mono")
        return np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float32) / 32768


def _trim(samples: np.ndarray) -> np.ndarray:
    """The utterance without leading and trailing silence (20 ms frames, -40 dB from peak)."""
    frame = 320
    count = len(samples) // frame
    if count == 0:
        return samples
    energy = np.sqrt(np.mean(samples[: count * frame].reshape(count, frame) ** 2, axis=1))
    loud = np.flatnonzero(energy > energy.max() * 10 ** (-40 / 20))
    return samples[loud[0] * frame : (loud[-1] + 1) * frame]


def load_voices(manifest: Path) -> dict[str, list[np.ndarray]]:
    voices: dict[str, list[np.ndarray]] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["subset"] != "utterance" or len(item["speakers"]) != 1:
            continue
        samples = _trim(_read_wav(manifest.parent / item["audio"]))
        if len(samples) >= 0.3 * RATE:
            voices.setdefault(item["speakers"][0], []).append(samples)
    return voices


def build_conversation(
    voices: dict[str, list[np.ndarray]], names: Sequence[str], seconds: float, seed: int
) -> tuple[np.ndarray, list[Turn]]:
    rng = np.random.default_rng(seed)
    gains = {name: 10 ** (rng.uniform(-6, 3) / 20) for name in names}
    cursor = {name: int(rng.integers(len(voices[name]))) for name in names}
    pieces: list[np.ndarray] = []
    turns: list[Turn] = []
    t = 0.3
    pieces.append(np.zeros(round(t * RATE), np.float32))
    previous = -1
    while t < seconds:
        # Mostly alternate, sometimes the same person again after a pause.
        choices = [i for i in range(len(names)) if i != previous] or [0]
        speaker = int(rng.choice(choices))
        name = names[speaker]
        turn_start = t
        for n in range(int(rng.integers(1, 4))):
            if n:
                gap = rng.uniform(0.1, 0.25)
                pieces.append(np.zeros(round(gap * RATE), np.float32))
                t += gap
            utterances = voices[name]
            clip = utterances[cursor[name] % len(utterances)] * gains[name]
            cursor[name] += 1
            pieces.append(clip.astype(np.float32))
            turns.append(Turn(t, t + len(clip) / RATE, speaker))
            t += len(clip) / RATE
        if t - turn_start > 0:
            pause = 0.05 if rng.random() < 0.25 else rng.uniform(0.2, 0.8)
            pieces.append(np.zeros(round(pause * RATE), np.float32))
            t += pause
        previous = speaker
    audio = np.concatenate(pieces)
    audio += rng.normal(0, 10 ** (-60 / 20), len(audio)).astype(np.float32)
    return audio, turns


def _frames(turns: Sequence[Turn], count: int, speakers: int) -> np.ndarray:
    active = np.zeros((count, speakers), dtype=bool)
    for turn in turns:
        active[round(turn.start / FRAME_S) : round(turn.end / FRAME_S), turn.speaker] = True
    return active


def der(reference: Sequence[Turn], hypothesis: Sequence[Turn], duration: float) -> dict[str, float]:
    """Diarization error rate and its parts, with a collar around reference boundaries."""
    from scipy.optimize import linear_sum_assignment

    count = round(duration / FRAME_S) + 1
    ref = _frames(reference, count, max((t.speaker for t in reference), default=0) + 1)
    hyp = _frames(hypothesis, count, max((t.speaker for t in hypothesis), default=0) + 1)
    scored = np.ones(count, dtype=bool)
    collar = round(COLLAR_S / FRAME_S)
    for turn in reference:
        for edge in (turn.start, turn.end):
            frame = round(edge / FRAME_S)
            scored[max(0, frame - collar) : frame + collar] = False
    ref, hyp = ref[scored], hyp[scored]
    overlap = ref.T.astype(np.int64) @ hyp.astype(np.int64)
    rows, cols = linear_sum_assignment(-overlap)
    ref_count, hyp_count = ref.sum(axis=1), hyp.sum(axis=1)
    total = float(ref_count.sum())
    missed = float(np.maximum(ref_count - hyp_count, 0).sum())
    false_alarm = float(np.maximum(hyp_count - ref_count, 0).sum())
    correct = float(overlap[rows, cols].sum())
    confusion = float(np.minimum(ref_count, hyp_count).sum()) - correct
    return {
        "der": (missed + false_alarm + confusion) / total,
        "missed": missed / total,
        "false_alarm": false_alarm / total,
        "confusion": confusion / total,
    }


def run(
    voices: dict[str, list[np.ndarray]], threshold: float | None
) -> tuple[list[dict[str, Any]], float, float]:
    from minuta.transcribe.speakers import DEFAULT_THRESHOLD, diarize
    from minuta.transcribe.voice_embedding import shared_encoder

    shared_encoder()  # loading the weights is not part of the per-minute cost
    rows: list[dict[str, Any]] = []
    seconds = audio_s = 0.0
    for seed, (name, (names, length)) in enumerate(CONVERSATIONS.items()):
        audio, reference = build_conversation(voices, names, length, seed)
        duration = len(audio) / RATE
        started = time.perf_counter()
        found = diarize(audio, threshold=threshold or DEFAULT_THRESHOLD)
        elapsed = time.perf_counter() - started
        told = diarize(audio, speakers=len(names))
        auto, oracle = der(reference, found.turns, duration), der(reference, told.turns, duration)
        seconds += elapsed
        audio_s += duration
        rows.append(
            {
                "name": name,
                "speakers": len(names),
                "speakers_found": found.speaker_count,
                "audio_s": round(duration, 1),
                "der": round(auto["der"], 4),
                "missed": round(auto["missed"], 4),
                "false_alarm": round(auto["false_alarm"], 4),
                "confusion": round(auto["confusion"], 4),
                "der_known_count": round(oracle["der"], 4),
                "seconds_per_audio_minute": round(elapsed / duration * 60, 3),
            }
        )
        print(
            f"{name:<24} {len(names)} voices, found {found.speaker_count}: DER {auto['der']:.3f} "
            f"(miss {auto['missed']:.3f}, fa {auto['false_alarm']:.3f}, "
            f"conf {auto['confusion']:.3f}); told the count: {oracle['der']:.3f}; "
            f"{elapsed / duration * 60:.2f} s/min",
            flush=True,
        )
    return rows, seconds, audio_s


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--threads", type=int, default=2, help="BLAS threads (default 2)")
    parser.add_argument("--threshold", type=float, default=None, help="clustering threshold")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.manifest.exists():
        parser.error(
            f"{args.manifest} is missing: build it with "
            "`python3 ../shared/eval/build_dev_set.py --out eval-data/dev`"
        )
    from minuta.transcribe.speakers import DEFAULT_THRESHOLD
    from report import write_report

    voices = load_voices(args.manifest)
    load_start = os.getloadavg()[0]
    rows, seconds, audio_s = run(voices, args.threshold)
    per_conversation: dict[str, Any] = {}
    for row in rows:
        name = row["name"]
        per_conversation |= {
            f"der_{name}": row["der"],
            f"der_known_count_{name}": row["der_known_count"],
            f"missed_speech_rate_{name}": row["missed"],
            f"false_alarm_rate_{name}": row["false_alarm"],
            f"confusion_rate_{name}": row["confusion"],
            f"speakers_{name}": row["speakers"],
            f"speakers_found_{name}": row["speakers_found"],
            f"audio_s_{name}": row["audio_s"],
            f"seconds_per_audio_minute_{name}": row["seconds_per_audio_minute"],
        }
    result: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "conversations": len(rows),
        "audio_s": round(audio_s, 1),
        "collar_s": COLLAR_S,
        "threshold_cosine_distance": args.threshold or DEFAULT_THRESHOLD,
        "der_median": round(statistics.median(r["der"] for r in rows), 4),
        "der_mean": round(statistics.fmean(r["der"] for r in rows), 4),
        "der_max": round(max(r["der"] for r in rows), 4),
        "der_known_count_median": round(statistics.median(r["der_known_count"] for r in rows), 4),
        "speaker_count_correct_conversations": sum(
            r["speakers"] == r["speakers_found"] for r in rows
        ),
        "seconds_per_audio_minute": round(seconds / audio_s * 60, 3),
        "blas_threads": args.threads,
        "cpu_count": os.cpu_count(),
        "load_avg_1m_start": round(load_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
        "python_version": platform.python_version(),
        "platform": platform.platform(),
        **per_conversation,
    }
    write_report(args.out, result, show=False)
    for key, value in result.items():
        if key not in per_conversation:
            print(f"{key:<38} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
