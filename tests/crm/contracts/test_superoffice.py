"""SuperOfficeConnector against the SuperOffice REST API v1's documented shapes.

Sources, cited per endpoint below (all under https://docs.superoffice.com/en/):
- Sign-in: api/authentication/online/sign-in-user/auth-code-flow.html,
  .../sign-in-user/native-apps.html, api/authentication/online/api.html
- Archives and their columns: api/reference/restful/rest/Person/v1PersonEntity_GetAll.html,
  api/archive-providers/reference/person.html, .../findappointment.html,
  .../finddocument.html, .../allusers.html; filters: api/search/odata/using-filters.html
- Entities: api/reference/restful/rest/Appointment/v1AppointmentEntity_PostAppointmentEntity.html,
  .../Document/v1DocumentEntity_PostDocumentEntity.html,
  .../Document/v1DocumentEntity_SetDocumentStreamFromId.html
- Text length: database/tables/text.html ("max 2047 significant characters");
  enums: database/tables/enums/appointmenttype.html, .../appointmentstatus.html

The REST reference documents only the 200 answers; SuperOffice's error body is
not documented, so the error tests use the generic shapes the connector reads
and check the status mapping, which is CrmClient's.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import httpx
import pytest
from tests.crm.contracts.vendor_fake import (
    Call,
    Endpoint,
    VendorFake,
    Violation,
    json_reply,
    open_connector,
    sample_content,
    send_plan,
)

from minuta.core.crm import CrmKind, CrmTarget, PushTask, TargetKind, new_ref
from minuta.crm.connector import Connection
from minuta.crm.connectors.superoffice import SuperOfficeConnector
from minuta.crm.errors import CrmAuthError, CrmRateLimited, CrmRejected, CrmUnavailable
from minuta.crm.http import Reply
from minuta.crm.oauth import TokenSet

TENANT = "https://sod.superoffice.com/Cust12345"
API = f"{TENANT}/api"
BASE = "/Cust12345/api/v1"
DOC = "https://docs.superoffice.com/en/api"
CLAIM = "http://schemes.superoffice.net/identity/webapi_url"
JSON = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
DATE = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)?$"
ID = {"type": "integer", "minimum": 1}


def carrier(key: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [key],
        "properties": {key: ID},
        "additionalProperties": False,
    }


# AppointmentEntity: only properties the POST Appointment page lists.
APPOINTMENT_SCHEMA = {
    "type": "object",
    "required": ["Description", "StartDate", "EndDate", "Type", "Completed"],
    "properties": {
        "Title": {"type": "string"},
        "Description": {"type": "string", "maxLength": 2047},
        "StartDate": {"type": "string", "pattern": DATE},
        "EndDate": {"type": "string", "pattern": DATE},
        "Type": {
            "enum": [
                "Unknown",
                "inDiary",
                "inChecklist",
                "Note",
                "Document",
                "SavedReport",
                "BookingForDiary",
                "BookingForChecklist",
                "MergeDraft",
                "MergeFinal",
            ]
        },
        "Completed": {"enum": ["Unknown", "NotStarted", "Started", "Completed"]},
        "Person": carrier("PersonId"),
        "Contact": carrier("ContactId"),
        "Associate": carrier("AssociateId"),
        "Task": carrier("Id"),
    },
    "additionalProperties": False,
}
# DocumentEntity: Header ("Visible document name"), Name ("File name"), OurRef,
# Description (max 2047), Date, DocumentTemplate, Person, Contact.
DOCUMENT_SCHEMA = {
    "type": "object",
    "required": ["Header", "Name", "DocumentTemplate"],
    "properties": {
        "Header": {"type": "string", "minLength": 1},
        "Name": {"type": "string", "pattern": r"^[\w.-]+$"},
        "OurRef": {"type": "string"},
        "Description": {"type": "string", "maxLength": 2047},
        "Date": {"type": "string", "pattern": DATE},
        "DocumentTemplate": carrier("DocumentTemplateId"),
        "Person": carrier("PersonId"),
        "Contact": carrier("ContactId"),
    },
    "additionalProperties": False,
}

# The POST Appointment page's sample response, abridged.
APPOINTMENT_REPLY = {
    "Associate": None,
    "Contact": None,
    "CreatedBy": None,
    "UpdatedBy": None,
    "CreatedDate": "2018-03-30T03:24:51.3023402+02:00",
    "AppointmentId": 880,
    "Description": "Exclusive tangible alliance",
    "StartDate": "2005-01-21T03:24:51.3023402+01:00",
    "EndDate": "1997-05-28T03:24:51.3023402+02:00",
    "Person": None,
    "Type": "BookingForChecklist",
    "Completed": "Completed",
    "TableRight": None,
    "_Links": {
        "Self": "https://www.example.com/api/v1/project/321",
        "Archive": "https://www.example.com/api/v1/project",
    },
}
# The POST Document / PUT Content pages' sample response, abridged.
DOCUMENT_REPLY = {
    "DocumentId": 822,
    "Attention": "accusamus",
    "Header": "natus",
    "Name": "Tremblay Group",
    "OurRef": "id",
    "Description": "Enterprise-wide full-range support",
    "DocumentTemplate": None,
    "Type": "BookingForChecklist",
    "LockSemantics": "Locking",
    "TableRight": None,
}


class Tenant:
    """A SuperOffice tenant's archives (ODataSlimResponse rows) and the records made."""

    def __init__(self) -> None:
        self.persons = [
            {
                "PrimaryKey": 2842,
                "EntityName": "person",
                "personId": 2842,
                "fullName": "Anna Berg",
                "email/emailAddress": "anna@nordlys.se",
                "contactId": 25,
                "personContact/nameDepartment": "Nordlys AB",
            },
            {
                "PrimaryKey": 7724,
                "EntityName": "person",
                "personId": 7724,
                "fullName": "Dr. Jerrold O'Regan",
                "email/emailAddress": "",
                "contactId": 0,
                "personContact/nameDepartment": "",
            },
        ]
        self.contacts = [
            {
                "PrimaryKey": 25,
                "EntityName": "contact",
                "contactId": 25,
                "name": "Nordlys AB",
                "department": "Sales",
                "nameDepartment": "Nordlys AB - Sales",
            }
        ]
        self.users = [
            {
                "PrimaryKey": 15,
                "EntityName": "associate",
                "associateDbId": 15,
                "fullName": "Erik Holm",
                "personEmail": "erik@example.com",
                "isActive": True,
            },
            {
                "PrimaryKey": 16,
                "EntityName": "associate",
                "associateDbId": 16,
                "fullName": "Former Colleague",
                "personEmail": "",
                "isActive": False,
            },
        ]
        self.appointments: list[dict[str, Any]] = []
        self.documents: list[dict[str, Any]] = []
        self.contents: dict[int, bytes] = {}
        self._next = 880

    # https://docs.superoffice.com/en/api/search/odata/using-filters.html
    @staticmethod
    def matches(row: dict[str, Any], condition: str) -> bool:
        literal = r"'((?:[^']|'')*)'"
        if m := re.fullmatch(rf"([\w/]+) (eq|contains) {literal}", condition):
            value = m.group(3).replace("''", "'").lower()
            have = str(row.get(m.group(1)) or "").lower()
            return have == value if m.group(2) == "eq" else value in have
        raise Violation(f"$filter {condition!r} is not a documented form")

    @staticmethod
    def slim(rows: list[dict[str, Any]], select: str) -> httpx.Response:
        fields = select.split(",")
        value = [
            {"PrimaryKey": r.get("PrimaryKey"), "EntityName": r.get("EntityName")}
            | {name: r.get(name) for name in fields}
            for r in rows
        ]
        return json_reply(
            200,
            {
                "odata.metadata": "https://www.example.com/api/v1/archive$metadata",
                "odata.nextLink": "",
                "value": value,
            },
        )

    def archive(self, rows_of: str) -> Any:
        def reply(call: Call) -> httpx.Response:
            rows = getattr(self, rows_of)
            if "$filter" in call.query:
                rows = [r for r in rows if self.matches(r, call.query["$filter"])]
            top = int(call.query.get("$top", "1000"))
            return self.slim(rows[:top], call.query["$select"])

        return reply

    def new_id(self) -> int:
        self._next += 1
        return self._next

    def post_appointment(self, call: Call) -> httpx.Response:
        new_id = self.new_id()
        self.appointments.append(
            {
                "PrimaryKey": new_id,
                "EntityName": "appointment",
                "appointmentId": new_id,
                "text": call.json["Description"],
            }
        )
        return json_reply(200, {**APPOINTMENT_REPLY, **call.json, "AppointmentId": new_id})

    def post_document(self, call: Call) -> httpx.Response:
        new_id = self.new_id()
        self.documents.append(
            {
                "PrimaryKey": new_id,
                "EntityName": "document",
                "documentId": new_id,
                "ourref": call.json.get("OurRef", ""),
            }
        )
        return json_reply(200, {**DOCUMENT_REPLY, **call.json, "DocumentId": new_id})

    def put_content(self, call: Call) -> httpx.Response:
        document_id = int(call.path.group(1))
        if not any(d["documentId"] == document_id for d in self.documents):
            return json_reply(404, {"Error": f"Document {document_id} not found"})
        self.contents[document_id] = call.request.content
        return json_reply(200, {**DOCUMENT_REPLY, "DocumentId": document_id})

    def endpoints(self) -> list[Endpoint]:
        accept = {"Accept": "application/json"}
        archives = [
            ("Person", "persons", "reference/restful/rest/Person/v1PersonEntity_GetAll.html"),
            ("Contact", "contacts", "reference/restful/rest/Contact/v1ContactEntity_GetAll.html"),
            ("User", "users", "reference/restful/rest/User/v1User_GetAll.html"),
            ("Appointment", "appointments", "archive-providers/reference/findappointment.html"),
            ("Document", "documents", "archive-providers/reference/finddocument.html"),
        ]
        endpoints = [
            Endpoint(
                "GET",
                f"{BASE}/{entity}",
                f"{DOC}/{doc}",
                self.archive(rows),
                headers=accept,
                query={"$select": None},
            )
            for entity, rows, doc in archives
        ]
        return [
            *endpoints,
            Endpoint(
                "POST",
                f"{BASE}/Appointment",
                f"{DOC}/reference/restful/rest/Appointment/"
                "v1AppointmentEntity_PostAppointmentEntity.html",
                self.post_appointment,
                headers=JSON,
                body=APPOINTMENT_SCHEMA,
            ),
            Endpoint(
                "POST",
                f"{BASE}/Document",
                f"{DOC}/reference/restful/rest/Document/v1DocumentEntity_PostDocumentEntity.html",
                self.post_document,
                headers=JSON,
                body=DOCUMENT_SCHEMA,
            ),
            Endpoint(
                "PUT",
                rf"{BASE}/Document/(\d+)/Content",
                f"{DOC}/reference/restful/rest/Document/"
                "v1DocumentEntity_SetDocumentStreamFromId.html",
                self.put_content,
                headers={"Content-Type": "application/octet-stream", **accept},
                raw_body=True,
            ),
        ]


