"""Send to CRM from the Summary tab, end to end: what the user approves is what arrives.

A real store on the worker, the real keyring, the real outbox runner, and a
real HTTP server on 127.0.0.1 that records the raw bytes it receives. The
generic webhook connector (Standard Webhooks signing) sends to it; a second
test does the same against a real BottleCRM server and reads the note back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from crm_support import (
    CALL_KARI,
    PHONE,
    SECRET,
    WebhookReceiver,
    add_meeting_with_summary,
    connect_webhook,
    forget_tokens,
)
from PySide6.QtCore import Qt
from tests.crm.bottlecrm_server import BottleCrmServer
from ui_support import create_store, on_worker, open_directly, open_on_worker

from minuta.app.crm_connections import new_connection, save_connection, save_token, vault
from minuta.app.push import ApprovalMismatch, approve
from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    CrmUser,
    OutboxPush,
    PushState,
    StepState,
    StepStatus,
    TargetKind,
)
from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.crm.connectors.webhook import WebhookConnector, decode_secret, signature
from minuta.crm.http import CrmClient
from minuta.crm.outbox import Outcome
from minuta.crm.redaction import REDACTED, FindingKind
from minuta.ui.crm import outbox_runner
from minuta.ui.crm.choices import SUMMARY_ROW
from minuta.ui.crm.draft import PushDraft
from minuta.ui.crm.outbox_runner import OutboxRunner
from minuta.ui.crm.push_dialog import PushDialog
from minuta.ui.crm.target_picker import TARGET_ROLE, TargetsModel
from minuta.ui.crm.texts import push_line
from minuta.ui.meeting.summary.summary_tab import SummaryTab

pytestmark = pytest.mark.gui

WAIT_MS = 15_000
HOOK = "http://127.0.0.1:9/hook"


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver().start()
    yield server
    server.stop()


@pytest.fixture
def meeting(qtbot, worker, app_paths, receiver) -> Iterator[int]:
    """A meeting with an approved summary, and a webhook to the receiver connected."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(store)
        connect_webhook(store, receiver.url)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    yield meeting_id
    forget_tokens("webhook")


@pytest.fixture
def runner(qtbot, worker) -> Iterator[OutboxRunner]:
    """The app's runner, as the main window installs it (no timer ticks during a test)."""
    started = OutboxRunner(worker, interval_ms=3_600_000)
    outbox_runner.install(started)
    yield started
    started.stop()
    assert started.wait(10)
    started.deleteLater()


def open_tab(qtbot, worker, meeting_id: int) -> SummaryTab:
    tab = SummaryTab(worker, meeting_id)
    qtbot.addWidget(tab)
    with qtbot.waitSignals([tab.loaded, tab.crm_panel.pushes_loaded], timeout=WAIT_MS):
        tab.resize(900, 700)
        tab.show()
    return tab


def open_dialog(qtbot, tab: SummaryTab) -> PushDialog:
    """Click "Send to CRM…"; the dialog opens with the one connected CRM chosen and open."""
    panel = tab.crm_panel
    assert panel.send_button.isEnabled()
    with qtbot.waitSignal(panel.dialog_opened, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, PushDialog)
    qtbot.waitUntil(lambda: dialog.shown_plan is not None, timeout=WAIT_MS)
    return dialog


def shown_text(dialog: PushDialog) -> str:
    return "".join(
        dialog.payload_view.shown_body(i) for i in range(len(dialog.payload_view.bodies))
    )


