"""SalesforceConnector against the Salesforce REST API's documented shapes.

Sources, cited per endpoint below:
- OAuth 2.0 web server flow with PKCE:
  https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
- Query (SOQL) and its escapes:
  https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
  https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
- sObject create (201 {"id", "success", "errors"}) and errors
  ([{"message", "errorCode", "fields"}]):
  https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
  https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
- Composite: .../api_rest/resources_composite_composite_post.htm
- Objects: Event, Task, ContentNote, ContentDocumentLink, User in the Object Reference
  https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
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
from minuta.crm.connectors.salesforce import SalesforceConnector
from minuta.crm.errors import CrmAuthError, CrmRejected, CrmUnavailable
from minuta.crm.oauth import TokenSet

INSTANCE = "https://nordlys.my.salesforce.com"
BASE = "/services/data/v60.0"
API = INSTANCE + BASE
DOC = "https://developer.salesforce.com/docs/atlas.en-us"
ACCOUNT_ID = "001D000000IqhSLIAZ"
CONTACT_ID = "003D000000QV9n2IAD"
USER_ID = "005D0000001GMAtIAO"
SF_ID = r"^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$"
JSON = {"Content-Type": "application/json; charset=UTF-8", "Accept": "application/json"}
DATETIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"
WHO_WHAT = {
    "WhoId": {"type": "string", "pattern": SF_ID},
    "WhatId": {"type": "string", "pattern": SF_ID},
}
# Event: Subject "string 255", Description "Limit: 32,000 characters", and with
# IsAllDayEvent false "a value must be supplied for either DurationInMinutes or
# EndDateTime".
EVENT_SCHEMA = {
    "type": "object",
    "required": ["Subject", "StartDateTime", "EndDateTime"],
    "properties": {
        "Subject": {"type": "string", "minLength": 1, "maxLength": 255},
        "StartDateTime": {"type": "string", "pattern": DATETIME},
        "EndDateTime": {"type": "string", "pattern": DATETIME},
        "Description": {"type": "string", "maxLength": 32_000},
        **WHO_WHAT,
    },
    "additionalProperties": False,
}
# Task: ActivityDate a date, Status a picklist ("Not Started"), OwnerId a user.
TASK_SCHEMA = {
    "type": "object",
    "required": ["Subject", "Status"],
    "properties": {
        "Subject": {"type": "string", "minLength": 1, "maxLength": 255},
        "Description": {"type": "string", "maxLength": 32_000},
        "Status": {"enum": ["Not Started", "In Progress", "Completed", "Waiting on someone else"]},
        "ActivityDate": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"},
        "OwnerId": {"type": "string", "pattern": SF_ID},
        **WHO_WHAT,
    },
    "additionalProperties": False,
}
# Composite: subrequests with method, url (the resource's full path),
# referenceId ("alphanumeric ... must begin with a letter") and body; here the
# ContentNote (Title, base64 Content) and its ContentDocumentLink.
COMPOSITE_SCHEMA = {
    "type": "object",
    "required": ["allOrNone", "compositeRequest"],
    "properties": {
        "allOrNone": {"const": True},
        "compositeRequest": {
            "type": "array",
            "prefixItems": [
                {
                    "type": "object",
                    "required": ["method", "url", "referenceId", "body"],
                    "properties": {
                        "method": {"const": "POST"},
                        "url": {"const": f"{BASE}/sobjects/ContentNote"},
                        "referenceId": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$"},
                        "body": {
                            "type": "object",
                            "required": ["Title", "Content"],
                            "properties": {
                                "Title": {"type": "string", "maxLength": 255},
                                "Content": {"type": "string", "pattern": "^[A-Za-z0-9+/=]+$"},
                            },
                            "additionalProperties": False,
                        },
                    },
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "required": ["method", "url", "referenceId", "body"],
                    "properties": {
                        "method": {"const": "POST"},
                        "url": {"const": f"{BASE}/sobjects/ContentDocumentLink"},
                        "referenceId": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$"},
                        "body": {
                            "type": "object",
                            "required": ["ContentDocumentId", "LinkedEntityId"],
                            "properties": {
                                "ContentDocumentId": {"pattern": r"^@\{[A-Za-z]\w*\.id\}$"},
                                "LinkedEntityId": {"type": "string", "pattern": SF_ID},
                                "ShareType": {"enum": ["V", "C", "I"]},
                            },
                            "additionalProperties": False,
                        },
                    },
                    "additionalProperties": False,
                },
            ],
            "minItems": 2,
            "maxItems": 2,
        },
    },
    "additionalProperties": False,
}
ERRORS = {
    400: [
        {
            "message": "Required fields are missing: [Subject]",
            "errorCode": "REQUIRED_FIELD_MISSING",
            "fields": ["Subject"],
        }
    ],
    401: [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}],
    403: [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
    404: [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}],
    500: [
        {
            "message": "An unexpected error occurred. Please include this ErrorId if you "
            "contact support: 1234567890-12345 (-1234567890)",
            "errorCode": "UNKNOWN_EXCEPTION",
        }
    ],
}
LITERAL = r"'((?:[^'\\]|\\.)*)'"


def unescape(literal: str) -> str:
    """A SOQL literal's text; a backslash before anything undocumented is an error."""

    def one(match: re.Match[str]) -> str:
        escaped = match.group(1)
        known = {
            "n": "\n",
            "r": "\r",
            "t": "\t",
            "'": "'",
            '"': '"',
            "\\": "\\",
            "_": "_",
            "%": "%",
        }
        if escaped not in known:
            raise Violation(f"SOQL has no escape \\{escaped}")
        return known[escaped]

    return re.sub(r"\\(.)", one, literal)


