"""The playback position as a slider, with the meeting's highlights marked on it.

A QSlider underneath, so keyboard use and screen readers work as for any
slider: Left/Right move 5 s, Page Up/Down 30 s, Home/End to either end. A click
on the groove goes straight to that moment instead of paging towards it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from minuta.core.timecode import clock

STEP_MS = 5_000
PAGE_MS = 30_000
_MARK_SIZE = 5.0


class SeekBar(QSlider):
    seek_requested = Signal(float)  # meeting time in seconds, asked for by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 0)
        self.setSingleStep(STEP_MS)
        self.setPageStep(PAGE_MS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Position in the recording"))
        self.setToolTip(self.tr("Position (Left/Right: 5 seconds back or on)"))
        self.setMinimumHeight(self.fontMetrics().height() + 2 * int(_MARK_SIZE) + 4)
        self._marks: list[tuple[float, str]] = []
        self._setting = False  # the player moves the slider: not a request to seek
        self.valueChanged.connect(self._value_changed)

    # --- what is shown ------------------------------------------------------------

    @property
    def duration_s(self) -> float:
        return self.maximum() / 1000

    def set_duration(self, duration_s: float) -> None:
        self._setting = True
        try:
            self.setMaximum(max(0, round(duration_s * 1000)))
        finally:
            self._setting = False

    @property
    def position_s(self) -> float:
        return self.value() / 1000

    def set_position(self, t_s: float) -> None:
        if self.isSliderDown():
            return  # the user is dragging: their hand wins
        self._setting = True
        try:
            self.setValue(round(t_s * 1000))
        finally:
            self._setting = False
        self.setAccessibleDescription(clock(t_s))

    @property
    def marks(self) -> tuple[tuple[float, str], ...]:
        return tuple(self._marks)

    def set_marks(self, marks: Sequence[tuple[float, str]]) -> None:
        """Highlights to mark: (meeting time, label)."""
        self._marks = sorted(marks)
        self.update()

    # --- input --------------------------------------------------------------------

    def _value_changed(self, value: int) -> None:
        if not self._setting:
            self.seek_requested.emit(value / 1000)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            groove = self._groove()
            x = event.position().x() - groove.x()
            value = QStyle.sliderValueFromPosition(
                self.minimum(), self.maximum(), round(x), max(1, groove.width())
            )
            self.setValue(value)
        super().mousePressEvent(event)

    # --- painting -----------------------------------------------------------------

    def _groove(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks or self.maximum() <= 0:
            return
        groove = self._groove()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self.palette().color(QPalette.ColorRole.Accent)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        top = float(groove.top()) - 1
        for t_s, _label in self._marks:
            fraction = min(1.0, max(0.0, t_s * 1000 / self.maximum()))
            x = groove.left() + fraction * groove.width()
            # A small downward triangle above the groove: visible without hiding the handle.
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x - _MARK_SIZE, top - _MARK_SIZE),
                        QPointF(x + _MARK_SIZE, top - _MARK_SIZE),
                        QPointF(x, top),
                    ]
                )
            )
        painter.end()
