"""Finding language-model servers on this computer, and opening a backend on one.

:func:`detect_servers` asks only loopback addresses (127.0.0.1 and ::1) on the
ports these servers use out of the box, all at once, so it takes about
``timeout_s`` at most and returns at once when nothing listens. Nothing is
asked of any other address, and :func:`open_backend` refuses one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from minuta.summarize.backend import BackendError, BackendUnavailable, ChatBackend
from minuta.summarize.llm import ollama, openai_compat
from minuta.summarize.llm._http import new_client, run_sync, send
from minuta.summarize.llm.llama_cpp import LlamaCppBackend
from minuta.summarize.llm.loopback import is_loopback_url, require_loopback
from minuta.summarize.llm.ollama import OllamaBackend
from minuta.summarize.llm.openai_compat import OpenAICompatibleBackend, model_entries

__all__ = [
    "DEFAULT_OPENAI_PORTS",
    "LOOPBACK_HOSTS",
    "MAX_CONTEXT_TOKENS",
    "OLLAMA_PORTS",
    "DetectedServer",
    "detect_servers",
    "is_loopback_url",
    "open_backend",
]

log = logging.getLogger(__name__)

ServerKind = Literal["ollama", "openai-compatible"]

OLLAMA_PORTS: tuple[int, ...] = (11434,)
# Port -> the product that uses it by default.
DEFAULT_OPENAI_PORTS: dict[int, str] = {
    8080: "llama.cpp server",
    1234: "LM Studio",
    8000: "vLLM",
}
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "::1")
# A model may know 128k tokens, but a laptop has no memory for such a context:
# the pipeline cuts longer meetings into parts of at most this size.
MAX_CONTEXT_TOKENS = 32768

_OWNERS = {"llamacpp": "llama.cpp server", "vllm": "vLLM"}


@dataclass(frozen=True, slots=True)
class DetectedServer:
    kind: ServerKind  # what open_backend takes
    base_url: str
    models: tuple[str, ...]  # as the server lists them; the first is the default
    product: str  # for people: "Ollama", "llama.cpp server", "LM Studio", "vLLM", ...
    ready: bool = True  # False while a llama.cpp server is still loading its model


def _base(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


async def _probe_ollama(client: httpx.AsyncClient, host: str, port: int) -> DetectedServer | None:
    base = _base(host, port)
    reply = await send(client, "GET", f"{base}/api/tags")
    if reply.status != 200 or not isinstance(reply.data, Mapping):
        return None
    if not isinstance(reply.data.get("models"), list):
        return None
    return DetectedServer("ollama", base, tuple(ollama.models_from_tags(reply.data)), "Ollama")


async def _probe_openai(
    client: httpx.AsyncClient, host: str, port: int, product: str
) -> DetectedServer | None:
    base = _base(host, port)
    reply = await send(client, "GET", f"{base}/v1/models")
    data: Any = reply.data
    if reply.status == 200 and isinstance(data, Mapping) and isinstance(data.get("data"), list):
        entries = model_entries(data)
        owner = entries[0].get("owned_by") if entries else None
        product = _OWNERS.get(owner, product) if isinstance(owner, str) else product
        models = tuple(str(e["id"]) for e in entries)
        return DetectedServer("openai-compatible", base, models, product)
    # llama-server answers 503 while it loads the model.
    health = await send(client, "GET", f"{base}/health")
    if health.status == 503:
        return DetectedServer("openai-compatible", base, (), product, ready=False)
    return None


async def _detect(
    timeout_s: float,
    ollama_ports: Sequence[int],
    openai_ports: Sequence[int] | Mapping[int, str],
    hosts: Sequence[str],
) -> list[DetectedServer]:
    products = openai_ports if isinstance(openai_ports, Mapping) else {}
    async with new_client(timeout_s) as client:

        async def bounded(probe: Any) -> DetectedServer | None:
            try:
                result: DetectedServer | None = await asyncio.wait_for(probe, timeout_s)
            except (httpx.HTTPError, TimeoutError, BackendError, ValueError) as exc:
                log.debug("no server (%s)", type(exc).__name__)
                return None
            return result

        probes: list[tuple[int, Any]] = []
        for port in ollama_ports:
            probes += [(port, _probe_ollama(client, host, port)) for host in hosts]
        for port in openai_ports:
            product = products.get(port) or DEFAULT_OPENAI_PORTS.get(
                port, "OpenAI-compatible server"
            )
            probes += [(port, _probe_openai(client, host, port, product)) for host in hosts]
        results = await asyncio.gather(*(bounded(p) for _, p in probes))
    found: list[DetectedServer] = []
    seen: set[int] = set()
    for (port, _), server in zip(probes, results, strict=True):
        # The same server often listens on both 127.0.0.1 and ::1: keep the first.
        if server is not None and port not in seen:
            seen.add(port)
            found.append(server)
    return found


def detect_servers(
    timeout_s: float = 0.5,
    *,
    ollama_ports: Sequence[int] = OLLAMA_PORTS,
    openai_ports: Sequence[int] | Mapping[int, str] = DEFAULT_OPENAI_PORTS,
    hosts: Sequence[str] = LOOPBACK_HOSTS,
) -> list[DetectedServer]:
    """The servers answering on this computer: Ollama first, then by port order.

    ``hosts`` must be loopback addresses (ValueError otherwise). All ports are
    asked at once and each for at most ``timeout_s``, so this blocks for about
    that long at most (no time at all where nothing listens); still, run it off
    the GUI thread.
    """
    for host in hosts:
        require_loopback(_base(host, 1))
    return run_sync(lambda: _detect(timeout_s, ollama_ports, openai_ports, hosts))


def _first(models: Sequence[str], base: str) -> str:
    if not models:
        raise BackendUnavailable(f"The language-model server at {base} has no models to use.")
    return models[0]


def open_backend(
    kind: str,
    base_url: str | None = None,
    model: str | None = None,
    *,
    api_key: str | None = None,
    timeout_s: float = 5.0,
    max_context_tokens: int = MAX_CONTEXT_TOKENS,
) -> ChatBackend:
    """A backend for ``kind``: "ollama", "openai-compatible" or "llama-cpp".

    For a server, ``base_url`` None means its usual address on this computer and
    ``model`` None its first listed model; the model's context length is asked
    for (at most ``max_context_tokens``). For "llama-cpp", ``model`` is the path
    of a GGUF file and ``base_url`` is not used. Raises ValueError for an address
    off this computer or an unknown kind, BackendUnavailable when the server,
    the model or llama-cpp-python is not there.
    """
    if kind == "ollama":
        base = require_loopback(base_url or ollama.DEFAULT_BASE_URL)
        name = model or _first(ollama.list_models(base, timeout_s=timeout_s), base)
        context = ollama.context_length(base, name, timeout_s=timeout_s)
        return OllamaBackend(
            base,
            model=name,
            context_tokens=min(context or ollama.DEFAULT_CONTEXT_TOKENS, max_context_tokens),
        )
    if kind == "openai-compatible":
        base = openai_compat.server_root(base_url or openai_compat.DEFAULT_BASE_URL)
        if model is None:
            model = _first(
                openai_compat.list_models(base, api_key=api_key, timeout_s=timeout_s), base
            )
        context = openai_compat.context_length(base, model, api_key=api_key, timeout_s=timeout_s)
        return OpenAICompatibleBackend(
            base,
            model=model,
            api_key=api_key,
            context_tokens=min(context or openai_compat.DEFAULT_CONTEXT_TOKENS, max_context_tokens),
        )
    if kind == "llama-cpp":
        if not model:
            raise BackendUnavailable("Choose a model file (.gguf) for the built-in model.")
        return LlamaCppBackend(model)
    raise ValueError(f"unknown language-model backend {kind!r}")
