"""Connecting a CRM: which one, where it is, and the token or the browser sign-in.

Vendors signed in with a token (HubSpot, Pipedrive, BottleCRM, a webhook's
signing secret) get a password field; the token goes straight to the system
keyring and is never shown again or logged. The others sign in with the
system browser, on a thread of their own (it waits for the browser). The
connection itself (vendor, addresses) is kept in the encrypted store, and
only once its token or sign-in is safely stored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.core.crm import CrmKind
from minuta.crm.connector import Connection
from minuta.crm.registry import DEFAULT_API_URLS, DISPLAY_NAMES, TOKEN_KINDS
from minuta.store.store import Store, require_store
from minuta.ui.background import run_in_background, when_done
from minuta.ui.crm.texts import error_text
from minuta.ui.dialogs.base import note_label, text_label
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

# Vendors whose API address comes back from the sign-in itself.
_ADDRESS_FROM_SIGN_IN = frozenset({CrmKind.SALESFORCE, CrmKind.SUPEROFFICE})
# A sign-in vendor's optional detail: the option it is kept as.
_EXTRA_OPTION = {
    CrmKind.SALESFORCE: "login_url",  # a sandbox signs in at test.salesforce.com
    CrmKind.DYNAMICS: "tenant",
    CrmKind.SUPEROFFICE: "tenant",
}


def needs_address(kind: CrmKind) -> bool:
    return DEFAULT_API_URLS.get(kind) is None and kind not in _ADDRESS_FROM_SIGN_IN


def free_name(kind: CrmKind, taken: Collection[str]) -> str:
    """ "hubspot", or "hubspot-2" when that is taken."""
    name, number = kind.value, 2
    while name in taken:
        name, number = f"{kind.value}-{number}", number + 1
    return name


def store_token(connection: Connection, token: str) -> Connection:
    """Check the token's form and put it in the keyring (a thread of its own)."""
    from minuta.app.crm_connections import save_token, vault

    if not token.strip():
        raise ValueError("Paste the token first.")
    if connection.kind is CrmKind.WEBHOOK:
        from minuta.crm.connectors.webhook import decode_secret

        decode_secret(token)  # a ValueError says what is wrong with it
    save_token(vault(), connection, token)
    return connection


def browser_sign_in(connection: Connection, cancel: threading.Event | None = None) -> Connection:
    """The system browser's sign-in (blocks until it comes back: a thread of its own)."""
    from minuta.app.crm_connections import sign_in, vault

    return sign_in(connection, vault(), cancel=cancel)


def save_connection(connection: Connection) -> Callable[[Store | None], None]:
    def task(store: Store | None) -> None:
        from minuta.app.crm_connections import save_connection as save

        save(require_store(store), connection)

    return task


