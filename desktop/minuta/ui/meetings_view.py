"""The meetings list: one calm card per meeting, under a heading for each day.

A plain :class:`QListView` over :class:`~minuta.ui.meetings_model.MeetingsModel`;
the delegate draws the day heading above a day's first meeting, so keyboard
navigation moves from meeting to meeting and never lands on a heading.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from minuta.ui.meetings_model import (
    DAY_HEADER_ROLE,
    DURATION_ROLE,
    LANGUAGE_ROLE,
    MEETING_ROLE,
    NO_VALUE,
    PARTICIPANTS_ROLE,
    STATE_COLOR_ROLE,
    STATE_LABEL_ROLE,
    TIME_ROLE,
)

_ModelIndex = QModelIndex | QPersistentModelIndex

H_PAD = 16  # left and right inside a card
V_PAD = 9  # above and below a card's two lines
LINE_GAP = 3
HEADER_TOP = 14  # space above a day heading: the groups read as groups
HEADER_BOTTOM = 4
DOT = 8  # the state's coloured dot
SEPARATOR = "  ·  "


def _heading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(base.pointSizeF() * 0.92)
    return font


def _title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _detail_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 0.92)
    return font


def details_line(index: _ModelIndex) -> str:
    """ "09:30 · 45 min · Anna, Bo · Danish": the card's second line."""
    parts = [str(index.data(TIME_ROLE) or ""), str(index.data(DURATION_ROLE) or "")]
    participants = index.data(PARTICIPANTS_ROLE)
    if participants:
        parts.append(str(participants))
    language = index.data(LANGUAGE_ROLE)
    if language and language != NO_VALUE:
        parts.append(str(language))
    return SEPARATOR.join(p for p in parts if p)


class MeetingDelegate(QStyledItemDelegate):
    def _header_height(self, option: QStyleOptionViewItem, index: _ModelIndex) -> int:
        if not index.data(DAY_HEADER_ROLE):
            return 0
        metrics = QFontMetrics(_heading_font(option.font))
        return HEADER_TOP + metrics.height() + HEADER_BOTTOM

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        font: QFont = option.font
        card = (
            V_PAD * 2
            + QFontMetrics(_title_font(font)).height()
            + LINE_GAP
            + QFontMetrics(_detail_font(font)).height()
        )
        return QSize(320, self._header_height(option, index) + card)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        font: QFont = opt.font
        palette: QPalette = opt.palette
        header_h = self._header_height(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()

        painter.save()
        if header_h:
            painter.setFont(_heading_font(font))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            heading = QRect(rect.left() + H_PAD, rect.top() + HEADER_TOP, rect.width(), 0)
            heading.setBottom(rect.top() + header_h - HEADER_BOTTOM)
            painter.drawText(
                heading,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(DAY_HEADER_ROLE)),
            )

        # The card: selection and hover are the style's own, below the heading only.
        card = QRect(rect.left(), rect.top() + header_h, rect.width(), rect.height() - header_h)
        opt.rect = card
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet_color = text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)

        inner = card.adjusted(H_PAD, V_PAD, -H_PAD, -V_PAD)
        title_font, detail_font = _title_font(font), _detail_font(font)
        title_h = QFontMetrics(title_font).height()

        # The state on the right of the first line: a coloured dot and its word.
        state = str(index.data(STATE_LABEL_ROLE) or "")
        painter.setFont(detail_font)
        state_w = QFontMetrics(detail_font).horizontalAdvance(state)
        state_rect = QRect(inner.right() - state_w, inner.top(), state_w, title_h)
        painter.setPen(quiet_color)
        painter.drawText(
            state_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, state
        )
        color = index.data(STATE_COLOR_ROLE)
        if isinstance(color, QColor):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            dot_x = state_rect.left() - DOT - 6
            painter.drawEllipse(dot_x, inner.top() + (title_h - DOT) // 2, DOT, DOT)

        title_rect = QRect(inner.left(), inner.top(), inner.width() - state_w - DOT - 20, title_h)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = QFontMetrics(title_font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            title_rect.width(),
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )

        detail_rect = QRect(
            inner.left(),
            inner.top() + title_h + LINE_GAP,
            inner.width(),
            QFontMetrics(detail_font).height(),
        )
        painter.setFont(detail_font)
        painter.setPen(quiet_color)
        details = QFontMetrics(detail_font).elidedText(
            details_line(index), Qt.TextElideMode.ElideRight, detail_rect.width()
        )
        painter.drawText(
            detail_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, details
        )
        painter.restore()


class MeetingsView(QListView):
    """The list; ``meeting_activated(id)`` on Enter, or a click as the platform has it."""

    meeting_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetings")
        self.setAccessibleName(self.tr("Meetings"))
        self.setItemDelegate(MeetingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)  # hover feedback on the cards
        self.setUniformItemSizes(False)  # a day's first card is taller: it carries the heading
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the window's width
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        meeting = index.data(MEETING_ROLE)
        if meeting is not None:
            self.meeting_activated.emit(meeting.id)

    def current_meeting_id(self) -> int | None:
        meeting = self.currentIndex().data(MEETING_ROLE)
        return None if meeting is None else int(meeting.id)
