"""The outbox runner: approved pushes sent off the GUI thread, through the store's worker.

A real store on the worker, the real keyring, the webhook connector, and a
real HTTP(S) server on 127.0.0.1 recording what arrives.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import trustme
from crm_support import WebhookReceiver, add_meeting_with_summary, connect_webhook, forget_tokens
from ui_support import create_store, on_worker, open_directly, open_on_worker

from minuta.app.crm_connections import get_connection, open_connector, remove_connection, vault
from minuta.app.push import PushChoice, approve, compose, plan_push
from minuta.core.audit import AuditKind
from minuta.core.crm import CrmTarget, PushState, StepState, TargetKind
from minuta.crm.outbox import Outcome
from minuta.store.store import Store
from minuta.ui.crm import outbox_runner
from minuta.ui.crm.outbox_runner import OutboxRunner

pytestmark = pytest.mark.gui

WAIT_MS = 15_000
KARI = CrmTarget(TargetKind.PERSON, "kari@nordlys.no", "kari@nordlys.no")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def runners(qtbot, worker) -> Iterator[list[OutboxRunner]]:
    made: list[OutboxRunner] = []
    yield made
    for runner in made:
        runner.stop()
        assert runner.wait(10)


def make_runner(runners: list[OutboxRunner], worker, **options) -> OutboxRunner:
    runner = OutboxRunner(worker, interval_ms=3_600_000, **options)
    runners.append(runner)
    return runner


def open_meeting(qtbot, worker, app_paths, receiver: WebhookReceiver) -> int:
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(store)
        connect_webhook(store, receiver.url)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    return meeting_id


def queue_push(qtbot, worker, meeting_id: int) -> int:
    """Plan and approve a push the way the dialog does, straight on the worker."""

    def task(store: Store | None) -> int:
        assert store is not None
        meeting, summary = store.meetings.get(meeting_id), store.summaries.latest(meeting_id)
        assert summary is not None
        connector = open_connector(get_connection(store, "webhook"), vault())
        try:
            plan = plan_push(connector, compose(meeting, summary, PushChoice()), KARI, {})
        finally:
            connector.client.close()
        return approve(store, meeting_id, plan, plan.digest())

    return on_worker(qtbot, worker, task)


def stored(qtbot, worker, push_id: int):
    return on_worker(qtbot, worker, lambda store: store.outbox.get(push_id))


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver().start()
    yield server
    server.stop()
    forget_tokens("webhook")


def test_a_queued_push_is_sent_when_the_runner_starts(qtbot, worker, app_paths, receiver, runners):
    meeting_id = open_meeting(qtbot, worker, app_paths, receiver)
    push_id = queue_push(qtbot, worker, meeting_id)
    runner = make_runner(runners, worker)
    updates: list[int] = []
    deliveries: list[object] = []
    runner.push_updated.connect(updates.append)
    runner.delivered.connect(deliveries.append)
    with qtbot.waitSignal(runner.run_finished, timeout=WAIT_MS):
        runner.start()
    (delivery,) = deliveries
    assert delivery.push_id == push_id
    assert delivery.outcome is Outcome.SENT
    assert [r.remote_id for r in delivery.records] == ["rec-1"]
    assert set(updates) == {push_id}

    push = stored(qtbot, worker, push_id)
    assert push.state is PushState.SENT
    assert [s.state for s in push.steps] == [StepState.DONE]
    assert len(receiver.received) == 1
    assert receiver.received[0].body == push.plan.requests[0].body
    kinds = on_worker(qtbot, worker, lambda store: [e.kind for e in store.audit.events()])
    assert AuditKind.PUSH_SENT in kinds

    # Nothing is due any more: another run sends nothing.
    with qtbot.waitSignal(runner.run_finished, timeout=WAIT_MS):
        runner.run_now()
    assert len(receiver.received) == 1


def test_a_busy_crm_is_tried_again_when_the_wait_is_over(
    qtbot, worker, app_paths, receiver, runners
):
    receiver.status = 503
    meeting_id = open_meeting(qtbot, worker, app_paths, receiver)
    push_id = queue_push(qtbot, worker, meeting_id)
    clock = Clock()
    runner = make_runner(runners, worker, now=clock)
    with qtbot.waitSignal(runner.delivered, timeout=WAIT_MS) as first:
        runner.start()
    delivery = first.args[0]
    assert delivery.outcome is Outcome.RETRY_LATER
    assert delivery.retry_at == clock.now + timedelta(seconds=10)
    push = stored(qtbot, worker, push_id)
    assert push.state is PushState.QUEUED
    assert push.next_attempt_at == delivery.retry_at
    assert push.last_error == "The CRM had a problem (503)."

    # Before its time, a run leaves it alone.
    with qtbot.waitSignal(runner.run_finished, timeout=WAIT_MS):
        runner.run_now()
    assert len(receiver.received) == 1

    receiver.status = 200
    clock.now += timedelta(seconds=11)
    with qtbot.waitSignal(runner.delivered, timeout=WAIT_MS) as second:
        runner.run_now()
    assert second.args[0].outcome is Outcome.SENT
    first_try, second_try = receiver.received
    assert second_try.body == first_try.body
    assert second_try.headers["webhook-id"] == first_try.headers["webhook-id"]


def test_a_certificate_that_does_not_check_out_sends_nothing(qtbot, worker, app_paths, runners):
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    receiver = WebhookReceiver(tls=server_context).start()
    try:
        meeting_id = open_meeting(qtbot, worker, app_paths, receiver)
        assert receiver.url.startswith("https://")
        push_id = queue_push(qtbot, worker, meeting_id)

        # The system's trusted authorities do not know this test CA: refused, nothing sent.
        refused = make_runner(runners, worker)
        with qtbot.waitSignal(refused.delivered, timeout=WAIT_MS) as failed:
            refused.start()
        assert failed.args[0].outcome is Outcome.FAILED
        assert "certificate" in failed.args[0].message
        assert receiver.received == []
        assert stored(qtbot, worker, push_id).state is PushState.FAILED

        # A runner given a connector factory that trusts the CA sends it.
        client_context = ssl.create_default_context()
        ca.configure_trust(client_context)
        trusting = make_runner(
            runners,
            worker,
            connector_factory=lambda c: open_connector(c, vault(), verify=client_context),
        )
        on_worker(qtbot, worker, lambda store: store.outbox.requeue(push_id))
        with qtbot.waitSignal(trusting.delivered, timeout=WAIT_MS) as sent:
            trusting.start()
        assert sent.args[0].outcome is Outcome.SENT
        assert len(receiver.received) == 1
    finally:
        receiver.stop()
        forget_tokens("webhook")


def test_a_push_for_a_removed_crm_waits_for_the_user(qtbot, worker, app_paths, receiver, runners):
    meeting_id = open_meeting(qtbot, worker, app_paths, receiver)
    push_id = queue_push(qtbot, worker, meeting_id)
    on_worker(qtbot, worker, lambda store: remove_connection(store, "webhook"))
    runner = make_runner(runners, worker)
    with qtbot.waitSignal(runner.delivered, timeout=WAIT_MS) as failed:
        runner.start()
    assert failed.args[0].outcome is Outcome.FAILED
    assert failed.args[0].message == "No CRM called 'webhook' is connected. Connect it first."
    push = stored(qtbot, worker, push_id)
    assert push.state is PushState.FAILED
    assert push.last_error == failed.args[0].message
    assert receiver.received == []


def test_stopping_mid_request_leaves_the_push_to_be_checked_next_time(
    qtbot, worker, app_paths, receiver, runners
):
    receiver.hold = threading.Event()
    meeting_id = open_meeting(qtbot, worker, app_paths, receiver)
    push_id = queue_push(qtbot, worker, meeting_id)
    runner = make_runner(runners, worker)
    outbox_runner.install(runner)
    runner.start()
    qtbot.waitUntil(receiver.arrived.is_set, timeout=WAIT_MS)

    # The app quits while the CRM is answering: stop() does not wait for it.
    runner.stop()
    assert runner.stopped
    assert outbox_runner.installed_runner() is None
    receiver.hold.set()
    assert runner.wait(10)
    push = stored(qtbot, worker, push_id)
    assert push.state is PushState.SENDING
    assert [s.state for s in push.steps] == [StepState.IN_FLIGHT]

    # Next start: the step may have been made, so it is sent again with the same id.
    restarted = make_runner(runners, worker)
    with qtbot.waitSignal(restarted.delivered, timeout=WAIT_MS) as sent:
        restarted.start()
    assert sent.args[0].outcome is Outcome.SENT
    first, second = receiver.received
    assert second.headers["webhook-id"] == first.headers["webhook-id"]
    assert stored(qtbot, worker, push_id).state is PushState.SENT
