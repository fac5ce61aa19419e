"""The audit log and "What left this machine" windows, over a real store on the worker."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from crm_support import add_meeting_with_summary
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui_support import create_store, on_worker, open_directly, open_on_worker

from minuta.app.left_machine import LeftItem
from minuta.core.audit import (
    AuditEvent,
    AuditKind,
    AuditProblem,
    AuditVerification,
    ProblemKind,
)
from minuta.core.crm import CreatedRecord, CrmTarget, TargetKind
from minuta.ui.privacy.audit_view import (
    EVENT_ROLE,
    AuditDialog,
    AuditEventsModel,
    verification_text,
)
from minuta.ui.privacy.left_machine import ITEM_ROLE, LeftMachineDialog, LeftMachineModel

pytestmark = pytest.mark.gui

WAIT_MS = 10_000
HEAD = "3f2a" + "0" * 60
PAYLOAD_HASH = "ab" * 32
KARI = CrmTarget(TargetKind.PERSON, "kari@nordlys.no", "Kari Nordmann")


def _event(event_id: int, kind: AuditKind, **detail: object) -> AuditEvent:
    return AuditEvent(
        datetime(2026, 3, 1, 9, event_id, tzinfo=UTC),
        kind,
        meeting_id=4 if kind is AuditKind.PUSH_SENT else None,
        detail=detail,  # type: ignore[arg-type]
        id=event_id,
    )


# --- the models, without widgets -------------------------------------------------------


def test_events_model_lists_newest_first_in_words():
    model = AuditEventsModel()
    model.set_events(
        [
            _event(1, AuditKind.SETTING_CHANGED, setting="user/name"),
            _event(2, AuditKind.PUSH_SENT, crm="hubspot", payload_sha256=PAYLOAD_HASH),
        ]
    )
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Time", "What happened", "Meeting", "Details"]
    first = [model.index(0, c).data() for c in range(4)]
    assert first[1] == "Sent to a CRM" and first[2] == "#4"
    assert first[3] == f"crm: hubspot · payload_sha256: {PAYLOAD_HASH[:16]}…"
    local = datetime(2026, 3, 1, 9, 2, tzinfo=UTC).astimezone()
    assert first[0] == f"{local:%Y-%m-%d %H:%M:%S}"
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).endswith(PAYLOAD_HASH)
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "crm.push.sent"
    second = [model.index(1, c).data() for c in range(4)]
    assert second[1:] == ["Changed a setting", "—", "setting: user/name"]
    assert model.index(1, 0).data(EVENT_ROLE).id == 1
    # Every kind has words of its own.
    from minuta.ui.privacy.audit_view import event_words

    assert all(event_words(kind) != kind.value for kind in AuditKind)


def test_verification_words():
    assert (
        verification_text(AuditVerification(128, HEAD))
        == "Intact · 128 entries · head 3f2a000000000000…"
    )
    broken = AuditVerification(
        5,
        HEAD,
        (
            AuditProblem(ProblemKind.CHANGED, 3, "x"),
            AuditProblem(ProblemKind.MISSING, 5, "x"),
            AuditProblem(ProblemKind.NOT_FOUND, None, "x"),
        ),
    )
    lines = verification_text(broken).splitlines()
    assert lines[0].startswith("Not intact · 5 entries")
    assert lines[1] == "Entry 3 was changed after it was written."
    assert "before entry 5 was removed" in lines[2]
    assert "cut off the end" in lines[3]


def test_left_machine_model_lists_pushes_and_exports():
    push = LeftItem(
        "push",
        3,
        datetime(2026, 3, 2, 10, tzinfo=UTC),
        7,
        "hubspot",
        "Kari Nordmann (person)",
        "sent",
        PAYLOAD_HASH,
        HEAD,
        (CreatedRecord("n1", "https://crm.example/n1"), CreatedRecord("t1")),
    )
    export = LeftItem(
        "export", 5, datetime(2026, 3, 1, 10, tzinfo=UTC), 7, "docx", "/home/a/x.docx",
        "written", PAYLOAD_HASH, HEAD, size=14_000,
    )  # fmt: skip
    model = LeftMachineModel()
    model.set_items([export, push])
    assert model.rowCount() == 2 and model.columnCount() == 5
    row0 = [model.index(0, c).data() for c in range(1, 5)]
    assert row0 == ["To CRM: hubspot", "Kari Nordmann (person)", "Sent", "2 records"]
    row1 = [model.index(1, c).data() for c in range(1, 5)]
    assert row1 == ["Export: Word document", "/home/a/x.docx", "Written", "14 KB"]
    assert model.index(1, 0).data(ITEM_ROLE).key == "export-5"
    assert model.row_of("push-3") == 0 and model.row_of("push-9") == -1


# --- the windows over a real store -------------------------------------------------------


@pytest.fixture
def logged(qtbot, worker, app_paths):
    """A store with a few audit events, open on the worker."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        for index in range(5):
            store.audit.add(AuditKind.KEEP_CHANGED, meeting_id=None, detail={"n": index})
    finally:
        store.close()
    return open_on_worker(qtbot, worker, app_paths)


