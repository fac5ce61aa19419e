"""One meeting: its details, transcript and notes, and its audio to play.

Everything the store holds is read and written through the
:class:`~minuta.ui.store_worker.StoreWorker`; decoding the audio, which takes
a while for a long meeting, runs on a thread of its own so that the transcript
can be read, searched and edited meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from minuta.app.playback import ChannelFile, decode_mix
from minuta.core.models import Meeting
from minuta.core.timecode import clock
from minuta.logs import register_sensitive
from minuta.store.store import Store
from minuta.ui.background import run_in_background, when_done
from minuta.ui.consent_text import consent_summary
from minuta.ui.meeting import store_tasks
from minuta.ui.meeting.actions import MeetingActions, reason
from minuta.ui.meeting.background import submit_for
from minuta.ui.meeting.details import DetailsPanel
from minuta.ui.meeting.find_bar import FindBar
from minuta.ui.meeting.header import FinalPassBar, MeetingHeader
from minuta.ui.meeting.player import AudioPlayer
from minuta.ui.meeting.player_bar import PlayerBar
from minuta.ui.meeting.summary.summary_tab import SummaryTab
from minuta.ui.meeting.transcript_list import TranscriptList
from minuta.ui.meeting.transcript_model import TranscriptModel
from minuta.ui.meeting.word_strip import WordStrip
from minuta.ui.meetings_model import language_name
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

_SPLITTER_KEY = "meeting_view/splitter"


def _local_date(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


class MeetingView(QWidget):
    deleted = Signal(int)
    back_requested = Signal()
    meeting_changed = Signal(int)  # title or participants were saved
    cancel_final_pass_requested = Signal(int)
    loaded = Signal()  # details and transcript are shown (after each reload too)
    audio_loaded = Signal()  # the audio is decoded: play works
    line_saved = Signal(int)  # a corrected line is stored (segment id)
    exported = Signal(str)  # path of a written export
    keep_saved = Signal(bool)  # the user's "keep this meeting" is stored

    def __init__(
        self,
        worker: StoreWorker,
        meeting_id: int,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._settings = settings if settings is not None else QSettings()
        self._meeting: Meeting | None = None
        self._stored_text: dict[int, str] = {}
        self._pending_jump: float | None = None
        self._audio_requested = False
        self._audio_ready = False

        self.player = AudioPlayer(self)
        self.model = TranscriptModel()
        self.model.edit_requested.connect(self._save_line)
        self.meeting_actions = MeetingActions(worker, meeting_id, self)
        self._build()
        self._connect()
        self._load()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.header = MeetingHeader()
        self.back_button = self.header.back_button
        self.title_field = self.header.title_field
        self.find_button = self.header.find_button
        self.export_button = self.header.export_button
        self.delete_button = self.header.delete_button
        self.export_menu = self.meeting_actions.export_menu
        self.export_button.setMenu(self.export_menu)
        self.facts_label = QLabel()
        self.facts_label.setAccessibleName(self.tr("Date and length"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.hide()

        self.final_pass = FinalPassBar()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.transcript = TranscriptList(self.model)
        self.word_strip = WordStrip()
        self.details = DetailsPanel()
        transcript = QWidget()
        transcript_layout = QVBoxLayout(transcript)
        transcript_layout.setContentsMargins(0, 0, 0, 0)
        transcript_layout.addWidget(self.find_bar)
        transcript_layout.addWidget(self.transcript, 1)
        transcript_layout.addWidget(self.word_strip)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(transcript)
        self.splitter.addWidget(self._side_tabs())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = self._settings.value(_SPLITTER_KEY)
        if state:
            self.splitter.restoreState(state)

        self.player_bar = PlayerBar(self.player, self._settings)
        self.player_bar.show_status(self.tr("Loading audio…"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.final_pass)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.player_bar)
        QWidget.setTabOrder(self.delete_button, self.transcript)
        QWidget.setTabOrder(self.transcript, self.word_strip)
        QWidget.setTabOrder(self.word_strip, self.side_tabs)
        QWidget.setTabOrder(self.side_tabs, self.player_bar)

    def _side_tabs(self) -> QTabWidget:
        self.summary_tab = SummaryTab(self._worker, self._meeting_id)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.details, self.tr("Details"))
        self.side_tabs.addTab(self.summary_tab, self.tr("Summary"))
        return self.side_tabs

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.find_button.clicked.connect(self.find_bar.open_bar)
        self.title_field.editingFinished.connect(self._title_done)
        self.delete_button.clicked.connect(self.confirm_delete)
        self.export_menu.format_chosen.connect(self._export_chosen)
        self.meeting_actions.message.connect(self._show_message)
        self.meeting_actions.exported.connect(self.exported)
        self.meeting_actions.delete_confirmed.connect(self.player.close)
        self.meeting_actions.deleted.connect(self.deleted)
        self.final_pass.cancel_requested.connect(
            lambda: self.cancel_final_pass_requested.emit(self._meeting_id)
        )
        self.transcript.line_clicked.connect(self._line_clicked)
        self.transcript.toggle_requested.connect(self._toggle)
        self.transcript.selectionModel().currentChanged.connect(self._line_selected)
        self.model.modelReset.connect(lambda: self.word_strip.set_segment(None))
        self.model.dataChanged.connect(
            lambda *_: self._line_selected(self.transcript.currentIndex())
        )
        self.word_strip.word_clicked.connect(self._play_from)
        self.find_bar.find_requested.connect(self.find_text)
        self.find_bar.closed.connect(self.transcript.setFocus)
        self.details.participants_edited.connect(self._save_participants)
        self.details.notes_edited.connect(self._save_notes)
        self.details.highlight_activated.connect(self._play_from)
        self.details.keep_changed.connect(self._save_keep)
        self.player.position_changed.connect(self._follow)
        self.summary_tab.play_requested.connect(self._play_moment)

    # --- the integrator's API -----------------------------------------------------

    @property
    def meeting_id(self) -> int:
        return self._meeting_id

    @property
    def meeting(self) -> Meeting | None:
        return self._meeting

    def reload(self) -> None:
        """Read the meeting again (after the final pass replaced its transcript)."""
        self._load()
        self.summary_tab.reload()

    def jump_to(self, t_s: float) -> None:
        """Go to a moment (a search hit): select its line and move the player there."""
        if self._meeting is None:
            self._pending_jump = t_s  # done once the transcript is in
            return
        self.player.seek(t_s)
        row = self.model.row_at(t_s)
        if row is not None:
            self.transcript.show_row(row, select=True, center=True)

    def set_final_pass_progress(self, fraction: float | None) -> None:
        """Show the final pass's progress (0–1) with a Cancel button, or hide it with None."""
        self.final_pass.set_progress(fraction)

    def shutdown(self) -> None:
        """Stop playing and save typed notes: call before the view is thrown away."""
        self.details.flush_notes()
        self.summary_tab.shutdown()
        self.player.close()

    # --- loading ------------------------------------------------------------------

    def _submit(
        self,
        task: Callable[[Store | None], Any],
        on_done: Callable[..., None] | None,
        on_error: Callable[[Exception], None],
    ) -> None:
        submit_for(self, self._worker, task, on_done, on_error)

    def _load(self) -> None:
        self._submit(store_tasks.load(self._meeting_id), self._show, self._load_failed)

    def _show(self, data: store_tasks.MeetingData) -> None:
        meeting = self._meeting = data.meeting
        register_sensitive(*meeting.participants)  # never in a log line, whoever logs it
        if not self.title_field.hasFocus():
            self.title_field.setText(meeting.title)
        date = meeting.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.facts_label.setText(f"{date} · {clock(meeting.duration_s)}")
        self.details.set_meeting(meeting, language_name(meeting.language))
        self.details.set_consent(consent_summary(meeting, data.consent))
        self.details.set_keep(meeting.keep)
        if meeting.transcript_deleted_at is not None and not data.segments:
            self._show_message(
                self.tr("The transcript of this meeting was deleted on {date}.").format(
                    date=_local_date(meeting.transcript_deleted_at)
                )
            )
        self.details.set_highlights(data.highlights)
        self.player_bar.set_marks([(h.t_s, h.label) for h in data.highlights])
        self.player.set_duration(meeting.duration_s)
        if not self._audio_ready:
            self.player_bar.set_duration(meeting.duration_s)
        self._stored_text = {s.id: s.text for s in data.segments if s.id is not None}
        self.model.set_segments(data.segments)
        if self._audio_ready:
            self.player.set_speech([(s.start, s.end) for s in data.segments])
        if not self._audio_requested:
            self._audio_requested = True
            self._submit(
                store_tasks.audio_files(self._meeting_id), self._decode, self._audio_failed
            )
        if self._pending_jump is not None:
            t_s, self._pending_jump = self._pending_jump, None
            self.jump_to(t_s)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        log.error("loading a meeting failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("This meeting could not be opened ({reason}).").format(reason=reason(exc))
        )

    def _decode(self, files: list[ChannelFile]) -> None:
        deleted = self._meeting.audio_deleted_at if self._meeting is not None else None
        if not files and deleted is not None:
            self.player_bar.show_status(
                self.tr("The audio of this meeting was deleted on {date}.").format(
                    date=_local_date(deleted)
                )
            )
            return
        if not files:
            self.player_bar.show_status(self.tr("This meeting has no audio."))
            return
        when_done(
            run_in_background(partial(decode_mix, files), "minuta-decode"),
            self,
            self._audio_decoded,
            self._audio_failed,
        )

    def _audio_decoded(self, samples: np.ndarray) -> None:
        meeting = self._meeting
        duration = meeting.duration_s if meeting is not None else 0.0
        speech = [(s.start, s.end) for s in self.model.segments]
        self.player.load(samples, duration, speech)
        self._audio_ready = True
        self.player_bar.set_duration(self.player.duration_s)
        self.player_bar.set_audio_ready(True)
        self.player_bar.show_status("")
        self.audio_loaded.emit()

    def _audio_failed(self, exc: BaseException) -> None:
        log.error("loading a meeting's audio failed: %s", type(exc).__name__)
        self.player_bar.show_status(
            self.tr(
                "The audio could not be loaded ({reason}). The transcript is still here."
            ).format(reason=reason(exc))
        )

    # --- transcript and playback --------------------------------------------------

    def _line_selected(self, index: QModelIndex) -> None:
        valid = index.isValid() and index.row() < self.model.rowCount()
        self.word_strip.set_segment(self.model.segment_at(index.row()) if valid else None)

    def _line_clicked(self, row: int) -> None:
        self._play_from(self.model.segment_at(row).start)

    def _play_from(self, t_s: float) -> None:
        self.player.seek(t_s)
        if self._audio_ready:
            self.player.play()

    def _play_moment(self, t_s: float) -> None:
        # A summary's evidence: show its line and play it.
        self.jump_to(t_s)
        if self._audio_ready:
            self.player.play()

    def _follow(self, t_s: float) -> None:
        row = self.model.row_at(t_s)
        if row == self.model.current_row:
            return
        self.model.set_current_row(row)
        if row is not None and self.player.playing and not self.transcript.editing:
            self.transcript.show_row(row, select=False)

    def find_text(self, text: str, backwards: bool = False) -> int | None:
        """Select the next (or previous) line holding ``text``; its row, or None."""
        selected = self.transcript.selected_row()
        if selected is not None:
            start = selected + (-1 if backwards else 1)
        else:
            start = self.model.rowCount() - 1 if backwards else 0
        row = self.model.find(text, start, backwards=backwards)
        self.find_bar.set_found(row is not None)
        if row is not None:
            self.transcript.show_row(row, select=True)
        return row

    def event(self, event: QEvent) -> bool:
        # Find (Ctrl+F) and Back (Alt+Left) mean this view's own find bar and "back" while
        # the focus is in it. The main window binds the same keys to its own actions; a
        # QShortcut here would make them ambiguous and neither would fire. Claiming the
        # keys as they are offered to the focused widget, before any shortcut, avoids that.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Find):
                event.accept()
                self.find_bar.open_bar()
                return True
            if event.matches(QKeySequence.StandardKey.Back):
                event.accept()
                self.back_requested.emit()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space reaches here from whatever does not use it itself (the seek bar, labels).
        if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._toggle()
            return
        super().keyPressEvent(event)

    def _toggle(self) -> None:
        if self._audio_ready:
            self.player.toggle()

    # --- edits --------------------------------------------------------------------

    def _title_done(self) -> None:
        title = self.title_field.text().strip()
        if self._meeting is None or title == self._meeting.title:
            return
        if not title:
            self.title_field.setText(self._meeting.title)  # a meeting keeps a title
            return
        self._save_details(title=title)

    def _save_participants(self, names: list[str]) -> None:
        self._save_details(participants=names)

    def _save_details(
        self, *, title: str | None = None, participants: list[str] | None = None
    ) -> None:
        task = store_tasks.update_details(self._meeting_id, title=title, participants=participants)
        self._submit(
            task, lambda _none: self._details_saved(title, participants), self._save_failed
        )

    def _details_saved(self, title: str | None, participants: list[str] | None) -> None:
        if self._meeting is not None:
            self._meeting = replace(
                self._meeting,
                title=self._meeting.title if title is None else title,
                participants=self._meeting.participants
                if participants is None
                else tuple(participants),
            )
        self.meeting_changed.emit(self._meeting_id)

    def _save_keep(self, keep: bool) -> None:
        def failed(exc: Exception) -> None:
            self.details.set_keep(not keep)
            self._save_failed(exc)

        def saved(_changed: bool) -> None:
            if self._meeting is not None:
                self._meeting = replace(self._meeting, keep=keep)
            self.keep_saved.emit(keep)

        self._submit(store_tasks.set_keep(self._meeting_id, keep), saved, failed)

    def _save_notes(self, notes: str) -> None:
        self._submit(store_tasks.set_notes(self._meeting_id, notes), None, self._save_failed)

    def _save_line(self, segment_id: int, text: str) -> None:
        self._submit(
            store_tasks.edit_line(segment_id, text),
            lambda _none: self._line_stored(segment_id, text),
            lambda exc: self._line_failed(segment_id, exc),
        )

    def _line_stored(self, segment_id: int, text: str) -> None:
        self._stored_text[segment_id] = text
        self.line_saved.emit(segment_id)

    def _line_failed(self, segment_id: int, exc: Exception) -> None:
        if segment_id in self._stored_text:
            self.model.set_text(segment_id, self._stored_text[segment_id])
        self._save_failed(exc)

    def _save_failed(self, exc: Exception) -> None:
        log.error("saving a change to a meeting failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("Your change could not be saved ({reason}).").format(reason=reason(exc))
        )

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- export and delete --------------------------------------------------------

    def _export_chosen(self, fmt: str) -> None:
        self.meeting_actions.choose_export(fmt, self._meeting.title if self._meeting else "")

    def export_to(self, fmt: str, path: Path) -> None:
        """Build the export on the worker and write it to ``path`` (unencrypted, by choice)."""
        self.meeting_actions.export_to(fmt, path)

    def confirm_delete(self) -> None:
        """Ask, naming the meeting; on yes, stop playing and delete it (then ``deleted``)."""
        if self._meeting is not None:
            self.meeting_actions.confirm_delete(self._meeting)

    # --- window -------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        # Out of sight, out of earshot; and typed notes are not left waiting.
        self.player.pause()
        self.details.flush_notes()
        self._settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
        super().hideEvent(event)