class Org:
    """Records as the documented examples show them, and the queries the connector sends."""

    def __init__(self) -> None:
        self.contacts: list[dict[str, Any]] = [
            {
                "Id": CONTACT_ID,
                "Name": "Anna Berg",
                "Email": "anna@nordlys.se",
                "AccountId": ACCOUNT_ID,
                "Account": {"Name": "Nordlys AB"},
            },
            {"Id": "003D000000QV9n3IAD", "Name": "Sean O'Neil", "Email": "", "AccountId": None},
        ]
        self.accounts: list[dict[str, Any]] = [
            {"Id": ACCOUNT_ID, "Name": "Nordlys AB", "BillingCity": "Umeå"}
        ]
        self.users: list[dict[str, Any]] = [
            {"Id": USER_ID, "Name": "Erik Holm", "Email": "erik@example.com"}
        ]
        self.created: dict[str, list[dict[str, Any]]] = {"Event": [], "Task": [], "ContentNote": []}
        self.soql: list[str] = []
        self._serial = 0

    def new_id(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix}D{self._serial:015d}"[:18]

    @staticmethod
    def result(sobject: str, records: list[dict[str, Any]]) -> httpx.Response:
        shaped = [
            {"attributes": {"type": sobject, "url": f"{BASE}/sobjects/{sobject}/{r['Id']}"}, **r}
            for r in records
        ]
        return json_reply(200, {"totalSize": len(shaped), "done": True, "records": shaped})

    def query(self, call: Call) -> httpx.Response:
        soql = call.query["q"]
        self.soql.append(soql)
        for pattern, answer in self._queries():
            match = re.fullmatch(pattern, soql)
            if match:
                return answer(match)
        raise Violation(f"SOQL the fake does not know: {soql}")

    def _queries(self) -> list[tuple[str, Callable[[re.Match[str]], httpx.Response]]]:
        contact = r"SELECT Id, Name, Email, AccountId, Account\.Name FROM Contact WHERE "
        tail = r" ORDER BY Name LIMIT 20"
        activity = (
            r"SELECT Id, Description FROM (Event|Task) WHERE \(WhoId = "
            + LITERAL
            + r" OR WhatId = "
            + LITERAL
            + r"\) AND CreatedDate = LAST_N_DAYS:30 ORDER BY CreatedDate DESC LIMIT 200"
        )
        notes = (
            r"SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = "
            + LITERAL
            + r" AND ContentDocument\.FileType = 'SNOTE' AND ContentDocument\.CreatedDate = "
            r"LAST_N_DAYS:30 ORDER BY ContentDocument\.CreatedDate DESC LIMIT 20"
        )
        return [
            (contact + "Email = " + LITERAL + tail, self._contact_by_email),
            (contact + "Name LIKE " + LITERAL + tail, self._by_name("Contact", self.contacts)),
            (
                r"SELECT Id, Name, BillingCity FROM Account WHERE Name LIKE " + LITERAL + tail,
                self._by_name("Account", self.accounts),
            ),
            (
                r"SELECT Id, Name, Email FROM User WHERE IsActive = true "
                r"AND UserType = 'Standard' ORDER BY Name",
                lambda m: self.result("User", self.users),
            ),
            (activity, self._activities),
            (notes, self._note_links),
        ]

    def _contact_by_email(self, match: re.Match[str]) -> httpx.Response:
        email = unescape(match.group(1)).lower()
        return self.result("Contact", [c for c in self.contacts if c["Email"].lower() == email])

    def _by_name(self, sobject: str, rows: list[dict[str, Any]]) -> Any:
        def answer(match: re.Match[str]) -> httpx.Response:
            pattern = match.group(1)
            if not (pattern.startswith("%") and pattern.endswith("%")):
                raise Violation("the name search is a LIKE '%…%'")
            # LIKE: unescaped % and _ are wildcards, \% and \_ the characters.
            parts = re.split(r"(?<!\\)[%_]", pattern[1:-1])
            if len(parts) != 1:
                raise Violation(f"a wildcard slipped into {pattern!r}")
            text = unescape(parts[0]).lower()
            return self.result(sobject, [r for r in rows if text in r["Name"].lower()])

        return answer

    def _activities(self, match: re.Match[str]) -> httpx.Response:
        sobject, who, what = match.group(1), unescape(match.group(2)), unescape(match.group(3))
        rows = [
            {"Id": r["Id"], "Description": r.get("Description")}
            for r in reversed(self.created[sobject])
            if who in (r.get("WhoId"), r.get("WhatId")) or what in (r.get("WhoId"), r.get("WhatId"))
        ]
        return self.result(sobject, rows)

    def _note_links(self, match: re.Match[str]) -> httpx.Response:
        linked = unescape(match.group(1))
        rows = [
            {"Id": f"06A{n['Id'][3:]}", "ContentDocumentId": n["Id"]}
            for n in self.created["ContentNote"]
            if n["LinkedEntityId"] == linked
        ]
        return self.result("ContentDocumentLink", rows)

    def create(self, sobject: str, prefix: str) -> Any:
        def reply(call: Call) -> httpx.Response:
            new_id = self.new_id(prefix)
            self.created[sobject].append({"Id": new_id, **call.json})
            return json_reply(201, {"id": new_id, "errors": [], "success": True})

        return reply

    def composite(self, call: Call) -> httpx.Response:
        note_request, link_request = call.json["compositeRequest"]
        reference = note_request["referenceId"]
        if link_request["body"]["ContentDocumentId"] != f"@{{{reference}.id}}":
            raise Violation("the link must name the note's reference")
        note_id, link_id = self.new_id("069"), self.new_id("06A")
        self.created["ContentNote"].append(
            {
                "Id": note_id,
                "Title": note_request["body"]["Title"],
                "Content": base64.b64decode(note_request["body"]["Content"]),
                "LinkedEntityId": link_request["body"]["LinkedEntityId"],
            }
        )

        def result(ref: str, sobject: str, new_id: str) -> dict[str, Any]:
            return {
                "body": {"id": new_id, "success": True, "errors": []},
                "httpHeaders": {"Location": f"{BASE}/sobjects/{sobject}/{new_id}"},
                "httpStatusCode": 201,
                "referenceId": ref,
            }

        return json_reply(
            200,
            {
                "compositeResponse": [
                    result(reference, "ContentNote", note_id),
                    result(link_request["referenceId"], "ContentDocumentLink", link_id),
                ]
            },
        )

    def note_content(self, call: Call) -> httpx.Response:
        note_id = call.path.group(1)
        for note in self.created["ContentNote"]:
            if note["Id"] == note_id:
                return httpx.Response(200, content=note["Content"])
        return json_reply(404, ERRORS[404])

    def endpoints(self) -> list[Endpoint]:
        return [
            Endpoint(
                "GET",
                f"{BASE}/query",
                f"{DOC}.api_rest.meta/api_rest/resources_query.htm",
                self.query,
                headers={"Accept": "application/json"},
                query={"q": None},
            ),
            Endpoint(
                "POST",
                f"{BASE}/sobjects/Event",
                f"{DOC}.api_rest.meta/api_rest/dome_sobject_create.htm",
                self.create("Event", "00U"),
                headers=JSON,
                body=EVENT_SCHEMA,
            ),
            Endpoint(
                "POST",
                f"{BASE}/sobjects/Task",
                f"{DOC}.api_rest.meta/api_rest/dome_sobject_create.htm",
                self.create("Task", "00T"),
                headers=JSON,
                body=TASK_SCHEMA,
            ),
            Endpoint(
                "POST",
                f"{BASE}/composite",
                f"{DOC}.api_rest.meta/api_rest/resources_composite_composite_post.htm",
                self.composite,
                headers=JSON,
                body=COMPOSITE_SCHEMA,
            ),
            Endpoint(
                "GET",
                rf"{BASE}/sobjects/ContentNote/(069\w+)/Content",
                f"{DOC}.api_rest.meta/api_rest/dome_sobject_blob_retrieve.htm",
                self.note_content,
            ),
        ]


