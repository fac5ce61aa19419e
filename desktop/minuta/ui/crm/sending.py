"""How an approved push is getting on: sending, sent (with a link), or why not yet.

Follows one push through the outbox runner's signals. The push is in the
outbox already, so closing the window loses nothing: the runner goes on, and
the Summary tab shows the same outcome.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from minuta.ui.crm.texts import time_text

if TYPE_CHECKING:
    from minuta.crm.outbox import Delivery
    from minuta.ui.crm.outbox_runner import OutboxRunner


class SendingStatus(QWidget):
    finished = Signal(object)  # the Delivery of the followed push

    def __init__(self, runner: OutboxRunner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._push_id: int | None = None
        self._crm = ""
        self.delivery: Delivery | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAccessibleName(self.tr("Sending"))
        self.label.linkActivated.connect(self.open_link)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # "working", without a made-up percentage
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Sending progress"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.hide()

    def follow(self, push_id: int, crm: str) -> None:
        """Show how ``push_id`` (just approved) is sent to ``crm``."""
        self._push_id, self._crm = push_id, crm
        self.show()
        runner = self._runner
        if runner is None or runner.stopped:
            self.bar.hide()
            self._say(self.tr("Approved and queued. Minuta sends it while it is running."))
            return
        self.bar.show()
        self._say(self.tr("Sending to {crm}…").format(crm=crm))
        runner.delivered.connect(self._delivered)
        runner.run_now()

    def _delivered(self, delivery: Delivery) -> None:
        from minuta.crm.outbox import Outcome

        if delivery.push_id != self._push_id:
            return
        self.delivery = delivery
        self.bar.hide()
        crm = self._crm
        if delivery.outcome is Outcome.SENT:
            text = escape(self.tr("Sent to {crm}.").format(crm=crm))
            url = delivery.records[0].url if delivery.records else None
            if url:
                link = escape(self.tr("Open in {crm}").format(crm=crm))
                text += f' <a href="{escape(url, quote=True)}">{link}</a>'
            self.label.setText(text)
        elif delivery.outcome is Outcome.RETRY_LATER and delivery.retry_at is not None:
            self._say(
                self.tr(
                    "Not sent yet: {reason} Minuta tries again at {time}. "
                    "You can close this window."
                ).format(reason=delivery.message, time=time_text(delivery.retry_at))
            )
        else:
            self._say(
                self.tr(
                    "Not sent: {reason} The push is kept; you can try again from the Summary tab."
                ).format(reason=delivery.message)
            )
        self.finished.emit(delivery)

    def _say(self, text: str) -> None:
        self.label.setText(escape(text))

    def open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