@pytest.fixture
def tenant() -> Tenant:
    return Tenant()


@pytest.fixture
def fake(tenant: Tenant) -> VendorFake:
    return VendorFake(tenant.endpoints())


def connection(**options: str) -> Connection:
    return Connection(
        "superoffice", CrmKind.SUPEROFFICE, API, TENANT, options=tuple(sorted(options.items()))
    )


@pytest.fixture
def connector(fake: VendorFake) -> SuperOfficeConnector:
    return open_connector(
        SuperOfficeConnector, connection(client_id="app", document_template_id="3"), fake
    )


PERSON = CrmTarget(TargetKind.PERSON, "2842", "Anna Berg", related=((TargetKind.COMPANY, "25"),))
COMPANY = CrmTarget(TargetKind.COMPANY, "25", "Nordlys AB")


def test_sign_in_is_superid_and_the_api_comes_from_the_webapi_url_claim() -> None:
    provider = SuperOfficeConnector.oauth_provider(connection(client_id="app"))
    assert provider is not None
    assert provider.authorize_url == "https://online.superoffice.com/login/common/oauth/authorize"
    assert provider.token_url == "https://online.superoffice.com/login/common/oauth/tokens"
    assert provider.scopes == ("openid",)
    assert provider.client_id == "app"
    dev = SuperOfficeConnector.oauth_provider(
        connection(client_id="app", environment="sod", tenant="Cust12345")
    )
    assert dev is not None
    assert dev.token_url == "https://sod.superoffice.com/login/common/oauth/tokens"
    assert dev.extra_authorize_params == (("acr_values", "tenant:Cust12345"),)
    stage = SuperOfficeConnector.oauth_provider(connection(environment="stage"))
    assert stage is not None and stage.authorize_url.startswith("https://qaonline.")
    with pytest.raises(ValueError, match="environment"):
        SuperOfficeConnector.oauth_provider(connection(environment="sod2"))

    # The id_token's claims arrive in TokenSet.extra (minuta.crm.oauth).
    tokens = TokenSet("access", "refresh", None, extra=((CLAIM, f"{TENANT}/api/"),))
    blank = Connection("superoffice", CrmKind.SUPEROFFICE, "", options=(("client_id", "app"),))
    completed = SuperOfficeConnector.after_sign_in(blank, tokens)
    assert completed.api_url == API
    assert completed.web_url == TENANT
    assert completed.options == (("client_id", "app"),)
    with pytest.raises(CrmAuthError):
        SuperOfficeConnector.after_sign_in(blank, TokenSet("a", None, None))
    with pytest.raises(CrmAuthError):
        SuperOfficeConnector.after_sign_in(
            blank, TokenSet("a", None, None, extra=((CLAIM, "http://sod/api"),))
        )


