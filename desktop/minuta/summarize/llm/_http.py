"""One JSON request to a server on this computer: bounded in time, cancellable, never proxied.

Requests run on a private asyncio loop in the calling thread (the summary
worker), so that :meth:`CancelToken.cancel` from the GUI thread ends one within
about :data:`POLL_S`: cancelling the request's task closes its connection at
once, wherever it is waiting. ``timeout_s`` bounds the whole request, not each
read.

Privacy: every URL is checked by :func:`~.loopback.require_loopback` right
before it is used; ``trust_env=False`` keeps proxy variables (``HTTP_PROXY``,
``ALL_PROXY``, ...) and ``.netrc`` out; redirects are not followed; TLS is
verified whenever https is used. Nothing here logs a body, only status codes,
timings and exception types.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from minuta.summarize.backend import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    Cancelled,
    CancelToken,
)
from minuta.summarize.llm.loopback import require_loopback

log = logging.getLogger(__name__)

T = TypeVar("T")

# How often a waiting request looks at its cancel token.
POLL_S = 0.05
# Connecting to this computer is immediate when a server listens.
CONNECT_TIMEOUT_S = 3.0
# A reply larger than this is not a chat answer.
MAX_REPLY_BYTES = 32 * 1024 * 1024


class AnswerTruncated(BackendError):
    """The model stopped at its length limit: the answer is cut off and not usable."""


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    data: Any  # the decoded JSON body; None when the body is empty or not JSON


def plain_json(value: Any) -> Any:
    """``value`` with every Mapping a dict and every tuple a list, ready for ``json.dumps``."""
    if isinstance(value, Mapping):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v) for v in value]
    return value


def error_text(data: Any) -> str:
    """The server's own error message from the usual shapes, shortened; "" when none."""
    message: Any = None
    if isinstance(data, Mapping):
        error = data.get("error")
        if isinstance(error, Mapping):
            message = error.get("message")
        elif isinstance(error, str):
            message = error
        elif isinstance(data.get("message"), str):
            message = data["message"]
    if not isinstance(message, str):
        return ""
    text = " ".join(message.split())
    return text if len(text) <= 300 else text[:297] + "..."


def new_client(timeout_s: float) -> httpx.AsyncClient:
    """A client that cannot be redirected off this computer (see the module's notes)."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s)),
        trust_env=False,
        follow_redirects=False,
        verify=True,
    )


async def send(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """Send one request and read a JSON reply; httpx errors pass through."""
    url = require_loopback(url)
    all_headers = {"Accept": "application/json", **(headers or {})}
    content = None
    if body is not None:
        content = json.dumps(plain_json(body), ensure_ascii=False).encode("utf-8")
        all_headers["Content-Type"] = "application/json"
    async with client.stream(method, url, content=content, headers=all_headers) as response:
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_REPLY_BYTES:
                raise BackendError("The language-model server sent an answer too large to use.")
            chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        data = json.loads(raw) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    return Reply(response.status_code, data)


class _DeadlinePassed(Exception):
    pass


async def _guarded(work: Awaitable[T], *, timeout_s: float, cancel: CancelToken | None) -> T:
    """``work``'s result, ended early by the deadline or the cancel token."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(work)
    deadline = loop.time() + timeout_s
    try:
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise _DeadlinePassed()
            done, _ = await asyncio.wait({task}, timeout=min(POLL_S, remaining))
            if done:
                return task.result()
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
    finally:
        if not task.done():
            task.cancel()
            # Wait for the connection to close; its errors no longer matter.
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from synchronous code, in any thread."""

    async def main() -> T:
        return await make()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    # This thread already runs a loop: ours gets a short-lived thread of its own.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="minuta-llm") as pool:
        return pool.submit(asyncio.run, main()).result()


def request(
    method: str,
    url: str,
    *,
    server: str,
    timeout_s: float,
    cancel: CancelToken | None = None,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """One request to ``url`` as a synchronous call, failures as backend errors.

    ``server`` names the server in messages ("Ollama"). Raises ValueError for an
    address off this computer, BackendUnavailable when nothing answers there,
    BackendTimeout after ``timeout_s``, Cancelled when ``cancel`` is set, and
    BackendError for a broken connection or a redirect.
    """
    url = require_loopback(url)
    if cancel is not None:
        cancel.raise_if_cancelled()
    base = httpx.URL(url).copy_with(path="/", query=None, fragment=None)
    origin = str(base).rstrip("/")
    started = time.monotonic()

    async def go() -> Reply:
        async with new_client(timeout_s) as client:
            return await _guarded(
                send(client, method, url, body=body, headers=headers),
                timeout_s=timeout_s,
                cancel=cancel,
            )

    path = httpx.URL(url).path
    try:
        reply = run_sync(go)
    except Cancelled:
        log.info("%s %s cancelled after %.1f s", method, path, time.monotonic() - started)
        raise
    except (_DeadlinePassed, httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout) as exc:
        log.warning("%s %s timed out (%s)", method, path, type(exc).__name__)
        raise BackendTimeout(f"{server} did not answer within {timeout_s:.0f} seconds.") from None
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        log.info("%s %s: no server (%s)", method, path, type(exc).__name__)
        raise BackendUnavailable(f"Nothing answers at {origin}. Is {server} running?") from None
    except httpx.HTTPError as exc:
        log.warning("%s %s failed (%s)", method, path, type(exc).__name__)
        raise BackendError(
            f"The connection to {server} at {origin} broke off ({type(exc).__name__})."
        ) from None
    log.debug("%s %s: HTTP %d in %.1f s", method, path, reply.status, time.monotonic() - started)
    if 300 <= reply.status < 400:
        raise BackendError(
            f"{server} at {origin} answered with a redirect, which Minuta does not follow."
        )
    return reply
