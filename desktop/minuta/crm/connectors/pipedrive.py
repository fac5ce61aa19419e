"""Pipedrive: the meeting note as a note, each action item as a "task" activity.

Signed in with the user's personal API token, sent in the ``x-api-token``
header ("The API token must be provided in the x-api-token header for all
requests": https://pipedrive.readme.io/docs/core-api-concepts-authentication).

Activities and the searches use API v2: their v1 endpoints were deprecated on
1 January 2026 and are out of support since 1 August 2026
(https://developers.pipedrive.com/changelog/post/deprecation-of-selected-api-v1-endpoints).
Notes and users have no v2 endpoint yet and stay on v1. Both are under the
connection's ``api_url`` (``https://api.pipedrive.com`` or the company's own
``https://COMPANY.pipedrive.com``); v2 accepts only the ``/api/v2`` prefix.

Links into the web app are made when the connection's ``web_url`` is set
(``https://COMPANY.pipedrive.com``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

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
from minuta.crm.connector import Connector
from minuta.crm.errors import CrmUnavailable
from minuta.crm.http import Reply, default_error_message, json_or_none
from minuta.crm.text import (
    has_marker,
    html_text,
    note_subject,
    note_text,
    ref_marker,
    task_step,
    task_subject,
    task_text,
)
from minuta.crm.wire import aware

V1 = "/api/v1"
V2 = "/api/v2"

# The id fields a note or an activity is linked through, and web-app paths.
ID_FIELDS: dict[TargetKind, str] = {
    TargetKind.PERSON: "person_id",
    TargetKind.COMPANY: "org_id",
    TargetKind.DEAL: "deal_id",
}
WEB_PATHS: dict[TargetKind, str] = {
    TargetKind.PERSON: "person",
    TargetKind.COMPANY: "organization",
    TargetKind.DEAL: "deal",
}
_KIND_BY_FIELD = {field: kind for kind, field in ID_FIELDS.items()}

SEARCH_LIMIT = 10
# find_created reads a target's newest notes or activities, up to this many.
FIND_LIMIT = 100
USERS_PAGE_SIZE = 500
ACTIVITY_TYPE = "task"  # one of Pipedrive's default activity types (key_string)


def numeric_id(value: str) -> int:
    # v2 validates strictly: "Numeric fields no longer coerce string input".
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"Pipedrive ids are numbers, not {value!r}") from None


class PipedriveConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.PIPEDRIVE
    display_name: ClassVar[str] = "Pipedrive"
    token_header: ClassVar[tuple[str, str]] = ("x-api-token", "{token}")

    # Look-ups -----------------------------------------------------------------

    def search_targets(self, query: str) -> list[CrmTarget]:
        text = query.strip()
        if "@" in text:
            return self._search_persons(text, "email", exact=True)
        # "Minimum 2 characters (or 1 if using exact_match)".
        if len(text) < 2:
            return []
        return (
            self._search_persons(text, "name", exact=False)
            + self._search_organizations(text)
            + self._search_deals(text)
        )

    def _search(self, path: str, params: dict[str, str]) -> list[Mapping[str, Any]]:
        data = _data(self.client.get_json(self.url(path), {**params, "limit": str(SEARCH_LIMIT)}))
        items = data.get("items") if isinstance(data, Mapping) else None
        if not isinstance(items, list):
            raise CrmUnavailable("Pipedrive answered with something Minuta does not understand.")
        return [
            entry["item"]
            for entry in items
            if isinstance(entry, Mapping) and isinstance(entry.get("item"), Mapping)
        ]

    # https://developers.pipedrive.com/docs/api/v2/Persons#searchPersons
    def _search_persons(self, text: str, field: str, *, exact: bool) -> list[CrmTarget]:
        params = {"term": text, "fields": field}
        if exact:
            params["exact_match"] = "true"
        targets = []
        for item in self._search(f"{V2}/persons/search", params):
            person_id = str(item["id"])
            emails = [e for e in item.get("emails") or [] if isinstance(e, str)]
            org = item.get("organization")
            org = org if isinstance(org, Mapping) else {}
            org_name = str(org.get("name") or "")
            detail = ", ".join(p for p in (emails[0] if emails else "", org_name) if p)
            related = ((TargetKind.COMPANY, str(org["id"])),) if org and org.get("id") else ()
            targets.append(
                CrmTarget(
                    TargetKind.PERSON,
                    person_id,
                    item.get("name") or (emails[0] if emails else person_id),
                    detail,
                    self.record_url(TargetKind.PERSON, person_id),
                    related,
                )
            )
        return targets

    # https://developers.pipedrive.com/docs/api/v2/Organizations#searchOrganization
    def _search_organizations(self, text: str) -> list[CrmTarget]:
        targets = []
        for item in self._search(f"{V2}/organizations/search", {"term": text, "fields": "name"}):
            org_id = str(item["id"])
            targets.append(
                CrmTarget(
                    TargetKind.COMPANY,
                    org_id,
                    item.get("name") or org_id,
                    item.get("address") or "",
                    self.record_url(TargetKind.COMPANY, org_id),
                )
            )
        return targets

    # https://developers.pipedrive.com/docs/api/v2/Deals#searchDeals
    def _search_deals(self, text: str) -> list[CrmTarget]:
        targets = []
        for item in self._search(f"{V2}/deals/search", {"term": text, "fields": "title"}):
            deal_id = str(item["id"])
            related: list[tuple[TargetKind, str]] = []
            names = []
            for key, kind in (("person", TargetKind.PERSON), ("organization", TargetKind.COMPANY)):
                linked = item.get(key)
                if isinstance(linked, Mapping) and linked.get("id"):
                    related.append((kind, str(linked["id"])))
                    if linked.get("name"):
                        names.append(str(linked["name"]))
            targets.append(
                CrmTarget(
                    TargetKind.DEAL,
                    deal_id,
                    item.get("title") or deal_id,
                    ", ".join(reversed(names)),  # the organisation first
                    self.record_url(TargetKind.DEAL, deal_id),
                    tuple(related),
                )
            )
        return targets

    # https://developers.pipedrive.com/docs/api/v1/Users#getUsers
    def list_users(self) -> list[CrmUser]:
        data = self.client.get_json(self.url(f"{V1}/users"))
        users = _data(data)
        if not isinstance(users, list):
            raise CrmUnavailable("Pipedrive answered with something Minuta does not understand.")
        found = []
        for user in users:
            if not isinstance(user, Mapping) or "id" not in user:
                continue
            if not user.get("active_flag", True) or user.get("is_deleted"):
                continue
            email = user.get("email") or ""
            found.append(CrmUser(str(user["id"]), user.get("name") or email, email))
        return found

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        requests = [self._note_request(content, target, ref)]
        for index, task in enumerate(content.tasks):
            requests.append(
                self._activity_request(
                    content, task, step=task_step(index), target=target, owners=owners, ref=ref
                )
            )
        return requests

    # https://developers.pipedrive.com/docs/api/v1/Notes#addNote
    def _note_request(self, content: PushContent, target: CrmTarget, ref: str) -> PlannedRequest:
        payload: dict[str, Any] = {
            "content": f"<b>{html_text(note_subject(content))}</b><br><br>"
            + html_text(note_text(content, ref)),
            **_links(target),
            # "The optional creation date & time of the note in UTC ... YYYY-MM-DD
            # HH:MM:SS": the note sits on the timeline where the meeting was.
            "add_time": _utc(content.started_at).strftime("%Y-%m-%d %H:%M:%S"),
        }
        return self.json_request("note", "Meeting note", "POST", f"{V1}/notes", payload)

    # https://developers.pipedrive.com/docs/api/v2/Activities#addActivity
    def _activity_request(
        self,
        content: PushContent,
        task: PushTask,
        *,
        step: str,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> PlannedRequest:
        subject = task_subject(task)
        payload: dict[str, Any] = {
            "subject": subject,
            "type": ACTIVITY_TYPE,
            "done": False,
            **_links(target),
            "note": html_text(task_text(task, content, ref, step)),
        }
        if task.due is not None:
            payload["due_date"] = task.due.isoformat()  # YYYY-MM-DD; no time: all day
        owner_id = owners.get(task.owner) if task.owner else None
        if owner_id:
            payload["owner_id"] = numeric_id(owner_id)  # else: the token's own user
        return self.json_request(step, f"Task: {subject}", "POST", f"{V2}/activities", payload)

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        # {"success": true, "data": {"id": 8, ...}} for both v1 notes and v2 activities.
        record = _data(reply.json())
        if not isinstance(record, Mapping) or record.get("id") is None:
            raise CrmUnavailable("Pipedrive made the record but did not say its id.")
        return CreatedRecord(str(record["id"]), self._linked_record_url(request))

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        """The note or activity an earlier attempt made, among the target's newest.

        Pipedrive lists a person's, organisation's or deal's notes and activities
        straight from its records (these listings are not a search index), so a
        record made a moment ago is already there. The marker is matched in the
        returned HTML.
        """
        marker = ref_marker(ref, request.step)
        field = ID_FIELDS[target.kind]
        if request.step == "note":
            # https://developers.pipedrive.com/docs/api/v1/Notes#getNotes
            params = {field: target.remote_id, "sort": "add_time DESC", "limit": str(FIND_LIMIT)}
            data = self.client.get_json(self.url(f"{V1}/notes"), params)
            text_field = "content"
        else:
            # https://developers.pipedrive.com/docs/api/v2/Activities#getActivities
            # (person_id matches activities whose primary participant is that person.)
            params = {
                field: target.remote_id,
                "sort_by": "add_time",
                "sort_direction": "desc",
                "limit": str(FIND_LIMIT),
            }
            data = self.client.get_json(self.url(f"{V2}/activities"), params)
            text_field = "note"
        records = _data(data)
        if records is None:
            return None  # v1 lists answer "data": null when there is nothing
        if not isinstance(records, list):
            raise CrmUnavailable("Pipedrive answered with something Minuta does not understand.")
        for record in records:
            if isinstance(record, Mapping) and has_marker(
                str(record.get(text_field) or ""), marker
            ):
                return CreatedRecord(str(record["id"]), self._linked_record_url(request))
        return None

    def error_message(self, reply: Reply) -> str:
        """Pipedrive's ``error`` from ``{"success": false, "error": …, "error_info": …}``."""
        data = json_or_none(reply.body)
        if isinstance(data, Mapping) and isinstance(data.get("error"), str) and data["error"]:
            return str(data["error"])[:400]
        return default_error_message(reply)

    # Links ------------------------------------------------------------------------

    def record_url(self, kind: TargetKind, record_id: str) -> str | None:
        web = self.connection.web_url.rstrip("/")
        return f"{web}/{WEB_PATHS[kind]}/{record_id}" if web else None

    def _linked_record_url(self, request: PlannedRequest) -> str | None:
        """Notes and activities are shown on the record they are linked to: link that."""
        try:
            payload = json.loads(request.body)
        except ValueError:
            return None
        for field, value in payload.items():  # the target is linked first
            if field in _KIND_BY_FIELD:
                return self.record_url(_KIND_BY_FIELD[field], str(value))
        return None


def _links(target: CrmTarget) -> dict[str, int]:
    """``person_id``/``org_id``/``deal_id``: the target first, then what it belongs to."""
    links: dict[str, int] = {ID_FIELDS[target.kind]: numeric_id(target.remote_id)}
    for kind, record_id in target.related:
        links.setdefault(ID_FIELDS[kind], numeric_id(record_id))
    return links


def _data(envelope: Any) -> Any:
    if not isinstance(envelope, Mapping) or envelope.get("success") is False:
        raise CrmUnavailable("Pipedrive answered with something Minuta does not understand.")
    return envelope.get("data")


def _utc(moment: datetime) -> datetime:
    return aware(moment).astimezone(UTC)
