"""Fixtures for the summary tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from tests.summarize.llm_server import FakeLLMServer


def _serve(server: FakeLLMServer) -> Iterator[FakeLLMServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()
    # Every request Minuta sent must have followed the server's documented API.
    assert server.problems == []


@pytest.fixture
def ollama_server() -> Iterator[FakeLLMServer]:
    """A fake Ollama on a free port of 127.0.0.1 (tests script its answers)."""
    yield from _serve(FakeLLMServer("ollama"))


@pytest.fixture
def openai_server() -> Iterator[FakeLLMServer]:
    """A fake llama.cpp server (OpenAI-compatible) on a free port of 127.0.0.1."""
    yield from _serve(FakeLLMServer("openai", models=("qwen2.5-7b-instruct",)))


@pytest.fixture
def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (it was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
