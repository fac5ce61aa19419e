"""A push carries the audit log's head in its note, and is still found by its marker.

Against the real BottleCRM server, through the fault proxy: the note's answer is
lost after the server made it, so the outbox must find the note again by its
reference marker, which the head now follows on the same line.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from tests.crm.fault_proxy import FaultProxy
from tests.harness.meetings import create_meeting

from minuta.app import crm_connections, push
from minuta.core.audit import AuditKind, short_hash
from minuta.core.crm import CrmKind, PushContent, PushState
from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.crm.outbox import Outcome
from minuta.crm.text import has_marker, note_text, ref_marker

pytestmark = pytest.mark.timeout(300)

CONTENT = PushContent("m-1", "Kick-off", datetime(2026, 11, 20, 14, tzinfo=UTC), 1800.0, "Scope.")


def test_the_head_follows_the_marker_and_the_marker_still_matches():
    head = "3f2a" * 16
    text = note_text(replace(CONTENT, audit_head=head), "minuta-0123456789abcdef")
    assert text.endswith(f"Ref. minuta-0123456789abcdef/note · audit {short_hash(head)}")
    assert has_marker(text, ref_marker("minuta-0123456789abcdef", "note"))
    assert not has_marker(text, ref_marker("minuta-0123456789abcde", "note"))
    # Without a head, the line is as it always was.
    assert note_text(CONTENT, "minuta-01").endswith("Ref. minuta-01/note")


def test_the_digest_covers_the_head(store, bottlecrm):
    connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=bottlecrm.base_url)
    crm_connections.save_token(crm_connections.vault(), connection, bottlecrm.token)
    connector = crm_connections.open_connector(connection, crm_connections.vault())
    try:
        [target] = connector.search_targets(bottlecrm.contact_email)
        one = push.plan_push(connector, CONTENT, target, {}, audit_head="a" * 64)
        other = replace(one, audit_head="b" * 64)
    finally:
        connector.client.close()
    assert one.audit_head == "a" * 64 and one.digest() != other.digest()
    # Approving the plan with another head is approving something not shown.
    meeting_id, _, _ = create_meeting(store, title="Digest")
    with pytest.raises(push.ApprovalMismatch):
        push.approve(store, meeting_id, other, one.digest())


@pytest.fixture
def proxy(bottlecrm):
    proxy = FaultProxy(bottlecrm.base_url, ("Authorization", f"Bearer {bottlecrm.token}"))
    yield proxy
    proxy.close()


def test_a_lost_answer_for_a_note_with_the_head_is_found_not_resent(store, bottlecrm, proxy):
    connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=proxy.url)
    crm_connections.save_connection(store, connection)
    crm_connections.save_token(crm_connections.vault(), connection, "unused: the proxy signs in")
    connector = crm_connections.open_connector(connection, crm_connections.vault())
    meeting_id, _, _ = create_meeting(store, title="Nordlys pilot")
    provenance = Provenance("builtin", "builtin-2", "p1", "h", datetime(2026, 11, 20, tzinfo=UTC))
    summary = MeetingSummary(
        "Nordlys wants a pilot.",
        (SummaryItem(ItemKind.DECISION, "Start in March", approved=True),),
        None,
        provenance,
    )
    content = push.compose(store.meetings.get(meeting_id), summary, push.PushChoice())
    try:
        [target] = connector.search_targets(bottlecrm.contact_email)
        head = store.audit.head()
        plan = push.plan_push(connector, content, target, {}, audit_head=head)
        push_id = push.approve(store, meeting_id, plan, plan.digest())
        proxy.add("drop-after")  # the note is made; its answer never arrives

        assert push.deliver_push(store, push_id, connector).outcome is Outcome.RETRY_LATER
        assert push.deliver_push(store, push_id, connector).outcome is Outcome.SENT
    finally:
        connector.client.close()

    marker = ref_marker(plan.ref, "note")
    notes = [r for r in bottlecrm.records()["interactions"] if marker in str(r.get("body"))]
    assert len(notes) == 1
    assert str(notes[0]["body"]).endswith(f"{marker} · audit {short_hash(head)}")
    stored = store.outbox.get(push_id)
    assert stored.state is PushState.SENT and stored.audit_head == head
    (approved,) = store.audit.events(kinds=[AuditKind.PUSH_APPROVED])
    assert approved.detail["audit_head"] == head
    assert json.loads(store.db.query_one("SELECT plan FROM crm_pushes")[0])["audit_head"] == head
    assert store.audit.verify([head]).ok
