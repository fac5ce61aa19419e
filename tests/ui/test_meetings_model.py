"""The meetings list model, without any widget: order, day headings, the words shown."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor
from ui_support import meeting

from minuta.core.models import MeetingState
from minuta.ui.meetings_model import (
    DAY_HEADER_ROLE,
    DAY_ROLE,
    DURATION_ROLE,
    LANGUAGE_ROLE,
    MEETING_ROLE,
    NO_VALUE,
    PARTICIPANTS_ROLE,
    STATE_COLOR_ROLE,
    STATE_LABEL_ROLE,
    STATE_ROLE,
    TIME_ROLE,
    MeetingsModel,
    day_heading,
    duration_text,
    language_name,
)
from minuta.ui.meetings_view import details_line

pytestmark = pytest.mark.gui

DISPLAY = Qt.ItemDataRole.DisplayRole


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 30) -> datetime:
    """A moment in this machine's own time zone, as the list shows it."""
    return datetime(year, month, day, hour, minute).astimezone()


def fixed_today(day: date):
    return lambda: day


def cell(model: MeetingsModel, row: int, role: int = DISPLAY) -> object:
    return model.data(model.index(row, 0), role)


def test_empty_model_has_no_rows(qtmodeltester):
    model = MeetingsModel()
    assert model.rowCount() == 0
    assert model.day_headings() == []
    qtmodeltester.check(model)


def test_a_meeting_shows_title_time_duration_participants_language_and_state(qtmodeltester):
    started = local(2025, 3, 14, 9, 30)
    model = MeetingsModel(
        [
            meeting(
                "Customer call",
                started_at=started,
                duration_s=3725.0,
                participants=("Anna Berg", "Bo Ek"),
            )
        ],
        today=fixed_today(date(2025, 3, 14)),
    )
    qtmodeltester.check(model)

    assert cell(model, 0) == "Customer call"
    assert cell(model, 0, TIME_ROLE) == "09:30"
    assert cell(model, 0, DURATION_ROLE) == "1 h 2 min"
    assert cell(model, 0, PARTICIPANTS_ROLE) == "Anna Berg, Bo Ek"
    assert cell(model, 0, LANGUAGE_ROLE) == "Danish"
    assert cell(model, 0, STATE_ROLE) is MeetingState.READY
    assert cell(model, 0, STATE_LABEL_ROLE) == "Ready"
    assert cell(model, 0, MEETING_ROLE) == model.meeting_at(0)
    assert details_line(model.index(0, 0)) == "09:30  ·  1 h 2 min  ·  Anna Berg, Bo Ek  ·  Danish"
    tooltip = str(cell(model, 0, Qt.ItemDataRole.ToolTipRole))
    assert "2025-03-14 09:30" in tooltip
    assert "Anna Berg, Bo Ek" in tooltip
    spoken = str(cell(model, 0, Qt.ItemDataRole.AccessibleTextRole))
    assert spoken == "Customer call, Today 09:30, 1 h 2 min, Anna Berg, Bo Ek, Ready"


def test_missing_values_read_as_such():
    model = MeetingsModel(
        [meeting("   ", language=None, state=MeetingState.PROCESSING, duration_s=20.0)]
    )
    assert cell(model, 0) == "Untitled meeting"
    assert cell(model, 0, LANGUAGE_ROLE) == NO_VALUE
    assert "not detected yet" in str(cell(model, 0, Qt.ItemDataRole.ToolTipRole))
    assert cell(model, 0, STATE_LABEL_ROLE) == "Processing"
    assert cell(model, 0, DURATION_ROLE) == "Under a minute"
    assert cell(model, 0, PARTICIPANTS_ROLE) == ""
    # No language, no participants: the details line leaves them out, no dangling dots.
    assert details_line(model.index(0, 0)).count("·") == 1


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "Under a minute"), (29, "Under a minute"), (45 * 60, "45 min"), (3600, "1 h")],
)
def test_durations_read_as_people_say_them(seconds, text):
    assert duration_text(seconds) == text


