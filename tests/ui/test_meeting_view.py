"""The meeting view over a real store on the worker, with real encrypted audio."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMainWindow, QMessageBox
from tests.harness.meeting_audio import HIGHLIGHT_S, LINES, add_meeting_with_audio
from ui_support import create_store, open_directly, open_on_worker

from minuta.ui.meeting.transcript_model import Column
from minuta.ui.meeting.view import MeetingView

pytestmark = pytest.mark.gui


@pytest.fixture
def meeting_worker(qtbot, worker, app_paths):
    """The worker with a store open on it, holding one meeting with audio; (worker, id)."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_audio(store)
    finally:
        store.close()
    return open_on_worker(qtbot, worker, app_paths), meeting_id


def ask(qtbot, worker, fn):
    """``fn(store)`` on the worker, after everything submitted before it."""
    results: list[object] = []
    worker.submit(fn, results.append, results.append)
    qtbot.waitUntil(lambda: len(results) == 1)
    return results[0]


@pytest.fixture
def view(qtbot, meeting_worker, settings):
    worker, meeting_id = meeting_worker
    view = MeetingView(worker, meeting_id, settings)
    qtbot.addWidget(view)
    with qtbot.waitSignals([view.loaded, view.audio_loaded], timeout=10_000):
        view.resize(1000, 700)
        view.show()
    yield view
    view.shutdown()


