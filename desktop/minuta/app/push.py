"""Pushing a meeting to a CRM, for the app and the command line.

The flow is always: :func:`compose` the content from the user's approved
summary items, check it for personal data (:func:`personal_data`) and
:func:`redact` what the user chooses, :func:`plan_push` the exact requests,
show them, :func:`approve` exactly what was shown (by its digest), and let the
outbox deliver (:func:`deliver_push`, :func:`deliver_due`). Any change after
approval makes a new plan with a new digest that needs its own approval.

Store calls run on the store's worker thread; connector calls (look-ups,
delivery) use the network and run on a thread of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from minuta.core.audit import AuditKind
from minuta.core.crm import (
    CreatedRecord,
    CrmTarget,
    CrmUser,
    OutboxPush,
    PushContent,
    PushPlan,
    PushState,
    PushTask,
    audit_id,
    new_ref,
)
from minuta.core.models import Meeting
from minuta.core.participants import split_participant
from minuta.core.summary import ItemKind, MeetingSummary, SummaryItem
from minuta.core.text import base_language
from minuta.crm.connector import Connector
from minuta.crm.outbox import Delivery, Hooks, deliver, is_due
from minuta.crm.redaction import Finding, find_personal_data, redact
from minuta.store.settings import Setting
from minuta.store.store import Store

# The note's headings in the meeting's language, so colleagues read it as written.
_HEADINGS: dict[str, dict[ItemKind | str, str]] = {
    "en": {
        "summary": "Summary",
        ItemKind.DECISION: "Decisions",
        ItemKind.ACTION_ITEM: "Action items",
        ItemKind.RISK: "Risks",
        ItemKind.NEXT_STEP: "Next steps",
        ItemKind.CRM_SUGGESTION: "For the CRM",
    },
    "da": {
        "summary": "Resumé",
        ItemKind.DECISION: "Beslutninger",
        ItemKind.ACTION_ITEM: "Opgaver",
        ItemKind.RISK: "Risici",
        ItemKind.NEXT_STEP: "Næste skridt",
        ItemKind.CRM_SUGGESTION: "Til CRM",
    },
    "sv": {
        "summary": "Sammanfattning",
        ItemKind.DECISION: "Beslut",
        ItemKind.ACTION_ITEM: "Åtgärder",
        ItemKind.RISK: "Risker",
        ItemKind.NEXT_STEP: "Nästa steg",
        ItemKind.CRM_SUGGESTION: "Till CRM",
    },
    "no": {
        "summary": "Sammendrag",
        ItemKind.DECISION: "Beslutninger",
        ItemKind.ACTION_ITEM: "Oppgaver",
        ItemKind.RISK: "Risikoer",
        ItemKind.NEXT_STEP: "Neste steg",
        ItemKind.CRM_SUGGESTION: "Til CRM",
    },
    "fi": {
        "summary": "Yhteenveto",
        ItemKind.DECISION: "Päätökset",
        ItemKind.ACTION_ITEM: "Tehtävät",
        ItemKind.RISK: "Riskit",
        ItemKind.NEXT_STEP: "Seuraavat askeleet",
        ItemKind.CRM_SUGGESTION: "CRM:ään",
    },
    "lt": {
        "summary": "Santrauka",
        ItemKind.DECISION: "Sprendimai",
        ItemKind.ACTION_ITEM: "Užduotys",
        ItemKind.RISK: "Rizikos",
        ItemKind.NEXT_STEP: "Kiti žingsniai",
        ItemKind.CRM_SUGGESTION: "CRM",
    },
}
_LANGUAGE_ALIASES = {"nb": "no", "nn": "no"}
_NOTE_ORDER = (
    ItemKind.DECISION,
    ItemKind.ACTION_ITEM,
    ItemKind.RISK,
    ItemKind.NEXT_STEP,
    ItemKind.CRM_SUGGESTION,
)


class ApprovalMismatch(Exception):
    """What is being approved is not what the user was shown."""


@dataclass(frozen=True, slots=True)
class PushChoice:
    """What of the summary goes: its paragraph, and which approved items (None: all)."""

    include_summary: bool = True
    item_indexes: frozenset[int] | None = None


def headings(language: str | None) -> Mapping[ItemKind | str, str]:
    code = base_language(language) if language else "en"
    code = _LANGUAGE_ALIASES.get(code, code)
    return _HEADINGS.get(code, _HEADINGS["en"])


def chosen_items(summary: MeetingSummary, choice: PushChoice) -> list[SummaryItem]:
    """The approved items the user ticked, in the summary's order."""
    return [
        item
        for index, item in enumerate(summary.items)
        if item.approved and (choice.item_indexes is None or index in choice.item_indexes)
    ]