def test_every_state_has_its_own_words_and_colour():
    model = MeetingsModel([meeting(state=state, id=i) for i, state in enumerate(MeetingState)])
    rows = {cell(model, r, STATE_ROLE): r for r in range(model.rowCount())}
    labels = {state: cell(model, row, STATE_LABEL_ROLE) for state, row in rows.items()}
    assert labels == {
        MeetingState.RECORDING: "Recording",
        MeetingState.PROCESSING: "Processing",
        MeetingState.READY: "Ready",
        MeetingState.PUSHED: "Sent to CRM",
    }
    colours = {cell(model, row, STATE_COLOR_ROLE).name() for row in rows.values()}
    assert len(colours) == len(MeetingState)
    assert all(isinstance(cell(model, r, STATE_COLOR_ROLE), QColor) for r in rows.values())


def test_meetings_are_newest_first_and_grouped_by_day(qtmodeltester):
    today = date(2025, 11, 20)  # a Thursday
    model = MeetingsModel(
        [
            meeting("Last week", id=1, started_at=local(2025, 11, 10, 14)),
            meeting("Today early", id=2, started_at=local(2025, 11, 20, 8)),
            meeting("Yesterday", id=3, started_at=local(2025, 11, 19, 16)),
            meeting("Today late", id=4, started_at=local(2025, 11, 20, 15)),
            meeting("Last year", id=5, started_at=local(2024, 12, 30, 10)),
        ],
        today=fixed_today(today),
    )
    qtmodeltester.check(model)
    titles = [cell(model, r) for r in range(model.rowCount())]
    assert titles == ["Today late", "Today early", "Yesterday", "Last week", "Last year"]

    headers = [cell(model, r, DAY_HEADER_ROLE) for r in range(model.rowCount())]
    monday = QLocale().toString(QDate(2025, 11, 10), "dddd d MMMM")
    last_year = QLocale().toString(QDate(2024, 12, 30), "dddd d MMMM yyyy")
    assert headers == ["Today", None, "Yesterday", monday, last_year]
    assert model.day_headings() == ["Today", "Yesterday", monday, last_year]
    # Every row knows its day, for the screen reader and the search hits alike.
    assert cell(model, 1, DAY_ROLE) == "Today"


def test_day_headings():
    today = date(2025, 11, 20)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert day_heading(today, today, english) == "Today"
    assert day_heading(today - timedelta(days=1), today, english) == "Yesterday"
    assert day_heading(date(2025, 11, 17), today, english) == "Monday 17 November"
    assert day_heading(date(2024, 11, 18), today, english) == "Monday 18 November 2024"
    danish = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    assert day_heading(date(2025, 11, 17), today, danish) == "mandag 17 november"


def test_set_meetings_resets_the_model(qtbot):
    model = MeetingsModel([meeting("One")])
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_meetings([meeting("Two", id=2), meeting("Three", id=3)])
    assert model.rowCount() == 2
    assert sorted(m.title for m in model.meetings) == ["Three", "Two"]
    assert model.row_of(3) is not None
    assert model.row_of(1) is None


def test_invalid_indexes_and_other_roles_give_nothing():
    model = MeetingsModel([meeting()])
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.rowCount(model.index(0, 0)) == 0


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("da", "Danish"),
        ("sv", "Swedish"),
        ("no", "Norwegian"),
        ("fi", "Finnish"),
        ("lt", "Lithuanian"),
        ("en", "English"),
        ("jw", "Javanese"),
        ("zz", "zz"),
        (None, NO_VALUE),
    ],
)
def test_language_names(code, name):
    assert language_name(code) == name


def test_started_at_in_utc_is_shown_in_local_time():
    started = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    model = MeetingsModel([meeting(started_at=started)])
    assert cell(model, 0, TIME_ROLE) == started.astimezone().strftime("%H:%M")
