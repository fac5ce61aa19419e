"""The transcription models as a table: the catalogue's rows, the one in use, the suggestion."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from minuta.app.transcription import ModelRow
from minuta.transcribe.catalogue import EMBEDDED_MODEL, find

NAME_ROLE = Qt.ItemDataRole.UserRole
INSTALLED_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole))


class ModelColumn(IntEnum):
    NAME = 0
    SIZE = 1
    LANGUAGES = 2
    STATUS = 3
    NOTE = 4


_ALIGNMENT = {
    ModelColumn.SIZE: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
}


@dataclass(frozen=True, slots=True)
class _Row:
    name: str  # a catalogue name, or the folder of the person's own model
    label: str
    size_mb: int | None
    languages: str
    installed: bool
    note: str


class ModelListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._chosen: str = EMBEDDED_MODEL
        self._recommended: str | None = None
        self._recommended_for = ""

    # --- content ------------------------------------------------------------------

    def set_rows(self, rows: list[ModelRow], chosen: str) -> None:
        """The catalogue's rows; ``chosen`` may also be a model folder of the person's own."""
        self.beginResetModel()
        own = [] if find(chosen) is not None else [self._own_folder(chosen)]
        self._rows = own + [
            _Row(row.name, row.name, row.size_mb, row.languages, row.installed, row.note)
            for row in rows
        ]
        self._chosen = chosen
        self.endResetModel()

    def _own_folder(self, path: str) -> _Row:
        note = self.tr("your own model folder: {path}").format(path=path)
        return _Row(path, Path(path).name or path, None, "", True, note)

    def set_chosen(self, name: str) -> None:
        self._chosen = name
        self._changed()

    def set_recommended(self, name: str | None, for_language: str = "") -> None:
        self._recommended, self._recommended_for = name, for_language
        self._changed()

    def _changed(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(ModelColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    @property
    def chosen(self) -> str:
        return self._chosen

    @property
    def recommended(self) -> str | None:
        return self._recommended

    def row_of(self, name: str) -> int:
        info = find(name)
        wanted = info.name if info is not None else name
        return next((i for i, row in enumerate(self._rows) if row.name == wanted), -1)

    def name_at(self, row: int) -> str:
        return self._rows[row].name

    def installed_at(self, row: int) -> bool:
        return self._rows[row].installed

    def size_at(self, row: int) -> int | None:
        return self._rows[row].size_mb

    def mark_installed(self, name: str) -> None:
        row = self.row_of(name)
        if row >= 0:
            old = self._rows[row]
            self._rows[row] = _Row(old.name, old.label, old.size_mb, old.languages, True, old.note)
            self._changed()

    # --- Qt model -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ModelColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            ModelColumn.NAME: self.tr("Model"),
            ModelColumn.SIZE: self.tr("Size"),
            ModelColumn.LANGUAGES: self.tr("Languages"),
            ModelColumn.STATUS: self.tr("On this computer"),
            ModelColumn.NOTE: self.tr("Note"),
        }.get(ModelColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = ModelColumn(index.column())
        role = int(role)
        if role in _TEXT_ROLES:
            return self._text(row, column)
        if role == int(Qt.ItemDataRole.CheckStateRole) and column is ModelColumn.NAME:
            # Read-only: shows which model is in use; choosing is done by selecting.
            in_use = self.row_of(self._chosen) == index.row()
            return Qt.CheckState.Checked if in_use else Qt.CheckState.Unchecked
        if role == int(Qt.ItemDataRole.FontRole) and row.name == self._recommended:
            font = QFont()
            font.setBold(True)
            return font
        value = {
            int(NAME_ROLE): row.name,
            int(INSTALLED_ROLE): row.installed,
            int(Qt.ItemDataRole.TextAlignmentRole): _ALIGNMENT.get(column),
        }.get(role)
        return value

    def _text(self, row: _Row, column: ModelColumn) -> str:
        if column is ModelColumn.NAME:
            return row.label
        if column is ModelColumn.SIZE:
            return "" if row.size_mb is None else self.tr("{size} MB").format(size=row.size_mb)
        if column is ModelColumn.LANGUAGES:
            return row.languages
        if column is ModelColumn.STATUS:
            if row.name == EMBEDDED_MODEL:
                return self.tr("Built in, works offline")
            return self.tr("Yes") if row.installed else self.tr("Not downloaded")
        notes = [row.note] if row.note else []
        if row.name == self._recommended:
            if self._recommended_for:
                text = self.tr("Recommended for {language}").format(language=self._recommended_for)
            else:
                text = self.tr("Recommended")
            notes.insert(0, text)
        return " · ".join(notes)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
