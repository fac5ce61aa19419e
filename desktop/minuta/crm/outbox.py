"""Delivering approved pushes: each request once, whatever crashes in between.

:func:`deliver` walks a push's requests in order. For each one the ledger
(:class:`minuta.store.outbox.OutboxRepository`, through :class:`Ledger`) is told
``in_flight`` *before* the request is sent and ``done`` with the record's id
after. If the app dies, the network drops or the CRM times out in between, the
step stays ``in_flight``; the next attempt first asks the CRM whether the record
exists (:meth:`Connector.find_created`, by the push's reference marker) and only
sends again when it does not. So every approved push makes each record exactly
once, and the retries in between are visible in the outbox.

Retries: a retryable failure (no answer, 5xx, 429) postpones the whole push by
the CRM's ``Retry-After`` or by :data:`BACKOFF_S`, whichever is longer; a
refusal (4xx, an expired sign-in, a bad certificate) marks it failed for the user
to look at, with the CRM's message. Nothing is ever sent that was not approved:
the bytes come from the stored plan, not rebuilt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from minuta.core.audit import AuditKind
from minuta.core.crm import (
    CreatedRecord,
    OutboxPush,
    PushState,
    StepState,
    audit_id,
    fill_placeholders,
)
from minuta.crm.connector import Connector
from minuta.crm.errors import CrmError, CrmUnavailable

log = logging.getLogger(__name__)

# Waits after the 1st, 2nd, ... failed attempt; the last one repeats.
BACKOFF_S: tuple[float, ...] = (10.0, 30.0, 120.0, 600.0, 1800.0, 3600.0)


class Ledger(Protocol):
    """The outbox's record of what was sent (the store, directly or via its worker)."""

    def start_attempt(self, push_id: int) -> None: ...

    def step_in_flight(self, push_id: int, step: str) -> None: ...

    def step_done(self, push_id: int, step: str, record: CreatedRecord) -> None: ...

    def finish(self, push_id: int, state: PushState, error: str | None = None) -> None: ...

    def postpone(self, push_id: int, until: datetime, error: str) -> None: ...

    def audit(
        self, kind: AuditKind, meeting_id: int, detail: dict[str, str | int | list[str]]
    ) -> None: ...


class Outcome(StrEnum):
    SENT = "sent"
    RETRY_LATER = "retry_later"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Delivery:
    push_id: int
    outcome: Outcome
    message: str = ""
    retry_at: datetime | None = None
    records: tuple[CreatedRecord, ...] = ()


@dataclass(slots=True)
class Hooks:
    """Points where a fault-injection test stops the process (never set in the app)."""

    after_send: Callable[[str], None] | None = None  # the reply is in, the ledger not yet
    after_in_flight: Callable[[str], None] | None = None  # marked, not yet sent


def backoff_s(attempts: int) -> float:
    index = max(attempts - 1, 0)
    return BACKOFF_S[min(index, len(BACKOFF_S) - 1)]


def deliver(
    push: OutboxPush,
    connector: Connector,
    ledger: Ledger,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    hooks: Hooks | None = None,
) -> Delivery:
    hooks = hooks or Hooks()
    plan = push.plan
    ledger.start_attempt(push.id)
    attempts = push.attempts + 1
    created: dict[str, CreatedRecord] = {
        s.step: s.record for s in push.steps if s.state is StepState.DONE and s.record
    }
    try:
        for request in plan.requests:
            status = push.step_status(request.step)
            if status.state is StepState.DONE:
                continue
            if status.state is StepState.IN_FLIGHT:
                # An earlier attempt may have made it: look before sending again.
                found = connector.find_created(request, plan.ref, plan.target)
                if found is not None:
                    log.info(
                        "push %d step %s: found from an earlier attempt", push.id, request.step
                    )
                    ledger.step_done(push.id, request.step, found)
                    created[request.step] = found
                    continue
            ledger.step_in_flight(push.id, request.step)
            if hooks.after_in_flight:
                hooks.after_in_flight(request.step)
            url = fill_placeholders(request.url, created)
            headers = list(request.headers) + connector.send_headers(request, request.body)
            reply = connector.client.send(request.method, url, headers=headers, body=request.body)
            if hooks.after_send:
                hooks.after_send(request.step)
            record = connector.created_record(request, reply)
            ledger.step_done(push.id, request.step, record)
            created[request.step] = record
    except CrmError as exc:
        return _failed(push, exc, attempts, ledger, now())
    ledger.finish(push.id, PushState.SENT)
    records = tuple(created[r.step] for r in plan.requests)
    ledger.audit(
        AuditKind.PUSH_SENT,
        push.meeting_id,
        {
            "push_id": push.id,
            "crm": plan.connection,
            "kind": plan.kind.value,
            "target": f"{plan.target.kind.value}:{audit_id(plan.kind, plan.target.remote_id)}",
            "payload_sha256": plan.digest(),
            "remote_ids": [
                f"{r.step}:{audit_id(plan.kind, c.remote_id)}"
                for r, c in zip(plan.requests, records, strict=True)
            ],
        },
    )
    return Delivery(push.id, Outcome.SENT, records=records)


def _failed(
    push: OutboxPush, exc: CrmError, attempts: int, ledger: Ledger, at: datetime
) -> Delivery:
    if exc.retryable:
        wait = backoff_s(attempts)
        if isinstance(exc, CrmUnavailable) and exc.retry_after_s is not None:
            wait = max(wait, exc.retry_after_s)
        retry_at = at + timedelta(seconds=wait)
        ledger.postpone(push.id, retry_at, exc.message)
        log.info("push %d: retry in %.0f s (%s)", push.id, wait, type(exc).__name__)
        return Delivery(push.id, Outcome.RETRY_LATER, exc.message, retry_at)
    ledger.finish(push.id, PushState.FAILED, exc.message)
    ledger.audit(
        AuditKind.PUSH_FAILED,
        push.meeting_id,
        {
            "push_id": push.id,
            "crm": push.plan.connection,
            "payload_sha256": push.plan.digest(),
            "error": type(exc).__name__,
        },
    )
    log.info("push %d failed: %s", push.id, type(exc).__name__)
    return Delivery(push.id, Outcome.FAILED, exc.message)


def is_due(push: OutboxPush, at: datetime) -> bool:
    if push.state not in (PushState.QUEUED, PushState.SENDING):
        return False
    return push.next_attempt_at is None or push.next_attempt_at <= at
