"""Retention in the app: the settings page's live preview, the meeting's "keep", and the
runner that applies the rules at start-up; a real store on the worker, a controlled clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from settings_support import get_setting
from tests.harness.retention import make_meeting
from ui_support import create_store, on_worker, open_directly, open_on_worker

from minuta.app.meetings import delete_audio
from minuta.app.retention import load_settings
from minuta.core.audit import AuditKind
from minuta.core.retention import AUDIO, AudioRule, RetentionPolicy, RetentionSettings
from minuta.store.settings import DEFAULTS, Setting
from minuta.ui.main_window import MainWindow
from minuta.ui.meeting.view import MeetingView
from minuta.ui.retention_runner import RetentionRunner, report_text
from minuta.ui.settings.retention_page import RetentionPage, load_retention_page
from minuta.ui.settings_dialog import Section, SettingsDialog

pytestmark = pytest.mark.gui

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def meetings(qtbot, worker, app_paths) -> dict[str, int]:
    """Three meetings with audio, open on the worker: one due now, two due within 30 days."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        ids = {
            "old": make_meeting(store, "Old call", NOW - 40 * DAY).id,
            "fresh": make_meeting(store, "Fresh call", NOW - 5 * DAY).id,
            "interview": make_meeting(
                store, "Interview", NOW - 10 * DAY, template="recruiting_interview"
            ).id,
        }
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    return ids


def click(qtbot, button) -> None:
    """Click a check box or radio button on its box (a wide one ignores clicks past its text)."""
    qtbot.mouseClick(button, Qt.LeftButton, pos=QPoint(8, button.height() // 2))


def lines(page: RetentionPage) -> list[str]:
    return [page.preview_list.item(row).text() for row in range(page.preview_list.count())]


def edit(qtbot, page: RetentionPage, change) -> None:
    with qtbot.waitSignal(page.preview_shown, timeout=10_000):
        change()


def test_the_preview_follows_the_rules_being_edited(qtbot, worker, meetings):
    page = RetentionPage(worker, now=lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.preview_shown, timeout=10_000) as shown:
        worker.submit(load_retention_page, page.set_data)
    assert keys(shown.args[0].due) == {(meetings["old"], AUDIO)}
    assert lines(page) == [
        "Old call \u2014 audio, due now",
        "Interview \u2014 audio on 21 Jun 2026",
        "Fresh call \u2014 audio on 26 Jun 2026",
    ]
    assert page.preview_label.text() == ("In the next 30 days, these rules delete from 3 meetings:")
    assert page.editor.days_radio.isChecked() and page.editor.days_spin.value() == 30
    assert page.changed_settings() is None  # as stored

    # Keep all audio: nothing left to delete.
    edit(qtbot, page, lambda: click(qtbot, page.editor.keep_audio_radio))
    assert lines(page) == []
    assert page.preview_label.text() == "Nothing will be deleted in the next 30 days."

    # Interviews get their own rules: audio 3 days after the interview.
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("recruiting_interview"))
    assert not page.own_rules_box.isChecked() and not page.editor.isEnabled()
    edit(qtbot, page, lambda: page.own_rules_box.setChecked(True))
    assert page.editor.isEnabled() and page.editor.keep_audio_radio.isChecked()
    page.editor.days_spin.setValue(3)
    edit(qtbot, page, lambda: page.editor.days_radio.setChecked(True))
    assert lines(page) == ["Interview \u2014 audio, due now"]
    assert page.preview_label.text() == ("In the next 30 days, these rules delete from 1 meeting:")

    expected = RetentionSettings(
        RetentionPolicy(audio_days=None),
        {"recruiting_interview": RetentionPolicy.from_rule(AudioRule.DAYS_AFTER_MEETING, 3)},
    )
    assert page.changed_settings() == expected
    # Nothing is stored before Save.
    assert get_setting(qtbot, worker, Setting.RETENTION) == DEFAULTS[Setting.RETENTION]

    # Back to the rules for all meetings for interviews: the type's own rules go.
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("recruiting_interview"))
    edit(qtbot, page, lambda: page.own_rules_box.setChecked(False))
    assert lines(page) == []
    assert page.changed_settings() == RetentionSettings(RetentionPolicy(audio_days=None))


def keys(actions) -> set[tuple[int, str]]:
    return {action.key for action in actions}


