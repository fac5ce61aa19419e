"""Echo benchmark: how often is the far end still transcribed as "me"?

    python bench/echo.py [--manifest eval-data/dev/manifest.jsonl] [--seconds 45] [--seeds 2]
                         [--out bench/results/echo.json] [--models-dir DIR] [--limit N]

Builds two-channel recordings from real speech of the dev set: the far end
("them") is one speaker, the user ("me") other speakers. The microphone hears
the far end through a simulated laptop speaker and room (delay, coupling,
reverberation, speaker roll-off and soft clipping) plus background noise, in
two kinds: echo only (the user silent) and double talk. The microphone channel
is transcribed with the real model with and without minuta.audio.echo's gate,
and far-end words found in the "me" transcript are counted by aligning, per
utterance and within its time window, normalised words. See bench/README.md
for every key of the JSON.
"""

from __future__ import annotations

import os

# The gate's speed is for one core; BLAS threads would blur it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MANIFEST = ROOT / "eval-data" / "dev" / "manifest.jsonl"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "echo.json"
RATE = 16_000
SPEECH_DBFS = -23.0  # active speech level of both ends
FAR_NOISE_DBFS = -80.0
FAR_SPEAKER = "allison_smith"  # the one voice with enough material for the far end
MODEL = "base"


@dataclass(frozen=True, slots=True)
class Condition:
    delay_s: float
    coupling_db: float
    rt60_s: float
    noise_dbfs: float | None
    # Halfway through, the path changes (the user moves the laptop, the call app
    # resets its buffers): 70 ms more delay, 6 dB more coupling, another room response.
    moves: bool = False

    @property
    def label(self) -> str:
        noise = "quiet" if self.noise_dbfs is None else f"{self.noise_dbfs:.0f}dB"
        moves = " moves" if self.moves else ""
        delay_ms = self.delay_s * 1000
        return f"{delay_ms:.0f}ms {self.coupling_db:+.0f}dB rt{self.rt60_s:.2f} {noise}{moves}"


Span = tuple[float, float, str]  # start and end on the microphone's timeline, text


@dataclass
class Scenario:
    kind: str  # "echo_only", "double_talk" or "no_echo" (headphones)
    condition: Condition
    far: np.ndarray
    mic: np.ndarray
    far_spans: list[Span]  # where the echo of each far-end utterance is heard
    near_spans: list[Span]


# --- speech and scenes ------------------------------------------------------------------


Utterance = tuple[str, np.ndarray]  # reference text, 16 kHz samples


def load_speech(manifest: Path) -> tuple[list[Utterance], list[Utterance]]:
    """English utterances: the far end's pool (one voice) and the user's (the others)."""
    from minuta.audio.decode import decode_file

    far, near = [], []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["language"] != "en" or entry["subset"] != "utterance":
            continue
        is_far = FAR_SPEAKER in entry["speakers"]
        if is_far and not 1.5 <= float(entry["duration_s"]) <= 8.0:
            continue  # single words are no conversation; long menus hog a scenario
        samples = decode_file(manifest.parent / entry["audio"]).samples
        (far if is_far else near).append((entry["text"], samples))
    return far, near


def conditions() -> list[Condition]:
    grid = [
        Condition(delay, coupling, rt60, -55.0)
        for delay in (0.02, 0.08, 0.2)
        for coupling, rt60 in ((-10.0, 0.3), (-20.0, 0.5), (-30.0, 0.4))
    ]
    extra = [
        Condition(0.08, -20.0, 0.0, None),  # dry and quiet
        Condition(0.08, -20.0, 0.8, -55.0),  # a long reverberation
        Condition(0.08, -20.0, 0.4, -45.0),  # a noisy room
        Condition(0.08, -20.0, 0.4, -55.0, moves=True),
    ]
    return grid + extra


def _fft_convolve(x: np.ndarray, h: np.ndarray, skip: int = 0) -> np.ndarray:
    size = 1 << int(len(x) + len(h) - 1).bit_length()
    return np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(h, size), size)[skip : skip + len(x)]


def _room_response(rt60_s: float, rng: np.random.Generator) -> np.ndarray:
    """Direct sound, a few early reflections and an exponentially decaying noise tail
    with as much energy as the direct and early sound."""
    if rt60_s <= 0:
        return np.ones(1)
    n = int(1.2 * rt60_s * RATE)
    t = np.arange(n) / RATE
    response = np.zeros(n)
    response[0] = 1.0
    for _ in range(6):
        response[rng.integers(int(0.002 * RATE), int(0.02 * RATE))] += rng.uniform(-0.5, 0.5)
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60_s)
    tail[: int(0.003 * RATE)] = 0.0
    tail *= np.sqrt(np.sum(response**2) / np.sum(tail**2))
    return response + tail


