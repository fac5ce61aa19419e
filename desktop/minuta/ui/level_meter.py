"""A live level meter: a bar that shows how loud a channel is, from its peak in dBFS.

The bar rises at once and falls back gently, like a hardware meter, so speech
reads as a steady movement rather than a flicker. Its accessible description
says in words whether sound arrives (it changes only when that answer does,
so a screen reader is not flooded).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from minuta.audio.levels import SILENCE_PEAK_DBFS

FLOOR_DB = -60.0  # the bar's empty end; anything quieter shows as nothing
LOUD_DB = -12.0  # from here the bar turns amber
CLIPPING_DB = -3.0  # and from here red
_FALL_PER_UPDATE = 0.06  # how much of the bar it may drop per update


def fraction_for(dbfs: float) -> float:
    """How full the bar is for a peak of ``dbfs`` (0..1)."""
    return min(1.0, max(0.0, (dbfs - FLOOR_DB) / -FLOOR_DB))


class LevelMeter(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = FLOOR_DB - 40.0
        self._fraction = 0.0
        self._bucket = ""
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    @property
    def level_db(self) -> float:
        """The last peak shown, in dBFS."""
        return self._db

    @property
    def fraction(self) -> float:
        """How full the bar is drawn now (0..1)."""
        return self._fraction

    def set_level(self, dbfs: float) -> None:
        self._db = dbfs
        self._fraction = max(fraction_for(dbfs), self._fraction - _FALL_PER_UPDATE)
        self._describe()
        self.update()

    def reset(self) -> None:
        self._db = FLOOR_DB - 40.0
        self._fraction = 0.0
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self._db < SILENCE_PEAK_DBFS:
            bucket = self.tr("Silent")
        elif self._db < LOUD_DB:
            bucket = self.tr("Sound arrives")
        elif self._db < CLIPPING_DB:
            bucket = self.tr("Loud")
        else:
            bucket = self.tr("Too loud")
        if bucket != self._bucket:
            self._bucket = bucket
            self.setAccessibleDescription(bucket)
            self.setToolTip(bucket)

    def sizeHint(self) -> QSize:
        return QSize(160, max(10, self.fontMetrics().height() // 2 + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = min(4.0, frame.height() / 2)
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(frame, radius, radius)
        if self._fraction <= 0.0:
            return
        filled = QRectF(frame)
        filled.setWidth(frame.width() * self._fraction)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour())
        painter.drawRoundedRect(filled, radius, radius)

    def _colour(self) -> QColor:
        if self._db >= CLIPPING_DB:
            return QColor("#d64541")
        if self._db >= LOUD_DB:
            return QColor("#e0a030")
        return QColor("#3fa85b")
