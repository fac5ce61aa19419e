"""Export… and Delete… for the meeting view.

An export is built on the store's worker and written by a thread of its own,
where the user chose (it is a plain copy: their explicit choice). Deleting asks
first, naming the meeting, then destroys it on the worker.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from minuta.core.models import Meeting
from minuta.store.errors import StoreError
from minuta.ui.background import run_in_background, when_done
from minuta.ui.meeting import store_tasks
from minuta.ui.meeting.background import submit_for
from minuta.ui.meeting.export_menu import ExportMenu
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)


def reason(exc: BaseException) -> str:
    """Words for a failure: store errors are written for people; others are only named."""
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


class MeetingActions(QObject):
    exported = Signal(str)  # the path written
    delete_confirmed = Signal()  # the user said yes; the store is about to delete
    deleted = Signal(int)
    message = Signal(str)  # a result or a failure, for the view to show

    def __init__(self, worker: StoreWorker, meeting_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._parent = parent
        self.export_menu = ExportMenu(parent)

    # --- export -------------------------------------------------------------------

    def choose_export(self, fmt: str, title: str) -> None:
        """Ask where to write ``fmt`` and write it there."""
        path = self.export_menu.ask_path(fmt, title)
        if path is not None:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: Path) -> None:
        submit_for(
            self,
            self._worker,
            store_tasks.export(self._meeting_id, fmt, str(path)),
            partial(self._write, path),
            self._export_failed,
        )

    def _write(self, path: Path, data: bytes) -> None:
        task = partial(store_tasks.write_private, path, data)
        when_done(
            run_in_background(task, "minuta-export"), self, self._written, self._export_failed
        )

    def _written(self, path: Path) -> None:
        self.message.emit(
            self.tr("Exported to {path}. This copy is not encrypted.").format(path=path)
        )
        self.exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        log.error("export failed: %s", type(exc).__name__)
        self.message.emit(self.tr("The export failed ({reason}).").format(reason=reason(exc)))

    # --- delete -------------------------------------------------------------------

    def confirm_delete(self, meeting: Meeting) -> None:
        date = meeting.started_at.astimezone().strftime("%Y-%m-%d")
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete meeting"),
            self.tr(
                "Delete “{title}” from {date}? Its transcript, notes and audio are "
                "removed for good."
            ).format(title=meeting.title, date=date),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_confirmed.emit()
        submit_for(
            self,
            self._worker,
            store_tasks.delete(self._meeting_id),
            lambda _report: self.deleted.emit(self._meeting_id),
            self._delete_failed,
        )

    def _delete_failed(self, exc: Exception) -> None:
        log.error("deleting a meeting failed: %s", type(exc).__name__)
        self.message.emit(
            self.tr("The meeting could not be deleted ({reason}).").format(reason=reason(exc))
        )
