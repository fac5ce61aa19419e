"""The main window: the meetings list, and where the store's key lives."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minuta import __version__
from minuta.core.models import Meeting
from minuta.store.errors import StoreError
from minuta.store.store import Store
from minuta.ui.dialogs.base import heading_label
from minuta.ui.meetings_model import SORT_ROLE, Column, MeetingsModel
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

DEFAULT_SIZE = (960, 600)
EMPTY_TITLE = "No meetings yet"
EMPTY_TEXT = (
    "Import a recording with <code>minuta import FILE</code>; recording from the app comes next."
)
_GEOMETRY_KEY = "main_window/geometry"
_HEADER_KEY = "main_window/meetings_header"


def _list_meetings(store: Store | None) -> list[Meeting]:
    if store is None:
        raise RuntimeError("no store is open")
    return store.meetings.list()


def key_status(key_location: str) -> str:
    """The status bar's words for ``Store.key_location``."""
    if key_location == "passphrase":
        where = "unlocked with your passphrase"
    else:
        where = f"key kept in your {key_location}"
    return f"Encrypted on this computer · {where}"


class MainWindow(QMainWindow):
    closed = Signal()
    meetings_loaded = Signal()  # the list is as current as the last reload() asked

    def __init__(
        self,
        worker: StoreWorker,
        key_location: str,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self._worker = worker
        self._settings = settings if settings is not None else QSettings()
        self._loading = False
        self._reload_again = False
        self._loaded_once = False
        self.setWindowTitle("Minuta")

        self.model = MeetingsModel()
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SORT_ROLE)

        self.table = self._make_table()
        self.empty_state = self._make_empty_state()
        self.loading_label = QLabel("Opening your meetings…")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages = QStackedWidget()
        for page in (self.loading_label, self.empty_state, self.table, self.error_label):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.count_label = QLabel()
        self.key_label = QLabel(key_status(key_location))
        self.key_label.setObjectName("keyStatus")
        for label in (self.count_label, self.key_label):
            label.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.key_label)
        self.statusBar().setSizeGripEnabled(True)

        self._make_menus()
        self._restore_state()

    # --- building -----------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self._proxy)
        table.setObjectName("meetings")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        # Room around the text, and a flat header: a list to read, not a spreadsheet.
        table.setStyleSheet(
            "QTableView { border: none; }"
            "QTableView::item { padding: 0px 12px; }"
            "QHeaderView::section { padding: 6px 15px; border: none;"
            " border-bottom: 1px solid palette(mid); background: palette(base); }"
        )
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # Short columns fit their contents; the title takes the rest of the width.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Duration") + 36)
        table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        # Rows a little taller than the font: easier on the eye in a long list.
        row_height = table.fontMetrics().height() + 14
        table.verticalHeader().setDefaultSectionSize(row_height)
        return table

    def _make_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = heading_label(EMPTY_TITLE)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addStretch(2)
        return page

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu("&View")
        # Meetings imported with the command line while the app is open show up here.
        self.reload_action = QAction("&Reload Meetings", self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        view_menu.addAction(self.reload_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Minuta", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # --- meetings -----------------------------------------------------------------

    def reload(self) -> None:
        """List the meetings again, on the store's thread."""
        if self._loading:
            # The listing under way may predate what changed: list once more after it.
            self._reload_again = True
            return
        self._loading = True
        self._reload_again = False
        self._worker.submit(_list_meetings, self._show_meetings, self._load_failed)

    def _finish_loading(self) -> None:
        """Start the listing asked for meanwhile, or tell waiters the list is current."""
        self._loading = False
        if self._reload_again:
            self.reload()
        else:
            self.meetings_loaded.emit()

    def _show_meetings(self, meetings: Sequence[Meeting]) -> None:
        self._loaded_once = True
        self.model.set_meetings(meetings)
        self.pages.setCurrentWidget(self.table if meetings else self.empty_state)
        count = len(meetings)
        self.count_label.setText(
            "" if count == 0 else f"{count} meeting" if count == 1 else f"{count} meetings"
        )
        self._finish_loading()

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, StoreError):
            log.error("listing meetings failed: %s", type(exc).__name__)
            message = str(exc)
        else:
            log.error("listing meetings failed", exc_info=exc)
            message = f"Minuta could not list your meetings ({type(exc).__name__})."
        self.error_label.setText(message)
        self.pages.setCurrentWidget(self.error_label)
        self._finish_loading()

    # --- window -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Coming back to the window (after `minuta import` in a terminal, say).
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self._loaded_once
        ):
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())
        self._settings.sync()
        super().closeEvent(event)
        self.closed.emit()

    def _restore_state(self) -> None:
        geometry = self._settings.value(_GEOMETRY_KEY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        header = self._settings.value(_HEADER_KEY)
        if header:
            self.table.horizontalHeader().restoreState(header)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Minuta",
            f"<b>Minuta {__version__}</b><p>Meeting notes that stay on this computer: "
            "your meetings are stored here, encrypted.</p>",
        )
