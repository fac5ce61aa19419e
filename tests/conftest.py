"""Test-suite harness: real keyring, real model, real speech, isolated folders.

* A private D-Bus session bus from ``dbus-run-session`` with gnome-keyring's
  Secret Service on it, in temporary XDG folders: the tests use the real
  keyring stack (keyring -> secretstorage -> D-Bus -> gnome-keyring) and never
  touch the developer's own keyring.
* HOME and the XDG folders point into a temporary directory for the session.
* The embedded Whisper model is assembled once per session into a shared cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent

# Real CRM servers (BottleCRM), for the CRM, command-line and UI tests alike.
pytest_plugins = ["tests.crm.fixtures"]


def _start_secret_service(root: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    from tests.harness.secret_service import SecretServiceError, start_secret_service

    try:
        return start_secret_service(root)
    except SecretServiceError as exc:
        pytest.exit(str(exc), returncode=3)


@pytest.fixture(scope="session", autouse=True)
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    root = tmp_path_factory.mktemp("session")
    process, env_updates = _start_secret_service(root)
    saved = {key: os.environ.get(key) for key in env_updates}
    os.environ.update(env_updates)
    try:
        yield env_updates
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def pulse_server(tmp_path_factory: pytest.TempPathFactory, secret_service):
    """A private PulseAudio server; PULSE_SERVER points at it for the whole session."""
    from tests.harness.pulse import start_pulse

    if shutil.which("pulseaudio") is None:
        pytest.exit("pulseaudio is missing: run `make test`, which installs it", returncode=3)
    server = start_pulse(tmp_path_factory.mktemp("pulse"), dict(os.environ))
    saved = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = server.address
    try:
        yield server
    finally:
        server.stop()
        if saved is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = saved


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model cache shared by the session (the base model is assembled once)."""
    return tmp_path_factory.mktemp("model-cache") / "models"


@pytest.fixture
def app_paths(tmp_path: Path, models_dir: Path):
    from minuta.app.paths import AppPaths

    return AppPaths(data_dir=tmp_path / "data", cache_dir=models_dir.parent)


@pytest.fixture(scope="session")
def base_model(models_dir: Path):
    from minuta.transcribe.catalogue import resolve

    return resolve("base", models_dir)


@pytest.fixture(scope="session")
def engine(base_model):
    from minuta.transcribe.engine import WhisperEngine

    whisper = WhisperEngine(base_model, device="cpu")
    whisper.load()
    return whisper


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory):
    """Makes WAV files of synthetic speech with espeak-ng: ``speech(text, voice)``."""
    folder = tmp_path_factory.mktemp("speech")
    made: dict[tuple[str, str], Path] = {}

    def make(text: str, voice: str = "en-us", name: str | None = None) -> Path:
        if (text, voice) not in made:
            path = folder / (name or f"speech-{len(made)}.wav")
            subprocess.run(
                ["espeak-ng", "-v", voice, "-s", "150", "-w", str(path), text], check=True
            )
            made[(text, voice)] = path
        return made[(text, voice)]

    if shutil.which("espeak-ng") is None:
        pytest.exit("espeak-ng is missing: run `make test`, which installs it", returncode=3)
    return make
