"""Exactly what will be sent: every request's method, address, headers and body.

Each body is the planned bytes decoded as UTF-8 and shown as they are, in a
read-only monospaced box: not re-indented, not shortened, not "pretty". The
plan's digest is shown beneath; approving approves that digest, so what the
user read is what the CRM receives. The sign-in (or a webhook's signature) is
added when sending and never shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from minuta.core.crm import PlannedRequest, PushPlan
from minuta.ui.dialogs.base import monospace_font, note_label


def request_head(request: PlannedRequest) -> str:
    """ "POST https://…" and one line per header, as they go out."""
    lines = [f"{request.method} {request.url}"]
    lines += [f"{name}: {value}" for name, value in request.headers]
    return "\n".join(lines)


def body_text(body: bytes) -> str:
    """The body as text, every character as sent (undecodable bytes as \ufffd)."""
    return body.decode("utf-8", errors="replace")


class PayloadView(QWidget):
    shown = Signal(str)  # the digest of the plan now shown ("" for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: PushPlan | None = None
        self._digest = ""
        self.heads: list[QLabel] = []
        self.bodies: list[QPlainTextEdit] = []
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAccessibleName(self.tr("What will be sent"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.digest_label = QLabel()
        self.digest_label.setWordWrap(True)
        self.digest_label.setTextFormat(Qt.TextFormat.PlainText)
        self.digest_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest_label.setFont(monospace_font(0.9))
        self.digest_label.setAccessibleName(self.tr("Fingerprint of what you approve"))
        self.signing_note = note_label(
            self.tr(
                "Minuta adds your sign-in (or the webhook's signature) when it sends. "
                "It is never shown or stored with the push."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.digest_label)
        layout.addWidget(self.signing_note)
        self.show_plan(None)

    # --- what is shown ----------------------------------------------------------------

    @property
    def plan(self) -> PushPlan | None:
        """The plan on screen: the one an approval approves."""
        return self._plan

    @property
    def digest(self) -> str:
        """The digest on screen ("" when no plan is shown)."""
        return self._digest

    def shown_body(self, index: int) -> str:
        """The text in request ``index``'s body box, character for character."""
        raw = self.bodies[index].document().toRawText()
        # QTextDocument separates its blocks (the body's lines) with U+2029.
        return raw.replace("\u2029", "\n")

    def show_plan(self, plan: PushPlan | None, waiting_for: str = "") -> None:
        """Show ``plan`` (None: nothing yet, with ``waiting_for`` saying why)."""
        while self.splitter.count():
            panel = self.splitter.widget(0)
            if panel is None:
                break
            panel.hide()
            panel.setParent(None)
            panel.deleteLater()
        self.heads, self.bodies = [], []
        self._plan = plan
        self._digest = plan.digest() if plan is not None else ""
        self.empty_label.setText(waiting_for)
        self.empty_label.setVisible(plan is None)
        self.splitter.setVisible(plan is not None)
        self.signing_note.setVisible(plan is not None)
        if plan is None:
            self.digest_label.clear()
            self.digest_label.hide()
            self.shown.emit("")
            return
        total = len(plan.requests)
        for number, request in enumerate(plan.requests, start=1):
            self.splitter.addWidget(self._request_panel(number, total, request))
        self.digest_label.setText(
            self.tr("Fingerprint (SHA-256) of what you approve: {digest}").format(
                digest=self._digest
            )
        )
        self.digest_label.show()
        self.shown.emit(self._digest)

    def _request_panel(self, number: int, total: int, request: PlannedRequest) -> QWidget:
        title = self.tr("{number} of {total}: {record}").format(
            number=number, total=total, record=request.record
        )
        head = QLabel(f"{title}\n{request_head(request)}")
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setWordWrap(True)
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.setFont(monospace_font(0.9))
        head.setAccessibleName(
            self.tr("Request {number}: address and headers").format(number=number)
        )
        body = QPlainTextEdit()
        body.setReadOnly(True)
        body.setFont(monospace_font())
        body.setPlainText(body_text(request.body))
        body.setAccessibleName(self.tr("Request {number}: content").format(number=number))
        body.setTabChangesFocus(True)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(head)
        layout.addWidget(body, 1)
        self.heads.append(head)
        self.bodies.append(body)
        return panel
