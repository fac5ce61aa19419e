"""Ollama's native chat API (``POST /api/chat``), with JSON-Schema-constrained answers.

Ollama takes the schema itself as ``format`` and constrains sampling to it. The
context (``options.num_ctx``) is sized to each prompt: Ollama's default is small
and it silently drops the start of a prompt that does not fit, which would lose
the beginning of the meeting.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from minuta.summarize.backend import (
    BackendError,
    BackendUnavailable,
    CancelToken,
    Message,
)
from minuta.summarize.llm._http import AnswerTruncated, error_text, plain_json, request
from minuta.summarize.llm.loopback import require_loopback
from minuta.summarize.llm.sizing import context_for
from minuta.summarize.prompt import ANSWER_TOKENS

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "http://127.0.0.1:11434"
# Used when the model's own context length is unknown: most current models take more.
DEFAULT_CONTEXT_TOKENS = 8192
SERVER = "Ollama"


def list_models(
    base_url: str = DEFAULT_BASE_URL, *, timeout_s: float = 2.0, cancel: CancelToken | None = None
) -> list[str]:
    """The names of the models Ollama has (``GET /api/tags``), as it lists them."""
    base = require_loopback(base_url)
    reply = request("GET", f"{base}/api/tags", server=SERVER, timeout_s=timeout_s, cancel=cancel)
    if reply.status != 200 or not isinstance(reply.data, Mapping):
        raise BackendUnavailable(f"There is no Ollama at {base} (HTTP {reply.status}).")
    return models_from_tags(reply.data)


def models_from_tags(data: Mapping[str, Any]) -> list[str]:
    models = data.get("models")
    names: list[str] = []
    for entry in models if isinstance(models, list) else []:
        if isinstance(entry, Mapping):
            name = entry.get("name") or entry.get("model")
            if isinstance(name, str) and name:
                names.append(name)
    return names


def context_length(
    base_url: str, model: str, *, timeout_s: float = 5.0, cancel: CancelToken | None = None
) -> int | None:
    """The model's trained context length from ``POST /api/show``; None when not given.

    BackendUnavailable when Ollama has no such model.
    """
    base = require_loopback(base_url)
    reply = request(
        "POST",
        f"{base}/api/show",
        server=SERVER,
        timeout_s=timeout_s,
        cancel=cancel,
        body={"model": model},
    )
    if reply.status == 404:
        raise _no_model(model)
    if reply.status != 200 or not isinstance(reply.data, Mapping):
        return None
    info = reply.data.get("model_info")
    if not isinstance(info, Mapping):
        return None
    for key, value in info.items():
        if str(key).endswith(".context_length") and isinstance(value, int) and value > 0:
            return value
    return None


def _no_model(model: str) -> BackendUnavailable:
    return BackendUnavailable(
        f"Ollama has no model called “{model}”. Download it with “ollama pull {model}”, "
        "or choose another model."
    )


class OllamaBackend:
    """A model served by Ollama on this computer (a ChatBackend)."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        model: str,
        context_tokens: int = DEFAULT_CONTEXT_TOKENS,
        answer_tokens: int = ANSWER_TOKENS,
    ) -> None:
        """ValueError when ``base_url`` is not on this computer or the numbers make no sense."""
        self._base = require_loopback(base_url)
        if not model:
            raise ValueError("an Ollama model name is needed")
        if context_tokens < 1024 or answer_tokens < 1:
            raise ValueError("the context must be at least 1024 tokens")
        self._model = model
        self._context_tokens = context_tokens
        self._answer_tokens = answer_tokens

    @property
    def name(self) -> str:
        return "ollama"

    @property
    def model(self) -> str:
        return self._model

    @property
    def context_tokens(self) -> int:
        return self._context_tokens

    @property
    def base_url(self) -> str:
        return self._base

    def request_body(
        self, messages: list[Message], schema: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """The JSON body of ``POST /api/chat`` (PromptTooLong when it cannot fit)."""
        num_ctx = context_for(messages, self._context_tokens, answer_tokens=self._answer_tokens)
        body: dict[str, Any] = {
            "model": self._model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": False,
            "options": {"num_ctx": num_ctx, "temperature": 0},
        }
        if schema is not None:
            body["format"] = plain_json(schema)
        return body

    def chat(
        self,
        messages: list[Message],
        schema: Mapping[str, Any] | None,
        *,
        timeout_s: float,
        cancel: CancelToken,
    ) -> str:
        """The assistant's text; see :meth:`ChatBackend.chat`.

        Also raises AnswerTruncated when the model hit its length limit
        (``done_reason == "length"``) and PromptTooLong when the prompt cannot fit.
        """
        cancel.raise_if_cancelled()
        body = self.request_body(messages, schema)
        reply = request(
            "POST",
            f"{self._base}/api/chat",
            server=SERVER,
            timeout_s=timeout_s,
            cancel=cancel,
            body=body,
        )
        data = reply.data
        if reply.status == 404:
            if error_text(data):
                raise _no_model(self._model)
            raise BackendUnavailable(f"There is no Ollama at {self._base}.")
        if reply.status != 200:
            detail = error_text(data)
            log.warning("Ollama chat failed: HTTP %d", reply.status)
            raise BackendError(
                f"Ollama could not answer (HTTP {reply.status}"
                + (f": {detail})." if detail else ").")
            )
        message = data.get("message") if isinstance(data, Mapping) else None
        content = message.get("content") if isinstance(message, Mapping) else None
        if not isinstance(content, str):
            raise BackendError("Ollama's answer had no message in it.")
        if isinstance(data, Mapping) and data.get("done_reason") == "length":
            log.warning(
                "Ollama stopped at the length limit (num_ctx %d)", body["options"]["num_ctx"]
            )
            raise AnswerTruncated(
                "The model's answer was cut off at its length limit. Try a model with a "
                "larger context, or a shorter meeting part."
            )
        return content
