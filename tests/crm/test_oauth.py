"""Desktop sign-in (RFC 8252 + PKCE) against a real authlib authorization server over TLS."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
from tests.crm.oauth_server import CLIENT_ID, OAuthTestServer

from minuta.crm.oauth import OAuthError, OAuthProvider, TokenSet, refresh, sign_in

VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{64}$")


@pytest.fixture
def server() -> Iterator[OAuthTestServer]:
    with OAuthTestServer() as running:
        yield running


@pytest.fixture
def http(server: OAuthTestServer) -> Iterator[httpx.Client]:
    """A client that trusts the test server's CA, as a system would trust a CRM's."""
    with httpx.Client(verify=server.client_context(), trust_env=False) as client:
        yield client


class Browser:
    """Does what the system browser does: follows the sign-in page's redirect to Minuta."""

    def __init__(
        self,
        http: httpx.Client,
        *,
        rewrite: Callable[[str], str] | None = None,
        first_visit: str | None = None,
    ) -> None:
        self._http = http
        self._rewrite = rewrite
        self._first_visit = first_visit
        self.authorize_url = ""
        self.callback_url = ""
        self.pages: list[httpx.Response] = []

    def __call__(self, url: str) -> bool:
        self.authorize_url = url
        answer = self._http.get(url)  # httpx does not follow redirects unless asked
        assert answer.status_code == 302, answer.text
        location = answer.headers["location"]
        if self._rewrite is not None:
            location = self._rewrite(location)
        self.callback_url = location
        if self._first_visit is not None:  # e.g. the browser asking for a favicon
            origin = urlsplit(location)
            self.pages.append(self._http.get(f"http://{origin.netloc}{self._first_visit}"))
        self.pages.append(self._http.get(location))
        return True

    @property
    def redirect_uri(self) -> str:
        return parse_qs(urlsplit(self.authorize_url).query)["redirect_uri"][0]

    @property
    def port(self) -> int:
        port = urlsplit(self.redirect_uri).port
        assert port is not None
        return port


def _with_query(url: str, change: Callable[[dict[str, str]], None]) -> str:
    split = urlsplit(url)
    params = {key: found[0] for key, found in parse_qs(split.query).items()}
    change(params)
    return urlunsplit(split._replace(query=urlencode(params)))


