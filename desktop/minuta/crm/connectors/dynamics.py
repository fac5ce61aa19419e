"""Dynamics 365 / Dataverse Web API: the meeting note as a note (annotation), action items as tasks.

The connection's ``api_url`` is the organisation's Web API,
``https://ORG.crm4.dynamics.com/api/data/v9.2``, and its ``web_url`` the app
(``https://ORG.crm4.dynamics.com``). Signed in with the Microsoft identity
platform as a public client (authorization code with PKCE, no secret), for the
organisation's ``user_impersonation`` scope
(https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth).
Connection options: ``client_id`` (the app registration) and ``tenant`` (the
directory, ``organizations`` when not given).

A note's ``notetext`` holds up to 100,000 characters, a task's ``description``
2,000 (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/annotation,
…/entities/task). Text beyond that is cut with its reference line kept; the
review shows exactly what is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, urlsplit

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    CrmUser,
    PlannedRequest,
    PushContent,
    PushTask,
    TargetKind,
)
from minuta.crm.connector import Connection, Connector
from minuta.crm.errors import CrmUnavailable
from minuta.crm.http import Reply
from minuta.crm.text import (
    clip,
    fit,
    note_subject,
    note_text,
    ref_marker,
    task_step,
    task_subject,
    task_text,
)
from minuta.crm.wire import odata_string, query_string

if TYPE_CHECKING:
    from minuta.crm.oauth import OAuthProvider

NOTE_TEXT_LIMIT = 100_000
NOTE_SUBJECT_LIMIT = 500
TASK_TEXT_LIMIT = 2_000
TASK_SUBJECT_LIMIT = 200
SEARCH_LIMIT = 20
NOTE_STEP = "note"

# "All HTTP requests should include at least the following headers", and
# "return=representation" so a create answers 201 with the new row.
# https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#http-headers
ODATA_HEADERS: tuple[tuple[str, str], ...] = (
    ("Accept", "application/json"),
    ("OData-MaxVersion", "4.0"),
    ("OData-Version", "4.0"),
)
CREATE_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Type", "application/json; charset=utf-8"),
    *ODATA_HEADERS,
    ("Prefer", "return=representation"),
)
QUERY_HEADERS: tuple[tuple[str, str], ...] = (
    *ODATA_HEADERS,
    ("If-None-Match", "null"),
    (
        "Prefer",
        'odata.include-annotations="OData.Community.Display.V1.FormattedValue,'
        'Microsoft.Dynamics.CRM.lookuplogicalname"',
    ),
)
FORMATTED = "@OData.Community.Display.V1.FormattedValue"
LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname"

# Entity sets and the single-valued navigation properties a note's "Regarding"
# (objectid) and a task's regardingobjectid are set through with @odata.bind.
ENTITY_SETS = {TargetKind.PERSON: "contacts", TargetKind.COMPANY: "accounts"}
TABLES = {TargetKind.PERSON: "contact", TargetKind.COMPANY: "account"}
_ENTITY_ID = re.compile(r"\(([0-9a-fA-F-]{36})\)\s*$")


def like_literal(value: str) -> str:
    # contains() matches with T-SQL wildcards (%, _, [ ]): bracket them so the
    # user's text is matched as it is.
    # https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows#use-wildcard-characters
    return re.sub(r"([%_\[])", r"[\1]", value)


def guid(value: str) -> str:
    if not re.fullmatch(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}", value):
        raise ValueError(f"Dataverse ids are GUIDs, not {value!r}")
    return value.lower()


class DynamicsConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.DYNAMICS
    display_name: ClassVar[str] = "Microsoft Dynamics 365"

    # Sign-in ---------------------------------------------------------------------

    # https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
    # The resource's scope is its URL + "/user_impersonation"; offline_access
    # asks for a refresh token.
    @classmethod
    def oauth_provider(cls, connection: Connection) -> OAuthProvider | None:
        from minuta.crm.oauth import OAuthProvider

        organisation = organisation_url(connection)
        if not organisation:
            raise ValueError("Enter your organisation's Dynamics address first")
        tenant = connection.option("tenant", "organizations") or "organizations"
        authority = f"https://login.microsoftonline.com/{quote(tenant, safe='')}/oauth2/v2.0"
        return OAuthProvider(
            authorize_url=f"{authority}/authorize",
            token_url=f"{authority}/token",
            client_id=connection.option("client_id"),
            scopes=(f"{organisation}/user_impersonation", "offline_access"),
        )

    # Look-ups -----------------------------------------------------------------

    def _query(self, entity_set: str, params: Mapping[str, str]) -> list[Mapping[str, Any]]:
        url = f"{self.url('/' + entity_set)}?{query_string(params)}"
        data = self.client.send("GET", url, headers=QUERY_HEADERS).json()
        rows = data.get("value") if isinstance(data, Mapping) else None
        if not isinstance(rows, list):
            raise CrmUnavailable("Dynamics answered with something Minuta does not understand.")
        return [row for row in rows if isinstance(row, Mapping)]

    # https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
    def search_targets(self, query: str) -> list[CrmTarget]:
        text = query.strip()
        if not text:
            return []
        if "@" in text:
            return self._contacts(f"emailaddress1 eq {odata_string(text)}")
        pattern = odata_string(like_literal(text))
        return self._contacts(f"contains(fullname,{pattern})") + self._accounts(
            f"contains(name,{pattern})"
        )

    # GET contacts: _parentcustomerid_value is the contact's company (an
    # account or a contact), named by its formatted-value annotation.
    # https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact
    def _contacts(self, condition: str) -> list[CrmTarget]:
        rows = self._query(
            "contacts",
            {
                "$select": "contactid,fullname,emailaddress1,_parentcustomerid_value",
                "$filter": f"statecode eq 0 and {condition}",
                "$top": str(SEARCH_LIMIT),
            },
        )
        targets = []
        for row in rows:
            contact_id = str(row.get("contactid") or "")
            if not contact_id:
                continue
            email = str(row.get("emailaddress1") or "")
            parent = str(row.get("_parentcustomerid_value") or "")
            company = str(row.get(f"_parentcustomerid_value{FORMATTED}") or "")
            related: tuple[tuple[TargetKind, str], ...] = ()
            if parent and row.get(f"_parentcustomerid_value{LOOKUP_TABLE}") == "account":
                related = ((TargetKind.COMPANY, parent),)
            targets.append(
                CrmTarget(
                    TargetKind.PERSON,
                    contact_id,
                    str(row.get("fullname") or email or contact_id),
                    ", ".join(part for part in (email, company) if part),
                    self.record_url(TargetKind.PERSON, contact_id),
                    related,
                )
            )
        return targets

    # https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account
    def _accounts(self, condition: str) -> list[CrmTarget]:
        rows = self._query(
            "accounts",
            {
                "$select": "accountid,name,address1_city",
                "$filter": f"statecode eq 0 and {condition}",
                "$top": str(SEARCH_LIMIT),
            },
        )
        return [
            CrmTarget(
                TargetKind.COMPANY,
                str(row["accountid"]),
                str(row.get("name") or row["accountid"]),
                str(row.get("address1_city") or ""),
                self.record_url(TargetKind.COMPANY, str(row["accountid"])),
            )
            for row in rows
            if row.get("accountid")
        ]

    # Active people who sign in: isdisabled false, accessmode 0 ("Read-Write";
    # 4 is "Non-interactive", application users).
    # https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/systemuser
    def list_users(self) -> list[CrmUser]:
        rows = self._query(
            "systemusers",
            {
                "$select": "systemuserid,fullname,internalemailaddress",
                "$filter": "isdisabled eq false and accessmode eq 0",
                "$orderby": "fullname",
            },
        )
        return [
            CrmUser(
                str(row["systemuserid"]),
                str(row.get("fullname") or row.get("internalemailaddress") or ""),
                str(row.get("internalemailaddress") or ""),
            )
            for row in rows
            if row.get("systemuserid")
        ]

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        if target.kind not in ENTITY_SETS:
            raise ValueError("Dynamics notes go to a contact or an account")
        record = f"/{ENTITY_SETS[target.kind]}({guid(target.remote_id)})"
        table = TABLES[target.kind]
        requests = [self._note(content, table, record, ref)]
        for index, task in enumerate(content.tasks):
            requests.append(
                self._task(
                    index, task, content=content, table=table, record=record, owners=owners, ref=ref
                )
            )
        return requests

    # POST annotations; "objectid_contact@odata.bind" sets Regarding.
    # https://learn.microsoft.com/power-apps/developer/data-platform/webapi/create-entity-web-api#associate-table-rows-on-create
    def _note(self, content: PushContent, table: str, record: str, ref: str) -> PlannedRequest:
        payload = {
            "subject": clip(note_subject(content), NOTE_SUBJECT_LIMIT),
            "notetext": fit(note_text(content, ref, NOTE_STEP), NOTE_TEXT_LIMIT),
            f"objectid_{table}@odata.bind": record,
        }
        return self.json_request(
            NOTE_STEP,
            "Meeting note",
            "POST",
            "/annotations?$select=annotationid",
            payload,
            headers=CREATE_HEADERS,
        )

    # POST tasks; scheduledend is the "Due Date", ownerid the owning user.
    # https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/task
    def _task(
        self,
        index: int,
        task: PushTask,
        *,
        content: PushContent,
        table: str,
        record: str,
        owners: Mapping[str, str],
        ref: str,
    ) -> PlannedRequest:
        step = task_step(index)
        payload: dict[str, Any] = {
            "subject": clip(task_subject(task), TASK_SUBJECT_LIMIT),
            "description": fit(task_text(task, content, ref, step), TASK_TEXT_LIMIT),
            f"regardingobjectid_{table}_task@odata.bind": record,
        }
        if task.due is not None:
            # A date-and-time column in UTC: noon keeps the same calendar day
            # from UTC-11 to UTC+11.
            payload["scheduledend"] = f"{task.due.isoformat()}T12:00:00Z"
        owner = owners.get(task.owner) if task.owner else None
        if owner:
            payload["ownerid@odata.bind"] = f"/systemusers({guid(owner)})"
        return self.json_request(
            step,
            f"Task: {task_subject(task)}",
            "POST",
            "/tasks?$select=activityid",
            payload,
            headers=CREATE_HEADERS,
        )

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        is_note = "/annotations" in request.url
        key = "annotationid" if is_note else "activityid"
        data = reply.json()
        found = str(data.get(key) or "") if isinstance(data, Mapping) else ""
        if not found:
            # Without return=representation: 204 and the row's URI in OData-EntityId.
            match = _ENTITY_ID.search(_header(reply.headers, "OData-EntityId"))
            found = match.group(1) if match else ""
        if not found:
            raise CrmUnavailable("Dynamics did not say which record it made.")
        table = "annotation" if is_note else "task"
        return CreatedRecord(found, self._web_link(table, found))

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        marker = odata_string(like_literal(ref_marker(ref, request.step)))
        record_id = guid(target.remote_id)
        if "/annotations" in request.url:
            entity_set, key, table = "annotations", "annotationid", "annotation"
            condition = f"contains(notetext,{marker}) and _objectid_value eq {record_id}"
        else:
            entity_set, key, table = "tasks", "activityid", "task"
            condition = (
                f"contains(description,{marker}) and _regardingobjectid_value eq {record_id}"
            )
        rows = self._query(entity_set, {"$select": key, "$filter": condition, "$top": "1"})
        for row in rows:
            if row.get(key):
                return CreatedRecord(str(row[key]), self._web_link(table, str(row[key])))
        return None

    # Links ----------------------------------------------------------------------

    # https://learn.microsoft.com/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url
    def _web_link(self, table: str, record_id: str) -> str | None:
        base = self.connection.web_url or organisation_url(self.connection)
        if not base:
            return None
        return f"{base}/main.aspx?pagetype=entityrecord&etn={table}&id={record_id}"

    def record_url(self, kind: TargetKind, record_id: str) -> str | None:
        return self._web_link(TABLES[kind], record_id)


def organisation_url(connection: Connection) -> str:
    """``https://ORG.crm4.dynamics.com`` from the Web API's address."""
    parts = urlsplit(connection.api_url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _header(headers: Mapping[str, str], name: str) -> str:
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return value
    return ""
