"""The live transcript while recording: a list of "[mm:ss] speaker: text" lines.

Lines arrive in batches as they are confirmed, from two channels that are
decoded independently, so a batch may hold a line that started before the
last one shown: each is put in its place by start time. The view follows the
newest line, unless the user has scrolled up to read something.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from minuta.core.models import ChannelKind, Segment
from minuta.core.timecode import clock

_Index = QModelIndex | QPersistentModelIndex
_AT_BOTTOM_SLACK = 4  # pixels: "at the bottom" even if not exactly


class LiveTranscriptModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Segment] = []
        self._starts: list[float] = []
        self._user_name: str | None = None

    @property
    def lines(self) -> list[Segment]:
        return list(self._lines)

    def set_user_name(self, name: str | None) -> None:
        """How the microphone's speaker is shown (None: "me")."""
        self._user_name = name or None
        if self._lines:
            self.dataChanged.emit(self.index(0), self.index(len(self._lines) - 1))

    def speaker(self, segment: Segment) -> str:
        if segment.channel is ChannelKind.MICROPHONE:
            return self._user_name or self.tr("me")
        if segment.channel is ChannelKind.SYSTEM:
            return self.tr("them")
        return segment.speaker or self.tr("speaker")

    def line_text(self, row: int) -> str:
        segment = self._lines[row]
        return f"[{clock(segment.start)}] {self.speaker(segment)}: {segment.text.strip()}"

    def add_lines(self, segments: Iterable[Segment]) -> None:
        for segment in sorted(segments, key=lambda s: s.start):
            row = bisect.bisect_right(self._starts, segment.start)
            self.beginInsertRows(QModelIndex(), row, row)
            self._lines.insert(row, segment)
            self._starts.insert(row, segment.start)
            self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._lines.clear()
        self._starts.clear()
        self.endResetModel()

    # --- QAbstractListModel --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.line_text(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._lines[index.row()].text.strip()
        return None


class LiveTranscriptView(QListView):
    """Follows new lines while the user is at the bottom; stays put when they scrolled up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._follow = True
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsAboutToBeInserted.disconnect(self._before_insert)
            old.rowsInserted.disconnect(self._after_insert)
        super().setModel(model)
        if model is not None:
            model.rowsAboutToBeInserted.connect(self._before_insert)
            model.rowsInserted.connect(self._after_insert)

    @property
    def following(self) -> bool:
        """Whether the view was at the newest line when lines last came in."""
        return self._follow

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - _AT_BOTTOM_SLACK

    def _before_insert(self) -> None:
        self._follow = self.at_bottom()

    def _after_insert(self) -> None:
        if self._follow:
            self.scrollToBottom()