def _item_line(item: SummaryItem) -> str:
    extras = [part for part in (item.owner, item.due_date and item.due_date.isoformat()) if part]
    suffix = f" ({', '.join(extras)})" if extras else ""
    return f"- {item.text.strip()}{suffix}"


def compose(meeting: Meeting, summary: MeetingSummary, choice: PushChoice) -> PushContent:
    """The meeting note and tasks from the user's choice (only approved items ever)."""
    words = headings(meeting.language)
    items = chosen_items(summary, choice)
    sections: list[str] = []
    if choice.include_summary and summary.summary.strip():
        sections.append(f"{words['summary']}\n{summary.summary.strip()}")
    for kind in _NOTE_ORDER:
        lines = [_item_line(item) for item in items if item.kind is kind]
        if lines:
            sections.append(f"{words[kind]}\n" + "\n".join(lines))
    tasks = tuple(
        PushTask(text=item.text.strip(), owner=item.owner, due=item.due_date)
        for item in items
        if item.kind is ItemKind.ACTION_ITEM
    )
    return PushContent(
        meeting_uid=meeting.uid,
        title=meeting.title,
        started_at=meeting.started_at,
        duration_s=meeting.duration_s,
        note="\n\n".join(sections),
        tasks=tasks,
    )


# Personal data ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlaggedText:
    """Personal data found in one part of the content: the note, or task N's text."""

    part: str  # "note" or "task-1", ...
    finding: Finding


def personal_data(
    content: PushContent,
    *,
    participants: Sequence[str] = (),
    user_name: str | None = None,
    language: str | None = None,
) -> list[FlaggedText]:
    def scan(text: str) -> list[Finding]:
        return find_personal_data(
            text, participants=participants, user_name=user_name, language=language
        )

    flagged = [FlaggedText("note", f) for f in scan(content.note)]
    for index, task in enumerate(content.tasks):
        flagged += [FlaggedText(f"task-{index + 1}", f) for f in scan(task.text)]
    return flagged


def redact_content(content: PushContent, flagged: Iterable[FlaggedText]) -> PushContent:
    """``content`` with the given findings replaced by "[redacted]"."""
    by_part: dict[str, list[Finding]] = {}
    for item in flagged:
        by_part.setdefault(item.part, []).append(item.finding)
    note = redact(content.note, by_part.get("note", []))
    tasks = tuple(
        replace(task, text=redact(task.text, by_part.get(f"task-{i + 1}", [])))
        for i, task in enumerate(content.tasks)
    )
    return replace(content, note=note, tasks=tasks)


# Targets and owners -----------------------------------------------------------------


def suggested_queries(meeting: Meeting, user_name: str | None = None) -> list[str]:
    """What to search the CRM for: participants' e-mail addresses first, then names."""
    emails: list[str] = []
    names: list[str] = []
    me = (user_name or "").strip().casefold()
    for participant in meeting.participants:
        name, email = split_participant(participant)
        if email:
            emails.append(email)
        if name and name.casefold() != me:
            names.append(name)
    seen: set[str] = set()
    ordered = []
    for query in [*emails, *names]:
        if query.casefold() not in seen:
            seen.add(query.casefold())
            ordered.append(query)
    return ordered


