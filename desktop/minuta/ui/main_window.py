"""The main window: search, the Record button, the meetings list, and other pages.

The window is a stack of pages. The home page (search field, Record button, the
meetings list or the search hits) is always there; other features add their
pages with :meth:`MainWindow.show_page` and come back with
:meth:`MainWindow.show_home`. The window only reports what the person asked
for (``record_requested``, ``meeting_opened``, ``search_hit_opened``, …): the
app decides what happens.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from minuta.app.retention import RetentionReport
from minuta.core.models import Meeting
from minuta.store.errors import StoreError
from minuta.store.store import Store, require_store
from minuta.ui.crm.outbox_runner import OutboxRunner, install
from minuta.ui.home_page import HomePage
from minuta.ui.icons import icon
from minuta.ui.meetings_model import MeetingsModel
from minuta.ui.retention_runner import RetentionRunner, report_text
from minuta.ui.search import SearchController
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

DEFAULT_SIZE = (960, 640)
_GEOMETRY_KEY = "main_window/geometry"


def _list_meetings(store: Store | None) -> list[Meeting]:
    return require_store(store).meetings.list()


def key_status(key_location: str) -> str:
    """The status bar's words for ``Store.key_location``."""
    if key_location == "passphrase":
        return QCoreApplication.translate(
            "MainWindow", "Encrypted on this computer · unlocked with your passphrase"
        )
    return QCoreApplication.translate(
        "MainWindow", "Encrypted on this computer · key kept in your {location}"
    ).format(location=key_location)


