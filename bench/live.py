"""Live transcription: latency from the end of a phrase to its settled text, and backlog.

A two-channel meeting is built from the development set's real English speech:
"me" and "them" take turns of one to four phrases, with short pauses inside a
turn and longer ones between turns (one person speaks at a time, each channel
carries speech about 45 % of the time). The live engine then runs on a
*simulated clock with real compute*: audio becomes available at real-time
pace, and every decode moves the clock on by exactly as long as it really took
on this machine. That is the worker process's situation during a recording,
without waiting out the meeting in real time.

Reported:
- ``latency_p50_s`` / ``latency_p95_s``: for each reference phrase, the time from
  its end to the moment the channel's settled text covers it;
- ``backlog_end_s``: how far the live text is behind when the meeting ends;
- ``live_wer`` against the reference and ``final_wer`` of the final pass
  (the same channels through :class:`WhisperEngine`, beam 5), and their gap.

    python bench/live.py eval-data/dev/manifest.jsonl --minutes 30
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from bench.report import write_report

from minuta.core.models import ChannelKind

RATE = 16_000
CHUNK_S = 0.1  # how the recorder hands audio on (its pieces are 10-100 ms)
SETTLE_TOLERANCE_S = 0.3  # word end times are this approximate
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "live.json"
CHANNELS = (ChannelKind.MICROPHONE, ChannelKind.SYSTEM)


@dataclass(frozen=True, slots=True)
class Phrase:
    channel: ChannelKind
    start_s: float
    end_s: float
    text: str


def _read_wav(path: Path) -> np.ndarray:
    import wave

    with wave.open(str(path)) as handle:
        assert handle.getframerate() == RATE
        assert handle.getnchannels() == 1
        data = handle.readframes(handle.getnframes())
    return np.frombuffer(data, dtype=np.int16).astype(np.float32) / 32768.0


def build_meeting(
    manifest: Path, minutes: float, seed: int = 7
) -> tuple[dict[ChannelKind, np.ndarray], list[Phrase]]:
    entries = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    utterances = [
        (manifest.parent / e["audio"], e["text"])
        for e in entries
        if e["subset"] == "utterance" and e["language"] == "en" and e["duration_s"] >= 1.0
    ]
    rng = random.Random(seed)
    rng.shuffle(utterances)
    total = int(minutes * 60 * RATE)
    tracks = {kind: np.zeros(total, dtype=np.float32) for kind in CHANNELS}
    phrases: list[Phrase] = []
    position = int(0.5 * RATE)
    speaker = 0
    index = 0
    while True:
        channel = CHANNELS[speaker % 2]
        for _ in range(rng.randint(1, 4)):
            path, text = utterances[index % len(utterances)]
            index += 1
            audio = _read_wav(path)
            if position + len(audio) >= total:
                return tracks, phrases
            tracks[channel][position : position + len(audio)] = audio
            phrases.append(Phrase(channel, position / RATE, (position + len(audio)) / RATE, text))
            position += len(audio) + int(rng.uniform(0.15, 0.6) * RATE)
        position += int(rng.uniform(0.4, 1.5) * RATE)
        speaker += 1


def simulate(
    tracks: dict[ChannelKind, np.ndarray], model_path: Path, threads: int
) -> dict[str, Any]:
    from minuta.transcribe.live_engine import LiveDecoder, LiveEngine

    decoder = LiveDecoder(model_path, cpu_threads=threads)
    decoder.load()
    now = 0.0
    engine = LiveEngine(decoder, CHANNELS, clock=lambda: now)
    duration = len(next(iter(tracks.values()))) / RATE
    fed = 0
    settled: dict[ChannelKind, list[tuple[float, float]]] = {k: [] for k in CHANNELS}
    closed: dict[ChannelKind, list[Any]] = {k: [] for k in CHANNELS}
    backlogs: list[float] = []
    decode_s: list[float] = []
    states: dict[str, int] = {}

    def take(updates: list[Any]) -> None:
        for update in updates:
            settled[update.channel].append((now, update.settled_until_s))
            closed[update.channel].extend(update.closed)

    chunk = int(CHUNK_S * RATE)
    while fed < len(next(iter(tracks.values()))):
        while fed + chunk <= int(now * RATE) and fed < len(tracks[CHANNELS[0]]):
            for kind, audio in tracks.items():
                take(engine.push(kind, fed / RATE, audio[fed : fed + chunk]))
            fed += chunk
        started = time.perf_counter()
        worked, updates = engine.step()
        spent = time.perf_counter() - started
        now = now + spent if worked else max(now, fed / RATE) + CHUNK_S
        if worked:
            decode_s.append(spent)
        take(updates)
        status = engine.status()
        backlogs.append(status.backlog_s)
        states[status.state.value] = states.get(status.state.value, 0) + 1
    backlog_end = engine.status().backlog_s
    started = time.perf_counter()
    take(engine.finish())
    now += time.perf_counter() - started
    return {
        "settled": settled,
        "closed": closed,
        "backlog_end_s": backlog_end,
        "backlog_max_s": max(backlogs, default=0.0),
        "decodes": engine.decodes,
        "retries": decoder.retries,
        "passed_over": decoder.passed_over,
        "decode_median_s": statistics.median(decode_s) if decode_s else 0.0,
        "deferred_s": engine.status().deferred_s,
        "duration_s": duration,
        "states": states,
    }


def latencies(phrases: list[Phrase], settled: dict[ChannelKind, list[tuple[float, float]]]):
    result = []
    for phrase in phrases:
        for at, until in settled[phrase.channel]:
            if until >= phrase.end_s - SETTLE_TOLERANCE_S:
                result.append(max(0.0, at - phrase.end_s))
                break
    return result


def wer(phrases: list[Phrase], texts: dict[ChannelKind, str]) -> float:
    import jiwer
    from whisper_normalizer.english import EnglishTextNormalizer

    norm = EnglishTextNormalizer()
    refs, hyps = [], []
    for kind in CHANNELS:
        refs.append(" ".join(norm(" ".join(p.text for p in phrases if p.channel is kind)).split()))
        hyps.append(" ".join(norm(texts[kind]).split()))
    return float(jiwer.wer(refs, hyps))


def final_pass_texts(
    tracks: dict[ChannelKind, np.ndarray], model_path: Path, threads: int
) -> dict[ChannelKind, str]:
    from minuta.transcribe.catalogue import ResolvedModel
    from minuta.transcribe.engine import WhisperEngine

    engine = WhisperEngine(
        ResolvedModel("base", model_path, embedded=True), device="cpu", cpu_threads=threads
    )
    return {
        kind: " ".join(s.text for s in engine.transcribe(audio, channel=kind).segments)
        for kind, audio in tracks.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-final", action="store_true", help="skip the final-pass WER")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    from minuta.app.paths import default_paths
    from minuta.transcribe.embedded import embedded_model_dir

    model_path = embedded_model_dir(default_paths(None).models_dir)
    tracks, phrases = build_meeting(args.manifest, args.minutes)
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    run = simulate(tracks, model_path, args.threads)
    wall = time.perf_counter() - started
    delays = sorted(latencies(phrases, run["settled"]))
    live_texts = {k: " ".join(s.text for s in run["closed"][k]) for k in CHANNELS}
    speech = sum(p.end_s - p.start_s for p in phrases)
    result: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": "base",
        "compute_type": "int8",
        "cpu_threads": args.threads,
        "cpu_count": os.cpu_count(),
        "meeting_min": round(run["duration_s"] / 60, 2),
        "speech_fraction_per_channel": round(speech / run["duration_s"] / 2, 3),
        "phrases": len(phrases),
        "phrases_settled": len(delays),
        "latency_p50_s": round(float(np.percentile(delays, 50)), 3),
        "latency_p95_s": round(float(np.percentile(delays, 95)), 3),
        "latency_max_s": round(max(delays), 3),
        "backlog_end_s": round(run["backlog_end_s"], 2),
        "backlog_max_s": round(run["backlog_max_s"], 2),
        "deferred_s": round(run["deferred_s"], 2),
        "decodes": run["decodes"],
        "full_window_retries": run["retries"],
        "interims_passed_over": run["passed_over"],
        "decode_median_s": round(run["decode_median_s"], 3),
        "compute_x_meeting": round(wall / run["duration_s"], 3),
        "live_wer": round(wer(phrases, live_texts), 4),
        "load_avg_1m_start": round(load_start, 2),
    }
    if not args.no_final:
        final = final_pass_texts(tracks, model_path, args.threads)
        result["final_wer"] = round(wer(phrases, final), 4)
        result["live_minus_final_wer_points"] = round(
            (result["live_wer"] - result["final_wer"]) * 100, 2
        )
    result["load_avg_1m_end"] = round(os.getloadavg()[0], 2)
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
