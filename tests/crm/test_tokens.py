"""CRM tokens in the real keyring (gnome-keyring on a private bus), and credentials on them."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from tests.crm.oauth_server import OAuthTestServer
from tests.crm.test_oauth import Browser

from minuta.crm.oauth import OAuthError, TokenSet, sign_in
from minuta.crm.tokens import (
    CHUNK_CHARS,
    ApiTokenCredentials,
    NotSignedInError,
    OAuthCredentials,
    TokenStoreError,
    TokenVault,
)
from minuta.store.secret_store import SecretStore, SystemKeyring, system_keyring


class Recording:
    """A SecretStore in front of the real keyring that remembers what was written."""

    def __init__(self, inner: SecretStore) -> None:
        self.inner = inner
        self.written: dict[str, str] = {}
        self.deleted: list[str] = []

    @property
    def description(self) -> str:
        return self.inner.description

    def get(self, account: str) -> str | None:
        return self.inner.get(account)

    def set(self, account: str, secret: str) -> None:
        self.written[account] = secret
        self.inner.set(account, secret)

    def delete(self, account: str) -> None:
        self.deleted.append(account)
        self.inner.delete(account)


class Crash(Exception):
    pass


class CrashBeforeHeader(Recording):
    """Writes the chunks, then "crashes" when the save would switch the header over."""

    def set(self, account: str, secret: str) -> None:
        if account.count("/") == 1:  # crm/{connection}: the header
            raise Crash
        super().set(account, secret)


@pytest.fixture
def keyring() -> SystemKeyring:
    return system_keyring()  # the session's gnome-keyring (see tests/conftest.py)


@pytest.fixture
def connection(keyring: SystemKeyring) -> Iterator[str]:
    name = f"test-{uuid.uuid4().hex[:8]}"
    yield name
    TokenVault(keyring).forget(name)


def _tokens(access: str = "access-1", refresh: str | None = "refresh-1") -> TokenSet:
    return TokenSet(
        access_token=access,
        refresh_token=refresh,
        expires_at=1_800_000_000.5,
        token_type="Bearer",
        scope="contacts notes",
        extra=(("instance_url", "https://acme.my.salesforce.com"), ("name", "Åsa Öberg")),
    )


def test_tokens_round_trip_through_the_keyring(keyring: SystemKeyring, connection: str) -> None:
    vault = TokenVault(keyring)
    assert vault.load_tokens(connection) is None

    vault.save_tokens(connection, _tokens())

    assert TokenVault(system_keyring()).load_tokens(connection) == _tokens()


def test_a_long_token_is_split_into_small_secrets(keyring: SystemKeyring, connection: str) -> None:
    recording = Recording(keyring)
    long = _tokens(access="A" * 5000, refresh="R" * 700)

    TokenVault(recording).save_tokens(connection, long)

    assert TokenVault(keyring).load_tokens(connection) == long
    assert len(recording.written) >= 7  # the header and at least six chunks
    assert all(len(secret) <= CHUNK_CHARS for secret in recording.written.values())
    # Windows counts UTF-16 bytes: the JSON is ASCII, so two bytes a character.
    assert all(secret.isascii() for secret in recording.written.values())
    assert all(len(secret.encode("utf-16-le")) <= 2560 for secret in recording.written.values())


def test_a_new_save_replaces_the_old_generation(keyring: SystemKeyring, connection: str) -> None:
    vault = TokenVault(keyring)
    vault.save_tokens(connection, _tokens(access="B" * 2500))
    first_chunks = [f"crm/{connection}/1/{i}" for i in range(3)]
    assert all(keyring.get(account) is not None for account in first_chunks)

    vault.save_tokens(connection, _tokens(access="short"))

    assert vault.load_tokens(connection) == _tokens(access="short")
    assert all(keyring.get(account) is None for account in first_chunks)


def test_a_save_interrupted_before_the_switch_leaves_the_old_tokens(
    keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    vault.save_tokens(connection, _tokens(access="old"))
    crashing = CrashBeforeHeader(keyring)

    with pytest.raises(Crash):
        TokenVault(crashing).save_tokens(connection, _tokens(access="N" * 3000))

    assert len(crashing.written) == 4  # the new chunks were written ...
    assert vault.load_tokens(connection) == _tokens(access="old")  # ... but not switched to
    # The next save reuses the orphaned generation and leaves nothing of it behind.
    vault.save_tokens(connection, _tokens(access="new"))
    assert vault.load_tokens(connection) == _tokens(access="new")
    assert [keyring.get(f"crm/{connection}/2/{i}") for i in range(1, 4)] == [None] * 3


def test_a_header_pointing_at_missing_chunks_is_an_error(
    keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    vault.save_tokens(connection, _tokens(access="C" * 1500))
    keyring.delete(f"crm/{connection}/1/1")

    with pytest.raises(TokenStoreError, match="incomplete"):
        vault.load_tokens(connection)
    # Signing in again repairs it.
    vault.save_tokens(connection, _tokens())
    assert vault.load_tokens(connection) == _tokens()


def test_a_damaged_header_is_an_error(keyring: SystemKeyring, connection: str) -> None:
    keyring.set(f"crm/{connection}", "{not json")
    with pytest.raises(TokenStoreError, match="damaged"):
        TokenVault(keyring).load_tokens(connection)


def test_forget_removes_every_secret(keyring: SystemKeyring, connection: str) -> None:
    recording = Recording(keyring)
    vault = TokenVault(recording)
    vault.save_tokens(connection, _tokens(access="D" * 2200))

    vault.forget(connection)

    assert vault.load_tokens(connection) is None
    assert all(keyring.get(account) is None for account in recording.written)
    vault.forget(connection)  # forgetting twice is fine


def test_api_tokens(keyring: SystemKeyring, connection: str) -> None:
    vault = TokenVault(keyring)
    assert vault.load_api_token(connection) is None
    vault.save_api_token(connection, "pd-api-token")
    assert vault.load_api_token(connection) == "pd-api-token"
    with pytest.raises(TokenStoreError, match="API token"):
        vault.load_tokens(connection)

    credentials = ApiTokenCredentials(vault, connection, header=("x-api-token", "{token}"))
    assert credentials.authorization() == ("x-api-token", "pd-api-token")
    assert ApiTokenCredentials(vault, connection).authorization() == (
        "Authorization",
        "Bearer pd-api-token",
    )
    assert credentials.refresh() is False

    vault.forget(connection)
    with pytest.raises(NotSignedInError):
        credentials.authorization()


def test_connection_names_cannot_reach_other_accounts(keyring: SystemKeyring) -> None:
    with pytest.raises(ValueError, match="/"):
        TokenVault(keyring).save_api_token("hubspot/1/0", "x")


# --- credentials against the real authorization server ----------------------------------


@pytest.fixture
def server() -> Iterator[OAuthTestServer]:
    with OAuthTestServer() as running:
        yield running


@pytest.fixture
def http(server: OAuthTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(verify=server.client_context(), trust_env=False) as client:
        yield client


def _sign_in(server: OAuthTestServer, http: httpx.Client, vault: TokenVault, name: str) -> TokenSet:
    tokens = sign_in(server.provider(), open_browser=Browser(http), http=http, timeout_s=30)
    vault.save_tokens(name, tokens)
    return tokens


def _me(http: httpx.Client, server: OAuthTestServer, credentials: OAuthCredentials) -> int:
    header = credentials.authorization()
    return http.get(f"{server.base_url}/api/me", headers=[header]).status_code


def test_an_expiring_token_is_renewed_before_use(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    signed_in = _sign_in(server, http, vault, connection)
    assert signed_in.expires_at is not None
    expires_at = signed_in.expires_at
    credentials = OAuthCredentials(
        # 30 s before the token expires: inside the 60 s margin.
        vault,
        connection,
        server.provider(),
        http=http,
        clock=lambda: expires_at - 30,
    )
    server.expires_in = 7200  # the renewed token outlives the test's stopped clock

    name, value = credentials.authorization()

    renewed = server.tokens[-1]
    assert (name, value) == ("Authorization", f"Bearer {renewed.access_token}")
    assert renewed.access_token != signed_in.access_token
    assert len(server.token_requests_of("refresh_token")) == 1
    stored = TokenVault(system_keyring()).load_tokens(connection)
    assert stored is not None
    assert stored.refresh_token == renewed.refresh_token != signed_in.refresh_token
    # Fresh now: the next call sends the same token without asking the server.
    assert credentials.authorization() == (name, value)
    assert len(server.token_requests_of("refresh_token")) == 1


def test_a_401_renews_and_persists_the_rotated_refresh_token(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    signed_in = _sign_in(server, http, vault, connection)
    credentials = OAuthCredentials(vault, connection, server.provider(), http=http)
    assert _me(http, server, credentials) == 200

    server.revoke_access_tokens()  # e.g. the CRM admin reset sessions
    assert _me(http, server, credentials) == 401
    assert credentials.refresh() is True
    assert _me(http, server, credentials) == 200

    stored = TokenVault(system_keyring()).load_tokens(connection)
    assert stored is not None
    assert stored.refresh_token == server.tokens[-1].refresh_token
    assert stored.refresh_token != signed_in.refresh_token
    # A new instance (the app restarted) carries on with the rotated token.
    restarted = OAuthCredentials(
        TokenVault(system_keyring()), connection, server.provider(), http=http
    )
    assert _me(http, server, restarted) == 200


def test_refresh_is_false_when_the_server_refuses(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    _sign_in(server, http, vault, connection)
    credentials = OAuthCredentials(vault, connection, server.provider(), http=http)
    credentials.authorization()
    server.revoke_refresh_tokens()

    assert credentials.refresh() is False


def test_an_expired_token_that_cannot_be_renewed_says_connect_again(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    signed_in = _sign_in(server, http, vault, connection)
    server.revoke_refresh_tokens()
    expires_at = signed_in.expires_at or 0.0
    credentials = OAuthCredentials(
        vault, connection, server.provider(), http=http, clock=lambda: expires_at + 10
    )

    with pytest.raises(OAuthError) as caught:
        credentials.authorization()
    assert caught.value.reason == "expired"
    assert "Connect it again" in str(caught.value)


def test_an_unreachable_server_during_refresh_is_retryable(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    signed_in = _sign_in(server, http, vault, connection)
    credentials = OAuthCredentials(vault, connection, server.provider(), http=http)
    server.stop()

    with pytest.raises(OAuthError) as caught:
        credentials.refresh()
    assert caught.value.retryable
    assert vault.load_tokens(connection) == signed_in  # nothing lost


def test_threads_hit_by_the_same_401_renew_once(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    _sign_in(server, http, vault, connection)
    credentials = OAuthCredentials(vault, connection, server.provider(), http=http)
    sent = threading.Barrier(4)

    def request_hit_by_401() -> bool:
        credentials.authorization()
        sent.wait(timeout=30)  # every thread sent the old token before any renews
        return credentials.refresh()

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(request_hit_by_401) for _ in range(4)]
        results = [future.result(timeout=60) for future in futures]

    assert results == [True] * 4
    # With rotation a second renewal would have used a spent refresh token.
    assert len(server.token_requests_of("refresh_token")) == 1
    assert _me(http, server, credentials) == 200


def test_no_stored_sign_in(
    keyring: SystemKeyring, connection: str, server: OAuthTestServer
) -> None:
    credentials = OAuthCredentials(TokenVault(keyring), connection, server.provider())
    with pytest.raises(NotSignedInError):
        credentials.authorization()
    assert credentials.refresh() is False


def test_expiry_margin_uses_the_clock(
    server: OAuthTestServer, http: httpx.Client, keyring: SystemKeyring, connection: str
) -> None:
    vault = TokenVault(keyring)
    signed_in = _sign_in(server, http, vault, connection)
    assert signed_in.expires_at is not None
    expires_at = signed_in.expires_at
    credentials = OAuthCredentials(
        vault, connection, server.provider(), http=http, clock=lambda: expires_at - 61
    )
    assert credentials.authorization()[1] == f"Bearer {signed_in.access_token}"
    assert server.token_requests_of("refresh_token") == []
