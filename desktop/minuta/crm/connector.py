"""One interface for every CRM: look up, plan exact requests, read what was made.

A connector does three kinds of work:

* **look-ups** before approval (network): :meth:`Connector.search_targets`
  finds the person, company or deal, :meth:`Connector.list_users` the people
  who can own a task;
* **planning** (pure): :meth:`Connector.plan_requests` turns the user's chosen
  content into the exact requests, each carrying the push's reference
  (:func:`minuta.crm.text.ref_marker`) so the record can be found again;
* **after sending** (network): :meth:`Connector.created_record` reads the new
  record's id from the answer, and :meth:`Connector.find_created` looks for a
  record an earlier attempt may have made when that attempt's outcome is
  unknown (a crash or a timeout between "sent" and "recorded"). That search,
  before any retry, is what keeps a push exactly-once.

Connectors follow their vendor's documented request and response shapes; the
contract tests in ``tests/crm/contracts`` check them.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    CrmUser,
    PlannedRequest,
    PushContent,
)
from minuta.crm.http import CrmClient, Reply, default_error_message

if TYPE_CHECKING:
    from minuta.crm.oauth import OAuthProvider, TokenSet


@dataclass(frozen=True, slots=True)
class Connection:
    """A CRM the user connected: where it is and how (never the secret itself)."""

    name: str
    kind: CrmKind
    api_url: str  # the API's base, no trailing slash ("https://api.hubapi.com")
    web_url: str = ""  # the base of links the user opens in a browser
    options: tuple[tuple[str, str], ...] = ()  # vendor details: client id, tenant, ...

    def option(self, key: str, default: str = "") -> str:
        return dict(self.options).get(key, default)


JSON_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Type", "application/json; charset=utf-8"),
    ("Accept", "application/json"),
)


def json_body(payload: Any) -> bytes:
    """The bytes a JSON request sends: indented, so the review shows them as they are."""
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


class Connector(ABC):
    kind: ClassVar[CrmKind]
    # What the user sees in lists ("HubSpot").
    display_name: ClassVar[str]
    # How an API token is sent, for vendors signed in with one ("{token}" is replaced).
    token_header: ClassVar[tuple[str, str]] = ("Authorization", "Bearer {token}")

    # Sign-in ---------------------------------------------------------------------

    @classmethod
    def oauth_provider(cls, connection: Connection) -> OAuthProvider | None:
        """The OAuth 2 public-client endpoints, or None for vendors that use an API token."""
        return None

    @classmethod
    def after_sign_in(cls, connection: Connection, tokens: TokenSet) -> Connection:
        """The connection completed from what the sign-in returned (an instance URL)."""
        return connection

    def __init__(self, connection: Connection, client: CrmClient) -> None:
        self.connection = connection
        self.client = client
        # Refusals are explained in the vendor's own words.
        client.error_message = self.error_message

    def url(self, path: str) -> str:
        return self.connection.api_url.rstrip("/") + path

    def json_request(
        self,
        step: str,
        record: str,
        method: str,
        path: str,
        payload: Any,
        *,
        headers: tuple[tuple[str, str], ...] = JSON_HEADERS,
    ) -> PlannedRequest:
        return PlannedRequest(step, record, method, self.url(path), headers, json_body(payload))

    # Look-ups -----------------------------------------------------------------

    @abstractmethod
    def search_targets(self, query: str) -> list[CrmTarget]:
        """People, companies or deals matching an e-mail address or a name."""

    @abstractmethod
    def list_users(self) -> list[CrmUser]:
        """The CRM users a task can be assigned to."""

    # Planning -----------------------------------------------------------------

    @abstractmethod
    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        """The requests that create the meeting note and one task per action item.

        ``owners`` maps a task's owner name (as the summary gave it) to a CRM
        user id; a task whose owner is not there is left to the CRM's default
        (usually the signed-in user). Pure: no network.
        """

    # After sending --------------------------------------------------------------

    @abstractmethod
    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        """The id (and link) of the record ``request`` made, from the CRM's answer."""

    @abstractmethod
    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        """The record an earlier attempt at ``request`` made, if it made one.

        Searches by the request's reference marker; None when there is none, so
        sending it again makes exactly one.
        """

    def send_headers(self, request: PlannedRequest, body: bytes) -> list[tuple[str, str]]:
        """Headers computed at sending time (a signature with a timestamp); not shown."""
        return []

    def error_message(self, reply: Reply) -> str:
        return default_error_message(reply)
