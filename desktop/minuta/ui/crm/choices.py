"""The push dialog's smaller choices: which approved items go, and who owns each task.

Only approved summary items are listed (the paragraph too, when there is
one); all are ticked at first. Task owners are matched to CRM users by name
(:func:`minuta.app.push.match_owners`); a task whose owner is not found goes
to the CRM's default owner, and the list says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from minuta.ui.crm.draft import OwnerRow, PushDraft
from minuta.ui.crm.texts import item_kind_name

INDEX_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's index in the summary
SUMMARY_ROW = -1  # the summary paragraph's "index"


class ItemsChooser(QListWidget):
    toggled = Signal(int, bool)  # index into summary.items (SUMMARY_ROW: the paragraph), chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("What to send"))
        self.itemChanged.connect(self._changed)

    def set_draft(self, draft: PushDraft) -> None:
        self.blockSignals(True)
        self.clear()
        if draft.has_summary_text:
            self._add(self.tr("Summary"), SUMMARY_ROW, draft.include_summary)
        for option in draft.items():
            text = f"{item_kind_name(option.kind)}: {option.text}"
            self._add(text, option.index, option.index in draft.item_indexes)
        self.blockSignals(False)

    def row_of(self, index: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(INDEX_ROLE) == index:
                return item
        return None

    def _add(self, text: str, index: int, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(INDEX_ROLE, index)
        self.addItem(item)

    def _changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(int(item.data(INDEX_ROLE)), item.checkState() == Qt.CheckState.Checked)


class OwnersView(QLabel):
    """One line per task: its text and who will own it in the CRM."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Task owners in the CRM"))

    def set_rows(self, rows: Sequence[OwnerRow]) -> None:
        self.setText("\n".join(f"• {row.task} — {self.owner_text(row)}" for row in rows))

    def owner_text(self, row: OwnerRow) -> str:
        if row.user is not None:
            return self.tr("{name} (matched in the CRM)").format(name=row.user.name)
        if row.owner:
            return self.tr("{name}: not found, so the CRM's default owner").format(name=row.owner)
        return self.tr("no owner named, so the CRM's default owner")