def test_every_planned_request_has_the_documented_shape(
    connector: SuperOfficeConnector, fake: VendorFake, tenant: Tenant
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {"Erik Holm": "15"}, ref)
    assert [(r.step, r.method, r.url) for r in plan] == [
        ("note", "POST", f"{API}/v1/Appointment"),
        ("task-1", "POST", f"{API}/v1/Appointment"),
        ("task-2", "POST", f"{API}/v1/Appointment"),
    ]
    created = send_plan(connector, plan)

    meeting, first, second = (c.json for c in fake.calls)
    assert meeting["Person"] == {"PersonId": 2842} and meeting["Contact"] == {"ContactId": 25}
    assert meeting["Type"] == "inDiary" and meeting["Completed"] == "Completed"
    assert meeting["StartDate"] == "2024-05-02T09:30:00+02:00"
    assert meeting["EndDate"] == "2024-05-02T10:15:00+02:00"
    assert meeting["Description"].endswith(f"Ref. {ref}/note")
    assert first["Type"] == "inChecklist" and first["Completed"] == "NotStarted"
    assert first["StartDate"] == first["EndDate"] == "2024-05-10T00:00:00"
    assert first["Associate"] == {"AssociateId": 15}
    assert first["Description"].endswith(f"Ref. {ref}/task-1")
    # No due date: the follow-up is on the meeting's day; no owner: the default.
    assert second["StartDate"] == "2024-05-02T00:00:00" and "Associate" not in second
    assert [c.remote_id for c in created.values()] == ["881", "882", "883"]


