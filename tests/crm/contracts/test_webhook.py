"""The webhook connector against the Standard Webhooks 1.0.0 specification.

The receiver below verifies signatures with its own implementation of the
spec's algorithm (spec/standard-webhooks.md, "Signature scheme" and "Verifying
signatures"), not with the connector's code, and drops repeats by webhook-id as
the spec tells receivers to. The published test vector is the one the
reference libraries test against.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import jsonschema
import pytest

from minuta.core.crm import CrmTarget, PlannedRequest, PushContent, PushTask, TargetKind
from minuta.crm.connector import Connection
from minuta.crm.connectors.webhook import WebhookConnector, decode_secret, new_secret
from minuta.crm.errors import (
    CrmAuthError,
    CrmNotConnected,
    CrmRateLimited,
    CrmRejected,
    CrmUnavailable,
)
from minuta.crm.http import CrmClient

URL = "https://hooks.example.com/minuta/inbox/?team=sales"
CONNECTION = Connection("webhook", WebhookConnector.kind, URL)
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the spec's example secret
REF = "minuta-0123456789abcdef"
PLANNED_AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
TOLERANCE_S = 300

# The document Minuta sends, as receivers are told to expect it.
PAYLOAD: dict[str, Any] = {
    "type": "object",
    "required": ["type", "timestamp", "data"],
    "additionalProperties": False,
    "properties": {
        "type": {"const": "minuta.meeting.pushed"},
        "timestamp": {"type": "string", "format": "date-time"},
        "data": {
            "type": "object",
            "required": ["ref", "target", "meeting", "note", "tasks", "audit_head"],
            "additionalProperties": False,
            "properties": {
                "ref": {"type": "string", "pattern": r"^minuta-[0-9a-f]{16}$"},
                "target": {
                    "type": "object",
                    "required": ["kind", "text"],
                    "properties": {
                        "kind": {"enum": ["person", "company", "deal"]},
                        "text": {"type": "string", "minLength": 1},
                    },
                },
                "meeting": {
                    "type": "object",
                    "required": ["title", "started_at", "duration_s"],
                    "properties": {
                        "title": {"type": "string"},
                        "started_at": {"type": "string", "format": "date-time"},
                        "duration_s": {"type": "integer", "minimum": 0},
                    },
                },
                "note": {
                    "type": "object",
                    "required": ["marker", "subject", "text"],
                    "additionalProperties": False,
                    "properties": {
                        "marker": {"type": "string"},
                        "subject": {"type": "string"},
                        "text": {"type": "string"},
                    },
                },
                "audit_head": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
                "tasks": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["marker", "subject", "text", "owner", "owner_id", "due"],
                        "additionalProperties": False,
                        "properties": {
                            "marker": {"type": "string"},
                            "subject": {"type": "string", "minLength": 1},
                            "text": {"type": "string"},
                            "owner": {"type": ["string", "null"]},
                            "owner_id": {"type": ["string", "null"]},
                            "due": {"type": ["string", "null"], "format": "date"},
                        },
                    },
                },
            },
        },
    },
}


def spec_signature(secret: str, message_id: str, timestamp: str, body: bytes) -> str:
    """The spec's algorithm, written out: HMAC-SHA256 over "{id}.{timestamp}.{payload}"."""
    key = base64.b64decode(secret.split("_", 1)[1])
    content = message_id.encode() + b"." + timestamp.encode() + b"." + body
    return base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


class Receiver:
    """A receiver that does what the spec asks: verify, check the time, drop repeats."""

    def __init__(self, clock: list[float]) -> None:
        self.clock = clock
        self.filed: dict[str, dict[str, Any]] = {}
        self.deliveries: list[httpx.Request] = []
        self.ids = itertools.count(1)
        self.answer: httpx.Response | None = None

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.deliveries.append(request)
        if self.answer is not None:
            return self.answer
        message_id = request.headers["webhook-id"]
        timestamp = request.headers["webhook-timestamp"]
        if abs(self.clock[0] - int(timestamp)) > TOLERANCE_S:
            return httpx.Response(400, json={"message": "stale timestamp"})
        expected = spec_signature(SECRET, message_id, timestamp, request.content)
        offered = [
            s.split(",", 1)[1]
            for s in request.headers["webhook-signature"].split(" ")
            if s.startswith("v1,")
        ]
        if not any(hmac.compare_digest(s, expected) for s in offered):
            return httpx.Response(401, json={"message": "bad signature"})
        if message_id not in self.filed:
            self.filed[message_id] = {"id": f"rcv-{next(self.ids)}", **json.loads(request.content)}
        return httpx.Response(200, json={"id": self.filed[message_id]["id"]})


