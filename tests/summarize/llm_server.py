"""A real HTTP server on 127.0.0.1 that speaks like Ollama or an OpenAI-compatible server.

It checks every request against the servers' documented API (method, path,
content type, body keys and types, a valid JSON Schema, a context large enough
for the prompt, the model name, ``stream: false``, message roles) and records
what is wrong in :attr:`FakeLLMServer.problems`, which the fixtures in
conftest.py require to be empty. Tests script the answers: content, status
codes, error bodies, a cut-off answer, or a stall that holds a request until
the test ends (for time limits and cancelling, synchronised by events).

Response shapes follow Ollama's docs/api.md (``/api/chat``, ``/api/tags``,
``/api/show``) and llama.cpp's server README (``/v1/chat/completions``,
``/v1/models``, ``/health`` with 503 while loading).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

Flavour = Literal["ollama", "openai"]

ROLES = {"system", "user", "assistant"}
# The prompt's size as Minuta must estimate it: 3.5 characters a token.
CHARS_PER_TOKEN = 3.5
LOADING_ERROR = {"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}}
_SCHEMA_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def prompt_tokens(messages: list[dict[str, Any]]) -> int:
    return math.ceil(sum(len(m.get("content", "")) for m in messages) / CHARS_PER_TOKEN)


@dataclass
class Scripted:
    """One answer to one chat request."""

    content: str = "{}"
    status: int = 200
    error: str | None = None  # the error message of a non-200 answer
    stop_reason: str = "stop"  # done_reason (Ollama) / finish_reason (OpenAI)
    stall: bool = False  # hold the request until the server stops
    raw: bytes | None = None  # send this body as it is (a server that breaks the API)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any  # decoded JSON, or None


@dataclass
class FakeLLMServer:
    flavour: Flavour
    models: tuple[str, ...] = ("llama3.2:latest",)
    context_length: int = 8192
    api_key: str | None = None  # OpenAI: require "Authorization: Bearer <key>"
    owned_by: str = "llamacpp"  # OpenAI: llama-server lists its context in "meta"
    loading: bool = False  # OpenAI: answer 503 "Loading model" like llama-server
    expect_schema: bool = True  # chat requests must carry a JSON Schema
    answers: deque[Scripted] = field(default_factory=deque)
    requests: list[Recorded] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -----------------------------------------------------------------

    def answer(self, content: str = "{}", **options: Any) -> None:
        with self._lock:
            self.answers.append(Scripted(content, **options))

    def chats(self) -> list[Recorded]:
        path = "/api/chat" if self.flavour == "ollama" else "/v1/chat/completions"
        with self._lock:
            return [r for r in self.requests if r.path == path]

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- running -------------------------------------------------------------------

    def start(self) -> FakeLLMServer:
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},  # so that stop() is quick
            name="fake-llm",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- checks --------------------------------------------------------------------

    def problem(self, text: str) -> None:
        with self._lock:
            self.problems.append(text)

    def has_model(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return name in self.models or f"{name}:latest" in self.models

    def check_messages(self, messages: object) -> list[dict[str, Any]]:
        if not isinstance(messages, list) or not messages:
            self.problem(f"messages must be a non-empty list, got {type(messages).__name__}")
            return []
        for n, m in enumerate(messages):
            if not isinstance(m, dict) or set(m) != {"role", "content"}:
                self.problem(f"messages[{n}] must have exactly role and content")
                continue
            if m["role"] not in ROLES:
                self.problem(f"messages[{n}].role {m['role']!r} is not a chat role")
            if not isinstance(m["content"], str):
                self.problem(f"messages[{n}].content must be text")
        return [m for m in messages if isinstance(m, dict) and isinstance(m.get("content"), str)]

    def check_schema(self, schema: object, where: str) -> None:
        if schema is None and not self.expect_schema:
            return
        if not isinstance(schema, dict):
            self.problem(f"{where} must be a JSON Schema object")
            return
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            self.problem(f"{where} is not a valid JSON Schema: {exc.message}")

    def check_keys(self, body: dict[str, Any], required: set[str], allowed: set[str]) -> None:
        if missing := required - set(body):
            self.problem(f"missing keys {sorted(missing)}")
        if unknown := set(body) - allowed:
            self.problem(f"unknown keys {sorted(unknown)}")

    def next_answer(self) -> Scripted:
        with self._lock:
            if self.answers:
                return self.answers.popleft()
        self.problem("a chat request came that the test did not script an answer for")
        return Scripted(status=500, error="no scripted answer")


class _Handler(BaseHTTPRequestHandler):
    owner: FakeLLMServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- plumbing ------------------------------------------------------------------

    def _reply(self, status: int, data: Any, content_type: str = "application/json") -> None:
        raw = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
        except OSError:
            pass  # the client went away (a cancelled or timed-out request)

    def _record(self, body: Any) -> None:
        entry = Recorded(self.command, self.path, dict(self.headers.items()), body)
        with self.owner._lock:
            self.owner.requests.append(entry)

    def _read_json(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        if not content_type.startswith("application/json"):
            self.owner.problem(f"{self.path}: Content-Type is {content_type!r}, not JSON")
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            self.owner.problem(f"{self.path}: the body is not JSON")
            body = None
        self._record(body)
        if not isinstance(body, dict):
            self.owner.problem(f"{self.path}: the body must be a JSON object")
        return body

    def _not_found(self) -> None:
        if self.owner.flavour == "ollama":
            self._reply(404, b"404 page not found", "text/plain")
        else:
            self._reply(
                404,
                {"error": {"code": 404, "message": "File Not Found", "type": "not_found_error"}},
            )

    def _stall(self) -> None:
        self.owner.stalled.set()
        self.owner.release.wait(timeout=60)

    # -- routes --------------------------------------------------------------------

    def do_GET(self) -> None:
        self._record(None)
        routes = {
            ("ollama", "/api/tags"): self._ollama_tags,
            ("openai", "/v1/models"): self._openai_models,
            ("openai", "/health"): self._openai_health,
        }
        route = routes.get((self.owner.flavour, self.path))
        route() if route else self._not_found()

    def do_POST(self) -> None:
        routes = {
            ("ollama", "/api/chat"): self._ollama_chat,
            ("ollama", "/api/show"): self._ollama_show,
            ("openai", "/v1/chat/completions"): self._openai_chat,
        }
        route = routes.get((self.owner.flavour, self.path))
        if route is None:
            self._record(None)
            self._not_found()
            return
        body = self._read_json()
        if isinstance(body, dict):
            route(body)
        else:
            self._reply(400, {"error": "invalid request body"})

    # -- Ollama --------------------------------------------------------------------

    def _ollama_tags(self) -> None:
        models = [
            {
                "name": name,
                "model": name,
                "modified_at": "2025-01-01T12:00:00.000000000Z",
                "size": 2019393189,
                "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                "details": {
                    "parent_model": "",
                    "format": "gguf",
                    "family": "llama",
                    "families": ["llama"],
                    "parameter_size": "3.2B",
                    "quantization_level": "Q4_K_M",
                },
            }
            for name in self.owner.models
        ]
        self._reply(200, {"models": models})

    def _ollama_show(self, body: dict[str, Any]) -> None:
        self.owner.check_keys(body, {"model"}, {"model", "verbose"})
        name = body.get("model")
        if not self.owner.has_model(name):
            self._reply(404, {"error": f"model '{name}' not found"})
            return
        self._reply(
            200,
            {
                "modelfile": '# Modelfile generated by "ollama show"',
                "parameters": 'stop "<|eot_id|>"',
                "template": "{{ .Prompt }}",
                "details": {"format": "gguf", "family": "llama", "parameter_size": "3.2B"},
                "model_info": {
                    "general.architecture": "llama",
                    "general.parameter_count": 3212749888,
                    "llama.context_length": self.owner.context_length,
                    "llama.embedding_length": 3072,
                },
            },
        )

    def _ollama_chat(self, body: dict[str, Any]) -> None:
        owner = self.owner
        required = {"model", "messages", "stream", "options"} | (
            {"format"} if owner.expect_schema else set()
        )
        owner.check_keys(body, required, required | {"format", "keep_alive"})
        if body.get("stream") is not False:
            owner.problem("stream must be false")
        messages = owner.check_messages(body.get("messages"))
        owner.check_schema(body.get("format"), "format")
        options = body.get("options")
        if not isinstance(options, dict):
            owner.problem("options must be an object")
            options = {}
        num_ctx = options.get("num_ctx")
        if not isinstance(num_ctx, int) or isinstance(num_ctx, bool):
            owner.problem(f"options.num_ctx must be a whole number, got {num_ctx!r}")
        elif num_ctx < prompt_tokens(messages):
            owner.problem(f"num_ctx {num_ctx} is below the prompt's {prompt_tokens(messages)}")
        elif num_ctx > owner.context_length:
            owner.problem(f"num_ctx {num_ctx} is above the model's {owner.context_length}")
        if options.get("temperature") != 0:
            owner.problem(f"temperature must be 0, got {options.get('temperature')!r}")
        if not owner.has_model(body.get("model")):
            name = body.get("model")
            self._reply(404, {"error": f'model "{name}" not found, try pulling it first'})
            return
        scripted = owner.next_answer()
        if scripted.stall:
            self._stall()
        if scripted.raw is not None:
            self._reply(scripted.status, scripted.raw)
            return
        if scripted.status != 200:
            self._reply(scripted.status, {"error": scripted.error or "internal error"})
            return
        self._reply(
            200,
            {
                "model": body["model"],
                "created_at": "2025-01-01T12:00:00.000000Z",
                "message": {"role": "assistant", "content": scripted.content},
                "done_reason": scripted.stop_reason,
                "done": True,
                "total_duration": 2254970291,
                "load_duration": 574751416,
                "prompt_eval_count": prompt_tokens(messages),
                "prompt_eval_duration": 1502000000,
                "eval_count": 12,
                "eval_duration": 175000000,
            },
        )

    # -- OpenAI-compatible ---------------------------------------------------------

    def _authorised(self) -> bool:
        key = self.owner.api_key
        if key is None:
            if "Authorization" in self.headers:
                self.owner.problem("an Authorization header was sent with no key set")
            return True
        if self.headers.get("Authorization") == f"Bearer {key}":
            return True
        self._reply(
            401,
            {"error": {"code": 401, "message": "Invalid API Key", "type": "authentication_error"}},
        )
        return False

    def _openai_health(self) -> None:
        if self.owner.loading:
            self._reply(503, LOADING_ERROR)
        else:
            self._reply(200, {"status": "ok"})

    def _openai_models(self) -> None:
        if self.owner.loading:
            self._reply(503, LOADING_ERROR)
            return
        if not self._authorised():
            return
        data = []
        for name in self.owner.models:
            entry: dict[str, Any] = {
                "id": name,
                "object": "model",
                "created": 1735142223,
                "owned_by": self.owner.owned_by,
            }
            if self.owner.owned_by == "llamacpp":
                entry["meta"] = {
                    "vocab_type": 2,
                    "n_vocab": 128256,
                    "n_ctx": self.owner.context_length,
                    "n_ctx_train": 131072,
                }
            elif self.owner.owned_by == "vllm":
                entry["max_model_len"] = self.owner.context_length
            data.append(entry)
        self._reply(200, {"object": "list", "data": data})

    def _openai_chat(self, body: dict[str, Any]) -> None:
        owner = self.owner
        if owner.loading:
            self._reply(503, LOADING_ERROR)
            return
        if not self._authorised():
            return
        required = {"model", "messages", "temperature"} | (
            {"response_format"} if owner.expect_schema else set()
        )
        owner.check_keys(body, required, required | {"response_format"})
        messages = owner.check_messages(body.get("messages"))
        if body.get("temperature") != 0:
            owner.problem(f"temperature must be 0, got {body.get('temperature')!r}")
        response_format = body.get("response_format")
        if response_format is not None or owner.expect_schema:
            self._check_response_format(response_format)
        if not owner.has_model(body.get("model")):
            name = body.get("model")
            message = f"The model `{name}` does not exist."
            self._reply(404, {"error": {"message": message, "type": "NotFoundError", "code": 404}})
            return
        scripted = owner.next_answer()
        if scripted.stall:
            self._stall()
        if scripted.raw is not None:
            self._reply(scripted.status, scripted.raw)
            return
        if scripted.status != 200:
            error = {
                "code": scripted.status,
                "message": scripted.error or "internal error",
                "type": "server_error",
            }
            self._reply(scripted.status, {"error": error})
            return
        tokens = prompt_tokens(messages)
        self._reply(
            200,
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 1735142223,
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": scripted.content},
                        "finish_reason": scripted.stop_reason,
                    }
                ],
                "usage": {
                    "prompt_tokens": tokens,
                    "completion_tokens": 12,
                    "total_tokens": tokens + 12,
                },
            },
        )

    def _check_response_format(self, response_format: object) -> None:
        owner = self.owner
        if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
            owner.problem("response_format must be of type json_schema")
            return
        spec = response_format.get("json_schema")
        if not isinstance(spec, dict):
            owner.problem("response_format.json_schema must be an object")
            return
        if not isinstance(spec.get("name"), str) or not _SCHEMA_NAME.match(spec["name"]):
            owner.problem("json_schema.name must be 1-64 letters, digits, _ or -")
        if spec.get("strict") is not True:
            owner.problem("json_schema.strict must be true")
        owner.check_schema(spec.get("schema"), "json_schema.schema")
