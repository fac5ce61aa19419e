"""OpenAI-compatible chat servers on this computer: llama.cpp's llama-server, LM Studio, vLLM.

``POST /v1/chat/completions`` with ``response_format`` of type ``json_schema``
(strict), which these servers turn into a grammar that constrains sampling.
Such a server sets its context size when it starts; :attr:`context_tokens` only
tells the pipeline how much to send at once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Literal

from minuta.summarize.backend import (
    BackendError,
    BackendUnavailable,
    CancelToken,
    Message,
)
from minuta.summarize.llm._http import (
    AnswerTruncated,
    Reply,
    error_text,
    plain_json,
    request,
)
from minuta.summarize.llm.loopback import require_loopback
from minuta.summarize.llm.sizing import check_fits

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "http://127.0.0.1:8080"
DEFAULT_CONTEXT_TOKENS = 8192
SCHEMA_NAME = "meeting_summary"
SERVER = "The language-model server"

Health = Literal["ok", "loading", "unknown"]


def server_root(base_url: str) -> str:
    """``base_url`` checked and without a trailing ``/`` or ``/v1`` (users paste either)."""
    base = require_loopback(base_url)
    return base[: -len("/v1")] if base.endswith("/v1") else base


def _headers(api_key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"} if api_key else {}


def _refusal(status: int, data: Any, base: str, model: str | None = None) -> BackendError:
    """The error for a non-200 reply, with the server's own words where it gave some."""
    detail = error_text(data)
    if status == 503:
        return BackendUnavailable(
            f"The language-model server at {base} is still loading its model. "
            "Try again in a moment."
        )
    if status in (401, 403):
        return BackendUnavailable(f"The language-model server at {base} refused the API key.")
    if status == 404:
        what = f"has no model called “{model}”" if model and detail else "has no chat API"
        return BackendUnavailable(
            f"The language-model server at {base} {what}" + (f" ({detail})." if detail else ".")
        )
    return BackendError(
        f"The language-model server could not answer (HTTP {status}"
        + (f": {detail})." if detail else ").")
    )


def _models_reply(
    base: str, api_key: str | None, timeout_s: float, cancel: CancelToken | None
) -> Reply:
    return request(
        "GET",
        f"{base}/v1/models",
        server=SERVER,
        timeout_s=timeout_s,
        cancel=cancel,
        headers=_headers(api_key),
    )


def model_entries(data: Any) -> list[Mapping[str, Any]]:
    """The entries of a ``GET /v1/models`` reply that have an id."""
    entries = data.get("data") if isinstance(data, Mapping) else None
    return [
        e
        for e in (entries if isinstance(entries, list) else [])
        if isinstance(e, Mapping) and isinstance(e.get("id"), str) and e["id"]
    ]


def entry_context(entry: Mapping[str, Any]) -> int | None:
    """The context an entry reports: vLLM's ``max_model_len``, llama-server's ``meta.n_ctx``."""
    meta = entry.get("meta")
    for value in (
        entry.get("max_model_len"),
        meta.get("n_ctx") if isinstance(meta, Mapping) else None,
    ):
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return None


def list_models(
    base_url: str = DEFAULT_BASE_URL,
    *,
    api_key: str | None = None,
    timeout_s: float = 2.0,
    cancel: CancelToken | None = None,
) -> list[str]:
    """The model ids the server offers (``GET /v1/models``)."""
    base = server_root(base_url)
    reply = _models_reply(base, api_key, timeout_s, cancel)
    if reply.status != 200:
        raise _refusal(reply.status, reply.data, base)
    return [str(e["id"]) for e in model_entries(reply.data)]


def context_length(
    base_url: str,
    model: str,
    *,
    api_key: str | None = None,
    timeout_s: float = 2.0,
    cancel: CancelToken | None = None,
) -> int | None:
    """The context the server reports for ``model`` (vLLM, llama-server); None if it does not."""
    base = server_root(base_url)
    reply = _models_reply(base, api_key, timeout_s, cancel)
    if reply.status != 200:
        return None
    entries = model_entries(reply.data)
    chosen = [e for e in entries if e["id"] == model] or entries[:1]
    return entry_context(chosen[0]) if chosen else None


def health(base_url: str = DEFAULT_BASE_URL, *, timeout_s: float = 2.0) -> Health:
    """``GET /health``: "ok" (200), "loading" (503, llama-server loading its model), else "unknown".

    BackendUnavailable when nothing answers at all.
    """
    base = server_root(base_url)
    reply = request("GET", f"{base}/health", server=SERVER, timeout_s=timeout_s)
    if reply.status == 200:
        return "ok"
    if reply.status == 503:
        return "loading"
    return "unknown"


class OpenAICompatibleBackend:
    """A model behind an OpenAI-compatible server on this computer (a ChatBackend)."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        model: str,
        api_key: str | None = None,
        context_tokens: int = DEFAULT_CONTEXT_TOKENS,
        schema_name: str = SCHEMA_NAME,
    ) -> None:
        """ValueError when ``base_url`` is not on this computer. ``base_url`` may end in /v1."""
        self._base = server_root(base_url)
        if not model:
            raise ValueError("a model name is needed")
        if context_tokens < 1024:
            raise ValueError("the context must be at least 1024 tokens")
        self._model = model
        self._api_key = api_key or None
        self._context_tokens = context_tokens
        self._schema_name = schema_name

    @property
    def name(self) -> str:
        return "openai-compatible"

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
        """The JSON body of ``POST /v1/chat/completions``."""
        body: dict[str, Any] = {
            "model": self._model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": 0,
        }
        if schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": self._schema_name,
                    "strict": True,
                    "schema": plain_json(schema),
                },
            }
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

        A cut-off answer (``finish_reason == "length"``) raises AnswerTruncated
        rather than handing back JSON that stops mid-way: asking again with the
        same context cannot mend it. PromptTooLong when the prompt cannot fit.
        """
        cancel.raise_if_cancelled()
        check_fits(messages, self._context_tokens)
        reply = request(
            "POST",
            f"{self._base}/v1/chat/completions",
            server=SERVER,
            timeout_s=timeout_s,
            cancel=cancel,
            body=self.request_body(messages, schema),
            headers=_headers(self._api_key),
        )
        if reply.status != 200:
            log.warning("chat completion failed: HTTP %d", reply.status)
            raise _refusal(reply.status, reply.data, self._base, self._model)
        data = reply.data
        choices = data.get("choices") if isinstance(data, Mapping) else None
        choice = choices[0] if isinstance(choices, list) and choices else None
        message = choice.get("message") if isinstance(choice, Mapping) else None
        content = message.get("content") if isinstance(message, Mapping) else None
        if not isinstance(content, str):
            raise BackendError("The language-model server's answer had no message in it.")
        assert isinstance(choice, Mapping)
        if choice.get("finish_reason") == "length":
            log.warning("the answer stopped at the length limit")
            raise AnswerTruncated(
                "The model's answer was cut off at its length limit. Try a model with a "
                "larger context, or start the server with a larger one."
            )
        return content
