"""Settings › CRM: the CRMs Minuta may send to, adding one, removing one.

Unlike the other pages, a change here takes effect at once (a token cannot
wait in the dialog for Save). The list is read from the encrypted store on
the store's worker; tokens live in the system keyring and are never shown.
Removing a CRM also deletes its token from the keyring, on a thread of its
own (the keyring can be slow).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minuta.crm.connector import Connection
from minuta.crm.registry import display_name
from minuta.store.store import Store, require_store
from minuta.ui.background import run_in_background, when_done
from minuta.ui.crm.connection_dialog import ConnectionDialog
from minuta.ui.crm.texts import error_text
from minuta.ui.dialogs.base import note_label, text_label
from minuta.ui.list_table_model import ListTableModel, ModelIndex
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

CONNECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class ConnectionsModel(ListTableModel[Connection]):
    """The connected CRMs: name, vendor, address. Tested without widgets."""

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("CRM"), self.tr("Address"))

    def set_connections(self, connections: Sequence[Connection]) -> None:
        self.set_rows(connections)

    @property
    def connections(self) -> list[Connection]:
        return list(self._rows)

    def connection(self, row: int) -> Connection:
        return self.row_at(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        connection = self.row_for(index)
        if connection is None:
            return None
        if role == CONNECTION_ROLE:
            return connection
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                connection.name,
                display_name(connection.kind),
                connection.api_url or self.tr("from the sign-in"),
            )
            return values[index.column()]
        return None


def _list(store: Store | None) -> list[Connection]:
    from minuta.app.crm_connections import list_connections

    return list_connections(require_store(store))


def _remove(name: str) -> Callable[[Store | None], bool]:
    def task(store: Store | None) -> bool:
        from minuta.app.crm_connections import remove_connection

        return remove_connection(require_store(store), name)

    return task


def _forget_token(name: str) -> None:
    from minuta.app.crm_connections import vault

    vault().forget(name)


class CrmPage(QWidget):
    loaded = Signal()  # the list shows what the store holds
    changed = Signal()  # a CRM was added or removed (and its token forgotten)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.add_dialog: ConnectionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = ConnectionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Connected CRMs"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Connect a CRM"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen CRM"))
        self.remove_button.setToolTip(self.tr("Also deletes its token from your keyring"))
        self.remove_button.clicked.connect(self.remove)
        self.message = text_label("", selectable=True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(
            note_label(
                self.tr(
                    "Minuta sends a meeting to a CRM only when you approve it. Tokens are kept "
                    "in your system keyring; changes here take effect at once."
                )
            )
        )
        self._refresh()
        self.reload()

    @property
    def selected(self) -> Connection | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.connection(rows[0].row()) if rows else None

    def reload(self) -> None:
        submit_for(self, self._worker, _list, self._show, self._failed)

    def _show(self, connections: list[Connection]) -> None:
        self.model.set_connections(connections)
        self.table.resizeColumnsToContents()
        self._refresh()
        self.loaded.emit()

    def add(self) -> ConnectionDialog:
        taken = [c.name for c in self.model.connections]
        dialog = self.add_dialog = ConnectionDialog(self._worker, taken, self)
        dialog.connected.connect(self._added)
        dialog.finished.connect(lambda _result: self._add_closed(dialog))
        dialog.open()
        return dialog

    def _add_closed(self, dialog: ConnectionDialog) -> None:
        if self.add_dialog is dialog:
            self.add_dialog = None
        dialog.deleteLater()

    def _added(self, connection: Connection) -> None:
        self._show_message(self.tr("{crm} is connected.").format(crm=display_name(connection.kind)))
        self.reload()
        self.changed.emit()

    def remove(self) -> QMessageBox | None:
        """Ask, then remove the chosen CRM and forget its token."""
        connection = self.selected
        if connection is None:
            return None
        box = self.confirm_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove a CRM"))
        box.setText(
            self.tr("Remove {crm}? Its token is deleted from your keyring.").format(
                crm=display_name(connection.kind)
            )
        )
        yes = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._remove(connection)
            box.deleteLater()
            self.confirm_box = None

        box.finished.connect(answered)
        box.open()
        return box

    def _remove(self, connection: Connection) -> None:
        name = connection.name

        def forget(_removed: bool) -> None:
            future = run_in_background(lambda: _forget_token(name), "minuta-crm-forget")
            when_done(future, self, lambda _none: self._removed(connection), self._failed)

        submit_for(self, self._worker, _remove(name), forget, self._failed)

    def _removed(self, connection: Connection) -> None:
        self._show_message(
            self.tr("{crm} is removed, and its token deleted.").format(
                crm=display_name(connection.kind)
            )
        )
        self.reload()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("a CRM setting failed: %s", type(exc).__name__)
        self._show_message(error_text(exc))

    def _refresh(self) -> None:
        self.remove_button.setEnabled(self.selected is not None)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class CrmSettingsDialog(QDialog):
    """Settings › CRM on its own (from the push dialog, when no CRM is connected yet)."""

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CRM Settings"))
        self.setMinimumSize(560, 360)
        self.page = CrmPage(worker, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)


def open_crm_settings(worker: StoreWorker, parent: QWidget | None = None) -> CrmSettingsDialog:
    dialog = CrmSettingsDialog(worker, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
