"""Pipedrive connector against Pipedrive's documented shapes (notes and users v1, the rest v2).

The schemas, the documented example answers and the fake API are in
``fake_pipedrive.py``, with the pages they come from.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import jsonschema
import pytest
from tests.crm.contracts.fake_pipedrive import (
    ADD_ACTIVITY,
    ADD_NOTE,
    FakePipedrive,
    Token,
)

from minuta.core.crm import CrmTarget, PlannedRequest, PushContent, PushTask, TargetKind
from minuta.crm.connector import Connection
from minuta.crm.connectors.pipedrive import PipedriveConnector
from minuta.crm.errors import CrmAuthError, CrmRateLimited, CrmRejected, CrmUnavailable
from minuta.crm.http import CrmClient

API = "https://api.pipedrive.com"
CONNECTION = Connection(
    "pipedrive", PipedriveConnector.kind, API, web_url="https://acme.pipedrive.com"
)
REF = "minuta-0123456789abcdef"


@pytest.fixture
def pipedrive() -> FakePipedrive:
    return FakePipedrive()


@pytest.fixture
def connector(pipedrive: FakePipedrive) -> PipedriveConnector:
    client = CrmClient(Token(), transport=httpx.MockTransport(pipedrive.handler))
    return PipedriveConnector(CONNECTION, client)


MEETING = PushContent(
    meeting_uid="m-1",
    title="Demo <Acme & Co>",
    started_at=datetime(2026, 11, 20, 14, 0, tzinfo=ZoneInfo("Europe/Tallinn")),
    duration_s=1800.0,
    note="They liked it.\nNext: pricing <by Friday>.",
    tasks=(
        PushTask("Send the price list", owner="John Doe", due=date(2026, 11, 27)),
        PushTask("Ask IT about single sign-on"),
    ),
)
PERSON = CrmTarget(TargetKind.PERSON, "1", "Jane Doe", related=((TargetKind.COMPANY, "1"),))


def _payload(request: PlannedRequest) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(request.body)
    return data


def _send(connector: PipedriveConnector, request: PlannedRequest):
    headers = list(request.headers) + connector.send_headers(request, request.body)
    return connector.client.send(request.method, request.url, headers=headers, body=request.body)


def test_a_plan_is_a_v1_note_and_v2_task_activities_in_the_documented_shape(connector):
    note, first, second = connector.plan_requests(MEETING, PERSON, {"John Doe": "1"}, REF)

    assert (note.method, note.url) == ("POST", f"{API}/api/v1/notes")
    assert first.url == second.url == f"{API}/api/v2/activities"
    jsonschema.validate(_payload(note), ADD_NOTE)
    for task in (first, second):
        jsonschema.validate(_payload(task), ADD_ACTIVITY)
    assert _payload(note)["person_id"] == 1 and _payload(note)["org_id"] == 1
    assert _payload(note)["add_time"] == "2026-11-20 12:00:00"  # the meeting's start, in UTC
    assert _payload(first) == {
        "subject": "Send the price list",
        "type": "task",
        "done": False,
        "person_id": 1,
        "org_id": 1,
        "note": _payload(first)["note"],
        "due_date": "2026-11-27",
        "owner_id": 1,
    }
    # No due date and no known owner: left to Pipedrive (no date; the token's user).
    assert "due_date" not in _payload(second) and "owner_id" not in _payload(second)


def test_the_note_is_escaped_html_carrying_its_reference(connector):
    note, first, _ = connector.plan_requests(MEETING, PERSON, {}, REF)

    content = _payload(note)["content"]
    assert content.startswith("<b>Demo &lt;Acme &amp; Co&gt; (2026-11-20)</b><br><br>")
    assert "They liked it.<br>Next: pricing &lt;by Friday&gt;." in content
    assert content.endswith(f"Ref. {REF}/note")
    assert _payload(first)["note"].endswith(f"Ref. {REF}/task-1")


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (TargetKind.PERSON, "person_id"),
        (TargetKind.COMPANY, "org_id"),
        (TargetKind.DEAL, "deal_id"),
    ],
)
def test_records_are_linked_through_the_targets_id_field(connector, kind, field):
    note, task, _ = connector.plan_requests(MEETING, CrmTarget(kind, "42", "X"), {}, REF)

    assert next(iter(_payload(note).keys() - {"content", "add_time"})) == field
    assert _payload(note)[field] == _payload(task)[field] == 42


def test_created_records_are_read_from_the_answer_and_found_again_by_their_marker(connector):
    plan = connector.plan_requests(MEETING, PERSON, {}, REF)
    assert connector.find_created(plan[0], REF, PERSON) is None  # "data": null: no notes yet

    made = [connector.created_record(r, _send(connector, r)) for r in plan]

    assert [m.remote_id for m in made] == ["8", "9", "10"]
    assert {m.url for m in made} == {"https://acme.pipedrive.com/person/1"}
    for request, record in zip(plan, made, strict=True):
        assert connector.find_created(request, REF, PERSON) == record
    assert connector.find_created(plan[1], "minuta-ffffffffffffffff", PERSON) is None
    assert connector.find_created(plan[0], REF, CrmTarget(TargetKind.DEAL, "5", "Other")) is None


def test_an_email_finds_people_by_exact_address(connector, pipedrive):
    (found,) = connector.search_targets("jane@pipedrive.com")

    (request,) = pipedrive.seen
    assert request.url.path == "/api/v2/persons/search"
    assert dict(request.url.params) == {
        "term": "jane@pipedrive.com",
        "fields": "email",
        "exact_match": "true",
        "limit": "10",
    }
    assert found == CrmTarget(
        TargetKind.PERSON,
        "1",
        "Jane Doe",
        "jane@pipedrive.com, Organization name",
        "https://acme.pipedrive.com/person/1",
        ((TargetKind.COMPANY, "1"),),
    )


def test_a_name_searches_people_organisations_and_deals(connector, pipedrive):
    found = connector.search_targets("Jane")

    assert [r.url.path for r in pipedrive.seen] == [
        "/api/v2/persons/search",
        "/api/v2/organizations/search",
        "/api/v2/deals/search",
    ]
    assert [(t.kind, t.name, t.detail) for t in found] == [
        (TargetKind.PERSON, "Jane Doe", "jane@pipedrive.com, Organization name"),
        (TargetKind.COMPANY, "Organization name", "Mustamäe tee 3a, 10615 Tallinn"),
        (TargetKind.DEAL, "Jane Doe deal", "Organization name, Jane Doe"),
    ]
    assert found[2].related == ((TargetKind.PERSON, "1"), (TargetKind.COMPANY, "1"))
    assert connector.search_targets("J") == []  # "Minimum 2 characters"


def test_users_are_the_active_ones(connector):
    (user,) = connector.list_users()

    assert (user.remote_id, user.name, user.email) == ("1", "John Doe", "john@pipedrive.com")


INFO = "Please check developers.pipedrive.com for more information about Pipedrive API."


@pytest.mark.parametrize(
    ("status", "body", "headers", "error", "words"),
    [
        (
            400,
            {"success": False, "error": "Deal not found", "error_info": INFO},
            {},
            CrmRejected,
            "Deal not found",
        ),
        (
            401,
            {
                "success": False,
                "error": "unauthorized access",
                "errorCode": 401,
                "error_info": INFO,
            },
            {},
            CrmAuthError,
            "Connect it again",
        ),
        (
            404,
            {"success": False, "error": "Person not found", "error_info": INFO, "data": None},
            {},
            CrmRejected,
            "Person not found",
        ),
        (
            429,
            {"success": False, "error": "Request over limit", "errorCode": 429},
            {"Retry-After": "2", "x-ratelimit-limit": "40", "x-ratelimit-remaining": "0"},
            CrmRateLimited,
            "slow down",
        ),
        (500, {"success": False, "error": "Internal server error"}, {}, CrmUnavailable, "(500)"),
    ],
)
def test_errors_become_the_right_kind_with_pipedrives_words(
    connector, pipedrive, status, body, headers, error, words
):
    pipedrive.fail = httpx.Response(status, json=body, headers=headers)
    (note, *_) = connector.plan_requests(MEETING, PERSON, {}, REF)

    with pytest.raises(error) as raised:
        _send(connector, note)

    assert words in raised.value.message
    assert INFO not in raised.value.message
    if status == 429:
        assert raised.value.retry_after_s == 2.0


def test_the_fake_refuses_what_the_reference_does_not_allow(connector):
    # A v1-style activity (user_id, done as 0/1) is what v2's strict validation rejects.
    with pytest.raises(jsonschema.ValidationError):
        connector.client.send_json(
            "POST", f"{API}/api/v2/activities", {"subject": "x", "user_id": 1, "done": 0}
        )
    with pytest.raises(jsonschema.ValidationError):  # a note must be linked to something
        connector.client.send_json("POST", f"{API}/api/v1/notes", {"content": "x"})
