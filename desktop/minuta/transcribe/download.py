"""Downloading a named model: only ever as an explicit user action.

Files come from the model's Hugging Face repository into a staging folder in
the model cache, with a progress bar, and are moved under the model's name once
complete. Hub telemetry and implicit tokens are switched off.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from minuta.transcribe.catalogue import (
    COMPLETE_MARKER,
    ModelError,
    check_model_dir,
    find,
    installed_dir,
    is_installed,
)

# The files faster-whisper itself fetches for a model.
ALLOW_PATTERNS = [
    "config.json",
    "preprocessor_config.json",
    "model.bin",
    "tokenizer.json",
    "vocabulary.*",
]


class OfflineError(ModelError):
    pass


def _is_connection_problem(exc: BaseException) -> bool:
    names = {type(e).__name__ for e in _chain(exc)}
    connection_names = {
        "ConnectError",
        "ConnectTimeout",
        "ConnectionError",
        "LocalEntryNotFoundError",
        "OfflineModeIsEnabled",
        "ReadTimeout",
        "TimeoutException",
        "gaierror",
        "ConnectionRefusedError",
    }
    return bool(names & connection_names)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def download(name: str, models_dir: Path, *, show_progress: bool = True) -> Path:
    info = find(name)
    if info is None:
        raise ModelError(f"There is no model called {name!r}; `minuta models` lists them.")
    if info.embedded:
        from minuta.transcribe.embedded import embedded_model_dir

        return embedded_model_dir(models_dir)
    if is_installed(models_dir, info.name):
        return installed_dir(models_dir, info.name)

    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_IMPLICIT_TOKEN", "1")
    if not show_progress:
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from huggingface_hub import snapshot_download

    models_dir.mkdir(parents=True, exist_ok=True)
    staging = models_dir / f".{info.name}.download"
    try:
        snapshot_download(
            info.repo_id,
            local_dir=staging,
            allow_patterns=ALLOW_PATTERNS,
        )
    except Exception as exc:  # the hub client raises many types; all are explained
        if _is_connection_problem(exc):
            raise OfflineError(
                f"Could not download {info.name!r}: the model server could not be reached. "
                "Check your network connection and try again. Until then the embedded "
                "'base' model keeps working offline."
            ) from exc
        raise ModelError(f"Downloading {info.name!r} failed: {exc}") from exc
    # The partial staging folder is kept on failure, so a retry resumes.
    check_model_dir(staging)
    shutil.rmtree(staging / ".cache", ignore_errors=True)
    (staging / COMPLETE_MARKER).write_text("downloaded\n")
    target = installed_dir(models_dir, info.name)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target
