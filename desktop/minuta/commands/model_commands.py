"""``models``, ``models download NAME`` and ``models use NAME|FOLDER``."""

from __future__ import annotations

import argparse

from minuta.app.paths import AppPaths
from minuta.commands.support import open_store


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
        _download(args.name, paths)
    elif action == "use":
        _use(args.name_or_path, paths)
    else:
        _list(paths)


def _list(paths: AppPaths) -> None:
    from minuta.app.transcription import model_rows
    from minuta.transcribe.catalogue import find

    selected = _selected(paths)
    print(f"  {'Model':<18} {'Size':>8}  {'Languages':<13} {'Status':<15} Note")
    for row in model_rows(paths, selected):
        status = (
            "embedded"
            if row.name == "base"
            else ("downloaded" if row.installed else "not downloaded")
        )
        mark = "*" if row.selected else " "
        print(
            f"{mark} {row.name:<18} {row.size_mb:>5} MB  {row.languages:<13} {status:<15} "
            f"{row.note}"
        )
    if find(selected) is None:
        print(f"* {selected}  (local model folder)")
    print("\n* = used for new transcriptions. `minuta models download NAME` fetches a model;")
    print("`minuta models use NAME|FOLDER` selects one, including your own CTranslate2 folder.")


def _download(name: str, paths: AppPaths) -> None:
    from minuta.transcribe.download import download

    target = download(name, paths.models_dir)
    print(f"{name} is ready in {target}. Select it with `minuta models use {name}`.")


def _use(spec: str, paths: AppPaths) -> None:
    from minuta.app.transcription import select_model

    store = open_store(paths)
    try:
        value = select_model(store, paths, spec)
    finally:
        store.close()
    print(f"New transcriptions will use {value}.")
