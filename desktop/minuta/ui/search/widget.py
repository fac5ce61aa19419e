"""The search field and the list of hits under it."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from minuta.ui.icons import icon
from minuta.ui.search.model import (
    HIT_ROLE,
    POSITION_ROLE,
    SNIPPET_HTML_ROLE,
    TITLE_ROLE,
    WHEN_ROLE,
    SearchResultsModel,
)

_ModelIndex = QModelIndex | QPersistentModelIndex

H_PAD = 16
V_PAD = 9
LINE_GAP = 3


class SearchField(QLineEdit):
    """Escape clears it (then leaves it); Down moves on to the hits."""

    down_pressed = Signal()
    escape_pressed = Signal()  # with nothing left to clear

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        keys = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.setPlaceholderText(self.tr("Search meetings ({keys})").format(keys=keys))
        self.setAccessibleName(self.tr("Search meetings"))
        self.setToolTip(self.tr("Search titles, notes and transcripts ({keys})").format(keys=keys))
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumHeight(self.fontMetrics().height() + 16)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escape_pressed.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _rich_text(index: _ModelIndex, color: str, quiet: str) -> str:
    title = html.escape(str(index.data(TITLE_ROLE) or ""))
    return (
        f'<div style="color:{color}"><b>{title}</b>'
        f'<span style="color:{quiet}">&nbsp;&nbsp;·&nbsp;&nbsp;{index.data(WHEN_ROLE)}'
        f"&nbsp;&nbsp;·&nbsp;&nbsp;{index.data(POSITION_ROLE)}</span></div>"
        f'<div style="color:{color}">{index.data(SNIPPET_HTML_ROLE)}</div>'
    )


class HitDelegate(QStyledItemDelegate):
    """Title, when and where on the first line; the snippet, matches in bold, below."""

    def _document(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QTextDocument:
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(QFont(option.font))
        doc.setHtml(_rich_text(index, text.name(), quiet.name()))
        # Laid out to the list's width: sizeHint's option may not have a rect yet.
        widget = option.widget
        full = widget.viewport().width() if isinstance(widget, QListView) else option.rect.width()
        width = full - 2 * H_PAD
        doc.setTextWidth(max(width, 200))
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        doc = self._document(option, index)
        line = QFontMetrics(option.font).height()
        return QSize(320, max(int(doc.size().height()), 2 * line + LINE_GAP) + 2 * V_PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        doc = self._document(opt, index)
        painter.save()
        painter.translate(rect.left() + H_PAD, rect.top() + V_PAD)
        painter.setClipRect(QRect(0, 0, rect.width() - 2 * H_PAD, rect.height() - 2 * V_PAD))
        doc.drawContents(painter)
        painter.restore()


class SearchResultsPage(QWidget):
    """A line saying how many hits there are, then the hits."""

    hit_activated = Signal(int, object)  # meeting id, seconds into it or None

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatus")
        self.status_label.setContentsMargins(H_PAD, 8, H_PAD, 4)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.view = QListView()
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # snippets rewrap to the width
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.view, 1)

    def show_searching(self, query: str) -> None:
        if self.model.query != query:
            self.status_label.setText(self.tr("Searching…"))

    def show_results(self, query: str) -> None:
        count = self.model.rowCount()
        if count == 0:
            text = self.tr("No matches for “{query}”.").format(query=query)
        elif count == 1:
            text = self.tr("1 match")
        else:
            text = self.tr("{count} matches").format(count=count)
        self.status_label.setText(text)
        if count:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def show_error(self, message: str) -> None:
        self.status_label.setText(message)

    def focus_results(self) -> None:
        if self.model.rowCount():
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def activate_current(self) -> bool:
        """Open the current hit (the first, if none is current); whether there was one."""
        index = self.view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if not index.isValid():
            return False
        self._activated(index)
        return True

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit.meeting_id, hit.time_s)
