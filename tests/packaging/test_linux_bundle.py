"""The Linux bundle from `make package`, unpacked fresh and run with no network.

The bundle must have been built from these very sources (its SOURCE-HASH);
`make test` builds it before the tests run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from tests.packaging.bundle import REPO, SPOKEN, artefact_path, run_offline, source_hash, unpack

from minuta.transcribe.embedded import EXPECTED_FILES
from minuta.ui.main_window import DEFAULT_SIZE

pytestmark = [pytest.mark.gui, pytest.mark.model]

# Where the bundle may write in a user's home: its own folders and the keyring's.
OWN_FOLDERS = (
    ".local/share/Minuta/",
    ".cache/Minuta/",
    ".config/Minuta/",
    ".local/share/keyrings/",
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = artefact_path()
    if not archive.is_file():
        pytest.fail(f"{archive.name} is missing: `make package` builds it (`make test` does)")
    folder = unpack(archive, tmp_path_factory.mktemp("unpacked"))
    built_from = (folder / "SOURCE-HASH").read_text().strip()
    if built_from != source_hash():
        pytest.fail(f"{archive.name} was built from other sources: run `make package` again")
    return folder


@pytest.fixture(scope="module")
def offline_run(bundle: Path, speech, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("offline")
    home = tmp_path_factory.mktemp("home")
    result = run_offline(bundle, speech(SPOKEN), home, out)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    report["screenshot"] = out / "window.png"
    return report


def test_the_bundle_runs_with_no_network_at_all(offline_run):
    assert offline_run["interfaces"] == ["lo"]
    assert offline_run["outside_connection"] == "ENETUNREACH"


def test_the_bundled_command_line_imports_and_transcribes_offline(offline_run):
    assert offline_run["init"]["rc"] == 0, offline_run["init"]["stderr"]
    imported = offline_run["import"]
    assert imported["rc"] == 0, imported["stderr"]
    assert "Imported meeting #1" in imported["stdout"]
    shown = offline_run["show"]
    assert shown["rc"] == 0, shown["stderr"]
    words = shown["stdout"].lower()
    assert "proposal" in words
    assert "friday" in words


def test_the_bundled_app_opens_its_window_and_quits_cleanly(offline_run):
    (start,) = offline_run["starts"]
    assert start["ready_s"] is not None, start["log"]
    assert "Traceback" not in start["log"]
    assert start["rc"] == 0, start["log"]
    image = QImage(str(offline_run["screenshot"]))
    assert not image.isNull()
    # The window alone, at the size a first start gives it (the screen is 1280x800).
    width, height = DEFAULT_SIZE
    assert abs(image.width() - width) <= 2 and abs(image.height() - height) <= 2, image.size()


def test_the_bundle_writes_only_in_its_own_folders(offline_run):
    strays = [f for f in offline_run["home_files"] if not f.startswith(OWN_FOLDERS)]
    assert strays == []
    assert any(f.startswith(".local/share/Minuta/audio/") for f in offline_run["home_files"])


def test_the_bundle_carries_the_model_and_the_licences(bundle: Path):
    model = bundle / "_internal" / "models" / "base"
    for name, (_sha256, size) in EXPECTED_FILES.items():
        assert (model / name).stat().st_size == size
    index = (bundle / "_internal" / "licenses" / "INDEX.txt").read_text()
    for component in ("PySide6", "faster-whisper", "ctranslate2", "sqlcipher3", "Python"):
        assert component in index
    assert (bundle / "_internal" / "licenses" / "pyinstaller").is_dir()
    # Nothing says where, on the build machine, it was built from.
    assert list(bundle.rglob("direct_url.json")) == []


def test_no_bundled_library_carries_debug_information(bundle: Path):
    """The build strips it (CTranslate2 alone carries 60 MB), from every library."""
    libraries = [
        p for p in (bundle / "_internal").rglob("*.so*") if p.is_file() and not p.is_symlink()
    ]
    assert len(libraries) > 100
    unstripped = [
        str(library.relative_to(bundle))
        for library in libraries
        if ".debug_info"
        in subprocess.run(
            ["readelf", "-S", str(library)], capture_output=True, text=True, check=False
        ).stdout
    ]
    assert unstripped == []


def test_install_adds_a_valid_menu_entry_for_the_bundle(bundle: Path, tmp_path: Path):
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    entry = tmp_path / ".local" / "share" / "applications" / "minuta.desktop"
    validation = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert validation.returncode == 0, validation.stdout + validation.stderr
    assert f'Exec="{bundle}/minuta-app"' in entry.read_text()
    assert (tmp_path / ".local/share/icons/hicolor/scalable/apps/minuta.svg").is_file()
    assert (tmp_path / ".local" / "bin" / "minuta").resolve() == (bundle / "minuta").resolve()

    subprocess.run(["sh", str(bundle / "uninstall.sh")], env=env, check=True, capture_output=True)
    assert not entry.exists()
    assert not (tmp_path / ".local" / "bin" / "minuta").exists()


def test_the_desktop_entry_in_the_sources_is_valid():
    assert shutil.which("desktop-file-validate"), "make test installs desktop-file-utils"
    result = subprocess.run(
        ["desktop-file-validate", str(REPO / "packaging" / "linux" / "minuta.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
