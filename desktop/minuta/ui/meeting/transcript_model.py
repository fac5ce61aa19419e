"""A meeting's transcript as a Qt table: speaker, time, text.

Holds :class:`~minuta.core.models.Segment` values, never the store: the view
fills it from the worker's results, and an edited line comes out as
``edit_requested`` for the view to save. Tested without any widget.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from minuta.core.models import ChannelKind, Segment
from minuta.core.text import fold
from minuta.core.timecode import clock

START_ROLE = Qt.ItemDataRole.UserRole + 1  # float seconds
END_ROLE = Qt.ItemDataRole.UserRole + 2
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 3  # the Segment itself

_ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SPEAKER = 0
    TIME = 1
    TEXT = 2


def speaker_name(segment: Segment) -> str:
    # An imported file's single channel has no one to name until speakers are found.
    if segment.channel is ChannelKind.MIXED and segment.speaker in (None, "speaker"):
        return ""
    if segment.speaker == "me":
        return QCoreApplication.translate("TranscriptModel", "Me")
    if segment.speaker == "them":
        return QCoreApplication.translate("TranscriptModel", "Them")
    return segment.speaker or ""


class TranscriptModel(QAbstractTableModel):
    edit_requested = Signal(int, str)  # segment id, new text

    def __init__(self, segments: Sequence[Segment] = ()) -> None:
        super().__init__()
        self._segments: list[Segment] = []
        self._starts: list[float] = []
        self._folded: list[str] = []
        self._current: int | None = None
        self.set_segments(segments)

    # --- contents -----------------------------------------------------------------

    def set_segments(self, segments: Sequence[Segment]) -> None:
        self.beginResetModel()
        self._segments = sorted(segments, key=lambda s: (s.start, s.id or 0))
        self._starts = [s.start for s in self._segments]
        self._folded = [fold(s.text) for s in self._segments]
        self._current = None
        self.endResetModel()

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(self._segments)

    def segment_at(self, row: int) -> Segment:
        return self._segments[row]

    def row_of(self, segment_id: int) -> int | None:
        for row, segment in enumerate(self._segments):
            if segment.id == segment_id:
                return row
        return None

    def set_text(self, segment_id: int, text: str) -> None:
        """Show a line's text as stored (after a save, or to undo a failed one)."""
        row = self.row_of(segment_id)
        if row is None:
            return
        # The store drops an edited line's words (their timings no longer match).
        self._segments[row] = replace(self._segments[row], text=text, words=())
        self._folded[row] = fold(text)
        index = self.index(row, Column.TEXT)
        self.dataChanged.emit(index, index)

    # --- following playback -------------------------------------------------------

    def row_at(self, t_s: float) -> int | None:
        """The line being spoken at ``t_s``, or the last one begun before it.

        Where two channels overlap, the line begun last that still runs wins.
        None before the first line.
        """
        last = bisect.bisect_right(self._starts, t_s) - 1
        if last < 0:
            return None
        for row in range(last, max(-1, last - 8), -1):
            if self._segments[row].end > t_s:
                return row
        return last

    @property
    def current_row(self) -> int | None:
        return self._current

    def set_current_row(self, row: int | None) -> None:
        """Mark the line being played (shown bold, on a tinted background)."""
        if row == self._current:
            return
        previous, self._current = self._current, row
        for changed in (previous, row):
            if changed is not None and 0 <= changed < len(self._segments):
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, len(Column) - 1))

    # --- finding ------------------------------------------------------------------

    def find(self, text: str, from_row: int, backwards: bool = False) -> int | None:
        """The first line from ``from_row`` (included) whose text holds ``text``, wrapping
        around; case and accents do not matter ("modes" finds "mødes")."""
        needle = fold(text.strip())
        count = len(self._segments)
        if not needle or count == 0:
            return None
        step = -1 if backwards else 1
        for offset in range(count):
            row = (from_row + step * offset) % count
            if needle in self._folded[row]:
                return row
        return None

    # --- QAbstractTableModel ------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.SPEAKER: self.tr("Speaker"),
            Column.TIME: self.tr("Time"),
            Column.TEXT: self.tr("Text"),
        }
        return headers.get(Column(section)) if 0 <= section < len(Column) else None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        segment = self._segments[index.row()]
        if index.column() == Column.TEXT and segment.id is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        if index.row() == self._current and role in _CURRENT_STYLE:
            return _CURRENT_STYLE[role]()
        role_data = _ROLE_DATA.get(int(role))
        if role_data is None:
            return None
        return role_data(self._segments[index.row()], Column(index.column()))

    def setData(
        self, index: _ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != Column.TEXT or not isinstance(value, str):
            return False
        segment = self._segments[index.row()]
        text = " ".join(value.split())
        if segment.id is None or not text or text == segment.text:
            return False
        # Shown at once; the view saves it and puts the old text back if that fails.
        self.set_text(segment.id, text)
        self.edit_requested.emit(segment.id, text)
        return True


def _display(segment: Segment, column: Column) -> str:
    match column:
        case Column.SPEAKER:
            return speaker_name(segment)
        case Column.TIME:
            return clock(segment.start)
        case Column.TEXT:
            return segment.text


def _edit(segment: Segment, column: Column) -> str:
    return segment.text if column is Column.TEXT else _display(segment, column)


def _spoken(segment: Segment, column: Column) -> str:
    # What a screen reader says for a line: the list shows only the text column.
    if column is not Column.TEXT:
        return _display(segment, column)
    who = speaker_name(segment)
    when = clock(segment.start)
    return f"{who}, {when}: {segment.text}" if who else f"{when}: {segment.text}"


def _tooltip(segment: Segment, column: Column) -> str | None:
    return f"{clock(segment.start)} – {clock(segment.end)}" if column is Column.TIME else None


def _alignment(_segment: Segment, column: Column) -> Qt.AlignmentFlag:
    # Top: a long, wrapped line keeps its speaker and time beside its first words.
    if column is Column.TIME:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _tint() -> QColor:
    color = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
    color.setAlpha(40)
    return color


_ROLE_DATA: dict[int, Callable[[Segment, Column], object]] = {
    int(Qt.ItemDataRole.DisplayRole): _display,
    int(Qt.ItemDataRole.EditRole): _edit,
    int(Qt.ItemDataRole.ToolTipRole): _tooltip,
    int(Qt.ItemDataRole.AccessibleTextRole): _spoken,
    int(Qt.ItemDataRole.TextAlignmentRole): _alignment,
    int(START_ROLE): lambda segment, _column: segment.start,
    int(END_ROLE): lambda segment, _column: segment.end,
    int(SEGMENT_ROLE): lambda segment, _column: segment,
}

# How the line being played stands out.
_CURRENT_STYLE: dict[int, Callable[[], object]] = {
    int(Qt.ItemDataRole.FontRole): _bold,
    int(Qt.ItemDataRole.BackgroundRole): _tint,
}
