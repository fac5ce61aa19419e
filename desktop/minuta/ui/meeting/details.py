"""The side of the meeting view: who was there, the user's notes, the highlights.

Fields are filled from a :class:`~minuta.core.models.Meeting` without echoing
back as edits; what the user changes comes out as signals, notes after a short
pause in typing (and at once on :meth:`flush_notes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from minuta.core.models import Highlight, Meeting
from minuta.core.timecode import clock
from minuta.ui.icons import icon

NOTES_DELAY_MS = 800  # saved this long after the last key stroke
_TIME_ROLE = Qt.ItemDataRole.UserRole + 1


def parse_participants(text: str) -> list[str]:
    """ "Anna,  Bo ,," -> ["Anna", "Bo"]."""
    return [name.strip() for name in text.split(",") if name.strip()]


class DetailsPanel(QWidget):
    participants_edited = Signal(list)  # list[str]
    notes_edited = Signal(str)
    highlight_activated = Signal(float)
    keep_changed = Signal(bool)  # the user's "keep this meeting" (retention rules skip it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._participants: list[str] = []
        self._notes = ""
        self._notes_loaded = False

        self.participants_field = QLineEdit()
        self.participants_field.setPlaceholderText(self.tr("Names, separated by commas"))
        self.participants_field.setAccessibleName(self.tr("Participants"))
        self.participants_field.editingFinished.connect(self._participants_done)
        self.language_label = QLabel()
        self.language_label.setAccessibleName(self.tr("Language"))
        self.consent_label = QLabel()  # who was told about the recording, how and when
        self.consent_label.setWordWrap(True)
        self.consent_label.setAccessibleName(self.tr("Consent"))
        self.consent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.notes_field = QPlainTextEdit()
        self.notes_field.setPlaceholderText(self.tr("Your notes from the meeting"))
        self.notes_field.setAccessibleName(self.tr("Notes"))
        self.notes_field.setTabChangesFocus(True)
        self.notes_field.textChanged.connect(self._notes_typed)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self.flush_notes)

        self.highlights_list = QListWidget()
        self.highlights_list.setAccessibleName(self.tr("Highlights"))
        self.highlights_list.setToolTip(self.tr("Click a highlight to play from there"))
        self.highlights_list.itemClicked.connect(self._highlight_chosen)
        self.highlights_list.itemActivated.connect(self._highlight_chosen)
        self.no_highlights_label = QLabel(self.tr("No highlights were marked."))
        self.no_highlights_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        participants_label = QLabel(self.tr("Partic&ipants"))
        participants_label.setBuddy(self.participants_field)
        form.addRow(participants_label, self.participants_field)
        form.addRow(self.tr("Language"), self.language_label)
        form.addRow(self.tr("Consent"), self.consent_label)
        self._add_keep_box(form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        notes_label = QLabel(self.tr("N&otes"))
        notes_label.setBuddy(self.notes_field)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_field, 2)
        highlights_label = QLabel(self.tr("&Highlights"))
        highlights_label.setBuddy(self.highlights_list)
        layout.addWidget(highlights_label)
        layout.addWidget(self.no_highlights_label)
        layout.addWidget(self.highlights_list, 1)

    def _add_keep_box(self, form: QFormLayout) -> None:
        self.keep_box = QCheckBox(self.tr("Keep &this meeting (retention rules skip it)"))
        self.keep_box.setAccessibleName(self.tr("Keep this meeting"))
        self.keep_box.setToolTip(
            self.tr("Its audio and transcript are kept whatever the retention rules say")
        )
        self.keep_box.toggled.connect(self.keep_changed)
        form.addRow("", self.keep_box)
        QWidget.setTabOrder(self.participants_field, self.keep_box)
        QWidget.setTabOrder(self.keep_box, self.notes_field)

    # --- filling ------------------------------------------------------------------

    def set_meeting(self, meeting: Meeting, language: str) -> None:
        """Show the stored details. Notes are taken once: from then on the field is the
        newer copy (a reload that was under way while the user typed must not undo it)."""
        if not self.participants_field.hasFocus():
            self._participants = list(meeting.participants)
            self.participants_field.setText(", ".join(meeting.participants))
        self.language_label.setText(language)
        if not self._notes_loaded:
            self._notes_loaded = True
            self._notes = meeting.notes
            self.notes_field.blockSignals(True)
            self.notes_field.setPlainText(meeting.notes)
            self.notes_field.blockSignals(False)

    def set_keep(self, keep: bool) -> None:
        """Show the stored "keep" without reporting it as the user's change."""
        self.keep_box.blockSignals(True)
        self.keep_box.setChecked(keep)
        self.keep_box.blockSignals(False)

    def set_consent(self, text: str) -> None:
        """The meeting's consent, in words (see :func:`minuta.ui.consent_text.consent_summary`)."""
        self.consent_label.setText(text)

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        self.highlights_list.clear()
        for highlight in highlights:
            label = highlight.label.strip() or self.tr("Highlight")
            item = QListWidgetItem(icon("highlight"), f"{clock(highlight.t_s)}  {label}")
            item.setData(_TIME_ROLE, highlight.t_s)
            self.highlights_list.addItem(item)
        self.highlights_list.setVisible(bool(highlights))
        self.no_highlights_label.setVisible(not highlights)

    # --- edits --------------------------------------------------------------------

    def flush_notes(self) -> None:
        """Send typed notes now rather than after the pause (the view is closing)."""
        self._notes_timer.stop()
        text = self.notes_field.toPlainText()
        if text != self._notes:
            self._notes = text
            self.notes_edited.emit(text)

    @property
    def notes_pending(self) -> bool:
        return self._notes_timer.isActive()

    def _notes_typed(self) -> None:
        self._notes_timer.start()

    def _participants_done(self) -> None:
        names = parse_participants(self.participants_field.text())
        self.participants_field.setText(", ".join(names))
        if names != self._participants:
            self._participants = names
            self.participants_edited.emit(names)

    def _highlight_chosen(self, item: QListWidgetItem) -> None:
        self.highlight_activated.emit(float(item.data(_TIME_ROLE)))