def click_line(qtbot, view, row: int) -> None:
    rect = view.transcript.visualRect(view.model.index(row, Column.TEXT))
    qtbot.mouseClick(view.transcript.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_meeting_is_shown(view):
    assert view.title_field.text() == "Nordlys pricing"
    assert "2026-11-20" in view.facts_label.text()
    assert view.model.rowCount() == len(LINES)
    assert [view.model.index(r, Column.TEXT).data() for r in range(3)] == [
        text for *_, text, _hz in LINES
    ]
    assert view.details.highlights_list.count() == 1
    assert view.player_bar.seek_bar.marks == ((HIGHLIGHT_S, "Price"),)
    assert view.player_bar.play_button.isEnabled()
    assert view.player.duration_s == pytest.approx(12.0, abs=0.05)


def test_clicking_a_line_plays_from_its_start(qtbot, view):
    start = LINES[1][1]
    click_line(qtbot, view, 1)
    assert view.player.position_s == pytest.approx(start, abs=0.3)
    assert view.player.playing
    qtbot.waitUntil(lambda: view.player.position_s > start + 0.3, timeout=10_000)
    assert view.model.current_row == 1  # the line being played stands out
    qtbot.keyClick(view.transcript, Qt.Key.Key_Space)
    assert not view.player.playing
    paused_at = view.player.position_s
    assert view.player.position_s == paused_at


def test_play_and_space_toggle_and_the_position_advances(qtbot, view):
    view.player.seek(9.0)
    qtbot.mouseClick(view.player_bar.play_button, Qt.MouseButton.LeftButton)
    assert view.player.playing
    assert view.player_bar.play_button.accessibleName() == "Pause"
    qtbot.waitUntil(lambda: view.player.position_s > 9.3, timeout=10_000)
    qtbot.waitUntil(lambda: view.model.current_row == 2, timeout=10_000)
    view.player_bar.speed_combo.setCurrentIndex(view.player_bar.speed_combo.findData(2.0))
    assert view.player.speed == 2.0
    # The end of the meeting stops playing.
    qtbot.waitUntil(lambda: not view.player.playing, timeout=10_000)
    assert view.player.position_s == pytest.approx(12.0, abs=0.1)


def test_a_word_of_the_selected_line_plays_from_that_word(qtbot, view):
    assert not view.word_strip.isVisible()
    view.transcript.show_row(1, select=True)
    assert view.word_strip.isVisible()
    assert "Then" in view.word_strip.text()
    view.word_strip.linkActivated.emit("0")
    assert view.player.position_s == pytest.approx(LINES[1][1], abs=0.3)
    assert view.player.playing


def test_a_highlight_and_jump_to_go_to_their_moment(qtbot, view):
    item = view.details.highlights_list.item(0)
    view.details.highlights_list.itemClicked.emit(item)
    assert view.player.position_s == pytest.approx(HIGHLIGHT_S, abs=0.3)
    view.player.pause()
    view.jump_to(10.0)
    assert view.player.position_s == 10.0
    assert view.transcript.selected_row() == 2


def test_jump_to_before_the_transcript_is_in(qtbot, meeting_worker, settings):
    worker, meeting_id = meeting_worker
    view = MeetingView(worker, meeting_id, settings)
    qtbot.addWidget(view)
    view.jump_to(6.5)  # straight after opening, as a search hit does
    with qtbot.waitSignal(view.loaded):
        view.show()
    assert view.player.position_s == 6.5
    assert view.transcript.selected_row() == 1
    view.shutdown()


def test_a_corrected_line_is_stored_and_found(qtbot, view):
    worker = view._worker
    index = view.model.index(0, Column.TEXT)
    view.transcript.setCurrentIndex(index)
    view.transcript.setFocus()
    qtbot.keyClick(view.transcript, Qt.Key.Key_F2)
    editor = view.transcript.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.setText("Vi mødes på fredag i Zanzibar.")
    with qtbot.waitSignal(view.line_saved):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    segments = ask(qtbot, worker, lambda store: store.meetings.segments(view.meeting_id))
    assert segments[0].text == "Vi mødes på fredag i Zanzibar."
    hits = ask(qtbot, worker, lambda store: store.search.search("zanzibar"))
    assert [hit.meeting_id for hit in hits] == [view.meeting_id]
    assert view.find_text("zanzibar") == 0
    assert not view.word_strip.isVisible()  # a corrected line has no word timings left


def test_participants_title_and_notes_are_saved(qtbot, view):
    worker = view._worker
    field = view.details.participants_field
    field.setText(" Anna Berg,  Bo ,, ")
    with qtbot.waitSignal(view.meeting_changed) as changed:
        field.editingFinished.emit()
    assert changed.args == [view.meeting_id]
    assert field.text() == "Anna Berg, Bo"
    meeting = ask(qtbot, worker, lambda store: store.meetings.get(view.meeting_id))
    assert meeting.participants == ("Anna Berg", "Bo")

    view.title_field.setText("Nordlys pricing, round two")
    with qtbot.waitSignal(view.meeting_changed):
        view.title_field.editingFinished.emit()
    meeting = ask(qtbot, worker, lambda store: store.meetings.get(view.meeting_id))
    assert meeting.title == "Nordlys pricing, round two"

    view.details.notes_field.setPlainText("Send the offer on Monday.")
    assert view.details.notes_pending  # saved after a pause in typing…
    qtbot.waitUntil(lambda: not view.details.notes_pending, timeout=3_000)
    meeting = ask(qtbot, worker, lambda store: store.meetings.get(view.meeting_id))
    assert meeting.notes == "Send the offer on Monday."
    view.details.notes_field.setPlainText("Send the offer on Tuesday.")
    view.hide()  # …or at once when the view goes away
    meeting = ask(qtbot, worker, lambda store: store.meetings.get(view.meeting_id))
    assert meeting.notes == "Send the offer on Tuesday."


def test_find_bar_selects_matches(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.transcript.setFocus()
    qtbot.keyClick(view.transcript, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = view.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "ELEPHANT")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.transcript.selected_row() == 1
    bar.field.setText("i")  # in every line
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.transcript.selected_row() == 2
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.transcript.selected_row() == 1
    bar.field.setText("zanzibar")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status_label.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert "Ctrl+F" in view.find_button.toolTip()
    qtbot.mouseClick(view.find_button, Qt.MouseButton.LeftButton)
    assert bar.isVisible()


def test_export_writes_the_chosen_file(qtbot, view, settings, tmp_path, monkeypatch):
    target = tmp_path / "nordlys.md"
    with qtbot.waitSignal(view.exported, timeout=10_000) as exported:
        view.export_to("md", target)
    assert exported.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Nordlys pricing")
    assert "purple elephant contract" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "not encrypted" in view.message_label.text()

    chosen = tmp_path / "nordlys"  # the dialog may give a name without its extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    docx = next(a for a in view.export_menu.actions() if a.data() == "docx")
    with qtbot.waitSignal(view.exported, timeout=10_000):
        docx.trigger()
    assert zipfile.is_zipfile(tmp_path / "nordlys.docx")
    # The folder's name may be a customer's: it is not kept in the plain settings file.
    settings.sync()
    stored = Path(settings.fileName())
    assert not stored.exists() or str(tmp_path) not in stored.read_text(encoding="utf-8")

    # The next export starts in the same folder, for this run.
    offered: list[str] = []

    def remember(_parent, _caption, start, *args, **kwargs):
        offered.append(start)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", remember)
    docx.trigger()
    assert Path(offered[0]).parent == tmp_path


def test_delete_asks_first_then_removes_the_meeting(qtbot, view, monkeypatch):
    worker, meeting_id = view._worker, view.meeting_id
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *args):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "Nordlys pricing" in asked[0]
    assert len(ask(qtbot, worker, lambda store: store.meetings.list())) == 1

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(view.deleted) as deleted:
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [meeting_id]
    assert ask(qtbot, worker, lambda store: store.meetings.list()) == []


def test_final_pass_progress_and_cancel(qtbot, view):
    assert not view.final_pass.isVisible()
    view.set_final_pass_progress(0.4)
    assert view.final_pass.isVisible()
    assert view.final_pass.progress.value() == 400
    with qtbot.waitSignal(view.cancel_final_pass_requested) as cancelled:
        qtbot.mouseClick(view.final_pass.cancel_button, Qt.MouseButton.LeftButton)
    assert cancelled.args == [view.meeting_id]
    view.set_final_pass_progress(None)
    assert not view.final_pass.isVisible()
    with qtbot.waitSignal(view.loaded):
        view.reload()


def test_back_button_and_alt_left(qtbot, view):
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.transcript.setFocus()
    with qtbot.waitSignal(view.back_requested):
        qtbot.keyClick(view.transcript, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)


def test_find_and_back_keys_win_over_the_main_windows_own(qtbot, meeting_worker, settings):
    """Inside a window that binds Ctrl+F and Alt+Left itself, as the main window does."""
    worker, meeting_id = meeting_worker
    window = QMainWindow()
    qtbot.addWidget(window)
    triggered: list[str] = []
    for name, keys in (
        ("find", QKeySequence.StandardKey.Find),
        ("back", QKeySequence.StandardKey.Back),
    ):
        action = QAction(name, window)
        action.setShortcut(keys)
        action.triggered.connect(lambda _checked=False, n=name: triggered.append(n))
        window.addAction(action)
    view = MeetingView(worker, meeting_id, settings)
    window.setCentralWidget(view)
    with qtbot.waitSignal(view.loaded):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.transcript.setFocus()
    qtbot.keyClick(view.transcript, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Escape)
    view.transcript.setFocus()
    with qtbot.waitSignal(view.back_requested):
        qtbot.keyClick(view.transcript, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert triggered == []
    view.shutdown()