def match_owners(tasks: Iterable[PushTask], users: Sequence[CrmUser]) -> dict[str, str]:
    """Task owner name -> CRM user id, where the name matches one user unambiguously."""
    owners: dict[str, str] = {}
    for task in tasks:
        if not task.owner or task.owner in owners:
            continue
        wanted = task.owner.strip().casefold()
        exact = [u for u in users if u.name.casefold() == wanted or u.email.casefold() == wanted]
        first = [u for u in users if u.name.casefold().split()[:1] == wanted.split()[:1]]
        match = exact if exact else (first if len(wanted.split()) == 1 else [])
        if len(match) == 1:
            owners[task.owner] = match[0].remote_id
    return owners


def plan_push(
    connector: Connector,
    content: PushContent,
    target: CrmTarget,
    owners: Mapping[str, str],
    *,
    audit_head: str | None = None,
) -> PushPlan:
    """The exact requests; ``audit_head`` (``store.audit.head()``) goes into the note.

    The head is part of the bytes shown and approved, and is kept with the push,
    so a copy of it is outside the store (in the CRM) once the push is sent.
    """
    if audit_head is not None:
        content = replace(content, audit_head=audit_head)
    ref = new_ref()
    requests = connector.plan_requests(content, target, owners, ref)
    return PushPlan(
        connection=connector.connection.name,
        kind=connector.kind,
        target=target,
        ref=ref,
        requests=tuple(requests),
        owners=tuple(sorted(owners.items())),
        audit_head=content.audit_head,
    )


# Approval and delivery ---------------------------------------------------------------


def approve(store: Store, meeting_id: int, plan: PushPlan, shown_digest: str) -> int:
    """Queue ``plan`` in the outbox, if it is exactly what the user was shown."""
    digest = plan.digest()
    if digest != shown_digest:
        raise ApprovalMismatch(
            "What would be sent is not what you reviewed. Review the push again."
        )
    push_id = store.outbox.add(meeting_id, plan)
    store.audit.add(
        AuditKind.PUSH_APPROVED,
        meeting_id=meeting_id,
        detail={
            "push_id": push_id,
            "crm": plan.connection,
            "kind": plan.kind.value,
            "target": f"{plan.target.kind.value}:{audit_id(plan.kind, plan.target.remote_id)}",
            "payload_sha256": digest,
            "requests": len(plan.requests),
            "audit_head": plan.audit_head,
        },
    )
    store.settings.set(Setting.CRM_LAST_USED, plan.connection)
    return push_id


class StoreLedger:
    """The outbox's ledger on a store used from this thread."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def start_attempt(self, push_id: int) -> None:
        self._store.outbox.start_attempt(push_id)

    def step_in_flight(self, push_id: int, step: str) -> None:
        self._store.outbox.step_in_flight(push_id, step)

    def step_done(self, push_id: int, step: str, record: CreatedRecord) -> None:
        self._store.outbox.step_done(push_id, step, record)

    def finish(self, push_id: int, state: PushState, error: str | None = None) -> None:
        self._store.outbox.finish(push_id, state, error)

    def postpone(self, push_id: int, until: datetime, error: str) -> None:
        self._store.outbox.postpone(push_id, until, error)

    def audit(
        self, kind: AuditKind, meeting_id: int, detail: dict[str, str | int | list[str]]
    ) -> None:
        self._store.audit.add(kind, meeting_id=meeting_id, detail=detail)


def deliver_push(
    store: Store, push_id: int, connector: Connector, *, hooks: Hooks | None = None
) -> Delivery:
    """Send one queued push now (the command line; the app uses its own ledger)."""
    return deliver(store.outbox.get(push_id), connector, StoreLedger(store), hooks=hooks)


def deliver_due(
    store: Store,
    connector_for: Callable[[str], Connector],
    *,
    now: datetime | None = None,
    hooks: Hooks | None = None,
) -> list[Delivery]:
    """Send every push whose time has come, oldest first."""
    at = now or datetime.now(UTC)
    results = []
    for push in store.outbox.open_pushes():
        if is_due(push, at):
            connector = connector_for(push.plan.connection)
            results.append(deliver(push, connector, StoreLedger(store), hooks=hooks))
    return results


def sent_pushes(store: Store, meeting_id: int) -> list[OutboxPush]:
    return [p for p in store.outbox.for_meeting(meeting_id) if p.state is PushState.SENT]
