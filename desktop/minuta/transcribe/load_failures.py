"""Turning a model that fails to load into a message that says what to do.

Damaged files (a truncated ``model.bin``, a broken ``config.json`` or
tokenizer) make CTranslate2 and the tokenizer raise plain ``RuntimeError`` or
``Exception`` with technical text. The user gets a :class:`ModelError` that
names the model and the fix instead. The embedded model's copy is Minuta's own
cache, so it is rebuilt from the installation and loaded again; a downloaded
model or a user's folder is never changed here: only an explicit re-download
(``minuta models download NAME --force``) replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from minuta.transcribe.catalogue import ModelError, ResolvedModel

T = TypeVar("T")

# Failures of the device, not of the files: the files may be fine.
_DEVICE_WORDS = ("cuda", "cublas", "cudnn", "out of memory", "gpu", "device")


def open_checked(model: ResolvedModel, open_model: Callable[[], T]) -> T:
    """``open_model()``, explaining a failure caused by damaged model files."""
    try:
        return open_model()
    except Exception as exc:  # damaged files surface as many types
        if not _looks_damaged(exc):
            raise
        if not model.embedded:
            raise damaged_model_error(model, exc) from exc
        first_failure = exc
    from minuta.transcribe.download import reassemble_embedded

    reassemble_embedded(model.path.parent)
    try:
        return open_model()
    except Exception as exc:  # as above, after rebuilding the cache
        if not _looks_damaged(exc):
            raise
        raise damaged_model_error(model, exc) from first_failure


def _looks_damaged(exc: Exception) -> bool:
    if isinstance(exc, MemoryError | ModelError):
        return False
    text = str(exc).lower()
    return not any(word in text for word in _DEVICE_WORDS)


def damaged_model_error(model: ResolvedModel, exc: BaseException) -> ModelError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if model.embedded:
        fix = (
            "Minuta rebuilt it from the installation and it still fails, so the installation "
            "itself is damaged: reinstall Minuta."
        )
    elif model.downloaded:
        fix = (
            f"Download it again with `minuta models download {model.name} --force`; the "
            "damaged copy is replaced once the new one is complete."
        )
    else:
        fix = (
            "Minuta does not change your folder: convert or copy the model into it again, "
            "or pick another model with `minuta models use NAME`."
        )
    return ModelError(
        f"The model {model.name!r} in {model.path} could not be loaded: its files are "
        f"damaged ({reason}). {fix}"
    )
