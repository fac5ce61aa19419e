"""The Ollama backend against a real HTTP server that checks Ollama's documented API."""

from __future__ import annotations

import json
import logging
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
from minuta.summarize.llm import AnswerTruncated, PromptTooLong, ollama
from minuta.summarize.llm.ollama import OllamaBackend
from minuta.summarize.llm.sizing import estimate_tokens
from minuta.summarize.prompt import ANSWER_TOKENS
from minuta.summarize.schema import SUMMARY_SCHEMA, parse_summary

SECRET = "Kunden Åsa Lindqvist vil have tilbud på 480.000 kr inden fredag"
MESSAGES = [
    Message("system", "Du skriver mødenoter som JSON."),
    Message("user", f"[1] Åsa: {SECRET}."),
]
ANSWER = {
    "summary": "Tilbud aftalt.",
    "decisions": [],
    "action_items": [
        {
            "text": "Send tilbud",
            "owner": "Åsa",
            "due": "fredag",
            "evidence": {"segment_ids": [1], "quote": "tilbud på 480.000 kr"},
        }
    ],
    "risks": [],
    "next_steps": [],
    "crm_suggestions": [],
    "email_draft": {"subject": "Tilbud", "body": "Hej Åsa"},
}
MODEL = "llama3.2:latest"


def _backend(server: FakeLLMServer, **options: object) -> OllamaBackend:
    return OllamaBackend(server.url, model=MODEL, **options)  # type: ignore[arg-type]


def test_chat_sends_the_documented_request_and_returns_the_content(
    ollama_server: FakeLLMServer,
) -> None:
    ollama_server.answer(json.dumps(ANSWER, ensure_ascii=False))
    text = _backend(ollama_server).chat(
        MESSAGES, SUMMARY_SCHEMA, timeout_s=10, cancel=CancelToken()
    )

    summary, items, email = parse_summary(json.loads(text))
    assert summary == "Tilbud aftalt."
    assert items[0].owner == "Åsa"
    assert email is not None
    (request,) = ollama_server.chats()
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    body = request.body
    assert body["model"] == MODEL
    assert body["stream"] is False
    assert body["format"] == SUMMARY_SCHEMA
    assert body["messages"] == [
        {"role": "system", "content": MESSAGES[0].content},
        {"role": "user", "content": MESSAGES[1].content},
    ]
    num_ctx = body["options"]["num_ctx"]
    assert num_ctx % 1024 == 0
    assert num_ctx >= estimate_tokens(MESSAGES) + ANSWER_TOKENS
    assert body["options"]["temperature"] == 0


def test_the_context_grows_with_the_prompt_up_to_the_models(
    ollama_server: FakeLLMServer,
) -> None:
    ollama_server.context_length = 32768
    backend = _backend(ollama_server, context_tokens=32768)
    long = [Message("user", "Hej " * 20_000)]  # about 23k tokens
    for messages in (MESSAGES, long):
        ollama_server.answer("{}")
        backend.chat(messages, SUMMARY_SCHEMA, timeout_s=10, cancel=CancelToken())
    short_ctx, long_ctx = (r.body["options"]["num_ctx"] for r in ollama_server.chats())
    assert short_ctx == 4096
    assert long_ctx == 26624
    assert long_ctx >= estimate_tokens(long) + ANSWER_TOKENS

    nearly_full = [Message("user", "Hej " * 27_000)]  # 30.9k tokens: the rest is the answer's
    ollama_server.answer("{}")
    backend.chat(nearly_full, SUMMARY_SCHEMA, timeout_s=10, cancel=CancelToken())
    assert ollama_server.chats()[-1].body["options"]["num_ctx"] == 32768


def test_a_prompt_beyond_the_context_is_refused_before_sending(
    ollama_server: FakeLLMServer,
) -> None:
    backend = _backend(ollama_server, context_tokens=4096)
    with pytest.raises(PromptTooLong, match="too long"):
        backend.chat(
            [Message("user", "x" * 14_000)], SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken()
        )
    assert ollama_server.chats() == []


def test_without_a_schema_no_format_is_sent(ollama_server: FakeLLMServer) -> None:
    ollama_server.expect_schema = False
    ollama_server.answer("Fri tekst.")
    text = _backend(ollama_server).chat(MESSAGES, None, timeout_s=10, cancel=CancelToken())
    assert text == "Fri tekst."
    assert "format" not in ollama_server.chats()[0].body


def test_an_unknown_model_is_unavailable_with_a_hint(ollama_server: FakeLLMServer) -> None:
    backend = OllamaBackend(ollama_server.url, model="mistral-nemo")
    with pytest.raises(BackendUnavailable, match="ollama pull mistral-nemo"):
        backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


