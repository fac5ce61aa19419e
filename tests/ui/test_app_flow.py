"""The whole app, as a person uses it: real widgets, real PulseAudio, the real model.

Record from the window and from the tray, see live text, mark a highlight, stop,
wait for the final pass, open the meeting, click a line and hear it from there,
search across meetings and open the hit. And: no way into a recording skips
the consent question.
"""

from __future__ import annotations

import re

import pytest
import ui_support
from PySide6.QtCore import Qt
from ui_support import create_store, wait_for_window

from minuta.core.audit import AuditKind
from minuta.core.models import Consent, MeetingState
from minuta.ui.dialogs.consent import ConsentDialog
from minuta.ui.meeting.transcript_model import Column
from minuta.ui.recording.controller import RecorderState
from minuta.ui.tray import QUICK_RECORD, STOP, TrayState
from recording_support import CALL_TEXT, call_speech, play_in_background

pytestmark = pytest.mark.usefixtures("pulse_server")

LIVE_TIMEOUT_MS = 60_000
FINAL_TIMEOUT_MS = 180_000


@pytest.fixture
def app(qtbot, make_app, app_paths):
    create_store(app_paths)
    minuta = make_app()
    wait_for_window(qtbot, minuta)
    qtbot.waitUntil(lambda: minuta.workspace is not None, timeout=10_000)
    return minuta


def consent_dialog(qtbot, workspace) -> ConsentDialog:
    qtbot.waitUntil(lambda: workspace.gate.dialog is not None, timeout=5_000)
    dialog = workspace.gate.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def answer(dialog: ConsentDialog, consent: Consent) -> None:
    radio = {
        Consent.INFORMED: dialog.informed_radio,
        Consent.INTERNAL: dialog.internal_radio,
        Consent.DECLINED: dialog.declined_radio,
    }[consent]
    radio.click()
    if consent.allows_recording:
        dialog.record_button.click()
    else:
        dialog.decline_button.click()


def stored_meetings(qtbot, workspace) -> list:
    """The meetings as the store has them (read on the store's own worker)."""
    result: list = []
    done: list[bool] = []

    def listed(meetings: list) -> None:
        result.extend(meetings)
        done.append(True)

    workspace._worker.submit(lambda store: store.meetings.list(), listed)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    return result


def test_record_from_the_window_then_review_play_and_search(qtbot, app, speech, pulse_server):
    workspace, window = app.workspace, app.window
    controller = workspace.controller

    qtbot.mouseClick(window.record_button, Qt.MouseButton.LeftButton)
    view = workspace.recording_view
    assert window.current_page is view
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    dialog = consent_dialog(qtbot, workspace)
    assert controller.state is RecorderState.IDLE  # nothing records before the answer
    with qtbot.waitSignal(controller.started, timeout=30_000):
        answer(dialog, Consent.INFORMED)
    assert workspace.tray.tooltip()  # the tray says it is recording
    assert workspace.tray.state is TrayState.RECORDING

    player = play_in_background(pulse_server, "call", call_speech(speech))
    qtbot.waitUntil(lambda: view.transcript_model.rowCount() > 0, timeout=LIVE_TIMEOUT_MS)
    with qtbot.waitSignal(controller.highlighted) as marked:
        qtbot.mouseClick(view.highlight_button, Qt.MouseButton.LeftButton)
    highlight_s = marked.args[0]
    player.join()

    with qtbot.waitSignal(controller.final_pass_done, timeout=FINAL_TIMEOUT_MS) as done:
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    meeting_id = done.args[0]

    # The meeting opens by itself once the recording stops; it reloads after the final pass.
    meeting_view = workspace.meeting_view
    assert meeting_view is not None and meeting_view.meeting_id == meeting_id
    assert window.current_page is meeting_view
    qtbot.waitUntil(
        lambda: (
            meeting_view.meeting is not None
            and meeting_view.meeting.state is MeetingState.READY
            and meeting_view.model.rowCount() > 0
        ),
        timeout=10_000,
    )
    assert meeting_view.meeting.consent == Consent.INFORMED.value

    # A click on a line plays from there.
    table = meeting_view.transcript
    last = meeting_view.model.rowCount() - 1
    index = meeting_view.model.index(last, Column.TEXT)
    start_s = meeting_view.model.segment_at(last).start
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: abs(meeting_view.player.position_s - start_s) < 0.5, timeout=10_000)

    stored = next(m for m in stored_meetings(qtbot, workspace) if m.id == meeting_id)
    assert stored.state is MeetingState.READY
    assert highlight_s >= 0.0

    # Search across meetings: the hit opens the meeting at its moment.
    window.show_home()
    # A word of the call that the recording's transcript holds ("quarterly" when
    # Whisper heard it): this checks search and its jump, not how well it heard.
    heard = {
        found
        for row in range(meeting_view.model.rowCount())
        for found in re.findall(r"\w+", meeting_view.model.segment_at(row).text.lower())
    }
    spoken = ("quarterly", "report", "growth", "denmark", "finland", "strong")
    word = next((w for w in spoken if w in heard), None)
    assert word is not None and word in CALL_TEXT.lower(), heard
    window.focus_search()
    with qtbot.waitSignal(window.search.results_ready, check_params_cb=lambda q: q == word):
        qtbot.keyClicks(window.search_field, word)
    hits = window.search.model.hits
    assert [hit.meeting_id for hit in hits] == [meeting_id]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page is workspace.meeting_view, timeout=5_000)
    hit_s = hits[0].time_s
    qtbot.waitUntil(
        lambda: abs(workspace.meeting_view.player.position_s - hit_s) < 0.5, timeout=10_000
    )


