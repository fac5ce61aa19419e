""" "Ask this meeting": a question, and an answer whose sources play where they were said.

The meeting's lines are read on the store's worker, the answer is found on a
thread of its own (a local language model can take a while; the built-in way
picks the best matching passages), and Stop cancels it. Only plain values
cross: the question, the request, a cancel token.
"""

from __future__ import annotations

import logging
from functools import partial
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.summarize.backend import BackendError, Cancelled, CancelToken
from minuta.ui.background import run_in_background, when_done
from minuta.ui.meeting.background import submit_for
from minuta.ui.meeting.summary import jobs
from minuta.ui.meeting.summary.items_view import link_label, moment_link
from minuta.ui.meeting.summary.texts import evidence_label
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500


class AskPanel(QWidget):
    play_requested = Signal(float)
    answered = Signal(object)  # minuta.summarize.ask.Answer
    failed = Signal(str)  # a message for the user (also after Stop)

    def __init__(self, worker: StoreWorker, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._token: CancelToken | None = None
        self._asking = 0  # which question is current; a late answer to an older one is dropped
        self._build()
        self._refresh()

    def _build(self) -> None:
        self.question_field = QLineEdit()
        self.question_field.setMaxLength(MAX_QUESTION_CHARS)
        self.question_field.setPlaceholderText(self.tr("What did we agree on price?"))
        self.question_field.setAccessibleName(self.tr("Question about this meeting"))
        self.question_field.returnPressed.connect(self.ask)
        self.question_field.installEventFilter(self)  # Esc stops a question under way
        self.question_field.textChanged.connect(lambda _t: self._refresh())
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.setAccessibleName(self.tr("Ask"))
        self.ask_button.setToolTip(self.tr("Find the answer in this meeting (Enter)"))
        self.ask_button.clicked.connect(self.ask)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop asking"))
        self.stop_button.setToolTip(self.tr("Stop looking for an answer (Esc)"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        self.answer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_label.setAccessibleName(self.tr("Answer"))
        self.answer_label.hide()
        self.citations_label = link_label(self.tr("Where the answer was said"))
        self.citations_label.setToolTip(self.tr("Play the moment this was said"))
        self.citations_label.linkActivated.connect(self._link)
        self.citations_label.hide()

        question_label = QLabel(self.tr("&Question:"))
        question_label.setBuddy(self.question_field)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(question_label)
        row.addWidget(self.question_field, 1)
        row.addWidget(self.ask_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.citations_label)

    @property
    def busy(self) -> bool:
        return self._token is not None

    def ask(self) -> None:
        question = " ".join(self.question_field.text().split())
        if not question or self.busy:
            return
        self._asking += 1
        asking = self._asking
        token = self._token = CancelToken()
        self._show_status(self.tr("Looking through the meeting…"))
        self._refresh()
        submit_for(
            self,
            self._worker,
            jobs.prepare(self._meeting_id, None),
            lambda prepared: self._prepared(asking, token, prepared, question),
            lambda exc: self._failed(asking, exc),
        )

    def stop(self) -> None:
        """Cancel the question; whatever it finds later is not shown."""
        if self._token is None:
            return
        self._token.cancel()
        self._asking += 1
        self._token = None
        self._show_status(self.tr("Stopped."))
        self._refresh()
        self.failed.emit(self.status_label.text())

    def shutdown(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self._token = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.question_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.busy
        ):
            self.stop()
            return True
        return super().eventFilter(watched, event)

    def _prepared(
        self, asking: int, token: CancelToken, prepared: jobs.Prepared, question: str
    ) -> None:
        if asking != self._asking:
            return
        future = run_in_background(partial(jobs.ask, prepared, question, token), "minuta-ask")
        when_done(
            future,
            self,
            lambda answer: self._answered(asking, answer),
            lambda exc: self._failed(asking, exc),
        )

    def _answered(self, asking: int, answer: object) -> None:
        if asking != self._asking:
            return
        self._token = None
        self.status_label.hide()
        text = str(getattr(answer, "text", "")).strip()
        citations = tuple(getattr(answer, "citations", ()))
        self.answer_label.setText(text or self.tr("Nothing in this meeting seems to answer that."))
        self.answer_label.show()
        links = [
            moment_link(c.start_s, evidence_label(c))
            if c.start_s is not None
            else escape(evidence_label(c))
            for c in citations
        ]
        self.citations_label.setText("<br>".join(links))
        self.citations_label.setVisible(bool(links))
        self._refresh()
        self.answered.emit(answer)

    def _failed(self, asking: int, exc: BaseException) -> None:
        if asking != self._asking:
            return
        self._token = None
        if isinstance(exc, Cancelled):
            self._show_status(self.tr("Stopped."))
        elif isinstance(exc, BackendError):
            self._show_status(
                self.tr("The question could not be answered ({reason}).").format(reason=str(exc))
            )
        else:
            log.error("asking a meeting failed: %s", type(exc).__name__)
            self._show_status(
                self.tr("The question could not be answered ({reason}).").format(
                    reason=type(exc).__name__
                )
            )
        self._refresh()
        self.failed.emit(self.status_label.text())

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _refresh(self) -> None:
        busy = self.busy
        self.ask_button.setVisible(not busy)
        self.stop_button.setVisible(busy)
        self.ask_button.setEnabled(bool(self.question_field.text().strip()))
        self.question_field.setReadOnly(busy)

    def _link(self, href: str) -> None:
        try:
            self.play_requested.emit(float(href))
        except ValueError:
            return
