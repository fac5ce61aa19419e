"""Signing in to a CRM from the desktop: OAuth 2 for native apps (RFC 8252) with PKCE.

:func:`sign_in` opens the system browser at the CRM's sign-in page and listens
for the answer on a loopback address: ``http://127.0.0.1:{random port}/callback``
(RFC 8252 §7.3: an IP literal, not ``localhost``, and a port the system picks).
The listener takes exactly one answer on its callback path and closes. The
authorization code is bound to this run by PKCE S256 (RFC 7636) and to this
request by ``state``; a wrong or missing ``state`` ends the sign-in before any
code is exchanged. Minuta is a public client: there is no client secret.

:func:`refresh` renews an access token with the refresh token, keeping the old
refresh token when the server does not rotate it.

Both calls block (the UI runs them on a worker thread). Token requests use
httpx with explicit timeouts and TLS verification always on. Nothing here logs
or puts into an exception message a token, a code, a verifier or a ``state``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import secrets
import ssl
import string
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx

log = logging.getLogger(__name__)

# Long enough for a slow identity provider, short enough that the user is not
# left waiting on a dead network.
TOKEN_TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# How often a waiting sign-in looks at its cancel event.
POLL_S = 0.05
# An idle connection to the listener (a browser's speculative pre-connect) is
# dropped after this long, so it cannot keep a thread.
_IDLE_CONNECTION_S = 10.0

# RFC 7636 §4.1: unreserved characters, 43 to 128 of them.
_VERIFIER_ALPHABET = string.ascii_letters + string.digits + "-._~"
_VERIFIER_LENGTH = 64

# Token-response members that are not kept in TokenSet.extra.
_STANDARD_FIELDS = frozenset(
    {"access_token", "refresh_token", "expires_in", "token_type", "scope", "id_token"}
)
# id_token claims that only matter to the protocol, never to a connector.
_PROTOCOL_CLAIMS = frozenset({"nonce", "at_hash", "c_hash", "jti"})
# Authorize parameters Minuta sets itself; a provider's extras may not replace them.
_OWN_AUTHORIZE_PARAMS = frozenset(
    {
        "response_type",
        "client_id",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
    }
)

_BEARER = "Bearer"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})

_DONE_PAGE = "You can close this window and return to Minuta."
_FAILED_PAGE = (
    "Minuta could not complete the sign-in. You can close this window and try again in Minuta."
)


class OAuthError(Exception):
    """Signing in or renewing a sign-in failed; ``str(error)`` is meant for the user.

    ``reason`` is a short machine-readable code (``timeout``, ``cancelled``,
    ``state_mismatch``, ``access_denied``, ``invalid_grant``, ``network``, ``tls``,
    ...); ``retryable`` says whether trying again later can help without the
    user signing in again.
    """

    def __init__(self, message: str, *, reason: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.retryable = retryable


@dataclass(frozen=True)
class OAuthProvider:
    """Where and how one CRM signs users in. ``client_id`` is Minuta's public id there."""

    authorize_url: str
    token_url: str
    client_id: str
    scopes: tuple[str, ...]
    extra_authorize_params: tuple[tuple[str, str], ...] = ()
    redirect_path: str = "/callback"

    def __post_init__(self) -> None:
        for url in (self.authorize_url, self.token_url):
            split = urlsplit(url)
            # Plain http only to a server on this very computer (a test or local CRM).
            if split.scheme != "https" and not (
                split.scheme == "http" and split.hostname in _LOOPBACK_HOSTS
            ):
                raise ValueError("OAuth endpoints must use https")
        if not self.redirect_path.startswith("/"):
            raise ValueError("redirect_path must start with '/'")
        clash = {name for name, _ in self.extra_authorize_params} & _OWN_AUTHORIZE_PARAMS
        if clash:
            raise ValueError(f"extra_authorize_params may not set {sorted(clash)}")