@pytest.fixture
def org() -> Org:
    return Org()


@pytest.fixture
def fake(org: Org) -> VendorFake:
    return VendorFake(org.endpoints())


def connection(**options: str) -> Connection:
    return Connection(
        "salesforce", CrmKind.SALESFORCE, API, INSTANCE, options=tuple(sorted(options.items()))
    )


@pytest.fixture
def connector(fake: VendorFake) -> SalesforceConnector:
    return open_connector(SalesforceConnector, connection(client_id="key"), fake)


PERSON = CrmTarget(
    TargetKind.PERSON, CONTACT_ID, "Anna Berg", related=((TargetKind.COMPANY, ACCOUNT_ID),)
)
COMPANY = CrmTarget(TargetKind.COMPANY, ACCOUNT_ID, "Nordlys AB")


def test_sign_in_is_the_web_server_flow_and_the_instance_comes_from_the_token() -> None:
    provider = SalesforceConnector.oauth_provider(connection(client_id="key"))
    assert provider is not None
    assert provider.authorize_url == "https://login.salesforce.com/services/oauth2/authorize"
    assert provider.token_url == "https://login.salesforce.com/services/oauth2/token"
    assert provider.client_id == "key"
    assert provider.scopes == ("api", "refresh_token")
    sandbox = SalesforceConnector.oauth_provider(
        connection(client_id="key", login_url="https://test.salesforce.com/")
    )
    assert sandbox is not None
    assert sandbox.token_url == "https://test.salesforce.com/services/oauth2/token"

    tokens = TokenSet(
        "access",
        "refresh",
        None,
        extra=(("id", "https://login.salesforce.com/id/00D/005"), ("instance_url", INSTANCE)),
    )
    blank = Connection("salesforce", CrmKind.SALESFORCE, "", options=(("client_id", "key"),))
    completed = SalesforceConnector.after_sign_in(blank, tokens)
    assert completed.api_url == API
    assert completed.web_url == INSTANCE
    assert completed.options == (("client_id", "key"),)
    with pytest.raises(CrmAuthError):
        SalesforceConnector.after_sign_in(blank, TokenSet("a", None, None))


