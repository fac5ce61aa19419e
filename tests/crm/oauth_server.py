"""A real OAuth 2 authorization server for the tests: authlib's grants over HTTPS.

Authorization code with PKCE (required, RFC 7636) for one public client, and
refresh tokens, optionally rotated. It approves (or, when told to, declines)
every authorization request at once and redirects to the client's
``redirect_uri``; any port on ``http://127.0.0.1`` is accepted, as RFC 8252
§7.3 asks of servers. TLS comes from a private CA made by ``trustme``: a client
that does not trust :attr:`OAuthTestServer.ca` is refused, as with a real
server's unknown certificate.

It records every authorization and token request it sees, so tests can check
what the client sent. ``GET /api/me`` stands in for a CRM API: 200 with a
valid bearer token, 401 otherwise.
"""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import trustme
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeMixin,
    AuthorizationServer,
    ClientMixin,
    OAuth2Error,
    OAuth2Payload,
    OAuth2Request,
    TokenMixin,
)
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant, RefreshTokenGrant
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge

from minuta.crm.oauth import OAuthProvider

CLIENT_ID = "minuta-test"
USER = "anna.berg"


@dataclass
class Client(ClientMixin):
    client_id: str
    scopes: tuple[str, ...]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None  # a native app always says where to

    def get_allowed_scope(self, scope: str | None) -> str:
        wanted = (scope or "").split()
        return " ".join(s for s in wanted if s in self.scopes)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        # RFC 8252 §7.3: the loopback IP literal, any port, the registered path.
        split = urlsplit(redirect_uri)
        return (
            split.scheme == "http"
            and split.hostname == "127.0.0.1"
            and split.port is not None
            and split.path == "/callback"
        )

    def check_client_secret(self, client_secret: str) -> bool:
        return False  # a public client has none

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in {"authorization_code", "refresh_token"}


@dataclass
class AuthorizationCode(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: str
    code_challenge: str | None
    code_challenge_method: str | None

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


@dataclass
class Token(TokenMixin):
    access_token: str
    refresh_token: str | None
    client_id: str
    scope: str
    user: str
    expires_in: int
    issued_at: float = field(default_factory=time.time)
    access_revoked: bool = False
    refresh_revoked: bool = False

    def check_client(self, client: Client) -> bool:
        return self.client_id == client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return bool(self.expires_in) and self.issued_at + self.expires_in < time.time()

    def is_revoked(self) -> bool:
        return self.access_revoked

    def get_user(self) -> str:
        return self.user


class _Payload(OAuth2Payload):
    def __init__(self, values: dict[str, list[str]]) -> None:
        self._datalist = defaultdict(list, values)
        self._data = {key: found[0] for key, found in values.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class _Request(OAuth2Request):
    """One HTTP request, as authlib wants it: query and form, merged like Flask's ``values``."""

    def __init__(self, method: str, uri: str, headers: dict[str, str], query: str, body: str):
        super().__init__(method, uri, headers=headers)
        self.query_values = parse_qs(query, keep_blank_values=True)
        self.form_values = parse_qs(body, keep_blank_values=True)
        merged: dict[str, list[str]] = defaultdict(list)
        for values in (self.query_values, self.form_values):
            for key, found in values.items():
                merged[key].extend(found)
        self.payload = _Payload(dict(merged))

    @property
    def args(self) -> dict[str, str]:
        return {key: found[0] for key, found in self.query_values.items()}

    @property
    def form(self) -> dict[str, str]:
        return {key: found[0] for key, found in self.form_values.items()}


class _CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]  # noqa: RUF012 (authlib's own attribute)
    server: _Server

    def save_authorization_code(self, code: str, request: _Request) -> None:
        data = request.payload.data
        self.server.owner.codes[code] = AuthorizationCode(
            code=code,
            client_id=request.client.client_id,
            redirect_uri=data.get("redirect_uri", ""),
            scope=request.scope or "",
            user=request.user,
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
        )

    def query_authorization_code(self, code: str, client: Client) -> AuthorizationCode | None:
        found = self.server.owner.codes.get(code)
        return found if found is not None and found.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        self.server.owner.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code: AuthorizationCode) -> str:
        return authorization_code.user


class _RefreshGrant(RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]  # noqa: RUF012
    server: _Server

    @property
    def INCLUDE_NEW_REFRESH_TOKEN(self) -> bool:
        return self.server.owner.rotate_refresh_tokens

    def authenticate_refresh_token(self, refresh_token: str) -> Token | None:
        for token in self.server.owner.tokens:
            if token.refresh_token == refresh_token and not token.refresh_revoked:
                return token
        return None

    def authenticate_user(self, refresh_token: Token) -> str:
        return refresh_token.user

    def revoke_old_credential(self, refresh_token: Token) -> None:
        if self.server.owner.rotate_refresh_tokens:
            refresh_token.refresh_revoked = True  # a rotated refresh token works once