@dataclass(frozen=True)
class TokenSet:
    """What a sign-in gives: tokens, when the access token expires, and vendor extras.

    ``extra`` holds the vendor's additional string fields (Salesforce's
    ``instance_url``; SuperOffice's ``webapi_url`` claim from its id_token).
    The tokens are left out of ``repr`` so that logging a TokenSet leaks nothing.
    """

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: float | None  # epoch seconds; None when the server did not say
    token_type: str = _BEARER
    scope: str = ""
    extra: tuple[tuple[str, str], ...] = ()

    def expires_within(self, seconds: float, now: float) -> bool:
        """Whether the access token is expired, or will be ``seconds`` from ``now``."""
        return self.expires_at is not None and self.expires_at - now <= seconds

    def extra_value(self, name: str) -> str | None:
        for key, value in self.extra:
            if key == name:
                return value
        return None


def sign_in(
    provider: OAuthProvider,
    *,
    open_browser: Callable[[str], object] = webbrowser.open,
    timeout_s: float = 300.0,
    cancel: threading.Event | None = None,
    http: httpx.Client | None = None,
) -> TokenSet:
    """Sign in through the system browser and return the tokens; blocks until done.

    Raises :class:`OAuthError` when the user declines, the answer does not
    check out, nothing comes within ``timeout_s``, ``cancel`` is set, or the
    token request fails. The loopback listener is closed in every case.
    """
    verifier = "".join(secrets.choice(_VERIFIER_ALPHABET) for _ in range(_VERIFIER_LENGTH))
    state = secrets.token_urlsafe(32)
    server = _LoopbackServer(provider.redirect_path, state)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": POLL_S},
        name="oauth-callback",
        daemon=True,
    )
    thread.start()
    try:
        redirect_uri = f"http://127.0.0.1:{server.server_port}{provider.redirect_path}"
        url = _authorize_url(provider, redirect_uri, state, _s256(verifier))
        _open(open_browser, url)
        _wait(server.answered, timeout_s, cancel)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    outcome = server.outcome
    if isinstance(outcome, OAuthError):
        raise outcome
    assert outcome is not None  # answered is only set with an outcome
    form = {
        "grant_type": "authorization_code",
        "code": outcome,
        "redirect_uri": redirect_uri,
        "client_id": provider.client_id,
        "code_verifier": verifier,
    }
    tokens = _request_tokens(provider, form, http, previous=None)
    log.info("Signed in at %s", urlsplit(provider.token_url).hostname)
    return tokens


def refresh(
    provider: OAuthProvider, tokens: TokenSet, *, http: httpx.Client | None = None
) -> TokenSet:
    """New tokens for ``tokens``; keeps the old refresh token when the server sends none."""
    if not tokens.refresh_token:
        raise OAuthError(
            "This sign-in cannot be renewed. Connect the CRM again.", reason="no_refresh_token"
        )
    form = {
        "grant_type": "refresh_token",
        "refresh_token": tokens.refresh_token,
        "client_id": provider.client_id,
    }
    fresh = _request_tokens(provider, form, http, previous=tokens)
    log.info("Renewed the sign-in at %s", urlsplit(provider.token_url).hostname)
    return fresh


# --- the authorization request -------------------------------------------------------


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _authorize_url(provider: OAuthProvider, redirect_uri: str, state: str, challenge: str) -> str:
    params = [
        ("response_type", "code"),
        ("client_id", provider.client_id),
        ("redirect_uri", redirect_uri),
    ]
    if provider.scopes:
        params.append(("scope", " ".join(provider.scopes)))
    params += [
        ("state", state),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
        *provider.extra_authorize_params,
    ]
    split = urlsplit(provider.authorize_url)
    query = "&".join(part for part in (split.query, urlencode(params)) if part)
    return urlunsplit((split.scheme, split.netloc, split.path, query, ""))


def _open(open_browser: Callable[[str], object], url: str) -> None:
    try:
        opened = open_browser(url)
    except Exception as exc:  # whatever the browser launcher raises, the user gets one message
        raise OAuthError(
            "Minuta could not open your web browser for the sign-in.", reason="browser"
        ) from exc
    if opened is False:  # webbrowser.open's way of saying no browser was found
        raise OAuthError(
            "Minuta could not open your web browser for the sign-in.", reason="browser"
        )


def _wait(answered: threading.Event, timeout_s: float, cancel: threading.Event | None) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if cancel is not None and cancel.is_set():
            raise OAuthError("The sign-in was cancelled.", reason="cancelled")
        left = deadline - time.monotonic()
        if left <= 0:
            raise OAuthError(
                "The sign-in was not completed in the browser in time. Try again.",
                reason="timeout",
            )
        if answered.wait(min(POLL_S, left)):
            return


