"""What goes to a CRM: the user's chosen content, the target record, the exact requests.

A push is planned, shown, approved and only then sent. The plan is a list of
:class:`PlannedRequest` objects holding the *exact* bytes that will go over the
wire (the ``Authorization`` header aside, which is added when sending and never
shown or stored). Approval records a digest of those bytes; the outbox sends the
same bytes, so what the user read is what the CRM receives.

A later request may need the id of a record an earlier one created (a
Salesforce note's link, a SuperOffice document's content). Such a URL holds a
``{step.id}`` placeholder, shown to the user as it is and filled in at sending
time; bodies never hold placeholders.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class CrmKind(StrEnum):
    SUPEROFFICE = "superoffice"
    DYNAMICS = "dynamics"
    HUBSPOT = "hubspot"
    SALESFORCE = "salesforce"
    PIPEDRIVE = "pipedrive"
    BOTTLECRM = "bottlecrm"
    WEBHOOK = "webhook"


def audit_id(crm: CrmKind, remote_id: str) -> str:
    """How the audit log names a record in the CRM.

    A CRM's own ids ("1234", a GUID) name no one by themselves and let a
    compliance team find the record. A webhook's target is whatever the user
    typed (often a person's e-mail address) and its receiver's ids are unknown,
    and the audit log outlives the meeting: there, only a hash is kept.
    """
    if crm is CrmKind.WEBHOOK:
        return "sha256:" + hashlib.sha256(remote_id.encode("utf-8")).hexdigest()[:16]
    return remote_id


class TargetKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"
    DEAL = "deal"


@dataclass(frozen=True, slots=True)
class CrmTarget:
    """A record in the CRM a push is linked to: a person, a company or a deal."""

    kind: TargetKind
    remote_id: str
    name: str
    detail: str = ""  # what tells two "Anna Berg"s apart: e-mail, company
    url: str | None = None  # where the user can open it in the CRM's web app
    # Ids of related records the vendor links as well (a person's company).
    related: tuple[tuple[TargetKind, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CrmUser:
    """Someone who can own a task in the CRM (a CRM user, not a contact)."""

    remote_id: str
    name: str
    email: str = ""


@dataclass(frozen=True, slots=True)
class PushTask:
    """An approved action item, sent as a CRM task."""

    text: str
    owner: str | None = None  # the name the summary gave
    due: date | None = None


@dataclass(frozen=True, slots=True)
class PushContent:
    """What the user chose to send, after any redaction."""

    meeting_uid: str
    title: str
    started_at: datetime
    duration_s: float
    note: str  # the meeting note: summary, decisions, risks, next steps
    tasks: tuple[PushTask, ...] = ()
    # The audit log's head when the push was planned, written into the note's
    # reference line: a copy outside the store that shows if the log is cut short.
    audit_head: str = ""


@dataclass(frozen=True, slots=True)
class PlannedRequest:
    """One HTTP request, exactly as it will be sent (authorisation added later).

    ``step`` names it within its plan ("note", "task-1"); later steps refer to
    its created record as ``{step.id}`` in their URL. ``record`` says what it
    creates, for the user ("Meeting note", "Task: Send the offer").
    """

    step: str
    record: str
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def fingerprint(self) -> bytes:
        parts = [self.step, self.method, self.url]
        parts += [f"{name}: {value}" for name, value in self.headers]
        head = "\n".join(parts).encode()
        return hashlib.sha256(head + b"\n\n" + self.body).digest()


@dataclass(frozen=True, slots=True)
class PushPlan:
    """Every request of one push, in order, for one target in one CRM."""

    connection: str  # the connection's name ("hubspot")
    kind: CrmKind
    target: CrmTarget
    ref: str  # the push's reference, written into each record to find it again
    requests: tuple[PlannedRequest, ...]
    owners: tuple[tuple[str, str], ...] = field(default=())  # (summary name, CRM user id)
    audit_head: str = ""  # the audit head its content carries ("" for none)

    def digest(self) -> str:
        """SHA-256 over every request's bytes: what an approval is an approval of."""
        h = hashlib.sha256()
        h.update(f"{self.kind}\n{self.target.kind}:{self.target.remote_id}\n".encode())
        if self.audit_head:  # plans without one keep the digest they always had
            h.update(f"audit {self.audit_head}\n".encode())
        for request in self.requests:
            h.update(request.fingerprint())
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class CreatedRecord:
    """A record the CRM made for one request."""

    remote_id: str
    url: str | None = None


PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\.id\}")


def fill_placeholders(url: str, created: dict[str, CreatedRecord]) -> str:
    """``/x/{note.id}/link`` -> ``/x/0691/link`` from the records made so far."""

    def replace(match: re.Match[str]) -> str:
        step = match.group(1)
        if step not in created:
            raise KeyError(f"request needs the record of step {step!r}, which was not made")
        return created[step].remote_id

    return PLACEHOLDER.sub(replace, url)


def new_ref() -> str:
    """A fresh reference for one push, written into each record it makes.

    Random, so it says nothing about the meeting; long enough that a search for
    it in the CRM finds only this push's records.
    """
    return "minuta-" + secrets.token_hex(8)


class PushState(StrEnum):
    QUEUED = "queued"  # approved, waiting for its (next) attempt
    SENDING = "sending"  # an attempt is running (or was, when the app stopped)
    SENT = "sent"  # every request made its record
    FAILED = "failed"  # the CRM refused; waits for the user
    CANCELLED = "cancelled"  # the user withdrew it before it was sent


class StepState(StrEnum):
    PENDING = "pending"  # never sent
    IN_FLIGHT = "in_flight"  # sent, or about to be, with no answer recorded yet
    DONE = "done"  # its record exists in the CRM


@dataclass(frozen=True, slots=True)
class StepStatus:
    step: str
    state: StepState
    record: CreatedRecord | None = None


@dataclass(frozen=True, slots=True)
class OutboxPush:
    """An approved push as the outbox keeps it."""

    id: int
    meeting_id: int
    plan: PushPlan
    state: PushState
    approved_at: datetime
    steps: tuple[StepStatus, ...]
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    finished_at: datetime | None = None
    audit_head: str | None = None  # the audit head the push carried (None: before v6)

    @property
    def first_record(self) -> CreatedRecord | None:
        """The record of the first request (the meeting note): what "open in CRM" opens."""
        for status in self.steps:
            if status.record is not None:
                return status.record
        return None

    def step_status(self, step: str) -> StepStatus:
        for status in self.steps:
            if status.step == step:
                return status
        raise KeyError(step)
