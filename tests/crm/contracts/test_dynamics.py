"""DynamicsConnector against the Dataverse Web API's documented shapes.

Sources, cited per endpoint below:
- Compose HTTP requests and handle errors (headers, status codes, error body):
  https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
- Create a table row (return=representation, OData-EntityId, @odata.bind):
  https://learn.microsoft.com/power-apps/developer/data-platform/webapi/create-entity-web-api
- Filter rows (contains, quotes, formatted values):
  https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
- Table references (column lengths, navigation properties):
  https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/annotation
  (and .../entities/task, .../contact, .../account, .../systemuser)
- Service protection limits (429, Retry-After, 0x80072322):
  https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
import pytest
from tests.crm.contracts.vendor_fake import (
    GUID,
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
from minuta.crm.connectors.dynamics import DynamicsConnector
from minuta.crm.errors import CrmAuthError, CrmRateLimited, CrmRejected, CrmUnavailable
from minuta.crm.http import Reply

ORG = "https://contoso.crm4.dynamics.com"
API = f"{ORG}/api/data/v9.2"
BASE = "/api/data/v9.2"
DOC = "https://learn.microsoft.com/power-apps/developer/data-platform"
FORMATTED = "@OData.Community.Display.V1.FormattedValue"
LOOKUP = "@Microsoft.Dynamics.CRM.lookuplogicalname"

ACCOUNT_ID = "78914942-34cb-ed11-b596-0022481d68cd"
CONTACT_ID = "70bf4d48-34cb-ed11-b596-0022481d68cd"
USER_ID = "3f2f8b0c-7a0b-ee11-8f6e-000d3a2b0c11"

ODATA = {"Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0"}
CREATE = {
    **ODATA,
    "Content-Type": "application/json; charset=utf-8",
    "Prefer": "return=representation",
}
BIND = rf"^/(contacts|accounts)\({GUID}\)$"

# POST annotations: notetext "MaxLength 100000", subject "MaxLength 500".
NOTE_SCHEMA = {
    "type": "object",
    "required": ["subject", "notetext"],
    "properties": {
        "subject": {"type": "string", "minLength": 1, "maxLength": 500},
        "notetext": {"type": "string", "maxLength": 100_000},
    },
    "patternProperties": {
        r"^objectid_(contact|account)@odata\.bind$": {"type": "string", "pattern": BIND}
    },
    "minProperties": 3,
    "maxProperties": 3,
    "additionalProperties": False,
}
# POST tasks: description "MaxLength 2000", subject "MaxLength 200", scheduledend a
# DateTime (UTC), ownerid bound to a systemuser.
TASK_SCHEMA = {
    "type": "object",
    "required": ["subject", "description"],
    "properties": {
        "subject": {"type": "string", "minLength": 1, "maxLength": 200},
        "description": {"type": "string", "maxLength": 2000},
        "scheduledend": {
            "type": "string",
            "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$",
        },
        "ownerid@odata.bind": {"type": "string", "pattern": rf"^/systemusers\({GUID}\)$"},
    },
    "patternProperties": {
        r"^regardingobjectid_(contact|account)_task@odata\.bind$": {
            "type": "string",
            "pattern": BIND,
        }
    },
    "additionalProperties": False,
}

# The documented error bodies: {"error": {"code", "message"}}.
ERRORS = {
    400: {"error": {"code": "0x80040265", "message": "Example Error Message."}},
    401: {"error": {"code": "", "message": "The user is not authenticated."}},
    404: {"error": {"code": "0x80040217", "message": "contact With Id = 1 Does Not Exist"}},
    429: {
        "error": {
            "code": "0x80072322",
            "message": "Number of requests exceeded the limit of 6000 over time window of "
            "300 seconds.",
        }
    },
    503: {"error": {"code": "", "message": "The service is temporarily unavailable."}},
}


class Dataverse:
    """Rows as the documented examples show them, and the filters the docs allow."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {
            "contacts": [
                {
                    "contactid": CONTACT_ID,
                    "fullname": "Susanna Stubberod (sample)",
                    "emailaddress1": "someone_c@example.com",
                    "statecode": 0,
                    "_parentcustomerid_value": ACCOUNT_ID,
                    f"_parentcustomerid_value{FORMATTED}": "Litware, Inc. (sample)",
                    f"_parentcustomerid_value{LOOKUP}": "account",
                },
                {
                    "contactid": "e9b3f2d1-35cb-ed11-b596-0022481d68cd",
                    "fullname": "Patrick O'Brien",
                    "emailaddress1": "patrick@example.com",
                    "statecode": 0,
                    "_parentcustomerid_value": None,
                },
            ],
            "accounts": [
                {
                    "accountid": ACCOUNT_ID,
                    "name": "Litware, Inc. (sample)",
                    "address1_city": "Dallas",
                    "statecode": 0,
                }
            ],
            "systemusers": [
                {
                    "systemuserid": USER_ID,
                    "fullname": "Erik Holm",
                    "internalemailaddress": "erik@contoso.com",
                    "isdisabled": False,
                    "accessmode": 0,
                },
                {
                    "systemuserid": "9d1c1c1e-0000-4000-8000-000000000002",
                    "fullname": "# Integration app",
                    "internalemailaddress": "",
                    "isdisabled": False,
                    "accessmode": 4,
                },
            ],
            "annotations": [],
            "tasks": [],
        }

    # https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
    def matches(self, row: dict[str, Any], condition: str) -> bool:
        return all(
            self._clause(row, c) for c in re.split(r" and (?=(?:[^']*'[^']*')*[^']*$)", condition)
        )

    @staticmethod
    def _clause(row: dict[str, Any], clause: str) -> bool:
        literal = r"'((?:[^']|'')*)'"
        if m := re.fullmatch(rf"contains\((\w+),{literal}\)", clause):
            text = re.sub(r"\[(.)\]", r"\1", m.group(2).replace("''", "'"))
            return text.lower() in str(row.get(m.group(1)) or "").lower()
        if m := re.fullmatch(rf"(\w+) eq {literal}", clause):
            return str(row.get(m.group(1)) or "").lower() == m.group(2).replace("''", "'").lower()
        if m := re.fullmatch(rf"(\w+) eq ({GUID}|\d+|true|false)", clause):
            value = {"true": True, "false": False}.get(m.group(2), m.group(2))
            if isinstance(value, str) and value.isdigit():
                return row.get(m.group(1)) == int(value)
            return row.get(m.group(1)) == value
        raise Violation(f"$filter clause {clause!r} is not a documented form")

    def query(self, entity_set: str) -> Any:
        def reply(call: Call) -> httpx.Response:
            rows = [r for r in self.rows[entity_set] if self.matches(r, call.query["$filter"])]
            top = int(call.query.get("$top", "5000"))
            fields = call.query["$select"].split(",")
            value = []
            for row in rows[:top]:
                shaped: dict[str, Any] = {"@odata.etag": 'W/"81359849"'}
                for name in fields:
                    shaped[name] = row.get(name)
                    for note in (FORMATTED, LOOKUP):
                        if name + note in row:
                            shaped[name + note] = row[name + note]
                key = {"contacts": "contactid", "accounts": "accountid"}.get(entity_set)
                if key:
                    shaped[key] = row[key]  # the primary key always comes back
                value.append(shaped)
            context = f"{API}/$metadata#{entity_set}({call.query['$select']})"
            return json_reply(200, {"@odata.context": context, "value": value})

        return reply

    def create(self, entity_set: str, key: str) -> Any:
        def reply(call: Call) -> httpx.Response:
            new_id = str(uuid.uuid4())
            row = dict(call.json)
            row[key] = new_id
            bind = next(
                v for k, v in call.json.items() if k.endswith("@odata.bind") and "owner" not in k
            )
            row[
                "_objectid_value" if entity_set == "annotations" else "_regardingobjectid_value"
            ] = re.search(GUID, bind).group(0)  # type: ignore[union-attr]
            self.rows[entity_set].append(row)
            # "Create with data returned": 201 and the $select-ed columns.
            return json_reply(
                201,
                {
                    "@odata.context": f"{API}/$metadata#{entity_set}({key})/$entity",
                    "@odata.etag": 'W/"536530"',
                    key: new_id,
                },
                {"Preference-Applied": "return=representation", "OData-Version": "4.0"},
            )

        return reply

    def endpoints(self) -> list[Endpoint]:
        query = {**ODATA, "If-None-Match": "null"}
        endpoints = [
            Endpoint(
                "GET",
                f"{BASE}/{name}",
                f"{DOC}/webapi/query/filter-rows",
                self.query(name),
                headers=query,
                query={"$select": None, "$filter": None},
            )
            for name in ("contacts", "accounts", "systemusers", "annotations", "tasks")
        ]
        endpoints += [
            Endpoint(
                "POST",
                f"{BASE}/annotations",
                f"{DOC}/webapi/create-entity-web-api",
                self.create("annotations", "annotationid"),
                headers=CREATE,
                query={"$select": "annotationid"},
                body=NOTE_SCHEMA,
            ),
            Endpoint(
                "POST",
                f"{BASE}/tasks",
                f"{DOC}/webapi/create-entity-web-api",
                self.create("tasks", "activityid"),
                headers=CREATE,
                query={"$select": "activityid"},
                body=TASK_SCHEMA,
            ),
        ]
        return endpoints


