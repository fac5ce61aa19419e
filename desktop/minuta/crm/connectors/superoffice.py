"""SuperOffice CRM Online: the meeting as a diary appointment, action items as follow-ups.

Signed in through SuperID with OpenID Connect, authorization code and PKCE as a
native app (https://docs.superoffice.com/en/api/authentication/online/sign-in-user/native-apps.html).
The token answer's id_token names the tenant's REST address in its
``http://schemes.superoffice.net/identity/webapi_url`` claim
(https://docs.superoffice.com/en/api/authentication/online/api.html); it becomes
the connection's ``api_url`` (``https://sod.superoffice.com/Cust12345/api``) and
every request goes to ``{api_url}/v1/…``.

An appointment's text is stored in SuperOffice's ``text`` table, "max 2047
significant characters" (https://docs.superoffice.com/en/database/tables/text.html).
A longer meeting note becomes a document instead: its metadata first, then its
content in a second request that names the new document through ``{note.id}``.
A document needs a document template, which is the tenant's own: the
connection option ``document_template_id`` says which (SuperOffice's document
archive rejects a document without one).

Connection options: ``client_id`` (Minuta's application id at SuperOffice),
``environment`` (``online``, ``sod`` or ``qaonline``), ``tenant``
(``Cust12345``: skips SuperID's tenant choice), ``document_template_id``, and
``meeting_task_id`` / ``follow_up_task_id`` (the tenant's activity types, the
"Task" list; left out, SuperOffice uses its default).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

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
from minuta.crm.errors import CrmAuthError, CrmUnavailable
from minuta.crm.http import Reply, default_error_message, json_or_none
from minuta.crm.text import (
    fit,
    note_subject,
    note_text,
    ref_marker,
    task_step,
    task_subject,
    task_text,
)
from minuta.crm.wire import iso_seconds, odata_string, query_string

if TYPE_CHECKING:
    from minuta.crm.oauth import OAuthProvider, TokenSet

# "max 2047 significant characters" (docs.superoffice.com/en/database/tables/text.html).
TEXT_LIMIT = 2047
SEARCH_LIMIT = 20
WEBAPI_URL_CLAIM = "http://schemes.superoffice.net/identity/webapi_url"
# Environment sub-domains for sign-in: "DO NOT USE numbered sub-domains for
# authentication" (docs.superoffice.com/en/api/authentication/online/api.html).
ENVIRONMENTS = {"online": "online", "sod": "sod", "qaonline": "qaonline", "stage": "qaonline"}
NOTE_STEP = "note"
CONTENT_STEP = "note-content"
CONTENT_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Type", "application/octet-stream"),
    ("Accept", "application/json"),
)


def numeric_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"SuperOffice ids are numbers, not {value!r}") from None


class SuperOfficeConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.SUPEROFFICE
    display_name: ClassVar[str] = "SuperOffice"

    # Sign-in ---------------------------------------------------------------------

    # https://docs.superoffice.com/en/api/authentication/online/sign-in-user/auth-code-flow.html
    @classmethod
    def oauth_provider(cls, connection: Connection) -> OAuthProvider | None:
        from minuta.crm.oauth import OAuthProvider

        env = ENVIRONMENTS.get(connection.option("environment", "online").lower())
        if env is None:
            raise ValueError("SuperOffice's environment is one of online, sod or qaonline")
        extra: tuple[tuple[str, str], ...] = ()
        tenant = connection.option("tenant")
        if tenant:
            # "acr_values ... tenant:contextIdentifer, i.e. tenant:Cust12345,
            # used to skip the tenant selection dialog".
            extra = (("acr_values", f"tenant:{tenant}"),)
        base = f"https://{env}.superoffice.com/login/common/oauth"
        return OAuthProvider(
            authorize_url=f"{base}/authorize",
            token_url=f"{base}/tokens",
            client_id=connection.option("client_id"),
            scopes=("openid",),  # "Must be openid"
            extra_authorize_params=extra,
        )

    @classmethod
    def after_sign_in(cls, connection: Connection, tokens: TokenSet) -> Connection:
        webapi = tokens.extra_value(WEBAPI_URL_CLAIM) or tokens.extra_value("webapi_url")
        if not webapi or urlsplit(webapi).scheme != "https":
            raise CrmAuthError(
                "SuperOffice did not say where your company's data is. Connect it again."
            )
        api_url = webapi.rstrip("/")
        if api_url.endswith("/v1"):
            api_url = api_url[: -len("/v1")]
        if not api_url.endswith("/api"):
            api_url += "/api"
        return Connection(
            name=connection.name,
            kind=connection.kind,
            api_url=api_url,
            web_url=connection.web_url or api_url[: -len("/api")],
            options=connection.options,
        )

    # Look-ups -----------------------------------------------------------------

    def _archive(self, entity: str, params: Mapping[str, str]) -> list[Mapping[str, Any]]:
        url = f"{self.url(f'/v1/{entity}')}?{query_string(params)}"
        data = self.client.send("GET", url, headers=(("Accept", "application/json"),)).json()
        rows = data.get("value") if isinstance(data, Mapping) else None
        if not isinstance(rows, list):
            raise CrmUnavailable("SuperOffice answered with something Minuta does not understand.")
        return [row for row in rows if isinstance(row, Mapping)]

    def search_targets(self, query: str) -> list[CrmTarget]:
        text = query.strip()
        if not text:
            return []
        if "@" in text:
            return self._persons(f"email/emailAddress eq {odata_string(text)}")
        return self._persons(f"fullName contains {odata_string(text)}") + self._companies(text)

    # GET /api/v1/Person, the "Person" archive: columns personId, fullName,
    # email/emailAddress, contactId, personContact/nameDepartment.
    # https://docs.superoffice.com/en/api/reference/restful/rest/Person/v1PersonEntity_GetAll.html
    # https://docs.superoffice.com/en/api/archive-providers/reference/person.html
    def _persons(self, condition: str) -> list[CrmTarget]:
        rows = self._archive(
            "Person",
            {
                "$select": "personId,fullName,email/emailAddress,contactId,"
                "personContact/nameDepartment",
                "$filter": condition,
                "$top": str(SEARCH_LIMIT),
            },
        )
        targets = []
        for row in rows:
            person_id = str(row.get("personId") or row.get("PrimaryKey") or "")
            if not person_id.isdigit():
                continue
            email = str(row.get("email/emailAddress") or "")
            company = str(row.get("personContact/nameDepartment") or "")
            contact_id = str(row.get("contactId") or "")
            related = ((TargetKind.COMPANY, contact_id),) if contact_id not in ("", "0") else ()
            targets.append(
                CrmTarget(
                    TargetKind.PERSON,
                    person_id,
                    str(row.get("fullName") or email or person_id),
                    ", ".join(part for part in (email, company) if part),
                    None,
                    related,
                )
            )
        return targets

    # GET /api/v1/Contact (companies): columns contactId, name, department, nameDepartment.
    # https://docs.superoffice.com/en/api/reference/restful/rest/Contact/v1ContactEntity_GetAll.html
    def _companies(self, text: str) -> list[CrmTarget]:
        rows = self._archive(
            "Contact",
            {
                "$select": "contactId,name,department,nameDepartment",
                "$filter": f"name contains {odata_string(text)}",
                "$top": str(SEARCH_LIMIT),
            },
        )
        targets = []
        for row in rows:
            contact_id = str(row.get("contactId") or row.get("PrimaryKey") or "")
            if not contact_id.isdigit():
                continue
            name = str(row.get("nameDepartment") or row.get("name") or contact_id)
            targets.append(
                CrmTarget(TargetKind.COMPANY, contact_id, name, str(row.get("department") or ""))
            )
        return targets

    # GET /api/v1/User, the "AllUsers" archive; isActive: "Is this user active,
    # and should be able to log in?".
    # https://docs.superoffice.com/en/api/reference/restful/rest/User/v1User_GetAll.html
    # https://docs.superoffice.com/en/api/archive-providers/reference/allusers.html
    def list_users(self) -> list[CrmUser]:
        rows = self._archive(
            "User",
            {
                "$select": "associateDbId,fullName,personEmail,isActive",
                "$output": "Logical",  # "Logical returns true/false for booleans"
            },
        )
        users = []
        for row in rows:
            if str(row.get("isActive", "true")).lower() not in ("true", "1"):
                continue
            associate_id = str(row.get("associateDbId") or "")
            if not associate_id.isdigit():
                associate_id = str(row.get("PrimaryKey") or "")
            if not associate_id.isdigit():
                continue
            email = str(row.get("personEmail") or "")
            users.append(CrmUser(associate_id, str(row.get("fullName") or email), email))
        return users

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        links = self._links(target)
        text = note_text(content, ref, NOTE_STEP)
        if len(text) <= TEXT_LIMIT:
            requests = [self._meeting(content, links, text)]
        else:
            requests = self._document(content, links, text, ref)
        for index, task in enumerate(content.tasks):
            requests.append(
                self._follow_up(index, task, content=content, links=links, owners=owners, ref=ref)
            )
        return requests

    @staticmethod
    def _links(target: CrmTarget) -> dict[str, Any]:
        """The Person and Contact (company) an appointment or document belongs to."""
        if target.kind is TargetKind.PERSON:
            links: dict[str, Any] = {"Person": {"PersonId": numeric_id(target.remote_id)}}
            for kind, remote_id in target.related:
                # "this must be a contact person registered on the current company"
                if kind is TargetKind.COMPANY:
                    links["Contact"] = {"ContactId": numeric_id(remote_id)}
            return links
        if target.kind is TargetKind.COMPANY:
            return {"Contact": {"ContactId": numeric_id(target.remote_id)}}
        raise ValueError("SuperOffice notes go to a person or a company")

    def _task_type(self, option: str) -> dict[str, Any]:
        task_id = self.connection.option(option)
        return {"Task": {"Id": numeric_id(task_id)}} if task_id else {}

    # POST /api/v1/Appointment: Type "inDiary" ("Show in diary"), Completed
    # "Completed": the meeting took place.
    # https://docs.superoffice.com/en/api/reference/restful/rest/Appointment/v1AppointmentEntity_PostAppointmentEntity.html
    # https://docs.superoffice.com/en/database/tables/enums/appointmenttype.html
    def _meeting(self, content: PushContent, links: Mapping[str, Any], text: str) -> PlannedRequest:
        end = content.started_at + timedelta(seconds=max(content.duration_s, 60.0))
        payload = {
            "Title": note_subject(content),
            "Description": text,
            "StartDate": iso_seconds(content.started_at),
            "EndDate": iso_seconds(end),
            "Type": "inDiary",
            "Completed": "Completed",
            **links,
            **self._task_type("meeting_task_id"),
        }
        return self.json_request(NOTE_STEP, "Meeting note", "POST", "/v1/Appointment", payload)

    # POST /api/v1/Document, then PUT /api/v1/Document/{documentId}/Content
    # ("Store document content from stream"). OurRef is "searchable".
    # https://docs.superoffice.com/en/api/reference/restful/rest/Document/v1DocumentEntity_PostDocumentEntity.html
    # https://docs.superoffice.com/en/api/reference/restful/rest/Document/v1DocumentEntity_SetDocumentStreamFromId.html
    def _document(
        self, content: PushContent, links: Mapping[str, Any], text: str, ref: str
    ) -> list[PlannedRequest]:
        template = self.connection.option("document_template_id")
        if not template:
            raise ValueError(
                "This note is longer than a SuperOffice appointment can hold, so it is sent "
                "as a document, which needs a document template: choose one in the "
                "connection's settings."
            )
        marker = ref_marker(ref, NOTE_STEP)
        payload = {
            "Header": note_subject(content),
            "Name": f"{ref}-note.txt",
            "OurRef": marker,
            "Description": fit(f"{note_subject(content)}\n\nRef. {marker}", TEXT_LIMIT),
            "Date": iso_seconds(content.started_at),
            "DocumentTemplate": {"DocumentTemplateId": numeric_id(template)},
            **links,
        }
        metadata = self.json_request(NOTE_STEP, "Meeting note", "POST", "/v1/Document", payload)
        body = PlannedRequest(
            CONTENT_STEP,
            "Meeting note (text)",
            "PUT",
            self.url(f"/v1/Document/{{{NOTE_STEP}.id}}/Content"),
            CONTENT_HEADERS,
            text.encode("utf-8"),
        )
        return [metadata, body]

    # A follow-up in the owner's checklist: Type "inChecklist" ("a followup
    # with no specific starttime"), not started, on the due date.
    # https://docs.superoffice.com/en/database/tables/enums/appointmentstatus.html
    def _follow_up(
        self,
        index: int,
        task: PushTask,
        *,
        content: PushContent,
        links: Mapping[str, Any],
        owners: Mapping[str, str],
        ref: str,
    ) -> PlannedRequest:
        step = task_step(index)
        # SuperOffice needs a date; without a due date the follow-up is on the meeting's day.
        due: date = task.due or content.started_at.date()
        day = f"{due.isoformat()}T00:00:00"
        payload: dict[str, Any] = {
            "Title": task_subject(task),
            "Description": fit(task_text(task, content, ref, step), TEXT_LIMIT),
            "StartDate": day,
            "EndDate": day,
            "Type": "inChecklist",
            "Completed": "NotStarted",
            **links,
            **self._task_type("follow_up_task_id"),
        }
        owner = owners.get(task.owner) if task.owner else None
        if owner:
            payload["Associate"] = {"AssociateId": numeric_id(owner)}
        return self.json_request(
            step, f"Follow-up: {task_subject(task)}", "POST", "/v1/Appointment", payload
        )

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        data = reply.json()
        key = "AppointmentId" if request.url.endswith("/v1/Appointment") else "DocumentId"
        if not isinstance(data, Mapping) or not data.get(key):
            raise CrmUnavailable(f"SuperOffice's answer held no {key}.")
        return CreatedRecord(str(data[key]))

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        if request.step == CONTENT_STEP:
            # Storing the content again replaces it: sending twice does no harm.
            return None
        marker = ref_marker(ref, request.step)
        if request.url.endswith("/v1/Appointment"):
            # GET /api/v1/Appointment ("FindAppointment" archive): "text" is the
            # appointment's text.
            # https://docs.superoffice.com/en/api/archive-providers/reference/findappointment.html
            entity, column, key = "Appointment", "text", "appointmentId"
        else:
            # GET /api/v1/Document ("FindDocument" archive): "ourref".
            # https://docs.superoffice.com/en/api/archive-providers/reference/finddocument.html
            entity, column, key = "Document", "ourref", "documentId"
        # The marker is random and long: whatever holds it is this step's record.
        rows = self._archive(
            entity,
            {
                "$select": key,
                "$filter": f"{column} contains {odata_string(marker)}",
                "$top": "1",
            },
        )
        for row in rows:
            found = str(row.get(key) or row.get("PrimaryKey") or "")
            if found.isdigit():
                return CreatedRecord(found)
        return None

    def error_message(self, reply: Reply) -> str:
        data = json_or_none(reply.body)
        if isinstance(data, Mapping):
            # The REST reference documents no error body. These are the keys of
            # a SuperOffice error and of ASP.NET's HttpError, the specific first.
            for key in ("Error", "ExceptionMessage", "ErrorMessage", "Message", "message"):
                value = data.get(key)
                if isinstance(value, str) and value.strip():
                    return value.strip()[:300]
        return default_error_message(reply)
