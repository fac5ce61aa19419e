"""Sends approved CRM pushes in the background: at start, every minute, and when asked.

A run happens on a plain thread of its own (keyring and network are slow, and
a CRM may take thirty seconds to answer). It reads the open pushes through the
store's worker, opens each due push's connector, and hands it to
:func:`minuta.crm.outbox.deliver` with a ledger whose every write is a task on
the store's worker that the run waits for: the ledger is on disk before the
next request goes out, which is what makes a push exactly-once.

The run's thread touches no Qt object. What it has to say (a push changed, a
delivery ended) goes into a queue that a timer owned by the runner empties on
the GUI thread, emitting :attr:`OutboxRunner.push_updated` and
:attr:`OutboxRunner.delivered`. Stopping sets an event the run looks at before
every store task and while it waits for one; a request already on the wire
finishes on its own (the thread is a daemon, so it never holds up quitting).
A push cut off that way stays "in flight" and is checked with the CRM before
it is sent again.

Heavy imports (httpx, the connectors) happen on the run's thread, so creating
the runner at start-up costs nothing.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from minuta.store.store import Store, require_store
from minuta.ui.store_worker import StoreWorker

if TYPE_CHECKING:
    from minuta.core.audit import AuditKind
    from minuta.core.crm import CreatedRecord, OutboxPush, PushState
    from minuta.crm.connector import Connection, Connector
    from minuta.crm.outbox import Delivery

T = TypeVar("T")
log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
POLL_MS = 30  # how often the GUI side looks at what a run has said
_WAIT_SLICE_S = 0.2  # how often a waiting run looks at the stop event

ConnectorFactory = Callable[["Connection"], "Connector"]


class RunnerStopped(Exception):
    """The app is quitting: the run ends where it is."""


def _default_factory(connection: Connection) -> Connector:
    from minuta.ui.crm.jobs import default_connector

    return default_connector(connection)


class _StoreCalls:
    """Runs functions of the store on its worker and waits for them (on the run's thread)."""

    def __init__(self, worker: StoreWorker, stop: threading.Event) -> None:
        self._worker = worker
        self._stop = stop

    def __call__(self, fn: Callable[[Store], T]) -> T:
        if self._stop.is_set():
            raise RunnerStopped
        future: Future[T] = Future()

        def task(store: Store | None) -> None:
            # Settles the future here, on the worker: the GUI thread is not needed,
            # so a GUI that waits for this run can never deadlock with it.
            try:
                future.set_result(fn(require_store(store)))
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting run
                future.set_exception(exc)

        self._worker.submit(task)
        while True:
            try:
                return future.result(timeout=_WAIT_SLICE_S)
            except FutureTimeout:
                # A worker shutting down drops new tasks: never wait for those.
                if self._stop.is_set() or not self._worker.running:
                    raise RunnerStopped from None


class WorkerLedger:
    """The outbox ledger, each write done on the store's worker before the run goes on."""

    def __init__(
        self, calls: Callable[[Callable[[Store], Any]], Any], notify: Callable[[int], None]
    ) -> None:
        self._calls = calls
        self._notify = notify  # push_updated, once the write is stored

    def _write(self, push_id: int, method: str, *args: Any) -> None:
        from minuta.app.push import StoreLedger

        self._calls(lambda store: getattr(StoreLedger(store), method)(push_id, *args))
        self._notify(push_id)

    def start_attempt(self, push_id: int) -> None:
        self._write(push_id, "start_attempt")

    def step_in_flight(self, push_id: int, step: str) -> None:
        self._write(push_id, "step_in_flight", step)

    def step_done(self, push_id: int, step: str, record: CreatedRecord) -> None:
        self._write(push_id, "step_done", step, record)

    def finish(self, push_id: int, state: PushState, error: str | None = None) -> None:
        self._write(push_id, "finish", state, error)

    def postpone(self, push_id: int, until: datetime, error: str) -> None:
        self._write(push_id, "postpone", until, error)

    def audit(
        self, kind: AuditKind, meeting_id: int, detail: dict[str, str | int | list[str]]
    ) -> None:
        self._calls(lambda store: store.audit.add(kind, meeting_id=meeting_id, detail=detail))


class OutboxRunner(QObject):
    """Delivers due pushes off the GUI thread; tells the GUI what changed."""

    push_updated = Signal(int)  # a push's state or steps changed in the store
    delivered = Signal(object)  # minuta.crm.outbox.Delivery: an attempt ended
    run_finished = Signal()  # a run looked at every due push

    def __init__(
        self,
        worker: StoreWorker,
        *,
        connector_factory: ConnectorFactory | None = None,
        interval_ms: int = INTERVAL_MS,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        # How a connection becomes a connector (tests: a test CA or transport).
        self.connector_factory: ConnectorFactory = connector_factory or _default_factory
        self._now = now
        self._stop = threading.Event()
        self._events: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._again = False
        self._tick = QTimer(self)
        self._tick.setInterval(interval_ms)
        self._tick.timeout.connect(self.run_now)
        self._retry = QTimer(self)  # the earliest retry a run was told of
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.run_now)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._take_events)
        stop = self._stop
        self.destroyed.connect(lambda *_: stop.set())

    # --- the app's API ----------------------------------------------------------------

    @property
    def running(self) -> bool:
        """A run is under way."""
        return self._thread is not None

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        """Run now, then every interval."""
        if self.stopped:
            return
        self._tick.start()
        self.run_now()

    def run_now(self) -> None:
        """Look for due pushes now (again after the run under way, if there is one)."""
        if self.stopped:
            return
        if self._thread is not None:
            self._again = True
            return
        self._again = False
        self._thread = threading.Thread(target=self._run, name="minuta-outbox", daemon=True)
        self._thread.start()
        self._poll.start()

    def stop(self) -> None:
        """Stop for good (the app is quitting); never waits for the network."""
        self._stop.set()
        self._tick.stop()
        self._retry.stop()
        self._poll.stop()
        if _installed is self:
            install(None)

    def wait(self, timeout_s: float) -> bool:
        """Wait for the run's thread to end (tests, after :meth:`stop`); True if it did."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout_s)
        return not thread.is_alive()

    # --- the run, on its own thread -----------------------------------------------------

    def _run(self) -> None:
        calls = _StoreCalls(self._worker, self._stop)
        try:
            self._deliver_due(calls)
        except RunnerStopped:
            log.info("outbox run stopped")
        except Exception as exc:  # noqa: BLE001 - the next run tries again
            log.error("outbox run failed: %s", type(exc).__name__)
        finally:
            self._events.put(("finished", None))

    def _deliver_due(self, calls: _StoreCalls) -> None:
        from minuta.crm.outbox import is_due

        pushes: list[OutboxPush] = calls(lambda store: store.outbox.open_pushes())
        for push in pushes:
            if self._stop.is_set():
                raise RunnerStopped
            if is_due(push, self._now()):
                self._events.put(("delivered", self._deliver_one(push, calls)))

    def _deliver_one(self, push: OutboxPush, calls: _StoreCalls) -> Delivery:
        from minuta.app.crm_connections import get_connection
        from minuta.crm.outbox import deliver

        ledger = WorkerLedger(calls, lambda push_id: self._events.put(("updated", push_id)))
        name = push.plan.connection
        try:
            connection = calls(lambda store: get_connection(store, name))
            connector = self.connector_factory(connection)
        except RunnerStopped:
            raise
        except Exception as exc:  # noqa: BLE001 - the push waits for the user, with the reason
            return self._cannot_open(push, exc, ledger)
        try:
            return deliver(push, connector, ledger, now=self._now)
        except RunnerStopped:
            raise
        except Exception as exc:  # noqa: BLE001 - a fault of ours: try later, not in a loop
            return self._postponed(push, exc, ledger)
        finally:
            connector.client.close()

    def _cannot_open(self, push: OutboxPush, exc: Exception, ledger: WorkerLedger) -> Delivery:
        """No connection or no sign-in: nothing was sent; the user connects and tries again."""
        from minuta.core.audit import AuditKind
        from minuta.core.crm import PushState
        from minuta.crm.outbox import Delivery, Outcome
        from minuta.ui.crm.texts import error_text

        message = error_text(exc)
        log.info("push %d: the CRM could not be opened (%s)", push.id, type(exc).__name__)
        ledger.finish(push.id, PushState.FAILED, message)
        ledger.audit(
            AuditKind.PUSH_FAILED,
            push.meeting_id,
            {
                "push_id": push.id,
                "crm": push.plan.connection,
                "payload_sha256": push.plan.digest(),
                "error": type(exc).__name__,
            },
        )
        return Delivery(push.id, Outcome.FAILED, message)

    def _postponed(self, push: OutboxPush, exc: Exception, ledger: WorkerLedger) -> Delivery:
        from datetime import timedelta

        from minuta.crm.outbox import Delivery, Outcome, backoff_s
        from minuta.ui.crm.texts import error_text

        log.error("push %d: delivery failed: %s", push.id, type(exc).__name__)
        retry_at = self._now() + timedelta(seconds=backoff_s(push.attempts + 1))
        message = error_text(exc)
        ledger.postpone(push.id, retry_at, message)
        return Delivery(push.id, Outcome.RETRY_LATER, message, retry_at)

    # --- back on the GUI thread ---------------------------------------------------------

    def _take_events(self) -> None:
        while not self._stop.is_set():
            try:
                kind, value = self._events.get_nowait()
            except queue.Empty:
                return
            if kind == "updated":
                self.push_updated.emit(value)
            elif kind == "delivered":
                self._schedule_retry(value)
                self.delivered.emit(value)
            else:
                self._run_ended()

    def _run_ended(self) -> None:
        self._thread = None
        self._poll.stop()
        self.run_finished.emit()
        if self._again:
            self.run_now()

    def _schedule_retry(self, delivery: object) -> None:
        retry_at = getattr(delivery, "retry_at", None)
        if not isinstance(retry_at, datetime):
            return
        wait_ms = max(int((retry_at - self._now()).total_seconds() * 1000) + 100, 0)
        before_tick = not self._tick.isActive() or wait_ms < self._tick.remainingTime()
        before_retry = not self._retry.isActive() or wait_ms < self._retry.remainingTime()
        if before_tick and before_retry:
            self._retry.start(wait_ms)


# The app's runner, for the screens that queue pushes (set by the main window).
_installed: OutboxRunner | None = None


def install(runner: OutboxRunner | None) -> None:
    global _installed  # noqa: PLW0603 - one runner per app, like the QApplication
    _installed = runner


def installed_runner() -> OutboxRunner | None:
    """The app's runner, while it runs."""
    runner = _installed
    if runner is None or not shiboken6.isValid(runner) or runner.stopped:
        return None
    return runner
