"""A loopback reverse proxy that puts network faults in front of a real CRM server.

Each request is answered by the next action of a script (then by ``default``):

* ``pass``: forward to the upstream CRM and return its answer;
* ``500`` / ``503``: answer that status without forwarding;
* ``429:N``: answer 429 with ``Retry-After: N``;
* ``stall``: read the request, then hold the connection open until released;
* ``drop-after``: forward (the CRM makes the record), then close the connection
  without an answer: the client cannot know whether its request did anything;
* ``expire``: answer 401 until the client presents a token newer than the one
  that expired (see :class:`TokenIssuer`).

The proxy can serve TLS with a certificate the test chooses (trusted, self-signed,
expired, for the wrong host). It records what it saw: methods, paths and the raw
bodies it forwarded.
"""

from __future__ import annotations

import json
import secrets
import ssl
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import httpx


@dataclass
class Seen:
    method: str
    path: str
    body: bytes
    action: str


@dataclass
class TokenIssuer:
    """Bearer tokens for the proxy's own token endpoint (``POST /oauth/token``).

    The proxy swaps the client's valid bearer token for the upstream CRM's real
    credentials, so a refresh in the middle of a push is exercised end to end.
    """

    access: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    refresh: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    refreshes: int = 0

    def rotate(self) -> dict[str, object]:
        self.access = secrets.token_urlsafe(16)
        self.refresh = secrets.token_urlsafe(16)
        self.refreshes += 1
        return {
            "access_token": self.access,
            "refresh_token": self.refresh,
            "token_type": "Bearer",
            "expires_in": 3600,
        }


class FaultProxy:
    def __init__(
        self,
        upstream: str,
        upstream_auth: tuple[str, str],
        *,
        script: Iterable[str] = (),
        default: str = "pass",
        tls: ssl.SSLContext | None = None,
        issuer: TokenIssuer | None = None,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.upstream_auth = upstream_auth
        self.script: deque[str] = deque(script)
        self.default = default
        self.issuer = issuer
        self.seen: list[Seen] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=30.0)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _handle(self) -> None:
                proxy._serve(self)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def add(self, *actions: str) -> None:
        with self._lock:
            self.script.extend(actions)

    def _next(self) -> str:
        with self._lock:
            return self.script.popleft() if self.script else self.default

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:  # noqa: PLR0911 (one per action)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        if handler.path == "/oauth/token" and self.issuer is not None:
            self._token(handler, body)
            return
        action = self._next()
        with self._lock:
            self.seen.append(Seen(handler.command, handler.path, body, action))
        if action == "expire":
            self._reply(handler, 401, b'{"detail":"token expired"}')
            return
        if self.issuer is not None and not self._authorised(handler):
            self._reply(handler, 401, b'{"detail":"token expired"}')
            return
        if action in ("500", "503"):
            self._reply(handler, int(action), b'{"detail":"server error"}')
            return
        if action.startswith("429"):
            wait = action.partition(":")[2] or "1"
            self._reply(handler, 429, b'{"detail":"slow down"}', [("Retry-After", wait)])
            return
        if action == "stall":
            self.release.wait(60)
            handler.close_connection = True
            return
        status, headers, answer = self._forward(handler, body)
        if action == "drop-after":
            handler.close_connection = True
            return
        self._reply(handler, status, answer, headers)

    def _authorised(self, handler: BaseHTTPRequestHandler) -> bool:
        assert self.issuer is not None
        return handler.headers.get("Authorization") == f"Bearer {self.issuer.access}"

    def _token(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        assert self.issuer is not None
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != (
            self.issuer.refresh
        ):
            self._reply(handler, 400, b'{"error":"invalid_grant"}')
            return
        self._reply(handler, 200, json.dumps(self.issuer.rotate()).encode())

    def _forward(
        self, handler: BaseHTTPRequestHandler, body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        skip = {"host", "authorization", "content-length", "connection", "accept-encoding"}
        headers = [(k, v) for k, v in handler.headers.items() if k.lower() not in skip]
        if self.upstream_auth[0]:
            headers.append(self.upstream_auth)
        response = self._http.request(
            handler.command, self.upstream + handler.path, headers=headers, content=body
        )
        keep = {"content-type", "retry-after", "location"}
        return (
            response.status_code,
            [(k, v) for k, v in response.headers.items() if k.lower() in keep],
            response.content,
        )

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        handler.send_response(status)
        sent = {"content-type"}
        for name, value in headers:
            handler.send_header(name, value)
            sent.add(name.lower())
        if "content-type" not in {n.lower() for n, _ in headers}:
            handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
