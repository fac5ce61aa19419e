"""The audit log window: what happened, newest first, and whether the chain is intact.

:class:`AuditEventsModel` holds plain :class:`~minuta.core.audit.AuditEvent`
values (tested without widgets). :class:`AuditDialog` reads them on the store's
worker; "Verify" walks the hash chain there too, against the heads that exports
and pushes carried (:func:`minuta.app.left_machine.verify_audit`), and says
"Intact · 128 entries · head 3f2a…" or, in red, what is wrong. "Copy head"
puts the 64-digit head on the clipboard, to keep it somewhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minuta.core.audit import (
    AuditEvent,
    AuditKind,
    AuditProblem,
    AuditVerification,
    ProblemKind,
    short_hash,
)
from minuta.store.store import Store, require_store
from minuta.ui.dialogs.base import heading_label, note_label, text_label
from minuta.ui.list_table_model import ListTableModel, ModelIndex
from minuta.ui.meeting.background import submit_for
from minuta.ui.store_worker import StoreWorker
from minuta.ui.theme import warning_colour

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the AuditEvent itself
MAX_EVENTS = 5000  # the window shows the newest; `minuta audit list` reaches all
NO_VALUE = "—"
_HEX_DIGITS = frozenset("0123456789abcdef")


# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate


def event_words(kind: AuditKind) -> str:
    """What happened, in words a sales person reads at a glance."""
    words = {
        AuditKind.PUSH_APPROVED: translate("AuditView", "Approved sending to a CRM"),
        AuditKind.PUSH_SENT: translate("AuditView", "Sent to a CRM"),
        AuditKind.PUSH_FAILED: translate("AuditView", "Sending to a CRM failed"),
        AuditKind.PUSH_CANCELLED: translate("AuditView", "Sending to a CRM was withdrawn"),
        AuditKind.CRM_CONNECTED: translate("AuditView", "Connected a CRM"),
        AuditKind.CRM_DISCONNECTED: translate("AuditView", "Disconnected a CRM"),
        AuditKind.RECORDING_STARTED: translate("AuditView", "Recorded a meeting"),
        AuditKind.RECORDING_DECLINED: translate(
            "AuditView", "Recording declined: nothing was recorded"
        ),
        AuditKind.MEETING_IMPORTED: translate("AuditView", "Imported a recording"),
        AuditKind.MEETING_EXPORTED: translate("AuditView", "Exported a meeting"),
        AuditKind.MEETING_DELETED: translate("AuditView", "Deleted a meeting"),
        AuditKind.AUDIO_DELETED: translate("AuditView", "Deleted a meeting's audio"),
        AuditKind.TRANSCRIPT_DELETED: translate("AuditView", "Deleted a meeting's transcript"),
        AuditKind.KEEP_CHANGED: translate("AuditView", "Changed whether a meeting is kept"),
        AuditKind.RETENTION_RUN: translate(
            "AuditView", "Removed old recordings by the rules in Settings"
        ),
        AuditKind.RECOVERY_KEY_VIEWED: translate("AuditView", "Showed the recovery key"),
        AuditKind.STORE_REKEYED: translate("AuditView", "Gave the store a new key"),
        AuditKind.SETTING_CHANGED: translate("AuditView", "Changed a setting"),
        AuditKind.PERSON_EXPORTED: translate("AuditView", "Exported a person's data"),
        AuditKind.PERSON_ERASED: translate("AuditView", "Erased a person's data"),
    }
    return words.get(kind, kind.value)


def _is_hash(text: str) -> bool:
    return len(text) == 64 and set(text) <= _HEX_DIGITS


def detail_text(event: AuditEvent, *, full: bool = False) -> str:
    """``crm: hubspot · payload_sha256: 3f2a…``; hashes shortened unless ``full``."""
    parts = []
    for key, value in sorted(event.detail.items()):
        items = value if isinstance(value, list) else [value]
        shown = [
            f"{short_hash(str(v))}…" if not full and _is_hash(str(v)) else str(v) for v in items
        ]
        parts.append(f"{key}: {', '.join(shown)}")
    return " · ".join(parts)


def event_time(event: AuditEvent) -> str:
    return f"{event.at.astimezone():%Y-%m-%d %H:%M:%S}"


def problem_words(problem: AuditProblem) -> str:
    entry = problem.event_id
    match problem.kind:
        case ProblemKind.CHANGED:
            return translate("AuditView", "Entry {entry} was changed after it was written.").format(
                entry=entry
            )
        case ProblemKind.MISSING:
            return translate(
                "AuditView",
                "An entry before entry {entry} was removed, or the chain was re-linked.",
            ).format(entry=entry)
        case ProblemKind.UNCHAINED:
            return translate(
                "AuditView", "Entry {entry} has no hash: it was added outside Minuta."
            ).format(entry=entry)
        case _:
            return translate(
                "AuditView",
                "A head that an export or a push carried is not in the log: entries were cut "
                "off the end, or the log was rewritten.",
            )


def verification_text(result: AuditVerification) -> str:
    """ "Intact · 128 entries · head 3f2a…", or what is wrong, one problem a line."""
    head = f"{short_hash(result.head)}…"
    if result.ok:
        return translate("AuditView", "Intact · {count} entries · head {head}").format(
            count=result.count, head=head
        )
    lines = [
        translate("AuditView", "Not intact · {count} entries · head {head}").format(
            count=result.count, head=head
        )
    ]
    lines += [problem_words(problem) for problem in result.problems]
    return "\n".join(lines)


class AuditEventsModel(ListTableModel[AuditEvent]):
    """Audit events, newest first: time, what happened, meeting, details."""

    TIME, WHAT, MEETING, DETAILS = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)

    def column_titles(self) -> tuple[str, ...]:
        return (
            translate("AuditView", "Time"),
            translate("AuditView", "What happened"),
            translate("AuditView", "Meeting"),
            translate("AuditView", "Details"),
        )

    def set_events(self, events: Sequence[AuditEvent]) -> None:
        self.set_rows(sorted(events, key=lambda e: e.id or 0, reverse=True))

    def event_at(self, row: int) -> AuditEvent:
        return self.row_at(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.row_for(index)
        if event is None:
            return None
        if role == EVENT_ROLE:
            return event
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.WHAT:
                return event.kind.value
            if index.column() == self.DETAILS:
                return detail_text(event, full=True)
        return None

    def _display(self, event: AuditEvent, column: int) -> str:
        if column == self.TIME:
            return event_time(event)
        if column == self.WHAT:
            return event_words(event.kind)
        if column == self.MEETING:
            return f"#{event.meeting_id}" if event.meeting_id is not None else NO_VALUE
        return detail_text(event)


# --- on the store's worker ------------------------------------------------------------


def load_events(store: Store | None) -> tuple[list[AuditEvent], str]:
    store = require_store(store)
    return store.audit.events(limit=MAX_EVENTS), store.audit.head()


def verify_events(store: Store | None) -> AuditVerification:
    from minuta.app.left_machine import verify_audit

    return verify_audit(require_store(store))


# --- the window -----------------------------------------------------------------------


class AuditDialog(QDialog):
    loaded = Signal()  # the events are in the table
    verified = Signal(object)  # AuditVerification

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit Log"))
        self.resize(900, 560)
        self._worker = worker
        self.head = ""
        self.verification: AuditVerification | None = None
        self.model = AuditEventsModel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        heading = heading_label(self.tr("Audit log"))
        explanation = note_label(
            self.tr(
                "What Minuta did that matters for privacy, newest first. It never holds a word "
                "of your meetings. Each entry is chained to the one before, so Verify finds an "
                "entry that was changed or removed."
            )
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.status_label = text_label("", selectable=True)
        self.status_label.setAccessibleName(self.tr("Verification result"))
        self.status_label.hide()
        self.copied_label = QLabel()
        self.copied_label.setAccessibleName(self.tr("Clipboard"))

        self.verify_button = QPushButton(self.tr("&Verify"))
        self.verify_button.setAccessibleName(self.tr("Verify the audit log"))
        self.verify_button.setToolTip(self.tr("Check every entry against the chain (Alt+V)"))
        self.verify_button.clicked.connect(self.verify)
        self.copy_button = QPushButton(self.tr("&Copy Head"))
        self.copy_button.setAccessibleName(self.tr("Copy the head hash"))
        self.copy_button.setToolTip(
            self.tr("Copy the newest entry's hash, to keep it somewhere else (Alt+C)")
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_head)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setShortcut(QKeySequence.StandardKey.Close)

        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.copied_label, 1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(row)
        self.setTabOrder(self.table, self.verify_button)
        self.setTabOrder(self.verify_button, self.copy_button)

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        submit_for(self, self._worker, load_events, self._loaded, self._failed)

    def _loaded(self, answer: tuple[list[AuditEvent], str]) -> None:
        events, head = answer
        self.model.set_events(events)
        self._set_head(head)
        self.loaded.emit()

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self._show_status(self.tr("Checking every entry…"), problem=False)
        submit_for(self, self._worker, verify_events, self._verified, self._failed)

    def _verified(self, result: AuditVerification) -> None:
        self.verification = result
        self.verify_button.setEnabled(True)
        self._set_head(result.head)
        self._show_status(verification_text(result), problem=not result.ok)
        self.verified.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.verify_button.setEnabled(True)
        self._show_status(
            self.tr("Minuta could not read the audit log ({error}).").format(
                error=type(exc).__name__
            ),
            problem=True,
        )

    # --- showing ----------------------------------------------------------------------

    def _set_head(self, head: str) -> None:
        self.head = head
        self.copy_button.setEnabled(bool(head))

    def _show_status(self, text: str, *, problem: bool) -> None:
        style = f"color: {warning_colour(self.palette())};" if problem else ""
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)
        self.status_label.show()

    def copy_head(self) -> None:
        if not self.head:
            return
        QGuiApplication.clipboard().setText(self.head)
        self.copied_label.setText(
            self.tr("Copied the head {head}…").format(head=short_hash(self.head))
        )