# --- the loopback listener ------------------------------------------------------------


class _LoopbackServer(ThreadingHTTPServer):
    """Listens on 127.0.0.1 at a port the system picks; keeps the first callback's outcome."""

    daemon_threads = True

    def __init__(self, callback_path: str, state: str) -> None:
        super().__init__(("127.0.0.1", 0), _CallbackHandler)
        self.callback_path = callback_path
        self.expected_state = state
        self.answered = threading.Event()
        self.outcome: str | OAuthError | None = None  # the code, or why there is none
        self._claimed = False
        self._claim_lock = threading.Lock()

    def claim(self, outcome: str | OAuthError) -> bool:
        """Record the first callback's outcome; False for any later callback."""
        with self._claim_lock:
            if self._claimed:
                return False
            self._claimed = True
            self.outcome = outcome
            return True

    def handle_error(self, request: object, client_address: object) -> None:
        # The default prints a traceback to stderr; a broken browser connection
        # is not worth more than a line, and the request line must not appear.
        log.debug("The sign-in listener dropped a connection")


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _LoopbackServer
    timeout = _IDLE_CONNECTION_S

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        if split.path != self.server.callback_path:
            self._answer(404, "Not found.")
            return
        outcome = _read_callback(split.query, self.server.expected_state)
        if not self.server.claim(outcome):
            self._answer(404, "This sign-in has already been answered.")
            return
        try:
            self._answer(200, _FAILED_PAGE if isinstance(outcome, OAuthError) else _DONE_PAGE)
        finally:
            self.server.answered.set()

    def _answer(self, status: int, text: str) -> None:
        body = (
            '<!doctype html><html><head><meta charset="utf-8"><title>Minuta</title></head>'
            f"<body><p>{text}</p></body></html>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        # The page's address holds the code: it must not travel on as a referrer.
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        # The default writes the request line, code and state included, to stderr.
        return


def _read_callback(query: str, expected_state: str) -> str | OAuthError:
    """The authorization code from a callback's query, or the error to raise."""
    values = parse_qs(query, keep_blank_values=True)
    if any(len(found) > 1 for found in values.values()):
        return OAuthError("The sign-in answer was malformed. Try again.", reason="malformed")
    params = {name: found[0] for name, found in values.items()}
    state = params.get("state", "")
    if not hmac.compare_digest(state.encode(), expected_state.encode()):
        return OAuthError(
            "The sign-in answer did not match the request Minuta made, so it was refused. "
            "Try again.",
            reason="state_mismatch",
        )
    error = params.get("error")
    if error is not None:
        if error == "access_denied":
            message = "The sign-in was declined in the browser."
        else:
            message = "The CRM did not complete the sign-in."
        return OAuthError(_with_description(message, params), reason=_code(error))
    code = params.get("code")
    if not code:
        return OAuthError("The sign-in answer held no authorization.", reason="malformed")
    return code


# --- the token request -------------------------------------------------------------------


def _request_tokens(
    provider: OAuthProvider,
    form: dict[str, str],
    http: httpx.Client | None,
    *,
    previous: TokenSet | None,
) -> TokenSet:
    renewing = previous is not None
    host = urlsplit(provider.token_url).hostname or "?"
    client = http if http is not None else httpx.Client(timeout=TOKEN_TIMEOUT)
    started = time.time()  # expiry counts from before the request: never too late
    try:
        response = client.post(
            provider.token_url,
            data=form,
            headers={"Accept": "application/json"},
            timeout=TOKEN_TIMEOUT,
            follow_redirects=False,
        )
    except httpx.TimeoutException as exc:
        raise OAuthError(
            f"The sign-in server {host} did not answer in time. Try again.",
            reason="timeout",
            retryable=True,
        ) from exc
    except httpx.ConnectError as exc:
        if _is_certificate_problem(exc):
            raise OAuthError(
                f"The certificate of {host} could not be verified, so nothing was sent. "
                "Check the CRM address, or ask your IT department about the connection.",
                reason="tls",
            ) from exc
        raise OAuthError(
            f"Could not reach the sign-in server {host}.", reason="network", retryable=True
        ) from exc
    except httpx.HTTPError as exc:
        raise OAuthError(
            f"The connection to the sign-in server {host} failed.",
            reason="network",
            retryable=True,
        ) from exc
    finally:
        if http is None:
            client.close()
    data = _json_object(response)
    if response.status_code != 200 or data is None or "error" in data:
        raise _token_error(response.status_code, data, renewing)
    return _token_set(data, previous, started)


def _is_certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        data = json.loads(response.content)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _token_error(status: int, data: Mapping[str, Any] | None, renewing: bool) -> OAuthError:
    if status >= 500 or status == 429:
        return OAuthError(
            f"The sign-in server had a problem ({status}). Try again in a moment.",
            reason="server_error",
            retryable=True,
        )
    error = data.get("error") if data is not None else None
    if not isinstance(error, str):
        return OAuthError(
            f"The sign-in server gave an answer Minuta does not understand ({status}).",
            reason="bad_response",
        )
    if renewing and error == "invalid_grant":
        message = "The sign-in to the CRM has expired or was withdrawn. Connect it again."
    elif renewing:
        message = "The CRM refused to renew the sign-in. Connect it again."
    else:
        message = "The CRM refused the sign-in."
    return OAuthError(_with_description(message, data or {}), reason=_code(error))


def _token_set(data: Mapping[str, Any], previous: TokenSet | None, started: float) -> TokenSet:
    access = data.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuthError("The sign-in server's answer held no access token.", reason="bad_response")
    refresh_token = data.get("refresh_token")
    if not isinstance(refresh_token, str) or not refresh_token:
        refresh_token = previous.refresh_token if previous is not None else None
    token_type = data.get("token_type")
    if not isinstance(token_type, str) or not token_type or token_type.lower() == "bearer":
        token_type = _BEARER  # RFC 6750 says case-insensitive; some servers send "bearer"
    scope = data.get("scope")
    if isinstance(scope, list):  # a few servers send a JSON array
        scope = " ".join(str(item) for item in scope)
    if not isinstance(scope, str):
        scope = previous.scope if previous is not None else ""
    extra = dict(previous.extra) if previous is not None else {}
    extra.update(_id_token_claims(data.get("id_token")))
    extra.update(
        (key, value)
        for key, value in data.items()
        if key not in _STANDARD_FIELDS and isinstance(value, str)
    )
    return TokenSet(
        access_token=access,
        refresh_token=refresh_token,
        expires_at=_expires_at(data.get("expires_in"), started),
        token_type=token_type,
        scope=scope,
        extra=tuple(sorted(extra.items())),
    )


def _expires_at(expires_in: object, started: float) -> float | None:
    if isinstance(expires_in, bool):
        return None
    try:
        seconds = float(expires_in)  # type: ignore[arg-type]  # some servers send a string
    except (TypeError, ValueError):
        return None
    return started + seconds if seconds > 0 else None


def _id_token_claims(id_token: object) -> dict[str, str]:
    """The string claims of an id_token, such as SuperOffice's web API address.

    The signature is not checked: the token came straight from the token
    endpoint over verified TLS (OpenID Connect Core §3.1.3.7), and its claims
    only say where the CRM's API is, never who may do what.
    """
    if not isinstance(id_token, str) or id_token.count(".") != 2:
        return {}
    payload = id_token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, binascii.Error):
        return {}
    if not isinstance(claims, dict):
        return {}
    return {
        key: value
        for key, value in claims.items()
        if isinstance(key, str) and isinstance(value, str) and key not in _PROTOCOL_CLAIMS
    }


def _code(error: str) -> str:
    """An OAuth error code fit for ``OAuthError.reason`` (RFC 6749 limits its characters)."""
    cleaned = "".join(ch for ch in error if ch.isascii() and (ch.isalnum() or ch in "_-."))
    return cleaned[:60] or "error"


def _with_description(message: str, data: Mapping[str, Any]) -> str:
    description = data.get("error_description")
    if not isinstance(description, str):
        return message
    # The server's own words help the user; keep them printable and short.
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in description).split())
    return f"{message} ({text[:200]})" if text else message


__all__ = ["OAuthError", "OAuthProvider", "TokenSet", "refresh", "sign_in"]
