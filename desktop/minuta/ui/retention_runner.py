"""Applies the retention rules in the background: at start-up, then once a day.

A run (:func:`minuta.app.retention.run`) is a task on the store's worker, never
on the GUI thread. Rather than one 24-hour timer, which a suspended laptop
would stretch (a monotonic timer stands still while the machine sleeps), a
short timer compares the wall clock with the last run: after a wake-up the
overdue run happens within minutes. The clock is injectable for tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from minuta.app.retention import RetentionReport
from minuta.store.errors import StoreError
from minuta.store.store import Store, require_store
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

RUN_EVERY = timedelta(days=1)
CHECK_MS = 10 * 60 * 1000  # how often the clock is looked at


def _run_at(at: datetime) -> Callable[[Store | None], RetentionReport]:
    def task(store: Store | None) -> RetentionReport:
        from minuta.app.retention import run

        return run(require_store(store), at)

    return task


def report_text(report: RetentionReport) -> str:
    """The status bar's words for a run that deleted something ("" when nothing)."""
    parts: list[str] = []
    audio, transcripts = len(report.audio_meetings), len(report.transcript_meetings)
    if audio == 1:
        parts.append(QCoreApplication.translate("RetentionRunner", "audio of 1 meeting deleted"))
    elif audio:
        parts.append(
            QCoreApplication.translate(
                "RetentionRunner", "audio of {count} meetings deleted"
            ).format(count=audio)
        )
    if transcripts == 1:
        parts.append(
            QCoreApplication.translate("RetentionRunner", "transcript of 1 meeting deleted")
        )
    elif transcripts:
        parts.append(
            QCoreApplication.translate(
                "RetentionRunner", "transcripts of {count} meetings deleted"
            ).format(count=transcripts)
        )
    if not parts:
        return ""
    return QCoreApplication.translate("RetentionRunner", "Retention: {what}").format(
        what=", ".join(parts)
    )


class RetentionRunner(QObject):
    """Runs the retention rules on the store's worker at start and daily after."""

    finished = Signal(object)  # RetentionReport: a run ended (it may have deleted nothing)
    failed = Signal(str)  # a run could not be made; the message is for the user

    def __init__(
        self,
        worker: StoreWorker,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._now = now
        self._last_run: datetime | None = None
        self._running = False
        self._stopped = False
        self._check = QTimer(self)
        self._check.setInterval(check_ms)
        self._check.timeout.connect(self.run_if_due)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def last_run(self) -> datetime | None:
        return self._last_run

    def start(self) -> None:
        """Run now, then whenever a day has passed since the last run."""
        if self._stopped:
            return
        self._check.start()
        self.run_now()

    def stop(self) -> None:
        self._stopped = True
        self._check.stop()

    def run_if_due(self) -> None:
        last = self._last_run
        if last is None or self._now() - last >= RUN_EVERY:
            self.run_now()

    def run_now(self) -> None:
        if self._stopped or self._running:
            return
        self._running = True
        at = self._now()
        self._last_run = at  # a failed run, too, waits a day (not a loop of failures)
        self._worker.submit(_run_at(at), self._alive(self._done), self._alive(self._failed))

    def _alive(self, fn: Callable[..., None]) -> Callable[..., None]:
        def call(*args: object) -> None:
            if shiboken6.isValid(self):
                fn(*args)

        return call

    def _done(self, report: RetentionReport) -> None:
        self._running = False
        if report.failed:
            log.warning("retention: %d deletions failed", len(report.failed))
        self.finished.emit(report)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        if isinstance(exc, StoreError):
            log.error("retention run failed: %s", type(exc).__name__)
            message = str(exc)
        else:
            log.error("retention run failed", exc_info=exc)
            message = QCoreApplication.translate(
                "RetentionRunner", "The retention rules could not be applied ({error})."
            ).format(error=type(exc).__name__)
        self.failed.emit(message)
