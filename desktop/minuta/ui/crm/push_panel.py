"""The Summary tab's CRM row: "Send to CRM…", and a line for each push of the meeting.

"Send to CRM…" is possible once the summary has approved items. Below it,
each push says where it stands: "Sent to HubSpot on 23 Nov 2026 · Open in
HubSpot", "Queued: waiting to retry at 14:05 (reason)", or "Failed: reason ·
Try again" (which queues the same approved push again). The lines follow the
outbox runner as it works.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from minuta.core.crm import OutboxPush
from minuta.core.summary import MeetingSummary
from minuta.ui.crm import jobs
from minuta.ui.crm.outbox_runner import OutboxRunner, installed_runner
from minuta.ui.crm.push_dialog import PushDialog
from minuta.ui.crm.texts import OPEN_PREFIX, RETRY_PREFIX, error_text, push_line
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

SEND_SHORTCUT = "Ctrl+Shift+S"


class CrmPushPanel(QWidget):
    pushes_loaded = Signal()  # the lines show the outbox as the store has it now
    dialog_opened = Signal(object)  # the PushDialog now open

    def __init__(
        self,
        worker: StoreWorker,
        meeting_id: int,
        *,
        runner: OutboxRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._runner = runner if runner is not None else installed_runner()
        self._push_ids: set[int] = set()
        self.pushes: list[OutboxPush] = []
        self.dialog: PushDialog | None = None
        self.crm_settings: QWidget | None = None  # Settings › CRM, opened from the dialog
        # Opens Settings › CRM from the dialog (the app's own; a small window by default).
        self.open_settings: Callable[[QWidget], None] = self._open_crm_settings
        # No mnemonic: the meeting view uses every letter of it already.
        self.send_button = QPushButton(self.tr("Send to CRM…"))
        self.send_button.setShortcut(QKeySequence(SEND_SHORTCUT))
        self.send_button.setAccessibleName(self.tr("Send to CRM"))
        self.send_button.setToolTip(
            self.tr("Review and send the approved items to your CRM ({keys})").format(
                keys=QKeySequence(SEND_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.open_dialog)
        self.lines_label = QLabel()
        self.lines_label.setWordWrap(True)
        self.lines_label.setTextFormat(Qt.TextFormat.RichText)
        self.lines_label.setAccessibleName(self.tr("Sent to CRM"))
        self.lines_label.linkActivated.connect(self._link)
        self.lines_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.lines_label)
        if self._runner is not None:
            self._runner.push_updated.connect(self._push_updated)
            self._runner.run_finished.connect(self.reload)
        self.reload()

    # --- the tab's API ----------------------------------------------------------------

    def set_summary(self, summary: MeetingSummary | None) -> None:
        """The draft shown in the tab: sending needs approved items."""
        self.send_button.setEnabled(summary is not None and bool(summary.pushable))

    def reload(self) -> None:
        submit_for(
            self,
            self._worker,
            jobs.meeting_pushes(self._meeting_id),
            self._show,
            self._load_failed,
        )

    def open_dialog(self) -> PushDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = PushDialog(
            self._worker, self._meeting_id, runner=self._runner, parent=self.window()
        )
        dialog.approved.connect(lambda _id: self.reload())
        dialog.settings_requested.connect(lambda: self.open_settings(dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    # --- showing ------------------------------------------------------------------

    def _show(self, pushes: list[OutboxPush]) -> None:
        self.pushes = pushes
        self._push_ids = {push.id for push in pushes}
        lines = [line for line in (push_line(push) for push in pushes) if line]
        self.lines_label.setText("<br>".join(lines))
        self.lines_label.setVisible(bool(lines))
        self.pushes_loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        log.error("reading a meeting's pushes failed: %s", type(exc).__name__)

    def _push_updated(self, push_id: int) -> None:
        if push_id in self._push_ids:
            self.reload()

    def _link(self, href: str) -> None:
        if href.startswith(OPEN_PREFIX):
            QDesktopServices.openUrl(QUrl(href[len(OPEN_PREFIX) :]))
        elif href.startswith(RETRY_PREFIX):
            self.try_again(int(href[len(RETRY_PREFIX) :]))

    def try_again(self, push_id: int) -> None:
        """Queue a failed push again, as it was approved, and send it now."""

        def queued(_none: None) -> None:
            self.reload()
            if self._runner is not None:
                self._runner.run_now()

        submit_for(self, self._worker, jobs.requeue(push_id), queued, self._retry_failed)

    def _retry_failed(self, exc: Exception) -> None:
        log.error("queuing a push again failed: %s", type(exc).__name__)
        self.lines_label.setText(
            self.tr("It could not be queued again ({reason}).").format(reason=error_text(exc))
        )

    def _dialog_closed(self, dialog: PushDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.reload()

    def _open_crm_settings(self, dialog: QWidget) -> None:
        from minuta.ui.settings.crm_page import open_crm_settings

        settings = self.crm_settings = open_crm_settings(self._worker, dialog)
        if isinstance(dialog, PushDialog):
            settings.finished.connect(lambda _result: dialog.reload_connections())