def _open_audit(qtbot, worker) -> AuditDialog:
    dialog = AuditDialog(worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        pass  # the events are read on the worker; the answer comes through the event loop
    assert dialog.model.rowCount() > 0
    return dialog


def _verify(qtbot, dialog: AuditDialog) -> AuditVerification:
    with qtbot.waitSignal(dialog.verified, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def test_the_audit_window_lists_verifies_and_copies_the_head(qtbot, logged):
    dialog = _open_audit(qtbot, logged)
    head = on_worker(qtbot, logged, lambda store: store.audit.head())
    count = on_worker(qtbot, logged, lambda store: store.audit.verify().count)
    assert dialog.model.rowCount() == count
    assert dialog.model.index(0, 3).data() == "n: 4"  # newest first

    result = _verify(qtbot, dialog)
    assert result.ok
    assert dialog.status_label.text() == f"Intact · {count} entries · head {head[:16]}…"
    assert "color" not in dialog.status_label.styleSheet()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == head
    assert head[:16] in dialog.copied_label.text()


def test_the_verify_button_reports_a_tampered_store(qtbot, logged):
    dialog = _open_audit(qtbot, logged)
    changed = on_worker(
        qtbot,
        logged,
        lambda store: (
            store.db.execute(
                "UPDATE audit_events SET detail = '{\"n\": 99}' "
                "WHERE id = (SELECT max(id) - 2 FROM audit_events)"
            ).rowcount
        ),
    )
    assert changed == 1
    result = _verify(qtbot, dialog)
    assert [p.kind for p in result.problems] == [ProblemKind.CHANGED]
    text = dialog.status_label.text()
    assert text.startswith("Not intact")
    assert f"Entry {result.problems[0].event_id} was changed after it was written." in text
    assert "color: #" in dialog.status_label.styleSheet()  # in red

    on_worker(
        qtbot,
        logged,
        lambda store: store.db.execute(
            "DELETE FROM audit_events WHERE id = (SELECT min(id) + 1 FROM audit_events)"
        ),
    )
    result = _verify(qtbot, dialog)
    assert ProblemKind.MISSING in [p.kind for p in result.problems]
    assert "was removed" in dialog.status_label.text()


@pytest.fixture
def sent_out(qtbot, worker, app_paths, tmp_path):
    """A store with a queued push (planned with the audit head) and two exports."""
    from minuta.app.export_service import export_meeting
    from minuta.app.push import PushChoice, approve, compose, plan_push
    from minuta.core.crm import CrmKind
    from minuta.crm.connector import Connection
    from minuta.crm.connectors.webhook import WebhookConnector, new_secret
    from minuta.crm.http import CrmClient

    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(store)
        meeting, summary = store.meetings.get(meeting_id), store.summaries.latest(meeting_id)
        assert summary is not None
        connection = Connection("webhook", CrmKind.WEBHOOK, "http://127.0.0.1:9/hook")
        connector = WebhookConnector(connection, CrmClient(None))
        connector.use_secret(new_secret())
        try:
            plan = plan_push(
                connector,
                compose(meeting, summary, PushChoice()),
                KARI,
                {},
                audit_head=store.audit.head(),
            )
        finally:
            connector.client.close()
        push_id = approve(store, meeting_id, plan, plan.digest())
        markdown = export_meeting(store, meeting_id, "md", str(tmp_path / "follow-up.md"))
        docx = export_meeting(store, meeting_id, "docx", str(tmp_path / "follow-up.docx"))
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    return push_id, markdown, docx


def _open_left(qtbot, worker) -> LeftMachineDialog:
    dialog = LeftMachineDialog(worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=WAIT_MS)
    return dialog


def _show(qtbot, dialog: LeftMachineDialog, key: str) -> None:
    with qtbot.waitSignal(dialog.payload_shown, timeout=WAIT_MS) as signal:
        assert dialog.select(key)
    assert signal.args == [key]


def test_a_push_payload_is_shown_byte_identical_to_the_stored_plan(qtbot, worker, sent_out):
    push_id, _markdown, _docx = sent_out
    dialog = _open_left(qtbot, worker)
    _show(qtbot, dialog, f"push-{push_id}")

    stored = on_worker(qtbot, worker, lambda store: store.outbox.get(push_id))
    plan = stored.plan
    assert dialog.payload_stack.currentWidget() is dialog.payload_view
    assert dialog.payload_view.digest == plan.digest()
    assert len(dialog.payload_view.bodies) == len(plan.requests)
    for index, request in enumerate(plan.requests):
        assert dialog.payload_view.shown_body(index).encode("utf-8") == request.body
    # It carried the audit head, and says so.
    assert stored.audit_head and stored.audit_head == plan.audit_head
    assert f"audit {stored.audit_head[:16]}".encode() in plan.requests[0].body
    assert stored.audit_head in dialog.facts_label.text()
    assert plan.digest() in dialog.facts_label.text()


def test_exports_show_their_text_or_describe_a_word_file(qtbot, worker, sent_out, tmp_path):
    _push_id, markdown, docx = sent_out
    dialog = _open_left(qtbot, worker)
    keys = [dialog.model.item_at(row).key for row in range(3)]
    assert keys[:2] == ["export-2", "export-1"]  # newest first
    assert dialog.model.index(1, 2).data() == str(Path(tmp_path / "follow-up.md"))

    _show(qtbot, dialog, "export-1")
    assert dialog.payload_stack.currentWidget() is dialog.export_text
    assert dialog.shown_export_text() == markdown.decode("utf-8")

    _show(qtbot, dialog, "export-2")
    import hashlib

    text = dialog.shown_export_text()
    assert text.startswith("Word document, ") and " KB, SHA-256 " in text
    assert text.endswith(hashlib.sha256(docx).hexdigest())


def test_an_empty_store_says_nothing_left(qtbot, worker, app_paths):
    create_store(app_paths)
    open_on_worker(qtbot, worker, app_paths)
    dialog = LeftMachineDialog(worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        pass
    assert dialog.model.rowCount() == 0 and not dialog.empty_label.isHidden()


def test_the_privacy_menu_opens_its_windows(qtbot, logged, settings):
    from minuta.ui.main_window import MainWindow

    window = MainWindow(logged, "keyring (test)", settings=settings)
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Privacy", "&Help"]
    menu = window.privacy_menu
    assert [a.text() for a in menu.actions()] == [
        "A &Person's Data…",
        "&Audit Log…",
        "&What Left This Machine…",
    ]
    menu.audit_action.trigger()
    dialog = menu.dialogs["audit"]
    assert isinstance(dialog, AuditDialog) and dialog.isVisible()
    menu.audit_action.trigger()  # brought to the front, not opened twice
    assert menu.dialogs["audit"] is dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT_MS)
    dialog.reject()
    menu.left_action.trigger()
    assert isinstance(menu.dialogs["left"], LeftMachineDialog)
    menu.dialogs["left"].reject()


def test_showing_a_recovery_key_at_start_up_is_logged(app_paths):
    """The start-up path shows a key that was never confirmed; that showing is logged."""
    from minuta.app.session import init_store
    from minuta.ui.startup import _settle

    store, recovery = init_store(app_paths)
    try:
        _, opened = _settle(store, recovery)  # a new store: its first key is shown
        assert opened.recovery is recovery
        _, again = _settle(store)  # never confirmed: replaced, and shown again
        assert again.recovery is not None
        events = store.audit.events(kinds=[AuditKind.RECOVERY_KEY_VIEWED])
        assert [e.detail for e in events] == [
            {"reason": "replaced", "shown_in": "app"},
            {"reason": "created", "shown_in": "app"},
        ]
        text = str(events)
        assert recovery.formatted() not in text and again.recovery.formatted() not in text
    finally:
        store.close()
