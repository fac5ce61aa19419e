"""Making a new summary draft without holding up the window, and stopping it.

Three steps, each off the GUI thread: the meeting's lines and the summary
settings are read on the store's worker; the backend is found and the summary
made on a thread of its own (a local language model can take minutes); the
draft is stored on the worker. Progress comes back through a
:class:`~minuta.ui.meeting.summary.jobs.ProgressBox` that a timer reads.

:meth:`SummaryGenerator.cancel` tells the work to stop and forgets it at once:
whatever it still delivers is dropped, so the earlier draft stays as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.core.summary import MeetingSummary
from minuta.summarize.backend import BackendError, Cancelled, CancelToken
from minuta.ui.background import run_in_background, when_done
from minuta.ui.meeting.actions import reason
from minuta.ui.meeting.background import submit_for
from minuta.ui.meeting.summary import jobs
from minuta.ui.meeting.summary.texts import stage_text
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

PROGRESS_POLL_MS = 50


class _NothingSaid(Exception):
    """The meeting has no transcript lines (yet)."""


@dataclass
class _Run:
    """One generation under way."""

    token: CancelToken
    box: jobs.ProgressBox


class SummaryGenerator(QObject):
    status = Signal(str)  # calm words for where it is
    progress = Signal(int, int)  # step, total (total 0: no measure yet)
    finished = Signal(object)  # MeetingSummary: the new draft, stored
    failed = Signal(str)  # why there is none, for the user
    cancelled = Signal()

    def __init__(self, worker: StoreWorker, meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._meeting_id = meeting_id
        self._run: _Run | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self._run is not None

    def start(self, template_key: str) -> None:
        if self._run is not None:
            return
        run = self._run = _Run(CancelToken(), jobs.ProgressBox())
        self.status.emit(self.tr("Getting the transcript ready…"))
        self.progress.emit(0, 0)
        self._timer.start()
        submit_for(
            self,
            self._worker,
            jobs.prepare(self._meeting_id, template_key),
            lambda prepared: self._prepared(run, prepared),
            lambda exc: self._stopped(run, exc),
        )

    def cancel(self) -> None:
        """Stop; nothing of this run is stored or shown from now on."""
        run = self._run
        if run is not None:
            run.token.cancel()
            self._stopped(run, Cancelled())

    def shutdown(self) -> None:
        """Stop quietly (the view is going away)."""
        if self._run is not None:
            self._run.token.cancel()
            self._end()

    def _prepared(self, run: _Run, prepared: jobs.Prepared) -> None:
        if run is not self._run:
            return
        if not prepared.request.segments:
            self._stopped(run, _NothingSaid())
            return
        future = run_in_background(
            partial(jobs.generate, prepared, run.token, run.box), "minuta-summary"
        )
        when_done(
            future,
            self,
            lambda summary: self._generated(run, summary),
            lambda exc: self._stopped(run, exc),
        )

    def _generated(self, run: _Run, summary: MeetingSummary) -> None:
        if run is not self._run:
            return
        # The summary is made: a late progress report ("done") must not follow this status.
        self._timer.stop()
        run.box.take()
        self.status.emit(self.tr("Saving the draft…"))
        submit_for(
            self,
            self._worker,
            jobs.save(self._meeting_id, summary),
            lambda _none: self._stored(run, summary),
            lambda exc: self._stopped(run, exc),
        )

    def _stored(self, run: _Run, summary: MeetingSummary) -> None:
        if run is not self._run:
            return
        self._end()
        self.finished.emit(summary)

    def _stopped(self, run: _Run, exc: BaseException) -> None:
        if run is not self._run:
            return  # cancelled already: what came after is not wanted
        self._end()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
            return
        if isinstance(exc, _NothingSaid):
            text = self.tr("This meeting has no transcript to summarise yet.")
        elif isinstance(exc, BackendError):
            # Written for people, without meeting content.
            text = self.tr("The summary could not be made ({reason}).").format(reason=str(exc))
        else:
            log.error("generating a summary failed: %s", type(exc).__name__)
            text = self.tr("The summary could not be made ({reason}).").format(reason=reason(exc))
        self.failed.emit(text)

    def _end(self) -> None:
        self._run = None
        self._timer.stop()
        self.status.emit("")

    def _poll(self) -> None:
        run = self._run
        progress = run.box.take() if run is not None else None
        if progress is not None:
            self.status.emit(stage_text(progress))
            self.progress.emit(min(progress.step, progress.total), progress.total)
