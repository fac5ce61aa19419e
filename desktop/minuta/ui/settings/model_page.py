"""Which model transcribes: the catalogue, the suggestion for the language, downloads.

Only a model that is on this computer can be chosen; choosing one that is not
offers its download (with progress and Cancel, off the GUI thread), and it is
chosen once it has arrived. The suggestion depends on the meeting language
and on this machine, which is looked at once, in the background.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from functools import cache

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minuta.app.paths import AppPaths
from minuta.app.transcription import model_rows
from minuta.transcribe.recommend import MachineProfile, recommend
from minuta.ui.background import run_in_background, when_done
from minuta.ui.dialogs.base import note_label, text_label
from minuta.ui.settings.language_page import AUTO, MIXED, language_name
from minuta.ui.settings.model_download import ModelDownload
from minuta.ui.settings.model_list import ModelColumn, ModelListModel

log = logging.getLogger(__name__)


@cache
def detected_machine() -> Future[MachineProfile]:
    """This computer's cores, memory and GPU; detected once (it imports CTranslate2)."""
    return run_in_background(MachineProfile.detect, "minuta-machine")


class ModelPage(QWidget):
    """``model_chosen(name)`` whenever the model in use changes."""

    model_chosen = Signal(str)
    recommendation_changed = Signal(str)  # the suggested model's name
    download_ended = Signal()

    def __init__(
        self,
        paths: AppPaths,
        machine: MachineProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._machine = machine
        self._language = AUTO
        self._download: ModelDownload | None = None

        self.list_model = ModelListModel()
        self.table = self._make_table()
        suggestion = self._make_suggestion()
        offer = self._make_download_row()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(suggestion)
        layout.addWidget(self.table, 1)
        layout.addLayout(offer)
        layout.addWidget(self.progress)
        layout.addWidget(self.download_status)
        layout.addWidget(
            note_label(
                self.tr(
                    "The built-in model works offline from the start. Other models are "
                    "downloaded only when you ask, and then run on this computer too."
                )
            )
        )
        for widget in (self.download_button, self.cancel_button, self.progress):
            widget.hide()
        self.download_status.hide()
        self.download_button.clicked.connect(self._start_download)
        self.cancel_button.clicked.connect(self.cancel_download)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)

        self.set_model(self.list_model.chosen)
        if machine is None:
            when_done(detected_machine(), self, self._machine_known, self._machine_unknown)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.list_model)
        table.setAccessibleName(self.tr("Transcription models"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ModelColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        return table

    def _make_suggestion(self) -> QHBoxLayout:
        self.recommendation_label = text_label("")
        self.recommendation_label.setObjectName("modelRecommendation")
        self.use_recommended_button = QPushButton(self.tr("Use the &suggestion"))
        self.use_recommended_button.setAccessibleName(self.tr("Use the suggested model"))
        self.use_recommended_button.setEnabled(False)
        self.use_recommended_button.clicked.connect(self._select_recommended)
        row = QHBoxLayout()
        row.addWidget(self.recommendation_label, 1)
        row.addWidget(self.use_recommended_button)
        return row

    def _make_download_row(self) -> QHBoxLayout:
        self.offer_label = text_label("")
        self.download_button = QPushButton(self.tr("&Download"))
        self.download_button.setAccessibleName(self.tr("Download the selected model"))
        self.cancel_button = QPushButton(self.tr("&Cancel download"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, 1000)
        self.download_status = text_label("", selectable=True)
        self.download_status.setObjectName("downloadStatus")
        row = QHBoxLayout()
        row.addWidget(self.offer_label, 1)
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        return row

    # --- values -------------------------------------------------------------------

    @property
    def model(self) -> str:
        """The model in use: always one on this computer (or the person's own folder)."""
        return self.list_model.chosen

    def set_model(self, spec: str) -> None:
        self.list_model.set_rows(model_rows(self._paths, spec), spec)
        self._select_row(self.list_model.row_of(spec))
        self._update_recommendation()

    def set_language(self, language: str) -> None:
        """``"auto"``, ``"mixed"`` or a Whisper code: the suggestion follows it."""
        self._language = language or AUTO
        self._update_recommendation()

    # --- suggestion ---------------------------------------------------------------

    def _machine_known(self, machine: MachineProfile) -> None:
        self._machine = machine
        self._update_recommendation()

    def _machine_unknown(self, exc: BaseException) -> None:
        # Without a suggestion every model can still be chosen; say nothing wrong.
        log.warning("looking at this computer failed: %s", type(exc).__name__)
        self.recommendation_label.setText("")

    def _update_recommendation(self) -> None:
        if self._machine is None:
            self.recommendation_label.setText(self.tr("Looking at this computer…"))
            return
        code = None if self._language in (AUTO, MIXED) else self._language
        suggestion = recommend(code, self._machine).model.name
        language = language_name(code) if code else ""
        self.list_model.set_recommended(suggestion, language)
        if code:
            text = self.tr("Suggested for {language} on this computer: {model}").format(
                language=language, model=suggestion
            )
        else:
            text = self.tr("Suggested on this computer: {model}").format(model=suggestion)
        self.recommendation_label.setText(text)
        self.use_recommended_button.setEnabled(suggestion != self.model)
        self.recommendation_changed.emit(suggestion)

    def _select_recommended(self) -> None:
        name = self.list_model.recommended
        if name is not None:
            self._select_row(self.list_model.row_of(name))

    # --- choosing -----------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.list_model.index(row, 0))

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self._selected_row()
        if row < 0:
            return
        if self.list_model.installed_at(row):
            self._choose(self.list_model.name_at(row))
        self._update_offer()

    def _choose(self, name: str) -> None:
        if name != self.list_model.chosen:
            self.list_model.set_chosen(name)
            self.model_chosen.emit(name)
        self.use_recommended_button.setEnabled(self.list_model.recommended not in (None, name))

    def _update_offer(self) -> None:
        downloading = self._download is not None
        row = self._selected_row()
        missing = row >= 0 and not self.list_model.installed_at(row)
        if downloading:
            assert self._download is not None
            self.offer_label.setText(
                self.tr(
                    "Downloading {name}… Closing this window stops it; downloading again "
                    "continues where it stopped."
                ).format(name=self._download.name)
            )
        elif missing:
            self.offer_label.setText(
                self.tr("{name} is not on this computer yet ({size} MB).").format(
                    name=self.list_model.name_at(row), size=self.list_model.size_at(row)
                )
            )
        self.offer_label.setVisible(downloading or missing)
        self.download_button.setVisible(missing and not downloading)
        self.cancel_button.setVisible(downloading)
        self.progress.setVisible(downloading)

    # --- downloading --------------------------------------------------------------

    @property
    def downloading(self) -> bool:
        return self._download is not None

    def _start_download(self) -> None:
        row = self._selected_row()
        if row < 0 or self._download is not None or self.list_model.installed_at(row):
            return
        download = ModelDownload(self.list_model.name_at(row), self._paths.models_dir, self)
        download.progress.connect(self._progressed)
        download.finished.connect(self._downloaded)
        download.failed.connect(self._download_failed)
        download.cancelled.connect(self._download_cancelled)
        self._download = download
        self.progress.setValue(0)
        self.download_status.hide()
        self.cancel_button.setEnabled(True)
        self._update_offer()
        download.start()

    def cancel_download(self) -> None:
        """Stop the download; it ends at the next block, keeping what arrived."""
        if self._download is not None and not self._download.cancel_requested:
            self._download.cancel()
            self.cancel_button.setEnabled(False)
            self.offer_label.setText(self.tr("Stopping the download…"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)
        self.progress.setFormat(
            self.tr("{done:.0f} of {total:.0f} MB").format(done=done / 1e6, total=total / 1e6)
        )

    def _downloaded(self, name: str) -> None:
        self._finish_download(None)
        self.list_model.mark_installed(name)
        row = self.list_model.row_of(name)
        if row == self._selected_row():
            self._choose(name)
        else:
            self._select_row(row)
        self._update_offer()

    def _download_failed(self, message: str) -> None:
        self._finish_download(message)

    def _download_cancelled(self) -> None:
        self._finish_download(
            self.tr(
                "Download stopped. What arrived is kept: downloading again continues from there."
            )
        )

    def _finish_download(self, message: str | None) -> None:
        download, self._download = self._download, None
        if download is not None:
            download.deleteLater()
        self.download_status.setText(message or "")
        self.download_status.setVisible(bool(message))
        self._update_offer()
        self.download_ended.emit()
