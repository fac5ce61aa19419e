"""The final transcription pass after a recording, in a process of its own.

It takes minutes, and neither the GUI nor the store's worker thread may wait
for it (the meetings list, search and notes go on being used). Each pass runs
in a child process (:mod:`.final_pass_process`) with its own connection to the
unlocked store; both connections wait for each other's writes, which are
short. In the app's process a thread only watches the child, so the GUI's
event loop keeps turning.

Passes run one after another; each process loads the model and ends with the
pass, so an idle app does not hold the model in memory. A cancel, a failure
or a child that dies leaves the earlier transcript (the live one) as it was.
"""

from __future__ import annotations

import logging
import queue

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.app.paths import AppPaths
from minuta.ui.recording.final_pass_process import FinalPassJob, PassEvent, PassSupervisor

__all__ = ["FinalPassJob", "FinalPassRunner"]

log = logging.getLogger(__name__)

_RELAY_EVERY_MS = 50  # how often the GUI thread takes the watcher's news


class FinalPassRunner(QObject):
    """Runs final passes in order, each in a child process; signals on the GUI thread.

    The watching thread never touches a Qt object (a wrapper freed there would
    crash PySide): it leaves plain events in a queue, and a timer on the GUI
    thread turns them into signals while passes are pending.
    """

    progress = Signal(int, float)  # meeting id, fraction done 0..1
    done = Signal(int)
    failed = Signal(int, str)  # meeting id, a message for the user
    cancelled = Signal(int)

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._events: queue.SimpleQueue[PassEvent] = queue.SimpleQueue()
        self._pending: dict[int, FinalPassJob] = {}
        self._pids: dict[int, int] = {}
        self._supervisor: PassSupervisor | None = None
        self._relay = QTimer(self)
        self._relay.setInterval(_RELAY_EVERY_MS)
        self._relay.timeout.connect(self._take_events)

    @property
    def pending(self) -> list[int]:
        """Meetings whose pass is waiting or running."""
        return list(self._pending)

    def process_id(self, meeting_id: int) -> int | None:
        """The process running this meeting's pass; None while it waits or starts."""
        return self._pids.get(meeting_id)

    def submit(self, job: FinalPassJob) -> None:
        self._pending[job.meeting_id] = job
        if self._supervisor is None:
            self._supervisor = PassSupervisor(self._paths, self._events)
        self._supervisor.submit(job)
        self._relay.start()

    def cancel(self, meeting_id: int) -> bool:
        job = self._pending.get(meeting_id)
        if job is None:
            return False
        job.cancel.set()
        return True

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Cancel every pass, wait a little for the child to stop, then end it."""
        for job in self._pending.values():
            job.cancel.set()
        self._relay.stop()
        supervisor, self._supervisor = self._supervisor, None
        if supervisor is None:
            return
        supervisor.stop()
        if not supervisor.join(timeout_s):
            log.warning("the final pass did not stop in time; it is ended")
            supervisor.terminate()
            supervisor.join(2.0)

    # --- on the GUI thread ----------------------------------------------------------

    def _take_events(self) -> None:
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            self._relay_event(event)
        if not self._pending:
            self._relay.stop()

    def _relay_event(self, event: PassEvent) -> None:
        meeting_id = event.meeting_id
        if meeting_id not in self._pending:
            return
        if event.kind == "running":
            self._pids[meeting_id] = event.pid
        elif event.kind == "progress":
            self.progress.emit(meeting_id, event.fraction)
        elif event.kind == "done":
            self._end(meeting_id)
            self.done.emit(meeting_id)
        elif event.kind == "cancelled":
            self._end(meeting_id)
            self.cancelled.emit(meeting_id)
        else:
            message = self._failure(event)
            self._end(meeting_id)
            self.failed.emit(meeting_id, message)

    def _failure(self, event: PassEvent) -> str:
        if event.kind == "died":
            return self.tr(
                "The full transcript could not be made: the transcription stopped "
                "unexpectedly. The recording and the live transcript are kept."
            )
        if event.reason:
            return self.tr("The full transcript could not be made: {reason}").format(
                reason=event.reason
            )
        return self.tr(
            "The full transcript could not be made ({problem}). The recording and the "
            "live transcript are kept."
        ).format(problem=event.problem)

    def _end(self, meeting_id: int) -> None:
        self._pending.pop(meeting_id, None)
        self._pids.pop(meeting_id, None)
