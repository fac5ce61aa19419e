"""``models [--language L]``, ``models download NAME [--force]``, ``models use NAME|FOLDER``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, TextIO

from minuta.app.paths import AppPaths
from minuta.commands.support import open_store

if TYPE_CHECKING:
    from minuta.transcribe.recommend import Recommendation

_REDRAW_S = 0.1


def _selected(paths: AppPaths) -> str:
    from minuta.app.session import store_exists
    from minuta.app.transcription import selected_model

    if not store_exists(paths):
        return selected_model(None)
    store = open_store(paths)
    try:
        return selected_model(store)
    finally:
        store.close()


def cmd_models(args: argparse.Namespace, paths: AppPaths) -> None:
    action = args.models_command or "list"
    if action == "download":
        _download(args.name, paths, force=args.force)
    elif action == "use":
        _use(args.name_or_path, paths)
    else:
        _list(paths, getattr(args, "language", None))


def _list(paths: AppPaths, language_option: str | None) -> None:
    from minuta.app.transcription import model_rows
    from minuta.transcribe.catalogue import find
    from minuta.transcribe.languages import normalise_language
    from minuta.transcribe.recommend import MachineProfile, recommend

    language = normalise_language(language_option)
    recommendation = recommend(language, MachineProfile.detect())
    selected = _selected(paths)
    print(
        f"  {'Model':<18} {'Size':>8}  {'Languages':<13} {'Status':<15} "
        f"{'Speed*':>7}  {'Licence':<10} Note"
    )
    for row in model_rows(paths, selected):
        info = find(row.name)
        assert info is not None  # the rows are the catalogue's
        status = (
            "embedded"
            if row.name == "base"
            else ("downloaded" if row.installed else "not downloaded")
        )
        mark = "*" if row.selected else " "
        recommended = "  <- recommended" if info == recommendation.model else ""
        print(
            f"{mark} {row.name:<18} {row.size_mb:>5} MB  {row.languages:<13} {status:<15} "
            f"{f'~{info.speed_x:g}x':>7}  {info.licence:<10} {row.note}{recommended}"
        )
    if find(selected) is None:
        print(f"* {selected}  (local model folder)")
    print(
        "\n* = used for new transcriptions.  Speed* = estimated times real "
        "time on 2 laptop cores (int8), not measured except for base."
    )
    _print_recommendation(recommendation, language)
    print("\n`minuta models download NAME` fetches a model; `minuta models use NAME|FOLDER`")
    print("selects one, including your own CTranslate2 folder.")


def _print_recommendation(recommendation: Recommendation, language: str | None) -> None:
    meeting = f"meetings in {language!r}" if language else "meetings (language detected)"
    name = recommendation.model.name
    print(f"\nRecommended for {meeting}: {name}")
    for reason in recommendation.reasons:
        print(f"  - {reason}")
    if language is None:
        print(
            "  Give the meeting language for a better choice, e.g. `minuta models --language sv`."
        )


def _download(name: str, paths: AppPaths, *, force: bool) -> None:
    from minuta.transcribe.download import download

    progress = DownloadProgress(name, sys.stderr)
    try:
        target = download(name, paths.models_dir, force=force, progress=progress.update)
    except KeyboardInterrupt:
        progress.close()
        # What arrived is kept: the next download continues from there.
        print(
            f"\nDownload stopped; what arrived is kept, and `minuta models download {name}` "
            "continues it.",
            file=sys.stderr,
        )
        raise SystemExit(130) from None
    finally:
        progress.close()
    print(f"{name} is ready in {target}. Select it with `minuta models use {name}`.")


def _use(spec: str, paths: AppPaths) -> None:
    from minuta.app.transcription import select_model

    store = open_store(paths)
    try:
        value = select_model(store, paths, spec)
    finally:
        store.close()
    print(f"New transcriptions will use {value}.")


class DownloadProgress:
    """``Downloading NAME  123.4 / 484.0 MB  25%``: redrawn on a terminal, else every 10%."""

    def __init__(self, name: str, stream: TextIO) -> None:
        self._name = name
        self._stream = stream
        self._tty = stream.isatty()
        self._last_draw = 0.0
        self._last_tenth = -1
        self._drawn = False

    def update(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        line = (
            f"Downloading {self._name}  {done / 1e6:,.1f} / {total / 1e6:,.1f} MB  "
            f"{fraction * 100:3.0f}%"
        )
        if self._tty:
            now = time.monotonic()
            if now - self._last_draw >= _REDRAW_S or done >= total:
                self._last_draw = now
                self._stream.write("\r" + line.ljust(72))
                self._stream.flush()
                self._drawn = True
            return
        tenth = int(fraction * 10)
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self._stream.write(line + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._tty and self._drawn:
            self._drawn = False  # once, however often it is called
            self._stream.write("\n")
            self._stream.flush()
