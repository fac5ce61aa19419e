"""Final-pass speed: how long a recorded meeting takes to transcribe after it ends.

    python bench/final_pass.py MANIFEST [--meeting-min 60] [--seed 0]
                                        [--out bench/results/final_pass.json]

Builds a two-channel meeting from the dev set's real long-form speech (looped
as needed): turns of 5-30 s, cut at the quietest moment near the chosen length,
alternate between "me" (microphone) and "them" (system audio), with 0.4-2 s of
pause between turns, so one person speaks at a time and each channel carries
speech a little under half of the time. The channel not speaking carries faint
noise, as a real microphone and call do.

The meeting then goes through the steps of the app's final pass
(``transcribe_recording``): the echo gate on the microphone (it gates nothing
here, the channels are clean, but costs the same), ``WhisperEngine.transcribe``
per channel with the default ``TranscribeOptions`` (embedded base model, int8),
and speaker separation per channel. Model load is timed apart from the pass;
the database writes (well under a second) are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from report import write_report  # noqa: E402

SAMPLE_RATE = 16_000
MODEL = "base"
TARGET_WALL_MIN_PER_60 = 12.0
TURN_S = (5.0, 30.0)
PAUSE_S = (0.4, 2.0)
SEARCH_S = 3.0  # a turn ends at the quietest 100 ms within this of its drawn length
NOISE_FLOOR = 3e-4  # about -70 dBFS: a quiet room or an idle call
DEFAULT_OUT = BENCH / "results" / "final_pass.json"


def load_speech(manifest: Path) -> list[np.ndarray]:
    from minuta.audio.decode import decode_file

    clips = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip() and (entry := json.loads(line))["subset"] == "longform":
            clips.append(decode_file((manifest.parent / entry["audio"]).resolve()).samples)
    return clips


def _quietest_cut(audio: np.ndarray, target: int) -> int:
    """The start of the quietest 100 ms frame within SEARCH_S of ``target``."""
    frame = SAMPLE_RATE // 10
    low = max(frame, target - int(SEARCH_S * SAMPLE_RATE))
    high = min(len(audio) - frame, target + int(SEARCH_S * SAMPLE_RATE))
    if high <= low:
        return min(target, len(audio))
    starts = np.arange(low, high, frame // 2)
    energy = [float(np.mean(audio[s : s + frame] ** 2)) for s in starts]
    return int(starts[int(np.argmin(energy))])


def turns(clips: Sequence[np.ndarray], rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Endless turns of speech, cut from the clips in order, looping over them."""
    while True:
        for clip in clips:
            position = 0
            while len(clip) - position > TURN_S[0] * SAMPLE_RATE:
                length = int(rng.uniform(*TURN_S) * SAMPLE_RATE)
                cut = position + _quietest_cut(clip[position:], length)
                yield clip[position:cut]
                position = cut