def _laptop_speaker(x: np.ndarray) -> np.ndarray:
    """Soft clipping and no bass below ~200 Hz (a linear-phase FIR high-pass)."""
    taps = 255
    n = np.arange(taps) - taps // 2
    cutoff = 200.0 / RATE
    high = -np.sinc(2 * cutoff * n) * 2 * cutoff * np.hamming(taps)
    high[taps // 2] += 1.0
    return _fft_convolve(np.tanh(2.0 * x) / 2.0, high, skip=taps // 2)


def echo_of(far: np.ndarray, cond: Condition, rng: np.random.Generator) -> np.ndarray:
    """What the microphone hears of the far end; its energy is ``coupling_db`` below
    the far end's."""
    echo = _fft_convolve(_laptop_speaker(far), _room_response(cond.rt60_s, rng))
    shift = round(cond.delay_s * RATE)
    echo = np.concatenate([np.zeros(shift), echo])[: len(far)]
    gain = np.sqrt(np.sum(far**2) / max(np.sum(echo**2), 1e-20) * 10 ** (cond.coupling_db / 10))
    return echo * gain


def _noise(n: int, dbfs: float, rng: np.random.Generator) -> np.ndarray:
    """Pink-ish noise (3 dB per octave above 50 Hz) at ``dbfs`` RMS."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    spectrum /= np.sqrt(np.fft.rfftfreq(n, 1 / RATE) / 50.0 + 1.0)
    noise = np.fft.irfft(spectrum, n)
    return noise / np.sqrt(np.mean(noise**2)) * 10 ** (dbfs / 20)


def _at_level(x: np.ndarray, dbfs: float) -> np.ndarray:
    active = x[np.abs(x) > 1e-4]
    rms = float(np.sqrt(np.mean(active**2))) if len(active) else 1.0
    return x * (10 ** (dbfs / 20) / rms)


def _lay_out(
    pool: Sequence[Utterance],
    seconds: float,
    rng: np.random.Generator,
    first_s: float,
    gaps_s: tuple[float, float],
) -> tuple[np.ndarray, list[Span]]:
    out = np.zeros(int(seconds * RATE))
    spans = []
    t = first_s
    for index in rng.permutation(len(pool)).tolist() * 4:
        text, samples = pool[index]
        start = int(t * RATE)
        if start + len(samples) > len(out):
            break
        out[start : start + len(samples)] += _at_level(samples, SPEECH_DBFS)
        spans.append((t, t + len(samples) / RATE, text))
        t += len(samples) / RATE + rng.uniform(*gaps_s)
    return out, spans


def build_scenario(
    kind: str,
    cond: Condition,
    pools: tuple[Sequence[Utterance], Sequence[Utterance]],
    *,
    seconds: float,
    seed: int,
) -> Scenario:
    rng = np.random.default_rng(seed)
    far_pool, near_pool = pools
    far, far_spans = _lay_out(far_pool, seconds, rng, 0.5, (0.3, 1.5))
    far += _noise(len(far), FAR_NOISE_DBFS, rng)
    if kind == "no_echo":
        mic = np.zeros(len(far))
    elif cond.moves:
        moved = Condition(cond.delay_s + 0.07, cond.coupling_db + 6.0, cond.rt60_s, None)
        fade = np.clip((np.arange(len(far)) - len(far) / 2) / (0.05 * RATE), 0.0, 1.0)
        mic = echo_of(far, cond, rng) * (1 - fade) + echo_of(far, moved, rng) * fade
    else:
        mic = echo_of(far, cond, rng)
    if cond.noise_dbfs is not None:
        mic += _noise(len(mic), cond.noise_dbfs, rng)
    near_spans: list[Span] = []
    if kind != "echo_only":
        # The user speaks at random moments, over the far end more often than not.
        near, near_spans = _lay_out(near_pool, seconds, rng, rng.uniform(0.5, 3.0), (0.5, 3.0))
        mic += near
    # The echo is heard a delay later (the larger one for a moved path).
    heard = [(s + cond.delay_s, e + cond.delay_s + 0.07 * cond.moves, t) for s, e, t in far_spans]
    return Scenario(kind, cond, far.astype(np.float32), mic.astype(np.float32), heard, near_spans)


# --- scoring ----------------------------------------------------------------------------


_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _normaliser() -> Callable[[str], list[str]]:
    from whisper_normalizer.english import EnglishTextNormalizer

    normalise = EnglishTextNormalizer()

    def tokens(word: str) -> list[str]:
        # Word by word on both sides, so that a hypothesis word keeps its time.
        out = normalise(word).split()
        return [_DIGITS[int(t)] if t.isdigit() and len(t) == 1 else t for t in out]

    return tokens


def _hits(reference: list[str], hypothesis: list[str]) -> list[int]:
    """Indexes of hypothesis words that align with equal reference words."""
    import jiwer

    if not reference or not hypothesis:
        return []
    out = jiwer.process_words(" ".join(reference), " ".join(hypothesis))
    return [
        i
        for chunk in out.alignments[0]
        if chunk.type == "equal"
        for i in range(chunk.hyp_start_idx, chunk.hyp_end_idx)
    ]


@dataclass
class Score:
    far_words: int = 0
    far_leaked: int = 0
    far_utterances: int = 0
    far_utterances_leaked: int = 0
    near_words: int = 0
    near_found: int = 0
    other_words: int = 0


def score(scenario: Scenario, words: list[tuple[str, float]], tokens: Callable) -> Score:
    """Match "me" words to the user's utterances first, then the rest to the far end's,
    each within its time window (plus Whisper's timing slack)."""
    hyp = [(t, mid) for text, mid in words for t in tokens(text)]
    claimed: set[int] = set()
    result = Score()

    def match(spans: list[Span], after_s: float) -> tuple[int, int, int]:
        total = found = leaked_utts = 0
        for start, end, text in spans:
            reference = [t for w in text.split() for t in tokens(w)]
            window = [
                i
                for i, (_, mid) in enumerate(hyp)
                if start - 0.5 <= mid <= end + after_s and i not in claimed
            ]
            hits = [window[j] for j in _hits(reference, [hyp[i][0] for i in window])]
            claimed.update(hits)
            total += len(reference)
            found += len(hits)
            leaked_utts += bool(hits)
        return total, found, leaked_utts

    result.near_words, result.near_found, _ = match(scenario.near_spans, 0.5)
    if scenario.kind != "no_echo":
        result.far_words, result.far_leaked, result.far_utterances_leaked = match(
            scenario.far_spans, 0.8
        )
        result.far_utterances = len(scenario.far_spans)
    result.other_words = len(hyp) - len(claimed)
    return result


# --- run --------------------------------------------------------------------------------


def _me_words(engine: Any, audio: np.ndarray) -> list[tuple[str, float]]:
    from minuta.core.models import ChannelKind
    from minuta.transcribe.engine import TranscribeOptions

    transcript = engine.transcribe(
        audio, TranscribeOptions(language="en"), channel=ChannelKind.MICROPHONE
    )
    return [(w.text, (w.start + w.end) / 2) for s in transcript.segments for w in s.words]


@dataclass
class Row:
    scenario: Scenario
    result: Any  # minuta.audio.echo.EchoGateResult
    ungated: Score
    gated: Score


def _total(rows: Sequence[Row], arm: str) -> Score:
    out = Score()
    for row in rows:
        for name in vars(out):
            setattr(out, name, getattr(out, name) + getattr(getattr(row, arm), name))
    return out


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def gate_speed(scenarios: list[Scenario]) -> tuple[float, float]:
    """One long recording made of every scenario back to back: audio s, wall s."""
    from minuta.audio.echo import suppress_echo

    mic = np.concatenate([s.mic for s in scenarios])
    far = np.concatenate([s.far for s in scenarios])
    started = time.perf_counter()
    suppress_echo(mic, far)
    return len(mic) / RATE, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--seconds", type=float, default=45.0, help="length of a scenario")
    parser.add_argument("--seeds", type=int, default=2, help="scenarios per condition and kind")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--models-dir", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N scenarios")
    args = parser.parse_args(argv)

    from minuta.app.paths import default_paths
    from minuta.audio.echo import suppress_echo
    from minuta.transcribe.catalogue import resolve
    from minuta.transcribe.engine import WhisperEngine

    pools = load_speech(args.manifest)
    plan = []
    for _ in range(args.seeds):
        plan += [(kind, c) for c in conditions() for kind in ("echo_only", "double_talk")]
        plan.append(("no_echo", Condition(0.08, -20.0, 0.4, -55.0)))
    plan = plan[: args.limit] if args.limit else plan
    # Seeds from 1000: the gate was tuned on scenes made with seeds below 100.
    scenarios = [
        build_scenario(kind, c, pools, seconds=args.seconds, seed=1000 + i)
        for i, (kind, c) in enumerate(plan)
    ]
    engine = WhisperEngine(resolve(MODEL, args.models_dir or default_paths().models_dir))
    engine.load()
    tokens = _normaliser()
    rows = []
    started = time.perf_counter()
    for number, sc in enumerate(scenarios, start=1):
        result = suppress_echo(sc.mic, sc.far)
        plain = score(sc, _me_words(engine, sc.mic), tokens)
        rows.append(Row(sc, result, plain, score(sc, _me_words(engine, result.mic), tokens)))
        elapsed = time.perf_counter() - started
        print(
            f"[{number}/{len(scenarios)}] {sc.kind:<11} {sc.condition.label:<32} {elapsed:4.0f} s"
        )
    summary = summarise(rows, args.seconds, args.seeds, *gate_speed(scenarios))
    print_table(rows, summary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


def summarise(
    rows: list[Row], seconds: float, seeds: int, audio_s: float, wall_s: float
) -> dict[str, Any]:
    def of(kind: str | None = None, coupling: float | None = None) -> list[Row]:
        return [
            r
            for r in rows
            if (r.scenario.kind == kind if kind else r.scenario.kind != "no_echo")
            and coupling in (None, r.scenario.condition.coupling_db)
        ]

    out: dict[str, Any] = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds")}
    out.update(model=MODEL, scenarios=len(rows), seeds=seeds, scenario_s=seconds)
    out["far_words"] = _total(of(), "gated").far_words
    out["near_words"] = _total(of("double_talk"), "gated").near_words
    for arm in ("ungated", "gated"):
        echo = _total(of(), arm)
        out[f"echo_leak_rate_{arm}"] = _rate(echo.far_leaked, echo.far_words)
        out[f"echo_leak_utterance_rate_{arm}"] = _rate(
            echo.far_utterances_leaked, echo.far_utterances
        )
        for kind in ("echo_only", "double_talk"):
            part = _total(of(kind), arm)
            out[f"echo_leak_rate_{kind}_{arm}"] = _rate(part.far_leaked, part.far_words)
        for coupling in (10, 20, 30):
            part = _total(of(coupling=-coupling), arm)
            key = f"echo_leak_rate_{arm}_coupling_minus{coupling}_db"
            out[key] = _rate(part.far_leaked, part.far_words)
        for key, kind in (("near_recall", "double_talk"), ("near_recall_no_echo", "no_echo")):
            part = _total(of(kind), arm)
            out[f"{key}_{arm}"] = _rate(part.near_found, part.near_words)
        minutes = len(rows) * seconds / 60
        out[f"other_words_per_min_{arm}"] = round(_total(rows, arm).other_words / minutes, 2)
    found = [r for r in of() if r.result.echo_found]
    out["echo_found_share"] = _rate(len(found), len(of()))
    out["no_echo_gated_fraction"] = round(
        float(np.mean([r.result.gated_fraction for r in of("no_echo")] or [0.0])), 4
    )
    fixed = [r for r in found if not r.scenario.condition.moves]
    if fixed:
        delay_ms = [abs(r.result.delay_s - r.scenario.condition.delay_s) * 1000 for r in fixed]
        coupling_db = [abs(r.result.coupling_db - r.scenario.condition.coupling_db) for r in fixed]
        out["delay_error_ms_median"] = round(float(np.median(delay_ms)), 1)
        out["delay_error_ms_max"] = round(float(np.max(delay_ms)), 1)
        out["coupling_error_db_median"] = round(float(np.median(coupling_db)), 1)
    out.update(gate_audio_s=round(audio_s, 1), gate_wall_s=round(wall_s, 3))
    out["gate_speed_x"] = round(audio_s / wall_s, 1)
    out.update(python_version=platform.python_version(), numpy_version=np.__version__)
    out.update(cpu_count=os.cpu_count(), platform=platform.platform())
    return out


def print_table(rows: list[Row], summary: dict[str, Any]) -> None:
    """One line per kind and condition, summed over seeds."""

    def pct(num: int, den: int) -> str:
        return "-" if den == 0 else f"{100 * num / den:.1f}"

    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        groups.setdefault((r.scenario.kind, r.scenario.condition.label), []).append(r)
    print(
        f"\n{'kind':<11} {'condition':<32} {'leak% ungated':>13} {'gated':>6} "
        f"{'near% ungated':>13} {'gated':>6} {'delay ms':>8} {'coupl dB':>8} {'muted%':>6}"
    )
    for (kind, label), group in groups.items():
        plain, gated = _total(group, "ungated"), _total(group, "gated")
        found = [r.result for r in group if r.result.echo_found]
        delay = f"{np.median([f.delay_s for f in found]) * 1000:.0f}" if found else "-"
        coupling = f"{np.median([f.coupling_db for f in found]):.1f}" if found else "-"
        muted = 100 * np.mean([r.result.gated_fraction for r in group])
        print(
            f"{kind:<11} {label:<32} {pct(plain.far_leaked, plain.far_words):>13} "
            f"{pct(gated.far_leaked, gated.far_words):>6} "
            f"{pct(plain.near_found, plain.near_words):>13} "
            f"{pct(gated.near_found, gated.near_words):>6} {delay:>8} {coupling:>8} {muted:>6.0f}"
        )
    print()
    width = max(len(k) for k in summary)
    for key, value in summary.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
