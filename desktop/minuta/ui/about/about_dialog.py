"""Help > About Minuta: three tabs, "About", "Licences" and "Your data".

Nothing here blocks the GUI thread: the licence table is a constant, and the data
check runs on the store's worker (see :mod:`.data_page`). Websites open only when
the person asks, with the desktop's browser.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, Qt, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from minuta import __version__
from minuta.app.licences import licence_text_dir
from minuta.app.paths import AppPaths
from minuta.ui.about.data_page import DataPage
from minuta.ui.about.licences_model import LicencesModel
from minuta.ui.dialogs.base import heading_label, note_label, text_label
from minuta.ui.icons import icon
from minuta.ui.store_worker import StoreWorker

_ICON_SIZE = 64
_COMPONENT_COLUMN_WIDTH = 190
_LICENCE_COLUMN_WIDTH = 170


def settings_file(settings: QSettings) -> Path | None:
    """Where ``settings`` are kept, when that is a file (not the Windows registry)."""
    name = settings.fileName()
    if not name or name.startswith("\\HKEY_"):
        return None
    return Path(name)


class AboutDialog(QDialog):
    data_checked = Signal(object)  # DataReport: the "Your data" page is filled in

    def __init__(
        self,
        worker: StoreWorker,
        parent: QWidget | None = None,
        *,
        paths: AppPaths | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Minuta"))
        self.resize(760, 560)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("About Minuta"))
        self.about_page = self._build_about()
        self.licences_page = self._build_licences()
        self.data_page = DataPage(
            worker,
            paths=paths,
            settings_file=settings_file(settings) if settings is not None else None,
        )
        self.tabs.addTab(self.about_page, self.tr("&About"))
        self.tabs.addTab(self.licences_page, self.tr("&Licences"))
        self.tabs.addTab(self.data_page, self.tr("Your &Data"))
        # The data page checks the first time it is shown: not on a tab nobody opens.
        self.data_page.data_checked.connect(self.data_checked)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    # --- About ------------------------------------------------------------------------

    def _build_about(self) -> QWidget:
        page = QWidget()
        logo = QLabel()
        logo.setPixmap(icon("minuta").pixmap(_ICON_SIZE, _ICON_SIZE))
        logo.setAccessibleName(self.tr("Minuta's logo"))
        self.version_label = heading_label(self.tr("Minuta {version}").format(version=__version__))
        self.what_label = text_label(
            self.tr("Records your meetings, writes down what was said and keeps your notes.")
        )
        self.privacy_label = text_label(
            self.tr(
                "Everything stays on this computer; nothing is sent anywhere unless you "
                "approve a CRM push."
            )
        )
        self.versions_label = note_label(
            self.tr("Python {python} · Qt {qt} · PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            )
        )
        self.versions_label.setAccessibleName(self.tr("Versions"))
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        for label in (self.version_label, self.what_label, self.privacy_label):
            words.addWidget(label)
        top.addLayout(words, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.versions_label)
        layout.addStretch(1)
        return page

    # --- Licences ---------------------------------------------------------------------

    def _build_licences(self) -> QWidget:
        page = QWidget()
        self.licences_model = LicencesModel(parent=self)
        self.licences_table = QTableView()
        self.licences_table.setModel(self.licences_model)
        self.licences_table.setAccessibleName(self.tr("Components and their licences"))
        self.licences_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.licences_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.licences_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences_table.setAlternatingRowColors(True)
        self.licences_table.setWordWrap(True)
        self.licences_table.verticalHeader().hide()
        # Long purposes wrap onto a second line rather than being cut short.
        self.licences_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        header = self.licences_table.horizontalHeader()
        header.setSectionResizeMode(LicencesModel.COMPONENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(LicencesModel.COMPONENT, _COMPONENT_COLUMN_WIDTH)
        # A few expressions are long (FFmpeg's codecs): cut short here, whole in the tooltip.
        header.setSectionResizeMode(LicencesModel.LICENCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(LicencesModel.LICENCE, _LICENCE_COLUMN_WIDTH)
        header.setSectionResizeMode(LicencesModel.PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.licences_table.doubleClicked.connect(lambda index: self.open_homepage(index.row()))
        self.licences_table.selectionModel().selectionChanged.connect(self._licence_selected)

        self.website_button = QPushButton(self.tr("Open &Website"))
        self.website_button.setAccessibleName(self.tr("Open the component's website"))
        self.website_button.setToolTip(
            self.tr("Open the selected component's website in your browser (or double-click it)")
        )
        self.website_button.setEnabled(False)
        self.website_button.clicked.connect(self._open_selected)
        self.licence_texts_label = note_label(self._licence_texts_text())
        self.licence_texts_label.setAccessibleName(self.tr("Where the full licence texts are"))

        row = QHBoxLayout()
        row.addWidget(self.licence_texts_label, 1)
        row.addWidget(self.website_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(page)
        layout.addWidget(
            note_label(self.tr("Minuta is built from these components, under these licences."))
        )
        layout.addWidget(self.licences_table, 1)
        layout.addLayout(row)
        return page

    def _licence_texts_text(self) -> str:
        folder = licence_text_dir()
        if folder is None:
            return self.tr("Full licence texts are installed with each component.")
        return self.tr("The full licence texts are in {folder}").format(folder=folder)

    def _licence_selected(self) -> None:
        self.website_button.setEnabled(self.licences_table.selectionModel().hasSelection())

    def _open_selected(self) -> None:
        rows = self.licences_table.selectionModel().selectedRows()
        if rows:
            self.open_homepage(rows[0].row())

    def open_homepage(self, row: int) -> None:
        """The component's website, in the browser: only ever on the person's click."""
        if 0 <= row < self.licences_model.rowCount():
            QDesktopServices.openUrl(self.licences_model.homepage(row))


def show_about(
    parent: QWidget,
    worker: StoreWorker,
    *,
    paths: AppPaths | None = None,
    settings: QSettings | None = None,
) -> AboutDialog:
    """Open the About box, or bring the one already open to the front."""
    dialog = parent.findChild(AboutDialog)
    if dialog is None or not dialog.isVisible():
        dialog = AboutDialog(worker, parent, paths=paths, settings=settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
