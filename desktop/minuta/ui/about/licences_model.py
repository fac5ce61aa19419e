"""The "Licences" page's table: one row per component of :data:`minuta.app.licences.COMPONENTS`.

Columns: the component, its licence (SPDX), what it does for Minuta. Tested
without widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtWidgets import QWidget

from minuta.app.licences import COMPONENTS, TRANSLATION_CONTEXT, Component

COMPONENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Component itself
_ModelIndex = QModelIndex | QPersistentModelIndex


def translated(text: str) -> str:
    """A purpose or note of the table, in the UI's language (lupdate found them there)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text) if text else ""


def licence_label(expression: str) -> str:
    """The licence as shown: SPDX, but SQLite's "blessing" says what it means."""
    if expression == "blessing":
        return QCoreApplication.translate("LicencesModel", "Public domain")
    return expression


def tooltip(component: Component) -> str:
    lines = [translated(component.purpose)]
    if component.note:
        lines.append(translated(component.note))
    if component.bundled_in:
        lines.append(
            QCoreApplication.translate("LicencesModel", "Comes inside: {names}").format(
                names=", ".join(component.bundled_in)
            )
        )
    lines.append(component.homepage)
    return "\n".join(lines)


class LicencesModel(QAbstractTableModel):
    COMPONENT, LICENCE, PURPOSE = range(3)

    def __init__(
        self, components: Sequence[Component] = COMPONENTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._components = tuple(components)

    def component(self, row: int) -> Component:
        return self._components[row]

    def homepage(self, row: int) -> QUrl:
        return QUrl(self._components[row].homepage)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._components)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("LicencesModel", "Component"),
            QCoreApplication.translate("LicencesModel", "Licence"),
            QCoreApplication.translate("LicencesModel", "Used for"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._components):
            return None
        component = self._components[index.row()]
        if role == COMPONENT_ROLE:
            return component
        if role == Qt.ItemDataRole.DisplayRole:
            columns = (
                component.name,
                licence_label(component.licence),
                translated(component.purpose),
            )
            return columns[index.column()] if 0 <= index.column() < len(columns) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.LICENCE:
                return f"{component.licence}\n\n{tooltip(component)}"
            return tooltip(component)
        return None
