"""The meeting view's Summary tab: draft a summary, review it item by item, send it on.

A summary is a draft the user checks. Each item links to the moment it was
said; one whose quote was not found in the transcript is marked; the user
approves, edits (which takes the approval away) or leaves items. Every change
is kept as a new draft through the store's worker. Generating runs on a thread
of its own with calm progress words and a Cancel button; cancelling leaves the
earlier draft as it was. Lines about sensitive topics were left out of the
summary, and the tab says so, with links to them.
"""

from __future__ import annotations

import logging
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minuta.core.summary import MeetingSummary
from minuta.core.timecode import clock
from minuta.ui.crm.push_panel import CrmPushPanel
from minuta.ui.meeting.actions import reason
from minuta.ui.meeting.background import submit_for
from minuta.ui.meeting.summary import jobs
from minuta.ui.meeting.summary.ask_panel import AskPanel
from minuta.ui.meeting.summary.email_box import EmailBox
from minuta.ui.meeting.summary.generator import SummaryGenerator
from minuta.ui.meeting.summary.item_editor import ItemEditor
from minuta.ui.meeting.summary.items_model import SummaryItemsModel
from minuta.ui.meeting.summary.items_view import ItemsView, link_label, moment_link
from minuta.ui.meeting.summary.texts import (
    builtin_template_names,
    provenance_text,
    template_names,
    topic_name,
)
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "customer_follow_up"


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class SummaryTab(QWidget):
    play_requested = Signal(float)  # a moment to play (meeting time)
    loaded = Signal()  # the stored draft (or none) is shown
    draft_saved = Signal()  # a change is stored as a new draft
    generated = Signal()  # a new draft is made, stored and shown
    generation_stopped = Signal(str)  # cancelled or failed; the earlier draft is kept
    status_changed = Signal(str)  # the progress words shown while generating

    def __init__(self, worker: StoreWorker, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._line_starts: dict[int, float] = {}
        self._transcript_changed = False
        self._template_names: dict[str, str] = builtin_template_names()
        self._meeting_date = date.today()
        self.model = SummaryItemsModel()
        self.model.draft_changed.connect(self._save_draft)
        self.editor: ItemEditor | None = None
        self.generator = SummaryGenerator(worker, meeting_id, self)
        self.generator.status.connect(self._set_status)
        self.generator.progress.connect(self._show_progress)
        self.generator.finished.connect(self._generated)
        self.generator.failed.connect(self._stopped)
        self.generator.cancelled.connect(self._cancelled)
        self._build()
        self._refresh()
        self.reload()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        controls = self._build_controls()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message_label)
        # "Send to CRM…" and where each push of this meeting stands.
        self.crm_panel = CrmPushPanel(self._worker, self._meeting_id)
        layout.addWidget(self.crm_panel)
        layout.addWidget(self.scroll_area, 1)

    def _build_controls(self) -> QHBoxLayout:
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Kind of meeting"))
        self.template_combo.setToolTip(self.tr("What the summary should focus on"))
        for key, name in self._template_names.items():
            self.template_combo.addItem(name, key)
        type_label = QLabel(self.tr("Meeting &type:"))
        type_label.setBuddy(self.template_combo)
        self.generate_button = QPushButton(self.tr("&Generate summary"))
        self.generate_button.setAccessibleName(self.tr("Generate summary"))
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("C&ancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the summary"))
        self.cancel_button.setToolTip(self.tr("Stop and keep the earlier draft"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.setAccessibleName(self.tr("Summary progress"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Summary status"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.hide()
        controls = QHBoxLayout()
        controls.addWidget(type_label)
        controls.addWidget(self.template_combo, 1)
        controls.addWidget(self.generate_button)
        controls.addWidget(self.cancel_button)
        return controls

    def _build_content(self) -> QWidget:
        self.empty_label = QLabel(
            self.tr("No summary yet. Choose the kind of meeting and press Generate.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.flagged_label = link_label(self.tr("Left out of the summary"))
        self.flagged_label.setToolTip(
            self.tr("Sensitive topics are not summarised. Click a time to hear the line.")
        )
        self.flagged_label.linkActivated.connect(self._link)
        self.items_view = ItemsView(self.model)
        self.items_view.play_requested.connect(self.play_requested)
        self.items_view.edit_requested.connect(self.edit_item)
        self.email_heading = heading(self.tr("Follow-up e-mail"))
        self.email_box = EmailBox()
        self.email_box.edited.connect(self.model.set_email)
        self.provenance_label = QLabel()
        self.provenance_label.setWordWrap(True)
        self.provenance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.provenance_label.setAccessibleName(self.tr("How this summary was made"))
        self.ask_panel = AskPanel(self._worker, self._meeting_id)
        self.ask_panel.play_requested.connect(self.play_requested)

        self.draft = QWidget()  # everything that belongs to a draft
        draft_layout = QVBoxLayout(self.draft)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        draft_layout.addWidget(self.summary_label)
        draft_layout.addWidget(self.flagged_label)
        draft_layout.addWidget(self.items_view)
        draft_layout.addWidget(self.email_heading)
        draft_layout.addWidget(self.email_box)
        draft_layout.addWidget(self.provenance_label)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.draft)
        content_layout.addSpacing(8)
        content_layout.addWidget(heading(self.tr("Ask this meeting")))
        content_layout.addWidget(self.ask_panel)
        content_layout.addStretch(1)
        return content

    # --- the integrator's API -----------------------------------------------------

    @property
    def busy(self) -> bool:
        """A summary is being generated."""
        return self.generator.busy

    @property
    def template_key(self) -> str:
        return str(self.template_combo.currentData() or DEFAULT_TEMPLATE)

    def set_template(self, key: str) -> None:
        index = self.template_combo.findData(key)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)

    def reload(self) -> None:
        """Read the draft again (the transcript changed: its quotes are checked again)."""
        if not self.generator.busy:
            submit_for(
                self,
                self._worker,
                jobs.load(self._meeting_id),
                self._show_loaded,
                self._load_failed,
            )

    def shutdown(self) -> None:
        """Stop work under way and keep a typed e-mail edit: call before the view goes."""
        self.email_box.flush()
        self.ask_panel.shutdown()
        self.generator.shutdown()

    # --- loading ------------------------------------------------------------------

    def _show_loaded(self, data: jobs.SummaryData) -> None:
        self._line_starts = data.line_starts
        self._meeting_date = data.meeting_date
        templates = data.config.templates or {}
        self._template_names = dict(template_names(templates)) or builtin_template_names()
        current = data.summary.provenance.template if data.summary else ""
        self.template_combo.clear()
        for key, name in self._template_names.items():
            self.template_combo.addItem(name, key)
        self.set_template(
            current if current in self._template_names else data.config.default_template
        )
        self._transcript_changed = data.transcript_changed
        self._show_summary(data.summary)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        log.error("loading a meeting's summary failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("The summary could not be read ({reason}).").format(reason=reason(exc))
        )
        self.loaded.emit()

    def _show_summary(self, summary: MeetingSummary | None) -> None:
        self.model.set_summary(summary)
        self.crm_panel.set_summary(summary)
        self.email_box.set_email(summary.email if summary else None)
        if summary is None:
            self._refresh()
            return
        self.summary_label.setText(summary.summary)
        self.summary_label.setVisible(bool(summary.summary.strip()))
        self._show_flagged(summary)
        self.email_heading.setVisible(summary.email is not None)
        self.email_box.setVisible(summary.email is not None)
        p = summary.provenance
        when = p.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        template = self._template_names.get(p.template, p.template or "")
        lines = [provenance_text(p, template, when), *p.notes]
        if self._transcript_changed:
            lines.insert(
                0,
                self.tr(
                    "The transcript has changed since this draft was made: its quotes were "
                    "checked again. Generate again to draft from the new transcript."
                ),
            )
        self.provenance_label.setText("\n".join(lines))
        self._refresh()

    def _show_flagged(self, summary: MeetingSummary) -> None:
        if not summary.flagged_topics and not summary.flagged_segment_ids:
            self.flagged_label.hide()
            return
        count = len(summary.flagged_segment_ids)
        topics = ", ".join(topic_name(t) for t in summary.flagged_topics)
        lines = self.tr("1 line") if count == 1 else self.tr("{count} lines").format(count=count)
        text = self.tr("Left out of the summary: {topics} ({lines})").format(
            topics=topics or self.tr("sensitive topics"), lines=lines
        )
        starts = sorted(
            self._line_starts[i] for i in summary.flagged_segment_ids if i in self._line_starts
        )
        links = " ".join(moment_link(t, f"\u25b6 {clock(t)}") for t in starts)
        self.flagged_label.setText(f"{escape(text)}<br>{links}" if links else escape(text))
        self.flagged_label.show()

    # --- editing ------------------------------------------------------------------

    def edit_item(self, row: int) -> None:
        """Open the editor for the item on ``row`` of :attr:`model`."""
        if self.editor is not None:
            self.editor.reject()  # one item at a time
        editor = self.editor = ItemEditor(row, self.model.item(row), self._meeting_date, self)
        editor.edited.connect(self._item_edited)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()

    def _editor_closed(self, editor: ItemEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _item_edited(self, row: int, text: str, owner: object, due: object) -> None:
        self.model.edit_item(
            row,
            text,
            owner if isinstance(owner, str) else None,
            due if isinstance(due, date) else None,
        )

    def _save_draft(self, summary: MeetingSummary) -> None:
        self.crm_panel.set_summary(summary)
        submit_for(
            self,
            self._worker,
            jobs.save(self._meeting_id, summary),
            lambda _none: self.draft_saved.emit(),
            self._save_failed,
        )

    def _save_failed(self, exc: Exception) -> None:
        log.error("saving a summary draft failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("Your change could not be saved ({reason}).").format(reason=reason(exc))
        )

    # --- generating ---------------------------------------------------------------

    def generate(self) -> None:
        """Draft a new summary with the chosen meeting type (a new draft; old ones are kept)."""
        if self.generator.busy:
            return
        self.email_box.flush()
        self._show_message("")
        self.generator.start(self.template_key)
        self._refresh()

    def cancel(self) -> None:
        """Stop generating; the earlier draft stays as it was."""
        self.generator.cancel()

    def _generated(self, summary: MeetingSummary) -> None:
        self._transcript_changed = False
        self._show_summary(summary)
        self.generated.emit()

    def _cancelled(self) -> None:
        if self.model.summary is None:
            self._stopped(self.tr("Stopped."))
        else:
            self._stopped(self.tr("Stopped. The earlier draft is kept."))

    def _stopped(self, text: str) -> None:
        self._refresh()
        self._show_message(text)
        self.generation_stopped.emit(text)

    def _show_progress(self, step: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(step)

    # --- state --------------------------------------------------------------------

    def _refresh(self) -> None:
        busy = self.generator.busy
        has_draft = self.model.summary is not None
        self.generate_button.setText(
            self.tr("&Regenerate") if has_draft else self.tr("&Generate summary")
        )
        self.generate_button.setAccessibleName(
            self.tr("Regenerate summary") if has_draft else self.tr("Generate summary")
        )
        self.generate_button.setEnabled(not busy)
        self.template_combo.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress_bar.setVisible(busy)
        self.status_label.setVisible(busy)
        self.empty_label.setVisible(not has_draft and not busy)
        self.draft.setVisible(has_draft)
        # While a new draft is made, the old one is read-only: an edit now would be lost.
        self.draft.setEnabled(not busy)

    def _set_status(self, text: str) -> None:
        if text != self.status_label.text():
            self.status_label.setText(text)
            self.status_changed.emit(text)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _link(self, href: str) -> None:
        try:
            self.play_requested.emit(float(href))
        except ValueError:
            return

    def hideEvent(self, event: QHideEvent) -> None:
        self.email_box.flush()
        super().hideEvent(event)
