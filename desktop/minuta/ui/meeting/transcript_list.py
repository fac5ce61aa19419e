"""The transcript to read, play from and correct: speaker, time and text on each line.

A list, not a table widget: an hour's transcript has thousands of lines, each
as tall as its wrapped text, and a table that sizes rows to their contents
measures every line again on each change (over a second for 3,000 lines). This
list lays lines out in batches between events, with each line's height cached,
so neither loading, following playback nor resizing holds up the window.
It shows the model's text column; the delegate draws the speaker and the time
beside it.

A click (or Enter) on a line asks to play from it; double-click or F2 edits its
text; Space plays or pauses.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from minuta.ui.meeting.transcript_model import Column, TranscriptModel, speaker_name

_ModelIndex = QModelIndex | QPersistentModelIndex
PAD = 8
_MAX_SPEAKER_CHARS = 18
_BATCH = 200


class _LineDelegate(QStyledItemDelegate):
    """Draws one line as three columns; the text wraps within the last."""

    def __init__(self, view: TranscriptList) -> None:
        super().__init__(view)
        self._view = view
        self.speaker_width = 0
        self.time_width = 0
        self._heights: dict[tuple[str, int, bool], int] = {}

    def set_column_widths(self, speaker: int, time: int) -> None:
        self.speaker_width, self.time_width = speaker, time
        self._heights.clear()

    def _text_left(self) -> int:
        return self.speaker_width + self.time_width + 3 * PAD

    def _text_width(self) -> int:
        return max(80, self._view.viewport().width() - self._text_left() - PAD)

    def _options(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QStyleOptionViewItem:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        return styled

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        styled = self._options(option, index)
        width = self._text_width()
        key = (styled.text, width, styled.font.bold())
        height = self._heights.get(key)
        if height is None:
            metrics = QFontMetrics(styled.font)
            bounds = QRect(0, 0, width, 1_000_000)
            height = metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, styled.text).height()
            height = max(height, metrics.height()) + PAD
            self._heights[key] = height
        return QSize(self._view.viewport().width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        styled = self._options(option, index)
        text = styled.text
        styled.text = ""
        widget = self._view
        style = widget.style()
        # Background, selection and focus as the platform draws them; the text on top.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
        selected = bool(styled.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(styled.font)
        painter.setPen(styled.palette.color(role))
        rect = styled.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        speaker = str(index.sibling(index.row(), Column.SPEAKER).data() or "")
        time = str(index.sibling(index.row(), Column.TIME).data() or "")
        top = Qt.AlignmentFlag.AlignTop
        speaker_rect = QRect(rect.left(), rect.top(), self.speaker_width, rect.height())
        elided = painter.fontMetrics().elidedText(
            speaker, Qt.TextElideMode.ElideRight, self.speaker_width
        )
        painter.drawText(speaker_rect, int(top | Qt.AlignmentFlag.AlignLeft), elided)
        time_rect = QRect(speaker_rect.right() + PAD, rect.top(), self.time_width, rect.height())
        painter.drawText(time_rect, int(top | Qt.AlignmentFlag.AlignRight), time)
        text_rect = self._text_rect(styled.rect)
        flags = int(top | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        painter.drawText(text_rect, flags, text)
        painter.restore()

    def _text_rect(self, row: QRect) -> QRect:
        left = row.left() + self._text_left()
        return QRect(left, row.top() + PAD // 2, self._text_width(), row.height() - PAD)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: _ModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Correct this line"))
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: _ModelIndex
    ) -> None:
        rect = self._text_rect(option.rect)
        rect.setHeight(max(rect.height(), editor.sizeHint().height()))
        editor.setGeometry(rect)


class TranscriptList(QListView):
    line_clicked = Signal(int)  # row
    toggle_requested = Signal()

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setModelColumn(Column.TEXT)
        self._delegate = _LineDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setObjectName("transcript")
        self.setAccessibleName(self.tr("Transcript"))
        self.setToolTip(self.tr("Click a line to play it; double-click or F2 to correct it"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(_BATCH)
        self.setFrameShape(QListView.Shape.NoFrame)
        model.modelReset.connect(self._measure_columns)
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)
        self._measure_columns()

    def _measure_columns(self) -> None:
        # Measured in bold: the line being played is drawn bold and must not be cut short.
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        names = {speaker_name(segment) for segment in self._model.segments}
        limit = metrics.averageCharWidth() * _MAX_SPEAKER_CHARS
        # A character to spare: measured here, a bold name came out a little narrower than
        # painted, and was cut to "Th…".
        spare = metrics.averageCharWidth()
        speaker = max((metrics.horizontalAdvance(n) + spare for n in names if n), default=0)
        self._delegate.set_column_widths(min(speaker, limit), metrics.horizontalAdvance("0:00:00"))

    @property
    def editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def selected_row(self) -> int | None:
        indexes = self.selectionModel().selectedIndexes()
        return indexes[0].row() if indexes else None

    def show_row(self, row: int, *, select: bool, center: bool = False) -> None:
        index = self.model().index(row, Column.TEXT)
        if select:
            self.setCurrentIndex(index)
        hint = (
            QAbstractItemView.ScrollHint.PositionAtCenter
            if center
            else QAbstractItemView.ScrollHint.EnsureVisible
        )
        self.scrollTo(index, hint)

    def _clicked(self, index: _ModelIndex) -> None:
        self.line_clicked.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space plays or pauses here (a list would only reselect the line).
        if event.key() == Qt.Key.Key_Space and not self.editing:
            self.toggle_requested.emit()
            return
        super().keyPressEvent(event)
