"""Settings › CRM over the real store and the real keyring: add, sign in, remove.

The sign-in test uses the real OAuth 2 test server (tests/crm/oauth_server.py)
over TLS from its own CA; tokens never appear in a widget or the log.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from crm_support import SECRET, add_meeting_with_summary, connect_webhook, forget_tokens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget
from settings_support import get_setting
from tests.crm.oauth_server import OAuthTestServer
from tests.crm.test_oauth import Browser
from ui_support import create_store, on_worker, open_directly, open_on_worker, open_store_on

from minuta.app.crm_connections import new_connection, vault
from minuta.core.audit import AuditKind
from minuta.core.crm import CrmKind
from minuta.crm import oauth
from minuta.crm.connector import Connection
from minuta.store.settings import Setting
from minuta.ui.crm.connection_dialog import ConnectionDialog, free_name, needs_address
from minuta.ui.crm.push_panel import CrmPushPanel
from minuta.ui.settings.crm_page import CONNECTION_ROLE, ConnectionsModel, CrmPage
from minuta.ui.settings_dialog import Section, SettingsDialog

pytestmark = pytest.mark.gui

WAIT_MS = 15_000
HOOK = "http://127.0.0.1:9/hook"


@pytest.fixture
def tokens_forgotten() -> Iterator[None]:
    yield
    forget_tokens("webhook", "salesforce")


def open_page(qtbot, worker) -> CrmPage:
    page = CrmPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show()
    return page


def start_adding(qtbot, page: CrmPage, kind: CrmKind) -> ConnectionDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.set_kind(kind)
    return dialog


def texts_shown(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)] + [
        field.text() for field in widget.findChildren(QLineEdit)
    ]


def test_the_list_model_names_each_crm_without_widgets():
    model = ConnectionsModel()
    webhook = new_connection(CrmKind.WEBHOOK, api_url=HOOK)
    salesforce = Connection("salesforce", CrmKind.SALESFORCE, "")
    model.set_connections([webhook, salesforce])
    assert model.rowCount() == 2
    assert model.columnCount() == 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name", "CRM", "Address"]
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert rows == [
        ["webhook", "Webhook", HOOK],
        ["salesforce", "Salesforce", "from the sign-in"],
    ]
    assert model.index(1, 0).data(CONNECTION_ROLE) == salesforce


def test_names_and_addresses_asked_for():
    assert free_name(CrmKind.HUBSPOT, []) == "hubspot"
    assert free_name(CrmKind.HUBSPOT, ["hubspot", "hubspot-2"]) == "hubspot-3"
    assert needs_address(CrmKind.WEBHOOK)
    assert needs_address(CrmKind.BOTTLECRM)
    assert needs_address(CrmKind.DYNAMICS)
    assert not needs_address(CrmKind.HUBSPOT)  # api.hubapi.com
    assert not needs_address(CrmKind.SALESFORCE)  # from the sign-in


def test_adding_a_webhook_keeps_its_secret_in_the_keyring_only(
    qtbot, worker, app_paths, tokens_forgotten, caplog
):
    caplog.set_level(logging.DEBUG)
    open_store_on(qtbot, worker, app_paths)
    page = open_page(qtbot, worker)
    assert page.model.rowCount() == 0
    assert not page.remove_button.isEnabled()
    dialog = start_adding(qtbot, page, CrmKind.WEBHOOK)
    assert dialog.address_field.isVisible()
    assert dialog.token_field.isVisible()
    assert dialog.token_field.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.sign_in_button.isVisible()
    assert not dialog.client_id_field.isVisible()

    qtbot.keyClicks(dialog.address_field, HOOK)
    qtbot.keyClicks(dialog.token_field, SECRET)
    with qtbot.waitSignals([page.changed, page.loaded], timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.add_dialog is None  # closed
    assert [[page.model.index(0, c).data() for c in range(3)]] == [["webhook", "Webhook", HOOK]]
    assert "Webhook is connected." in page.message.text()

    assert vault().load_api_token("webhook") == SECRET
    stored = get_setting(qtbot, worker, Setting.CRM_CONNECTIONS)
    assert stored[0]["api_url"] == HOOK
    assert SECRET not in repr(stored)
    assert not any(SECRET in text for text in texts_shown(page))
    assert SECRET not in caplog.text


def test_a_wrong_secret_or_an_unencrypted_address_is_refused_in_plain_words(
    qtbot, worker, app_paths, tokens_forgotten
):
    open_store_on(qtbot, worker, app_paths)
    page = open_page(qtbot, worker)
    dialog = start_adding(qtbot, page, CrmKind.WEBHOOK)

    qtbot.keyClicks(dialog.address_field, "http://hooks.example.com/minuta")
    qtbot.keyClicks(dialog.token_field, SECRET)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "must be reached over https://" in dialog.message.text()

    dialog.address_field.setText("https://hooks.example.com/minuta")
    dialog.token_field.setText("not-a-secret")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "whsec_" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.message.text() == "A webhook secret starts with whsec_."
    assert dialog.save_button.isEnabled()
    assert vault().load_api_token("webhook") is None
    assert get_setting(qtbot, worker, Setting.CRM_CONNECTIONS) == []
    dialog.reject()


def test_removing_a_crm_deletes_its_token(qtbot, worker, app_paths, tokens_forgotten):
    open_store_on(qtbot, worker, app_paths)
    on_worker(qtbot, worker, lambda store: connect_webhook(store, HOOK))
    page = open_page(qtbot, worker)
    page.table.selectRow(0)
    assert page.remove_button.isEnabled()
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert isinstance(box, QMessageBox)
    (remove,) = [b for b in box.buttons() if b.text() == "&Remove"]
    with qtbot.waitSignals([page.changed, page.loaded], timeout=WAIT_MS):
        remove.click()
    assert page.model.rowCount() == 0
    assert vault().load_api_token("webhook") is None
    assert get_setting(qtbot, worker, Setting.CRM_CONNECTIONS) == []
    kinds = on_worker(qtbot, worker, lambda store: [e.kind for e in store.audit.events()])
    assert AuditKind.CRM_DISCONNECTED in kinds


def test_signing_in_with_the_browser_runs_off_the_gui_thread(
    qtbot, worker, app_paths, tokens_forgotten
):
    open_store_on(qtbot, worker, app_paths)
    page = open_page(qtbot, worker)
    dialog = start_adding(qtbot, page, CrmKind.SALESFORCE)
    assert dialog.sign_in_button.isVisible()
    assert dialog.client_id_field.isVisible()
    assert not dialog.token_field.isVisible()
    assert not dialog.address_field.isVisible()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Type the application ID first."

    threads: list[threading.Thread] = []
    with (
        OAuthTestServer() as server,
        httpx.Client(verify=server.client_context(), trust_env=False) as http,
    ):

        def sign_in_with(connection: Connection) -> Connection:
            # The real sign-in, but at the test server (Salesforce's own is not reachable).
            threads.append(threading.current_thread())
            tokens = oauth.sign_in(
                server.provider(), open_browser=Browser(http), http=http, timeout_s=30
            )
            vault().save_tokens(connection.name, tokens)
            return replace(connection, api_url="https://example.my.salesforce.com/services")

        dialog.sign_in_with = sign_in_with
        qtbot.keyClicks(dialog.client_id_field, "3MVG9-minuta")
        with qtbot.waitSignals([page.changed, page.loaded], timeout=WAIT_MS):
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        issued = server.tokens[-1]
    assert threads
    assert threads[0] is not threading.main_thread()
    row = [page.model.index(0, c).data() for c in range(3)]
    assert row == ["salesforce", "Salesforce", "https://example.my.salesforce.com/services"]
    assert page.model.connection(0).option("client_id") == "3MVG9-minuta"
    signed_in = vault().load_tokens("salesforce")
    assert signed_in is not None
    assert signed_in.access_token == issued.access_token
    assert not any(issued.access_token in text for text in texts_shown(page))


def test_settings_has_a_crm_section(qtbot, worker, app_paths, settings, pulse_server):
    open_store_on(qtbot, worker, app_paths)
    dialog = SettingsDialog(worker, app_paths, qsettings=settings)
    qtbot.addWidget(dialog)
    with qtbot.waitSignals([dialog.loaded, dialog.crm_page.loaded], timeout=WAIT_MS):
        dialog.open()
    dialog.show_section(Section.CRM)
    assert dialog.current_section is Section.CRM
    assert dialog.sections.currentItem().text() == "CRM"
    assert dialog.crm_page.isVisible()
    dialog.reject()


def test_connecting_from_the_push_dialog_when_no_crm_is_connected(
    qtbot, worker, app_paths, tokens_forgotten
):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_summary(store)
    finally:
        store.close()
    open_on_worker(qtbot, worker, app_paths)
    panel = CrmPushPanel(worker, meeting_id)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.pushes_loaded, timeout=WAIT_MS):
        panel.show()
    with qtbot.waitSignal(panel.dialog_opened, timeout=WAIT_MS) as opened:
        panel.open_dialog()
    push_dialog = opened.args[0]
    qtbot.waitUntil(push_dialog.connect_button.isVisible, timeout=WAIT_MS)

    qtbot.mouseClick(push_dialog.connect_button, Qt.MouseButton.LeftButton)
    crm_settings = panel.crm_settings
    assert crm_settings is not None
    qtbot.waitUntil(crm_settings.isVisible)
    page = crm_settings.page
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.isVisible())
    dialog = start_adding(qtbot, page, CrmKind.WEBHOOK)
    qtbot.keyClicks(dialog.address_field, HOOK)
    qtbot.keyClicks(dialog.token_field, SECRET)
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Closing Settings › CRM: the push dialog reads the connections again and opens it.
    with qtbot.waitSignal(push_dialog.crm_opened, timeout=WAIT_MS):
        crm_settings.reject()
    assert push_dialog.connection_combo.isVisible()
    assert push_dialog.connection is not None
    assert push_dialog.connection.kind is CrmKind.WEBHOOK
    assert not push_dialog.connect_button.isVisible()
    push_dialog.reject()
