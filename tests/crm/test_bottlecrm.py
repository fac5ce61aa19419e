"""The BottleCRM connector against a real BottleCRM server (django-crm 1.35.0).

Every request goes over HTTP to ``runserver`` on 127.0.0.1 through
:class:`CrmClient`, as the outbox sends it; what was made is read back with the
server's own ORM (:meth:`BottleCrmServer.records`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.crm.bottlecrm_server import BottleCrmServer

from minuta.core.crm import (
    CrmKind,
    CrmTarget,
    PlannedRequest,
    PushContent,
    PushTask,
    TargetKind,
    new_ref,
)
from minuta.crm.connector import Connection
from minuta.crm.connectors.bottlecrm import SIGN_IN_REFUSED, BottleCrmConnector
from minuta.crm.errors import CrmAuthError, CrmRejected
from minuta.crm.http import CrmClient
from minuta.crm.text import note_text, task_text

# The first session on a machine installs django-crm and migrates its database.
pytestmark = pytest.mark.timeout(1200)

WEB_URL = "https://crm.example.no"
OSLO = ZoneInfo("Europe/Oslo")


class TokenCredentials:
    """A pasted personal access token: sent as the connector says, never refreshed."""

    def __init__(self, token: str) -> None:
        self.token = token

    def authorization(self) -> tuple[str, str]:
        name, template = BottleCrmConnector.token_header
        return name, template.format(token=self.token)

    def refresh(self) -> bool:
        return False


MakeConnector = Callable[..., BottleCrmConnector]


@pytest.fixture
def make_connector(bottlecrm: BottleCrmServer) -> Iterator[MakeConnector]:
    clients: list[CrmClient] = []

    def make(token: str | None = None, *, api_url: str | None = None) -> BottleCrmConnector:
        client = CrmClient(TokenCredentials(token or bottlecrm.token))
        clients.append(client)
        connection = Connection(
            "bottlecrm", CrmKind.BOTTLECRM, api_url or bottlecrm.base_url, web_url=WEB_URL
        )
        return BottleCrmConnector(connection, client)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def connector(make_connector: MakeConnector) -> BottleCrmConnector:
    return make_connector()


@pytest.fixture
def kari(connector: BottleCrmConnector, bottlecrm: BottleCrmServer) -> CrmTarget:
    (target,) = connector.search_targets(bottlecrm.contact_email)
    return target


def _content(*tasks: PushTask) -> PushContent:
    # Two days ago: the server refuses an interaction more than five minutes ahead.
    started = datetime.now(OSLO).replace(second=0, microsecond=0) - timedelta(days=2)
    return PushContent(
        meeting_uid="m-0001",
        title="Pilot call",
        started_at=started,
        duration_s=1830.4,
        note="They want a pilot in January.\n\nDecisions:\n- Three-year licence (æøå)",
        tasks=tasks,
    )


def _by_id(rows: list[dict[str, Any]], remote_id: str) -> dict[str, Any]:
    (row,) = [row for row in rows if row["id"] == remote_id]
    return row


def _send(connector: BottleCrmConnector, request: PlannedRequest):
    return connector.client.send(
        request.method, request.url, headers=list(request.headers), body=request.body
    )


def test_search_finds_the_contact_from_her_email(connector, bottlecrm):
    (target,) = connector.search_targets("  KARI.Nordmann@example.no ")

    assert target.kind is TargetKind.PERSON
    assert target.remote_id == bottlecrm.contact_id
    assert target.name == "Kari Nordmann"
    assert "kari.nordmann@example.no" in target.detail
    assert target.url == f"{WEB_URL}/contacts/{bottlecrm.contact_id}"
    # Part of an address is not her address.
    assert connector.search_targets("nordmann@example.no") == []


def test_search_finds_the_contact_by_name(connector, bottlecrm):
    assert [t.remote_id for t in connector.search_targets("kari nordmann")] == [
        bottlecrm.contact_id
    ]
    assert [t.remote_id for t in connector.search_targets("Nordmann")] == [bottlecrm.contact_id]
    assert connector.search_targets("Kari Hansen") == []
    assert connector.search_targets("   ") == []


def test_list_users_gives_the_members_who_can_own_tasks(connector, bottlecrm):
    users = {user.name: user for user in connector.list_users()}

    for name, profile_id in bottlecrm.owner_ids.items():
        assert users[name].remote_id == profile_id
    assert users["Ola Hansen"].email == "ola.hansen@example.no"


def test_push_makes_the_meeting_note_and_tasks(connector, bottlecrm, kari):
    content = _content(
        PushTask("Send the offer", owner="Ola Hansen", due=date(2026, 12, 1)),
        PushTask("Book the demo", owner="Ingrid Berg", due=date(2026, 12, 3)),
        PushTask("Update the price list", owner="Someone Else"),
    )
    owners = {user.name: user.remote_id for user in connector.list_users()}
    ref = new_ref()
    plan = connector.plan_requests(content, kari, owners, ref)
    assert [r.step for r in plan] == ["note", "task-1", "task-2", "task-3"]
    assert [r.record for r in plan] == [
        "Meeting note",
        "Task: Send the offer",
        "Task: Book the demo",
        "Task: Update the price list",
    ]

    made = {}
    for request in plan:
        made[request.step] = connector.created_record(request, _send(connector, request))

    # One read of the server's database (each read starts Django: seconds).
    records = bottlecrm.records()
    note = _by_id(records["interactions"], made["note"].remote_id)
    assert note["kind"] == "meeting"
    assert note["home"] == "contact"
    assert note["contact_id"] == bottlecrm.contact_id
    assert note["subject"] == f"Pilot call ({content.started_at:%Y-%m-%d})"
    assert note["body"] == note_text(content, ref)
    assert note["body"].endswith(f"Ref. {ref}/note")
    assert datetime.fromisoformat(note["occurred_at"]) == content.started_at
    assert note["duration_seconds"] == 1830
    assert note["logged_by_id"] == bottlecrm.admin_profile_id
    assert made["note"].url == f"{WEB_URL}/contacts/{bottlecrm.contact_id}"

    expected = [
        ("task-1", "Send the offer", "2026-12-01", [bottlecrm.owner_ids["Ola Hansen"]]),
        ("task-2", "Book the demo", "2026-12-03", [bottlecrm.owner_ids["Ingrid Berg"]]),
        ("task-3", "Update the price list", None, []),  # no such member: left unassigned
    ]
    for (step, title, due, assignees), push_task in zip(expected, content.tasks, strict=True):
        task = _by_id(records["tasks"], made[step].remote_id)
        assert task["title"] == title
        assert task["description"] == task_text(push_task, content, ref, step)
        assert f"Ref. {ref}/{step}" in task["description"]
        assert task["due_date"] == due
        assert task["assigned_to_ids"] == assignees
        assert task["contact_ids"] == [bottlecrm.contact_id]
        assert task["status"] == "New"
        assert made[step].url == f"{WEB_URL}/tasks/{made[step].remote_id}"


def test_find_created_finds_what_a_request_made_and_nothing_else(connector, bottlecrm, kari):
    content = _content(PushTask("Call back about the pilot", owner="Ola Hansen"))
    sent_ref = new_ref()
    sent = connector.plan_requests(content, kari, {}, sent_ref)
    made = [connector.created_record(r, _send(connector, r)) for r in sent]

    for request, record in zip(sent, made, strict=True):
        found = connector.find_created(request, sent_ref, kari)
        assert found is not None
        assert found.remote_id == record.remote_id

    # The same meeting planned again under another reference was never sent:
    # a task with the same title and a note on the same contact do not count.
    other_ref = new_ref()
    for request in connector.plan_requests(content, kari, {}, other_ref):
        assert connector.find_created(request, other_ref, kari) is None

    # Sent once, found once: nothing was made twice.
    bodies = [i["body"] for i in bottlecrm.records()["interactions"]]
    assert sum(f"Ref. {sent_ref}/note" in body for body in bodies) == 1


def test_an_api_url_ending_in_api_is_the_same_server(make_connector, bottlecrm):
    connector = make_connector(api_url=f"{bottlecrm.base_url}/api/")
    assert [t.remote_id for t in connector.search_targets(bottlecrm.contact_email)] == [
        bottlecrm.contact_id
    ]


def test_a_wrong_token_is_a_sign_in_error(make_connector, connector, bottlecrm, kari):
    wrong = make_connector("bcrm_pat_" + "x" * 43)

    with pytest.raises(CrmAuthError) as searching:
        wrong.search_targets(bottlecrm.contact_email)
    assert searching.value.message == SIGN_IN_REFUSED
    with pytest.raises(CrmAuthError):
        wrong.list_users()

    # Sending: BottleCRM answers an unknown token with 403, which the client
    # reports as a refusal, in the connector's words; nothing is made.
    ref = new_ref()
    (note,) = wrong.plan_requests(_content(), kari, {}, ref)
    with pytest.raises(CrmRejected) as sending:
        _send(wrong, note)
    assert sending.value.status == 403
    assert SIGN_IN_REFUSED in sending.value.message
    assert connector.find_created(note, ref, kari) is None


def test_a_refused_field_is_named_in_the_message(connector, kari):
    (_, task) = connector.plan_requests(_content(PushTask("Send the offer")), kari, {}, new_ref())
    broken = task.body.replace(b'"status": "New"', b'"status": "Someday"')

    with pytest.raises(CrmRejected) as refused:
        connector.client.send(task.method, task.url, headers=list(task.headers), body=broken)
    assert refused.value.status == 400
    assert refused.value.message.startswith("status: ")
    assert "Someday" in refused.value.message


def test_a_long_note_is_shortened_to_what_bottlecrm_takes(connector, kari):
    content = dataclasses.replace(_content(), note="Lang tekst. " * 2000)  # 24,000 characters
    ref = new_ref()
    (request,) = connector.plan_requests(content, kari, {}, ref)

    made = connector.created_record(request, _send(connector, request))
    body = json.loads(request.body)["body"]
    assert len(body) <= 10_000
    assert body.endswith(f"…\n\nRef. {ref}/note")
    assert connector.find_created(request, ref, kari) == made