def _refused(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return True
    return False


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def test_sign_in_gets_the_tokens_the_server_issued_with_pkce(
    server: OAuthTestServer, http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    browser = Browser(http)
    started = time.time()

    tokens = sign_in(server.provider(), open_browser=browser, http=http, timeout_s=30)

    issued = server.tokens[-1]
    assert tokens.access_token == issued.access_token
    assert tokens.refresh_token == issued.refresh_token
    assert tokens.token_type == "Bearer"
    assert tokens.scope == "contacts notes"
    assert tokens.expires_at is not None
    assert started + 3600 <= tokens.expires_at <= time.time() + 3600
    # The authorization request: a public client, PKCE S256, a long random state.
    (asked,) = server.authorize_requests
    assert asked["response_type"] == "code"
    assert asked["client_id"] == CLIENT_ID
    assert asked["scope"] == "contacts notes"
    assert asked["code_challenge_method"] == "S256"
    assert len(asked["state"]) >= 43
    # The token request proved it holds the verifier behind that challenge.
    (exchange,) = server.token_requests
    assert exchange["grant_type"] == "authorization_code"
    assert exchange["client_id"] == CLIENT_ID
    assert "client_secret" not in exchange
    assert exchange["redirect_uri"] == asked["redirect_uri"]
    assert VERIFIER.match(exchange["code_verifier"])
    assert _s256(exchange["code_verifier"]) == asked["code_challenge"]
    # The browser was told it can go back to the app.
    (page,) = browser.pages
    assert page.status_code == 200
    assert "You can close this window and return to Minuta." in page.text
    assert page.headers["cache-control"] == "no-store"
    # Minuta logged nothing secret (the test's own browser and server may).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("minuta"))
    assert "Signed in at 127.0.0.1" in logged
    for secret in (exchange["code"], exchange["code_verifier"], asked["state"]):
        assert secret not in logged
    assert tokens.access_token not in logged
    assert tokens.access_token not in repr(tokens)
    assert tokens.refresh_token is not None
    assert tokens.refresh_token not in repr(tokens)


def test_redirect_uri_is_the_loopback_ip_on_a_port_the_system_picks(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    first = Browser(http)
    sign_in(server.provider(), open_browser=first, http=http, timeout_s=30)
    split = urlsplit(first.redirect_uri)
    assert (split.scheme, split.hostname, split.path) == ("http", "127.0.0.1", "/callback")
    assert first.port > 0

    # With that port taken, a second sign-in simply listens on another one.
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
        squatter.bind(("127.0.0.1", first.port))
        squatter.listen()
        second = Browser(http)
        sign_in(server.provider(), open_browser=second, http=http, timeout_s=30)
    assert second.port != first.port
    assert urlsplit(second.redirect_uri).hostname == "127.0.0.1"


def test_listener_answers_one_callback_then_closes(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    browser = Browser(http, first_visit="/favicon.ico")

    sign_in(server.provider(), open_browser=browser, http=http, timeout_s=30)

    favicon, callback = browser.pages
    assert favicon.status_code == 404  # other paths do not count as the answer
    assert callback.status_code == 200
    assert _refused(browser.port)


def test_a_tampered_verifier_is_refused_by_the_server(server: OAuthTestServer) -> None:
    class Tamper(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            form = {k: v[0] for k, v in parse_qs(request.read().decode()).items()}
            form["code_verifier"] = "x" * 64  # well-formed, but not the one behind the challenge
            changed = httpx.Request(request.method, request.url, headers=request.headers, data=form)
            return super().handle_request(changed)

    context = server.client_context()
    with (
        httpx.Client(verify=context, trust_env=False) as browsing,
        httpx.Client(transport=Tamper(verify=context), trust_env=False) as tampering,
        pytest.raises(OAuthError) as caught,
    ):
        sign_in(server.provider(), open_browser=Browser(browsing), http=tampering)

    assert caught.value.reason == "invalid_grant"
    assert not caught.value.retryable
    assert len(server.token_requests) == 1
    assert server.tokens == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: p.update(state="forged-state"), id="wrong"),
        pytest.param(lambda p: p.pop("state"), id="missing"),
    ],
)
def test_a_wrong_state_ends_the_sign_in_without_a_token_request(
    server: OAuthTestServer, http: httpx.Client, change: Callable[[dict[str, str]], None]
) -> None:
    browser = Browser(http, rewrite=lambda url: _with_query(url, change))

    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=browser, http=http, timeout_s=30)

    assert caught.value.reason == "state_mismatch"
    assert server.token_requests == []
    (page,) = browser.pages
    assert "could not complete the sign-in" in page.text
    code = parse_qs(urlsplit(browser.callback_url).query)["code"][0]
    assert code not in str(caught.value)
    assert _refused(browser.port)


def test_a_declined_sign_in_says_so(server: OAuthTestServer, http: httpx.Client) -> None:
    server.approve = False
    browser = Browser(http)

    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=browser, http=http, timeout_s=30)

    assert caught.value.reason == "access_denied"
    assert "declined" in str(caught.value)
    assert "denied the request" in str(caught.value)  # the server's error_description
    assert server.token_requests == []


def test_no_answer_times_out_and_closes_the_listener(server: OAuthTestServer) -> None:
    opened: list[str] = []

    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=opened.append, timeout_s=0.3)

    assert caught.value.reason == "timeout"
    port = urlsplit(parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]).port
    assert port is not None
    assert _refused(port)
    assert server.token_requests == []


def test_cancel_ends_the_wait(server: OAuthTestServer) -> None:
    cancel = threading.Event()
    opened: list[str] = []

    def open_and_give_up(url: str) -> None:
        opened.append(url)
        cancel.set()  # the user pressed Cancel in Minuta

    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=open_and_give_up, cancel=cancel, timeout_s=60)

    assert caught.value.reason == "cancelled"
    port = urlsplit(parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]).port
    assert port is not None
    assert _refused(port)


def test_no_browser_is_an_error_and_closes_the_listener(server: OAuthTestServer) -> None:
    opened: list[str] = []

    def no_browser(url: str) -> bool:
        opened.append(url)
        return False  # what webbrowser.open says when it finds no browser

    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=no_browser, timeout_s=60)

    assert caught.value.reason == "browser"
    port = urlsplit(parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]).port
    assert port is not None
    assert _refused(port)


def test_certificates_are_checked_by_default(server: OAuthTestServer, http: httpx.Client) -> None:
    # Without a client of its own, sign_in trusts only the system's CAs: the
    # test CA is not among them, so the code is never sent.
    with pytest.raises(OAuthError) as caught:
        sign_in(server.provider(), open_browser=Browser(http), timeout_s=30)

    assert caught.value.reason == "tls"
    assert server.token_requests == []


