"""Transcription benchmark: Minuta's import against plain faster-whisper.

    python bench/transcribe.py MANIFEST [--subset longform|utterance|all] [--runs N]
                                        [--limit K] [--out bench/results/transcribe.json]

Each run measures each system in a fresh subprocess, so peak RSS and model load
time belong to that system alone and no run profits from another's warm caches
inside the process. The order of the systems alternates between runs, so that
neither always gets the cooler machine. Speed is the median over runs; WER and
CER are corpus-level (jiwer over all files) after Whisper's text normalisers.
See bench/README.md for the meaning of every key in the JSON. How long the
final pass over a whole two-channel meeting takes is bench/final_pass.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

MODEL = "base"  # the embedded model: the one every install has
SYSTEMS = ("minuta", "plain")
TARGET_SPEEDUP_X = 1.3
TARGET_WER_DELTA_POINTS = 0.5
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "transcribe.json"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    path: Path
    text: str
    language: str
    duration_s: float


def load_manifest(manifest: Path, subset: str, limit: int | None) -> list[Item]:
    items = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if subset != "all" and entry["subset"] != subset:
            continue
        items.append(
            Item(
                id=entry["id"],
                path=(manifest.parent / entry["audio"]).resolve(),
                text=entry["text"],
                language=entry["language"],
                duration_s=float(entry["duration_s"]),
            )
        )
    return items[:limit] if limit else items


# --- worker: one system, one run, in its own process ----------------------------------


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _run_minuta(files: list[dict[str, str]], models_dir: Path, threads: int) -> dict[str, Any]:
    from minuta.app.importer import import_file
    from minuta.store.manifest import KeyMode
    from minuta.store.paths import StorePaths
    from minuta.store.store import create_store
    from minuta.transcribe.catalogue import resolve
    from minuta.transcribe.engine import WhisperEngine

    tmp = Path(tempfile.mkdtemp(prefix="minuta-bench-"))
    try:
        # Passphrase mode is the product's own keyring-free mode: the user's real
        # keyring is never touched, and the store is as encrypted as a real one.
        store, _recovery = create_store(
            StorePaths(tmp / "data"),
            mode=KeyMode.PASSPHRASE,
            secret_store=None,
            passphrase=secrets.token_urlsafe(24),
        )
        try:
            start = time.perf_counter()
            engine = WhisperEngine(resolve(MODEL, models_dir), cpu_threads=threads)
            engine.load()  # otherwise the first import would pay for it
            load_s = time.perf_counter() - start

            def one(path: Path) -> tuple[str, str | None]:
                result = import_file(store, engine, path, language=None)
                # Read back from the store, as the app shows it: the timing then
                # covers decode + encrypt + transcribe + commit.
                segments = store.meetings.segments(result.meeting_id)
                return " ".join(s.text.strip() for s in segments), result.language

            return _timed_files(files, one, load_s, engine.cpu_threads)
        finally:
            store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run_plain(files: list[dict[str, str]], model_dir: Path, threads: int) -> dict[str, Any]:
    start = time.perf_counter()
    # The import is part of load time for both systems (Minuta imports lazily in load()).
    from faster_whisper import WhisperModel

    model = WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads)
    load_s = time.perf_counter() - start

    def one(path: Path) -> tuple[str, str | None]:
        segments, info = model.transcribe(str(path), beam_size=5)
        text = " ".join(s.text.strip() for s in segments)  # the generator does the work
        return text, info.language

    return _timed_files(files, one, load_s, threads)


def _timed_files(
    files: list[dict[str, str]],
    one: Callable[[Path], tuple[str, str | None]],
    load_s: float,
    threads: int,
) -> dict[str, Any]:
    texts: dict[str, str] = {}
    languages: dict[str, str | None] = {}
    wall_s = 0.0
    for file in files:
        start = time.perf_counter()
        texts[file["id"]], languages[file["id"]] = one(Path(file["path"]))
        wall_s += time.perf_counter() - start
    return {
        "load_s": load_s,
        "wall_s": wall_s,
        "peak_rss_mb": _peak_rss_mb(),
        "cpu_threads": threads,
        "texts": texts,
        "languages": languages,
    }


def worker(job_path: Path) -> None:
    job = json.loads(job_path.read_text(encoding="utf-8"))
    if job["system"] == "minuta":
        result = _run_minuta(job["files"], Path(job["models_dir"]), job["threads"])
    else:
        result = _run_plain(job["files"], Path(job["model_dir"]), job["threads"])
    Path(job["out"]).write_text(json.dumps(result), encoding="utf-8")


def run_system(
    system: str, items: list[Item], models_dir: Path, model_dir: Path, threads: int
) -> dict[str, Any]:
    # Hypothesis texts travel through a private temp file (not stdout, which
    # libraries may write to) and are deleted with it.
    with tempfile.TemporaryDirectory(prefix="minuta-bench-job-") as tmp:
        job = Path(tmp) / "job.json"
        out = Path(tmp) / "result.json"
        job.write_text(
            json.dumps(
                {
                    "system": system,
                    "files": [{"id": i.id, "path": str(i.path)} for i in items],
                    "models_dir": str(models_dir),
                    "model_dir": str(model_dir),
                    "threads": threads,
                    "out": str(out),
                }
            ),
            encoding="utf-8",
        )
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(job)], check=True
        )
        return json.loads(out.read_text(encoding="utf-8"))


# --- scoring ----------------------------------------------------------------------------


def _normaliser(language: str) -> Callable[[str], str]:
    from whisper_normalizer.basic import BasicTextNormalizer
    from whisper_normalizer.english import EnglishTextNormalizer

    return EnglishTextNormalizer() if language == "en" else BasicTextNormalizer()


def score(items: Sequence[Item], texts: dict[str, str]) -> dict[str, float]:
    """Corpus-level WER and CER, overall and per language."""
    import jiwer

    refs: dict[str, list[str]] = {}
    hyps: dict[str, list[str]] = {}
    normalisers: dict[str, Callable[[str], str]] = {}
    for item in items:
        norm = normalisers.setdefault(item.language, _normaliser(item.language))
        ref = " ".join(norm(item.text).split())
        if not ref:  # jiwer refuses empty references; nothing to score anyway
            continue
        refs.setdefault(item.language, []).append(ref)
        hyps.setdefault(item.language, []).append(" ".join(norm(texts[item.id]).split()))
    all_refs = [r for lang in refs for r in refs[lang]]
    all_hyps = [h for lang in refs for h in hyps[lang]]
    scores = {"wer": jiwer.wer(all_refs, all_hyps), "cer": jiwer.cer(all_refs, all_hyps)}
    for lang in sorted(refs):
        scores[f"wer_{lang}"] = jiwer.wer(refs[lang], hyps[lang])
        scores[f"cer_{lang}"] = jiwer.cer(refs[lang], hyps[lang])
    return scores


# --- main -------------------------------------------------------------------------------


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def summarise(
    items: list[Item], runs: dict[str, list[dict[str, Any]]], audio_s: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for system, results in runs.items():
        rtfs = [audio_s / r["wall_s"] for r in results]
        per_run = [score(items, r["texts"]) for r in results]
        out[f"{system}_rtf_x"] = round(statistics.median(rtfs), 2)
        out[f"{system}_rtf_runs_x"] = [round(x, 2) for x in rtfs]
        out[f"{system}_wall_s"] = round(statistics.median(r["wall_s"] for r in results), 2)
        # Decoding is deterministic, so every run should give the same words; the
        # median is there in case it does not, and the flag says whether it did.
        for key in per_run[0]:
            out[f"{system}_{key}"] = round(statistics.median(s[key] for s in per_run), 4)
        wers = [s["wer"] for s in per_run]
        out[f"{system}_wer_spread_points"] = round(100 * (max(wers) - min(wers)), 2)
        out[f"{system}_transcripts_identical_across_runs"] = all(
            r["texts"] == results[0]["texts"] for r in results
        )
        out[f"{system}_language_misdetections"] = sum(
            results[0]["languages"][i.id] != i.language for i in items
        )
        out[f"{system}_peak_rss_mb"] = round(max(r["peak_rss_mb"] for r in results), 1)
        out[f"{system}_model_load_s"] = round(statistics.median(r["load_s"] for r in results), 3)
    out["speedup_x"] = round(out["minuta_rtf_x"] / out["plain_rtf_x"], 3)
    out["wer_delta_points"] = round(100 * (out["minuta_wer"] - out["plain_wer"]), 2)
    out["speedup_ok"] = out["speedup_x"] >= TARGET_SPEEDUP_X
    out["wer_delta_ok"] = out["wer_delta_points"] <= TARGET_WER_DELTA_POINTS
    return out


def print_table(result: dict[str, Any], languages: list[str]) -> None:
    columns = [
        "RTF x",
        "WER %",
        "CER %",
        *[f"WER {lang} %" for lang in languages],
        "peak RSS MB",
        "load s",
    ]
    print()
    print(f"{'system':<8}" + "".join(f"{c:>13}" for c in columns))
    for system in SYSTEMS:
        cells = [
            f"{result[f'{system}_rtf_x']:.2f}",
            f"{100 * result[f'{system}_wer']:.2f}",
            f"{100 * result[f'{system}_cer']:.2f}",
            *[f"{100 * result[f'{system}_wer_{lang}']:.2f}" for lang in languages],
            f"{result[f'{system}_peak_rss_mb']:.0f}",
            f"{result[f'{system}_model_load_s']:.2f}",
        ]
        print(f"{system:<8}" + "".join(f"{c:>13}" for c in cells))
    print()
    print(
        f"{result['files']} files, {result['audio_s'] / 60:.1f} min of audio, "
        f"{result['runs']} runs, {result['cpu_threads']} threads on {result['cpu_count']} "
        f"CPUs, load {result['load_avg_1m_start']:.2f} -> {result['load_avg_1m_end']:.2f}"
    )
    print(f"minuta RTF per run: {result['minuta_rtf_runs_x']}, plain: {result['plain_rtf_runs_x']}")
    for system in SYSTEMS:
        if not result[f"{system}_transcripts_identical_across_runs"]:
            print(
                f"note: {system} transcripts differ between runs "
                f"(WER spread {result[f'{system}_wer_spread_points']} points)"
            )
    print(
        f"speedup {result['speedup_x']:.2f}x (target >= {TARGET_SPEEDUP_X}): "
        f"{'ok' if result['speedup_ok'] else 'NOT MET'}"
    )
    print(
        f"WER delta {result['wer_delta_points']:+.2f} points "
        f"(target <= {TARGET_WER_DELTA_POINTS}): "
        f"{'ok' if result['wer_delta_ok'] else 'NOT MET'}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        worker(Path(argv[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", type=Path, help="manifest.jsonl of the dev set")
    parser.add_argument("--subset", choices=("longform", "utterance", "all"), default="longform")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first K files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--models-dir", type=Path, default=None, help="model cache (default: Minuta's own)"
    )
    args = parser.parse_args(argv)

    from minuta.app.paths import default_paths
    from minuta.transcribe.embedded import embedded_model_dir
    from minuta.transcribe.engine import _default_threads

    items = load_manifest(args.manifest, args.subset, args.limit)
    if not items:
        parser.error(f"no {args.subset} files in {args.manifest}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    models_dir = args.models_dir or default_paths().models_dir
    # Assemble the embedded model once up front, so that no run pays for it.
    model_dir = embedded_model_dir(models_dir)
    threads = _default_threads()
    audio_s = sum(i.duration_s for i in items)
    load_start = os.getloadavg()[0]

    runs: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
    for n in range(args.runs):
        order = SYSTEMS if n % 2 == 0 else SYSTEMS[::-1]
        for system in order:
            result = run_system(system, items, models_dir, model_dir, threads)
            if result["cpu_threads"] != threads:
                raise RuntimeError(f"{system} ran with {result['cpu_threads']} threads")
            runs[system].append(result)
            print(
                f"run {n + 1}/{args.runs} {system:<6}: RTF {audio_s / result['wall_s']:.2f}x, "
                f"load {result['load_s']:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB",
                flush=True,
            )

    result: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "subset": args.subset,
        "model": MODEL,
        "compute_type": "int8",
        "files": len(items),
        "audio_s": round(audio_s, 1),
        "runs": args.runs,
        "cpu_threads": threads,
        "cpu_count": os.cpu_count(),
        "load_avg_1m_start": round(load_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
        **summarise(items, runs, audio_s),
        "python_version": platform.python_version(),
        "faster_whisper_version": _version("faster-whisper"),
        "ctranslate2_version": _version("ctranslate2"),
        "platform": platform.platform(),
    }
    print_table(result, sorted({i.language for i in items}))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
