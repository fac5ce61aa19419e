"""HubSpot: the meeting note as a note, each action item as a task.

Signed in with a token the user creates in their own HubSpot account (a
*service key*, or an existing legacy private app's access token), sent as
``Authorization: Bearer``. HubSpot's OAuth needs a client secret, which a
desktop app cannot keep.

Paths use HubSpot's date-based version :data:`API_VERSION` (the numbered
``/crm/v3/`` paths are legacy and lose support in September 2027):
https://developers.hubspot.com/docs/api-reference/latest/overview

Links into the web app are made when the connection's ``web_url`` is set
(``https://app.hubspot.com``, or ``https://app-eu1.hubspot.com`` for an EU
account) together with its ``portal_id`` option.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
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

API_VERSION = "2026-03"
OBJECTS = f"/crm/objects/{API_VERSION}"
OWNERS = f"/crm/owners/{API_VERSION}"

# Object names in paths, and in the ``associations.{type}`` search pseudo-property.
OBJECT_PATHS: dict[TargetKind, str] = {
    TargetKind.PERSON: "contacts",
    TargetKind.COMPANY: "companies",
    TargetKind.DEAL: "deals",
}
ASSOCIATION_NAMES: dict[TargetKind, str] = {
    TargetKind.PERSON: "contact",
    TargetKind.COMPANY: "company",
    TargetKind.DEAL: "deal",
}
# Object type ids in web-app record links (/record/0-1/{id}).
OBJECT_TYPE_IDS: dict[TargetKind, str] = {
    TargetKind.PERSON: "0-1",
    TargetKind.COMPANY: "0-2",
    TargetKind.DEAL: "0-3",
}

# What a search returns per object: enough to tell two "Anna Berg"s apart.
SEARCH_PROPERTIES: dict[TargetKind, list[str]] = {
    TargetKind.PERSON: ["firstname", "lastname", "email", "company", "associatedcompanyid"],
    TargetKind.COMPANY: ["name", "domain"],
    TargetKind.DEAL: ["dealname", "amount", "deal_currency_code"],
}

# HubSpot-defined (unlabelled) association types, by direction: note→contact
# 202, note→company 190, note→deal 214; task→contact 204, task→company 192,
# task→deal 216. The notes and tasks guides link the table of default ids:
# https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide
# https://developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide
NOTE_ASSOCIATIONS: dict[TargetKind, int] = {
    TargetKind.PERSON: 202,
    TargetKind.COMPANY: 190,
    TargetKind.DEAL: 214,
}
TASK_ASSOCIATIONS: dict[TargetKind, int] = {
    TargetKind.PERSON: 204,
    TargetKind.COMPANY: 192,
    TargetKind.DEAL: 216,
}
_ASSOCIATION_KINDS = {
    type_id: kind
    for table in (NOTE_ASSOCIATIONS, TASK_ASSOCIATIONS)
    for kind, type_id in table.items()
}

SEARCH_LIMIT = 10
# find_created reads a target's newest notes or tasks, up to this many pages.
FIND_PAGE_SIZE = 100
FIND_PAGES = 3
OWNERS_PAGE_SIZE = 100
# A task needs a due date (hs_timestamp is required). Without one from the
# meeting it is due three working days after it, at the start of the day: late
# enough not to show as overdue at once, soon enough to be seen.
DEFAULT_DUE_BUSINESS_DAYS = 3
DUE_TIME = time(9, 0)


def iso_utc(moment: datetime) -> str:
    """``2026-11-23T08:30:00.000Z``: the UTC form hs_timestamp accepts."""
    return aware(moment).astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def business_days_after(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def due_timestamp(task: PushTask, content: PushContent) -> str:
    """When the task is due: its day at 09:00 in the meeting's time zone."""
    day = task.due or business_days_after(content.started_at.date(), DEFAULT_DUE_BUSINESS_DAYS)
    zone = content.started_at.tzinfo
    moment = datetime.combine(day, DUE_TIME, tzinfo=zone)
    return iso_utc(moment)


class HubSpotConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.HUBSPOT
    display_name: ClassVar[str] = "HubSpot"
    token_header: ClassVar[tuple[str, str]] = ("Authorization", "Bearer {token}")

    # Look-ups -----------------------------------------------------------------

    def search_targets(self, query: str) -> list[CrmTarget]:
        text = query.strip()
        if not text:
            return []
        if "@" in text:
            # An address: the contact whose e-mail it is.
            by_email = {"filterGroups": [_filter_group("email", "EQ", text)]}
            return self._search(TargetKind.PERSON, by_email)
        # A name: HubSpot's "default searchable properties" of each object
        # (contacts: names, e-mail, phone, company; companies: name, domain,
        # website, phone; deals: name, pipeline, stage, description, type).
        found = []
        for kind in (TargetKind.PERSON, TargetKind.COMPANY, TargetKind.DEAL):
            found += self._search(kind, {"query": text})
        return found

    # https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm
    def _search(self, kind: TargetKind, body: dict[str, Any]) -> list[CrmTarget]:
        payload = {**body, "properties": SEARCH_PROPERTIES[kind], "limit": SEARCH_LIMIT}
        url = self.url(f"{OBJECTS}/{OBJECT_PATHS[kind]}/search")
        targets = []
        for record in _results(self.client.send_json("POST", url, payload)):
            record_id = str(record["id"])
            name, detail, related = _describe(kind, _props(record))
            targets.append(
                CrmTarget(
                    kind,
                    record_id,
                    name or record_id,
                    detail,
                    self.record_url(kind, record_id),
                    related,
                )
            )
        return targets

    # https://developers.hubspot.com/docs/api-reference/latest/crm/owners/guide
    def list_users(self) -> list[CrmUser]:
        users: list[CrmUser] = []
        params = {"limit": str(OWNERS_PAGE_SIZE), "archived": "false"}
        while True:
            data = self.client.get_json(self.url(OWNERS), params)
            for owner in _results(data):
                # Queues can own records too, but a task is for a person.
                if owner.get("type", "PERSON") != "PERSON":
                    continue
                name = " ".join(p for p in (owner.get("firstName"), owner.get("lastName")) if p)
                email = owner.get("email") or ""
                # ``id`` (not ``userId``) is what hubspot_owner_id takes.
                users.append(CrmUser(str(owner["id"]), name or email, email))
            after = _next_after(data)
            if not after:
                return users
            params = {**params, "after": after}

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
                self._task_request(
                    content, task, step=task_step(index), target=target, owners=owners, ref=ref
                )
            )
        return requests

    # https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide
    def _note_request(self, content: PushContent, target: CrmTarget, ref: str) -> PlannedRequest:
        body = f"<strong>{html_text(note_subject(content))}</strong><br><br>" + html_text(
            note_text(content, ref)
        )
        payload = {
            "properties": {
                # Where the note sits on the timeline: when the meeting started.
                "hs_timestamp": iso_utc(content.started_at),
                "hs_note_body": body,
            },
            "associations": _associations(target, NOTE_ASSOCIATIONS),
        }
        return self.json_request("note", "Meeting note", "POST", f"{OBJECTS}/notes", payload)

    # https://developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide
    def _task_request(
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
        properties = {
            "hs_timestamp": due_timestamp(task, content),  # a task's hs_timestamp is its due date
            "hs_task_subject": subject,
            "hs_task_body": html_text(task_text(task, content, ref, step)),
            "hs_task_status": "NOT_STARTED",
            "hs_task_type": "TODO",
        }
        # No hs_task_priority: the meeting gave none, so the CRM's default stands.
        owner_id = owners.get(task.owner) if task.owner else None
        if owner_id:
            properties["hubspot_owner_id"] = owner_id
        payload = {
            "properties": properties,
            "associations": _associations(target, TASK_ASSOCIATIONS),
        }
        return self.json_request(step, f"Task: {subject}", "POST", f"{OBJECTS}/tasks", payload)

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        # 201 with the new object: {"id": "512", "properties": {...}, "createdAt": ...}
        data = reply.json()
        if not isinstance(data, Mapping) or not data.get("id"):
            raise CrmUnavailable("HubSpot made the record but did not say its id.")
        return CreatedRecord(str(data["id"]), self._linked_record_url(request))

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        """The note or task an earlier attempt made, found among the target's newest.

        HubSpot's search lists the target's notes (or tasks) newest first through
        the ``associations.{type}`` pseudo-property; the marker is then matched
        here, in the returned text, so nothing depends on how HubSpot splits
        ``minuta-…/task-1`` into search tokens.

        HubSpot search is eventually consistent: "it may take a few moments for
        newly created or updated CRM objects to appear in search results"
        (search guide, Limits). A record made a second before this look may not
        show yet; the outbox looks only on a later attempt, after its backoff
        (10 s at first), by which time it normally does.
        """
        is_note = request.step == "note"
        collection = "notes" if is_note else "tasks"
        properties = ["hs_note_body"] if is_note else ["hs_task_body", "hs_task_subject"]
        marker = ref_marker(ref, request.step)
        payload: dict[str, Any] = {
            "filterGroups": [
                _filter_group(
                    f"associations.{ASSOCIATION_NAMES[target.kind]}", "EQ", target.remote_id
                )
            ],
            "sorts": [{"propertyName": "hs_createdate", "direction": "DESCENDING"}],
            "properties": properties,
            "limit": FIND_PAGE_SIZE,
        }
        url = self.url(f"{OBJECTS}/{collection}/search")
        for _ in range(FIND_PAGES):
            data = self.client.send_json("POST", url, payload)
            for record in _results(data):
                props = _props(record)
                if any(has_marker(props.get(name) or "", marker) for name in properties):
                    return CreatedRecord(str(record["id"]), self._linked_record_url(request))
            after = _next_after(data)
            if not after:
                return None
            payload = {**payload, "after": after}
        return None

    def error_message(self, reply: Reply) -> str:
        """HubSpot's ``message`` (and the first detail), with its reference for support.

        Errors look like ``{"status": "error", "message": …, "correlationId": …,
        "category": "VALIDATION_ERROR", "errors": [{"message": …}]}``; a 429 adds
        ``policyName`` (SECONDLY, DAILY, …).
        """
        data = json_or_none(reply.body)
        if not isinstance(data, Mapping) or not isinstance(data.get("message"), str):
            return default_error_message(reply)
        message: str = data["message"]
        details = data.get("errors")
        if isinstance(details, list) and details and isinstance(details[0], Mapping):
            detail = details[0].get("message")
            if isinstance(detail, str) and detail and detail not in message:
                message = f"{message} ({detail})"
        correlation = data.get("correlationId")
        if isinstance(correlation, str) and correlation:
            message = f"{message} [HubSpot reference {correlation}]"
        return message[:400]

    # Links ------------------------------------------------------------------------

    def record_url(self, kind: TargetKind, record_id: str) -> str | None:
        portal = self.connection.option("portal_id")
        web = self.connection.web_url.rstrip("/")
        if not web or not portal:
            return None
        return f"{web}/contacts/{portal}/record/{OBJECT_TYPE_IDS[kind]}/{record_id}"

    def _linked_record_url(self, request: PlannedRequest) -> str | None:
        """Notes and tasks have no page of their own: link the record they are on."""
        try:
            payload = json.loads(request.body)
            first = payload["associations"][0]
            kind = _ASSOCIATION_KINDS[int(first["types"][0]["associationTypeId"])]
            return self.record_url(kind, str(first["to"]["id"]))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


def _describe(
    kind: TargetKind, props: Mapping[str, Any]
) -> tuple[str, str, tuple[tuple[TargetKind, str], ...]]:
    """A found record's name, its telling detail, and the records it belongs to."""

    def joined(separator: str, *parts: Any) -> str:
        return separator.join(str(p) for p in parts if p)

    if kind is TargetKind.PERSON:
        email = props.get("email") or ""
        company_id = props.get("associatedcompanyid")
        related = ((TargetKind.COMPANY, str(company_id)),) if company_id else ()
        name = joined(" ", props.get("firstname"), props.get("lastname")) or email
        return name, joined(", ", email, props.get("company")), related
    if kind is TargetKind.COMPANY:
        domain = props.get("domain") or ""
        return props.get("name") or domain, domain, ()
    amount = joined(" ", props.get("amount"), props.get("deal_currency_code"))
    return props.get("dealname") or "", amount, ()


def _filter_group(name: str, operator: str, value: str) -> dict[str, Any]:
    return {"filters": [{"propertyName": name, "operator": operator, "value": value}]}


def _associations(target: CrmTarget, type_ids: Mapping[TargetKind, int]) -> list[dict[str, Any]]:
    """The target first, then the records it belongs to (a contact's company)."""
    linked = [(target.kind, target.remote_id), *target.related]
    seen: set[tuple[TargetKind, str]] = set()
    associations = []
    for kind, record_id in linked:
        if (kind, record_id) in seen:
            continue
        seen.add((kind, record_id))
        associations.append(
            {
                "to": {"id": record_id},
                "types": [
                    {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": type_ids[kind]}
                ],
            }
        )
    return associations


def _results(data: Any) -> list[Mapping[str, Any]]:
    if not isinstance(data, Mapping) or not isinstance(data.get("results"), list):
        raise CrmUnavailable("HubSpot answered with something Minuta does not understand.")
    return [item for item in data["results"] if isinstance(item, Mapping) and "id" in item]


def _props(record: Mapping[str, Any]) -> Mapping[str, Any]:
    props = record.get("properties")
    return props if isinstance(props, Mapping) else {}


def _next_after(data: Any) -> str | None:
    try:
        after = data["paging"]["next"]["after"]
    except (KeyError, TypeError):
        return None
    return str(after) if after else None
