"""The outbox's ledger: every approved request makes its record once, whatever fails."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from tests.crm.memory_crm import MemoryCrm, memory_connector
from tests.harness.meetings import create_meeting

from minuta.app import push
from minuta.core.audit import AuditKind
from minuta.core.crm import CrmTarget, PushState, StepState, TargetKind, audit_id
from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.crm.outbox import BACKOFF_S, Hooks, Outcome, deliver

TARGET = CrmTarget(TargetKind.PERSON, "42", "Kari Nordmann", "kari@example.no")


def _summary() -> MeetingSummary:
    items = (
        SummaryItem(ItemKind.DECISION, "Go with the three-year licence", approved=True),
        SummaryItem(ItemKind.ACTION_ITEM, "Send the offer", owner="Anna", approved=True),
        SummaryItem(ItemKind.ACTION_ITEM, "Book the demo", owner="Bo", approved=True),
        SummaryItem(ItemKind.RISK, "Budget not confirmed", approved=False),
    )
    provenance = Provenance("builtin", "builtin-2", "p1", "h", datetime(2026, 11, 20, tzinfo=UTC))
    return MeetingSummary("They want a pilot.", items, None, provenance)


def _approved(store, crm: MemoryCrm):
    meeting_id, _, _ = create_meeting(store, title="Pilot call")
    meeting = store.meetings.get(meeting_id)
    content = push.compose(meeting, _summary(), push.PushChoice())
    connector = memory_connector(crm)
    plan = push.plan_push(connector, content, TARGET, {})
    push_id = push.approve(store, meeting_id, plan, plan.digest())
    return push_id, connector, plan


def _records_for(crm: MemoryCrm, ref: str) -> int:
    return sum(1 for r in crm.records.values() if ref in r["text"])


def test_only_approved_items_go_and_every_record_is_made_once(store):
    crm = MemoryCrm()
    push_id, connector, plan = _approved(store, crm)
    assert "Budget not confirmed" not in plan.requests[0].body.decode()
    assert [r.step for r in plan.requests] == ["note", "task-1", "task-2"]

    result = push.deliver_push(store, push_id, connector)

    assert result.outcome is Outcome.SENT
    assert len(crm.records) == 3 and _records_for(crm, plan.ref) == 3
    # The task's URL had the note's id filled in.
    assert crm.requests[1].url.path == "/notes/r1/tasks"
    stored = store.outbox.get(push_id)
    assert stored.state is PushState.SENT
    assert [s.state for s in stored.steps] == [StepState.DONE] * 3
    assert stored.first_record and stored.first_record.url == "https://crm.example/r1"
    # The bytes sent are the approved bytes.
    assert [r.content for r in crm.requests] == [r.body for r in plan.requests]
    kinds = [e.kind for e in store.audit.events(meeting_id=stored.meeting_id)]
    assert kinds == [AuditKind.PUSH_SENT, AuditKind.PUSH_APPROVED]
    sent = store.audit.events(meeting_id=stored.meeting_id)[0]
    assert sent.detail["payload_sha256"] == plan.digest()
    # The memory CRM speaks the webhook's kind: its ids are kept as hashes only.
    assert sent.detail["remote_ids"] == [
        f"{step}:{audit_id(plan.kind, rid)}"
        for step, rid in (("note", "r1"), ("task-1", "r2"), ("task-2", "r3"))
    ]
    assert sent.detail["target"] == f"person:{audit_id(plan.kind, '42')}"


def test_a_server_error_postpones_and_the_retry_searches_before_sending(store):
    crm = MemoryCrm()
    push_id, connector, plan = _approved(store, crm)
    crm.script.extend(["pass", "500"])
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)

    first = deliver(store.outbox.get(push_id), connector, push.StoreLedger(store), now=lambda: now)

    assert first.outcome is Outcome.RETRY_LATER
    assert first.retry_at == now + timedelta(seconds=BACKOFF_S[0])
    stored = store.outbox.get(push_id)
    assert stored.state is PushState.QUEUED and stored.last_error == "The CRM had a problem (500)."
    assert [s.state for s in stored.steps] == [
        StepState.DONE,
        StepState.IN_FLIGHT,
        StepState.PENDING,
    ]

    second = push.deliver_push(store, push_id, connector)
    assert second.outcome is Outcome.SENT
    assert _records_for(crm, plan.ref) == 3


def test_a_lost_answer_after_the_record_was_made_does_not_make_it_twice(store):
    crm = MemoryCrm()
    push_id, connector, plan = _approved(store, crm)
    crm.script.extend(["pass", "drop-after"])

    first = push.deliver_push(store, push_id, connector)
    assert first.outcome is Outcome.RETRY_LATER
    assert _records_for(crm, plan.ref) == 2  # the CRM made task 1; we do not know it

    second = push.deliver_push(store, push_id, connector)
    assert second.outcome is Outcome.SENT
    assert _records_for(crm, plan.ref) == 3
    assert store.outbox.get(push_id).step_status("task-1").record.remote_id == "r2"


def test_retry_after_is_honoured_when_longer_than_the_backoff(store):
    crm = MemoryCrm()
    push_id, connector, _ = _approved(store, crm)
    crm.script.append("429:300")
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    result = deliver(store.outbox.get(push_id), connector, push.StoreLedger(store), now=lambda: now)
    assert result.outcome is Outcome.RETRY_LATER
    assert result.retry_at == now + timedelta(seconds=300)
    assert store.outbox.get(push_id).next_attempt_at == now + timedelta(seconds=300)
    assert not push.deliver_due(store, lambda name: connector, now=now + timedelta(seconds=299))
    assert push.deliver_due(store, lambda name: connector, now=now + timedelta(seconds=300))


def test_a_refusal_fails_the_push_with_the_crms_words_and_it_can_be_tried_again(store):
    crm = MemoryCrm()
    push_id, connector, plan = _approved(store, crm)
    crm.script.append("400")
    result = push.deliver_push(store, push_id, connector)
    assert result.outcome is Outcome.FAILED and result.message == "Subject is required"
    stored = store.outbox.get(push_id)
    assert stored.state is PushState.FAILED
    assert store.audit.events(meeting_id=stored.meeting_id)[0].kind is AuditKind.PUSH_FAILED
    store.outbox.requeue(push_id)
    assert push.deliver_push(store, push_id, connector).outcome is Outcome.SENT
    assert _records_for(crm, plan.ref) == 3


def test_a_timeout_leaves_the_push_queued_and_visible(store):
    crm = MemoryCrm()
    push_id, connector, _ = _approved(store, crm)
    crm.script.append("timeout")
    result = push.deliver_push(store, push_id, connector)
    assert result.outcome is Outcome.RETRY_LATER
    assert [p.id for p in store.outbox.open_pushes()] == [push_id]


def test_approval_must_be_of_what_was_shown(store):
    crm = MemoryCrm()
    meeting_id, _, _ = create_meeting(store)
    meeting = store.meetings.get(meeting_id)
    connector = memory_connector(crm)
    content = push.compose(meeting, _summary(), push.PushChoice())
    shown = push.plan_push(connector, content, TARGET, {})
    edited = push.plan_push(
        connector,
        push.compose(meeting, _summary(), push.PushChoice(include_summary=False)),
        TARGET,
        {},
    )
    with pytest.raises(push.ApprovalMismatch):
        push.approve(store, meeting_id, edited, shown.digest())
    assert store.outbox.for_meeting(meeting_id) == []


def test_stored_plans_keep_the_exact_bytes(store):
    crm = MemoryCrm()
    push_id, _, plan = _approved(store, crm)
    stored = store.outbox.get(push_id).plan
    assert stored == plan and stored.digest() == plan.digest()


def test_a_push_can_be_withdrawn_only_before_anything_was_sent(store):
    crm = MemoryCrm()
    push_id, connector, _ = _approved(store, crm)
    assert store.outbox.cancel(push_id)
    assert store.outbox.get(push_id).state is PushState.CANCELLED
    assert push.deliver_due(store, lambda name: connector) == []

    other, connector, _ = _approved(store, crm)
    crm.script.append("500")
    push.deliver_push(store, other, connector)
    assert not store.outbox.cancel(other)


def test_a_crash_after_marking_in_flight_sends_once_on_restart(store):
    crm = MemoryCrm()
    push_id, connector, plan = _approved(store, crm)

    class Crash(Exception):
        pass

    def crash(step: str) -> None:
        if step == "task-2":
            raise Crash

    with pytest.raises(Crash):
        push.deliver_push(store, push_id, connector, hooks=Hooks(after_in_flight=crash))
    assert store.outbox.get(push_id).state is PushState.SENDING
    results = push.deliver_due(store, lambda name: connector)
    assert [r.outcome for r in results] == [Outcome.SENT]
    assert _records_for(crm, plan.ref) == 3


def test_a_look_up_leaves_no_address_in_the_log_even_at_debug_level(caplog):
    crm = MemoryCrm()
    connector = memory_connector(crm)
    with caplog.at_level(logging.DEBUG):
        connector.client.get_json(connector.url("/search"), {"q": "kari.nordmann@example.no"})
    assert crm.requests  # the request was made
    assert caplog.records  # and logged, by host only
    assert not any("kari" in r.getMessage() for r in caplog.records)
