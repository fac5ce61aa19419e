"""Checks every HTTP backend must pass, written once for Ollama and OpenAI-compatible servers."""

from __future__ import annotations

import threading
import time

from tests.summarize.llm_server import FakeLLMServer

from minuta.summarize.backend import BackendError, Cancelled, CancelToken, ChatBackend, Message
from minuta.summarize.schema import SUMMARY_SCHEMA


def cancel_during_a_stall(
    server: FakeLLMServer, backend: ChatBackend, messages: list[Message]
) -> tuple[list[BaseException], float]:
    """Cancel a chat while ``server`` stalls on it: what it raised, and how soon it ended.

    The chat runs on a thread of its own with a long timeout; the token is cancelled
    once the server holds the request (its ``stalled`` event), not after a sleep.
    """
    server.answer(stall=True)
    token = CancelToken()
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            backend.chat(messages, SUMMARY_SCHEMA, timeout_s=120, cancel=token)
        except (Cancelled, BackendError) as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    assert server.stalled.wait(10)
    cancelled_at = time.monotonic()
    token.cancel()
    thread.join(timeout=10)
    assert not thread.is_alive()
    return outcome, time.monotonic() - cancelled_at