class ConnectionDialog(QDialog):
    connected = Signal(object)  # the Connection, stored with its token or sign-in

    def __init__(
        self, worker: StoreWorker, taken: Collection[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect a CRM"))
        self.setMinimumWidth(520)
        self._worker = worker
        self._taken = set(taken)
        self._busy = False
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("CRM"))
        for kind, name in DISPLAY_NAMES.items():
            self.kind_combo.addItem(name, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.address_field = QLineEdit()
        self.address_field.setAccessibleName(self.tr("Address"))
        self.token_field = QLineEdit()
        self.token_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_field.setAccessibleName(self.tr("Token"))
        self.token_field.setToolTip(self.tr("Kept in your system keyring, never shown again"))
        self.client_id_field = QLineEdit()
        self.client_id_field.setAccessibleName(self.tr("Application ID"))
        self.client_id_field.setToolTip(self.tr("The ID your CRM administrator gave Minuta"))
        self.extra_field = QLineEdit()
        self.extra_field.setAccessibleName(self.tr("Sign-in detail"))
        self.sign_in_button = QPushButton(self.tr("Sign in with the &browser"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in with the browser"))
        self.sign_in_button.clicked.connect(self.sign_in)
        # How the browser sign-in is done (tests: a test authorization server).
        self.sign_in_with: Callable[[Connection], Connection] = browser_sign_in
        self._cancel = threading.Event()
        self.form = QFormLayout()
        self.form.addRow(self.tr("&CRM:"), self.kind_combo)
        self.form.addRow(self.tr("&Address:"), self.address_field)
        self.form.addRow(self.tr("&Token:"), self.token_field)
        self.form.addRow(self.tr("App&lication ID:"), self.client_id_field)
        self.extra_label = QLabel()  # its words depend on the CRM
        self.extra_label.setBuddy(self.extra_field)
        self.form.addRow(self.extra_label, self.extra_field)
        self.form.addRow("", self.sign_in_button)
        self.hint = note_label("")
        self.message = text_label("", selectable=True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._kind_changed()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        save = self.buttons.addButton(self.tr("Co&nnect"), QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert save is not None
        assert cancel is not None
        self.save_button, self.cancel_button = save, cancel
        self.save_button.setAccessibleName(self.tr("Connect with this token"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    @property
    def kind(self) -> CrmKind:
        return CrmKind(self.kind_combo.currentData())

    def set_kind(self, kind: CrmKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.kind
        token = kind in TOKEN_KINDS
        address = needs_address(kind)
        self.form.setRowVisible(self.address_field, address)
        self.form.setRowVisible(self.token_field, token)
        self.form.setRowVisible(self.sign_in_button, not token)
        self.form.setRowVisible(self.client_id_field, not token)
        self.form.setRowVisible(self.extra_field, kind in _EXTRA_OPTION)
        self.extra_label.setText(self._extra_label(kind))
        self.save_button.setVisible(token)
        webhook = kind is CrmKind.WEBHOOK
        self.address_field.setPlaceholderText(
            "https://hooks.example.com/minuta" if webhook else "https://crm.example.com"
        )
        self.token_field.setPlaceholderText("whsec_…" if webhook else "")
        if webhook:
            hint = self.tr(
                "Minuta sends each approved push to this address, signed with the secret "
                "(Standard Webhooks)."
            )
        elif token:
            hint = self.tr("Make a private-app or personal API token in the CRM and paste it here.")
        else:
            hint = self.tr("Your browser opens the CRM's sign-in page. Come back here afterwards.")
        self.hint.setText(hint)
        self._show_message("")

    def _extra_label(self, kind: CrmKind) -> str:
        if kind is CrmKind.SALESFORCE:
            return self.tr("Sign-in &page (optional):")
        if kind is CrmKind.DYNAMICS:
            return self.tr("&Organisation's tenant (optional):")
        return self.tr("Customer &ID (optional):")

    def _options(self, kind: CrmKind) -> dict[str, str] | None:
        """A sign-in vendor's options, or None (and a message) when one is missing."""
        if kind in TOKEN_KINDS:
            return {}
        client_id = self.client_id_field.text().strip()
        if not client_id:
            self._show_message(self.tr("Type the application ID first."))
            return None
        options = {"client_id": client_id}
        extra = self.extra_field.text().strip()
        if extra and kind in _EXTRA_OPTION:
            options[_EXTRA_OPTION[kind]] = extra
        return options

    def _connection(self) -> Connection | None:
        from minuta.app.crm_connections import new_connection

        kind = self.kind
        address = self.address_field.text().strip() if needs_address(kind) else None
        if needs_address(kind) and not address:
            self._show_message(self.tr("Type the address first."))
            return None
        options = self._options(kind)
        if options is None:
            return None
        try:
            name = free_name(kind, self._taken)
            return new_connection(kind, name=name, api_url=address, options=options)
        except ValueError as exc:
            self._show_message(str(exc))
            return None

    def save(self) -> None:
        """Store the token in the keyring, then the connection in the store."""
        connection = self._connection()
        if connection is None or self._busy:
            return
        token = self.token_field.text()
        self._set_busy(self.tr("Saving…"))
        future = run_in_background(lambda: store_token(connection, token), "minuta-crm-token")
        when_done(future, self, self._store_connection, self._failed)

    def sign_in(self) -> None:
        connection = self._connection()
        if connection is None or self._busy:
            return
        self._set_busy(self.tr("Waiting for the sign-in in your browser…"))
        sign_in_with = self.sign_in_with
        # Closing the dialog ends the wait and closes the sign-in's listener at once.
        cancel = self._cancel = threading.Event()

        def run() -> Connection:
            if sign_in_with is browser_sign_in:
                return browser_sign_in(connection, cancel)
            return sign_in_with(connection)

        future = run_in_background(run, "minuta-crm-sign-in")
        when_done(future, self, self._store_connection, self._failed)

    def done(self, result: int) -> None:
        self._cancel.set()
        super().done(result)

    def _store_connection(self, connection: Connection) -> None:
        self.token_field.clear()
        submit_for(
            self,
            self._worker,
            save_connection(connection),
            lambda _none: self._connected(connection),
            self._failed,
        )

    def _connected(self, connection: Connection) -> None:
        self._busy = False
        self.connected.emit(connection)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        # The type only: a token could hide in an unexpected message.
        log.info("connecting a CRM failed: %s", type(exc).__name__)
        self._busy = False
        self._set_inputs(True)
        self._show_message(error_text(exc))

    def _set_busy(self, text: str) -> None:
        self._busy = True
        self._set_inputs(False)
        self._show_message(text)

    def _set_inputs(self, enabled: bool) -> None:
        for widget in (
            self.kind_combo,
            self.address_field,
            self.token_field,
            self.client_id_field,
            self.extra_field,
            self.sign_in_button,
            self.save_button,
        ):
            widget.setEnabled(enabled)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


__all__ = ["ConnectionDialog", "free_name", "needs_address"]
