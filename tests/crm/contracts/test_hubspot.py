"""HubSpot connector against HubSpot's documented shapes (API version 2026-03).

The schemas, the documented example answers and the fake API are in
``fake_hubspot.py``, with the pages they come from.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import jsonschema
import pytest
from tests.crm.contracts.fake_hubspot import (
    NOTE_CREATE,
    TASK_CREATE,
    FakeHubSpot,
    Token,
)

from minuta.core.crm import CrmTarget, PlannedRequest, PushContent, PushTask, TargetKind
from minuta.crm.connector import Connection
from minuta.crm.connectors.hubspot import HubSpotConnector
from minuta.crm.errors import CrmAuthError, CrmRateLimited, CrmRejected, CrmUnavailable
from minuta.crm.http import CrmClient

API = "https://api.hubapi.com"
CONNECTION = Connection(
    "hubspot",
    HubSpotConnector.kind,
    API,
    web_url="https://app-eu1.hubspot.com",
    options=(("portal_id", "144000"),),
)
REF = "minuta-0123456789abcdef"


@pytest.fixture
def hubspot() -> FakeHubSpot:
    return FakeHubSpot()


@pytest.fixture
def connector(hubspot: FakeHubSpot) -> HubSpotConnector:
    # The connector makes the client explain refusals in HubSpot's own words.
    client = CrmClient(Token(), transport=httpx.MockTransport(hubspot.handler))
    connector = HubSpotConnector(CONNECTION, client)
    return connector


MEETING = PushContent(
    meeting_uid="m-1",
    title="Renewal call <Acme & Co>",
    started_at=datetime(2026, 11, 20, 14, 0, tzinfo=ZoneInfo("Europe/Copenhagen")),  # a Friday
    duration_s=1800.0,
    note="Summary: they want two more seats.\nRisk: budget <10k & tight.",
    tasks=(
        PushTask("Send the offer for two seats", owner="Anna Berg", due=date(2026, 11, 24)),
        PushTask("Book a follow-up with IT", owner="Someone Else"),
    ),
)
PERSON = CrmTarget(
    TargetKind.PERSON, "100451", "Test Person", related=((TargetKind.COMPANY, "9001"),)
)


def _payload(request: PlannedRequest) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(request.body)
    return data


def _send(connector: HubSpotConnector, request: PlannedRequest):
    headers = list(request.headers) + connector.send_headers(request, request.body)
    return connector.client.send(request.method, request.url, headers=headers, body=request.body)


def test_a_plan_is_a_note_and_one_task_per_item_in_the_documented_shape(connector):
    note, first, second = connector.plan_requests(MEETING, PERSON, {"Anna Berg": "41629779"}, REF)

    assert (note.method, note.url) == ("POST", f"{API}/crm/objects/2026-03/notes")
    assert first.url == second.url == f"{API}/crm/objects/2026-03/tasks"
    assert [r.step for r in (note, first, second)] == ["note", "task-1", "task-2"]
    jsonschema.validate(_payload(note), NOTE_CREATE)
    for task in (first, second):
        jsonschema.validate(_payload(task), TASK_CREATE)
    # The note sits at the meeting's start; it is linked to the contact and its company.
    assert _payload(note)["properties"]["hs_timestamp"] == "2026-11-20T13:00:00.000Z"
    assert [
        (a["to"]["id"], a["types"][0]["associationTypeId"]) for a in _payload(note)["associations"]
    ] == [("100451", 202), ("9001", 190)]
    props = _payload(first)["properties"]
    assert props["hs_task_subject"] == "Send the offer for two seats"
    assert props["hs_task_status"] == "NOT_STARTED"
    assert props["hubspot_owner_id"] == "41629779"
    assert "hubspot_owner_id" not in _payload(second)["properties"]  # not mapped: CRM default
    assert [a["types"][0]["associationTypeId"] for a in _payload(first)["associations"]] == [
        204,
        192,
    ]


@pytest.mark.parametrize(
    ("kind", "note_type", "task_type"),
    [(TargetKind.COMPANY, 190, 192), (TargetKind.DEAL, 214, 216)],
)
def test_notes_and_tasks_use_the_association_type_of_the_target(
    connector, kind, note_type, task_type
):
    note, task, _ = connector.plan_requests(MEETING, CrmTarget(kind, "7001", "X"), {}, REF)

    assert _payload(note)["associations"][0]["types"][0] == {
        "associationCategory": "HUBSPOT_DEFINED",
        "associationTypeId": note_type,
    }
    assert _payload(task)["associations"][0]["types"][0]["associationTypeId"] == task_type


def test_the_note_is_escaped_html_carrying_its_reference(connector):
    note, first, _ = connector.plan_requests(MEETING, PERSON, {}, REF)

    body = _payload(note)["properties"]["hs_note_body"]
    assert body.startswith("<strong>Renewal call &lt;Acme &amp; Co&gt; (2026-11-20)</strong>")
    assert "Summary: they want two more seats.<br>Risk: budget &lt;10k &amp; tight." in body
    assert "<script" not in body and "\n" not in body
    assert body.endswith(f"Ref. {REF}/note")
    assert f"Ref. {REF}/task-1" in _payload(first)["properties"]["hs_task_body"]


def test_a_task_is_due_at_nine_on_its_day_or_three_working_days_after_the_meeting(connector):
    _, dated, undated = connector.plan_requests(MEETING, PERSON, {}, REF)

    # 2026-11-24 09:00 in Copenhagen (CET, UTC+1).
    assert _payload(dated)["properties"]["hs_timestamp"] == "2026-11-24T08:00:00.000Z"
    # Friday's meeting: Monday, Tuesday, Wednesday.
    assert _payload(undated)["properties"]["hs_timestamp"] == "2026-11-25T08:00:00.000Z"


def test_created_records_are_read_from_the_answer_and_found_again_by_their_marker(
    connector, hubspot
):
    plan = connector.plan_requests(MEETING, PERSON, {}, REF)
    made = [connector.created_record(r, _send(connector, r)) for r in plan]

    assert [m.remote_id for m in made] == ["90001", "90002", "90003"]
    assert made[0].url == "https://app-eu1.hubspot.com/contacts/144000/record/0-1/100451"
    # Search lags behind: right after creating, HubSpot may not find it yet.
    assert connector.find_created(plan[1], REF, PERSON) is None
    hubspot.index()
    for request, record in zip(plan, made, strict=True):
        assert connector.find_created(request, REF, PERSON) == record
    assert connector.find_created(plan[0], "minuta-ffffffffffffffff", PERSON) is None
    collection, search = hubspot.searches[-1]
    assert collection == "notes"
    assert search["filterGroups"][0]["filters"][0] == {
        "propertyName": "associations.contact",
        "operator": "EQ",
        "value": "100451",
    }
    assert search["sorts"] == [{"propertyName": "hs_createdate", "direction": "DESCENDING"}]


def test_an_email_finds_the_contact_by_address(connector, hubspot):
    found = connector.search_targets(" testperson@hubspot.com ")

    ((collection, body),) = hubspot.searches
    assert collection == "contacts"
    assert body["filterGroups"] == [
        {
            "filters": [
                {"propertyName": "email", "operator": "EQ", "value": "testperson@hubspot.com"}
            ]
        }
    ]
    assert found[0] == CrmTarget(
        TargetKind.PERSON,
        "100451",
        "Test Person",
        "testperson@hubspot.com, HubSpot",
        "https://app-eu1.hubspot.com/contacts/144000/record/0-1/100451",
        ((TargetKind.COMPANY, "9001"),),
    )
    assert found[1].name == "Maria Johnson (Sample Contact)" and found[1].related == ()


def test_a_name_searches_contacts_companies_and_deals(connector, hubspot):
    found = connector.search_targets("HubSpot")

    assert [c for c, _ in hubspot.searches] == ["contacts", "companies", "deals"]
    assert all(body["query"] == "HubSpot" for _, body in hubspot.searches)
    assert [(t.kind, t.remote_id) for t in found] == [
        (TargetKind.PERSON, "100451"),
        (TargetKind.PERSON, "57156923994"),
        (TargetKind.COMPANY, "9001"),
        (TargetKind.DEAL, "7001"),
    ]
    assert found[2].detail == "hubspot.com" and found[3].name == "HubSpot renewal"


def test_users_are_the_owners_who_are_people_on_every_page(connector):
    users = connector.list_users()

    assert [(u.remote_id, u.name, u.email) for u in users] == [
        ("41629779", "HubSpot Test Owner", "email@hubspot.com"),
        ("6166860", "John Smith", "jsmith@example.com"),
    ]


VALIDATION = {
    "status": "error",
    "message": "Property values were not valid",
    "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf",
    "category": "VALIDATION_ERROR",
    "errors": [{"message": "hs_timestamp is required", "code": "MISSING_REQUIRED_PROPERTY"}],
}
NOT_FOUND = {
    "status": "error",
    "message": "Object not found.  objectId are usually numeric.",
    "correlationId": "b1c2",
    "category": "OBJECT_NOT_FOUND",
}
RATE_LIMIT = {
    "status": "error",
    "message": "You have reached your secondly limit.",
    "errorType": "RATE_LIMIT",
    "correlationId": "c033cdaa-2c40-4a64-ae48-b4cec88dad24",
    "policyName": "SECONDLY",
    "requestId": "3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd",
}


@pytest.mark.parametrize(
    ("status", "body", "headers", "error", "words"),
    [
        (400, VALIDATION, {}, CrmRejected, "Property values were not valid (hs_timestamp is"),
        (
            401,
            {"status": "error", "message": "Authentication credentials not found."},
            {},
            CrmAuthError,
            "Connect it again",
        ),
        (404, NOT_FOUND, {}, CrmRejected, "Object not found."),
        (
            429,
            RATE_LIMIT,
            {"Retry-After": "10", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"},
            CrmRateLimited,
            "slow down",
        ),
        (500, {"status": "error", "message": "internal error"}, {}, CrmUnavailable, "(500)"),
    ],
)
def test_errors_become_the_right_kind_with_hubspots_words(
    connector, hubspot, status, body, headers, error, words
):
    hubspot.fail = httpx.Response(status, json=body, headers=headers)
    (note, *_) = connector.plan_requests(MEETING, PERSON, {}, REF)

    with pytest.raises(error) as raised:
        _send(connector, note)

    assert words in raised.value.message
    if status == 400:
        assert "aeb5f871-7f07-4993-9211-075dc63e7cbf" in raised.value.message
        assert raised.value.status == 400
    if status == 429:
        assert raised.value.retry_after_s == 10.0


def test_the_fake_refuses_what_the_guides_do_not_allow(connector):
    url = f"{API}/crm/objects/2026-03/notes"
    with pytest.raises(jsonschema.ValidationError):  # hs_timestamp is required
        connector.client.send_json("POST", url, {"properties": {"hs_note_body": "x"}})
    note = {"hs_timestamp": "2026-11-20T13:00:00.000Z"}
    task_to_contact = [
        {
            "to": {"id": "1"},
            "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 204}],
        }
    ]
    with pytest.raises(jsonschema.ValidationError):  # a task's association id on a note
        connector.client.send_json(
            "POST", url, {"properties": note, "associations": task_to_contact}
        )