def test_every_planned_request_has_the_documented_shape(
    connector: SalesforceConnector, fake: VendorFake, org: Org
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {"Erik Holm": USER_ID}, ref)
    assert [(r.step, r.method, r.url) for r in plan] == [
        ("note", "POST", f"{API}/sobjects/Event"),
        ("task-1", "POST", f"{API}/sobjects/Task"),
        ("task-2", "POST", f"{API}/sobjects/Task"),
    ]
    created = send_plan(connector, plan)

    event, first, second = (c.json for c in fake.calls)
    assert event["WhoId"] == CONTACT_ID and "WhatId" not in event
    assert event["StartDateTime"] == "2024-05-02T09:30:00+02:00"
    assert event["EndDateTime"] == "2024-05-02T10:15:00+02:00"
    assert event["Description"].endswith(f"Ref. {ref}/note")
    assert first == {
        "Subject": "Send the offer to Anna",
        "Description": first["Description"],
        "Status": "Not Started",
        "WhoId": CONTACT_ID,
        "ActivityDate": "2024-05-10",
        "OwnerId": USER_ID,
    }
    assert first["Description"].endswith(f"Ref. {ref}/task-1")
    assert "OwnerId" not in second and "ActivityDate" not in second
    assert created["note"].remote_id == org.created["Event"][0]["Id"]
    assert created["note"].url == f"{INSTANCE}/{created['note'].remote_id}"


