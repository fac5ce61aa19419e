"""The meetings list as a Qt table model: plain data in, display text out.

It holds :class:`~minuta.core.models.Meeting` values, never the store, so it
can be filled from the worker's results and tested without any widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from minuta.core.models import Meeting, MeetingState
from minuta.core.timecode import clock

# Raw values for sorting (a proxy sorts on this role), and the Meeting itself.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MEETING_ROLE = Qt.ItemDataRole.UserRole + 2

NO_VALUE = "—"
UNTITLED = "Untitled meeting"
DATE_FORMAT = "%Y-%m-%d %H:%M"  # unambiguous in every locale, as in `minuta list`

_STATE_LABELS = {
    MeetingState.RECORDING: "Recording",
    MeetingState.PROCESSING: "Processing",  # saved; transcript still to come
    MeetingState.READY: "Ready",
}

# Whisper's codes that Qt names differently, or not at all.
_LANGUAGE_NAMES = {"no": "Norwegian", "jw": "Javanese"}

_ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    DATE = 1
    DURATION = 2
    LANGUAGE = 3
    STATE = 4


HEADERS = {
    Column.TITLE: "Title",
    Column.DATE: "Date",
    Column.DURATION: "Duration",
    Column.LANGUAGE: "Language",
    Column.STATE: "State",
}


def language_name(code: str | None) -> str:
    """ "Danish" for "da"; the code itself where Qt knows no name for it."""
    if not code:
        return NO_VALUE
    if code in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[code]
    language = QLocale(code).language()
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return QLocale.languageToString(language)


def state_label(state: MeetingState) -> str:
    return _STATE_LABELS.get(state, state.value.capitalize())


class MeetingsModel(QAbstractTableModel):
    def __init__(self, meetings: Sequence[Meeting] = ()) -> None:
        super().__init__()
        self._meetings: list[Meeting] = list(meetings)

    # --- contents -----------------------------------------------------------------

    def set_meetings(self, meetings: Sequence[Meeting]) -> None:
        self.beginResetModel()
        self._meetings = list(meetings)
        self.endResetModel()

    def meeting_at(self, row: int) -> Meeting:
        return self._meetings[row]

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(self._meetings)

    # --- QAbstractTableModel ------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        # A table has rows only under the invisible root.
        return 0 if parent.isValid() else len(self._meetings)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(Column(section))
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        role_data = _ROLE_DATA.get(int(role))
        if role_data is None:
            return None
        return role_data(self._meetings[index.row()], Column(index.column()))


def _display(meeting: Meeting, column: Column) -> str:
    match column:
        case Column.TITLE:
            return meeting.title.strip() or UNTITLED
        case Column.DATE:
            return meeting.started_at.astimezone().strftime(DATE_FORMAT)
        case Column.DURATION:
            return clock(meeting.duration_s)
        case Column.LANGUAGE:
            return language_name(meeting.language)
        case Column.STATE:
            return state_label(meeting.state)


def _tooltip(meeting: Meeting, column: Column) -> str | None:
    match column:
        case Column.TITLE:
            return meeting.title.strip() or None
        case Column.LANGUAGE:
            return meeting.language or "Not detected yet"
        case _:
            return None


def _sort_key(meeting: Meeting, column: Column) -> object:
    match column:
        case Column.TITLE:
            return (meeting.title.strip() or UNTITLED).casefold()
        case Column.DATE:
            return meeting.started_at.timestamp()
        case Column.DURATION:
            return meeting.duration_s
        case Column.LANGUAGE:
            return language_name(meeting.language).casefold()
        case Column.STATE:
            return list(MeetingState).index(meeting.state)


def _alignment(column: Column) -> Qt.AlignmentFlag:
    if column is Column.DURATION:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_ROLE_DATA: dict[int, Callable[[Meeting, Column], object]] = {
    int(Qt.ItemDataRole.DisplayRole): _display,
    int(Qt.ItemDataRole.ToolTipRole): _tooltip,
    int(Qt.ItemDataRole.TextAlignmentRole): lambda _meeting, column: _alignment(column),
    int(SORT_ROLE): _sort_key,
    int(MEETING_ROLE): lambda meeting, _column: meeting,
}
