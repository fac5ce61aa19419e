"""The consent record in the app: asked in the dialog, kept with the recording, shown with
the meeting, and carried (logged) by its exports."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from tests.harness.meeting_audio import add_meeting_with_audio
from ui_support import add_meeting, create_store, on_worker, open_directly, open_on_worker

from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import Consent
from minuta.ui.consent_gate import ConsentGate
from minuta.ui.dialogs.consent import ConsentDialog
from minuta.ui.meeting.view import MeetingView

pytestmark = pytest.mark.gui

KARI = "Kari Nordmann <kari@nordlys.no>"


def ask(
    qtbot, gate: ConsentGate, participants=(), on_allowed=None
) -> tuple[ConsentDialog, list[ConsentRecord]]:
    """Ask through the gate; the dialog, and what ``on_allowed`` (or a list) received."""
    allowed: list[ConsentRecord] = []

    def received(record: ConsentRecord) -> None:
        allowed.append(record)
        if on_allowed is not None:
            on_allowed(record)

    with qtbot.waitSignal(gate.dialog_opened, timeout=10_000) as opened:
        gate.ask(None, "no", received, participants=participants)
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    return dialog, allowed


def choose_method(dialog: ConsentDialog, method: ConsentMethod) -> None:
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData(method.value))


# --- the dialog ------------------------------------------------------------------------


def test_how_and_who_start_from_the_participants_and_follow_the_answer(qtbot):
    dialog = ConsentDialog(informed=(KARI, "Ola Hansen"))
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.method is ConsentMethod.SPOKEN
    assert dialog.informed_field.text() == f"{KARI}, Ola Hansen"
    assert dialog.consent_record is None

    dialog.internal_radio.click()  # an internal meeting: the workplace's policy
    assert dialog.method is ConsentMethod.POLICY
    dialog.informed_radio.click()  # and back
    assert dialog.method is ConsentMethod.SPOKEN

    # Both can be reached from the keyboard, and are named for screen readers.
    assert dialog.method_combo.accessibleName() and dialog.informed_field.accessibleName()
    assert dialog.method_combo.focusPolicy() != 0 and dialog.informed_field.focusPolicy() != 0


def test_a_usual_method_is_offered_and_the_record_holds_what_was_shown(qtbot):
    dialog = ConsentDialog(language="da", method=ConsentMethod.CHAT)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.method is ConsentMethod.CHAT
    dialog.informed_field.setText("Ingrid Berg; Ola ,")
    dialog.informed_radio.click()
    before = datetime.now(UTC)
    with qtbot.waitSignal(dialog.accepted):
        dialog.record_button.click()
    record = dialog.consent_record
    assert record is not None
    assert (record.decision, record.method) == (Consent.INFORMED, ConsentMethod.CHAT)
    assert record.informed == ("Ingrid Berg", "Ola")
    assert record.announcement_language == "da"
    assert before <= record.recorded_at <= datetime.now(UTC)
    assert dialog.consent is Consent.INFORMED  # the old answer is there as before


# --- the gate --------------------------------------------------------------------------


def test_the_gate_hands_on_the_record_and_remembers_how(qtbot, store_worker):
    gate = ConsentGate(store_worker)
    dialog, allowed = ask(qtbot, gate, participants=(KARI,))
    assert dialog.informed_field.text() == KARI
    choose_method(dialog, ConsentMethod.INVITATION)
    dialog.informed_field.setText(f"{KARI}, Ola Hansen")
    dialog.informed_radio.click()
    dialog.record_button.click()
    qtbot.waitUntil(lambda: len(allowed) == 1)
    [record] = allowed
    assert (record.decision, record.method) == (Consent.INFORMED, ConsentMethod.INVITATION)
    assert record.informed == (KARI, "Ola Hansen")
    assert record.announcement_language == "no"

    dialog, _ = ask(qtbot, gate)  # the next question offers the same way of telling
    assert dialog.method is ConsentMethod.INVITATION
    dialog.reject()


def test_a_refusal_in_the_dialog_is_logged_and_records_nothing(qtbot, store_worker):
    gate = ConsentGate(store_worker)
    dialog, allowed = ask(qtbot, gate, participants=(KARI,))
    choose_method(dialog, ConsentMethod.CHAT)
    dialog.declined_radio.click()
    with qtbot.waitSignal(gate.declined):
        dialog.decline_button.click()
    assert allowed == []
    events = on_worker(
        qtbot,
        store_worker,
        lambda store: store.audit.events(kinds=[AuditKind.RECORDING_DECLINED]),
    )
    assert [(e.meeting_id, e.detail) for e in events] == [(None, {"method": "chat"})]
    assert on_worker(qtbot, store_worker, lambda store: store.meetings.list()) == []


@pytest.mark.usefixtures("devices_restored")
def test_what_the_dialog_says_is_kept_with_the_recording(qtbot, store_worker, make_controller):
    """The tray's way: gate, then a quick start with the record the dialog made."""
    controller = make_controller(final_pass=False)
    gate = ConsentGate(store_worker)
    dialog, gate_records = ask(
        qtbot,
        gate,
        participants=(KARI,),
        # As the workspace's tray action does.
        on_allowed=lambda record: controller.start_quick(record, title="Nordlys", live=False),
    )
    choose_method(dialog, ConsentMethod.EMAIL)
    dialog.informed_field.setText(f"{KARI}, Ola Hansen")
    dialog.informed_radio.click()
    with qtbot.waitSignal(controller.started, timeout=20_000) as started:
        dialog.record_button.click()
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        controller.stop()
    meeting_id = started.args[0]
    saved, meeting, events = on_worker(
        qtbot,
        store_worker,
        lambda store: (
            store.consent.get(meeting_id),
            store.meetings.get(meeting_id),
            store.audit.events(kinds=[AuditKind.RECORDING_STARTED]),
        ),
    )
    assert saved == gate_records[0]
    assert saved.informed == (KARI, "Ola Hansen") and saved.method is ConsentMethod.EMAIL
    assert meeting.consent == "informed"
    assert [(e.meeting_id, e.detail) for e in events] == [
        (meeting_id, {"decision": "informed", "method": "email"})
    ]


