"""A CRM vendor's API inside a test: every request checked against its documented shape.

:class:`VendorFake` is an ``httpx.MockTransport`` handler built from
:class:`Endpoint` descriptions, each citing the vendor page it comes from. A
request is matched by method and path, then checked: required headers (an
exact value, or only present), required query parameters, and the JSON body
against a JSON Schema (``jsonschema``, draft 2020-12). A request that matches
no endpoint, or breaks its shape, raises :class:`Violation` out of the client
call, so the test fails where the connector went wrong. A matched request is
answered by the endpoint's ``reply``, which the vendor's test file writes
from the documented example responses; :meth:`VendorFake.fail_next` makes
the next request answer with a documented error instead.

:func:`open_connector` and :func:`send_plan` run a connector the way the app
does: through :class:`~minuta.crm.http.CrmClient`, placeholders filled from
the records made so far, each answer read by ``created_record``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import httpx
from jsonschema import Draft202012Validator

from minuta.core.crm import (
    CreatedRecord,
    PlannedRequest,
    PushContent,
    PushTask,
    fill_placeholders,
)
from minuta.crm.connector import Connection, Connector
from minuta.crm.http import CrmClient, Reply

TOKEN = "test-access-token"
C = TypeVar("C", bound=Connector)
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class Violation(AssertionError):
    """A request the vendor's documentation does not allow."""


@dataclass(frozen=True)
class Call:
    """One request as the endpoint's reply function sees it."""

    request: httpx.Request
    path: re.Match[str]
    query: dict[str, str]
    json: Any


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # a regular expression, matched against the whole decoded path
    doc: str  # the vendor page that documents this shape
    reply: Callable[[Call], httpx.Response]
    headers: Mapping[str, str | None] = field(default_factory=dict)  # None: must be present
    query: Mapping[str, str | None] = field(default_factory=dict)  # None: must be present
    body: Mapping[str, Any] | None = None  # JSON Schema of a JSON body; None: no JSON body
    raw_body: bool = False  # the body is bytes of its own (a document's content)


def json_reply(status: int, body: Any, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
        content=json.dumps(body).encode(),
    )


class VendorFake:
    def __init__(self, endpoints: Sequence[Endpoint], *, auth: tuple[str, str] | None = None):
        self.endpoints = list(endpoints)
        # Every documented API here takes "Authorization: Bearer <access token>".
        self.auth = auth or ("Authorization", f"Bearer {TOKEN}")
        self.calls: list[Call] = []
        self._failures: list[httpx.Response] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def fail_next(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        """The next request, once checked, is answered with this error instead."""
        self._failures.append(json_reply(status, body, headers))

    def calls_to(self, method: str, path_fragment: str) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.request.method == method and path_fragment in c.request.url.path
        ]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        endpoint, match = self._endpoint(request)
        where = f"{request.method} {request.url.path} ({endpoint.doc})"
        self._check_headers(request, endpoint, where)
        query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        for name, expected in endpoint.query.items():
            if name not in query:
                raise Violation(f"{where}: query parameter {name!r} is missing")
            if expected is not None and query[name] != expected:
                raise Violation(f"{where}: {name}={query[name]!r}, documented {expected!r}")
        payload = self._check_body(request, endpoint, where)
        call = Call(request, match, query, payload)
        self.calls.append(call)
        if self._failures:
            return self._failures.pop(0)
        return endpoint.reply(call)

    def _endpoint(self, request: httpx.Request) -> tuple[Endpoint, re.Match[str]]:
        for endpoint in self.endpoints:
            if endpoint.method != request.method:
                continue
            match = re.fullmatch(endpoint.path, request.url.path)
            if match:
                return endpoint, match
        raise Violation(f"{request.method} {request.url.path}: no such documented endpoint")

    def _check_headers(self, request: httpx.Request, endpoint: Endpoint, where: str) -> None:
        required = {self.auth[0]: self.auth[1], **endpoint.headers}
        for name, expected in required.items():
            value = request.headers.get(name)
            if value is None:
                raise Violation(f"{where}: header {name!r} is missing")
            if expected is not None and value != expected:
                raise Violation(f"{where}: {name}: {value!r}, documented {expected!r}")

    @staticmethod
    def _check_body(request: httpx.Request, endpoint: Endpoint, where: str) -> Any:
        content = request.content
        if endpoint.raw_body:
            if not content:
                raise Violation(f"{where}: the body is empty")
            return None
        if endpoint.body is None:
            if content:
                raise Violation(f"{where}: takes no body")
            return None
        try:
            payload = json.loads(content)
        except ValueError as exc:
            raise Violation(f"{where}: the body is not JSON") from exc
        errors = sorted(
            Draft202012Validator(endpoint.body).iter_errors(payload), key=lambda e: e.path
        )
        if errors:
            details = "; ".join(
                f"{'/'.join(str(p) for p in e.absolute_path) or '(body)'}: {e.message}"
                for e in errors
            )
            raise Violation(f"{where}: {details}")
        return payload


class StaticCredentials:
    """A signed-in user whose token never expires; counts refresh attempts."""

    def __init__(self) -> None:
        self.refreshes = 0

    def authorization(self) -> tuple[str, str]:
        return ("Authorization", f"Bearer {TOKEN}")

    def refresh(self) -> bool:
        self.refreshes += 1
        return False


def open_connector(cls: type[C], connection: Connection, fake: VendorFake) -> C:
    """``cls`` on ``connection``, talking to ``fake``, its errors read by its own error_message."""
    holder: list[C] = []

    def message(reply: Reply) -> str:
        return holder[0].error_message(reply)

    client = CrmClient(StaticCredentials(), transport=fake.transport(), error_message=message)
    connector = cls(connection, client)
    holder.append(connector)
    return connector


def send_plan(connector: Connector, requests: Sequence[PlannedRequest]) -> dict[str, CreatedRecord]:
    """Send a plan as the outbox does; the records made, by step."""
    created: dict[str, CreatedRecord] = {}
    for request in requests:
        url = fill_placeholders(request.url, created)
        reply = connector.client.send(
            request.method, url, headers=list(request.headers), body=request.body
        )
        created[request.step] = connector.created_record(request, reply)
    return created


def sample_content(
    note: str | None = None, *, tasks: Sequence[PushTask] | None = None
) -> PushContent:
    """An approved meeting: a note and two action items, one with an owner and a due date."""
    return PushContent(
        meeting_uid="m-0001",
        title="Quarterly review with Nordlys",
        started_at=datetime(2024, 5, 2, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        duration_s=45 * 60,
        note=note
        if note is not None
        else "Summary: renewal agreed in principle.\n\nDecisions:\n- Keep the current plan\n\n"
        'Risks:\n- Budget sign-off in June ("Q3")',
        tasks=tuple(tasks)
        if tasks is not None
        else (
            PushTask("Send the offer to Anna", owner="Erik Holm", due=date(2024, 5, 10)),
            PushTask("Book a follow-up call"),
        ),
    )
