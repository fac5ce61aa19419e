"""The seek bar: keyboard steps, clicks that jump, and highlight marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from minuta.ui.meeting.seek_bar import SeekBar

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(qtbot) -> SeekBar:
    seek_bar = SeekBar()
    qtbot.addWidget(seek_bar)
    seek_bar.resize(600, 40)
    seek_bar.set_duration(120.0)
    seek_bar.show()
    qtbot.waitExposed(seek_bar)
    return seek_bar


def test_the_player_moving_it_is_not_a_seek(qtbot, bar):
    with qtbot.assertNotEmitted(bar.seek_requested):
        bar.set_position(42.5)
    assert bar.position_s == 42.5
    assert bar.accessibleDescription() == "00:42"


def test_arrow_keys_move_five_seconds(qtbot, bar):
    bar.set_position(30.0)
    with qtbot.waitSignal(bar.seek_requested) as moved:
        qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert moved.args == [35.0]
    with qtbot.waitSignal(bar.seek_requested) as moved:
        qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert moved.args == [30.0]
    with qtbot.waitSignal(bar.seek_requested) as moved:
        qtbot.keyClick(bar, Qt.Key.Key_End)
    assert moved.args == [120.0]


def test_a_click_goes_straight_to_that_moment(qtbot, bar):
    with qtbot.waitSignal(bar.seek_requested) as moved:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(450, 20))
    # About three quarters of the way along (the groove has a little margin).
    assert moved.args[0] == pytest.approx(90.0, abs=6.0)


def test_highlights_are_marked(qtbot, bar):
    bar.set_marks([(80.0, "Price"), (10.0, "")])
    assert bar.marks == ((10.0, ""), (80.0, "Price"))
    image = bar.grab().toImage()
    accent = bar.palette().color(bar.palette().ColorRole.Accent)
    x = round(bar._groove().left() + 80 / 120 * bar._groove().width())
    column = [image.pixelColor(x, y) for y in range(image.height())]
    assert any(abs(c.hue() - accent.hue()) < 10 and c.saturation() > 60 for c in column)
