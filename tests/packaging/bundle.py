"""The Linux bundle that `make package` builds: where it is, and is it current."""

from __future__ import annotations

import hashlib
import platform
import tarfile
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("desktop", "assets", "packaging", "pyproject.toml")


def artefact_path() -> Path:
    version = metadata.version("minuta")
    return REPO / "dist" / f"minuta-{version}-linux-{platform.machine()}.tar.gz"


def source_hash(root: Path = REPO) -> str:
    """The sum packaging/linux/source-hash.sh writes into the bundle, computed here."""
    files: list[str] = []
    for name in SOURCES:
        path = root / name
        if path.is_file():
            files.append(name)
            continue
        for file in path.rglob("*"):
            relative = file.relative_to(root)
            if file.is_file() and "__pycache__" not in relative.parts and file.suffix != ".pyc":
                files.append(relative.as_posix())
    lines = []
    for name in sorted(files, key=lambda n: n.encode()):
        digest = hashlib.sha256((root / name).read_bytes()).hexdigest()
        lines.append(f"{digest}  {name}\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def unpack(archive: Path, destination: Path) -> Path:
    """Unpack into ``destination``; the bundle's own folder inside it."""
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")
    (folder,) = destination.iterdir()
    return folder
