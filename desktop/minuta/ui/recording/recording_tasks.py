"""The recording's store work, run on the store's worker thread (no Qt here).

Each function takes the store (or a session started with it) and returns
plain data for the GUI thread. Nothing here touches widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from minuta.app.consent import require_consent
from minuta.app.paths import AppPaths
from minuta.app.recording import FinishedRecording, RecordingRequest, RecordingSession
from minuta.app.recording_defaults import LastDevices, language_setting, remember_devices
from minuta.audio import capture
from minuta.audio.capture import AudioDevice, CaptureBackend, SoundSystemPart
from minuta.audio.recording_plan import RecorderListener, StopReason
from minuta.core.models import ChannelKind, Segment
from minuta.logs import register_sensitive
from minuta.store.settings import Setting
from minuta.store.store import ConnectionSpec, Store

if TYPE_CHECKING:
    from minuta.app.recording_transcription import LanguageChoice
    from minuta.transcribe.live_engine import LiveState

log = logging.getLogger(__name__)

_MIXED = "mixed"  # minuta.app.recording_transcription.MIXED, without loading that stack


@dataclass(frozen=True, slots=True)
class DeviceChoices:
    """What the device pickers offer, and what to pre-select."""

    microphones: tuple[AudioDevice, ...]
    outputs: tuple[AudioDevice, ...]
    remembered: LastDevices
    problem: str = ""  # the sound system's complaint when listing failed ("" when it worked)
    unavailable: SoundSystemPart | None = None  # the sound system itself is missing


@dataclass(frozen=True, slots=True)
class Started:
    session: RecordingSession
    request: RecordingRequest  # as it was started (with the language it uses)
    user_name: str | None  # how the microphone's speaker is called; None: "me"
    final_language: LanguageChoice  # for the final pass after this recording
    live_problem: str  # why there is no live transcript ("" when there is one)


@dataclass(frozen=True, slots=True)
class Polled:
    lines: list[Segment]  # confirmed live lines, now stored
    live_state: LiveState | None  # None: no live transcript
    live_message: str
    recorder_done: bool  # the recording ended by itself (maximum length, full disk)


@dataclass(frozen=True, slots=True)
class Stopped:
    finished: FinishedRecording
    lines: list[Segment]  # the last live lines, confirmed while stopping
    saved: bool  # the files were finalised: the final pass can run
    model: str  # the selected transcription model
    open_store: ConnectionSpec  # the final pass's process opens its own connection with it


def start_session(
    store: Store,
    paths: AppPaths,
    backend: Callable[[], CaptureBackend],
    request: RecordingRequest,
    listener: RecorderListener,
    *,
    live: bool,
) -> Started:
    """Start recording as asked (consent is checked first, before anything is prepared)."""
    from minuta.app.recording import start_recording

    require_consent(request.decision)
    language = request.language if request.language is not None else language_setting(store)
    transcriber = None
    problem = ""
    if live:
        from minuta.app.live_transcription import live_transcriber_for
        from minuta.app.transcription import selected_model
        from minuta.transcribe.catalogue import ModelError

        channels: tuple[ChannelKind, ...] = (ChannelKind.MICROPHONE,)
        if request.record_output:
            channels += (ChannelKind.SYSTEM,)
        try:
            transcriber = live_transcriber_for(
                paths,
                selected_model(store),
                channels,
                language=None if language == _MIXED else language,
            )
        except ModelError as exc:
            problem = str(exc)
    session = start_recording(store, backend(), request, listener=listener, live=transcriber)
    # The recording runs: what follows must never cost it.
    try:
        remember_devices(store, request)
        user_name = store.settings.get(Setting.USER_NAME) or None
        register_sensitive(*request.participants, user_name)  # kept out of every log line
    except Exception as exc:  # noqa: BLE001 - a preference is not worth a recording
        log.error("remembering the devices failed: %s", type(exc).__name__)
        user_name = None
    return Started(session, replace(request, language=language), user_name, language, problem)


def poll_session(session: RecordingSession) -> Polled:
    """Store the live lines confirmed since the last poll, and say how things stand."""
    lines = session.save_live()
    status = session.live.status if session.live is not None else None
    return Polled(
        lines,
        status.state if status is not None else None,
        status.message if status is not None else "",
        session.recorder.done,
    )


def stop_session(store: Store, session: RecordingSession, *, hurry: bool = False) -> Stopped:
    """Stop, let the live transcript finish its last phrases, and save everything.

    ``hurry`` (the app is quitting): the phrase still being decoded is left to
    the final pass instead of waited for.
    """
    from minuta.app.transcription import selected_model

    lines: list[Segment] = []
    try:
        session.recorder.stop()
        if session.live is not None and hurry:
            session.live.close()  # its unfinished phrase is left to the final pass
        elif session.live is not None:
            # Done here rather than inside session.stop(), to show these lines too.
            session.live.finish()
            lines = session.save_live()
    finally:
        finished = session.stop()
    saved = finished.reason in (StopReason.USER, StopReason.MAX_LENGTH)
    return Stopped(finished, lines, saved, selected_model(store), store.connection_spec())


def list_devices(backend: Callable[[], CaptureBackend]) -> DeviceChoices:
    """Microphones and outputs (off the GUI thread: it asks the sound server).

    What was used last time is filled in by the caller, from the store.
    """
    nothing = LastDevices(None, None, True)
    try:
        found = capture.list_devices(backend)
    except Exception as exc:  # noqa: BLE001 - no sound system at all: record from defaults
        log.error("listing sound devices failed: %s", type(exc).__name__)
        return DeviceChoices((), (), nothing, type(exc).__name__)
    return DeviceChoices(
        found.microphones, found.outputs, nothing, found.problem or "", found.unavailable
    )
