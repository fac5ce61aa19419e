"""The drafted follow-up e-mail: edit it, copy it, or open it in the mail app.

Nothing is sent from here. "Open in mail app" hands the system a ``mailto:``
address with the subject and body and no recipients; the person picks them and
sends it from their own mail program. Edits come out as ``edited`` after a
short pause in typing (and at once on :meth:`flush`).
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.core.summary import EmailDraft

EDIT_DELAY_MS = 1000


def mailto_url(subject: str, body: str) -> QUrl:
    """``mailto:?subject=…&body=…``, every character that is not plain percent-encoded.

    Line breaks become CRLF, as RFC 6068 asks of a body.
    """
    body = "\r\n".join(body.splitlines())
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return QUrl.fromEncoded(f"mailto:?{query}".encode("ascii"), QUrl.ParsingMode.StrictMode)


class EmailBox(QWidget):
    edited = Signal(object)  # EmailDraft
    copied = Signal()
    opened = Signal(bool)  # whether the system took the mailto: address

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: EmailDraft | None = None
        self.subject_field = QLineEdit()
        self.subject_field.setAccessibleName(self.tr("E-mail subject"))
        self.body_field = QPlainTextEdit()
        self.body_field.setAccessibleName(self.tr("E-mail text"))
        self.body_field.setTabChangesFocus(True)
        self.body_field.setMinimumHeight(self.body_field.fontMetrics().lineSpacing() * 8)
        self.copy_button = QPushButton(self.tr("Cop&y"))
        self.copy_button.setAccessibleName(self.tr("Copy the e-mail"))
        self.copy_button.setToolTip(self.tr("Copy the subject and text to paste elsewhere"))
        self.mail_button = QPushButton(self.tr("&Open in mail app"))
        self.mail_button.setAccessibleName(self.tr("Open the e-mail in your mail app"))
        self.mail_button.setToolTip(
            self.tr("Your mail app opens with this e-mail; choose who gets it there")
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EDIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.subject_field.textEdited.connect(lambda _t: self._timer.start())
        self.subject_field.editingFinished.connect(self.flush)
        self.body_field.textChanged.connect(self._body_typed)
        self.copy_button.clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_in_mail_app)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        subject_label = QLabel(self.tr("&Subject:"))
        subject_label.setBuddy(self.subject_field)
        form.addRow(subject_label, self.subject_field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.body_field)
        layout.addLayout(buttons)

    def set_email(self, email: EmailDraft | None) -> None:
        """Show a stored draft (no ``edited``)."""
        self._timer.stop()
        self._shown = email
        self.subject_field.setText(email.subject if email else "")
        self.body_field.blockSignals(True)
        self.body_field.setPlainText(email.body if email else "")
        self.body_field.blockSignals(False)

    def email(self) -> EmailDraft:
        return EmailDraft(self.subject_field.text().strip(), self.body_field.toPlainText())

    def flush(self) -> None:
        """Send an edit now rather than after the pause."""
        self._timer.stop()
        current = self.email()
        if self._shown is not None and current != self._shown:
            self._shown = current
            self.edited.emit(current)

    def copy(self) -> None:
        email = self.email()
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(f"{email.subject}\n\n{email.body}" if email.subject else email.body)
        self.copied.emit()

    def open_in_mail_app(self) -> None:
        email = self.email()
        self.opened.emit(QDesktopServices.openUrl(mailto_url(email.subject, email.body)))

    def _body_typed(self) -> None:
        self._timer.start()
