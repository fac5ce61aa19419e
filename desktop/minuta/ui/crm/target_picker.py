"""Choosing the CRM record a push goes to: a search field and what the CRM found.

The search runs on a thread of its own (:func:`minuta.ui.background.run_in_background`):
a CRM can take seconds to answer. Typing waits a moment before asking; Enter
asks at once. An answer to an older search than the latest is dropped, so
the list always shows what the field says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from minuta.core.crm import CrmTarget
from minuta.ui.background import run_in_background, when_done
from minuta.ui.crm.texts import error_text, target_kind_name

SEARCH_DELAY_MS = 400
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # the CrmTarget
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # "anna@nordlys.no", a company
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "Person", "Company", "Deal"

_ModelIndex = QModelIndex | QPersistentModelIndex
Search = Callable[[str], Sequence[CrmTarget]]


def target_text(target: CrmTarget) -> str:
    """ "Anna Berg · anna@nordlys.no · Person"."""
    parts = [target.name, target.detail, target_kind_name(target.kind)]
    return " · ".join(part for part in parts if part)


class TargetsModel(QAbstractListModel):
    """What a search found, in the CRM's order. Tested without widgets."""

    def __init__(self) -> None:
        super().__init__()
        self._targets: list[CrmTarget] = []

    def set_targets(self, targets: Sequence[CrmTarget]) -> None:
        self.beginResetModel()
        self._targets = list(targets)
        self.endResetModel()

    def target(self, row: int) -> CrmTarget:
        return self._targets[row]

    @property
    def targets(self) -> list[CrmTarget]:
        return list(self._targets)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._targets)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        role_data = _ROLE_DATA.get(int(role))
        return role_data(self._targets[index.row()]) if role_data is not None else None


_ROLE_DATA: dict[int, Callable[[CrmTarget], object]] = {
    int(Qt.ItemDataRole.DisplayRole): target_text,
    int(Qt.ItemDataRole.AccessibleTextRole): target_text,
    int(Qt.ItemDataRole.ToolTipRole): lambda target: target.url or target_text(target),
    int(TARGET_ROLE): lambda target: target,
    int(DETAIL_ROLE): lambda target: target.detail,
    int(KIND_ROLE): lambda target: target_kind_name(target.kind),
}


class TargetPicker(QWidget):
    target_chosen = Signal(object)  # CrmTarget, or None when the choice is cleared
    searched = Signal(str)  # the query whose results are now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search: Search | None = None
        self._generation = 0  # the newest search; older answers are dropped
        self._chosen: CrmTarget | None = None
        self.model = TargetsModel()
        self.search_field = QLineEdit()
        self.search_field.setAccessibleName(self.tr("Search the CRM"))
        self.search_field.setPlaceholderText(self.tr("Name, e-mail address or company"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textEdited.connect(self._typed)
        self.search_field.returnPressed.connect(self.search_now)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Records found"))
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.setMinimumHeight(60)
        self.results.setMaximumHeight(130)
        self.results.selectionModel().selectionChanged.connect(self._selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Search status"))
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.search_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.search_field, self.results)

    @property
    def chosen(self) -> CrmTarget | None:
        return self._chosen

    def set_search(self, search: Search | None) -> None:
        """How to search (None: no CRM is open); clears what was found."""
        self._search = search
        self._generation += 1
        self.model.set_targets([])
        self._choose(None)
        self.status.clear()
        self.setEnabled(search is not None)

    def show_results(self, query: str, targets: Sequence[CrmTarget]) -> None:
        """Results found elsewhere (the first search, made while the CRM opened)."""
        self._generation += 1
        self.search_field.setText(query)
        self._show(query, targets)

    def search_now(self) -> None:
        self._delay.stop()
        search, query = self._search, self.search_field.text().strip()
        self._generation += 1
        generation = self._generation
        if search is None:
            return
        if not query:
            self._show(query, [])
            return
        self.status.setText(self.tr("Searching…"))
        future = run_in_background(lambda: search(query), "minuta-crm-search")
        when_done(
            future,
            self,
            lambda targets: self._answered(generation, query, targets),
            lambda exc: self._failed(generation, exc),
        )

    def _typed(self, _text: str) -> None:
        self._delay.start()

    def _answered(self, generation: int, query: str, targets: Sequence[CrmTarget]) -> None:
        if generation == self._generation:
            self._show(query, targets)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(
                self.tr("The search did not work: {reason}").format(reason=error_text(exc))
            )

    def _show(self, query: str, targets: Sequence[CrmTarget]) -> None:
        self.model.set_targets(targets)
        self._choose(None)
        if not query:
            self.status.setText(self.tr("Type a name or an e-mail address to search."))
        elif not targets:
            self.status.setText(self.tr("Nothing found for “{query}”.").format(query=query))
        else:
            self.status.clear()
        if len(targets) == 1:
            # One record: it is the one meant; the user still sees it before approving.
            self.results.setCurrentIndex(self.model.index(0))
        self.searched.emit(query)

    def select_row(self, row: int) -> None:
        self.results.setCurrentIndex(self.model.index(row))

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.results.selectionModel().selectedRows()
        self._choose(self.model.target(rows[0].row()) if rows else None)

    def _choose(self, target: CrmTarget | None) -> None:
        if target != self._chosen:
            self._chosen = target
            self.target_chosen.emit(target)