def test_an_account_is_the_what_of_the_activities(
    connector: SalesforceConnector, fake: VendorFake
) -> None:
    send_plan(connector, connector.plan_requests(sample_content(), COMPANY, {}, new_ref()))
    assert all(c.json["WhatId"] == ACCOUNT_ID and "WhoId" not in c.json for c in fake.calls)


def test_a_long_note_is_one_composite_request_with_the_note_and_its_link(
    connector: SalesforceConnector, fake: VendorFake, org: Org
) -> None:
    ref = new_ref()
    text = "Line <one> & more\n" * 2_000  # 36,000 characters: over the Event's 32,000
    plan = connector.plan_requests(sample_content(text, tasks=[]), PERSON, {}, ref)
    assert [(r.step, r.url) for r in plan] == [("note", f"{API}/composite")]

    created = send_plan(connector, plan)

    [note] = org.created["ContentNote"]
    assert created["note"].remote_id == note["Id"]
    assert note["LinkedEntityId"] == CONTACT_ID
    html_text = note["Content"].decode()
    assert html_text.startswith("<p>Line &lt;one&gt; &amp; more<br>Line")
    assert html_text.endswith(f"<p>Ref. {ref}/note</p>")
    assert connector.find_created(plan[0], ref, PERSON) == created["note"]
    assert connector.find_created(plan[0], new_ref(), PERSON) is None


def test_a_failed_composite_is_rejected_with_salesforce_s_own_words(
    connector: SalesforceConnector, fake: VendorFake
) -> None:
    [request] = connector.plan_requests(sample_content("x" * 33_000, tasks=[]), PERSON, {}, "r")
    fake.endpoints[3] = Endpoint(
        "POST",
        f"{BASE}/composite",
        fake.endpoints[3].doc,
        lambda call: json_reply(
            200,
            {
                "compositeResponse": [
                    {
                        "body": [
                            {
                                "errorCode": "PROCESSING_HALTED",
                                "message": "The transaction was rolled back since another "
                                "operation in the same transaction failed.",
                            }
                        ],
                        "httpHeaders": {},
                        "httpStatusCode": 400,
                        "referenceId": "MinutaNote",
                    },
                    {
                        "body": [
                            {
                                "errorCode": "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                                "message": "insufficient access rights on cross-reference id",
                            }
                        ],
                        "httpHeaders": {},
                        "httpStatusCode": 400,
                        "referenceId": "MinutaNoteLink",
                    },
                ]
            },
        ),
        headers=JSON,
        body=COMPOSITE_SCHEMA,
    )
    with pytest.raises(CrmRejected, match="insufficient access rights"):
        send_plan(connector, [request])


