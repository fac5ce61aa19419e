"""Recording from the desktop app: the one object the window, tray and hotkey drive.

Who runs what, so the GUI thread never waits:

* starting (consent check, model choice, live transcriber, files, capture) and
  stopping (saving) run on the store's worker thread: they need the store;
* pause, resume and highlights wait for the recorder's own thread to take
  them, so they are handed to a small control thread;
* the recorder reports levels and events from its thread: levels are kept
  until a GUI timer reads them (about 15 times a second), events are posted to
  the GUI thread, and only there become signals;
* confirmed live lines are stored every half second by a task on the worker;
* the final pass runs on a thread of its own with its own connection
  (:mod:`.final_pass`), so listing and searching go on meanwhile.

Consent is not asked here: the app asks, and puts the answer in the request.
:func:`minuta.app.recording.start_recording` refuses without it, and the
refusal comes back as :attr:`RecordingController.failed`.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.app.paths import AppPaths
from minuta.app.recording import RecordingRequest, RecordingSession
from minuta.app.recording_defaults import last_devices, quick_request
from minuta.audio.capture import CaptureBackend, SoundSystemUnavailableError
from minuta.audio.recording_plan import StopReason
from minuta.core.consent import ConsentRecord
from minuta.core.models import Consent, RecordingEvent
from minuta.store.store import Store, require_store
from minuta.ui.recording.control_thread import ControlThread
from minuta.ui.recording.final_pass import FinalPassJob, FinalPassRunner
from minuta.ui.recording.gui_post import GuiPost
from minuta.ui.recording.listener import RecordingListener
from minuta.ui.recording.messages import RecordingMessages
from minuta.ui.recording.notes import NotesSaver
from minuta.ui.recording.recording_tasks import (
    DeviceChoices,
    Polled,
    Started,
    Stopped,
    list_devices,
    poll_session,
    start_session,
    stop_session,
)
from minuta.ui.store_worker import StoreWorker

if TYPE_CHECKING:
    from minuta.transcribe.live_engine import LiveState

log = logging.getLogger(__name__)

LEVELS_EVERY_MS = 66  # about 15 meter updates a second
POLL_LIVE_EVERY_MS = 500


class RecorderState(Enum):
    IDLE = "idle"
    STARTING = "starting"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPING = "stopping"
    PROCESSING = "processing"  # not recording; a final pass is under way


class _BackendSource:
    """Makes the capture backend on first use, on whichever thread asks first."""

    def __init__(self, factory: Callable[[], CaptureBackend] | None) -> None:
        self._factory = factory
        self._backend: CaptureBackend | None = None
        self._lock = threading.Lock()

    def get(self) -> CaptureBackend:
        with self._lock:
            if self._backend is None:
                if self._factory is None:
                    from minuta.audio.backends import system_backend

                    self._backend = system_backend()
                else:
                    self._backend = self._factory()
            return self._backend

    def forget(self) -> None:
        """Make it again on next use: a sound server missing now may be running by then."""
        with self._lock:
            self._backend = None


class RecordingController(QObject):
    state_changed = Signal(object)  # RecorderState
    levels_changed = Signal(object)  # dict[ChannelKind, float]: peak dBFS
    warning = Signal(str)  # plain words for the user
    live_lines = Signal(object)  # list[Segment]: newly confirmed live lines
    started = Signal(int)  # meeting id
    finished = Signal(int, str)  # meeting id, a message ("" when it ended as asked)
    failed = Signal(str)  # the recording could not start: why
    highlighted = Signal(float, str)  # seconds from the start, label
    long_silence = Signal()  # nobody spoke for a long time: maybe ask to stop
    devices_listed = Signal(object)  # DeviceChoices, after refresh_devices()
    final_pass_progress = Signal(int, float)  # meeting id, fraction 0..1
    final_pass_done = Signal(int)
    final_pass_failed = Signal(int, str)
    final_pass_cancelled = Signal(int)

    def __init__(
        self,
        worker: StoreWorker,
        paths: AppPaths,
        backend_factory: Callable[[], CaptureBackend] | None = None,
        *,
        final_pass: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._paths = paths
        # Threads get this plain object's method, never the controller's: see listener.py.
        self._backends = _BackendSource(backend_factory)
        self._final_pass_enabled = final_pass
        self._to_gui = GuiPost(self)
        self._texts = RecordingMessages(self)
        self._control = ControlThread(self._to_gui)

        self._state = RecorderState.IDLE
        self._session: RecordingSession | None = None
        self._started: Started | None = None
        self._listener: RecordingListener | None = None
        # The session a start under way will produce, for a quit that cannot wait for it.
        self._starting: list[RecordingSession] = []
        self._last_elapsed = 0.0
        self._stop_when_started = False
        self._shut_down = False
        self._polling = False
        self._live_state: LiveState | None = None
        self.user_name: str | None = None  # how the microphone's speaker is shown

        self._notes = NotesSaver(worker, self)
        self._notes.failed.connect(lambda: self.warning.emit(self._texts.notes_not_saved()))

        self._levels_timer = QTimer(self)
        self._levels_timer.setInterval(LEVELS_EVERY_MS)
        self._levels_timer.timeout.connect(self._emit_levels)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_LIVE_EVERY_MS)
        self._poll_timer.timeout.connect(self._poll)

        self._final = FinalPassRunner(paths, self)
        self._final.progress.connect(self.final_pass_progress)
        for ended, public in (
            (self._final.done, self.final_pass_done),
            (self._final.failed, self.final_pass_failed),
            (self._final.cancelled, self.final_pass_cancelled),
        ):
            ended.connect(self._after_final)  # first: the state is current when they hear
            ended.connect(public)

    # --- state ----------------------------------------------------------------------

    @property
    def state(self) -> RecorderState:
        return self._state

    @property
    def meeting_id(self) -> int | None:
        """The recording's meeting (the last one once it has stopped)."""
        return self._notes.meeting_id

    @property
    def request(self) -> RecordingRequest | None:
        """What the running recording was started with (devices, call audio, language)."""
        return self._started.request if self._started is not None else None

    @property
    def elapsed_s(self) -> float:
        """Recorded time, pauses not counted."""
        if self._session is not None:
            return self._session.recorder.elapsed_s
        return self._last_elapsed

    @property
    def recording(self) -> bool:
        """A recording is starting, running, paused or being saved."""
        return self._state in (
            RecorderState.STARTING,
            RecorderState.RECORDING,
            RecorderState.PAUSED,
            RecorderState.STOPPING,
        )

    @property
    def final_passes(self) -> list[int]:
        """Meetings whose final pass is waiting or running."""
        return self._final.pending

    def _set_state(self, state: RecorderState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    # --- devices --------------------------------------------------------------------

    def backend(self) -> CaptureBackend:
        """The capture backend, made on first use (asking the sound server: not on the GUI)."""
        return self._backends.get()

    def refresh_devices(self) -> None:
        """List microphones and outputs off the GUI thread; ``devices_listed`` follows."""

        def listed(choices: DeviceChoices) -> None:
            # What was used last time comes from the store; without it, the defaults.
            self._worker.submit(
                lambda store: last_devices(require_store(store)),
                lambda remembered: self._devices_ready(replace(choices, remembered=remembered)),
                lambda _exc: self._devices_ready(choices),
            )

        self._control.run(functools.partial(list_devices, self._backends.get), listed)

    def _devices_ready(self, choices: DeviceChoices) -> None:
        if choices.unavailable is not None:
            self._backends.forget()
            problem = self._texts.sound_system_unavailable(choices.unavailable)
        else:
            problem = self._texts.device_list_problem() if choices.problem else ""
        self.devices_listed.emit(replace(choices, problem=problem))

    # --- starting -------------------------------------------------------------------

    def start(self, request: RecordingRequest, *, live: bool = True) -> bool:
        """Start recording; False (and nothing happens) while one is already under way."""
        return self._start(lambda _store: request, live=live)

    def start_quick(
        self, consent: Consent | ConsentRecord, *, title: str | None = None, live: bool = True
    ) -> bool:
        """Start from the remembered devices and language (the tray, a hotkey), with the
        consent step's answer (in full, as a record, from the consent gate)."""
        record = consent if isinstance(consent, ConsentRecord) else None
        decision = consent.decision if isinstance(consent, ConsentRecord) else consent

        def build(store: Store) -> RecordingRequest:
            request = quick_request(store, decision, title=title)
            return replace(request, consent_record=record)

        return self._start(build, live=live)

    def _start(self, build: Callable[[Store], RecordingRequest], *, live: bool) -> bool:
        if self.recording or self._shut_down:
            return False
        self._notes.set_meeting(None)  # the last meeting's notes are saved there first
        self._last_elapsed = 0.0
        self._stop_when_started = False
        self._live_state = None
        self._set_state(RecorderState.STARTING)
        listener = RecordingListener()
        self._listener = listener
        paths, backend = self._paths, self._backends.get
        starting: list[RecordingSession] = []
        self._starting = starting

        def run(store: Store | None) -> Started:
            opened = require_store(store)
            started = start_session(opened, paths, backend, build(opened), listener, live=live)
            starting.append(started.session)
            return started

        self._worker.submit(run, self._on_started, self._on_start_failed)
        return True

    def _on_started(self, started: Started) -> None:
        if self._shut_down:
            return  # shutdown() has queued its stop already
        self._started = started
        self._session = started.session
        self._starting = []
        self.user_name = started.user_name
        self._set_state(RecorderState.RECORDING)
        self._levels_timer.start()
        self._poll_timer.start()
        self._notes.set_meeting(started.session.meeting_id)  # notes typed meanwhile are saved
        self.started.emit(started.session.meeting_id)
        if started.live_problem:
            self.warning.emit(self._texts.no_live(started.live_problem))
        if self._stop_when_started:
            self.stop()

    def _on_start_failed(self, exc: Exception) -> None:
        if isinstance(exc, SoundSystemUnavailableError):
            log.warning("recording could not start: no sound system (%s)", exc.part.value)
            self._backends.forget()
        self._listener = None
        self._starting = []
        self._set_state(RecorderState.PROCESSING if self._final.pending else RecorderState.IDLE)
        self.failed.emit(self._texts.start_failed(exc))

    # --- while recording ------------------------------------------------------------

    def pause(self) -> None:
        session = self._session
        if session is not None and self._state is RecorderState.RECORDING:
            self._control.run(session.pause)

    def resume(self) -> None:
        session = self._session
        if session is not None and self._state is RecorderState.PAUSED:
            self._control.run(session.resume)

    def toggle_pause(self) -> None:
        if self._state is RecorderState.PAUSED:
            self.resume()
        else:
            self.pause()

    def highlight(self, label: str = "") -> None:
        """Mark this moment; ``highlighted`` follows, and it is stored when the recording ends."""
        session = self._session
        if session is None or self._state not in (RecorderState.RECORDING, RecorderState.PAUSED):
            return
        self._control.run(
            lambda: session.highlight(label),
            lambda t: self.highlighted.emit(float(t), label),
        )

    def set_notes(self, text: str) -> None:
        """The meeting's notes as typed so far; saved shortly after the typing stops."""
        self._notes.set_text(text)

    def save_notes(self) -> None:
        """Save typed notes now rather than after the pause (the window closes, say)."""
        self._notes.flush()

    def _emit_levels(self) -> None:
        listener = self._listener
        if listener is None:
            return
        peaks = listener.take_levels()
        if peaks:
            self.levels_changed.emit(peaks)
        for event in listener.take_events():
            self._on_event(event)

    def _poll(self) -> None:
        session = self._session
        if session is None or self._polling:
            return
        self._polling = True

        def run(_store: Store | None) -> Polled:
            return poll_session(session)

        self._worker.submit(run, lambda polled: self._polled(session, polled), self._poll_failed)

    def _polled(self, session: RecordingSession, polled: Polled) -> None:
        self._polling = False
        if polled.lines:
            self.live_lines.emit(polled.lines)
        if session is not self._session:
            return
        if polled.live_state is not None and polled.live_state is not self._live_state:
            self._live_state = polled.live_state
            text = self._texts.live_state(polled.live_state, polled.live_message)
            if text:
                self.warning.emit(text)
        if polled.recorder_done and self._state in (RecorderState.RECORDING, RecorderState.PAUSED):
            self.stop()  # it ended by itself (maximum length, full disk): save it

    def _poll_failed(self, exc: Exception) -> None:
        self._polling = False
        log.error("storing live lines failed: %s", type(exc).__name__)

    def _on_event(self, event: RecordingEvent) -> None:
        if event.kind == "paused" and self._state is RecorderState.RECORDING:
            self._set_state(RecorderState.PAUSED)
        elif event.kind == "resumed" and self._state is RecorderState.PAUSED:
            self._set_state(RecorderState.RECORDING)
        elif event.kind == "silence_prompt":
            self.long_silence.emit()
        text = self._texts.for_event(event)
        if text:
            self.warning.emit(text)

    # --- stopping -------------------------------------------------------------------

    def stop(self, *, final_pass: bool = True, hurry: bool = False) -> None:
        """Stop and save; the final pass follows (unless ``final_pass`` is False).

        ``hurry`` (quitting): the live transcript's last phrase is not waited for.
        """
        if self._state is RecorderState.STARTING:
            self._stop_when_started = True
            return
        session, started = self._session, self._started
        if session is None or started is None or self._state is RecorderState.STOPPING:
            return
        self._set_state(RecorderState.STOPPING)
        self._poll_timer.stop()
        self._notes.flush()

        def run(store: Store | None) -> Stopped:
            return stop_session(require_store(store), session, hurry=hurry)

        self._worker.submit(
            run,
            lambda stopped: self._on_stopped(stopped, started, final_pass),
            lambda exc: self._on_stop_failed(session.meeting_id, exc),
        )

    def _on_stopped(self, stopped: Stopped, started: Started, final_pass: bool) -> None:
        finished = stopped.finished
        self._end_session(finished.duration_s)
        if stopped.lines:
            self.live_lines.emit(stopped.lines)
        message = self._texts.finished(finished)
        if message and finished.reason is not StopReason.MAX_LENGTH:  # its event said so
            self.warning.emit(message)
        run_final = final_pass and self._final_pass_enabled and stopped.saved
        if run_final:
            # Registered before anyone hears of the end, so a cancel at once finds it.
            self._final.submit(
                FinalPassJob(
                    finished.meeting_id,
                    stopped.open_store,
                    stopped.model,
                    started.final_language,
                )
            )
        self._set_state(RecorderState.PROCESSING if self._final.pending else RecorderState.IDLE)
        self.finished.emit(finished.meeting_id, message)

    def _on_stop_failed(self, meeting_id: int, exc: Exception) -> None:
        log.error("saving the recording failed: %s", type(exc).__name__)
        self._end_session(self.elapsed_s)
        self._set_state(RecorderState.PROCESSING if self._final.pending else RecorderState.IDLE)
        message = self._texts.stop_failed()
        self.warning.emit(message)
        self.finished.emit(meeting_id, message)

    def _end_session(self, elapsed_s: float) -> None:
        self._last_elapsed = elapsed_s
        self._session = None
        self._started = None
        self._levels_timer.stop()
        self._poll_timer.stop()
        if self._listener is not None:
            self._emit_levels()  # the last events (a full disk, say) are still told
        self._listener = None

    # --- the final pass -------------------------------------------------------------

    def cancel_final_pass(self, meeting_id: int) -> bool:
        """Stop a final pass; the live transcript stays. False if none is under way."""
        return self._final.cancel(meeting_id)

    def _after_final(self, *_ended: object) -> None:
        if self._state is RecorderState.PROCESSING and not self._final.pending:
            self._set_state(RecorderState.IDLE)

    # --- quitting -------------------------------------------------------------------

    def shutdown(self) -> None:
        """Call before the store's worker shuts down: saves a recording, ends the rest.

        The stop is queued on the worker, which finishes queued work before it
        closes the store, so the recording is saved; its final pass is left for
        later (the meeting stays "processing"; ``minuta retranscribe`` runs it).
        """
        self._notes.flush()
        self._shut_down = True
        if self._state is RecorderState.STARTING:
            # Its result will not be delivered any more: stop it right after it starts.
            starting = self._starting

            def stop_started(store: Store | None) -> None:
                for session in starting:
                    stop_session(require_store(store), session, hurry=True)

            self._worker.submit(stop_started)
        elif self._state in (RecorderState.RECORDING, RecorderState.PAUSED):
            self.stop(final_pass=False, hurry=True)
        self._final.shutdown()
        self._control.shutdown()