def test_a_server_error_carries_ollamas_message(ollama_server: FakeLLMServer) -> None:
    ollama_server.answer(status=500, error="model requires more system memory (9.1 GiB)")
    with pytest.raises(BackendError, match="more system memory") as caught:
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
    assert not isinstance(caught.value, BackendUnavailable)


def test_a_cut_off_answer_is_an_error(ollama_server: FakeLLMServer) -> None:
    ollama_server.answer('{"summary": "Tilbud', stop_reason="length")
    with pytest.raises(AnswerTruncated):
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


@pytest.mark.parametrize("raw", [b"<html>proxy error</html>", b'{"done": true}'])
def test_a_reply_without_a_message_is_an_error(ollama_server: FakeLLMServer, raw: bytes) -> None:
    ollama_server.answer(raw=raw)
    with pytest.raises(BackendError, match="no message"):
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())


def test_nothing_listening_is_unavailable_at_once(free_port: int) -> None:
    backend = OllamaBackend(f"http://127.0.0.1:{free_port}", model=MODEL)
    started = time.monotonic()
    with pytest.raises(BackendUnavailable, match="Is Ollama running"):
        backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=30, cancel=CancelToken())
    assert time.monotonic() - started < 2


def test_a_stalled_server_times_out(ollama_server: FakeLLMServer) -> None:
    ollama_server.answer(stall=True)
    started = time.monotonic()
    with pytest.raises(BackendTimeout, match="did not answer within"):
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=0.5, cancel=CancelToken())
    elapsed = time.monotonic() - started
    assert ollama_server.stalled.is_set()
    assert 0.5 <= elapsed < 3


def test_cancel_ends_a_stalled_request_promptly(ollama_server: FakeLLMServer) -> None:
    outcome, seconds = cancel_during_a_stall(ollama_server, _backend(ollama_server), MESSAGES)
    assert seconds < 0.5
    assert [type(e) for e in outcome] == [Cancelled]


def test_a_cancelled_token_sends_nothing(ollama_server: FakeLLMServer) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=token)
    assert ollama_server.requests == []


def test_proxy_variables_cannot_redirect_the_request(
    ollama_server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, free_port: int
) -> None:
    proxy = f"http://127.0.0.1:{free_port}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    ollama_server.answer("{}")
    assert (
        _backend(ollama_server).chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
        == "{}"
    )
    assert len(ollama_server.chats()) == 1


def test_logs_hold_no_meeting_content(
    ollama_server: FakeLLMServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ollama_server.answer(json.dumps(ANSWER, ensure_ascii=False))
    ollama_server.answer(status=500, error="boom")
    backend = _backend(ollama_server)
    backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
    with pytest.raises(BackendError):
        backend.chat(MESSAGES, SUMMARY_SCHEMA, timeout_s=5, cancel=CancelToken())
    assert caplog.records
    for needle in ("Åsa", "480.000", "Tilbud", "tilbud"):
        assert needle not in caplog.text


def test_models_and_context_length(ollama_server: FakeLLMServer) -> None:
    ollama_server.models = ("llama3.2:latest", "qwen2.5:7b")
    ollama_server.context_length = 131072
    assert ollama.list_models(ollama_server.url) == ["llama3.2:latest", "qwen2.5:7b"]
    assert ollama.context_length(ollama_server.url, "qwen2.5:7b") == 131072
    assert ollama.context_length(ollama_server.url, "llama3.2") == 131072
    with pytest.raises(BackendUnavailable, match="no model called"):
        ollama.context_length(ollama_server.url, "gemma3")
    show = [r for r in ollama_server.requests if r.path == "/api/show"]
    assert [r.body for r in show] == [
        {"model": "qwen2.5:7b"},
        {"model": "llama3.2"},
        {"model": "gemma3"},
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.1.20:11434",
        "http://10.0.0.5:11434",
        "https://ollama.example.com",
        "http://0.0.0.0:11434",
    ],
)
def test_an_address_off_this_computer_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="not an address on this computer"):
        OllamaBackend(url, model=MODEL)
    with pytest.raises(ValueError, match="not an address on this computer"):
        ollama.list_models(url)


def test_the_fake_server_notices_a_request_that_breaks_the_api(
    ollama_server: FakeLLMServer,
) -> None:
    # The checks the other tests rely on do find mistakes.
    ollama_server.answer("{}")
    body = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "x" * 7000}],
        "stream": True,
        "format": {"type": 12},
        "options": {"num_ctx": 1024, "temperature": 0.8},
    }
    httpx.post(f"{ollama_server.url}/api/chat", content=json.dumps(body), trust_env=False)
    problems = list(ollama_server.problems)
    ollama_server.problems.clear()
    assert any("stream must be false" in p for p in problems)
    assert any("not a valid JSON Schema" in p for p in problems)
    assert any("num_ctx 1024 is below" in p for p in problems)
    assert any("temperature" in p for p in problems)
    assert any("Content-Type" in p for p in problems)
