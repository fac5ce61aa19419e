"""The final pass in a process of its own, and the thread that looks after it.

Why a process: the pass decodes, gates echo and finds speech with NumPy and
PyAV, which hold the GIL for long stretches. On a thread of the app's process
that stalled the GUI's event loop (60 to 100 ms, longer for long meetings). In
a process of its own it cannot, and a crash in native code there cannot take
the app down either. A pass that dies leaves the live transcript: the new one
replaces it only at the end, in one transaction.

The child gets the store's paths and unlocked master key as its arguments
(``spawn`` pickles them through a pipe: in memory only, never on disk, never
logged), opens its own connection, loads the model, runs the pass and ends.

Messages out of the child: ``("running", pid)``, ``("progress", fraction)``,
then one of ``("done",)``, ``("cancelled",)``, ``("failed", reason, problem)``.
Into it: ``("cancel",)``. A closed pipe either way means the other side is
gone: the app stops the pass, and the pass stops for an app that has gone.

Nothing here imports Qt: the child imports this module, and the supervising
thread must never hold a Qt object (one freed on that thread crashes PySide).
It leaves :class:`PassEvent` objects in a queue that :mod:`.final_pass` empties
on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Literal, cast

from minuta.app.paths import AppPaths
from minuta.store.store import ConnectionSpec

if TYPE_CHECKING:
    from minuta.app.recording_transcription import LanguageChoice

log = logging.getLogger(__name__)

_PROGRESS_EVERY_S = 0.1  # at most ten progress messages a second
_WATCH_EVERY_S = 0.1  # how soon the supervisor passes a cancel on
_EXIT_WAIT_S = 5.0  # for a child that has said its last word to end
_NICENESS = 10  # the pass's process yields the processor to the app


@dataclass(frozen=True, slots=True)
class FinalPassJob:
    meeting_id: int
    open_store: ConnectionSpec  # the final pass's process opens its own connection with it
    model: str  # a catalogue name or a model folder (the selected model)
    language: LanguageChoice = None  # None (detect), a code, "mixed", or per channel
    cancel: threading.Event = field(default_factory=threading.Event)


EventKind = Literal["running", "progress", "done", "cancelled", "failed", "died"]


@dataclass(frozen=True, slots=True)
class PassEvent:
    """What happened to a pass, for the GUI thread."""

    meeting_id: int
    kind: EventKind
    fraction: float = 0.0  # progress
    pid: int = 0  # running: the process doing the pass
    reason: str = ""  # failed: a message written for users (model and store errors)
    problem: str = ""  # failed: the type of an unexpected error; died: how it ended


@dataclass(frozen=True, slots=True)
class _ChildArgs:
    meeting_id: int
    store: ConnectionSpec
    paths: AppPaths
    model: str
    language: LanguageChoice


# --- the app's side: one thread, one child at a time --------------------------------


class PassSupervisor:
    """Runs the submitted passes one after another, each in a new process.

    Its thread only starts the children and waits on their pipes; it never
    holds the GIL for long. Everything it learns goes into ``events``.
    """

    def __init__(self, paths: AppPaths, events: queue.SimpleQueue[PassEvent]) -> None:
        self._paths = paths
        self._events = events
        self._jobs: queue.SimpleQueue[FinalPassJob | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._child: Any = None  # the running multiprocessing.Process
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="minuta-final-pass", daemon=True)
        self._thread.start()

    def submit(self, job: FinalPassJob) -> None:
        self._jobs.put(job)

    def stop(self) -> None:
        """No more passes: the running one is cancelled by its job's event."""
        self._stopping.set()
        self._jobs.put(None)

    def join(self, timeout_s: float) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def terminate(self) -> None:
        """End the running child now (it did not stop when asked)."""
        with self._lock:
            if self._child is not None:
                # It may be ending (and closed) on the supervisor's thread meanwhile.
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    self._child.kill()

    # --- the supervisor's thread ----------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if job.cancel.is_set() or self._stopping.is_set():
                self._events.put(PassEvent(job.meeting_id, "cancelled"))
                continue
            try:
                self._run_job(job)
            except Exception as exc:  # noqa: BLE001 - the next pass must still run
                log.error("final pass could not be run: %s", type(exc).__name__)
                self._events.put(PassEvent(job.meeting_id, "failed", problem=type(exc).__name__))

    def _run_job(self, job: FinalPassJob) -> None:
        meeting_id = job.meeting_id
        context = multiprocessing.get_context("spawn")
        child_in, to_child = context.Pipe(duplex=False)
        from_child, child_out = context.Pipe(duplex=False)
        args = _ChildArgs(meeting_id, job.open_store, self._paths, job.model, job.language)
        process = context.Process(
            target=run_child,
            args=(child_in, child_out, args),
            name="minuta-final-pass",
            daemon=True,
        )
        try:
            try:
                process.start()
            finally:
                child_in.close()  # the child's ends: a closed pipe then means it has gone
                child_out.close()
            if process.pid is not None:  # at once: its start-up competes already
                _lower_priority(process.pid)
            with self._lock:
                self._child = process
            self._events.put(PassEvent(meeting_id, "progress", 0.0))
            self._events.put(self._watch(job, process, from_child, to_child))
        finally:
            if process.pid is not None:
                _end_process(process)  # terminate() can still reach it meanwhile
            with self._lock:
                self._child = None
            from_child.close()
            to_child.close()

    def _watch(
        self, job: FinalPassJob, process: Any, from_child: Connection, to_child: Connection
    ) -> PassEvent:
        """Relay the child's messages until its last one (or its end)."""
        meeting_id = job.meeting_id
        told = False
        while True:
            if not told and job.cancel.is_set():
                told = True
                with contextlib.suppress(OSError):
                    to_child.send(("cancel",))
            ready = wait([from_child, process.sentinel], _WATCH_EVERY_S)
            if not ready:
                continue
            if from_child not in ready and not from_child.poll(0):
                return self._died(meeting_id, process)
            try:
                message = from_child.recv()
            except (EOFError, OSError):
                return self._died(meeting_id, process)
            event = _event(meeting_id, message)
            if event.kind in ("running", "progress"):
                self._events.put(event)
            else:
                return event

    @staticmethod
    def _died(meeting_id: int, process: Any) -> PassEvent:
        process.join(1.0)
        how = f"exit code {process.exitcode}"
        log.warning("the final pass's process ended unexpectedly (%s)", how)
        return PassEvent(meeting_id, "died", problem=how)