def test_authorize_url_keeps_its_own_query_and_adds_extra_params(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    provider = server.provider(
        authorize_url=f"{server.base_url}/authorize?tenant=acme",
        extra_authorize_params=(("prompt", "consent"),),
    )
    browser = Browser(http)

    sign_in(provider, open_browser=browser, http=http, timeout_s=30)

    (asked,) = server.authorize_requests
    assert asked["tenant"] == "acme"
    assert asked["prompt"] == "consent"


def test_provider_refuses_plain_http_and_overriding_pkce() -> None:
    with pytest.raises(ValueError, match="https"):
        OAuthProvider("http://crm.example/authorize", "https://crm.example/token", "id", ())
    # A server on this computer needs no TLS.
    OAuthProvider("http://127.0.0.1:8080/authorize", "http://127.0.0.1:8080/token", "id", ())
    with pytest.raises(ValueError, match="code_challenge_method"):
        OAuthProvider(
            "https://crm.example/authorize",
            "https://crm.example/token",
            "id",
            (),
            extra_authorize_params=(("code_challenge_method", "plain"),),
        )


def _signed_in(server: OAuthTestServer, http: httpx.Client) -> TokenSet:
    return sign_in(server.provider(), open_browser=Browser(http), http=http, timeout_s=30)


def test_refresh_with_rotation_replaces_the_refresh_token(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    tokens = _signed_in(server, http)

    renewed = refresh(server.provider(), tokens, http=http)

    assert renewed.access_token == server.tokens[-1].access_token != tokens.access_token
    assert renewed.refresh_token == server.tokens[-1].refresh_token != tokens.refresh_token
    assert renewed.scope == "contacts notes"
    (asked,) = server.token_requests_of("refresh_token")
    assert asked == {
        "grant_type": "refresh_token",
        "refresh_token": tokens.refresh_token,
        "client_id": CLIENT_ID,
    }
    # The old refresh token was used up.
    with pytest.raises(OAuthError) as caught:
        refresh(server.provider(), tokens, http=http)
    assert caught.value.reason == "invalid_grant"
    assert "Connect it again" in str(caught.value)


def test_refresh_without_rotation_keeps_the_refresh_token(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    server.rotate_refresh_tokens = False
    tokens = _signed_in(server, http)

    renewed = refresh(server.provider(), tokens, http=http)
    again = refresh(server.provider(), renewed, http=http)

    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token == tokens.refresh_token
    assert again.refresh_token == tokens.refresh_token


def _unsigned_jwt(claims: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'RS256'})}.{part(claims)}.c2lnbmF0dXJl"


def test_vendor_fields_and_id_token_claims_are_kept(
    server: OAuthTestServer, http: httpx.Client
) -> None:
    webapi = "http://schemes.superoffice.net/identity/webapi_url"
    server.expires_in = 0  # the server says nothing about expiry (as Salesforce does)
    server.extra_token_fields = {
        "instance_url": "https://acme.my.salesforce.com",
        "id_token": _unsigned_jwt({webapi: "https://sod.superoffice.com/Cust1/api", "nonce": "n"}),
        "ext_expires_in": 3600,  # not a string: not kept
    }

    tokens = _signed_in(server, http)

    assert tokens.expires_at is None
    assert not tokens.expires_within(10**9, time.time())
    assert tokens.extra_value("instance_url") == "https://acme.my.salesforce.com"
    assert tokens.extra_value(webapi) == "https://sod.superoffice.com/Cust1/api"
    assert dict(tokens.extra).keys() == {"instance_url", webapi}

    # A renewal that brings no vendor fields keeps the ones from the sign-in.
    server.extra_token_fields = {}
    renewed = refresh(server.provider(), tokens, http=http)
    assert renewed.extra == tokens.extra


def test_refresh_needs_a_refresh_token(server: OAuthTestServer) -> None:
    tokens = TokenSet(access_token="a", refresh_token=None, expires_at=None)
    with pytest.raises(OAuthError) as caught:
        refresh(server.provider(), tokens)
    assert caught.value.reason == "no_refresh_token"


def test_an_unreachable_server_is_retryable(server: OAuthTestServer, http: httpx.Client) -> None:
    tokens = _signed_in(server, http)
    server.stop()

    with pytest.raises(OAuthError) as caught:
        refresh(server.provider(), tokens, http=http)

    assert caught.value.reason == "network"
    assert caught.value.retryable
    assert tokens.refresh_token is not None
    assert tokens.refresh_token not in str(caught.value)


def test_expires_within() -> None:
    tokens = TokenSet(access_token="a", refresh_token=None, expires_at=1000.0)
    assert not tokens.expires_within(60, now=900.0)
    assert tokens.expires_within(60, now=940.0)
    assert tokens.expires_within(0, now=1000.0)
