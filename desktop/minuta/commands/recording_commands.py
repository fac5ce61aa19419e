"""``devices``, ``record`` and ``recover``."""

from __future__ import annotations

import argparse
import contextlib
import select
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import confirm, fail, open_store
from minuta.core.timecode import clock

if TYPE_CHECKING:
    from minuta.app.recording import RecordingRequest, RecordingSession
    from minuta.audio.levels import Level
    from minuta.core.consent import ConsentMethod, ConsentRecord
    from minuta.core.models import ChannelKind, Consent, RecordingEvent, Segment
    from minuta.store.store import Store
    from minuta.transcribe.live import LiveTranscriber

_EVENT_TEXT = {
    "device_lost": "{channel}: {device} stopped delivering audio; silence until it is back",
    "device_reopened": "{channel}: recording again from {device} (after {after_s} s)",
    "device_switched": "{channel}: the system switched to {device}",
    "gap": "{channel}: {length_s} s of audio did not arrive and was filled with silence",
    "overflow": "{channel}: the device dropped input ({count} times so far)",
    "mic_silent": "the microphone has delivered only silence for {for_s} s: is it muted?",
    "paused": "paused",
    "resumed": "recording again",
    "max_length_reached": "the maximum recording length is reached",
}


class _TerminalListener:
    """Levels for the status line, events as plain sentences on stderr."""

    def __init__(self) -> None:
        self.levels_now: dict[str, float] = {}
        self.silence_prompt = threading.Event()

    def levels(self, levels: Mapping[ChannelKind, Level]) -> None:
        self.levels_now = {kind.default_label: level.peak_dbfs for kind, level in levels.items()}

    def event(self, event: RecordingEvent) -> None:
        if event.kind == "silence_prompt":
            self.silence_prompt.set()
            return
        template = _EVENT_TEXT.get(event.kind)
        if template is None:
            return
        channel = event.channel.default_label if event.channel else ""
        text = template.format(channel=channel, **{k: v for k, v in event.detail.items()})
        print(f"\n[{clock(event.t_s)}] {text}", file=sys.stderr, flush=True)


def _meter(db: float) -> str:
    filled = max(0, min(10, int((db + 60) / 6)))
    return "#" * filled + "-" * (10 - filled)


