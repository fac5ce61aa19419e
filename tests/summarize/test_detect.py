"""Finding servers on this computer only, and opening a backend on one."""

from __future__ import annotations

import importlib.util
import socket
import time

import pytest
from tests.summarize.llm_server import FakeLLMServer

from minuta.summarize.backend import BackendUnavailable
from minuta.summarize.llm.detect import (
    DetectedServer,
    detect_servers,
    is_loopback_url,
    open_backend,
)
from minuta.summarize.llm.ollama import OllamaBackend
from minuta.summarize.llm.openai_compat import OpenAICompatibleBackend


def test_nothing_listening_finds_nothing_fast(free_port: int) -> None:
    started = time.monotonic()
    found = detect_servers(ollama_ports=[free_port], openai_ports=[free_port, free_port])
    assert found == []
    assert time.monotonic() - started < 0.5


def test_a_port_that_never_answers_costs_at_most_the_timeout() -> None:
    # The kernel accepts the connection; no program ever reads or answers it.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        started = time.monotonic()
        found = detect_servers(0.3, ollama_ports=[port], openai_ports=[port])
        elapsed = time.monotonic() - started
    assert found == []
    assert 0.3 <= elapsed < 1.0


def test_ollama_is_found_on_its_port(ollama_server: FakeLLMServer) -> None:
    ollama_server.models = ("llama3.2:latest", "qwen2.5:7b")
    found = detect_servers(ollama_ports=[ollama_server.port], openai_ports=[])
    assert found == [
        DetectedServer("ollama", ollama_server.url, ("llama3.2:latest", "qwen2.5:7b"), "Ollama")
    ]
    assert [r.path for r in ollama_server.requests] == ["/api/tags"]


def test_an_openai_compatible_server_is_found_and_named(
    openai_server: FakeLLMServer, free_port: int
) -> None:
    found = detect_servers(openai_ports={free_port: "LM Studio", openai_server.port: "LM Studio"})
    assert found == [
        DetectedServer(
            "openai-compatible", openai_server.url, ("qwen2.5-7b-instruct",), "llama.cpp server"
        )
    ]


def test_a_loading_llama_server_is_found_not_ready(openai_server: FakeLLMServer) -> None:
    openai_server.loading = True
    found = detect_servers(ollama_ports=[], openai_ports=[openai_server.port])
    assert found == [
        DetectedServer(
            "openai-compatible", openai_server.url, (), "OpenAI-compatible server", False
        )
    ]


def test_servers_come_ollama_first(
    ollama_server: FakeLLMServer, openai_server: FakeLLMServer
) -> None:
    found = detect_servers(
        ollama_ports=[ollama_server.port, openai_server.port],
        openai_ports=[openai_server.port, ollama_server.port],
    )
    assert [(s.kind, s.base_url) for s in found] == [
        ("ollama", ollama_server.url),
        ("openai-compatible", openai_server.url),
    ]


def test_only_loopback_hosts_are_probed() -> None:
    with pytest.raises(ValueError, match="not an address on this computer"):
        detect_servers(hosts=["127.0.0.1", "192.168.1.1"])


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:11434", True),
        ("http://127.0.0.1:11434/", True),
        ("http://localhost:8080/v1", True),
        ("https://localhost:8443", True),
        ("http://[::1]:1234", True),
        ("http://127.9.9.9:8000", True),
        ("http://[::ffff:127.0.0.1]:8080", True),
        ("http://0.0.0.0:11434", False),
        ("http://192.168.1.10:11434", False),
        ("http://10.1.2.3:8080", False),
        ("http://[::ffff:10.0.0.1]:8080", False),
        ("http://[fe80::1]:8080", False),
        ("http://127.0.0.1@example.com:8080", False),
        ("http://localhost.example.invalid:8080", False),
        ("ftp://127.0.0.1", False),
        ("127.0.0.1:11434", False),
        ("http://127.0.0.1:99999", False),
        ("", False),
    ],
)
def test_is_loopback_url(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


def test_open_backend_takes_the_first_model_and_its_context(
    ollama_server: FakeLLMServer,
) -> None:
    ollama_server.models = ("qwen2.5:7b", "llama3.2:latest")
    ollama_server.context_length = 16384
    backend = open_backend("ollama", ollama_server.url, None)
    assert isinstance(backend, OllamaBackend)
    assert (backend.name, backend.model, backend.context_tokens) == ("ollama", "qwen2.5:7b", 16384)

    ollama_server.context_length = 131072
    named = open_backend("ollama", ollama_server.url, "llama3.2")
    assert (named.model, named.context_tokens) == ("llama3.2", 32768)
    with pytest.raises(BackendUnavailable, match="no model called “gemma3”"):
        open_backend("ollama", ollama_server.url, "gemma3")


def test_open_backend_on_an_openai_compatible_server(openai_server: FakeLLMServer) -> None:
    openai_server.context_length = 12288
    backend = open_backend("openai-compatible", f"{openai_server.url}/v1", None)
    assert isinstance(backend, OpenAICompatibleBackend)
    assert (backend.name, backend.model, backend.context_tokens) == (
        "openai-compatible",
        "qwen2.5-7b-instruct",
        12288,
    )


def test_open_backend_with_no_models_is_unavailable(ollama_server: FakeLLMServer) -> None:
    ollama_server.models = ()
    with pytest.raises(BackendUnavailable, match="no models"):
        open_backend("ollama", ollama_server.url)


def test_open_backend_refuses_what_it_cannot_do(free_port: int) -> None:
    with pytest.raises(ValueError, match="not an address on this computer"):
        open_backend("ollama", "http://192.168.1.10:11434", "llama3.2")
    with pytest.raises(ValueError, match="not an address on this computer"):
        open_backend("openai-compatible", "http://example.invalid:8080", "m")
    with pytest.raises(ValueError, match="unknown"):
        open_backend("chatgpt", None, None)
    with pytest.raises(BackendUnavailable, match="Nothing answers"):
        open_backend("openai-compatible", f"http://127.0.0.1:{free_port}")
    with pytest.raises(BackendUnavailable, match="model file"):
        open_backend("llama-cpp", None, None)


@pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is not None, reason="llama-cpp-python is installed"
)
def test_open_backend_llama_cpp_without_the_package() -> None:
    with pytest.raises(BackendUnavailable, match=r"minuta\[llama\]"):
        open_backend("llama-cpp", None, "/nowhere/model.gguf")
