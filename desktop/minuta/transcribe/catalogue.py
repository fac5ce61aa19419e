"""Which Whisper models Minuta knows, and where each one is on this machine.

The embedded ``base`` model ships inside Minuta (see :mod:`.embedded`) and
works offline from the first start. The standard faster-whisper models are
downloaded only when the user asks (``minuta models download NAME``). Any local
CTranslate2 Whisper folder can be used by its path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

COMPLETE_MARKER = ".minuta-complete"
EMBEDDED_MODEL = "base"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    repo_id: str
    size_mb: int
    languages: str  # "multilingual" or "English"
    note: str = ""

    @property
    def embedded(self) -> bool:
        return self.name == EMBEDDED_MODEL


# Repository ids as faster-whisper resolves them (faster_whisper.utils._MODELS).
CATALOGUE: tuple[ModelInfo, ...] = (
    ModelInfo("tiny", "Systran/faster-whisper-tiny", 75, "multilingual", "fastest, least accurate"),
    ModelInfo("tiny.en", "Systran/faster-whisper-tiny.en", 75, "English"),
    ModelInfo(
        "base", "Systran/faster-whisper-base", 145, "multilingual", "embedded default, offline"
    ),
    ModelInfo("base.en", "Systran/faster-whisper-base.en", 145, "English"),
    ModelInfo("small", "Systran/faster-whisper-small", 484, "multilingual", "good on laptops"),
    ModelInfo("small.en", "Systran/faster-whisper-small.en", 484, "English"),
    ModelInfo("medium", "Systran/faster-whisper-medium", 1530, "multilingual"),
    ModelInfo("medium.en", "Systran/faster-whisper-medium.en", 1530, "English"),
    ModelInfo("large-v1", "Systran/faster-whisper-large-v1", 3090, "multilingual"),
    ModelInfo("large-v2", "Systran/faster-whisper-large-v2", 3090, "multilingual"),
    ModelInfo("large-v3", "Systran/faster-whisper-large-v3", 3090, "multilingual", "most accurate"),
    ModelInfo(
        "large-v3-turbo",
        "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
        1620,
        "multilingual",
        "near large-v3 accuracy, much faster",
    ),
    ModelInfo(
        "distil-large-v3",
        "Systran/faster-distil-whisper-large-v3",
        1510,
        "English",
        "distilled for English",
    ),
    ModelInfo(
        "distil-large-v3.5",
        "distil-whisper/distil-large-v3.5-ct2",
        1510,
        "English",
        "distilled for English",
    ),
    ModelInfo("distil-medium.en", "Systran/faster-distil-whisper-medium.en", 790, "English"),
    ModelInfo("distil-small.en", "Systran/faster-distil-whisper-small.en", 330, "English"),
)

_BY_NAME = {info.name: info for info in CATALOGUE}
ALIASES = {"large": "large-v3", "turbo": "large-v3-turbo"}


class ModelError(Exception):
    """A model cannot be used; ``str()`` says why and what to do."""


def find(name: str) -> ModelInfo | None:
    return _BY_NAME.get(ALIASES.get(name, name))


def installed_dir(models_dir: Path, name: str) -> Path:
    return models_dir / name


def is_installed(models_dir: Path, name: str) -> bool:
    return (installed_dir(models_dir, name) / COMPLETE_MARKER).exists()


def looks_like_path(spec: str) -> bool:
    return os.sep in spec or spec.startswith((".", "~")) or (os.altsep or "\0") in spec


def check_model_dir(path: Path) -> Path:
    """``path`` if it is a CTranslate2 Whisper model folder; a clear error if not."""
    path = path.expanduser()
    if not path.is_dir():
        raise ModelError(f"{path} is not a folder. Give the folder of a CTranslate2 Whisper model.")
    missing = [name for name in ("model.bin", "config.json") if not (path / name).is_file()]
    has_vocabulary = (path / "tokenizer.json").is_file() or any(path.glob("vocabulary.*"))
    if not has_vocabulary:
        missing.append("tokenizer.json or vocabulary.*")
    if missing:
        raise ModelError(
            f"{path} is not a CTranslate2 Whisper model folder (missing {', '.join(missing)}). "
            "Convert a Whisper model with ct2-transformers-converter, or pick a model from "
            "`minuta models`."
        )
    return path


@dataclass(frozen=True, slots=True)
class ResolvedModel:
    name: str
    path: Path
    embedded: bool


def resolve(spec: str, models_dir: Path) -> ResolvedModel:
    """Where the model ``spec`` (a catalogue name or a folder) is on this machine.

    The embedded model is assembled on first use. A catalogue model that was
    never downloaded is an error that says how to download it; nothing is
    fetched here.
    """
    if looks_like_path(spec) or (Path(spec).is_dir() and find(spec) is None):
        path = check_model_dir(Path(spec)).resolve()
        return ResolvedModel(path.name, path, embedded=False)
    info = find(spec)
    if info is None:
        names = ", ".join(i.name for i in CATALOGUE)
        raise ModelError(f"There is no model called {spec!r}. Known models: {names}.")
    if info.embedded:
        from minuta.transcribe.embedded import embedded_model_dir

        return ResolvedModel(info.name, embedded_model_dir(models_dir), embedded=True)
    if not is_installed(models_dir, info.name):
        raise ModelError(
            f"The model {info.name!r} ({info.size_mb} MB) is not on this computer yet. "
            f"Download it with `minuta models download {info.name}`, or use the embedded "
            "'base' model."
        )
    return ResolvedModel(info.name, installed_dir(models_dir, info.name), embedded=False)
