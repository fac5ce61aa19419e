"""The meetings list as a Qt list model: plain data in, display text out.

It holds :class:`~minuta.core.models.Meeting` values, never the store, so it
can be filled from the worker's results and tested without any widget. The
meetings are kept newest first and grouped by day: the first meeting of each
day carries its day's heading (``DAY_HEADER_ROLE``), which the list's delegate
draws above it, so the headings are never rows a keyboard has to step over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from minuta.core.models import Meeting, MeetingState

_ROLE = Qt.ItemDataRole.UserRole
MEETING_ROLE = _ROLE + 1  # the Meeting itself
DAY_HEADER_ROLE = _ROLE + 2  # "Today", "Yesterday", "Monday 17 November"; only on a day's first row
DAY_ROLE = _ROLE + 3  # the day's heading, on every row
TIME_ROLE = _ROLE + 4  # "09:30", local time
DURATION_ROLE = _ROLE + 5  # "1 h 2 min"
PARTICIPANTS_ROLE = _ROLE + 6  # "Anna, Bo"; "" when nobody is named
LANGUAGE_ROLE = _ROLE + 7  # "Danish"
STATE_ROLE = _ROLE + 8  # MeetingState
STATE_LABEL_ROLE = _ROLE + 9  # "Ready"
STATE_COLOR_ROLE = _ROLE + 10  # QColor of the state's dot

NO_VALUE = "—"
TIME_FORMAT = "%H:%M"  # as clocks read in the Nordic countries and most of Europe

# Quiet colours that read on light and dark backgrounds alike.
STATE_COLORS = {
    MeetingState.RECORDING: "#e0281b",
    MeetingState.PROCESSING: "#e8a317",
    MeetingState.READY: "#2e9e5b",
    MeetingState.PUSHED: "#3a66d4",
}

# Whisper's codes that Qt names differently, or not at all.
_LANGUAGE_NAMES = {"no": "Norwegian", "jw": "Javanese"}

_ModelIndex = QModelIndex | QPersistentModelIndex


def untitled() -> str:
    return QCoreApplication.translate("MeetingsModel", "Untitled meeting")


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
    match state:
        case MeetingState.RECORDING:
            return QCoreApplication.translate("MeetingsModel", "Recording")
        case MeetingState.PROCESSING:
            # Saved; the transcript is still to come.
            return QCoreApplication.translate("MeetingsModel", "Processing")
        case MeetingState.READY:
            return QCoreApplication.translate("MeetingsModel", "Ready")
        case MeetingState.PUSHED:
            # The reviewed notes went to the CRM.
            return QCoreApplication.translate("MeetingsModel", "Sent to CRM")
    return str(state.value).capitalize()


def duration_text(seconds: float) -> str:
    """ "45 min", "1 h 2 min", "Under a minute": how people say it, not a clock."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return QCoreApplication.translate("MeetingsModel", "Under a minute")
    if minutes < 60:
        return QCoreApplication.translate("MeetingsModel", "{minutes} min").format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return QCoreApplication.translate("MeetingsModel", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("MeetingsModel", "{hours} h {minutes} min").format(
        hours=hours, minutes=rest
    )


def day_heading(day: date, today: date, locale: QLocale | None = None) -> str:
    """ "Today", "Yesterday", else the weekday and date (with the year when not this one)."""
    if day == today:
        return QCoreApplication.translate("MeetingsModel", "Today")
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("MeetingsModel", "Yesterday")
    locale = locale if locale is not None else QLocale()
    pattern = "dddd d MMMM" if day.year == today.year else "dddd d MMMM yyyy"
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def participants_text(participants: Sequence[str]) -> str:
    names = [name.strip() for name in participants if name.strip()]
    return ", ".join(names)


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


class MeetingsModel(QAbstractListModel):
    """Meetings newest first; ``today`` is injectable so tests fix the day."""

    def __init__(
        self,
        meetings: Sequence[Meeting] = (),
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._today = today
        self._meetings: list[Meeting] = []
        self._headings: list[str] = []
        self._first_of_day: list[bool] = []
        self._fill(meetings)

    # --- contents -----------------------------------------------------------------

    def set_meetings(self, meetings: Sequence[Meeting]) -> None:
        self.beginResetModel()
        self._fill(meetings)
        self.endResetModel()

    def _fill(self, meetings: Sequence[Meeting]) -> None:
        self._meetings = sorted(meetings, key=lambda m: (m.started_at.timestamp(), m.id))[::-1]
        today = self._today()
        days = [local_day(m.started_at) for m in self._meetings]
        headings: dict[date, str] = {}
        self._headings = [headings.setdefault(d, day_heading(d, today)) for d in days]
        self._first_of_day = [i == 0 or days[i] != days[i - 1] for i in range(len(days))]

    def meeting_at(self, row: int) -> Meeting:
        return self._meetings[row]

    def row_of(self, meeting_id: int) -> int | None:
        """The row showing this meeting, if it is listed."""
        for row, meeting in enumerate(self._meetings):
            if meeting.id == meeting_id:
                return row
        return None

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """In the order shown: newest first."""
        return tuple(self._meetings)

    def day_headings(self) -> list[str]:
        """Each day's heading once, in order: what the list shows as group titles."""
        return [h for h, first in zip(self._headings, self._first_of_day, strict=True) if first]

    # --- QAbstractListModel -------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._meetings)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        row = index.row()
        meeting = self._meetings[row]
        role = int(role)
        if role == DAY_HEADER_ROLE:
            return self._headings[row] if self._first_of_day[row] else None
        if role == DAY_ROLE:
            return self._headings[row]
        if role == int(Qt.ItemDataRole.AccessibleTextRole):
            return self._spoken(meeting, self._headings[row])
        role_data = _ROLE_DATA.get(role)
        return None if role_data is None else role_data(meeting)

    def _spoken(self, meeting: Meeting, day: str) -> str:
        """One sentence for a screen reader: the delegate's picture, in words."""
        parts = [
            _title(meeting),
            f"{day} {_time(meeting)}",
            duration_text(meeting.duration_s),
            state_label(meeting.state),
        ]
        if meeting.participants:
            parts.insert(3, participants_text(meeting.participants))
        return ", ".join(parts)


def _title(meeting: Meeting) -> str:
    return meeting.title.strip() or untitled()


def _time(meeting: Meeting) -> str:
    return meeting.started_at.astimezone().strftime(TIME_FORMAT)


def _tooltip(meeting: Meeting) -> str:
    lines = [
        _title(meeting),
        meeting.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
    ]
    if meeting.participants:
        lines.append(participants_text(meeting.participants))
    language = (
        language_name(meeting.language)
        if meeting.language
        else QCoreApplication.translate("MeetingsModel", "not detected yet")
    )
    lines.append(
        QCoreApplication.translate("MeetingsModel", "Language: {language}").format(
            language=language
        )
    )
    return "\n".join(lines)


_ROLE_DATA: dict[int, Callable[[Meeting], object]] = {
    int(Qt.ItemDataRole.DisplayRole): _title,
    int(Qt.ItemDataRole.ToolTipRole): _tooltip,
    int(MEETING_ROLE): lambda meeting: meeting,
    int(TIME_ROLE): _time,
    int(DURATION_ROLE): lambda meeting: duration_text(meeting.duration_s),
    int(PARTICIPANTS_ROLE): lambda meeting: participants_text(meeting.participants),
    int(LANGUAGE_ROLE): lambda meeting: language_name(meeting.language),
    int(STATE_ROLE): lambda meeting: meeting.state,
    int(STATE_LABEL_ROLE): lambda meeting: state_label(meeting.state),
    int(STATE_COLOR_ROLE): lambda meeting: QColor(STATE_COLORS.get(meeting.state, "#808080")),
}