def test_the_redacted_payload_arrives_byte_for_byte(qtbot, worker, meeting, runner, receiver):
    tab = open_tab(qtbot, worker, meeting)
    dialog = open_dialog(qtbot, tab)

    # The connection is the webhook; the target came from the participant's e-mail address.
    assert dialog.connection is not None
    assert dialog.connection_combo.currentText().startswith("Webhook")
    assert dialog.target_picker.search_field.text() == "kari@nordlys.no"
    assert dialog.target_picker.chosen is not None
    # Only approved items are offered; the unapproved risk is not.
    items = [dialog.items_list.item(row).text() for row in range(dialog.items_list.count())]
    assert items == [
        "Summary",
        "Decision: Nordlys goes with the annual plan",
        f"Action item: {CALL_KARI}",
    ]
    assert "The budget may be cut" not in shown_text(dialog)

    # The phone number is flagged, and shown in the payload until it is redacted.
    phones = [row for row in dialog.findings_panel.rows if row.kind is FindingKind.PHONE]
    assert [row.text for row in phones] == [PHONE]
    assert set(phones[0].parts) == {"note", "task-1"}
    assert PHONE in shown_text(dialog)
    with qtbot.waitSignal(dialog.plan_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.findings_panel.buttons[phones[0].key], Qt.MouseButton.LeftButton)
    shown = dialog.payload_view.shown_body(0)
    assert PHONE not in shown
    assert "Call Kari on [redacted] about the offer" in shown
    assert dialog.findings_panel.rows[0].redacted

    # The approval is of the shown plan, by the shown digest.
    plan, digest = dialog.shown_plan, dialog.payload_view.digest
    assert plan is not None
    assert plan.digest() == digest
    assert digest in dialog.payload_view.digest_label.text()
    with qtbot.waitSignal(dialog.sending.finished, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    delivery = sent.args[0]
    assert delivery.outcome is Outcome.SENT, delivery.message

    # What arrived is, byte for byte, the body the dialog showed.
    (request,) = receiver.received
    assert request.method == "POST"
    assert request.path == "/hook"
    assert request.body == shown.encode("utf-8")
    assert REDACTED.encode() in request.body
    assert PHONE.encode() not in request.body
    headers = {name.lower(): value for name, value in request.headers.items()}
    assert headers["webhook-id"] == dict(plan.requests[0].headers)["webhook-id"]
    expected = signature(
        decode_secret(SECRET),
        headers["webhook-id"],
        int(headers["webhook-timestamp"]),
        request.body,
    )
    assert headers["webhook-signature"] == expected
    assert "Sent to Webhook." in dialog.sending.label.text()
    assert "https://crm.example.com/records/rec-1" in dialog.sending.label.text()

    # The Summary tab says where it went, with the link to the record.
    panel = tab.crm_panel
    qtbot.waitUntil(lambda: "Sent to Webhook on" in panel.lines_label.text(), timeout=WAIT_MS)
    assert 'href="open:https://crm.example.com/records/rec-1"' in panel.lines_label.text()
    assert "Open in Webhook" in panel.lines_label.text()
    (push,) = on_worker(qtbot, worker, lambda store: store.outbox.for_meeting(meeting))
    assert push.state is PushState.SENT
    assert push.plan.digest() == digest
    dialog.reject()


def test_every_change_rebuilds_the_plan_and_a_stale_approval_is_refused(
    qtbot, worker, meeting, runner, receiver
):
    tab = open_tab(qtbot, worker, meeting)
    dialog = open_dialog(qtbot, tab)
    first_plan, first_digest = dialog.shown_plan, dialog.payload_view.digest
    assert first_plan is not None

    # Leaving out the summary paragraph: a new plan, a new digest, a new payload.
    summary_row = dialog.items_list.row_of(SUMMARY_ROW)
    assert summary_row is not None
    with qtbot.waitSignal(dialog.plan_shown, timeout=WAIT_MS):
        summary_row.setCheckState(Qt.CheckState.Unchecked)
    second_plan, second_digest = dialog.shown_plan, dialog.payload_view.digest
    assert second_plan is not None
    assert second_digest != first_digest
    assert "Nordlys wants the offer by Friday." in first_plan.requests[0].body.decode()
    assert "Nordlys wants the offer by Friday." not in dialog.payload_view.shown_body(0)

    # Redact all: again a new plan.
    with qtbot.waitSignal(dialog.plan_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.findings_panel.redact_all_button, Qt.MouseButton.LeftButton)
    third_digest = dialog.payload_view.digest
    assert third_digest not in (first_digest, second_digest)
    assert all(row.redacted for row in dialog.findings_panel.rows)

    # What was approved before the change cannot be approved for what is shown now.
    shown_plan = dialog.shown_plan
    with pytest.raises(ApprovalMismatch):
        on_worker(qtbot, worker, lambda store: approve(store, meeting, shown_plan, first_digest))
    assert on_worker(qtbot, worker, lambda store: store.outbox.for_meeting(meeting)) == []
    dialog.reject()
    assert receiver.received == []


def test_without_a_connected_crm_the_dialog_says_so(qtbot, worker, app_paths):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(store)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    dialog = PushDialog(worker, meeting_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.open()
    assert dialog.no_crm_label.isVisible()
    assert dialog.connect_button.isVisible()
    assert not dialog.connection_combo.isVisible()
    assert not dialog.approve_button.isEnabled()
    with qtbot.waitSignal(dialog.settings_requested):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    dialog.reject()


def test_a_refusal_is_shown_in_plain_words_and_the_push_is_kept(
    qtbot, worker, meeting, runner, receiver
):
    receiver.status = 422
    receiver.answer = {"message": "The receiver does not know this contact."}
    tab = open_tab(qtbot, worker, meeting)
    dialog = open_dialog(qtbot, tab)
    with qtbot.waitSignal(dialog.sending.finished, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert sent.args[0].outcome is Outcome.FAILED
    assert "The receiver does not know this contact." in dialog.sending.label.text()
    panel = tab.crm_panel
    qtbot.waitUntil(lambda: "Failed:" in panel.lines_label.text(), timeout=WAIT_MS)
    assert "Try again" in panel.lines_label.text()
    dialog.reject()

    # Try again: the same approved bytes, sent once more.
    receiver.status = 200
    retry = re.search(r'href="(retry:\d+)"', panel.lines_label.text())
    assert retry is not None
    panel.lines_label.linkActivated.emit(retry.group(1))
    qtbot.waitUntil(lambda: "Sent to Webhook on" in panel.lines_label.text(), timeout=WAIT_MS)
    first, second = receiver.received
    assert first.body == second.body


# --- the same against a real BottleCRM ---------------------------------------------------

BOTTLE_WEB = "https://crm.example.no"


@pytest.fixture
def bottle_meeting(
    qtbot, worker, app_paths, bottlecrm: BottleCrmServer
) -> Iterator[tuple[int, BottleCrmServer]]:
    """A meeting with the seeded contact of BottleCRM (tests/crm/fixtures.py), connected."""
    server = bottlecrm
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(
            store, kari=f"Kari Nordmann <{server.contact_email}>", owner="Ola"
        )
        connection = new_connection(CrmKind.BOTTLECRM, api_url=server.base_url, web_url=BOTTLE_WEB)
        save_token(vault(), connection, server.token)
        save_connection(store, connection)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    yield meeting_id, server
    forget_tokens("bottlecrm")


@pytest.mark.timeout(1200)  # the first session on a machine installs django-crm
def test_the_note_bottlecrm_keeps_is_the_note_shown(qtbot, worker, bottle_meeting, runner):
    meeting_id, server = bottle_meeting
    tab = open_tab(qtbot, worker, meeting_id)
    dialog = open_dialog(qtbot, tab)
    target = dialog.target_picker.chosen
    assert target is not None
    assert target.remote_id == server.contact_id
    assert "Ola Hansen (matched in the CRM)" in dialog.owners_view.text()

    (phone,) = [row for row in dialog.findings_panel.rows if row.kind is FindingKind.PHONE]
    with qtbot.waitSignal(dialog.plan_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.findings_panel.buttons[phone.key], Qt.MouseButton.LeftButton)
    plan = dialog.shown_plan
    assert plan is not None
    assert [r.step for r in plan.requests] == ["note", "task-1"]
    shown_note = json.loads(dialog.payload_view.shown_body(0))["body"]
    shown_task = json.loads(dialog.payload_view.shown_body(1))["description"]
    assert "Call Kari on [redacted] about the offer" in shown_note

    with qtbot.waitSignal(dialog.sending.finished, timeout=60_000) as sent:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    delivery = sent.args[0]
    assert delivery.outcome is Outcome.SENT, delivery.message
    note_record, task_record = delivery.records

    # Read back with the server's own ORM: exactly the text the dialog showed.
    records = server.records()
    (note,) = [row for row in records["interactions"] if row["id"] == note_record.remote_id]
    (task,) = [row for row in records["tasks"] if row["id"] == task_record.remote_id]
    assert note["body"] == shown_note
    assert task["description"] == shown_task
    assert PHONE not in note["body"]
    assert PHONE not in task["description"]
    assert task["assigned_to_ids"] == [server.owner_ids["Ola Hansen"]]

    panel = tab.crm_panel
    qtbot.waitUntil(lambda: "Sent to BottleCRM on" in panel.lines_label.text(), timeout=WAIT_MS)
    assert f"open:{BOTTLE_WEB}/contacts/{server.contact_id}" in panel.lines_label.text()
    dialog.reject()


# --- the pieces without widgets --------------------------------------------------------


def make_draft() -> PushDraft:
    from crm_support import DECISION, KARI, USER
    from ui_support import meeting as make_meeting

    summary = MeetingSummary(
        summary="Nordlys wants the offer by Friday.",
        items=(
            SummaryItem(ItemKind.DECISION, DECISION, approved=True),
            SummaryItem(ItemKind.ACTION_ITEM, CALL_KARI, owner="Ola", approved=True),
            SummaryItem(ItemKind.RISK, "The budget may be cut"),
        ),
        email=None,
        provenance=Provenance("builtin", "b", "1", "h", datetime(2026, 11, 20, tzinfo=UTC)),
    )
    meeting = make_meeting("Nordlys follow-up", participants=(USER, KARI), language="en")
    return PushDraft.start(meeting, summary, USER)


def test_the_draft_plans_what_is_chosen_and_redacted():
    draft = make_draft()
    assert [(o.index, o.kind) for o in draft.items()] == [
        (0, ItemKind.DECISION),
        (1, ItemKind.ACTION_ITEM),
    ]
    assert draft.include_summary
    assert draft.queries()[0] == "kari@nordlys.no"
    assert draft.plan() is None  # no CRM yet

    (row,) = [r for r in draft.finding_rows() if r.kind is FindingKind.PHONE]
    assert row.text == PHONE
    assert row.parts == ("note", "task-1")
    assert not row.redacted
    draft.set_redacted(row.key)
    content = draft.sendable_content()
    assert PHONE not in content.note
    assert content.tasks[0].text == f"Call Kari on {REDACTED} about the offer"
    assert draft.finding_rows()[0].redacted

    client = CrmClient(None)
    try:
        connector = WebhookConnector(new_connection(CrmKind.WEBHOOK, api_url=HOOK), client)
        draft.set_connector(connector, [CrmUser("u-7", "Ola Hansen", "ola@nordlys.no")])
        assert draft.plan() is None  # no record chosen yet
        draft.target = CrmTarget(TargetKind.PERSON, "kari@nordlys.no", "kari@nordlys.no")
        plan = draft.plan()
        assert plan is not None
        body = json.loads(plan.requests[0].body)
        assert PHONE not in plan.requests[0].body.decode()
        assert body["data"]["tasks"][0]["owner_id"] == "u-7"
        (owner,) = draft.owner_rows()
        assert owner.user is not None
        assert owner.user.name == "Ola Hansen"
        # Every plan is new: a later one never carries an earlier approval's digest.
        assert draft.plan().digest() != plan.digest()  # type: ignore[union-attr]

        draft.include_summary = False
        draft.set_item(0, False)
        draft.set_item(1, False)
        assert draft.is_empty
        assert draft.plan() is None
    finally:
        client.close()


def test_the_targets_model_without_widgets():
    model = TargetsModel()
    anna = CrmTarget(TargetKind.PERSON, "7", "Anna Berg", "anna@nordlys.no", "https://crm/7")
    model.set_targets([anna, CrmTarget(TargetKind.COMPANY, "9", "Nordlys AS")])
    assert model.rowCount() == 2
    assert model.index(0).data() == "Anna Berg · anna@nordlys.no · Person"
    assert model.index(1).data() == "Nordlys AS · Company"
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == "https://crm/7"
    assert model.index(0).data(TARGET_ROLE) == anna


def test_push_lines_say_where_each_push_stands():
    draft = make_draft()
    client = CrmClient(None)
    try:
        connector = WebhookConnector(new_connection(CrmKind.WEBHOOK, api_url=HOOK), client)
        draft.set_connector(connector)
        draft.target = CrmTarget(TargetKind.PERSON, "k", "Kari")
        plan = draft.plan()
    finally:
        client.close()
    assert plan is not None
    at = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    queued = OutboxPush(1, 1, plan, PushState.QUEUED, at, ())
    sent = replace(
        queued,
        state=PushState.SENT,
        finished_at=at,
        steps=(StepStatus("push", StepState.DONE, CreatedRecord("r", "https://crm/r")),),
    )
    assert push_line(sent) == (
        'Sent to Webhook on 23 Nov 2026 · <a href="open:https://crm/r">Open in Webhook</a>'
    )
    failed = replace(queued, state=PushState.FAILED, last_error="The CRM said no.")
    assert push_line(failed) == 'Failed: The CRM said no. · <a href="retry:1">Try again</a>'
    waiting = replace(queued, next_attempt_at=at, last_error="The CRM had a problem (503).")
    local = at.astimezone()
    assert f"Queued: waiting to retry at {local:%H:%M}" in push_line(waiting)
    assert push_line(waiting).endswith("(The CRM had a problem (503).)")
    assert push_line(queued) == "Queued for Webhook"
    assert push_line(replace(queued, state=PushState.CANCELLED)) == ""