# --- the meeting -----------------------------------------------------------------------


@pytest.fixture
def meetings(qtbot, worker, app_paths):
    """A recorded meeting with a consent record and an imported one; (worker, ids)."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        recorded = add_meeting_with_audio(store)
        store.consent.save(
            recorded,
            ConsentRecord(
                Consent.INFORMED,
                ConsentMethod.CHAT,
                (KARI, "Ola Hansen"),
                datetime(2026, 11, 23, 9, 2, tzinfo=UTC),
            ),
        )
        imported = add_meeting(store, "Imported call")
    finally:
        store.close()
    return open_on_worker(qtbot, worker, app_paths), (recorded, imported)


def open_view(qtbot, worker, meeting_id, settings) -> MeetingView:
    view = MeetingView(worker, meeting_id, settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def test_the_meeting_shows_its_consent_and_exports_carry_it(qtbot, meetings, settings, tmp_path):
    worker, (recorded, imported) = meetings
    view = open_view(qtbot, worker, recorded, settings)
    try:
        shown = view.details.consent_label.text().splitlines()
        assert shown[0] == "Everyone informed and agreed"
        assert shown[1].startswith("Posted in the call's chat · 23 Nov 2026")
        assert shown[2] == "Informed: Kari Nordmann, Ola Hansen"

        target = tmp_path / "nordlys.json"
        with qtbot.waitSignal(view.exported, timeout=10_000):
            view.export_to("json", target)
        written = target.read_bytes()
        head = json.loads(written)["audit_head"]
        assert json.loads(written)["consent"]["method"] == "chat"

        def logged(store):
            [entry] = store.exports.list()
            verified = store.audit.verify(expected_heads=[head])
            events = store.audit.events(kinds=[AuditKind.MEETING_EXPORTED])
            return store.exports.get(entry.id), verified.ok, events

        entry, ok, [event] = on_worker(qtbot, worker, logged)
        assert entry.payload == written  # the log holds exactly what was written
        assert entry.destination == str(target)
        assert ok and event.detail["sha256"] == entry.digest
    finally:
        view.shutdown()

    view = open_view(qtbot, worker, imported, settings)
    try:
        assert view.details.consent_label.text() == "Not recorded (imported file)"
    finally:
        view.shutdown()
