"""A person's data: find everything about one person, export it, redact or erase it.

For access and erasure requests. The search, the export (files written on the
store's worker, not the GUI thread) and the erasure all run through the
:class:`~minuta.ui.store_worker.StoreWorker`; answers to a search that was
replaced by a newer one are dropped. Redact and Erase ask first, saying exactly
what changes, with Cancel as the default. Records already in a CRM cannot be
changed from here: they are listed with links, to follow up in the CRM.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from minuta.app.person_data import (
    CrmRecordHit,
    ErasureReport,
    Mode,
    PersonReport,
    erase_person,
    find_person,
    save_person_export,
)
from minuta.store.store import Store, require_store
from minuta.ui.dialogs.base import heading_label, note_label
from minuta.ui.icons import icon
from minuta.ui.meeting.background import submit_for
from minuta.ui.privacy.person_results import PersonResultsModel, follow_up_html
from minuta.ui.store_worker import StoreWorker

translate = QCoreApplication.translate


# --- on the store's worker (data in, data out: no widgets) -----------------------------


def _find(text: str) -> Callable[[Store | None], PersonReport]:
    return lambda store: find_person(require_store(store), text)


def _export(report: PersonReport, folder: Path) -> Callable[[Store | None], tuple[Path, Path]]:
    return lambda store: save_person_export(require_store(store), report, folder)


def _erase(
    report: PersonReport, mode: Mode, delete_audio: bool
) -> Callable[[Store | None], ErasureReport]:
    def task(store: Store | None) -> ErasureReport:
        return erase_person(require_store(store), report, mode=mode, delete_audio=delete_audio)

    return task


# --- what the confirmation says ---------------------------------------------------------


def change_summary(report: PersonReport, mode: Mode) -> str:
    """Exactly what Redact or Erase will change, in plain words, one line each."""
    marker = "[erased]" if mode == "erase" else "[redacted]"
    spoken = sum(1 for s in report.segments if s.spoken)
    lines = [
        translate(
            "PersonDialog",
            "• {count} meetings: their name in titles, notes and highlights becomes {marker}",
        ).format(count=len(report.meetings), marker=marker),
    ]
    if mode == "erase":
        lines.append(
            translate("PersonDialog", "• They are removed from participant lists and speaker names")
        )
        lines.append(
            translate(
                "PersonDialog",
                "• {spoken} transcript lines they said are deleted; "
                "{other} lines about them have their name replaced",
            ).format(spoken=spoken, other=len(report.segments) - spoken)
        )
    else:
        lines.append(
            translate(
                "PersonDialog",
                "• In participant lists and speaker names they become {marker}; "
                "{count} transcript lines are kept, with their name replaced",
            ).format(marker=marker, count=len(report.segments))
        )
    lines.append(
        translate(
            "PersonDialog", "• {count} summary items and drafts: their name is replaced"
        ).format(count=len(report.summary_items) + len(report.summary_texts))
    )
    if report.speakers:
        lines.append(translate("PersonDialog", "• Their voice is forgotten in those meetings"))
    if report.exports:
        lines.append(
            translate("PersonDialog", "• {count} entries of the export log are deleted").format(
                count=len(report.exports)
            )
        )
    if report.pushes:
        unsent = sum(1 for p in report.pushes if p.state in ("queued", "sending", "failed"))
        lines.append(
            translate(
                "PersonDialog",
                "• {count} CRM pushes: Minuta's copy is redacted and {unsent} not yet sent are "
                "withdrawn. What is already in the CRM is not changed: follow it up there.",
            ).format(count=len(report.pushes), unsent=unsent)
        )
    return "\n".join(lines)


class PersonDialog(QDialog):
    searched = Signal()  # the results on screen are the newest search's
    exported = Signal(list)  # [json path, html path]
    erased = Signal(object)  # ErasureReport
    failed = Signal(str)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A Person's Data"))
        self.resize(900, 640)
        self._worker = worker
        self._search_id = 0
        self._busy = False
        self.report: PersonReport | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = PersonResultsModel(self)
        self._build()
        self._refresh()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        heading = heading_label(self.tr("A person's data"))
        explanation = note_label(
            self.tr(
                "Find everything Minuta holds about one person, by name or e-mail address: "
                "meetings, transcripts, summaries, what was sent to a CRM and exports. Then "
                "export it for them, or redact or erase it."
            )
        )
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Name or e-mail address"))
        self.search_field.setAccessibleName(self.tr("Name or e-mail address"))
        self.search_field.setClearButtonEnabled(True)
        # The default button: Enter in the field searches (once: no returnPressed as well).
        self.find_button = QPushButton(icon("search"), self.tr("&Find"))
        self.find_button.setToolTip(self.tr("Find everything about this person (Enter)"))
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.find_button)

        self.results = QTreeView()
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName(self.tr("What was found"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformRowHeights(True)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName(self.tr("Message"))
        self._build_follow_up()
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(search_row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.follow_up_heading)
        layout.addWidget(self.follow_up_label)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.search_field, self.find_button)
        self.setTabOrder(self.find_button, self.results)
        self.search_field.setFocus()

    def _build_follow_up(self) -> None:
        self.follow_up_heading = QLabel(self.tr("In your CRM (change or delete these there):"))
        self.follow_up_label = QLabel()
        self.follow_up_label.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up_label.setWordWrap(True)
        self.follow_up_label.setOpenExternalLinks(True)
        self.follow_up_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.follow_up_label.setAccessibleName(self.tr("CRM records to follow up"))

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.export_button = self._button(
            self.tr("&Export…"), "export", self.tr("Write everything found as JSON and a web page")
        )
        self.export_button.clicked.connect(self.export)
        self.redact_button = self._button(
            self.tr("Re&dact…"), "", self.tr("Replace their name everywhere; keep what they said")
        )
        self.redact_button.clicked.connect(lambda: self.confirm("redact"))
        self.erase_button = self._button(
            self.tr("Er&ase…"), "delete", self.tr("Remove them and what they said everywhere")
        )
        self.erase_button.clicked.connect(lambda: self.confirm("erase"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setShortcut(QKeySequence.StandardKey.Close)
        self.buttons.rejected.connect(self.reject)

    def _button(self, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        if icon_name:
            button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def _refresh(self) -> None:
        found = self.report is not None and not self.report.is_empty
        self.find_button.setEnabled(not self._busy)
        for button in (self.export_button, self.redact_button, self.erase_button):
            button.setEnabled(found and not self._busy)
        records = self.report.crm_records if self.report is not None else ()
        self._show_follow_up(records)

    def _show_follow_up(self, records: tuple[CrmRecordHit, ...]) -> None:
        self.follow_up_heading.setVisible(bool(records))
        self.follow_up_label.setVisible(bool(records))
        self.follow_up_label.setText(follow_up_html(records))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    def _show(self, text: str) -> None:
        self.message_label.setText(text)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        text = (
            str(exc)
            if isinstance(exc, ValueError)
            else self.tr("That did not work: {error}. Nothing was changed.").format(
                error=type(exc).__name__
            )
        )
        self._show(text)
        self.failed.emit(text)

    # --- searching ----------------------------------------------------------------

    def search(self) -> None:
        text = self.search_field.text().strip()
        if not text:
            self._show(self.tr("Type a name or an e-mail address."))
            return
        self._search_id += 1
        search_id = self._search_id
        self._show(self.tr("Searching…"))

        def done(report: PersonReport) -> None:
            if search_id == self._search_id:
                self._found(report)

        def failed(exc: Exception) -> None:
            if search_id == self._search_id:
                self._failed(exc)

        submit_for(self, self._worker, _find(text), done, failed)

    def _found(self, report: PersonReport) -> None:
        self.report = report
        self.model.set_report(report)
        self.results.expandToDepth(0)
        if report.is_empty:
            self._show(self.tr("Nothing is stored about {who}.").format(who=report.query.display))
        else:
            self._show(self.tr("About {who}:").format(who=report.query.display))
        self._refresh()
        self.searched.emit()

    # --- exporting ----------------------------------------------------------------

    def export(self) -> None:
        if self.report is None or self.report.is_empty:
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to a folder (the files are not encrypted)"), documents
        )
        if not folder:
            return
        self._set_busy(True)
        submit_for(
            self, self._worker, _export(self.report, Path(folder)), self._exported, self._failed
        )

    def _exported(self, paths: tuple[Path, Path]) -> None:
        self._set_busy(False)
        self._show(
            self.tr(
                "Wrote {json} and {html}. They are not encrypted: hand them over safely."
            ).format(json=paths[0].name, html=paths[1].name)
        )
        self.exported.emit([str(p) for p in paths])

    # --- redacting and erasing ------------------------------------------------------

    def confirm(self, mode: Mode) -> QMessageBox | None:
        """Ask, saying exactly what changes; Cancel is the default."""
        report = self.report
        if report is None or report.is_empty:
            return None
        box = self.confirm_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        who = report.query.display
        if mode == "erase":
            box.setWindowTitle(self.tr("Erase a person"))
            box.setText(self.tr("Erase {who} everywhere? This cannot be undone.").format(who=who))
            go = box.addButton(self.tr("&Erase"), QMessageBox.ButtonRole.DestructiveRole)
        else:
            box.setWindowTitle(self.tr("Redact a person"))
            box.setText(self.tr("Redact {who} everywhere? This cannot be undone.").format(who=who))
            go = box.addButton(self.tr("&Redact"), QMessageBox.ButtonRole.DestructiveRole)
        box.setInformativeText(change_summary(report, mode))
        audio = QCheckBox(self.tr("Also delete the &audio of the meetings they spoke in"))
        audio.setAccessibleName(self.tr("Also delete the audio"))
        box.setCheckBox(audio)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(_result: int) -> None:
            if box.clickedButton() is go:
                self._start_erasure(report, mode, audio.isChecked())
            box.deleteLater()
            self.confirm_box = None

        box.finished.connect(answered)
        box.open()
        return box

    def _start_erasure(self, report: PersonReport, mode: Mode, delete_audio: bool) -> None:
        self._set_busy(True)
        self._show(self.tr("Erasing…") if mode == "erase" else self.tr("Redacting…"))
        submit_for(
            self, self._worker, _erase(report, mode, delete_audio), self._erasure_done, self._failed
        )

    def _erasure_done(self, result: ErasureReport) -> None:
        self._set_busy(False)
        deleted = result.segments_deleted
        text = self.tr(
            "Done: {meetings} meetings changed, {deleted} lines deleted, {redacted} lines "
            "redacted, {exports} exports deleted."
        ).format(
            meetings=result.meetings,
            deleted=deleted,
            redacted=result.segments_redacted,
            exports=result.exports_deleted,
        )
        if result.follow_up:
            text += " " + self.tr("Follow up on the CRM records below in the CRM itself.")
        for note in result.notes:
            text += " " + note
        self.report = None
        self.model.set_report(None)
        self._refresh()
        self._show(text)
        self._show_follow_up(result.follow_up)
        self.erased.emit(result)
