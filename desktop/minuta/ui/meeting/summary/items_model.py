"""A summary draft's items as a Qt list model, in the order the tab shows them.

Holds a :class:`~minuta.core.summary.MeetingSummary`, never the store. Rows
run section by section (decisions, action items, risks, next steps, CRM
suggestions), each in the order the summary gave. A change the user makes
(an edit, an approval, the e-mail) replaces the held summary and comes out as
``draft_changed`` for the tab to store as a new draft; :meth:`set_summary`
(what the store holds) says nothing. Tested without any widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from minuta.core.summary import EmailDraft, ItemKind, MeetingSummary, SummaryItem
from minuta.ui.meeting.summary.texts import SECTION_ORDER, evidence_label, unverified_tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # ItemKind (Qt hands its str value back)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2  # the SummaryItem itself
START_ROLE = (
    Qt.ItemDataRole.UserRole + 3
)  # float seconds of the earliest verified evidence, or None
VERIFIED_ROLE = Qt.ItemDataRole.UserRole + 4  # bool
NEEDS_DATE_ROLE = Qt.ItemDataRole.UserRole + 5  # bool: an action item without a date
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 6  # str: "▶ 12:34 “quote…”" of the first evidence

_ModelIndex = QModelIndex | QPersistentModelIndex


def display_order(summary: MeetingSummary | None) -> list[int]:
    """Indexes into ``summary.items``, section by section."""
    if summary is None:
        return []
    rank = {kind: n for n, kind in enumerate(SECTION_ORDER)}
    indexed = list(enumerate(summary.items))
    indexed.sort(key=lambda pair: (rank.get(pair[1].kind, len(rank)), pair[0]))
    return [index for index, _item in indexed]


def clean_text(text: str) -> str:
    return " ".join(text.split())


def edited_item(
    item: SummaryItem, text: str, owner: str | None, due_date: date | None
) -> SummaryItem:
    """``item`` as edited; any change takes its approval away (it needs a new look)."""
    new_text = clean_text(text) or item.text  # an item keeps some text
    new_owner = clean_text(owner or "") or None
    if item.kind is not ItemKind.ACTION_ITEM:
        new_owner, due_date = item.owner, item.due_date
    if (new_text, new_owner, due_date) == (item.text, item.owner, item.due_date):
        return item
    return replace(item, text=new_text, owner=new_owner, due_date=due_date, approved=False)


class SummaryItemsModel(QAbstractListModel):
    draft_changed = Signal(object)  # MeetingSummary: the user changed it; store it

    def __init__(self, summary: MeetingSummary | None = None) -> None:
        super().__init__()
        self._summary: MeetingSummary | None = None
        self._order: list[int] = []
        self.set_summary(summary)

    # --- contents -----------------------------------------------------------------

    def set_summary(self, summary: MeetingSummary | None) -> None:
        """Show a stored draft (no ``draft_changed``: it is stored already)."""
        self.beginResetModel()
        self._summary = summary
        self._order = display_order(summary)
        self.endResetModel()

    @property
    def summary(self) -> MeetingSummary | None:
        return self._summary

    def item(self, row: int) -> SummaryItem:
        assert self._summary is not None
        return self._summary.items[self._order[row]]

    def rows_of(self, kind: ItemKind) -> list[int]:
        return [row for row in range(len(self._order)) if self.item(row).kind is kind]

    def row_of_item(self, index: int) -> int | None:
        """The row showing ``summary.items[index]``."""
        return self._order.index(index) if index in self._order else None

    # --- the user's changes -------------------------------------------------------

    def edit_item(
        self, row: int, text: str, owner: str | None = None, due_date: date | None = None
    ) -> bool:
        """Change an item's text (and an action item's owner and date); False if unchanged.

        An approved item that is changed is no longer approved.
        """
        item = self.item(row)
        new = edited_item(item, text, owner, due_date)
        if new == item:
            return False
        self._replace(row, new)
        return True

    def set_approved(self, row: int, approved: bool) -> bool:
        item = self.item(row)
        if item.approved == approved:
            return False
        self._replace(row, item.approve() if approved else replace(item, approved=False))
        return True

    def set_email(self, email: EmailDraft) -> bool:
        if self._summary is None or self._summary.email == email:
            return False
        self._summary = replace(self._summary, email=email)
        self.draft_changed.emit(self._summary)
        return True

    def _replace(self, row: int, item: SummaryItem) -> None:
        assert self._summary is not None
        self._summary = self._summary.replace_item(self._order[row], item)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self.draft_changed.emit(self._summary)

    # --- QAbstractListModel -------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        role_data = _ROLE_DATA.get(int(role))
        return role_data(self.item(index.row())) if role_data is not None else None

    def setData(
        self, index: _ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
            return self.set_approved(index.row(), checked)
        if role == Qt.ItemDataRole.EditRole and isinstance(value, str):
            item = self.item(index.row())
            return self.edit_item(index.row(), value, item.owner, item.due_date)
        return False


def _check_state(item: SummaryItem) -> Qt.CheckState:
    return Qt.CheckState.Checked if item.approved else Qt.CheckState.Unchecked


_ROLE_DATA: dict[int, Callable[[SummaryItem], object]] = {
    int(Qt.ItemDataRole.DisplayRole): lambda item: item.text,
    int(Qt.ItemDataRole.EditRole): lambda item: item.text,
    int(Qt.ItemDataRole.CheckStateRole): _check_state,
    int(Qt.ItemDataRole.ToolTipRole): lambda item: None if item.verified else unverified_tooltip(),
    int(KIND_ROLE): lambda item: item.kind,
    int(ITEM_ROLE): lambda item: item,
    int(START_ROLE): lambda item: item.start_s,
    int(VERIFIED_ROLE): lambda item: item.verified,
    int(NEEDS_DATE_ROLE): lambda item: item.needs_date,
    int(EVIDENCE_ROLE): lambda item: evidence_label(item.evidence[0]) if item.evidence else None,
}