class _Server(AuthorizationServer):
    def __init__(self, owner: OAuthTestServer) -> None:
        super().__init__()
        self.owner = owner
        self.register_token_generator(
            "default",
            BearerTokenGenerator(
                access_token_generator=lambda **_: generate_token(owner.access_token_length),
                refresh_token_generator=lambda **_: generate_token(48),
                expires_generator=lambda client, grant_type: owner.expires_in,
            ),
        )
        self.register_grant(_CodeGrant, [CodeChallenge(required=True)])
        self.register_grant(_RefreshGrant)

    def query_client(self, client_id: str) -> Client | None:
        return self.owner.clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: _Request) -> None:
        # authlib sends this very dict as the answer: vendor fields go in here.
        token.update(self.owner.extra_token_fields)
        self.owner.tokens.append(
            Token(
                access_token=token["access_token"],
                refresh_token=token.get("refresh_token"),
                client_id=request.client.client_id,
                scope=token.get("scope", ""),
                user=request.user,
                expires_in=int(token.get("expires_in", 0)),
            )
        )

    def create_oauth2_request(self, request: _Request) -> _Request:
        return request

    def create_json_request(self, request: object) -> Any:
        raise NotImplementedError

    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> Any:
        return status, body, headers

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        owner = self.server.owner
        request = _Request(
            method,
            f"{owner.base_url}{self.path}",
            {key.lower(): value for key, value in self.headers.items()},
            split.query,
            body,
        )
        with owner.lock:
            status, payload, headers = owner.handle(split.path, request)
        data = json.dumps(payload).encode() if isinstance(payload, dict) else payload.encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        return


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: OAuthTestServer


class OAuthTestServer:
    """The server on 127.0.0.1 at a free port; use as a context manager."""

    def __init__(self) -> None:
        self.ca = trustme.CA()
        self.clients = {CLIENT_ID: Client(CLIENT_ID, ("contacts", "notes"))}
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: list[Token] = []
        self.authorize_requests: list[dict[str, str]] = []
        self.token_requests: list[dict[str, str]] = []
        self.approve = True
        self.expires_in = 3600
        self.rotate_refresh_tokens = True
        self.access_token_length = 42
        self.extra_token_fields: dict[str, Any] = {}  # added to every token answer
        self.lock = threading.Lock()
        self._authz = _Server(self)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1").configure_cert(context)
        self._http = _HttpServer(("127.0.0.1", 0), _Handler)
        self._http.owner = self
        self._http.socket = context.wrap_socket(self._http.socket, server_side=True)
        self.base_url = f"https://127.0.0.1:{self._http.server_port}"
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> OAuthTestServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._http.shutdown()
            self._thread.join()
        self._http.server_close()

    def client_context(self) -> ssl.SSLContext:
        """An SSL context that trusts this server's CA (and nothing else)."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    def provider(self, **changes: Any) -> OAuthProvider:
        values: dict[str, Any] = {
            "authorize_url": f"{self.base_url}/authorize",
            "token_url": f"{self.base_url}/token",
            "client_id": CLIENT_ID,
            "scopes": ("contacts", "notes"),
        }
        values.update(changes)
        return OAuthProvider(**values)

    def revoke_access_tokens(self) -> None:
        with self.lock:
            for token in self.tokens:
                token.access_revoked = True

    def revoke_refresh_tokens(self) -> None:
        with self.lock:
            for token in self.tokens:
                token.refresh_revoked = True

    def token_requests_of(self, grant_type: str) -> list[dict[str, str]]:
        with self.lock:
            return [r for r in self.token_requests if r.get("grant_type") == grant_type]

    # --- endpoints, called under the lock ------------------------------------------

    def handle(self, path: str, request: _Request) -> tuple[int, Any, list[tuple[str, str]]]:
        if path == "/authorize" and request.method == "GET":
            return self._authorize(request)
        if path == "/token" and request.method == "POST":
            self.token_requests.append(request.form)
            return self._authz.create_token_response(request)
        if path == "/api/me" and request.method == "GET":
            return self._me(request)
        return 404, {"error": "not_found"}, [("Content-Type", "application/json")]

    def _authorize(self, request: _Request) -> tuple[int, Any, list[tuple[str, str]]]:
        self.authorize_requests.append(request.args)
        try:
            grant = self._authz.get_consent_grant(request)
        except OAuth2Error as error:
            return self._authz.handle_error_response(request, error)
        user = USER if self.approve else None
        return self._authz.create_authorization_response(request, grant_user=user, grant=grant)

    def _me(self, request: _Request) -> tuple[int, Any, list[tuple[str, str]]]:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        for token in self.tokens:
            if (
                scheme.lower() == "bearer"
                and token.access_token == value
                and not token.is_revoked()
                and not token.is_expired()
            ):
                return 200, {"user": token.user}, [("Content-Type", "application/json")]
        return 401, {"error": "invalid_token"}, [("WWW-Authenticate", "Bearer")]
