"""A GGUF model run inside Minuta with llama-cpp-python: no server at all (optional).

``pip install minuta[llama]`` brings the package; without it, constructing
:class:`LlamaCppBackend` raises BackendUnavailable and nothing else changes.
The model is loaded on the first :meth:`~LlamaCppBackend.chat` (seconds to a
minute), on the caller's thread. The answer is streamed token by token so that
cancelling and the time limit take effect between tokens; reading the prompt
itself cannot be interrupted (a long prompt on a slow CPU can take a while).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from minuta.summarize.backend import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    Cancelled,
    CancelToken,
    Message,
)
from minuta.summarize.llm._http import AnswerTruncated, plain_json
from minuta.summarize.llm.sizing import check_fits

log = logging.getLogger(__name__)

DEFAULT_CONTEXT_TOKENS = 8192
INSTALL_HINT = "Summaries with a built-in model need an extra part: install minuta[llama]."


def _import_llama_cpp() -> ModuleType:
    try:
        return importlib.import_module("llama_cpp")
    except ImportError:
        raise BackendUnavailable(INSTALL_HINT) from None


class LlamaCppBackend:
    """A ChatBackend on a local GGUF file, through ``llama_cpp.Llama``."""

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        *,
        context_tokens: int = DEFAULT_CONTEXT_TOKENS,
        gpu_layers: int = 0,
    ) -> None:
        """BackendUnavailable when llama-cpp-python is not installed or the file is missing."""
        self._module = _import_llama_cpp()
        self._path = Path(model_path)
        if not self._path.is_file():
            raise BackendUnavailable(f"There is no model file at {self._path}.")
        if context_tokens < 1024:
            raise ValueError("the context must be at least 1024 tokens")
        self._context_tokens = context_tokens
        self._gpu_layers = gpu_layers
        self._llama: Any = None
        # llama.cpp's context is not safe to use from two threads at once.
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return "llama-cpp"

    @property
    def model(self) -> str:
        return self._path.name

    @property
    def context_tokens(self) -> int:
        return self._context_tokens

    def _loaded(self) -> Any:
        if self._llama is None:
            started = time.monotonic()
            try:
                self._llama = self._module.Llama(
                    model_path=str(self._path),
                    n_ctx=self._context_tokens,
                    n_gpu_layers=self._gpu_layers,
                    verbose=False,
                )
            except (ValueError, OSError, RuntimeError) as exc:
                log.warning("loading the model failed (%s)", type(exc).__name__)
                raise BackendUnavailable(
                    f"The model file {self._path.name} could not be loaded."
                ) from None
            log.info("model loaded in %.1f s", time.monotonic() - started)
        return self._llama

    def close(self) -> None:
        """Free the model's memory (it loads again on the next chat)."""
        with self._lock:
            llama, self._llama = self._llama, None
        if llama is not None and hasattr(llama, "close"):
            llama.close()

    def chat(
        self,
        messages: list[Message],
        schema: Mapping[str, Any] | None,
        *,
        timeout_s: float,
        cancel: CancelToken,
    ) -> str:
        """The model's text; AnswerTruncated when it stopped at the length limit."""
        cancel.raise_if_cancelled()
        check_fits(messages, self._context_tokens)
        kwargs: dict[str, Any] = {
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": 0.0,
            "stream": True,
        }
        if schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": plain_json(schema)}
        with self._lock:
            llama = self._loaded()
            cancel.raise_if_cancelled()
            deadline = time.monotonic() + timeout_s
            try:
                chunks: Iterator[Any] = iter(llama.create_chat_completion(**kwargs))
                parts, finish = self._collect(chunks, deadline, timeout_s, cancel)
            except (Cancelled, BackendError):
                raise
            except (ValueError, RuntimeError, KeyError, TypeError) as exc:
                log.warning("the model failed (%s)", type(exc).__name__)
                raise BackendError(f"The model could not answer ({type(exc).__name__}).") from None
        if finish == "length":
            raise AnswerTruncated(
                "The model's answer was cut off at its length limit. Try a larger context."
            )
        return "".join(parts)

    @staticmethod
    def _collect(
        chunks: Iterator[Any], deadline: float, timeout_s: float, cancel: CancelToken
    ) -> tuple[list[str], str | None]:
        parts: list[str] = []
        finish: str | None = None
        try:
            for chunk in chunks:
                if cancel.cancelled:
                    raise Cancelled()
                if time.monotonic() > deadline:
                    raise BackendTimeout(
                        f"The model did not answer within {timeout_s:.0f} seconds."
                    )
                choice = chunk["choices"][0]
                text = (choice.get("delta") or {}).get("content")
                if isinstance(text, str):
                    parts.append(text)
                finish = choice.get("finish_reason") or finish
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # stops generation when we leave early
        return parts, finish
