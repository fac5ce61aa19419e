"""The meetings table model, without any widget."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from ui_support import meeting

from minuta.core.models import MeetingState
from minuta.ui.meetings_model import (
    MEETING_ROLE,
    NO_VALUE,
    SORT_ROLE,
    UNTITLED,
    Column,
    MeetingsModel,
    language_name,
)

pytestmark = pytest.mark.gui

DISPLAY = Qt.ItemDataRole.DisplayRole


def cell(model: MeetingsModel, row: int, column: Column, role: int = DISPLAY) -> object:
    return model.data(model.index(row, column), role)


def test_empty_model_has_columns_and_no_rows(qtmodeltester):
    model = MeetingsModel()
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Title", "Date", "Duration", "Language", "State"]
    qtmodeltester.check(model)


def test_rows_show_title_date_duration_language_and_state(qtmodeltester):
    started = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    model = MeetingsModel([meeting("Customer call", started_at=started, duration_s=3725.0)])
    qtmodeltester.check(model)

    assert cell(model, 0, Column.TITLE) == "Customer call"
    assert cell(model, 0, Column.DATE) == started.astimezone().strftime("%Y-%m-%d %H:%M")
    assert cell(model, 0, Column.DURATION) == "1:02:05"
    assert cell(model, 0, Column.LANGUAGE) == "Danish"
    assert cell(model, 0, Column.STATE) == "Ready"
    assert cell(model, 0, Column.LANGUAGE, Qt.ItemDataRole.ToolTipRole) == "da"
    assert cell(model, 0, Column.TITLE, MEETING_ROLE) == model.meeting_at(0)


def test_missing_values_read_as_such():
    model = MeetingsModel(
        [meeting("   ", language=None, state=MeetingState.PROCESSING, duration_s=59.4)]
    )
    assert cell(model, 0, Column.TITLE) == UNTITLED
    assert cell(model, 0, Column.LANGUAGE) == NO_VALUE
    assert cell(model, 0, Column.LANGUAGE, Qt.ItemDataRole.ToolTipRole) == "Not detected yet"
    assert cell(model, 0, Column.STATE) == "Processing"
    assert cell(model, 0, Column.DURATION) == "00:59"


def test_duration_is_right_aligned():
    model = MeetingsModel([meeting()])
    alignment = cell(model, 0, Column.DURATION, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_set_meetings_resets_the_model(qtbot):
    model = MeetingsModel([meeting("One")])
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_meetings([meeting("Two", id=2), meeting("Three", id=3)])
    assert model.rowCount() == 2
    assert [m.title for m in model.meetings] == ["Two", "Three"]


def test_invalid_indexes_and_other_roles_give_nothing():
    model = MeetingsModel([meeting()])
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_sorting_uses_raw_values_not_display_text():
    # "9:00" sorts after "10:00" as text; as seconds it does not.
    short = meeting("Short", id=1, duration_s=9 * 60)
    long = meeting("Long", id=2, duration_s=10 * 60 * 6)
    model = MeetingsModel([long, short])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.DURATION, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, Column.TITLE)) == "Short"

    early = meeting("Early", id=3, started_at=datetime(2024, 1, 1, tzinfo=UTC))
    model.set_meetings([early, long, short])
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, Column.TITLE)) == "Early"


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