@pytest.fixture
def clock() -> list[float]:
    return [1_795_000_000.0]


@pytest.fixture
def receiver(clock: list[float]) -> Receiver:
    return Receiver(clock)


@pytest.fixture
def connector(receiver: Receiver, clock: list[float]) -> WebhookConnector:
    # No credentials: the client adds no Authorization; the secret only signs.
    client = CrmClient(None, transport=httpx.MockTransport(receiver.handler))
    connector = WebhookConnector(CONNECTION, client, clock=lambda: clock[0], now=lambda: PLANNED_AT)
    connector.use_secret(SECRET)
    return connector


MEETING = PushContent(
    meeting_uid="m-1",
    title="Kick-off",
    started_at=datetime(2026, 11, 20, 14, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
    duration_s=1799.6,
    note="Scope agreed.",
    tasks=(
        PushTask("Send the contract", owner="Anna Berg", due=date(2026, 11, 27)),
        PushTask("Set up the project room"),
    ),
)
TARGET = CrmTarget(TargetKind.COMPANY, "Acme Oy", "Acme Oy")


def _send(connector: WebhookConnector, request: PlannedRequest):
    headers = list(request.headers) + connector.send_headers(request, request.body)
    return connector.client.send(request.method, request.url, headers=headers, body=request.body)


def test_a_push_is_one_post_of_the_document_to_the_url_as_given(connector):
    (request,) = connector.plan_requests(MEETING, TARGET, {"Anna Berg": "anna"}, REF)

    assert (request.method, request.url) == ("POST", URL)
    headers = dict(request.headers)
    assert headers["webhook-id"] == f"{REF}_push" and "." not in headers["webhook-id"]
    assert headers["Content-Type"].startswith("application/json")
    assert not {"webhook-timestamp", "webhook-signature", "Authorization"} & headers.keys()
    document = json.loads(request.body)
    jsonschema.validate(document, PAYLOAD, format_checker=jsonschema.FormatChecker())
    data = document["data"]
    assert document["timestamp"] == "2026-11-23T09:30:00+00:00"
    assert data["target"] == {"kind": "company", "text": "Acme Oy"}
    assert data["meeting"] == {
        "title": "Kick-off",
        "started_at": "2026-11-20T14:00:00+02:00",
        "duration_s": 1800,
    }
    assert data["note"]["text"].endswith(f"Ref. {REF}/note")
    first, second = data["tasks"]
    assert (first["owner"], first["owner_id"], first["due"]) == ("Anna Berg", "anna", "2026-11-27")
    assert (second["owner"], second["owner_id"], second["due"]) == (None, None, None)
    assert first["text"].endswith(f"Ref. {REF}/task-1") and first["marker"] == f"{REF}/task-1"
    assert data["audit_head"] is None  # planned without an audit log


def test_the_document_carries_the_audit_head_it_was_planned_with(connector):
    head = hashlib.sha256(b"an audit head").hexdigest()
    (request,) = connector.plan_requests(replace(MEETING, audit_head=head), TARGET, {}, REF)

    document = json.loads(request.body)
    jsonschema.validate(document, PAYLOAD, format_checker=jsonschema.FormatChecker())
    assert document["data"]["audit_head"] == head
    assert document["data"]["note"]["text"].endswith(f"Ref. {REF}/note · audit {head[:16]}")


def test_the_signature_reproduces_the_specs_published_test_vector():
    connector = WebhookConnector(CONNECTION, CrmClient(None), clock=lambda: 1614265330)
    connector.use_secret(SECRET)
    request = PlannedRequest(
        "push", "Test", "POST", URL, (("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),), b""
    )

    headers = connector.send_headers(request, b'{"test": 2432232314}')

    assert headers == [
        ("webhook-timestamp", "1614265330"),
        ("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
    ]


def test_the_receiver_verifies_each_attempt_and_files_the_push_once(connector, receiver, clock):
    (request,) = connector.plan_requests(MEETING, TARGET, {}, REF)

    first = connector.created_record(request, _send(connector, request))
    # The answer was lost; the outbox does not ask (there is no one to ask) and resends.
    assert connector.find_created(request, REF, TARGET) is None
    clock[0] += 40
    again = connector.created_record(request, _send(connector, request))

    assert first == again and first.remote_id == "rcv-1"
    assert len(receiver.deliveries) == 2 and len(receiver.filed) == 1
    one, two = receiver.deliveries
    assert one.headers["webhook-id"] == two.headers["webhook-id"] == f"{REF}_push"
    assert int(two.headers["webhook-timestamp"]) - int(one.headers["webhook-timestamp"]) == 40
    assert one.headers["webhook-signature"] != two.headers["webhook-signature"]
    for delivery in receiver.deliveries:
        assert "authorization" not in delivery.headers
        assert SECRET.removeprefix("whsec_") not in str(delivery.headers)


def test_without_an_id_in_the_answer_the_record_is_the_webhook_id(connector, receiver):
    receiver.answer = httpx.Response(202, text="OK")
    (request,) = connector.plan_requests(MEETING, TARGET, {}, REF)

    assert connector.created_record(request, _send(connector, request)).remote_id == f"{REF}_push"


def test_a_signature_made_with_another_secret_is_refused_by_the_receiver(connector):
    connector.use_secret(new_secret())
    (request,) = connector.plan_requests(MEETING, TARGET, {}, REF)

    with pytest.raises(CrmAuthError):
        _send(connector, request)


@pytest.mark.parametrize(
    ("secret", "words"),
    [
        (None, "No signing secret"),
        ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "starts with whsec_"),
        ("whsec_not*base64", "not base64"),
        ("whsec_" + base64.b64encode(b"short").decode(), "24 to 64 bytes"),
    ],
)
def test_nothing_is_sent_without_a_valid_secret(connector, receiver, secret, words):
    connector.use_secret(secret)
    (request,) = connector.plan_requests(MEETING, TARGET, {}, REF)

    with pytest.raises(CrmNotConnected) as raised:
        _send(connector, request)

    assert words in raised.value.message
    assert receiver.deliveries == []


def test_a_new_secret_has_the_specs_form():
    secret = new_secret()

    assert secret.startswith("whsec_") and len(decode_secret(secret)) == 32
    assert secret != new_secret()


@pytest.mark.parametrize(
    ("response", "error", "words"),
    [
        (httpx.Response(400, json={"message": "Unknown target"}), CrmRejected, "Unknown target"),
        (httpx.Response(410, text=""), CrmRejected, "no longer accepts"),
        (httpx.Response(404, text="<html>Not here</html>"), CrmRejected, "answered 404"),
        (httpx.Response(429, headers={"Retry-After": "30"}), CrmRateLimited, "slow down"),
        (httpx.Response(503, text="<html>down</html>"), CrmUnavailable, "(503)"),
    ],
)
def test_receiver_errors_become_the_right_kind(connector, receiver, response, error, words):
    receiver.answer = response
    (request,) = connector.plan_requests(MEETING, TARGET, {}, REF)

    with pytest.raises(error) as raised:
        _send(connector, request)

    assert words in raised.value.message
    if isinstance(raised.value, CrmRateLimited):
        assert raised.value.retry_after_s == 30.0


def test_the_target_is_the_text_the_user_typed(connector):
    assert connector.search_targets("  Acme   Oy ") == [
        CrmTarget(TargetKind.COMPANY, "Acme Oy", "Acme Oy")
    ]
    assert connector.search_targets("anna@acme.fi")[0].kind is TargetKind.PERSON
    assert connector.search_targets(" ") == []
    assert connector.list_users() == []
