"""Personal data found in what is about to be sent, each with a Redact button.

One row per piece of personal data (a phone number that appears in the note
and in a task is one row: redacting it takes it out of both). "Redact all"
does every row. A redacted row can be put back with Undo; the payload shown
beside follows at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.ui.crm.draft import FindingKey, FindingRow
from minuta.ui.crm.texts import finding_kind_name, part_name


def where_text(row: FindingRow) -> str:
    """ "Meeting note, Task 1" (and the finding's detail: "Danish CPR")."""
    where = ", ".join(part_name(part) for part in row.parts)
    return f"{where} · {row.detail}" if row.detail else where


class FindingsPanel(QWidget):
    redact_requested = Signal(object)  # FindingKey
    restore_requested = Signal(object)  # FindingKey
    redact_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FindingRow] = []
        self.buttons: dict[FindingKey, QPushButton] = {}
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setAccessibleName(self.tr("Personal data found"))
        self.redact_all_button = QPushButton(self.tr("Redact a&ll"))
        self.redact_all_button.setAccessibleName(self.tr("Redact all personal data"))
        self.redact_all_button.setToolTip(self.tr("Replace every finding with [redacted]"))
        self.redact_all_button.clicked.connect(self.redact_all_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.redact_all_button)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._grid_host)
        self.set_rows([])

    @property
    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        self._rows = list(rows)
        self._clear_grid()
        self.buttons = {}
        pending = [row for row in rows if not row.redacted]
        if not rows:
            self.summary_label.setText(self.tr("No personal data found."))
        elif not pending:
            self.summary_label.setText(self.tr("All personal data found is redacted."))
        else:
            self.summary_label.setText(
                self.tr("Check these before sending. Redact what should not leave.")
            )
        self.redact_all_button.setVisible(bool(rows))
        self.redact_all_button.setEnabled(bool(pending))
        for number, row in enumerate(rows):
            self._add_row(number, row)

    def _add_row(self, number: int, row: FindingRow) -> None:
        kind = QLabel(finding_kind_name(row.kind))
        text = QLabel(row.text)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if row.redacted:
            font = text.font()
            font.setStrikeOut(True)
            text.setFont(font)
        else:
            font = kind.font()
            font.setWeight(QFont.Weight.DemiBold)
            kind.setFont(font)
        where = QLabel(where_text(row))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        button = QPushButton(self.tr("Undo") if row.redacted else self.tr("Redact"))
        name = finding_kind_name(row.kind)
        button.setAccessibleName(
            self.tr("Send {kind} {text} as it is").format(kind=name, text=row.text)
            if row.redacted
            else self.tr("Redact {kind} {text}").format(kind=name, text=row.text)
        )
        key = row.key
        if row.redacted:
            button.clicked.connect(lambda: self.restore_requested.emit(key))
        else:
            button.clicked.connect(lambda: self.redact_requested.emit(key))
        self.buttons[key] = button
        for label, accessible in ((kind, name), (text, row.text), (where, where_text(row))):
            label.setAccessibleName(accessible)
        self._grid.addWidget(kind, number, 0)
        self._grid.addWidget(text, number, 1)
        self._grid.addWidget(where, number, 2)
        self._grid.addWidget(button, number, 3)

    def _clear_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