def test_a_company_target_links_the_contact_only(
    connector: SuperOfficeConnector, fake: VendorFake
) -> None:
    send_plan(connector, connector.plan_requests(sample_content(), COMPANY, {}, new_ref()))
    assert all(
        c.json["Contact"] == {"ContactId": 25} and "Person" not in c.json for c in fake.calls
    )


def test_activity_types_come_from_the_connection_options(fake: VendorFake) -> None:
    connector = open_connector(
        SuperOfficeConnector,
        connection(meeting_task_id="4", follow_up_task_id="7"),
        fake,
    )
    send_plan(connector, connector.plan_requests(sample_content(), PERSON, {}, new_ref()))
    assert [c.json["Task"] for c in fake.calls] == [{"Id": 4}, {"Id": 7}, {"Id": 7}]


def test_a_note_over_2047_characters_becomes_a_document_and_its_content(
    connector: SuperOfficeConnector, fake: VendorFake, tenant: Tenant
) -> None:
    ref = new_ref()
    note = "Summary: ø and å.\n" * 200  # 3,600 characters
    plan = connector.plan_requests(sample_content(note, tasks=[]), PERSON, {}, ref)
    assert [(r.step, r.method, r.url) for r in plan] == [
        ("note", "POST", f"{API}/v1/Document"),
        ("note-content", "PUT", f"{API}/v1/Document/{{note.id}}/Content"),
    ]

    created = send_plan(connector, plan)

    document = fake.calls[0].json
    assert document["OurRef"] == f"{ref}/note"
    assert document["DocumentTemplate"] == {"DocumentTemplateId": 3}
    assert document["Name"] == f"{ref}-note.txt"
    [document_id] = tenant.contents
    assert created["note"].remote_id == created["note-content"].remote_id == str(document_id)
    text = tenant.contents[document_id].decode("utf-8")
    assert text.startswith("Summary: ø and å.") and text.endswith(f"Ref. {ref}/note")
    assert connector.find_created(plan[0], ref, PERSON) == created["note"]
    assert connector.find_created(plan[1], ref, PERSON) is None  # storing again is harmless


def test_a_long_note_without_a_document_template_is_refused_before_sending(
    fake: VendorFake,
) -> None:
    connector = open_connector(SuperOfficeConnector, connection(), fake)
    with pytest.raises(ValueError, match="document template"):
        connector.plan_requests(sample_content("x" * 3_000), PERSON, {}, new_ref())


