"""BottleCRM: the meeting note as a logged meeting, each action item as a task.

BottleCRM is the open-source, self-hosted ``django-crm`` (the package this
connector follows is version 1.35.0). The connection's ``api_url`` is the
server's origin (``https://crm.example.com``; a trailing ``/api`` is accepted
too) and ``web_url`` the web app's, where record links go
(``/contacts/<id>``, ``/tasks/<id>``).

Signed in with a *personal access token* (``bcrm_pat_…``) that the user makes
in BottleCRM's settings, sent as ``Authorization: Bearer``. The token acts as
its owner's profile: their role, their organisation and what they may see, so
no organisation header is needed.

What the server does that shapes this module:

* ``POST /api/interactions/`` answers 201 with the new interaction, ``id``
  included; ``POST /api/tasks/`` answers 200 with only
  ``{"error": false, "message": "Task Created Successfully"}``, so a task's id
  is looked up afterwards by its title and reference marker.
* A token it does not know is answered 403 "Organization context is required"
  (its middleware refuses before authentication runs), not 401; look-ups turn
  that into :class:`CrmAuthError`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
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
from minuta.crm.errors import CrmAuthError, CrmRejected, CrmUnavailable
from minuta.crm.http import Reply, default_error_message, json_or_none
from minuta.crm.text import (
    has_marker,
    note_subject,
    note_text,
    ref_marker,
    task_step,
    task_subject,
    task_text,
)
from minuta.crm.wire import iso_seconds

CONTACTS = "/api/contacts/"
INTERACTIONS = "/api/interactions/"
TASKS = "/api/tasks/"
# Every active member of the organisation, for any role (``/api/users/`` is
# admins only).
PROFILES = "/api/users/get-teams-and-users/"

# The server's own limits (interactions/serializers.py, tasks/models.py).
SUBJECT_MAX = 200
BODY_MAX = 10_000
TITLE_MAX = 200

SEARCH_LIMIT = 50
# find_created reads up to FIND_PAGES pages: the contact's interactions newest
# first, or the tasks that look like the one it is after.
FIND_PAGE_SIZE = 200  # the interactions list's own maximum
FIND_PAGES = 5
# Tasks with the same title, due date and assignee, a page at a time.
TASK_PAGE_SIZE = 50

# What the server answers, with 403, to a token it does not know.
NO_ORG_CONTEXT = "Organization context is required"
SIGN_IN_REFUSED = (
    "BottleCRM did not accept the access token. Make a new personal access token "
    "in BottleCRM and connect again."
)


def _fitted_note(content: PushContent, ref: str) -> str:
    """The note text, its body shortened if it would pass the server's 10,000 characters."""
    text = note_text(content, ref)
    if len(text) <= BODY_MAX:
        return text
    room = len(content.note) - (len(text) - BODY_MAX) - 1
    shortened = dataclasses.replace(content, note=content.note[: max(room, 0)].rstrip() + "…")
    return note_text(shortened, ref)


class BottleCrmConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.BOTTLECRM
    display_name: ClassVar[str] = "BottleCRM"
    # A ``bcrm_pat_`` token; the server reads it from ``Authorization: Bearer``.
    token_header: ClassVar[tuple[str, str]] = ("Authorization", "Bearer {token}")

    def url(self, path: str) -> str:
        base = self.connection.api_url.rstrip("/")
        base = base.removesuffix("/api")  # paths below carry their own /api/
        return base + path

    # Look-ups -----------------------------------------------------------------

    def search_targets(self, query: str) -> list[CrmTarget]:
        text = " ".join(query.split())
        if not text:
            return []
        if "@" in text:
            # ``email`` matches part of an address; keep the contact whose it is.
            rows = self._contacts({"email": text})
            wanted = text.casefold()
            return [
                self._target(row) for row in rows if (row.get("email") or "").casefold() == wanted
            ]
        # ``search`` looks for one string in first name, last name, e-mail and
        # phone; "Kari Nordmann" is in none of them whole. Ask for the longest
        # word, then keep the contacts that have every word.
        words = text.casefold().split()
        rows = self._contacts({"search": max(words, key=len)})
        found = []
        for row in rows:
            haystack = " ".join(
                str(row.get(key) or "") for key in ("first_name", "last_name", "email")
            ).casefold()
            if all(word in haystack for word in words):
                found.append(self._target(row))
        return found

    def _contacts(self, params: dict[str, str]) -> list[Any]:
        data = self._get(CONTACTS, {**params, "limit": str(SEARCH_LIMIT)})
        rows = data.get("results") if isinstance(data, Mapping) else None
        return [row for row in rows or [] if isinstance(row, Mapping) and row.get("id")]

    def _target(self, row: Mapping[str, Any]) -> CrmTarget:
        record_id = str(row["id"])
        name = " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p)
        email = row.get("email") or ""
        account = row.get("account_detail")
        company = account.get("name") if isinstance(account, Mapping) else None
        detail = ", ".join(p for p in (email, company or row.get("organization") or "") if p)
        related: tuple[tuple[TargetKind, str], ...] = ()
        if isinstance(account, Mapping) and account.get("id"):
            related = ((TargetKind.COMPANY, str(account["id"])),)
        return CrmTarget(
            TargetKind.PERSON,
            record_id,
            name or email or record_id,
            detail,
            self.web_link(f"/contacts/{record_id}"),
            related,
        )

    def list_users(self) -> list[CrmUser]:
        data = self._get(PROFILES)
        profiles = data.get("profiles") if isinstance(data, Mapping) else None
        users = []
        for profile in profiles or []:
            if not isinstance(profile, Mapping) or not profile.get("id"):
                continue
            details = profile.get("user_details")
            details = details if isinstance(details, Mapping) else {}
            email = details.get("email") or ""
            # A task's ``assigned_to`` takes profile ids (a membership), not user ids.
            users.append(CrmUser(str(profile["id"]), details.get("name") or email, email))
        return users

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        if target.kind is not TargetKind.PERSON:
            raise ValueError("BottleCRM pushes go to a contact")
        requests = [self._note_request(content, target, ref)]
        for index, task in enumerate(content.tasks):
            step = task_step(index)
            requests.append(self._task_request(content, task, step, target, owners=owners, ref=ref))
        return requests

    def _note_request(self, content: PushContent, target: CrmTarget, ref: str) -> PlannedRequest:
        # interactions/serializers.py, InteractionWriteSerializer: exactly one
        # record link (here ``contact``); ``home`` is derived from it.
        payload = {
            "kind": "meeting",
            "direction": "outbound",
            "occurred_at": iso_seconds(content.started_at),
            "duration_seconds": max(round(content.duration_s), 0),
            "subject": note_subject(content)[:SUBJECT_MAX],
            "body": _fitted_note(content, ref),
            "contact": target.remote_id,
        }
        return self.json_request("note", "Meeting note", "POST", INTERACTIONS, payload)

    def _task_request(
        self,
        content: PushContent,
        task: PushTask,
        step: str,
        target: CrmTarget,
        *,
        owners: Mapping[str, str],
        ref: str,
    ) -> PlannedRequest:
        # tasks/updates.py create_task with TaskCreateSerializer: ``status`` and
        # ``priority`` are required; ``contacts`` and ``assigned_to`` are id lists.
        subject = task_subject(task)
        payload: dict[str, Any] = {
            "title": subject[:TITLE_MAX],
            "status": "New",
            "priority": "Medium",  # the meeting gave none; the web form's default
            "description": task_text(task, content, ref, step),
            "contacts": [target.remote_id],
        }
        if task.due is not None:
            payload["due_date"] = task.due.isoformat()
        owner_id = owners.get(task.owner) if task.owner else None
        if owner_id:
            payload["assigned_to"] = [owner_id]
        return self.json_request(step, f"Task: {subject}", "POST", TASKS, payload)

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        data = reply.json()
        if isinstance(data, Mapping) and data.get("id"):
            return self._record(request, str(data["id"]))
        if request.step != "note":
            # The task answer carries no id: find the task just made by its marker.
            found = self._find_task(request, self._marker_in(request))
            if found is not None:
                return found
        # The step stays in flight; the next attempt looks for it by its marker.
        raise CrmUnavailable("BottleCRM made the record but did not say its id.")

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        marker = ref_marker(ref, request.step)
        if request.step == "note":
            return self._find_note(request, marker, target)
        return self._find_task(request, marker)

    def _find_note(
        self, request: PlannedRequest, marker: str, target: CrmTarget
    ) -> CreatedRecord | None:
        """The contact's interactions, newest first, read for the marker."""
        for offset in range(0, FIND_PAGE_SIZE * FIND_PAGES, FIND_PAGE_SIZE):
            params = {
                "contact": target.remote_id,
                "limit": str(FIND_PAGE_SIZE),
                "offset": str(offset),
            }
            data = self._get(INTERACTIONS, params)
            rows = data.get("interactions") if isinstance(data, Mapping) else None
            if not rows:
                return None
            for row in rows:
                if isinstance(row, Mapping) and has_marker(str(row.get("body") or ""), marker):
                    return self._record(request, str(row["id"]))
            if len(rows) < FIND_PAGE_SIZE:
                return None
        return None

    def _find_task(self, request: PlannedRequest, marker: str) -> CreatedRecord | None:
        """Tasks like the one the request makes, each opened to read its description.

        The task list has neither a contact filter nor the description, so what
        the request sent narrows it (``search`` matches part of the title; the
        due date and the assignee exactly) and the detail of each candidate
        says whether it carries the marker.
        """
        payload = _payload(request)
        title = str(payload.get("title") or "")
        if not title or not marker:
            return None
        params = {"search": title, "slim": "true", "limit": str(TASK_PAGE_SIZE)}
        if payload.get("due_date"):
            params["due_date__gte"] = params["due_date__lte"] = str(payload["due_date"])
        assignees = payload.get("assigned_to")
        if isinstance(assignees, list) and assignees:
            params["assigned_to"] = str(assignees[0])
        for offset in range(0, TASK_PAGE_SIZE * FIND_PAGES, TASK_PAGE_SIZE):
            data = self._get(TASKS, {**params, "offset": str(offset)})
            rows = data.get("tasks") if isinstance(data, Mapping) else None
            if not rows:
                return None
            for row in rows:
                if not isinstance(row, Mapping) or row.get("title") != title or not row.get("id"):
                    continue
                task_id = str(row["id"])
                detail = self._get(f"{TASKS}{task_id}/")
                task = detail.get("task_obj") if isinstance(detail, Mapping) else None
                description = (
                    str(task.get("description") or "") if isinstance(task, Mapping) else ""
                )
                if has_marker(description, marker):
                    return self._record(request, task_id)
            if len(rows) < TASK_PAGE_SIZE:
                return None
        return None

    def _marker_in(self, request: PlannedRequest) -> str:
        """The reference marker a planned task carries, read back from its body."""
        description = str(_payload(request).get("description") or "")
        match = re.search(r"Ref\. (\S+/" + re.escape(request.step) + r")\s*$", description)
        return match.group(1) if match else ""

    def _record(self, request: PlannedRequest, record_id: str) -> CreatedRecord:
        if request.step == "note":
            # An interaction has no page of its own: it is on the contact's timeline.
            contact = _payload(request).get("contact")
            return CreatedRecord(record_id, self.web_link(f"/contacts/{contact}"))
        return CreatedRecord(record_id, self.web_link(f"/tasks/{record_id}"))

    def error_message(self, reply: Reply) -> str:
        """BottleCRM's ``detail``, or its ``errors`` (a text, or field -> messages)."""
        data = json_or_none(reply.body)
        if not isinstance(data, Mapping):
            return default_error_message(reply)
        detail = data.get("detail")
        if isinstance(detail, str) and detail.startswith(NO_ORG_CONTEXT):
            return SIGN_IN_REFUSED
        errors = data.get("errors")
        if isinstance(errors, str) and errors:
            return errors[:400]
        if isinstance(errors, Mapping):
            parts = [f"{field}: {text}" for field, text in _field_errors(errors)]
            if parts:
                return "; ".join(parts)[:400]
        return default_error_message(reply)

    # Plumbing ---------------------------------------------------------------------

    def web_link(self, path: str) -> str | None:
        web = self.connection.web_url.rstrip("/")
        return f"{web}{path}" if web else None

    def _get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        try:
            return self.client.get_json(self.url(path), params)
        except CrmRejected as exc:
            # The message holds the server's detail, or this module's wording of
            # it when the client was made with :meth:`error_message`.
            refused = NO_ORG_CONTEXT in exc.message or SIGN_IN_REFUSED in exc.message
            if exc.status == 403 and refused:
                raise CrmAuthError(SIGN_IN_REFUSED) from exc
            raise


def _payload(request: PlannedRequest) -> Mapping[str, Any]:
    data = json_or_none(request.body)
    return data if isinstance(data, Mapping) else {}


def _field_errors(errors: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """``{"due_date": ["Date has wrong format."]}`` -> ("due_date", "Date has wrong format.")."""
    for field, value in errors.items():
        if isinstance(value, list) and value:
            yield str(field), str(value[0])
        elif isinstance(value, str):
            yield str(field), value