def test_quick_recording_from_the_tray(qtbot, app, speech, pulse_server):
    workspace = app.workspace
    controller = workspace.controller
    tray = workspace.tray

    tray.build_menu()
    tray.action(QUICK_RECORD).trigger()
    dialog = consent_dialog(qtbot, workspace)
    assert dialog.parent() is None  # over the call, not inside a hidden window
    with qtbot.waitSignal(controller.started, timeout=30_000):
        answer(dialog, Consent.INTERNAL)
    assert tray.state is TrayState.RECORDING
    tray.build_menu()  # rebuilt each time it opens: now it offers Stop
    assert STOP in tray.action_names() and QUICK_RECORD not in tray.action_names()

    player = play_in_background(pulse_server, "call", call_speech(speech))
    qtbot.waitUntil(
        lambda: workspace.recording_view.transcript_model.rowCount() > 0, timeout=LIVE_TIMEOUT_MS
    )
    player.join()
    with qtbot.waitSignal(controller.finished, timeout=60_000) as finished:
        tray.action(STOP).trigger()
    meeting_id = finished.args[0]
    meetings = {m.id: m for m in stored_meetings(qtbot, workspace)}
    assert meetings[meeting_id].consent == Consent.INTERNAL.value


def _from_window(qtbot, workspace) -> None:
    qtbot.mouseClick(workspace.window.record_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(workspace.recording_view.start_button, Qt.MouseButton.LeftButton)


def _from_tray(qtbot, workspace) -> None:
    workspace.tray.build_menu()
    workspace.tray.action(QUICK_RECORD).trigger()


def _from_hotkey(qtbot, workspace) -> None:
    workspace.hotkey.activated.emit()


def _from_menu(qtbot, workspace) -> None:
    workspace.window.new_recording_action.trigger()
    qtbot.mouseClick(workspace.recording_view.start_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    "entry", [_from_window, _from_menu, _from_tray, _from_hotkey], ids=lambda f: f.__name__
)
@pytest.mark.parametrize("refusal", ["declined", "cancelled"])
def test_no_entry_point_records_without_consent(qtbot, app, app_paths, entry, refusal):
    workspace = app.workspace
    entry(qtbot, workspace)
    dialog = consent_dialog(qtbot, workspace)
    if refusal == "declined":
        with qtbot.waitSignal(workspace.gate.declined):
            answer(dialog, Consent.DECLINED)
    else:
        with qtbot.waitSignal(workspace.gate.cancelled):
            dialog.reject()
    assert workspace.controller.state is RecorderState.IDLE
    assert stored_meetings(qtbot, workspace) == []
    # A refusal is in the audit log (how they were told, no meeting); a cancel is not.
    refusals = ui_support.on_worker(
        qtbot,
        workspace._worker,
        lambda store: store.audit.events(kinds=[AuditKind.RECORDING_DECLINED]),
    )
    expected = [(None, {"method": "spoken"})] if refusal == "declined" else []
    assert [(e.meeting_id, e.detail) for e in refusals] == expected


def test_closing_the_window_keeps_recording_and_quitting_asks_first(qtbot, app, monkeypatch):
    workspace, window = app.workspace, app.window
    controller = workspace.controller
    _from_tray(qtbot, workspace)
    with qtbot.waitSignal(controller.started, timeout=30_000):
        answer(consent_dialog(qtbot, workspace), Consent.INFORMED)

    with qtbot.waitSignal(window.hidden_to_tray):
        window.close()
    assert not window.isVisible()
    assert controller.recording  # the tray carries on

    asked: list[bool] = []

    def answer_quit(answer: bool):
        def confirm(parent) -> bool:
            asked.append(answer)
            return answer

        return confirm

    monkeypatch.setattr("minuta.ui.workspace.confirm_quit_while_recording", answer_quit(False))
    workspace.request_quit()
    assert asked == [False]
    assert controller.recording

    monkeypatch.setattr("minuta.ui.workspace.confirm_quit_while_recording", answer_quit(True))
    with qtbot.waitSignal(workspace.quit_requested, timeout=30_000):
        workspace.request_quit()
    assert asked == [False, True]
    assert not controller.recording
    stored = stored_meetings(qtbot, workspace)
    assert len(stored) == 1  # saved before quitting
    assert stored[0].duration_s > 0


def test_first_start_offers_the_setup_once_the_store_is_open(qtbot, make_app, app_paths):
    create_store(app_paths)
    minuta = make_app(setup=True)
    wait_for_window(qtbot, minuta)
    qtbot.waitUntil(
        lambda: minuta.setup_wizard is not None and minuta.setup_wizard.isVisible(),
        timeout=15_000,
    )
    assert minuta.setup_wizard.parent() is minuta.window
    minuta.setup_wizard.reject()  # later: it is offered again at the next start
