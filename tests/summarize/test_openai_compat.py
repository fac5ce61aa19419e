"""The OpenAI-compatible backend against a real HTTP server shaped like llama.cpp's llama-server."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from tests.summarize.backend_checks import cancel_during_a_stall
from tests.summarize.llm_server import FakeLLMServer

from minuta.summarize.backend import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    Cancelled,
    CancelToken,
    Message,
)
from minuta.summarize.llm import AnswerTruncated, PromptTooLong, openai_compat
from minuta.summarize.llm.openai_compat import OpenAICompatibleBackend
from minuta.summarize.schema import SUMMARY_SCHEMA

MODEL = "qwen2.5-7b-instruct"
MESSAGES = [
    Message("system", "Skriv mötesanteckningar som JSON."),
    Message("user", "[1] Björn: Vi skickar offerten på måndag."),
    Message("assistant", "{}"),
    Message("user", "Rätta svaret: summary saknas."),
]


def _backend(server: FakeLLMServer, **options: object) -> OpenAICompatibleBackend:
    return OpenAICompatibleBackend(server.url, model=MODEL, **options)  # type: ignore[arg-type]


def test_chat_sends_the_documented_request(openai_server: FakeLLMServer) -> None:
    openai_server.answer('{"summary": "Offert på måndag."}')
    text = _backend(openai_server).chat(
        MESSAGES, SUMMARY_SCHEMA, timeout_s=10, cancel=CancelToken()
    )
    assert json.loads(text) == {"summary": "Offert på måndag."}
    (request,) = openai_server.chats()
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert "Authorization" not in request.headers
    assert request.body == {
        "model": MODEL,
        "messages": [{"role": m.role, "content": m.content} for m in MESSAGES],
        "temperature": 0,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "meeting_summary", "strict": True, "schema": SUMMARY_SCHEMA},
        },
    }


def test_an_api_key_goes_in_the_authorization_header(openai_server: FakeLLMServer) -> None:
    openai_server.api_key = "sk-local-123"
    openai_server.answer("{}")
    backend = _backend(openai_server, api_key="sk-local-123")
    assert backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken()) == "{}"
    assert openai_server.chats()[0].headers["Authorization"] == "Bearer sk-local-123"
    wrong = _backend(openai_server, api_key="sk-wrong")
    with pytest.raises(BackendUnavailable, match="refused the API key"):
        wrong.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


def test_a_loading_server_is_unavailable_for_now(openai_server: FakeLLMServer) -> None:
    openai_server.loading = True
    with pytest.raises(BackendUnavailable, match="still loading"):
        _backend(openai_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
    assert openai_compat.health(openai_server.url) == "loading"
    with pytest.raises(BackendUnavailable, match="still loading"):
        openai_compat.list_models(openai_server.url)
    openai_server.loading = False
    assert openai_compat.health(openai_server.url) == "ok"


def test_an_unknown_model_is_unavailable_with_the_servers_words(
    openai_server: FakeLLMServer,
) -> None:
    backend = OpenAICompatibleBackend(openai_server.url, model="gpt-4o")
    with pytest.raises(BackendUnavailable, match=r"no model called “gpt-4o”.*does not exist"):
        backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


def test_a_server_error_carries_its_message(openai_server: FakeLLMServer) -> None:
    openai_server.answer(status=500, error="failed to parse grammar")
    with pytest.raises(BackendError, match="failed to parse grammar") as caught:
        _backend(openai_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
    assert not isinstance(caught.value, BackendUnavailable)


def test_a_cut_off_answer_is_an_error(openai_server: FakeLLMServer) -> None:
    openai_server.answer('{"summary": "Offert', stop_reason="length")
    with pytest.raises(AnswerTruncated, match="cut off"):
        _backend(openai_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


@pytest.mark.parametrize("raw", [b"not json", b'{"choices": []}', b'{"choices": [{"index": 0}]}'])
def test_a_reply_without_a_message_is_an_error(openai_server: FakeLLMServer, raw: bytes) -> None:
    openai_server.answer(raw=raw)
    with pytest.raises(BackendError, match="no message"):
        _backend(openai_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


def test_a_prompt_beyond_the_context_is_refused_before_sending(
    openai_server: FakeLLMServer,
) -> None:
    backend = _backend(openai_server, context_tokens=2048)
    with pytest.raises(PromptTooLong):
        backend.chat(
            [Message("user", "å" * 6000)], SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken()
        )
    assert openai_server.chats() == []


def test_a_stalled_server_times_out(openai_server: FakeLLMServer) -> None:
    openai_server.answer(stall=True)
    started = time.monotonic()
    with pytest.raises(BackendTimeout):
        _backend(openai_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=0.4, cancel=CancelToken())
    assert openai_server.stalled.is_set()
    assert 0.4 <= time.monotonic() - started < 3


def test_cancel_ends_a_stalled_request_promptly(openai_server: FakeLLMServer) -> None:
    outcome, seconds = cancel_during_a_stall(openai_server, _backend(openai_server), MESSAGES)
    assert seconds < 0.5
    assert [type(e) for e in outcome] == [Cancelled]


def test_models_and_their_context(openai_server: FakeLLMServer) -> None:
    openai_server.models = ("qwen2.5-7b-instruct", "llama-3.1-8b")
    openai_server.context_length = 16384
    assert openai_compat.list_models(openai_server.url) == ["qwen2.5-7b-instruct", "llama-3.1-8b"]
    assert openai_compat.context_length(openai_server.url, "llama-3.1-8b") == 16384
    openai_server.owned_by = "vllm"
    openai_server.context_length = 32768
    assert openai_compat.context_length(openai_server.url, "llama-3.1-8b") == 32768
    openai_server.owned_by = "organization_owner"  # LM Studio says nothing about the context
    assert openai_compat.context_length(openai_server.url, "llama-3.1-8b") is None


def test_a_base_url_ending_in_v1_is_accepted(openai_server: FakeLLMServer) -> None:
    openai_server.answer("{}")
    backend = OpenAICompatibleBackend(f"{openai_server.url}/v1/", model=MODEL)
    assert backend.base_url == openai_server.url
    assert backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken()) == "{}"


def test_nothing_listening_is_unavailable(free_port: int) -> None:
    with pytest.raises(BackendUnavailable, match="Nothing answers"):
        OpenAICompatibleBackend(f"http://localhost:{free_port}", model=MODEL).chat(
            MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken()
        )
    with pytest.raises(BackendUnavailable):
        openai_compat.health(f"http://[::1]:{free_port}")


@pytest.mark.parametrize("url", ["http://192.168.0.2:8080", "http://127.0.0.1@example.com:8080"])
def test_an_address_off_this_computer_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="not an address on this computer"):
        OpenAICompatibleBackend(url, model=MODEL)


def test_the_fake_server_notices_a_request_that_breaks_the_api(
    openai_server: FakeLLMServer,
) -> None:
    # The checks the other tests rely on do find mistakes.
    openai_server.answer("{}")
    body = {
        "model": MODEL,
        "messages": [{"role": "narrator", "content": "x"}],
        "temperature": 0.7,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "a summary", "schema": {"type": "objekt"}},
        },
        "stream": True,
    }
    httpx.post(f"{openai_server.url}/v1/chat/completions", json=body, trust_env=False)
    problems = list(openai_server.problems)
    openai_server.problems.clear()
    assert any("unknown keys ['stream']" in p for p in problems)
    assert any("not a chat role" in p for p in problems)
    assert any("temperature" in p for p in problems)
    assert any("json_schema.name" in p for p in problems)
    assert any("strict" in p for p in problems)
    assert any("not a valid JSON Schema" in p for p in problems)