def build_meeting(
    clips: Sequence[np.ndarray], minutes: float, seed: int
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """(microphone, system) channels of ``minutes`` of alternating turns, and the
    share of the meeting each channel has the turn."""
    rng = np.random.default_rng(seed)
    total = int(minutes * 60 * SAMPLE_RATE)
    channels = [rng.standard_normal(total).astype(np.float32) * NOISE_FLOOR for _ in range(2)]
    turn_samples = [0, 0]
    at = int(rng.uniform(*PAUSE_S) * SAMPLE_RATE)
    for n, turn in enumerate(turns(clips, rng)):
        if at >= total:
            break
        piece = turn[: total - at]
        channels[n % 2][at : at + len(piece)] += piece
        turn_samples[n % 2] += len(piece)
        at += len(piece) + int(rng.uniform(*PAUSE_S) * SAMPLE_RATE)
    return channels[0], channels[1], [count / total for count in turn_samples]


def _speech_fraction(channel: np.ndarray) -> float:
    """Share of 100 ms frames clearly above the noise floor: below the turn share,
    as speech has its own short pauses."""
    frames = channel[: len(channel) // 1600 * 1600].reshape(-1, 1600)
    return float(np.mean(np.sqrt(np.mean(frames**2, axis=1)) > 10 * NOISE_FLOOR))


def run(manifest: Path, minutes: float, seed: int, models_dir: Path) -> dict[str, Any]:
    from minuta.audio.echo import suppress_echo
    from minuta.core.models import ChannelKind
    from minuta.transcribe.catalogue import resolve
    from minuta.transcribe.engine import TranscribeOptions, WhisperEngine
    from minuta.transcribe.speakers import diarize

    mic, system, turn_shares = build_meeting(load_speech(manifest), minutes, seed)
    meeting_s = len(mic) / SAMPLE_RATE
    start = time.perf_counter()
    engine = WhisperEngine(resolve(MODEL, models_dir), device="cpu")
    engine.load()
    load_s = time.perf_counter() - start
    load_avg_start = os.getloadavg()[0]
    result: dict[str, Any] = {}
    # The app gates the far end's echo out of the microphone first (clean
    # channels here, but the work is the same), and separates speakers last.
    start = time.perf_counter()
    mic = suppress_echo(mic, system).mic
    echo_s = time.perf_counter() - start
    wall_s = echo_s
    speakers_s = 0.0
    for name, kind, samples, turn_share in (
        ("mic", ChannelKind.MICROPHONE, mic, turn_shares[0]),
        ("system", ChannelKind.SYSTEM, system, turn_shares[1]),
    ):
        start = time.perf_counter()
        transcript = engine.transcribe(samples, TranscribeOptions(), channel=kind)
        channel_s = time.perf_counter() - start
        start = time.perf_counter()
        diarize(samples, speakers=1 if kind is ChannelKind.MICROPHONE else None)
        speakers_s += time.perf_counter() - start
        wall_s += channel_s
        words = sum(len(s.words) for s in transcript.segments)
        result[f"{name}_turn_fraction"] = round(turn_share, 3)
        result[f"{name}_speech_fraction"] = round(_speech_fraction(samples), 3)
        result[f"{name}_wall_s"] = round(channel_s, 1)
        result[f"{name}_lines"] = len(transcript.segments)
        result[f"{name}_words"] = words
        result[f"{name}_language"] = transcript.language
        print(
            f"{name:<6}: {channel_s / 60:.2f} min, {len(transcript.segments)} lines, "
            f"{words} words, language {transcript.language}",
            flush=True,
        )
    wall_s += speakers_s
    result["echo_gate_s"] = round(echo_s, 1)
    result["speakers_s"] = round(speakers_s, 1)
    meeting_min = meeting_s / 60
    wall_min = wall_s / 60
    projected = wall_min * 60 / meeting_min
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": MODEL,
        "compute_type": engine.compute_type,
        "cpu_threads": engine.cpu_threads,
        "cpu_count": os.cpu_count(),
        "seed": seed,
        "final_pass_meeting_min": round(meeting_min, 2),
        "final_pass_wall_min": round(wall_min, 2),
        "final_pass_x_meeting": round(meeting_min / wall_min, 2),
        "final_pass_projected_60min_wall_min": round(projected, 2),
        "final_pass_target_60min_wall_min": TARGET_WALL_MIN_PER_60,
        "final_pass_target_ok": projected <= TARGET_WALL_MIN_PER_60,
        "model_load_s": round(load_s, 2),
        **result,
        "load_avg_1m_start": round(load_avg_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
        "python_version": platform.python_version(),
        "platform": platform.platform(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("manifest", type=Path, help="manifest.jsonl of the dev set")
    parser.add_argument("--meeting-min", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--models-dir", type=Path, default=None, help="model cache (default: Minuta's own)"
    )
    args = parser.parse_args(argv)
    from minuta.app.paths import default_paths
    from minuta.transcribe.embedded import embedded_model_dir

    models_dir = args.models_dir or default_paths().models_dir
    embedded_model_dir(models_dir)  # assembled before any timing
    write_report(args.out, run(args.manifest, args.meeting_min, args.seed, models_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
