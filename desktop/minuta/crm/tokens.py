"""CRM tokens in the operating system's keyring, and the credentials built on them.

A secret in the Windows Credential Manager may hold at most 2,560 bytes (1,280
UTF-16 characters), and an OAuth token set (a JWT access token, a refresh token,
vendor extras) is often longer. So a connection's tokens are stored as ASCII
JSON split into chunks of at most :data:`CHUNK_CHARS` characters::

    crm/{connection}                      {"generation": g, "chunks": n}
    crm/{connection}/{g}/0 ... /{n-1}     the JSON, in order

A save writes the new generation's chunks first, then the header (the one
write that switches to them), then deletes the old generation's chunks. A
crash or a keyring failure part-way through leaves the old tokens loadable. A
header pointing at chunks that are missing raises :class:`TokenStoreError`: a
sign-in is never silently reset.

:class:`OAuthCredentials` and :class:`ApiTokenCredentials` give the HTTP client
its ``Authorization`` header and, after a 401, one chance to renew it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from minuta.crm import oauth
from minuta.crm.oauth import OAuthError, OAuthProvider, TokenSet
from minuta.store.errors import KeyringUnavailableError
from minuta.store.secret_store import SecretStore

log = logging.getLogger(__name__)

# 1,000 ASCII characters are 2,000 bytes in UTF-16: under Windows' 2,560.
CHUNK_CHARS = 1000
# An access token this close to its expiry is renewed before it is used.
REFRESH_MARGIN_S = 60.0
_FORMAT = 1
_KIND_OAUTH = "oauth"
_KIND_API = "api"
# Loading while another process saves can find an old header whose chunks were
# just deleted; reading the header again sees the new generation.
_LOAD_ATTEMPTS = 3


class TokenStoreError(Exception):
    """The keyring holds a damaged or incomplete sign-in; ``str()`` is for the user."""


class NotSignedInError(TokenStoreError):
    """Nothing is stored for this connection: it has to be connected first."""

    def __init__(self, connection: str) -> None:
        super().__init__(f"Minuta is not connected to {connection}. Connect it in Settings.")
        self.connection = connection


class Credentials(Protocol):
    """What the CRM HTTP client needs from a sign-in."""

    def authorization(self) -> tuple[str, str]:
        """The header to send, e.g. ``("Authorization", "Bearer …")``.

        Renews the token first when it is about to expire.
        """
        ...

    def refresh(self) -> bool:
        """After a 401: try once to get a new access token; False when that cannot be done."""
        ...


@dataclass(frozen=True)
class _Header:
    generation: int
    chunks: int


class TokenVault:
    """Tokens per CRM connection in a :class:`SecretStore` (the OS keyring), chunked."""

    def __init__(self, secret_store: SecretStore) -> None:
        self._store = secret_store
        # One save or load at a time in this process: a load never sees a
        # generation being replaced under it.
        self._lock = threading.Lock()

    def save_tokens(self, connection: str, tokens: TokenSet) -> None:
        self._save(
            connection,
            {
                "kind": _KIND_OAUTH,
                "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token,
                "expires_at": tokens.expires_at,
                "token_type": tokens.token_type,
                "scope": tokens.scope,
                "extra": [list(pair) for pair in tokens.extra],
            },
        )

    def load_tokens(self, connection: str) -> TokenSet | None:
        data = self._load(connection, _KIND_OAUTH)
        if data is None:
            return None
        try:
            refresh_token = data["refresh_token"]
            expires_at = data["expires_at"]
            tokens = TokenSet(
                access_token=_text(data["access_token"]),
                refresh_token=None if refresh_token is None else _text(refresh_token),
                expires_at=None if expires_at is None else float(expires_at),
                token_type=_text(data["token_type"]),
                scope=_text(data["scope"]),
                extra=tuple((_text(key), _text(value)) for key, value in data["extra"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise _damaged(connection) from exc
        return tokens

    def save_api_token(self, connection: str, token: str) -> None:
        self._save(connection, {"kind": _KIND_API, "token": token})

    def load_api_token(self, connection: str) -> str | None:
        data = self._load(connection, _KIND_API)
        if data is None:
            return None
        try:
            return _text(data["token"])
        except (KeyError, TypeError) as exc:
            raise _damaged(connection) from exc

    def forget(self, connection: str) -> None:
        """Delete everything stored for ``connection``; nothing stored is fine."""
        _check_name(connection)
        with self._lock:
            try:
                header = self._read_header(connection)
            except TokenStoreError:
                header = None  # a damaged header is deleted all the same
            # The header goes first: a crash part-way leaves no header pointing
            # at deleted chunks, only unreachable chunks.
            self._store.delete(_header_account(connection))
            if header is not None:
                self._delete_chunks(connection, header.generation, range(header.chunks))
                self._delete_leftovers(connection, header.generation + 1, 0)

    # --- storage -----------------------------------------------------------------

    def _save(self, connection: str, payload: dict[str, Any]) -> None:
        _check_name(connection)
        text = json.dumps({"v": _FORMAT, **payload}, ensure_ascii=True, separators=(",", ":"))
        chunks = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]
        with self._lock:
            try:
                old = self._read_header(connection)
            except TokenStoreError:
                old = None  # saving anew is how a damaged sign-in is repaired
            generation = old.generation + 1 if old is not None else 1
            for index, chunk in enumerate(chunks):
                self._store.set(_chunk_account(connection, generation, index), chunk)
            # A save that crashed earlier may have left more chunks of this generation.
            self._delete_leftovers(connection, generation, len(chunks))
            header = json.dumps({"generation": generation, "chunks": len(chunks)})
            self._store.set(_header_account(connection), header)
            if old is not None and old.generation != generation:
                try:
                    self._delete_chunks(connection, old.generation, range(old.chunks))
                except KeyringUnavailableError as exc:  # the new tokens are saved already
                    log.warning(
                        "Could not delete old token chunks of a CRM connection (%s)",
                        type(exc).__name__,
                    )

    def _load(self, connection: str, kind: str) -> dict[str, Any] | None:
        _check_name(connection)
        with self._lock:
            header = self._read_header(connection)
            for _ in range(_LOAD_ATTEMPTS):
                if header is None:
                    return None
                parts = self._read_chunks(connection, header)
                if parts is not None:
                    break
                again = self._read_header(connection)
                if again == header:
                    raise TokenStoreError(
                        f"The saved sign-in for {connection} is incomplete in the system "
                        "keyring: part of it is missing. Connect it again."
                    )
                header = again
            else:
                raise TokenStoreError(
                    f"The saved sign-in for {connection} kept changing while Minuta read it. "
                    "Try again."
                )
        try:
            data = json.loads("".join(parts))
        except ValueError as exc:
            raise _damaged(connection) from exc
        if not isinstance(data, dict) or data.get("v") != _FORMAT:
            raise _damaged(connection)
        if data.get("kind") != kind:
            what = "an API token" if data.get("kind") == _KIND_API else "a sign-in"
            raise TokenStoreError(
                f"The keyring holds {what} for {connection}, not what Minuta expected. "
                "Connect it again."
            )
        return data

    def _read_header(self, connection: str) -> _Header | None:
        raw = self._store.get(_header_account(connection))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            header = _Header(int(data["generation"]), int(data["chunks"]))
        except (ValueError, TypeError, KeyError) as exc:
            raise _damaged(connection) from exc
        if header.generation < 1 or header.chunks < 1:
            raise _damaged(connection)
        return header

    def _read_chunks(self, connection: str, header: _Header) -> list[str] | None:
        parts = []
        for index in range(header.chunks):
            part = self._store.get(_chunk_account(connection, header.generation, index))
            if part is None:
                return None
            parts.append(part)
        return parts

    def _delete_chunks(self, connection: str, generation: int, indices: range) -> None:
        for index in indices:
            self._store.delete(_chunk_account(connection, generation, index))

    def _delete_leftovers(self, connection: str, generation: int, start: int) -> None:
        index = start
        while self._store.get(_chunk_account(connection, generation, index)) is not None:
            self._store.delete(_chunk_account(connection, generation, index))
            index += 1


def _header_account(connection: str) -> str:
    return f"crm/{connection}"


def _chunk_account(connection: str, generation: int, index: int) -> str:
    return f"crm/{connection}/{generation}/{index}"


def _check_name(connection: str) -> None:
    # A "/" would let one connection's header collide with another's chunks.
    if not connection or "/" in connection or not connection.isprintable():
        raise ValueError("a connection name must be non-empty, printable and without '/'")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _damaged(connection: str) -> TokenStoreError:
    return TokenStoreError(
        f"The saved sign-in for {connection} in the system keyring is damaged. Connect it again."
    )


class OAuthCredentials:
    """OAuth tokens of one connection, renewed when needed; safe to share between threads.

    Renewed tokens are saved to the vault before they are used, so a rotated
    refresh token is never lost to a crash. Before renewing, the vault is read
    again: another instance (or process) may have renewed them already, and a
    rotated refresh token can be used only once.
    """

    def __init__(
        self,
        vault: TokenVault,
        connection: str,
        provider: OAuthProvider,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._vault = vault
        self._connection = connection
        self._provider = provider
        self._http = http
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens: TokenSet | None = None
        # The access token each thread last sent: after its 401, a different
        # stored token means another thread has renewed it already.
        self._sent = threading.local()

    def authorization(self) -> tuple[str, str]:
        """Raises :class:`NotSignedInError`, or :class:`OAuthError` when renewal fails."""
        with self._lock:
            tokens = self._tokens or self._vault.load_tokens(self._connection)
            if tokens is None:
                raise NotSignedInError(self._connection)
            self._tokens = tokens
            now = self._clock()
            if tokens.expires_within(REFRESH_MARGIN_S, now):
                renewed = self._renew(tokens.access_token)
                if renewed is not None:
                    tokens = renewed
                elif tokens.expires_within(0, now):
                    raise OAuthError(
                        f"The sign-in to {self._connection} has expired. Connect it again.",
                        reason="expired",
                    )
            self._sent.access_token = tokens.access_token
            return ("Authorization", f"{tokens.token_type} {tokens.access_token}")

    def refresh(self) -> bool:
        """Renew after a 401. False when it cannot be done (no refresh token, refused).

        A network failure or a server error raises :class:`OAuthError` with
        ``retryable`` set: the sign-in may be fine, the server was not reachable.
        """
        with self._lock:
            return self._renew(getattr(self._sent, "access_token", None)) is not None

    def _renew(self, sent: str | None) -> TokenSet | None:
        """Newer tokens, under the lock: from the vault if someone renewed them, else the server."""
        stored = self._vault.load_tokens(self._connection)
        if stored is None:
            self._tokens = None
            return None
        if (
            sent is not None
            and stored.access_token != sent
            and not stored.expires_within(REFRESH_MARGIN_S, self._clock())
        ):
            self._tokens = stored
            return stored
        if not stored.refresh_token:
            return None
        try:
            fresh = oauth.refresh(self._provider, stored, http=self._http)
        except OAuthError as exc:
            if exc.retryable:
                raise
            log.info("The CRM refused to renew a sign-in (%s)", exc.reason)
            return None
        self._vault.save_tokens(self._connection, fresh)  # before use: rotation must survive
        self._tokens = fresh
        return fresh


class ApiTokenCredentials:
    """A fixed API token sent in a header; nothing to renew."""

    def __init__(
        self,
        vault: TokenVault,
        connection: str,
        header: tuple[str, str] = ("Authorization", "Bearer {token}"),
    ) -> None:
        self._vault = vault
        self._connection = connection
        self._header = header

    def authorization(self) -> tuple[str, str]:
        token = self._vault.load_api_token(self._connection)
        if token is None:
            raise NotSignedInError(self._connection)
        name, template = self._header
        return (name, template.format(token=token))

    def refresh(self) -> bool:
        return False


__all__ = [
    "CHUNK_CHARS",
    "REFRESH_MARGIN_S",
    "ApiTokenCredentials",
    "Credentials",
    "NotSignedInError",
    "OAuthCredentials",
    "TokenStoreError",
    "TokenVault",
]