def test_search_by_email_and_by_name(connector: SalesforceConnector, org: Org) -> None:
    [anna] = connector.search_targets("anna@nordlys.se")
    assert anna == CrmTarget(
        TargetKind.PERSON,
        CONTACT_ID,
        "Anna Berg",
        "anna@nordlys.se, Nordlys AB",
        f"{INSTANCE}/{CONTACT_ID}",
        ((TargetKind.COMPANY, ACCOUNT_ID),),
    )
    found = connector.search_targets("nordlys")
    assert [(t.kind, t.name, t.detail) for t in found] == [
        (TargetKind.COMPANY, "Nordlys AB", "Umeå")
    ]


def test_search_escapes_quotes_and_like_wildcards(connector: SalesforceConnector, org: Org) -> None:
    [sean] = connector.search_targets("O'Neil")
    assert sean.name == "Sean O'Neil"
    assert "Name LIKE '%O\\'Neil%'" in org.soql[0]
    connector.search_targets("50%_off")
    assert "LIKE '%50\\%\\_off%'" in org.soql[-1]
    connector.search_targets("x' OR Name != '")
    assert "LIKE '%x\\' OR Name != \\'%'" in org.soql[-1]


def test_list_users(connector: SalesforceConnector) -> None:
    assert [(u.remote_id, u.name, u.email) for u in connector.list_users()] == [
        (USER_ID, "Erik Holm", "erik@example.com")
    ]


def test_find_created_reads_recent_activities_for_the_marker(
    connector: SalesforceConnector, org: Org
) -> None:
    ref = new_ref()
    plan = connector.plan_requests(sample_content(), PERSON, {}, ref)
    assert all(connector.find_created(r, ref, PERSON) is None for r in plan)
    created = send_plan(connector, plan[:2])
    assert connector.find_created(plan[0], ref, PERSON) == created["note"]
    assert connector.find_created(plan[1], ref, PERSON) == created["task-1"]
    assert connector.find_created(plan[2], ref, PERSON) is None
    assert connector.find_created(plan[0], new_ref(), PERSON) is None
    assert org.soql[-1].startswith("SELECT Id, Description FROM Event WHERE (WhoId = '003")


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (400, CrmRejected, "Required fields are missing: [Subject]"),
        (403, CrmRejected, "TotalRequests Limit exceeded."),
        (404, CrmRejected, "The requested resource does not exist"),
        (401, CrmAuthError, "sign-in"),
        (500, CrmUnavailable, "500"),
    ],
)
def test_documented_errors_become_the_right_crm_error(
    connector: SalesforceConnector,
    fake: VendorFake,
    status: int,
    error: type[Exception],
    message: str,
) -> None:
    fake.fail_next(status, ERRORS[status])
    with pytest.raises(error, match=re.escape(message)):
        send_plan(connector, connector.plan_requests(sample_content(), PERSON, {}, new_ref()))


def test_ids_are_checked_before_they_go_into_a_query(connector: SalesforceConnector) -> None:
    evil = CrmTarget(TargetKind.PERSON, "003' OR Id != '", "x")
    with pytest.raises(ValueError, match="15 or 18"):
        connector.plan_requests(sample_content(), evil, {}, new_ref())
    with pytest.raises(ValueError, match="15 or 18"):
        connector.plan_requests(
            sample_content(tasks=[PushTask("x", owner="Erik")]), PERSON, {"Erik": "nope"}, "r"
        )


def test_the_fake_refuses_an_undocumented_field(connector: SalesforceConnector) -> None:
    [request, *_] = connector.plan_requests(sample_content(), PERSON, {}, new_ref())
    body = json.loads(request.body) | {"DurationInHours": 1}
    with pytest.raises(Violation, match="DurationInHours"):
        connector.client.send(
            "POST", request.url, headers=request.headers, body=json.dumps(body).encode()
        )
