"""What left this machine: every push to a CRM and every export, with exactly what went.

:class:`LeftMachineModel` lists :class:`~minuta.app.left_machine.LeftItem`
values, newest first (tested without widgets). Selecting one reads its payload
on the store's worker and shows it read-only: a push's approved requests in the
same view the review used (byte for byte), an export's text as written, or, for
a Word document, what it is ("Word document, 14 KB, SHA-256 …").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minuta.app.left_machine import LeftItem, LeftKind, is_binary, left_items
from minuta.core.crm import PushPlan
from minuta.store.exports import ExportEntry
from minuta.store.store import Store, require_store
from minuta.ui.crm.payload_view import PayloadView
from minuta.ui.crm.texts import time_text
from minuta.ui.dialogs.base import heading_label, monospace_font, note_label
from minuta.ui.list_table_model import ListTableModel, ModelIndex
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker

# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the LeftItem itself


def format_name(fmt: str) -> str:
    names = {
        "md": translate("LeftMachine", "Markdown"),
        "txt": translate("LeftMachine", "Plain text"),
        "srt": translate("LeftMachine", "SRT subtitles"),
        "vtt": translate("LeftMachine", "WebVTT subtitles"),
        "docx": translate("LeftMachine", "Word document"),
        "json": translate("LeftMachine", "JSON"),
        "html": translate("LeftMachine", "Web page"),
    }
    return names.get(fmt, fmt.upper())


def state_name(item: LeftItem) -> str:
    names = {
        "written": translate("LeftMachine", "Written"),
        "sent": translate("LeftMachine", "Sent"),
        "queued": translate("LeftMachine", "Waiting to be sent"),
        "sending": translate("LeftMachine", "Sending"),
        "failed": translate("LeftMachine", "Failed"),
        "cancelled": translate("LeftMachine", "Withdrawn, not sent"),
    }
    return names.get(item.state, item.state)


def what_text(item: LeftItem) -> str:
    if item.kind == "push":
        return translate("LeftMachine", "To CRM: {crm}").format(crm=item.what)
    name = format_name(item.what)
    if item.person:
        return translate("LeftMachine", "Export of a person's data: {format}").format(format=name)
    return translate("LeftMachine", "Export: {format}").format(format=name)


def where_text(item: LeftItem) -> str:
    if item.kind == "export" and item.where == "stdout":
        return translate("LeftMachine", "Printed in a terminal")
    return item.where


def detail_text(item: LeftItem) -> str:
    if item.kind == "export":
        return translate("LeftMachine", "{size} KB").format(size=max(1, round(item.size / 1024)))
    count = len(item.records)
    if count == 0:
        return translate("LeftMachine", "No record made yet")
    if count == 1:
        return translate("LeftMachine", "1 record")
    return translate("LeftMachine", "{count} records").format(count=count)


def binary_text(entry: ExportEntry) -> str:
    """ "Word document, 14 KB, SHA-256 3f2a…": bytes that are not text are described."""
    return translate("LeftMachine", "{format}, {size} KB, SHA-256 {digest}").format(
        format=format_name(entry.format), size=max(1, round(entry.size / 1024)), digest=entry.digest
    )


def facts_html(item: LeftItem) -> str:
    """The digest, the audit head it carried, and links to the records a push made."""
    lines = [
        escape(
            translate("LeftMachine", "SHA-256 of what went: {digest}").format(digest=item.digest)
        )
    ]
    if item.audit_head:
        lines.append(
            escape(
                translate("LeftMachine", "Audit log head it carried: {head}").format(
                    head=item.audit_head
                )
            )
        )
    links = []
    for record in item.records:
        if record.url and record.url.startswith("https://"):
            links.append(f'<a href="{escape(record.url, quote=True)}">{escape(record.url)}</a>')
        else:
            links.append(escape(record.remote_id))
    if links:
        lines.append(escape(translate("LeftMachine", "Records made:")) + " " + ", ".join(links))
    return "<br>".join(lines)


class LeftMachineModel(ListTableModel[LeftItem]):
    """Pushes and exports, newest first: when, what, where, state, records or size."""

    WHEN, WHAT, WHERE, STATE, DETAIL = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)

    def column_titles(self) -> tuple[str, ...]:
        return (
            translate("LeftMachine", "When"),
            translate("LeftMachine", "What"),
            translate("LeftMachine", "Where"),
            translate("LeftMachine", "State"),
            translate("LeftMachine", "Records or size"),
        )

    def set_items(self, items: Sequence[LeftItem]) -> None:
        self.set_rows(sorted(items, key=lambda item: item.at, reverse=True))

    def item_at(self, row: int) -> LeftItem:
        return self.row_at(row)

    def row_of(self, key: str) -> int:
        """The row of ``push-3`` / ``export-5``; -1 if it is not listed."""
        return next((row for row, item in enumerate(self._rows) if item.key == key), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_for(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            columns: tuple[Callable[[LeftItem], str], ...] = (
                lambda i: time_text(i.at),
                what_text,
                where_text,
                state_name,
                detail_text,
            )
            return columns[index.column()](item)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHERE:
            return item.where
        return None


# --- on the store's worker ------------------------------------------------------------


def load_items(store: Store | None) -> list[LeftItem]:
    return left_items(require_store(store))


def load_payload(kind: LeftKind, item_id: int) -> Callable[[Store | None], PushPlan | ExportEntry]:
    def task(store: Store | None) -> PushPlan | ExportEntry:
        store = require_store(store)
        if kind == "push":
            return store.outbox.get(item_id).plan
        return store.exports.get(item_id)

    return task


# --- the window -----------------------------------------------------------------------


class LeftMachineDialog(QDialog):
    loaded = Signal()  # the list is in
    payload_shown = Signal(str)  # the key ("push-3") whose payload is now shown

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What Left This Machine"))
        self.resize(1000, 680)
        self._worker = worker
        self._wanted = ""  # the key whose payload was asked for last
        self.shown_key = ""
        self.model = LeftMachineModel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        heading = heading_label(self.tr("What left this machine"))
        explanation = note_label(
            self.tr(
                "Every push to a CRM and every export, newest first. Select one to see exactly "
                "what went."
            )
        )
        self.table = self._build_table()
        self.empty_label = note_label(self.tr("Nothing has left this computer yet."))
        self.empty_label.hide()
        lower = self._build_payload()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setShortcut(
            QKeySequence.StandardKey.Close
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Pushes and exports"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _build_payload(self) -> QWidget:
        self.facts_label = QLabel()
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label.setWordWrap(True)
        self.facts_label.setOpenExternalLinks(True)
        self.facts_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.facts_label.setAccessibleName(self.tr("Fingerprint, audit head and records"))

        self.placeholder = note_label(self.tr("Select a push or an export to see what went."))
        self.payload_view = PayloadView()
        self.payload_view.setAccessibleName(self.tr("The requests that were approved"))
        self.export_text = QPlainTextEdit()
        self.export_text.setReadOnly(True)
        self.export_text.setFont(monospace_font())
        self.export_text.setTabChangesFocus(True)
        self.export_text.setAccessibleName(self.tr("The exported file's content"))
        self.payload_stack = QStackedWidget()
        for page in (self.placeholder, self.payload_view, self.export_text):
            self.payload_stack.addWidget(page)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.facts_label)
        lower_layout.addWidget(self.payload_stack, 1)
        return lower

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        submit_for(self, self._worker, load_items, self._loaded, self._failed)

    def _loaded(self, items: list[LeftItem]) -> None:
        self.model.set_items(items)
        self.empty_label.setVisible(not items)
        self.loaded.emit()

    def select(self, key: str) -> bool:
        """Select ``push-3`` / ``export-5`` (as a click would); False if it is not listed."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if len(rows) != 1:
            return
        item = self.model.item_at(rows.pop())
        self._wanted = item.key
        self.facts_label.setText(facts_html(item))
        submit_for(
            self,
            self._worker,
            load_payload(item.kind, item.id),
            lambda payload: self._show_payload(item, payload),
            self._failed,
        )

    def _show_payload(self, item: LeftItem, payload: PushPlan | ExportEntry) -> None:
        if item.key != self._wanted:  # another row was chosen meanwhile
            return
        if isinstance(payload, PushPlan):
            self.payload_view.show_plan(payload)
            self.payload_stack.setCurrentWidget(self.payload_view)
        else:
            data = payload.payload or b""
            text = (
                binary_text(payload)
                if is_binary(payload.format, data)
                else data.decode("utf-8")  # as written: is_binary() checked it decodes
            )
            self.export_text.setPlainText(text)
            self.payload_stack.setCurrentWidget(self.export_text)
        self.shown_key = item.key
        self.payload_shown.emit(item.key)

    def shown_export_text(self) -> str:
        """The export pane's text, character for character."""
        return self.export_text.document().toRawText().replace("\u2029", "\n")

    def _failed(self, exc: Exception) -> None:
        self.facts_label.setText(
            escape(
                self.tr("Minuta could not read this ({error}).").format(error=type(exc).__name__)
            )
        )
        self.payload_stack.setCurrentWidget(self.placeholder)


__all__ = [
    "ITEM_ROLE",
    "LeftMachineDialog",
    "LeftMachineModel",
    "binary_text",
    "facts_html",
]
