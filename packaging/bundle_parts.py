"""What a frozen build carries besides code: the ready model and the licence texts.

Used by ``packaging/pyinstaller/minuta.spec`` on every platform, in the build's
virtual environment (where Minuta and its dependencies are installed).
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

_LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def version() -> str:
    return metadata.version("minuta")


def windows_version_file(target: Path, text: str) -> Path:
    """The version resource Windows shows in the file's Properties and in Task Manager."""
    numbers = [int(part) for part in re.findall(r"\d+", text)[:4]]
    numbers += [0] * (4 - len(numbers))
    four = tuple(numbers)
    target.parent.mkdir(parents=True, exist_ok=True)
    strings = {
        "CompanyName": "Minuta",
        "FileDescription": "Minuta meeting notes",
        "FileVersion": text,
        "InternalName": "Minuta",
        "OriginalFilename": "Minuta.exe",
        "ProductName": "Minuta",
        "ProductVersion": text,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return target


def assemble_model(models_dir: Path) -> Path:
    """The embedded ``base`` model, joined and verified against its SHA-256."""
    from minuta.transcribe.embedded import embedded_model_dir

    return embedded_model_dir(models_dir)


def runtime_closure() -> list[metadata.Distribution]:
    """Minuta and every distribution it needs on this platform, extras left out."""
    from minuta.app.licences import normalise, runtime_distributions

    found = []
    for name in sorted({normalise("minuta"), *runtime_distributions()}):
        try:
            found.append(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            continue  # not installed on this platform: nothing of it to bundle
    return found


def _licence_files(distribution: metadata.Distribution) -> list[Path]:
    found = []
    for entry in distribution.files or []:
        parts = entry.parts
        in_metadata = parts[0].endswith((".dist-info", ".egg-info"))
        # Licence files in the metadata folder, and those a wheel ships in its
        # package for bundled C libraries (FFmpeg in av, OpenBLAS in numpy...).
        if _LICENCE_NAME.search(entry.name) and (in_metadata or len(parts) <= 3):
            path = Path(str(distribution.locate_file(entry)))
            if path.is_file() and path.suffix not in {".py", ".pyc"}:
                found.append(path)
    return found


def collect_licences(target: Path) -> Path:
    """One folder per bundled distribution with its licence texts, plus Python's."""
    from minuta.app.licences import normalise

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    index = ["Licences of the components in this Minuta bundle", ""]
    for distribution in [*runtime_closure(), *_tools()]:
        name = distribution.metadata["Name"]
        folder = target / normalise(name)
        folder.mkdir(exist_ok=True)
        files = _licence_files(distribution)
        for path in files:
            shutil.copyfile(path, folder / _unique(folder, path.name))
        declared = (
            distribution.metadata.get("License-Expression")
            or _short(distribution.metadata.get("License"))
            or ", ".join(
                c.split("::")[-1].strip()
                for c in distribution.metadata.get_all("Classifier") or []
                if c.startswith("License ::")
            )
            or "see the files in this folder"
        )
        index.append(f"{name} {distribution.version}: {declared}")
        if not files:
            home = distribution.metadata.get("Home-page") or ""
            (folder / "LICENSE-declared.txt").write_text(
                f"{name} {distribution.version}\nLicence: {declared}\n{home}\n", encoding="utf-8"
            )
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        (target / "python").mkdir(exist_ok=True)
        shutil.copyfile(python_licence, target / "python" / "LICENSE.txt")
        index.append(f"Python {sys.version.split()[0]}: PSF-2.0")
    (target / "INDEX.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return target


def _tools() -> list[metadata.Distribution]:
    # PyInstaller's bootloader starts the bundle: GPL with an exception for bundles.
    return [metadata.distribution("pyinstaller")]


def _short(text: str | None) -> str:
    if not text:
        return ""
    first = text.strip().splitlines()[0]
    return first if len(first) <= 80 else ""


def _unique(folder: Path, name: str) -> str:
    candidate, count = name, 1
    while (folder / candidate).exists():
        count += 1
        candidate = f"{count}-{name}"
    return candidate
