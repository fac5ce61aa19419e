"""The in-process llama.cpp backend: refused cleanly without the package, and its exact calls.

llama-cpp-python is an optional extra that is not installed here, so the model
itself cannot run in these tests; a stand-in module is used only to check the
exact arguments the backend passes to ``Llama`` and ``create_chat_completion``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from minuta.summarize.backend import BackendUnavailable, CancelToken, Message
from minuta.summarize.llm.llama_cpp import LlamaCppBackend
from minuta.summarize.schema import SUMMARY_SCHEMA

MESSAGES = [Message("system", "Svar i JSON."), Message("user", "[1] Mikko: Sopimus ensi viikolla.")]


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "qwen2.5-1.5b-instruct-q4_k_m.gguf"
    path.write_bytes(b"GGUF\x03\x00\x00\x00")
    return path


@pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is not None, reason="llama-cpp-python is installed"
)
def test_without_the_package_the_backend_is_unavailable(model_file: Path) -> None:
    assert "llama_cpp" not in sys.modules
    with pytest.raises(BackendUnavailable, match=r"install minuta\[llama\]"):
        LlamaCppBackend(model_file)
    assert "llama_cpp" not in sys.modules


def test_the_calls_into_llama_cpp(model_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    class Llama:
        def __init__(self, **kwargs: Any) -> None:
            calls.append(("Llama", kwargs))

        def create_chat_completion(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
            calls.append(("create_chat_completion", kwargs))
            for piece, finish in (('{"summary": ', None), ('"Sopimus."}', "stop")):
                yield {
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": finish}]
                }

    fake = ModuleType("llama_cpp")
    fake.Llama = Llama  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", fake)

    backend = LlamaCppBackend(model_file, context_tokens=4096)
    assert (backend.name, backend.model, backend.context_tokens) == (
        "llama-cpp",
        model_file.name,
        4096,
    )
    assert calls == []  # the model loads on the first chat, off the caller's setup
    text = backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=30, cancel=CancelToken())
    backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=30, cancel=CancelToken())

    assert json.loads(text) == {"summary": "Sopimus."}
    assert calls[0] == (
        "Llama",
        {"model_path": str(model_file), "n_ctx": 4096, "n_gpu_layers": 0, "verbose": False},
    )
    assert calls[1] == (
        "create_chat_completion",
        {
            "messages": [{"role": m.role, "content": m.content} for m in MESSAGES],
            "temperature": 0.0,
            "stream": True,
            "response_format": {"type": "json_object", "schema": SUMMARY_SCHEMA},
        },
    )
    assert [name for name, _ in calls] == [
        "Llama",
        "create_chat_completion",
        "create_chat_completion",
    ]