def cmd_devices(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.audio.backends import system_backend
    from minuta.audio.capture import DeviceKind

    backend = system_backend()
    for kind, title in ((DeviceKind.MICROPHONE, "Microphones"), (DeviceKind.OUTPUT, "Outputs")):
        print(f"{title} (--{'mic' if kind is DeviceKind.MICROPHONE else 'output'} ID):")
        devices = backend.devices(kind)
        for device in devices:
            mark = "*" if device.is_default else " "
            print(f" {mark} {device.id}\n      {device.name}")
        if not devices:
            print("   none found")
    print("* = system default, used when no device is given")


def cmd_record(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.recording import RecordingRequest, start_recording
    from minuta.audio.backends import system_backend
    from minuta.audio.recorder import Limits, StopReason
    from minuta.transcribe.languages import normalise_language

    limits = Limits(max_length_s=args.max_minutes * 60.0)
    language = normalise_language(args.language)  # a typo fails before any recording
    participants = tuple(args.participant or ())
    record = _consent_record(args, paths, language, participants)
    request = RecordingRequest(
        title=args.title,
        microphone=args.mic,
        output=args.output,
        record_output=not args.no_output,
        participants=participants,
        consent=record.decision,
        limits=limits,
        language=language,
        consent_record=record,
    )
    listener = _TerminalListener()
    _interrupt_on_signals()  # until the recording runs, a signal cancels (a passphrase prompt)
    store = open_store(paths)
    try:
        # From here on a signal only asks for a stop: the loop below sees the request
        # whenever it arrives, even before the first status line, and saves.
        stop_requested = _stop_requested_by_signals()
        live = None
        if not (args.no_live or args.no_transcribe):
            live = _live_transcriber(store, paths, request)
        session = start_recording(store, system_backend(), request, listener=listener, live=live)
        interactive = sys.stdin.isatty()
        keys = " Enter: highlight, p+Enter: pause/resume." if interactive else ""
        print(f"Recording meeting #{session.meeting_id}. Ctrl+C stops.{keys}", flush=True)
        _follow(session, listener, interactive, stop_requested)
        # A second Ctrl+C must not cut the saving short; afterwards it may cancel
        # the transcription, which leaves the saved recording as it is.
        with _signals_held():
            finished = session.stop()
        print(f"\nSaved meeting #{finished.meeting_id}: {clock(finished.duration_s)}.")
        if finished.message:
            print(f"minuta: {finished.message}", file=sys.stderr)
        if finished.overflows:
            print(f"minuta: input was dropped {finished.overflows} times.", file=sys.stderr)
        if finished.reason in (StopReason.DISK_FULL, StopReason.FAILED):
            raise SystemExit(1)
        if not args.no_transcribe:
            _interrupt_on_signals()  # Ctrl+C now cancels the transcription only
            try:
                _transcribe(store, paths, finished.meeting_id, language=language)
            except KeyboardInterrupt:
                print(
                    f"\nTranscription cancelled; the recording is saved. "
                    f"`minuta retranscribe {finished.meeting_id}` transcribes it.",
                    file=sys.stderr,
                )
                raise
    finally:
        store.close()


def _consent_record(
    args: argparse.Namespace, paths: AppPaths, language: str | None, participants: tuple[str, ...]
) -> ConsentRecord:
    """The consent step: the answer, how they were told (``--consent-method``), and who
    (``--informed``, else the participants). A refusal ends here, logged, with nothing
    recorded; without an answer that allows recording nothing is (``start_recording``
    checks again)."""
    from minuta.app.consent import ConsentRequiredError, consent_record
    from minuta.core.consent import parse_informed, parse_method
    from minuta.core.models import Consent

    consent, shown_in = _ask_consent(args.consent, language)
    method = parse_method(args.consent_method, consent)
    if consent is Consent.DECLINED:
        _log_declined(paths, method)
    if not consent.allows_recording:
        fail(str(ConsentRequiredError(consent)))
    informed = parse_informed(args.informed) if args.informed is not None else participants
    return consent_record(consent, method=method, informed=informed, announcement_language=shown_in)


def _log_declined(paths: AppPaths, method: ConsentMethod) -> None:
    """Put the refusal in the audit log; a store that cannot be opened only misses that."""
    from minuta.app.consent import record_declined

    try:
        store = open_store(paths, quiet_about_interrupted=True)
    except Exception:  # noqa: BLE001 - the answer stands (nothing is recorded) all the same
        return
    try:
        record_declined(store, method)
    finally:
        store.close()


def _ask_consent(given: str | None, language: str | None) -> tuple[Consent, str | None]:
    """The participants' answer: from ``--consent``, or asked at the terminal; with the
    language the announcement was shown in (None: it was not shown)."""
    from minuta.app.consent import ANNOUNCEMENTS, announcement, parse_consent
    from minuta.core.models import Consent

    if given is None:
        if not sys.stdin.isatty():
            fail(
                "Tell everyone they are being recorded first, then say so with --consent "
                "informed (everyone agreed) or --consent internal (an internal meeting)."
            )
        text = announcement(language)
        shown_in = next(code for code, known in ANNOUNCEMENTS.items() if known == text)
        print(
            "Before recording, tell everyone they are being recorded. You can say or paste:\n\n"
            f"  {text}\n"
        )
        answers = {"i": Consent.INFORMED, "n": Consent.INTERNAL, "d": Consent.DECLINED}
        reply = ""
        while reply not in answers:
            reply = (
                input(
                    "[i] everyone is informed and agreed  [n] internal meeting  "
                    "[d] someone declined (no recording): "
                )
                .strip()
                .lower()[:1]
            )
        return answers[reply], shown_in
    return parse_consent(given), None


def _live_transcriber(
    store: Store, paths: AppPaths, request: RecordingRequest
) -> LiveTranscriber | None:
    from minuta.app.live_transcription import live_transcriber_for
    from minuta.app.transcription import selected_model
    from minuta.core.models import ChannelKind
    from minuta.transcribe.catalogue import ModelError

    channels: tuple[ChannelKind, ...] = (ChannelKind.MICROPHONE,)
    if request.record_output:
        channels += (ChannelKind.SYSTEM,)
    try:
        return live_transcriber_for(
            paths, selected_model(store), channels, language=request.language
        )
    except ModelError as exc:
        print(f"minuta: no live transcript: {exc}", file=sys.stderr)
        return None


def _interrupt_on_signals() -> None:
    """SIGINT and SIGTERM cancel the start (Python's own Ctrl+C behaviour, for both).

    Set explicitly: a process started in the background by a script inherits
    SIGINT ignored, and SIGTERM would otherwise end the process on the spot.
    """

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def _stop_requested_by_signals() -> threading.Event:
    """Ctrl+C, SIGINT and SIGTERM all mean "stop and save", whenever they come.

    The handler only sets a flag: an exception raised from it could land anywhere,
    between starting the recorder and the loop that would catch it, and leave the
    recording unfinished.
    """
    requested = threading.Event()

    def stop(signum: int, frame: object) -> None:
        requested.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    return requested


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _follow(
    session: RecordingSession,
    listener: _TerminalListener,
    interactive: bool,
    stop_requested: threading.Event,
) -> None:
    recorder = session.recorder
    live_view = _LiveView(session)
    while not recorder.done and not stop_requested.is_set():
        live_view.show(session.save_live())
        if interactive:
            levels = "  ".join(f"{k} {_meter(v)}" for k, v in listener.levels_now.items())
            state = "PAUSED" if recorder.paused else "REC"
            print(f"\r{state} {clock(recorder.elapsed_s)}  {levels}   ", end="", flush=True)
            ready, _, _ = select.select([sys.stdin], [], [], 0.2)
            if ready:
                _command(session, sys.stdin.readline().strip().lower(), stop_requested)
        else:
            recorder.wait(0.2)
        if listener.silence_prompt.is_set():
            listener.silence_prompt.clear()
            question = "\nBoth channels have been silent for a long time. Stop recording? [y/N]"
            if interactive and _confirm_or_interrupted(question):
                return


def _confirm_or_interrupted(question: str) -> bool:
    """A yes, or Ctrl+C while the question waits, both mean stop."""
    previous = signal.getsignal(signal.SIGINT)
    _interrupt_on_signals()
    try:
        return confirm(question)
    except KeyboardInterrupt:
        return True
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous)


class _LiveView:
    """Confirmed lines on stdout as they come; changes of the live state on stderr."""

    def __init__(self, session: RecordingSession) -> None:
        self._session = session
        self._state: str | None = None

    def show(self, lines: list[Segment]) -> None:
        for line in sorted(lines, key=lambda s: s.start):
            print(f"\r[{clock(line.start)}] {line.channel.default_label}: {line.text}", flush=True)
        live = self._session.live
        if live is None:
            return
        status = live.status
        if status.state.value != self._state:
            self._state = status.state.value
            text = _LIVE_STATE_TEXT.get(self._state)
            if text:
                print(f"\nlive transcript: {status.message or text}", file=sys.stderr)


_LIVE_STATE_TEXT = {
    "catching_up": "catching up (showing whole phrases only)",
    "deferred": "some speech is left for the transcript after the meeting",
    "failed": "stopped; the recording goes on",
}


def _command(session: RecordingSession, text: str, stop_requested: threading.Event) -> None:
    if text in ("p", "pause"):
        if session.recorder.paused:
            session.resume()
        else:
            session.pause()
    elif text in ("q", "stop"):
        stop_requested.set()
    else:
        t = session.highlight(text)
        print(f"\n[{clock(t)}] highlight{': ' + text if text else ''}", file=sys.stderr)


def _transcribe(
    store: Store, paths: AppPaths, meeting_id: int, *, language: str | None = None
) -> None:
    from minuta.app.recording_transcription import transcribe_recording
    from minuta.app.transcription import engine_for, selected_model
    from minuta.cli_progress import ProgressBar

    bar = ProgressBar()
    try:
        engine = engine_for(paths, selected_model(store))
        bar.update(f"Loading {engine.model.name}", 0.0, None)
        engine.load()
        result = transcribe_recording(
            store,
            engine,
            meeting_id,
            language=language,
            progress=lambda done, total: bar.update("Transcribing", done, total),
        )
    finally:
        bar.close()
    print(f"Transcribed: {result.segment_count} lines.")


def cmd_recover(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.recovery import find_interrupted, recover

    store = open_store(paths, quiet_about_interrupted=True)
    try:
        waiting = find_interrupted(store)
        if args.meeting_id is not None:
            waiting = [w for w in waiting if w.meeting_id == args.meeting_id]
            if not waiting:
                fail(f"Meeting #{args.meeting_id} is not an interrupted recording.")
        if not waiting:
            print("No interrupted recordings.")
            return
        for item in waiting:
            date = item.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
            question = f'Recover meeting #{item.meeting_id} "{item.title}" ({date})? [y/N]'
            if not args.yes and not confirm(question):
                print(f"Left #{item.meeting_id} as it is; `minuta recover` offers it again.")
                continue
            started = time.monotonic()
            result = recover(store, item.meeting_id)
            print(
                f"Recovered meeting #{result.meeting_id}: {clock(result.duration_s)} of audio, "
                f"{result.highlights} highlights ({time.monotonic() - started:.1f} s)."
            )
            if args.transcribe:
                _transcribe(store, paths, item.meeting_id)
    finally:
        store.close()
