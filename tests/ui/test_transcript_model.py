"""The transcript table model, without any widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from minuta.core.models import ChannelKind, Segment, Word
from minuta.ui.meeting.transcript_model import (
    END_ROLE,
    SEGMENT_ROLE,
    START_ROLE,
    Column,
    TranscriptModel,
)

MIC, SYSTEM, MIXED = ChannelKind.MICROPHONE, ChannelKind.SYSTEM, ChannelKind.MIXED


def lines() -> list[Segment]:
    return [
        Segment(0.0, 2.5, "Vi mødes på torsdag.", (Word(0, 0.4, "Vi", 0.9),), MIC, "me", id=1),
        Segment(3.0, 9.0, "Hvad koster Ærø-færgen?", (), SYSTEM, "them", id=2),
        Segment(5.0, 6.0, "Ja.", (), MIC, "me", id=3),  # said over the other line
        Segment(61.25, 65.5, "MØDES igen næste uge", (), SYSTEM, "Kari Nordmann", id=4),
    ]


@pytest.fixture
def model(qapp) -> TranscriptModel:
    return TranscriptModel(lines())


def test_columns_show_speaker_time_and_text(model):
    assert model.rowCount() == 4 and model.columnCount() == 3
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert header == ["Speaker", "Time", "Text"]
    row = [model.index(3, c).data() for c in Column]
    assert row == ["Kari Nordmann", "01:01", "MØDES igen næste uge"]
    assert model.index(0, Column.SPEAKER).data() == "Me"
    assert model.index(1, Column.SPEAKER).data() == "Them"
    assert model.index(3, Column.TIME).data(Qt.ItemDataRole.ToolTipRole) == "01:01 – 01:05"


def test_an_imported_files_single_voice_is_not_named():
    model = TranscriptModel([Segment(0.0, 1.0, "Hej.", (), MIXED, "speaker", id=9)])
    assert model.index(0, Column.SPEAKER).data() == ""


def test_roles_give_times_and_the_segment(model):
    index = model.index(3, Column.TEXT)
    assert index.data(START_ROLE) == 61.25
    assert index.data(END_ROLE) == 65.5
    assert index.data(SEGMENT_ROLE).id == 4


def test_row_at_follows_playback(model):
    assert model.row_at(-1.0) is None
    assert model.row_at(0.0) == 0
    assert model.row_at(2.7) == 0  # between lines: the last one begun
    assert model.row_at(5.5) == 2  # overlap: the line begun last that still runs
    assert model.row_at(7.0) == 1  # the short one is over, the long one goes on
    assert model.row_at(500.0) == 3


def test_only_text_is_editable_and_an_edit_is_requested(model, qtbot):
    assert not model.flags(model.index(0, Column.SPEAKER)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, Column.TEXT)) & Qt.ItemFlag.ItemIsEditable
    index = model.index(0, Column.TEXT)
    assert index.data(Qt.ItemDataRole.EditRole) == "Vi mødes på torsdag."
    with qtbot.waitSignal(model.edit_requested) as edited:
        assert model.setData(index, "  Vi ses på   fredag. ")
    assert edited.args == [1, "Vi ses på fredag."]
    assert index.data() == "Vi ses på fredag."
    assert model.segment_at(0).words == ()  # the store drops an edited line's word timings
    with qtbot.assertNotEmitted(model.edit_requested):
        assert not model.setData(index, "Vi ses på fredag.")  # unchanged
        assert not model.setData(index, "   ")  # a line is not emptied by accident
        assert not model.setData(model.index(0, Column.SPEAKER), "Bo")


def test_a_failed_save_can_be_undone(model):
    model.setData(model.index(1, Column.TEXT), "Wrong")
    model.set_text(2, "Hvad koster Ærø-færgen?")
    assert model.index(1, Column.TEXT).data() == "Hvad koster Ærø-færgen?"
    assert model.find("wrong", 0) is None


def test_find_ignores_case_and_accents_and_wraps(model):
    assert model.find("modes", 0) == 0  # "modes" finds "mødes"
    assert model.find("modes", 1) == 3  # "MØDES"
    assert model.find("modes", 2) == 3
    assert model.find("mødes", 3, backwards=True) == 3
    assert model.find("modes", 2, backwards=True) == 0
    assert model.find("MODES", 3, backwards=False) == 3
    assert model.find("modes", 4 % 4) == 0  # wrapping around
    assert model.find("aero-faergen", 0) == 1
    assert model.find("zanzibar", 0) is None
    assert model.find("  ", 0) is None


def test_the_current_line_stands_out(model, qtbot):
    with qtbot.waitSignal(model.dataChanged):
        model.set_current_row(1)
    assert model.current_row == 1
    assert model.index(1, Column.TEXT).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, Column.TEXT).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, Column.TEXT).data(Qt.ItemDataRole.FontRole) is None
    model.set_segments(lines())
    assert model.current_row is None
