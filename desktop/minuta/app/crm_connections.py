"""The CRMs a user connected: where they are (in the store) and how to sign in (keyring).

A connection's addresses and options are settings in the encrypted store; its
token lives only in the OS keyring (:class:`minuta.crm.tokens.TokenVault`).
Store calls run on the store's worker thread; :func:`sign_in` and
:func:`open_connector`'s network use run on a thread of their own.
"""

from __future__ import annotations

import ssl
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

import httpx

from minuta.core.audit import AuditKind
from minuta.core.crm import CrmKind
from minuta.crm.connector import Connection, Connector
from minuta.crm.errors import CrmNotConnected
from minuta.crm.http import Credentials, CrmClient
from minuta.crm.registry import DEFAULT_API_URLS, connector_class, display_name
from minuta.store.settings import Setting
from minuta.store.store import Store


def _to_json(connection: Connection) -> dict[str, Any]:
    return {
        "name": connection.name,
        "kind": connection.kind.value,
        "api_url": connection.api_url,
        "web_url": connection.web_url,
        "options": [list(pair) for pair in connection.options],
    }


def _from_json(data: dict[str, Any]) -> Connection:
    return Connection(
        name=str(data["name"]),
        kind=CrmKind(data["kind"]),
        api_url=str(data["api_url"]),
        web_url=str(data.get("web_url", "")),
        options=tuple((str(k), str(v)) for k, v in data.get("options", [])),
    )


def list_connections(store: Store) -> list[Connection]:
    return [_from_json(item) for item in store.settings.get(Setting.CRM_CONNECTIONS) or []]


def get_connection(store: Store, name: str) -> Connection:
    for connection in list_connections(store):
        if connection.name == name:
            return connection
    raise CrmNotConnected(f"No CRM called {name!r} is connected. Connect it first.")


def save_connection(store: Store, connection: Connection) -> None:
    others = [c for c in list_connections(store) if c.name != connection.name]
    store.settings.set(Setting.CRM_CONNECTIONS, [_to_json(c) for c in [*others, connection]])
    store.audit.add(
        AuditKind.CRM_CONNECTED,
        detail={"crm": connection.name, "kind": connection.kind.value},
    )


def remove_connection(store: Store, name: str) -> bool:
    connections = list_connections(store)
    kept = [c for c in connections if c.name != name]
    if len(kept) == len(connections):
        return False
    store.settings.set(Setting.CRM_CONNECTIONS, [_to_json(c) for c in kept])
    store.audit.add(AuditKind.CRM_DISCONNECTED, detail={"crm": name})
    return True


def new_connection(
    kind: CrmKind,
    *,
    name: str | None = None,
    api_url: str | None = None,
    web_url: str = "",
    options: dict[str, str] | None = None,
) -> Connection:
    """A connection with the vendor's usual address when the user gave none."""
    url = api_url or DEFAULT_API_URLS.get(kind) or ""
    if url and not url.startswith("https://") and not _is_loopback_http(url):
        raise ValueError(
            f"{display_name(kind)} must be reached over https:// so the content is encrypted "
            "on the way."
        )
    return Connection(
        name=name or kind.value,
        kind=kind,
        api_url=url.rstrip("/"),
        web_url=web_url.rstrip("/"),
        options=tuple(sorted((options or {}).items())),
    )


def _is_loopback_http(url: str) -> bool:
    # A CRM on this very computer (a test server, or one the user runs) needs no TLS.
    host = httpx.URL(url).host
    return url.startswith("http://") and host in ("127.0.0.1", "localhost", "::1")


def vault() -> Any:
    """The token vault on the system keyring."""
    from minuta.crm.tokens import TokenVault
    from minuta.store.secret_store import system_keyring

    return TokenVault(system_keyring())


def save_token(token_vault: Any, connection: Connection, token: str) -> None:
    token_vault.save_api_token(connection.name, token.strip())


def sign_in(
    connection: Connection,
    token_vault: Any,
    *,
    open_browser: Callable[[str], object] = webbrowser.open,
    http: httpx.Client | None = None,
    cancel: threading.Event | None = None,
) -> Connection:
    """The system browser's sign-in for an OAuth vendor; returns the completed connection.

    Blocks until the browser comes back (or the sign-in times out): run it off
    the GUI thread.
    """
    from minuta.crm.oauth import sign_in as oauth_sign_in

    cls = connector_class(connection.kind)
    provider = cls.oauth_provider(connection)
    if provider is None:
        raise ValueError(
            f"{display_name(connection.kind)} is connected with a token, not a sign-in"
        )
    tokens = oauth_sign_in(provider, open_browser=open_browser, http=http, cancel=cancel)
    completed = cls.after_sign_in(connection, tokens)
    token_vault.save_tokens(completed.name, tokens)
    return completed


def credentials_for(connection: Connection, token_vault: Any) -> Credentials | None:
    from minuta.crm.tokens import ApiTokenCredentials, OAuthCredentials

    cls = connector_class(connection.kind)
    provider = cls.oauth_provider(connection)
    if provider is not None:
        if token_vault.load_tokens(connection.name) is None:
            raise CrmNotConnected(
                f"{display_name(connection.kind)} is not signed in. Connect it again."
            )
        credentials: Credentials = OAuthCredentials(token_vault, connection.name, provider)
        return credentials
    if token_vault.load_api_token(connection.name) is None:
        raise CrmNotConnected(f"No token is stored for {display_name(connection.kind)}.")
    header = cls.token_header
    if not header[0]:
        return None  # the connector uses its secret itself (a webhook's signing key)
    return ApiTokenCredentials(token_vault, connection.name, header=header)


def open_connector(
    connection: Connection,
    token_vault: Any,
    *,
    verify: ssl.SSLContext | str | bool = True,
    timeout: httpx.Timeout | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Connector:
    cls = connector_class(connection.kind)
    credentials = credentials_for(connection, token_vault)
    kwargs: dict[str, Any] = {"verify": verify, "transport": transport}
    if timeout is not None:
        kwargs["timeout"] = timeout
    client = CrmClient(credentials, **kwargs)
    connector = cls(connection, client)
    secret_hook = getattr(connector, "use_secret", None)
    if callable(secret_hook):
        secret_hook(token_vault.load_api_token(connection.name))
    return connector
