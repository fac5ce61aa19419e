"""Consent before recording: the dialog, and the gate every way of recording goes through."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from settings_support import get_setting, set_setting
from ui_support import on_worker, open_store_on

from minuta.app.consent import ANNOUNCEMENTS
from minuta.core.consent import ConsentRecord
from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.ui.consent_gate import ConsentGate, read_consent_settings
from minuta.ui.dialogs.consent import ConsentDialog, announcement_language

pytestmark = pytest.mark.gui


@pytest.fixture
def store_worker(qtbot, worker, app_paths):
    return open_store_on(qtbot, worker, app_paths)


@pytest.fixture
def gate(qtbot, store_worker):
    return ConsentGate(store_worker)


def ask(
    qtbot, gate: ConsentGate, language: str | None = None, participants: tuple[str, ...] = ()
) -> tuple[ConsentDialog, list[ConsentRecord]]:
    """Ask through the gate; the dialog once it is open, and what on_allowed received."""
    allowed: list[ConsentRecord] = []
    with qtbot.waitSignal(gate.dialog_opened, timeout=10_000) as opened:
        gate.ask(None, language, allowed.append, participants=participants)
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    return dialog, allowed


def decisions(records: list[ConsentRecord]) -> list[Consent]:
    return [record.decision for record in records]


# --- the dialog on its own -----------------------------------------------------------


def test_record_is_disabled_until_an_answer_allows_recording(qtbot):
    dialog = ConsentDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.choice is None
    assert not dialog.record_button.isEnabled()
    # Enter with nothing chosen records nothing and keeps the question open.
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.consent is Consent.UNKNOWN

    dialog.declined_radio.click()
    assert not dialog.record_button.isEnabled()
    assert dialog.decline_button.isVisible()
    assert dialog.declined_message.isVisible()

    dialog.internal_radio.click()
    assert dialog.record_button.isEnabled()
    assert not dialog.decline_button.isVisible()


def test_choosing_informed_accepts_with_informed(qtbot):
    dialog = ConsentDialog(language="en")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.informed_radio.click()
    with qtbot.waitSignal(dialog.accepted):
        dialog.record_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.consent is Consent.INFORMED


def test_the_announcement_follows_the_language_and_can_be_copied(qtbot):
    dialog = ConsentDialog(language="da")
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.announcement_text == ANNOUNCEMENTS["da"]
    assert dialog.language_combo.currentData() == "da"

    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("sv"))
    assert dialog.announcement_text == ANNOUNCEMENTS["sv"]
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == ANNOUNCEMENTS["sv"]
    assert dialog.copied_label.isVisible()


def test_announcement_language_falls_back_in_order_then_to_english():
    assert announcement_language("da") == "da"
    assert announcement_language("nb-NO") == "no"
    assert announcement_language(None, "de", "fi_FI") == "fi"
    assert announcement_language("de", None, "C") == "en"


# --- the gate, over the real store ---------------------------------------------------


def test_informed_calls_on_allowed_and_the_notice_is_remembered(qtbot, gate, store_worker):
    dialog, allowed = ask(qtbot, gate, "da")
    assert dialog.notice_shown  # never answered before: the notice comes first
    assert dialog.announcement_text == ANNOUNCEMENTS["da"]
    assert dialog.choice is None

    dialog.informed_radio.click()
    dialog.record_button.click()
    qtbot.waitUntil(lambda: decisions(allowed) == [Consent.INFORMED])
    assert gate.dialog is None
    qtbot.waitUntil(lambda: get_setting(qtbot, store_worker, Setting.CONSENT_NOTICE_SEEN) is True)

    # The notice only the first time; the question every time.
    dialog, allowed = ask(qtbot, gate, "da")
    assert not dialog.notice_shown
    assert dialog.choice is None


def test_declined_never_calls_on_allowed(qtbot, gate):
    dialog, allowed = ask(qtbot, gate)
    dialog.declined_radio.click()
    with qtbot.waitSignal(gate.declined):
        dialog.decline_button.click()
    assert dialog.consent is Consent.DECLINED
    assert allowed == []
    assert gate.dialog is None


def test_cancelling_records_nothing_and_keeps_the_notice_for_next_time(qtbot, gate, store_worker):
    dialog, allowed = ask(qtbot, gate)
    dialog.informed_radio.click()
    with qtbot.waitSignal(gate.cancelled):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert allowed == []
    assert get_setting(qtbot, store_worker, Setting.CONSENT_NOTICE_SEEN) is False
    dialog, _ = ask(qtbot, gate)
    assert dialog.notice_shown


def test_a_preselected_answer_still_asks_and_enter_records(qtbot, gate, store_worker):
    set_setting(qtbot, store_worker, Setting.CONSENT_PRESELECT, "internal")
    dialog, allowed = ask(qtbot, gate)
    assert dialog.isVisible()  # the question is shown all the same
    assert dialog.choice is Consent.INTERNAL
    assert dialog.record_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: decisions(allowed) == [Consent.INTERNAL])


def test_declined_can_never_be_preselected(qtbot, gate, store_worker):
    set_setting(qtbot, store_worker, Setting.CONSENT_PRESELECT, "declined")
    assert on_worker(qtbot, store_worker, read_consent_settings).preselect is None
    dialog, _ = ask(qtbot, gate)
    assert dialog.choice is None


def test_the_usual_meeting_language_is_used_when_none_is_given(qtbot, gate, store_worker):
    set_setting(qtbot, store_worker, Setting.TRANSCRIPTION_LANGUAGE, "fi")
    dialog, _ = ask(qtbot, gate, None)
    assert dialog.announcement_text == ANNOUNCEMENTS["fi"]
    dialog.reject()
    # The meeting's own language comes first.
    dialog, _ = ask(qtbot, gate, "lt")
    assert dialog.announcement_text == ANNOUNCEMENTS["lt"]


def test_asking_again_while_the_question_is_open_shows_one_question(qtbot, gate):
    dialog, allowed = ask(qtbot, gate)
    second: list[ConsentRecord] = []
    gate.ask(None, None, second.append)  # the hotkey, pressed again
    assert gate.dialog is dialog
    dialog.informed_radio.click()
    dialog.record_button.click()
    qtbot.waitUntil(lambda: decisions(allowed) == [Consent.INFORMED])
    assert second == []
    assert not gate.asking


def test_without_a_store_the_question_is_still_asked(qtbot, worker):
    gate = ConsentGate(worker)  # no store open: the settings cannot be read
    dialog, allowed = ask(qtbot, gate)
    assert dialog.notice_shown
    assert dialog.choice is None
    dialog.informed_radio.click()
    dialog.record_button.click()
    qtbot.waitUntil(lambda: decisions(allowed) == [Consent.INFORMED])
