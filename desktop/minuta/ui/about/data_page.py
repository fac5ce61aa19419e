"""The About box's "Your data" page: where everything lives, checked to be encrypted.

The check reads files, so it runs on the store's worker
(:func:`minuta.app.data_check.check_data`); the page shows "Checking…" until the
report comes back as :attr:`DataPage.data_checked`. It starts the first time the
page is shown, and again on "Check Again". Nothing here changes or deletes a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minuta.app.data_check import DataReport, Place, PlaceKind, Protection, check_data
from minuta.app.paths import AppPaths, default_paths
from minuta.store.store import Store, require_store
from minuta.ui.about.data_texts import (
    amount_text,
    leftover_text,
    leftovers_heading,
    path_text,
    place_title,
    status_text,
    summary_text,
)
from minuta.ui.dialogs.base import note_label, text_label
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker
from minuta.ui.theme import warning_colour


def check_task(
    paths: AppPaths | None, settings_file: Path | None
) -> Callable[[Store | None], DataReport]:
    """The check, for the worker: holds paths only, never a widget."""

    def task(store: Store | None) -> DataReport:
        store = require_store(store)
        # Without the app's paths: the store's own folder, and the platform's model cache.
        app_paths = paths if paths is not None else default_paths(store.paths.root)
        return check_data(store, app_paths, settings_file=settings_file)

    return task


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


class PlaceRow(QWidget):
    """One place: its title, its path (selectable), how much is there, and its status."""

    def __init__(self, place: Place, report: DataReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place = place
        title = place_title(place.kind)
        self.title_label = text_label(title)
        bold = QFont(self.title_label.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(bold)
        self.path_label = _selectable(text_label(path_text(place)))
        self.path_label.setAccessibleName(self.tr("{place}: where").format(place=title))
        self.amount_label = note_label(amount_text(place))
        self.amount_label.setVisible(bool(self.amount_label.text()))
        self.status_label = _selectable(text_label(status_text(place, report)))
        self.status_label.setAccessibleName(self.tr("{place}: status").format(place=title))
        if place.protection is Protection.NOT_ENCRYPTED:
            self.status_label.setStyleSheet(f"color: {warning_colour(self.palette())};")
        self.failed_label = _selectable(text_label("\n".join(str(p) for p in place.failed)))
        self.failed_label.setVisible(bool(place.failed))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        for label in (
            self.title_label,
            self.path_label,
            self.amount_label,
            self.status_label,
            self.failed_label,
        ):
            layout.addWidget(label)


class DataPage(QWidget):
    data_checked = Signal(object)  # DataReport, shown
    check_failed = Signal(str)  # the error's type name

    def __init__(
        self,
        worker: StoreWorker,
        *,
        paths: AppPaths | None = None,
        settings_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._paths = paths
        self._settings_file = settings_file
        self._checking = False
        self.report: DataReport | None = None
        self.rows: dict[PlaceKind, PlaceRow] = {}
        self._build()

    def _build(self) -> None:
        self.summary_label = _selectable(text_label(self.tr("Checking…")))
        self.summary_label.setAccessibleName(self.tr("Result of the check"))

        self._places = QWidget()
        self._places_layout = QVBoxLayout(self._places)
        self._places_layout.setContentsMargins(0, 0, 0, 0)
        self.leftovers_heading = note_label(leftovers_heading())
        self.leftovers_label = _selectable(text_label(""))
        self.leftovers_label.setAccessibleName(self.tr("Files Minuta did not make"))
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self._places)
        content_layout.addWidget(self.leftovers_heading)
        content_layout.addWidget(self.leftovers_label)
        content_layout.addStretch(1)
        self._show_leftovers(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Where your data is"))

        self.show_folder_button = QPushButton(self.tr("&Show Folder"))
        self.show_folder_button.setAccessibleName(self.tr("Show the data folder"))
        self.show_folder_button.setToolTip(self.tr("Open the data folder in your file manager"))
        self.show_folder_button.setEnabled(False)
        self.show_folder_button.clicked.connect(self.show_folder)
        self.check_button = QPushButton(self.tr("Check &Again"))
        self.check_button.setAccessibleName(self.tr("Check again"))
        self.check_button.setToolTip(
            self.tr("Read the files again and check that they are encrypted")
        )
        self.check_button.clicked.connect(self.check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_folder_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # --- checking -----------------------------------------------------------------------

    @property
    def checking(self) -> bool:
        return self._checking

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and not self._checking:
            self.check()

    def check(self) -> None:
        """Run the check on the worker; the answer arrives as ``data_checked``."""
        if self._checking:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking…"))
        submit_for(
            self,
            self._worker,
            check_task(self._paths, self._settings_file),
            self._checked,
            self._failed,
        )

    def _checked(self, report: DataReport) -> None:
        self._checking = False
        self.report = report
        self.check_button.setEnabled(True)
        self.summary_label.setText(summary_text(report))
        self._show_places(report)
        folder = report.place(PlaceKind.DATA_FOLDER)
        self.show_folder_button.setEnabled(folder is not None and folder.path is not None)
        self.data_checked.emit(report)

    def _failed(self, error: Exception) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        # The type only: a store error's message names folders, and this is said in words.
        self.summary_label.setText(
            self.tr("The check could not be run ({error}). Try again in a moment.").format(
                error=type(error).__name__
            )
        )
        self.check_failed.emit(type(error).__name__)

    def _show_places(self, report: DataReport) -> None:
        for row in self.rows.values():
            self._places_layout.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        for place in report.places:
            row = PlaceRow(place, report, self._places)
            self._places_layout.addWidget(row)
            self.rows[place.kind] = row
        self.leftovers_label.setText("\n".join(leftover_text(lo) for lo in report.leftovers))
        self._show_leftovers(bool(report.leftovers))

    def _show_leftovers(self, visible: bool) -> None:
        self.leftovers_heading.setVisible(visible)
        self.leftovers_label.setVisible(visible)

    # --- the folder -------------------------------------------------------------------------

    def data_folder(self) -> Path | None:
        place = self.report.place(PlaceKind.DATA_FOLDER) if self.report is not None else None
        return place.path if place is not None else None

    def show_folder(self) -> None:
        """Open the data folder in the file manager (only when the person asks)."""
        folder = self.data_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
