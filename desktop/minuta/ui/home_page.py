"""The main window's home page: the search field, the Record button, and below
them the meetings list, or the search hits while something is typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from minuta.core.models import Meeting
from minuta.ui.dialogs.base import heading_label
from minuta.ui.icons import icon
from minuta.ui.meetings_model import MeetingsModel
from minuta.ui.meetings_view import MeetingsView
from minuta.ui.search import SearchController, SearchField, SearchResultsPage

_RECORD_STYLE = (
    "QPushButton#recordButton { background: palette(highlight); color: palette(highlighted-text);"
    " border: none; border-radius: 8px; padding: 8px 20px; font-weight: 600; }"
    "QPushButton#recordButton:focus { outline: 2px solid palette(text); }"
    "QPushButton#recordButton:disabled { background: palette(mid); }"
)


class HomePage(QWidget):
    """What the window shows first. ``pages`` holds the list, or what stands in for it."""

    def __init__(
        self,
        model: MeetingsModel,
        search: SearchController,
        record_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.model = model
        self.search = search

        self.search_field = SearchField()
        self.search_field.textChanged.connect(search.set_query)
        self.search_field.returnPressed.connect(self._search_entered)

        self.record_button = QPushButton(icon("record"), self.tr("&Record"))
        self.record_button.setObjectName("recordButton")
        self.record_button.setAccessibleName(self.tr("Record a meeting"))
        keys = record_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.record_button.setToolTip(
            self.tr("Start recording a meeting ({keys})").format(keys=keys)
        )
        self.record_button.setIconSize(self.record_button.iconSize() * 1.3)
        self.record_button.setMinimumHeight(self.search_field.minimumHeight() + 4)
        self.record_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.record_button.setStyleSheet(_RECORD_STYLE)
        # The action owns Ctrl+R; two owners would make the shortcut ambiguous.
        self.record_button.clicked.connect(record_action.trigger)

        top = QHBoxLayout()
        top.setContentsMargins(16, 12, 16, 8)
        top.setSpacing(12)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.record_button)

        self.table = MeetingsView()
        self.table.setModel(model)
        self.empty_state = self._make_empty_state()
        self.loading_label = QLabel(self.tr("Opening your meetings…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_page = SearchResultsPage(search.model)
        self.search_field.down_pressed.connect(self.search_page.focus_results)
        search.searching.connect(self.search_page.show_searching)
        search.results_ready.connect(self._search_results)
        search.failed.connect(self.search_page.show_error)

        # Shown whenever no search is typed: the list, or what stands in for it.
        self._list_page: QWidget = self.loading_label
        self.pages = QStackedWidget()
        for page in (
            self.loading_label,
            self.empty_state,
            self.table,
            self.error_label,
            self.search_page,
        ):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.setTabOrder(self.search_field, self.record_button)
        self.setTabOrder(self.record_button, self.table)

    def _make_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = heading_label(self.tr("No meetings yet"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.empty_label = QLabel(
            self.tr(
                "Press <b>Record</b> when your next meeting starts, or import a recording"
                " with <code>minuta import FILE</code>."
            )
        )
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addStretch(2)
        return page

    # --- the list -----------------------------------------------------------------

    def show_meetings(self, meetings: Sequence[Meeting]) -> None:
        """The new list, keeping the meeting that was current current."""
        current = self.table.current_meeting_id()
        self.model.set_meetings(meetings)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_list_page(self.table if meetings else self.empty_state)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self._show_list_page(self.error_label)

    def _show_list_page(self, page: QWidget) -> None:
        self._list_page = page
        if not self.search.active:
            self.pages.setCurrentWidget(page)

    # --- search -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_entered(self) -> None:
        if self.search.active and self.search.model.query == self.search.query:
            self.search_page.activate_current()

    def _search_results(self, query: str) -> None:
        if query:
            self.search_page.show_results(query)
            self.pages.setCurrentWidget(self.search_page)
        else:
            self.pages.setCurrentWidget(self._list_page)
