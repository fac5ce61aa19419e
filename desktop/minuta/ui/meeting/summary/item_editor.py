"""A small dialog to correct one item: its text, and an action item's owner and date.

Opened with ``open()``; Save sends ``edited(row, text, owner, due_date)`` and
the tab changes the draft (which takes the item's approval away: a changed
item needs a new look).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from minuta.core.summary import ItemKind, SummaryItem
from minuta.ui.dialogs.base import note_label


class ItemEditor(QDialog):
    edited = Signal(int, str, object, object)  # row, text, owner (str | None), date | None

    def __init__(
        self,
        row: int,
        item: SummaryItem,
        default_date: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit item"))
        self.setMinimumWidth(420)
        self._row = row
        action = item.kind is ItemKind.ACTION_ITEM

        self.text_field = QPlainTextEdit(item.text)
        self.text_field.setAccessibleName(self.tr("Text"))
        self.text_field.setTabChangesFocus(True)
        self.text_field.setFixedHeight(self.text_field.fontMetrics().lineSpacing() * 5)
        self.owner_field = QLineEdit(item.owner or "")
        self.owner_field.setAccessibleName(self.tr("Owner"))
        self.owner_field.setPlaceholderText(self.tr("Who does it"))
        self.date_field = QDateEdit()
        self.date_field.setCalendarPopup(True)
        self.date_field.setAccessibleName(self.tr("Due date"))
        shown = item.due_date or default_date
        self.date_field.setDate(QDate(shown.year, shown.month, shown.day))
        self.no_date_box = QCheckBox(self.tr("&No date"))
        self.no_date_box.setAccessibleName(self.tr("No due date"))
        self.no_date_box.toggled.connect(lambda on: self.date_field.setEnabled(not on))
        self.no_date_box.setChecked(item.due_date is None)
        self.date_field.setEnabled(item.due_date is not None)

        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date_field)
        date_row.addWidget(self.no_date_box)
        date_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Text:"), self.text_field)
        if action:
            form.addRow(self.tr("&Owner:"), self.owner_field)
            due_label = QLabel(self.tr("&Due:"))
            due_label.setBuddy(self.date_field)
            form.addRow(due_label, date_row)
        else:
            self.owner_field.hide()
            self.date_field.hide()
            self.no_date_box.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if item.approved:
            layout.addWidget(note_label(self.tr("A changed item needs to be approved again.")))
        layout.addWidget(self.buttons)
        self.text_field.setFocus()

    @property
    def due_date(self) -> date | None:
        if self.no_date_box.isChecked():
            return None
        chosen = self.date_field.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_due_date(self, value: date | None) -> None:
        self.no_date_box.setChecked(value is None)
        if value is not None:
            self.date_field.setDate(QDate(value.year, value.month, value.day))

    def accept(self) -> None:
        owner = self.owner_field.text().strip() or None
        self.edited.emit(self._row, self.text_field.toPlainText(), owner, self.due_date)
        super().accept()