@pytest.fixture
def dataverse() -> Dataverse:
    return Dataverse()


@pytest.fixture
def fake(dataverse: Dataverse) -> VendorFake:
    return VendorFake(dataverse.endpoints())


def connection(**options: str) -> Connection:
    return Connection(
        "dynamics", CrmKind.DYNAMICS, API, ORG, options=tuple(sorted(options.items()))
    )


@pytest.fixture
def connector(fake: VendorFake) -> DynamicsConnector:
    return open_connector(DynamicsConnector, connection(client_id="app-id"), fake)


PERSON = CrmTarget(
    TargetKind.PERSON, CONTACT_ID, "Susanna", related=((TargetKind.COMPANY, ACCOUNT_ID),)
)
COMPANY = CrmTarget(TargetKind.COMPANY, ACCOUNT_ID, "Litware")


def test_sign_in_uses_the_microsoft_identity_platform_as_a_public_client() -> None:
    provider = DynamicsConnector.oauth_provider(connection(client_id="app-id"))
    assert provider is not None
    authority = "https://login.microsoftonline.com/organizations/oauth2/v2.0"
    assert provider.authorize_url == f"{authority}/authorize"
    assert provider.token_url == f"{authority}/token"
    assert provider.client_id == "app-id"
    assert provider.scopes == (f"{ORG}/user_impersonation", "offline_access")

    tenant = DynamicsConnector.oauth_provider(connection(client_id="x", tenant="contoso.com"))
    assert tenant is not None
    assert tenant.authorize_url.startswith("https://login.microsoftonline.com/contoso.com/")


