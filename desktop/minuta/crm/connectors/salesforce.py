"""Salesforce REST API: the meeting as an Event, action items as Tasks.

Signed in with the OAuth 2.0 web server flow and PKCE as a connected app with
no secret (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm);
the token answer's ``instance_url`` is the org's address, and the API is under
``{instance_url}/services/data/v60.0``. Connection options: ``client_id`` (the
connected app's consumer key) and ``login_url`` (``https://test.salesforce.com``
for a sandbox, or the org's My Domain; ``https://login.salesforce.com`` when not
given).

An Event's ``Description`` holds up to 32,000 characters
(https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm).
A longer note becomes an enhanced note (ContentNote) linked to the record
(ContentDocumentLink), both in ONE Composite request, so the review shows the
whole of it and it is made entirely or not at all. A ContentNote's id is its
ContentDocument's id, which is what the link needs.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from datetime import timedelta
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
from minuta.crm.errors import CrmAuthError, CrmRejected, CrmUnavailable
from minuta.crm.http import Reply
from minuta.crm.text import (
    clip,
    fit,
    has_marker,
    note_subject,
    note_text,
    ref_marker,
    task_step,
    task_subject,
    task_text,
)

if TYPE_CHECKING:
    from minuta.crm.oauth import OAuthProvider, TokenSet

API_VERSION = "v60.0"
API_PATH = f"/services/data/{API_VERSION}"
DEFAULT_LOGIN_URL = "https://login.salesforce.com"
DESCRIPTION_LIMIT = 32_000
SUBJECT_LIMIT = 255
SEARCH_LIMIT = 20
# find_created reads this many of a record's newest activities or notes.
FIND_LIMIT = 200
FIND_DAYS = 30
NOTE_STEP = "note"
# Composite reference ids; capitalised so they never look like Minuta's {step.id}.
NOTE_REF = "MinutaNote"
OBJECTS = {
    TargetKind.PERSON: "Contact",
    TargetKind.COMPANY: "Account",
    TargetKind.DEAL: "Opportunity",
}
JSON_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Type", "application/json; charset=UTF-8"),
    ("Accept", "application/json"),
)


def soql_string(value: str, *, like: bool = False) -> str:
    """A quoted SOQL literal: backslash and quotes escaped, and LIKE's wildcards too.

    https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
    """
    escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if like:
        escaped = escaped.replace("_", "\\_").replace("%", "\\%")
    return f"'{escaped}'"


def record_id(value: str) -> str:
    if not value.isalnum() or len(value) not in (15, 18):
        raise ValueError(f"Salesforce ids are 15 or 18 letters and digits, not {value!r}")
    return value


def note_html(text: str) -> str:
    """Plain text as a ContentNote's HTML: escaped, paragraphs and line breaks kept.

    "Any special characters within plain text in the Content field must be escaped."
    """
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line, quote=False) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


class SalesforceConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.SALESFORCE
    display_name: ClassVar[str] = "Salesforce"

    # Sign-in ---------------------------------------------------------------------

    # https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
    # "api" for the REST API, "refresh_token" for a refresh token.
    @classmethod
    def oauth_provider(cls, connection: Connection) -> OAuthProvider | None:
        from minuta.crm.oauth import OAuthProvider

        login = (connection.option("login_url") or DEFAULT_LOGIN_URL).rstrip("/")
        return OAuthProvider(
            authorize_url=f"{login}/services/oauth2/authorize",
            token_url=f"{login}/services/oauth2/token",
            client_id=connection.option("client_id"),
            scopes=("api", "refresh_token"),
        )

    @classmethod
    def after_sign_in(cls, connection: Connection, tokens: TokenSet) -> Connection:
        instance = (tokens.extra_value("instance_url") or "").rstrip("/")
        if urlsplit(instance).scheme != "https" or not urlsplit(instance).netloc:
            raise CrmAuthError(
                "Salesforce did not say where your organisation's data is. Connect it again."
            )
        return Connection(
            name=connection.name,
            kind=connection.kind,
            api_url=instance + API_PATH,
            web_url=instance,
            options=connection.options,
        )

    # Look-ups -----------------------------------------------------------------

    # GET /query?q=SOQL: {"totalSize", "done", "records": [{"attributes", ...}]}
    # https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
    def _soql(self, soql: str) -> list[Mapping[str, Any]]:
        url = f"{self.url('/query')}?q={quote(soql, safe='')}"
        data = self.client.send("GET", url, headers=(("Accept", "application/json"),)).json()
        records = data.get("records") if isinstance(data, Mapping) else None
        if not isinstance(records, list):
            raise CrmUnavailable("Salesforce answered with something Minuta does not understand.")
        return [record for record in records if isinstance(record, Mapping)]

    def search_targets(self, query: str) -> list[CrmTarget]:
        text = query.strip()
        if not text:
            return []
        if "@" in text:
            return self._contacts(f"Email = {soql_string(text)}")
        like = "'%" + soql_string(text, like=True)[1:-1] + "%'"
        return self._contacts(f"Name LIKE {like}") + self._accounts(f"Name LIKE {like}")

    def _contacts(self, condition: str) -> list[CrmTarget]:
        records = self._soql(
            "SELECT Id, Name, Email, AccountId, Account.Name FROM Contact "  # noqa: S608 (escaped)
            f"WHERE {condition} ORDER BY Name LIMIT {SEARCH_LIMIT}"
        )
        targets = []
        for record in records:
            contact_id = str(record.get("Id") or "")
            if not contact_id:
                continue
            email = str(record.get("Email") or "")
            account = record.get("Account")
            company = str(account.get("Name") or "") if isinstance(account, Mapping) else ""
            account_id = str(record.get("AccountId") or "")
            targets.append(
                CrmTarget(
                    TargetKind.PERSON,
                    contact_id,
                    str(record.get("Name") or email or contact_id),
                    ", ".join(part for part in (email, company) if part),
                    self._web_link(contact_id),
                    ((TargetKind.COMPANY, account_id),) if account_id else (),
                )
            )
        return targets

    def _accounts(self, condition: str) -> list[CrmTarget]:
        records = self._soql(
            "SELECT Id, Name, BillingCity FROM Account "  # noqa: S608 (literals escaped)
            f"WHERE {condition} ORDER BY Name LIMIT {SEARCH_LIMIT}"
        )
        return [
            CrmTarget(
                TargetKind.COMPANY,
                str(record["Id"]),
                str(record.get("Name") or record["Id"]),
                str(record.get("BillingCity") or ""),
                self._web_link(str(record["Id"])),
            )
            for record in records
            if record.get("Id")
        ]

    # Active people with a full licence ("Standard"), not portal or system users.
    # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
    def list_users(self) -> list[CrmUser]:
        records = self._soql(
            "SELECT Id, Name, Email FROM User "
            "WHERE IsActive = true AND UserType = 'Standard' ORDER BY Name"
        )
        return [
            CrmUser(
                str(r["Id"]), str(r.get("Name") or r.get("Email") or ""), str(r.get("Email") or "")
            )
            for r in records
            if r.get("Id")
        ]

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        if target.kind not in OBJECTS:
            raise ValueError("Salesforce notes go to a contact, an account or an opportunity")
        links = _who_what(target)
        text = note_text(content, ref, NOTE_STEP)
        if len(text) <= DESCRIPTION_LIMIT:
            requests = [self._event(content, links, text)]
        else:
            requests = [self._content_note(content, target, text)]
        for index, task in enumerate(content.tasks):
            requests.append(
                self._task(index, task, content=content, links=links, owners=owners, ref=ref)
            )
        return requests

    # POST /sobjects/Event: "If IsAllDayEvent is false, a value must be
    # supplied for either DurationInMinutes or EndDateTime."
    # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm
    def _event(self, content: PushContent, links: Mapping[str, str], text: str) -> PlannedRequest:
        start = content.started_at
        if start.tzinfo is None:
            start = start.astimezone()
        end = start + timedelta(seconds=max(content.duration_s, 60.0))
        payload = {
            "Subject": clip(note_subject(content), SUBJECT_LIMIT),
            "StartDateTime": start.isoformat(timespec="seconds"),
            "EndDateTime": end.isoformat(timespec="seconds"),
            "Description": text,
            **links,
        }
        return self.json_request(
            NOTE_STEP,
            "Meeting note",
            "POST",
            "/sobjects/Event",
            payload,
            headers=JSON_HEADERS,
        )

    # POST /composite with allOrNone: the ContentNote, then its link, the
    # link's ContentDocumentId taken from the note with @{MinutaNote.id}.
    # https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm
    # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm
    # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm
    def _content_note(self, content: PushContent, target: CrmTarget, text: str) -> PlannedRequest:
        body = base64.b64encode(note_html(text).encode("utf-8")).decode("ascii")
        # Subrequest URLs are the resource's full path: /services/data/vXX.X/...
        prefix = urlsplit(self.connection.api_url).path.rstrip("/") or API_PATH
        payload = {
            "allOrNone": True,
            "compositeRequest": [
                {
                    "method": "POST",
                    "url": f"{prefix}/sobjects/ContentNote",
                    "referenceId": NOTE_REF,
                    "body": {"Title": clip(note_subject(content), SUBJECT_LIMIT), "Content": body},
                },
                {
                    "method": "POST",
                    "url": f"{prefix}/sobjects/ContentDocumentLink",
                    "referenceId": "MinutaNoteLink",
                    "body": {
                        "ContentDocumentId": f"@{{{NOTE_REF}.id}}",
                        "LinkedEntityId": record_id(target.remote_id),
                        "ShareType": "V",  # viewers of the record may view the note
                    },
                },
            ],
        }
        return self.json_request(
            NOTE_STEP, "Meeting note", "POST", "/composite", payload, headers=JSON_HEADERS
        )

    # POST /sobjects/Task: ActivityDate is the due date, Status a picklist
    # whose default open value is "Not Started".
    # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
    def _task(
        self,
        index: int,
        task: PushTask,
        *,
        content: PushContent,
        links: Mapping[str, str],
        owners: Mapping[str, str],
        ref: str,
    ) -> PlannedRequest:
        step = task_step(index)
        payload: dict[str, Any] = {
            "Subject": clip(task_subject(task), SUBJECT_LIMIT),
            "Description": fit(task_text(task, content, ref, step), DESCRIPTION_LIMIT),
            "Status": "Not Started",
            **links,
        }
        if task.due is not None:
            payload["ActivityDate"] = task.due.isoformat()
        owner = owners.get(task.owner) if task.owner else None
        if owner:
            payload["OwnerId"] = record_id(owner)
        return self.json_request(
            step,
            f"Task: {task_subject(task)}",
            "POST",
            "/sobjects/Task",
            payload,
            headers=JSON_HEADERS,
        )

    # After sending --------------------------------------------------------------

    # sObject create: 201 {"id": ..., "success": true, "errors": []}; composite:
    # 200 {"compositeResponse": [{"body", "httpStatusCode", "referenceId"}, ...]}
    # even when a subrequest failed.
    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        data = reply.json()
        if request.url.endswith("/composite"):
            data = _composite_result(data)
        found = data.get("id") if isinstance(data, Mapping) else None
        if not isinstance(found, str) or not found:
            raise CrmUnavailable("Salesforce did not say which record it made.")
        return CreatedRecord(found, self._web_link(found))

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        marker = ref_marker(ref, request.step)
        target_id = soql_string(record_id(target.remote_id))
        if request.url.endswith("/composite"):
            return self._find_note(marker, target_id)
        sobject = "Event" if request.url.endswith("/sobjects/Event") else "Task"
        # Description is a long text area, which a WHERE clause cannot filter:
        # read the record's newest activities and look for the marker here.
        records = self._soql(
            f"SELECT Id, Description FROM {sobject} "  # noqa: S608 (literals escaped)
            f"WHERE (WhoId = {target_id} OR WhatId = {target_id}) "
            f"AND CreatedDate = LAST_N_DAYS:{FIND_DAYS} "
            f"ORDER BY CreatedDate DESC LIMIT {FIND_LIMIT}"
        )
        for record in records:
            if record.get("Id") and has_marker(str(record.get("Description") or ""), marker):
                return CreatedRecord(str(record["Id"]), self._web_link(str(record["Id"])))
        return None

    # The notes linked to the record, then each note's content (sObject Blob
    # Retrieve) for the marker.
    # https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_blob_retrieve.htm
    def _find_note(self, marker: str, target_id: str) -> CreatedRecord | None:
        links = self._soql(
            "SELECT ContentDocumentId FROM ContentDocumentLink "  # noqa: S608 (escaped)
            f"WHERE LinkedEntityId = {target_id} AND ContentDocument.FileType = 'SNOTE' "
            f"AND ContentDocument.CreatedDate = LAST_N_DAYS:{FIND_DAYS} "
            f"ORDER BY ContentDocument.CreatedDate DESC LIMIT {SEARCH_LIMIT}"
        )
        for link in links:
            note_id = str(link.get("ContentDocumentId") or "")
            if not note_id:
                continue
            reply = self.client.send("GET", self.url(f"/sobjects/ContentNote/{note_id}/Content"))
            if html.escape(marker, quote=False).encode() in reply.body:
                return CreatedRecord(note_id, self._web_link(note_id))
        return None

    def _web_link(self, found: str) -> str | None:
        # "https://MyDomain.my.salesforce.com/{id}" opens any record.
        return f"{self.connection.web_url}/{found}" if self.connection.web_url else None


def _who_what(target: CrmTarget) -> dict[str, str]:
    """A contact is the activity's "Who"; an account or an opportunity its "What"."""
    if target.kind is TargetKind.PERSON:
        return {"WhoId": record_id(target.remote_id)}
    return {"WhatId": record_id(target.remote_id)}


def _composite_result(data: Any) -> Mapping[str, Any]:
    results = data.get("compositeResponse") if isinstance(data, Mapping) else None
    if not isinstance(results, list):
        raise CrmUnavailable("Salesforce answered with something Minuta does not understand.")
    note: Mapping[str, Any] | None = None
    for result in results:
        if not isinstance(result, Mapping):
            continue
        status = result.get("httpStatusCode")
        if isinstance(status, int) and status >= 400:
            raise CrmRejected(_first_error(results), status=status)
        if result.get("referenceId") == NOTE_REF and isinstance(result.get("body"), Mapping):
            note = result["body"]
    if note is None:
        raise CrmUnavailable("Salesforce did not say which note it made.")
    return note


def _first_error(results: list[Any]) -> str:
    # With allOrNone, the subrequests that did not fail say PROCESSING_HALTED.
    messages = []
    for result in results:
        body = result.get("body") if isinstance(result, Mapping) else None
        for error in body if isinstance(body, list) else []:
            if isinstance(error, Mapping) and isinstance(error.get("message"), str):
                messages.append((error.get("errorCode") == "PROCESSING_HALTED", error["message"]))
    messages.sort(key=lambda item: item[0])
    return messages[0][1][:300] if messages else "Salesforce refused the note."