def confirm_quit_while_recording(parent: QWidget | None) -> bool:
    """Ask before quitting stops a recording; True to quit (and stop it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    # translate() with the context lupdate sees: box.tr() would look under "QMessageBox".
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Quit Minuta?"))
    box.setText(QCoreApplication.translate("MainWindow", "A recording is running."))
    box.setInformativeText(
        QCoreApplication.translate(
            "MainWindow", "Quitting stops the recording. Everything recorded so far is kept."
        )
    )
    stop = box.addButton(
        QCoreApplication.translate("MainWindow", "&Stop and Quit"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("MainWindow", "&Keep Recording"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is stop


class MainWindow(QMainWindow):
    closed = Signal()  # closed for good: the app may end
    hidden_to_tray = Signal()  # closed while the app keeps running (a recording is on)
    meetings_loaded = Signal()  # the list is as current as the last reload() asked
    record_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()  # Quit while keep_running: the app asks, then decides
    meeting_opened = Signal(int)  # meeting id
    search_hit_opened = Signal(int, object)  # meeting id, seconds into it or None
    page_changed = Signal(QWidget)

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
        self._keep_running = False
        self.setWindowTitle("Minuta")

        self.model = MeetingsModel()
        self.search = SearchController(worker, self)
        self._make_actions()
        self._home = HomePage(self.model, self.search, self.new_recording_action)
        self._home.table.meeting_activated.connect(self.meeting_opened)
        self._home.search_page.hit_activated.connect(self.search_hit_opened)
        # The home page's parts, by the names callers and tests know them by.
        self.pages = self._home.pages
        self.table = self.meetings_view = self._home.table
        self.search_field = self._home.search_field
        self.record_button = self._home.record_button
        self.search_page = self._home.search_page
        self.empty_state, self.empty_label = self._home.empty_state, self._home.empty_label
        self.loading_label, self.error_label = self._home.loading_label, self._home.error_label

        self.stack = QStackedWidget()
        self.stack.addWidget(self._home)
        self.stack.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.stack)

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
        # Sends approved CRM pushes in the background, from the first showing on.
        self.outbox_runner = OutboxRunner(worker, parent=self)
        install(self.outbox_runner)
        # Applies the retention rules at start-up and daily, on the store's worker.
        self.retention_runner = RetentionRunner(worker, parent=self)
        self.retention_runner.finished.connect(self._retention_done)
        self.retention_runner.failed.connect(self._retention_failed)

    # --- building -----------------------------------------------------------------

    def _make_actions(self) -> None:
        self.new_recording_action = QAction(icon("record"), self.tr("New &Recording"), self)
        self.new_recording_action.setShortcut(QKeySequence("Ctrl+R"))
        self.new_recording_action.triggered.connect(self.record_requested)

        self.settings_action = QAction(icon("settings"), self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self._quit_triggered)

        self.find_action = QAction(icon("search"), self.tr("&Search Meetings"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)

        # Meetings imported with the command line while the app is open show up here.
        # F5 only: the platform's Refresh is Ctrl+R on some desktops, which is Record here.
        self.reload_action = QAction(self.tr("&Reload Meetings"), self)
        self.reload_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_action.triggered.connect(self.reload)

        self.back_action = QAction(icon("back"), self.tr("&Back to Meetings"), self)
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self.show_home)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_recording_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.reload_action)
        view_menu.addSeparator()
        view_menu.addAction(self.back_action)

        # Its windows are imported when chosen, not at start-up.
        from minuta.ui.privacy.menu import add_privacy_menu

        self.privacy_menu = add_privacy_menu(self, self._worker)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Minuta"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # --- pages --------------------------------------------------------------------

    @property
    def home_page(self) -> QWidget:
        return self._home

    @property
    def current_page(self) -> QWidget:
        return self.stack.currentWidget() or self._home

    def show_page(self, widget: QWidget) -> None:
        """Show a feature's page in the window (added the first time)."""
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def remove_page(self, widget: QWidget) -> None:
        """Take a page out of the window (back home if it was showing); the caller owns it."""
        if widget is self._home or self.stack.indexOf(widget) < 0:
            return
        if self.stack.currentWidget() is widget:
            self.show_home()
        self.stack.removeWidget(widget)

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self._home)

    def _page_changed(self, _index: int) -> None:
        page = self.current_page
        self.back_action.setEnabled(page is not self._home)
        self.page_changed.emit(page)

    def show_and_raise(self) -> None:
        """Bring the window back (from the tray, say), in front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- search -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_home()
        self._home.focus_search()

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
        self._home.show_meetings(meetings)
        count = len(meetings)
        self.count_label.setText(
            ""
            if count == 0
            else self.tr("1 meeting")
            if count == 1
            else self.tr("{count} meetings").format(count=count)
        )
        self.search.refresh()  # a transcript that arrived meanwhile can match now
        self._finish_loading()

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, StoreError):
            log.error("listing meetings failed: %s", type(exc).__name__)
            message = str(exc)
        else:
            log.error("listing meetings failed", exc_info=exc)
            message = self.tr("Minuta could not list your meetings ({error}).").format(
                error=type(exc).__name__
            )
        self._home.show_error(message)
        self._finish_loading()

    def _retention_done(self, report: RetentionReport) -> None:
        text = report_text(report)
        if text:
            self.statusBar().showMessage(text, 15_000)
            self.reload()

    def _retention_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # --- running on, and quitting ---------------------------------------------------

    @property
    def keep_running(self) -> bool:
        return self._keep_running

    def set_keep_running(self, keep: bool) -> None:
        """While true (a recording runs), closing hides the window and Quit asks the app."""
        self._keep_running = keep

    def _quit_triggered(self) -> None:
        if self._keep_running:
            self.quit_requested.emit()
        else:
            self.close()

    def close_for_quit(self) -> None:
        """Close for good even while keep_running: the app has decided to quit."""
        self._keep_running = False
        self.close()

    # --- window -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()
            self.outbox_runner.start()
            self.retention_runner.start()

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
        self._settings.sync()
        if self._keep_running:
            # The recording goes on; the tray icon brings the window back.
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)
        self.outbox_runner.stop()  # a request on the wire finishes on its own
        self.retention_runner.stop()
        self.closed.emit()

    def _restore_state(self) -> None:
        geometry = self._settings.value(_GEOMETRY_KEY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def _about(self) -> None:
        # Imported when chosen: the licence table and the data check are not start-up work.
        from minuta.ui.about.about_dialog import show_about

        show_about(self, self._worker, settings=self._settings)
