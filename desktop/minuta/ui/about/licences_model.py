"""The "Licences" page's table: one row per component of :data:`minuta.app.licences.COMPONENTS`.

Columns: the component, its licence (SPDX), what it does for Minuta. Tested
without widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QUrl,
)
from PySide6.QtWidgets import QWidget

from minuta.app.licences import COMPONENTS, TRANSLATION_CONTEXT, Component
from minuta.ui.list_table_model import ListTableModel, ModelIndex

COMPONENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Component itself


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


class LicencesModel(ListTableModel[Component]):
    COMPONENT, LICENCE, PURPOSE = range(3)

    def __init__(
        self, components: Sequence[Component] = COMPONENTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(components, parent)

    def column_titles(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("LicencesModel", "Component"),
            QCoreApplication.translate("LicencesModel", "Licence"),
            QCoreApplication.translate("LicencesModel", "Used for"),
        )

    def component(self, row: int) -> Component:
        return self.row_at(row)

    def homepage(self, row: int) -> QUrl:
        return QUrl(self.row_at(row).homepage)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        component = self.row_for(index)
        if component is None:
            return None
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
