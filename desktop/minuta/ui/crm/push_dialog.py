"""Send to CRM: choose where and what, see exactly what goes, approve, and it is sent.

The left side chooses: the CRM (a connected one), the record it goes to (a
search, run off the GUI thread), the approved items to include, and what to do
with personal data found in them. The right side shows the result: every
request exactly as it will be sent, and its digest. Any change rebuilds the
plan and what is shown; "Approve and send" approves the plan on screen, by the
digest on screen (:func:`minuta.app.push.approve` refuses anything else). The
approved push goes to the outbox, and the outbox runner sends it; the dialog
shows how that went, with a link to the record.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from minuta.core.crm import CrmTarget, PushPlan
from minuta.crm.connector import Connection
from minuta.crm.registry import display_name
from minuta.ui.background import run_in_background, when_done
from minuta.ui.crm import jobs
from minuta.ui.crm.choices import SUMMARY_ROW, ItemsChooser, OwnersView
from minuta.ui.crm.draft import FindingKey, PushDraft, PushInputs
from minuta.ui.crm.findings_panel import FindingsPanel
from minuta.ui.crm.payload_view import PayloadView
from minuta.ui.crm.sending import SendingStatus
from minuta.ui.crm.target_picker import TargetPicker
from minuta.ui.crm.texts import connection_label, error_text
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker

if TYPE_CHECKING:
    from minuta.ui.crm.outbox_runner import OutboxRunner

log = logging.getLogger(__name__)


class PushDialog(QDialog):
    loaded = Signal()  # the meeting, its summary and the connections are read
    crm_opened = Signal()  # the chosen CRM answered: its users and the first search are in
    plan_shown = Signal(str)  # the digest now on screen ("" for none)
    approved = Signal(int)  # the push's id in the outbox
    settings_requested = Signal()  # "Connect a CRM…" (no CRM is connected)

    def __init__(
        self,
        worker: StoreWorker,
        meeting_id: int,
        *,
        runner: OutboxRunner | None = None,
        connector_factory: jobs.ConnectorFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to CRM"))
        self.setMinimumSize(960, 620)
        self._worker = worker
        self._meeting_id = meeting_id
        self._runner = runner
        factory = connector_factory or (runner.connector_factory if runner else None)
        self._factory: jobs.ConnectorFactory = factory or jobs.default_connector
        self._inputs: PushInputs | None = None
        self.draft: PushDraft | None = None
        self._opening = 0  # the newest CRM being opened; older answers are closed and dropped
        self._approving = False
        self.push_id: int | None = None
        self._build()
        self._load()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_choices())
        self.payload_view = PayloadView()
        self.payload_view.shown.connect(self.plan_shown)
        splitter.addWidget(self._group(self.tr("What will be sent"), self.payload_view))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.hide()
        self.sending = SendingStatus(self._runner)
        self.sending.finished.connect(self._sent)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.sending)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.connection_combo, self.target_picker.search_field)
        self.setTabOrder(self.target_picker.search_field, self.target_picker.results)
        self.setTabOrder(self.target_picker.results, self.items_list)
        self._refresh()

    def _build_choices(self) -> QWidget:
        self.connection_combo = QComboBox()
        self.connection_combo.setAccessibleName(self.tr("CRM"))
        self.connection_combo.currentIndexChanged.connect(self._connection_chosen)
        self.no_crm_label = QLabel(self.tr("No CRM is connected yet."))
        self.connect_button = QPushButton(self.tr("C&onnect a CRM…"))
        self.connect_button.setAccessibleName(self.tr("Connect a CRM in Settings"))
        self.connect_button.clicked.connect(self.settings_requested)
        crm = QWidget()
        crm_layout = QVBoxLayout(crm)
        crm_layout.setContentsMargins(0, 0, 0, 0)
        crm_row = QHBoxLayout()
        crm_row.addWidget(self.no_crm_label, 1)
        crm_row.addWidget(self.connect_button)
        crm_layout.addWidget(self.connection_combo)
        crm_layout.addLayout(crm_row)
        self.target_picker = TargetPicker()
        self.target_picker.target_chosen.connect(self._target_chosen)
        self.target_picker.set_search(None)
        self.items_list = ItemsChooser()
        self.items_list.setMaximumHeight(150)
        self.items_list.toggled.connect(self._item_toggled)
        self.owners_view = OwnersView()
        self.findings_panel = FindingsPanel()
        self.findings_panel.redact_requested.connect(lambda key: self._redact(key, True))
        self.findings_panel.restore_requested.connect(lambda key: self._redact(key, False))
        self.findings_panel.redact_all_requested.connect(self.redact_all)
        choices = QWidget()
        left = QVBoxLayout(choices)
        left.setContentsMargins(0, 0, 8, 0)
        # Personal data comes before the owners: it is what must not be missed.
        left.addWidget(self._group(self.tr("&CRM"), crm))
        left.addWidget(self._group(self.tr("Send &to"), self.target_picker))
        left.addWidget(self._group(self.tr("&What to send"), self.items_list))
        left.addWidget(self._group(self.tr("Personal data"), self.findings_panel))
        self.owners_box = self._group(self.tr("Task owners"), self.owners_view)
        left.addWidget(self.owners_box)
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(choices)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        approve = self.buttons.addButton(
            self.tr("&Approve and send"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        assert approve is not None
        assert close is not None
        self.approve_button, self.close_button = approve, close
        approve.setAccessibleName(self.tr("Approve and send what is shown"))
        approve.setToolTip(self.tr("Sends exactly what is shown on the right"))
        approve.setAutoDefault(False)
        approve.clicked.connect(self.approve)
        close.clicked.connect(self.reject)

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        box.setFocusProxy(widget)
        return box

    # --- loading ------------------------------------------------------------------

    def _load(self) -> None:
        self._show_waiting(self.tr("Reading the meeting…"))
        submit_for(
            self, self._worker, jobs.load_inputs(self._meeting_id), self._loaded, self._failed
        )

    def reload_connections(self) -> None:
        """Read the connected CRMs again (after Settings › CRM)."""
        submit_for(
            self, self._worker, jobs.load_inputs(self._meeting_id), self._loaded, self._failed
        )

    def _loaded(self, inputs: PushInputs) -> None:
        self._inputs = inputs
        summary = inputs.summary
        if self.draft is None and summary is not None and summary.pushable:
            self.draft = PushDraft.start(inputs.meeting, summary, inputs.user_name)
            self.items_list.set_draft(self.draft)
        elif self.draft is None:
            self._show_message(self.tr("Approve items in the summary first: only those are sent."))
        if self.draft is not None:
            self.draft.audit_head = inputs.audit_head  # the note carries the log's head
        self._fill_connections(inputs.connections, inputs.last_used)
        self._rebuild()
        self.loaded.emit()

    def _fill_connections(self, connections: tuple[Connection, ...], last: str | None) -> None:
        current = self.connection
        self.connection_combo.blockSignals(True)
        self.connection_combo.clear()
        for connection in connections:
            self.connection_combo.addItem(connection_label(connection), connection)
        self.connection_combo.blockSignals(False)
        names = [c.name for c in connections]
        wanted = current.name if current is not None else last
        index = names.index(wanted) if wanted in names else (0 if names else -1)
        self.connection_combo.setCurrentIndex(index)
        if index >= 0 and (current is None or connections[index] != current):
            self._connection_chosen(index)
        self.no_crm_label.setVisible(not connections)
        self.connect_button.setVisible(not connections)
        self.connection_combo.setVisible(bool(connections))

    # --- the user's choices -----------------------------------------------------------

    @property
    def connection(self) -> Connection | None:
        data = self.connection_combo.currentData()
        return data if isinstance(data, Connection) else None

    def _connection_chosen(self, _index: int) -> None:
        connection, draft = self.connection, self.draft
        if draft is not None:
            jobs.close_connector(draft.connector)
            draft.set_connector(None)
        self.target_picker.set_search(None)
        self._opening += 1
        if connection is None or draft is None:
            self._rebuild()
            return
        generation, factory = self._opening, self._factory
        queries = draft.queries()
        query = queries[0] if queries else ""
        self._show_waiting(
            self.tr("Connecting to {crm}…").format(crm=display_name(connection.kind))
        )
        future = run_in_background(
            lambda: jobs.open_crm(factory, connection, query), "minuta-crm-open"
        )
        when_done(
            future,
            self,
            lambda opened: self._crm_opened(generation, opened),
            lambda exc: self._crm_failed(generation, exc),
        )

    def _crm_opened(self, generation: int, opened: jobs.OpenedCrm) -> None:
        if generation != self._opening or self.draft is None:
            jobs.close_connector(opened.connector)
            return
        self._show_message("")
        self.draft.set_connector(opened.connector, opened.users)
        connector = opened.connector
        self.target_picker.set_search(lambda query: jobs.search(connector, query))
        self.target_picker.show_results(opened.query, opened.targets)
        self._rebuild()
        self.crm_opened.emit()

    def _crm_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._opening:
            return
        log.info("opening a CRM failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("Minuta could not reach the CRM: {reason}").format(reason=error_text(exc))
        )
        self._rebuild()

    def _target_chosen(self, target: CrmTarget | None) -> None:
        if self.draft is not None and self.draft.connector is not None:
            self.draft.target = target
            self._rebuild()

    def _item_toggled(self, index: int, chosen: bool) -> None:
        if self.draft is None:
            return
        if index == SUMMARY_ROW:
            self.draft.include_summary = chosen
        else:
            self.draft.set_item(index, chosen)
        self._rebuild()

    def _redact(self, key: FindingKey, redacted: bool) -> None:
        if self.draft is not None:
            self.draft.set_redacted(key, redacted)
            self._rebuild()

    def redact_all(self) -> None:
        if self.draft is not None:
            self.draft.redact_all()
            self._rebuild()

    # --- the plan on screen ---------------------------------------------------------

    @property
    def shown_plan(self) -> PushPlan | None:
        return self.payload_view.plan

    def _rebuild(self) -> None:
        """Plan again from what is chosen now, and show exactly that plan."""
        draft = self.draft
        if draft is None or self.push_id is not None:
            self._refresh()
            return
        self.findings_panel.set_rows(draft.finding_rows())
        rows = draft.owner_rows()
        self.owners_view.set_rows(rows)
        self.owners_box.setVisible(bool(rows))
        self.payload_view.show_plan(draft.plan(), self._waiting_for(draft))
        self._refresh()

    def _waiting_for(self, draft: PushDraft) -> str:
        if draft.is_empty:
            return self.tr("Choose something to send.")
        if self.connection is None:
            return self.tr("Connect a CRM to see what would be sent.")
        if draft.connector is None:
            return self.tr("Waiting for the CRM…")
        return self.tr("Choose the record to send it to.")

    def _show_waiting(self, text: str) -> None:
        self.payload_view.show_plan(None, text)
        self._refresh()

    # --- approving and sending --------------------------------------------------------

    def approve(self) -> None:
        """Approve the plan on screen, by the digest on screen, and queue it for sending."""
        plan, digest = self.payload_view.plan, self.payload_view.digest
        if plan is None or self._approving or self.push_id is not None:
            return
        self._approving = True
        self._show_message("")
        self._refresh()
        submit_for(
            self,
            self._worker,
            jobs.approve(self._meeting_id, plan, digest),
            self._approved,
            self._approve_failed,
        )

    def _approved(self, push_id: int) -> None:
        self._approving = False
        self.push_id = push_id
        plan = self.payload_view.plan
        crm = display_name(plan.kind) if plan is not None else ""
        self.sending.follow(push_id, crm)
        self._refresh()
        self.approved.emit(push_id)

    def _approve_failed(self, exc: Exception) -> None:
        self._approving = False
        log.info("approving a push failed: %s", type(exc).__name__)
        self._show_message(str(exc) if str(exc) else error_text(exc))
        self._rebuild()

    def _sent(self, _delivery: object) -> None:
        self.close_button.setFocus()

    # --- state --------------------------------------------------------------------

    def _refresh(self) -> None:
        done = self.push_id is not None
        locked = done or self._approving
        for widget in (self.connection_combo, self.target_picker, self.items_list):
            widget.setEnabled(not locked)
        self.findings_panel.setEnabled(not locked)
        self.approve_button.setVisible(not done)
        self.approve_button.setEnabled(self.payload_view.plan is not None and not locked)
        if self.draft is None or self.draft.connector is None:
            self.target_picker.setEnabled(False)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _failed(self, exc: Exception) -> None:
        log.error("reading the meeting for a push failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("The meeting could not be read ({reason}).").format(reason=error_text(exc))
        )

    def done(self, result: int) -> None:
        if self.draft is not None:
            jobs.close_connector(self.draft.connector)
            self.draft.set_connector(None)
        self._opening += 1
        super().done(result)