def test_every_planned_request_has_the_documented_shape(
    connector: DynamicsConnector, fake: VendorFake, dataverse: Dataverse
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {"Erik Holm": USER_ID}, ref)
    assert [r.step for r in plan] == ["note", "task-1", "task-2"]

    created = send_plan(connector, plan)

    note, first, second = (c.json for c in fake.calls)
    assert note["objectid_contact@odata.bind"] == f"/contacts({CONTACT_ID})"
    assert note["notetext"].endswith(f"Ref. {ref}/note")
    assert first["regardingobjectid_contact_task@odata.bind"] == f"/contacts({CONTACT_ID})"
    assert first["scheduledend"] == "2024-05-10T12:00:00Z"
    assert first["ownerid@odata.bind"] == f"/systemusers({USER_ID})"
    assert first["description"].endswith(f"Ref. {ref}/task-1")
    assert "ownerid@odata.bind" not in second and "scheduledend" not in second
    assert created["note"].remote_id == dataverse.rows["annotations"][0]["annotationid"]
    assert created["note"].url == (
        f"{ORG}/main.aspx?pagetype=entityrecord&etn=annotation&id={created['note'].remote_id}"
    )
    assert created["task-2"].remote_id == dataverse.rows["tasks"][1]["activityid"]


def test_a_company_is_bound_through_the_account_navigation_properties(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    send_plan(connector, connector.plan_requests(sample_content(), COMPANY, {}, new_ref()))
    note, task, _ = (c.json for c in fake.calls)
    assert note["objectid_account@odata.bind"] == f"/accounts({ACCOUNT_ID})"
    assert task["regardingobjectid_account_task@odata.bind"] == f"/accounts({ACCOUNT_ID})"


def test_text_over_the_column_limits_is_cut_keeping_the_reference(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    ref = new_ref()
    content = sample_content("x" * 120_000, tasks=[PushTask("do " * 1_000)])
    send_plan(connector, connector.plan_requests(content, PERSON, {}, ref))
    note, task = (c.json for c in fake.calls)
    assert len(note["notetext"]) == 100_000 and note["notetext"].endswith(f"Ref. {ref}/note")
    assert len(task["description"]) <= 2_000 and task["description"].endswith(f"{ref}/task-1")
    assert len(task["subject"]) <= 200


def test_a_deal_is_refused_before_anything_is_sent(connector: DynamicsConnector) -> None:
    with pytest.raises(ValueError, match="contact or an account"):
        connector.plan_requests(
            sample_content(), CrmTarget(TargetKind.DEAL, ACCOUNT_ID, "Deal"), {}, new_ref()
        )


def test_search_by_email_reads_the_documented_lookup_annotations(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    [found] = connector.search_targets("someone_c@example.com")
    assert found == CrmTarget(
        TargetKind.PERSON,
        CONTACT_ID,
        "Susanna Stubberod (sample)",
        "someone_c@example.com, Litware, Inc. (sample)",
        f"{ORG}/main.aspx?pagetype=entityrecord&etn=contact&id={CONTACT_ID}",
        ((TargetKind.COMPANY, ACCOUNT_ID),),
    )
    [call] = fake.calls
    assert call.query["$filter"] == "statecode eq 0 and emailaddress1 eq 'someone_c@example.com'"
    # Spaces go as %20 and "@" is encoded: "You must URL encode special characters".
    assert "%20eq%20" in str(call.request.url) and "%40" in str(call.request.url)


def test_search_by_name_finds_contacts_and_accounts(connector: DynamicsConnector) -> None:
    found = connector.search_targets("litware")
    assert [(t.kind, t.remote_id) for t in found] == [
        (TargetKind.COMPANY, ACCOUNT_ID),
    ]
    assert found[0].detail == "Dallas"


def test_search_quotes_and_wildcards_stay_literal(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    [found] = connector.search_targets("O'Brien")
    assert found.name == "Patrick O'Brien"
    assert fake.calls[0].query["$filter"] == "statecode eq 0 and contains(fullname,'O''Brien')"
    connector.search_targets("50%_off")
    assert "contains(name,'50[%][_]off')" in fake.calls[-1].query["$filter"]


def test_list_users_keeps_active_interactive_users(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    users = connector.list_users()
    assert [(u.remote_id, u.name, u.email) for u in users] == [
        (USER_ID, "Erik Holm", "erik@contoso.com")
    ]
    assert fake.calls[0].query["$filter"] == "isdisabled eq false and accessmode eq 0"


def test_created_record_reads_the_entity_id_header_of_a_204(
    connector: DynamicsConnector,
) -> None:
    [request, *_] = connector.plan_requests(sample_content(), PERSON, {}, new_ref())
    new_id = "7eb682f1-ca75-e511-80d4-00155d2a68d1"
    reply = Reply(204, {"OData-EntityId": f"{API}/annotations({new_id})"}, b"")
    assert connector.created_record(request, reply).remote_id == new_id
    with pytest.raises(CrmUnavailable):
        connector.created_record(request, Reply(204, {}, b""))


def test_find_created_finds_a_record_only_by_its_own_marker(
    connector: DynamicsConnector, fake: VendorFake
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {}, ref)
    for request in plan:
        assert connector.find_created(request, ref, PERSON) is None
    created = send_plan(connector, plan[:2])
    assert connector.find_created(plan[0], ref, PERSON) == created["note"]
    assert connector.find_created(plan[1], ref, PERSON) == created["task-1"]
    assert connector.find_created(plan[2], ref, PERSON) is None
    assert connector.find_created(plan[0], new_ref(), PERSON) is None
    assert connector.find_created(plan[0], ref, COMPANY) is None
    search = fake.calls_to("GET", "/annotations")[-1]
    assert search.query["$filter"].startswith(f"contains(notetext,'{ref}/note') and ")


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (400, CrmRejected, "Example Error Message."),
        (404, CrmRejected, "contact With Id = 1 Does Not Exist"),
        (401, CrmAuthError, "sign-in"),
        (429, CrmRateLimited, "slow down"),
        (503, CrmUnavailable, "503"),
    ],
)
def test_documented_errors_become_the_right_crm_error(
    connector: DynamicsConnector,
    fake: VendorFake,
    status: int,
    error: type[Exception],
    message: str,
) -> None:
    headers = {"Retry-After": "7"} if status == 429 else None
    fake.fail_next(status, ERRORS[status], headers)
    with pytest.raises(error, match=re.escape(message)) as raised:
        send_plan(connector, connector.plan_requests(sample_content(), PERSON, {}, new_ref()))
    if status == 429:
        assert raised.value.retry_after_s == 7.0  # type: ignore[attr-defined]


def test_the_fake_refuses_an_undocumented_body(connector: DynamicsConnector) -> None:
    # The contract itself: a field the reference does not list is refused.
    [request, *_] = connector.plan_requests(sample_content(), PERSON, {}, new_ref())
    body = json.loads(request.body) | {"isdocument": "no"}
    with pytest.raises(Violation, match="isdocument"):
        connector.client.send(
            "POST", request.url, headers=request.headers, body=json.dumps(body).encode()
        )


def test_sign_in_needs_the_organisation_address() -> None:
    with pytest.raises(ValueError, match="address"):
        DynamicsConnector.oauth_provider(Connection("d", CrmKind.DYNAMICS, ""))