def test_long_follow_up_text_is_cut_keeping_the_reference(
    connector: SuperOfficeConnector, fake: VendorFake
) -> None:
    ref = new_ref()
    content = sample_content(tasks=[PushTask("call " * 1_000)])
    send_plan(connector, connector.plan_requests(content, PERSON, {}, ref))
    text = fake.calls[1].json["Description"]
    assert len(text) <= 2047 and text.endswith(f"Ref. {ref}/task-1")


def test_search_by_email_and_name(connector: SuperOfficeConnector, fake: VendorFake) -> None:
    [anna] = connector.search_targets("anna@nordlys.se")
    assert anna == CrmTarget(
        TargetKind.PERSON,
        "2842",
        "Anna Berg",
        "anna@nordlys.se, Nordlys AB",
        None,
        ((TargetKind.COMPANY, "25"),),
    )
    assert fake.calls[0].query == {
        "$select": "personId,fullName,email/emailAddress,contactId,personContact/nameDepartment",
        "$filter": "email/emailAddress eq 'anna@nordlys.se'",
        "$top": "20",
    }
    found = connector.search_targets("nordlys")
    assert [(t.kind, t.remote_id, t.name) for t in found] == [
        (TargetKind.COMPANY, "25", "Nordlys AB - Sales")
    ]


def test_search_doubles_single_quotes(connector: SuperOfficeConnector, fake: VendorFake) -> None:
    [found] = connector.search_targets("O'Regan")
    assert found.name == "Dr. Jerrold O'Regan" and found.related == ()
    assert fake.calls[0].query["$filter"] == "fullName contains 'O''Regan'"
    assert "%20contains%20" in str(fake.calls[0].request.url)


def test_list_users_keeps_active_associates(connector: SuperOfficeConnector) -> None:
    assert [(u.remote_id, u.name, u.email) for u in connector.list_users()] == [
        ("15", "Erik Holm", "erik@example.com")
    ]


def test_find_created_searches_the_appointment_text_for_the_marker(
    connector: SuperOfficeConnector, fake: VendorFake
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {}, ref)
    assert all(connector.find_created(r, ref, PERSON) is None for r in plan)
    created = send_plan(connector, plan[:2])
    assert connector.find_created(plan[0], ref, PERSON) == created["note"]
    assert connector.find_created(plan[1], ref, PERSON) == created["task-1"]
    assert connector.find_created(plan[2], ref, PERSON) is None
    assert fake.calls[-1].query["$filter"] == f"text contains '{ref}/task-2'"
    assert connector.find_created(plan[0], new_ref(), PERSON) is None


def test_created_record_needs_the_new_id(connector: SuperOfficeConnector) -> None:
    [request, *_] = connector.plan_requests(sample_content(), PERSON, {}, new_ref())
    reply = json.dumps({**APPOINTMENT_REPLY, "AppointmentId": 0}).encode()
    with pytest.raises(CrmUnavailable):
        connector.created_record(request, Reply(200, {}, reply))


@pytest.mark.parametrize(
    ("status", "body", "error", "message"),
    [
        (400, {"Error": "Person 99 does not exist"}, CrmRejected, "Person 99 does not exist"),
        (
            400,
            {"Message": "An error has occurred.", "ExceptionMessage": "Invalid StartDate"},
            CrmRejected,
            "Invalid StartDate",
        ),
        (404, {}, CrmRejected, "The CRM answered 404."),
        (401, {}, CrmAuthError, "sign-in"),
        (429, {}, CrmRateLimited, "slow down"),
        (500, {}, CrmUnavailable, "500"),
    ],
)
def test_errors_become_the_right_crm_error(
    connector: SuperOfficeConnector,
    fake: VendorFake,
    status: int,
    body: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    fake.fail_next(status, copy.deepcopy(body))
    with pytest.raises(error, match=re.escape(message)):
        send_plan(connector, connector.plan_requests(sample_content(), PERSON, {}, new_ref()))


def test_the_fake_refuses_an_undocumented_property(connector: SuperOfficeConnector) -> None:
    [request, *_] = connector.plan_requests(sample_content(), PERSON, {}, new_ref())
    body = json.loads(request.body) | {"Notes": "x"}
    with pytest.raises(Violation, match="Notes"):
        connector.client.send(
            "POST", request.url, headers=request.headers, body=json.dumps(body).encode()
        )