def test_the_settings_dialog_saves_the_rules(qtbot, worker, meetings, app_paths, settings):
    dialog = SettingsDialog(worker, app_paths, qsettings=settings)
    qtbot.addWidget(dialog)
    with qtbot.waitSignals([dialog.loaded, dialog.retention_page.preview_shown], timeout=10_000):
        dialog.open()
    dialog.show_section(Section.RETENTION)
    assert dialog.current_section is Section.RETENTION
    editor = dialog.retention_page.editor
    editor.months_spin.setValue(6)
    editor.months_radio.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    stored = on_worker(qtbot, worker, load_settings)
    assert stored == RetentionSettings(RetentionPolicy(audio_days=30, transcript_months=6))
    events = on_worker(
        qtbot, worker, lambda store: store.audit.events(kinds=[AuditKind.SETTING_CHANGED])
    )
    assert [e.detail for e in events] == [{"setting": "privacy/retention"}]


def open_view(qtbot, worker, meeting_id, settings) -> MeetingView:
    view = MeetingView(worker, meeting_id, settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def test_the_keep_toggle_is_stored_and_shown_again(qtbot, worker, meetings, settings):
    meeting_id = meetings["old"]
    view = open_view(qtbot, worker, meeting_id, settings)
    assert not view.details.keep_box.isChecked()
    view.side_tabs.setCurrentWidget(view.details)
    with qtbot.waitSignal(view.keep_saved, timeout=10_000) as saved:
        click(qtbot, view.details.keep_box)
    assert saved.args == [True]
    assert on_worker(qtbot, worker, lambda store: store.meetings.get(meeting_id).keep)
    events = on_worker(
        qtbot, worker, lambda store: store.audit.events(kinds=[AuditKind.KEEP_CHANGED])
    )
    assert [(e.meeting_id, e.detail) for e in events] == [(meeting_id, {"keep": 1})]
    view.shutdown()

    again = open_view(qtbot, worker, meeting_id, settings)
    assert again.details.keep_box.isChecked()
    # A kept meeting is out of the rules.
    runner = RetentionRunner(worker, now=lambda: NOW)
    with qtbot.waitSignal(runner.finished, timeout=20_000) as finished:
        runner.start()
    assert meeting_id not in finished.args[0].audio_meetings
    runner.stop()
    again.shutdown()


def test_a_meeting_whose_audio_was_deleted_says_so(qtbot, worker, meetings, settings):
    meeting_id = meetings["fresh"]
    on_worker(qtbot, worker, lambda store: delete_audio(store, meeting_id, reason="user", at=NOW))
    view = open_view(qtbot, worker, meeting_id, settings)
    status = view.player_bar.status_label
    qtbot.waitUntil(lambda: "deleted" in status.text(), timeout=10_000)
    assert status.text() == "The audio of this meeting was deleted on 1 Jun 2026."
    assert view.model.rowCount() == 1  # the transcript is still there
    view.shutdown()


def test_the_runner_applies_the_rules_at_start_and_daily(qtbot, worker, meetings):
    clock = [NOW]
    runner = RetentionRunner(worker, now=lambda: clock[0])
    with qtbot.waitSignal(runner.finished, timeout=20_000) as finished:
        runner.start()
    report = finished.args[0]
    assert keys(report.done) == {(meetings["old"], AUDIO)}
    assert report_text(report) == "Retention: audio of 1 meeting deleted"
    gone = on_worker(
        qtbot, worker, lambda store: store.meetings.get(meetings["old"]).audio_deleted_at
    )
    assert gone == NOW

    # Within the day nothing runs again; a day later (or after a wake-up) it does.
    clock[0] = NOW + 23 * timedelta(hours=1)
    runner.run_if_due()
    assert not runner.running
    clock[0] = NOW + 25 * DAY
    with qtbot.waitSignal(runner.finished, timeout=20_000) as finished:
        runner.run_if_due()
    assert keys(finished.args[0].done) == {
        (meetings["fresh"], AUDIO),
        (meetings["interview"], AUDIO),
    }
    runner.stop()


def test_the_main_window_runs_retention_and_says_what_it_deleted(
    qtbot, worker, app_paths, settings
):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        old = make_meeting(store, "Old call", datetime.now(UTC) - 40 * DAY).id
        make_meeting(store, "Fresh call", datetime.now(UTC) - DAY)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    window = MainWindow(worker, "keyring (test)", settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.retention_runner.finished, timeout=20_000) as finished:
        window.show()
    assert finished.args[0].audio_meetings == (old,)
    assert window.statusBar().currentMessage() == "Retention: audio of 1 meeting deleted"
