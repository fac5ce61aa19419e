"""Choosing and loading the transcription model the user has selected."""

from __future__ import annotations

from dataclasses import dataclass

from minuta.app.paths import AppPaths
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.transcribe import catalogue
from minuta.transcribe.engine import WhisperEngine


def selected_model(store: Store | None) -> str:
    if store is None:
        return catalogue.EMBEDDED_MODEL
    return str(store.settings.get(Setting.TRANSCRIPTION_MODEL))


def engine_for(paths: AppPaths, spec: str) -> WhisperEngine:
    """An engine for ``spec`` (a catalogue name or a model folder); loads lazily."""
    return WhisperEngine(catalogue.resolve(spec, paths.models_dir))


def select_model(store: Store, paths: AppPaths, spec: str) -> str:
    """Make ``spec`` the default; it must be usable now (installed or a valid folder)."""
    resolved = catalogue.resolve(spec, paths.models_dir)
    value = str(resolved.path) if catalogue.looks_like_path(spec) else resolved.name
    store.settings.set(Setting.TRANSCRIPTION_MODEL, value)
    return value


@dataclass(frozen=True, slots=True)
class ModelRow:
    name: str
    size_mb: int
    languages: str
    installed: bool
    selected: bool
    note: str


def model_rows(paths: AppPaths, selected: str) -> list[ModelRow]:
    rows = []
    for info in catalogue.CATALOGUE:
        installed = info.embedded or catalogue.is_installed(paths.models_dir, info.name)
        rows.append(
            ModelRow(
                info.name,
                info.size_mb,
                info.languages,
                installed,
                catalogue.find(selected) == info,
                info.note,
            )
        )
    return rows
