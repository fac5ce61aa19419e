"""Which Whisper models Minuta knows, and where each one is on this machine.

The embedded ``base`` model ships inside Minuta (see :mod:`.embedded`) and
works offline from the first start. Every other model in the catalogue is
downloaded only when the user asks (``minuta models download NAME``, see
:mod:`.download`). Any local CTranslate2 Whisper folder can be used by its path.

Besides the standard faster-whisper sizes the catalogue carries models trained
for the Nordic languages by national libraries, in CTranslate2 form:
KB-Whisper (National Library of Sweden, KBLab) for Swedish and NB-Whisper
(National Library of Norway, AI Lab) for Norwegian.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

COMPLETE_MARKER = ".minuta-complete"
EMBEDDED_MODEL = "base"
MIT = "MIT"
APACHE = "Apache-2.0"


class Family(Enum):
    STANDARD = "standard"  # OpenAI Whisper weights, as faster-whisper names them
    SWEDISH = "swedish"  # KB-Whisper
    NORWEGIAN = "norwegian"  # NB-Whisper


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    repo_id: str
    size_mb: int  # download size
    languages: str  # for people: "multilingual", "English", "Swedish", ...
    note: str = ""
    licence: str = MIT
    # Estimated speed on two laptop cores with int8, as a real-time factor
    # (audio seconds per wall-clock second). Anchored on the measured embedded
    # base model (about 20x, bench/results/transcribe.json) and scaled by model
    # size; an estimate, not a measurement, for every other model.
    speed_x: float = 1.0
    ram_mb: int = 1000  # estimated peak memory while transcribing on the CPU, int8
    family: Family = Family.STANDARD
    # A commit hash where one was verified; "main" otherwise (the download then
    # pins every file to the commit "main" points at when it starts).
    revision: str = "main"
    # Where the CTranslate2 files are in the repository ("" = its root).
    subfolder: str = ""

    @property
    def embedded(self) -> bool:
        return self.name == EMBEDDED_MODEL

    @property
    def language_codes(self) -> frozenset[str] | None:
        """The Whisper codes this model is for; None when it is multilingual."""
        return _FAMILY_LANGUAGES.get(self.family) or (
            frozenset({"en"}) if self.languages == "English" else None
        )


_FAMILY_LANGUAGES = {
    Family.SWEDISH: frozenset({"sv"}),
    Family.NORWEGIAN: frozenset({"no", "nn"}),
}


def _standard(
    name: str, repo_id: str, size_mb: int, languages: str, *, speed: float, ram: int, note: str = ""
) -> ModelInfo:
    return ModelInfo(name, repo_id, size_mb, languages, note, MIT, speed, ram)


_SYSTRAN = "Systran/faster-whisper"
_MULTI = "multilingual"

# Standard models: repository ids as faster-whisper resolves them
# (faster_whisper.utils._MODELS), all converted from OpenAI's MIT-licensed weights.
_STANDARD: tuple[ModelInfo, ...] = (
    _standard("tiny", f"{_SYSTRAN}-tiny", 75, _MULTI, speed=35, ram=600, note="fastest"),
    _standard("tiny.en", f"{_SYSTRAN}-tiny.en", 75, "English", speed=35, ram=600),
    _standard("base", f"{_SYSTRAN}-base", 145, _MULTI, speed=20, ram=900, note="embedded, offline"),
    _standard("base.en", f"{_SYSTRAN}-base.en", 145, "English", speed=20, ram=900),
    _standard("small", f"{_SYSTRAN}-small", 484, _MULTI, speed=7, ram=1600, note="good on laptops"),
    _standard("small.en", f"{_SYSTRAN}-small.en", 484, "English", speed=7, ram=1600),
    _standard("medium", f"{_SYSTRAN}-medium", 1530, _MULTI, speed=2.5, ram=3500),
    _standard("medium.en", f"{_SYSTRAN}-medium.en", 1530, "English", speed=2.5, ram=3500),
    _standard("large-v1", f"{_SYSTRAN}-large-v1", 3090, _MULTI, speed=1.2, ram=6000),
    _standard("large-v2", f"{_SYSTRAN}-large-v2", 3090, _MULTI, speed=1.2, ram=6000),
    _standard(
        "large-v3", f"{_SYSTRAN}-large-v3", 3090, _MULTI, speed=1.2, ram=6000, note="most accurate"
    ),
    _standard(
        "large-v3-turbo",
        "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
        1620,
        _MULTI,
        speed=2.5,
        ram=3500,
        note="near large-v3 accuracy, faster",
    ),
    _standard(
        "distil-large-v3",
        "Systran/faster-distil-whisper-large-v3",
        1510,
        "English",
        speed=2.5,
        ram=3500,
        note="distilled for English",
    ),
    _standard(
        "distil-large-v3.5",
        "distil-whisper/distil-large-v3.5-ct2",
        1510,
        "English",
        speed=2.5,
        ram=3500,
        note="distilled for English",
    ),
    _standard(
        "distil-medium.en",
        "Systran/faster-distil-whisper-medium.en",
        790,
        "English",
        speed=4,
        ram=2200,
    ),
    _standard(
        "distil-small.en",
        "Systran/faster-distil-whisper-small.en",
        330,
        "English",
        speed=10,
        ram=1200,
    ),
)

# KB-Whisper (KBLab, National Library of Sweden; Apache-2.0): Whisper fine-tuned
# on 50,000 hours of Swedish. Each repository keeps float16 CTranslate2 files
# (model.bin, config.json, vocabulary, tokenizer.json) at its root, next to the
# transformers, GGML and ONNX weights, which are not fetched. Sizes are those
# of model.bin on the hub. kb-whisper-large is pinned to a commit whose tree
# was checked to hold model.bin (3.09 GB) at the root; for the smaller sizes
# no full commit hash could be verified, so they follow "main".
_SWEDISH: tuple[ModelInfo, ...] = tuple(
    ModelInfo(
        f"kb-whisper-{size}",
        f"KBLab/kb-whisper-{size}",
        size_mb,
        "Swedish",
        note,
        APACHE,
        speed_x,
        ram_mb,
        Family.SWEDISH,
        revision,
    )
    for size, size_mb, speed_x, ram_mb, revision, note in (
        ("tiny", 76, 35, 600, "main", ""),
        ("base", 145, 20, 900, "main", ""),
        ("small", 484, 7, 1600, "main", "beats large-v3 on Swedish"),
        ("medium", 1530, 2.5, 3500, "main", ""),
        ("large", 3090, 1.2, 6000, "86d21ea19d64f258c4cc7ccca85c017ba42fa76b", "best Swedish"),
    )
)

# NB-Whisper (AI Lab, National Library of Norway; Apache-2.0): Whisper
# fine-tuned for Norwegian Bokmål and Nynorsk. The CTranslate2 files
# (config.json, model.bin, vocabulary.json; float32, hence the size) are in the
# repository's ct2/ folder; tokenizer.json and preprocessor_config.json sit at
# the root and are fetched from there, so the model loads without network.
# base and large are pinned to commits whose ct2/ folder was checked; small
# follows "main" (its ct2/ folder was seen there, but no full commit hash).
_NORWEGIAN: tuple[ModelInfo, ...] = tuple(
    ModelInfo(
        f"nb-whisper-{size}",
        f"NbAiLab/nb-whisper-{size}",
        size_mb,
        "Norwegian",
        note,
        APACHE,
        speed_x,
        ram_mb,
        Family.NORWEGIAN,
        revision,
        "ct2",
    )
    for size, size_mb, speed_x, ram_mb, revision, note in (
        ("base", 290, 20, 1000, "f18ce91c693531e5e73a35abc74e551e8ad42fac", ""),
        ("small", 967, 7, 2000, "main", ""),
        ("large", 6170, 1.2, 7500, "78cb1b6fd47d697cdd7f3106d64138a0009c5b76", "best Norwegian"),
    )
)

CATALOGUE: tuple[ModelInfo, ...] = _STANDARD + _SWEDISH + _NORWEGIAN

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
    downloaded: bool = False  # a catalogue model in the model cache, not a user's folder


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
    return ResolvedModel(
        info.name, installed_dir(models_dir, info.name), embedded=False, downloaded=True
    )