def _event(meeting_id: int, message: tuple[Any, ...]) -> PassEvent:
    kind = message[0]
    if kind == "running":
        return PassEvent(meeting_id, "running", pid=int(message[1]))
    if kind == "progress":
        return PassEvent(meeting_id, "progress", float(message[1]))
    if kind == "failed":
        return PassEvent(meeting_id, "failed", reason=str(message[1]), problem=str(message[2]))
    if kind in ("done", "cancelled"):
        return PassEvent(meeting_id, cast(EventKind, kind))
    return PassEvent(meeting_id, "failed", problem="unknown message")


def _lower_priority(pid: int) -> None:
    """Background work: on a busy machine the GUI and a new recording come first.

    The pass uses every core; at the same priority the GUI's thread then waits
    for one (100 ms stalls on two cores) although no lock holds it.
    """
    with contextlib.suppress(AttributeError, OSError):  # not on Windows; or not allowed
        os.setpriority(os.PRIO_PROCESS, pid, _NICENESS)


def _end_process(process: Any) -> None:
    process.join(_EXIT_WAIT_S)
    if process.is_alive():
        log.warning("the final pass's process did not end; it is stopped")
        process.kill()
        process.join(2.0)
    with contextlib.suppress(ValueError):
        process.close()


# --- the child ----------------------------------------------------------------------


class _Cancel:
    """The pass's ``cancel``: set by a message from the app, or by the app's end."""

    def __init__(self, inbox: Connection) -> None:
        self._inbox = inbox
        self._set = False

    def is_set(self) -> bool:
        if not self._set:
            try:
                self._set = self._inbox.poll(0)  # a message, or the pipe closed
            except (EOFError, OSError):
                self._set = True
        return self._set


def run_child(inbox: Connection, outbox: Connection, args: _ChildArgs) -> None:
    # Ctrl+C in a terminal reaches the whole process group; the app decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A spawned process starts with no logging set up: the app's redacted handlers
    # (and MINUTA_LOG_LEVEL / MINUTA_LOG_FILE, inherited) apply here too.
    from minuta.logs import configure_logging

    configure_logging()
    _lower_priority(os.getpid())  # again, where the app could not (it is idempotent)
    try:
        outbox.send(("running", os.getpid()))
        outbox.send(_transcribe(args, _Cancel(inbox), outbox))
    except (EOFError, OSError):
        return  # the app is gone: nobody is left to tell
    finally:
        outbox.close()


def _transcribe(args: _ChildArgs, cancel: _Cancel, outbox: Connection) -> tuple[Any, ...]:
    from minuta.app.recording_transcription import TranscriptionCancelled, transcribe_recording
    from minuta.app.transcription import engine_for
    from minuta.store.errors import StoreError
    from minuta.transcribe.catalogue import ModelError

    last = 0.0

    def report(done_s: float, total_s: float) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= _PROGRESS_EVERY_S:
            last = now
            fraction = min(1.0, max(0.0, done_s / total_s)) if total_s > 0 else 0.0
            outbox.send(("progress", fraction))

    try:
        if cancel.is_set():
            raise TranscriptionCancelled
        engine = engine_for(args.paths, args.model)
        engine.load()
        if cancel.is_set():
            raise TranscriptionCancelled
        store = args.store.open()
        try:
            transcribe_recording(
                store,
                engine,
                args.meeting_id,
                language=args.language,
                progress=report,
                cancel=cast(threading.Event, cancel),  # only is_set() is asked
            )
        finally:
            store.close()
    except TranscriptionCancelled:
        return ("cancelled",)
    except (ModelError, StoreError) as exc:
        # Their messages are written for users (store ones name folders, never content).
        log.error("final pass failed: %s", type(exc).__name__)
        return ("failed", str(exc), "")
    except Exception as exc:  # noqa: BLE001 - the recording is safe: say so, and end
        # The type only: an error's message could quote the meeting's words.
        log.error("final pass failed: %s", type(exc).__name__)
        return ("failed", "", type(exc).__name__)
    outbox.send(("progress", 1.0))
    return ("done",)
