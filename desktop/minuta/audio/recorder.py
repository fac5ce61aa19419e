"""The recording engine: capture -> recording clock -> sealed, encrypted chunks.

Capture threads only hand blocks over (a queue put); one worker thread does
everything else in order: lays blocks on the recording clock
(:mod:`.timeline`), writes them to each channel's encrypted file (which seals
and fsyncs a chunk every half second), meters levels, watches devices and
writes every event to the journal. So a slow disk never stalls capture, and a
crash loses at most the unsealed half second.

When a device stops delivering (unplugged, switched off, server restart), the
watchdog notices within :attr:`Limits.watchdog_s`; the channel is filled with
silence on the recording clock, so both channels stay aligned, and the device
(or, failing that, the system default) is reopened as soon as it is back. A
full disk stops the recording and keeps everything sealed so far.
"""

from __future__ import annotations

import errno
import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from minuta.audio.capture import (
    AudioDevice,
    CaptureBackend,
    CapturedBlock,
    CaptureError,
    CaptureStream,
    name_os_thread,
)
from minuta.audio.levels import SILENT, Level, louder, measure
from minuta.audio.recording_plan import (
    AudioSink,
    ChannelPlan,
    EventSink,
    Limits,
    RecorderListener,
    RecorderResult,
    StopReason,
)
from minuta.audio.timeline import OUT_RATE, ChannelTimeline, RecordingClock
from minuta.core.models import ChannelKind, Highlight, RecordingEvent

__all__ = [
    "ChannelPlan",
    "Limits",
    "Recorder",
    "RecorderListener",
    "RecorderResult",
    "StopReason",
]

_TICK_S = 0.05
# A channel without audio flowing (device gone, or opened and not yet placing
# audio) is filled with silence up to this far behind real time, so its file
# keeps up (and a crash costs no more) while leaving room for the first blocks.
_WAITING_MARGIN_S = 0.25
_FOLLOW_DEFAULT_EVERY_S = 1.0
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


@dataclass
class _Channel:
    plan: ChannelPlan
    sink: AudioSink
    timeline: ChannelTimeline
    device: AudioDevice | None = None
    stream: CaptureStream | None = None
    generation: int = 0
    last_block: float = 0.0
    lost_since: float | None = None
    next_reopen: float = 0.0
    overflows: int = 0
    last_overflow_event: float = -1e9
    level: Level = SILENT
    sound_at: float = 0.0
    warned_silent: bool = False
    gaps_reported: int = 0
    delivering: bool = False  # a block arrived since the stream was opened


@dataclass
class _Command:
    name: str
    argument: Any = None
    done: threading.Event = field(default_factory=threading.Event)


class Recorder:
    def __init__(
        self,
        backend: CaptureBackend,
        plans: list[ChannelPlan],
        sinks: Mapping[ChannelKind, AudioSink],
        journal: EventSink,
        *,
        listener: RecorderListener | None = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._backend = backend
        self._journal = journal
        self._listener = listener
        self._limits = limits or Limits()
        self._now = clock
        self._clock = RecordingClock(clock())
        self._channels = {
            p.kind: _Channel(p, sinks[p.kind], ChannelTimeline(self._clock)) for p in plans
        }
        self._queue: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._events: list[RecordingEvent] = []
        self._highlights: list[Highlight] = []
        self._result: RecorderResult | None = None
        self._done = threading.Event()
        self._sound_at = 0.0
        self._prompted = False
        self._next_levels = 0.0
        self._next_follow = 0.0
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)

    # --- control (any thread) -----------------------------------------------------

    def start(self) -> None:
        """Open every device and start recording; raises :class:`CaptureError` if one fails."""
        now = self._now()
        self._clock = RecordingClock(now)
        for channel in self._channels.values():
            channel.timeline.clock = self._clock
        opened: list[_Channel] = []
        try:
            for channel in self._channels.values():
                device = channel.plan.device or self._backend.default_device(
                    channel.plan.device_kind
                )
                if device is None:
                    raise CaptureError(f"There is no {channel.plan.device_kind.value} to record.")
                self._open(channel, device, now)
                opened.append(channel)
        except BaseException:
            for channel in opened:
                self._close_stream(channel)
            raise
        self._sound_at = now
        devices = {c.plan.kind.value: c.device.name for c in self._channels.values() if c.device}
        self._journal.append(
            {
                "kind": "started",
                "t": 0.0,
                "monotonic": now,
                "wall": datetime.now(UTC).isoformat(),
                "devices": devices,
            }
        )
        self._thread.start()

    @property
    def elapsed_s(self) -> float:
        return self._clock.seconds_at(self._now())

    @property
    def paused(self) -> bool:
        return self._clock.paused

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def pause(self) -> None:
        self._command("pause")

    def resume(self) -> None:
        self._command("resume")

    def highlight(self, label: str = "") -> float:
        t = self.elapsed_s
        self._command("highlight", (t, label))
        return t

    def stop(self) -> RecorderResult:
        if not self._done.is_set():
            self._command("stop", self._now())
        self._done.wait()
        assert self._result is not None
        return self._result

    def wait(self, timeout: float | None = None) -> RecorderResult | None:
        """The result once the recording has ended (by :meth:`stop` or by itself)."""
        self._done.wait(timeout)
        return self._result

    def _command(self, name: str, argument: Any = None) -> None:
        if self._done.is_set():
            return
        command = _Command(name, argument)
        self._queue.put(("command", command))
        while not command.done.wait(0.5):
            if self._done.is_set():
                return

    # --- capture callbacks (capture threads) --------------------------------------

    def _on_block(self, kind: ChannelKind, generation: int) -> Callable[[CapturedBlock], None]:
        return lambda block: self._queue.put(("block", kind, generation, block))

    def _on_error(self, kind: ChannelKind, generation: int) -> Callable[[Exception], None]:
        return lambda error: self._queue.put(("lost", kind, generation, error))

    # --- the worker -----------------------------------------------------------------

    def _run(self) -> None:
        name_os_thread("minuta-recorder")
        try:
            stop_at, reason = self._loop()
            self._finish(stop_at, reason)
        except OSError as exc:
            full = exc.errno in _DISK_FULL
            reason = StopReason.DISK_FULL if full else StopReason.FAILED
            self._abort(reason, "The disk is full." if full else f"Writing failed: {exc}")
        except Exception as exc:  # noqa: BLE001 - whatever happens, keep what is written
            self._abort(StopReason.FAILED, f"The recorder failed: {exc}")
        finally:
            self._done.set()

    def _loop(self) -> tuple[float, StopReason]:
        while True:
            try:
                item = self._queue.get(timeout=_TICK_S)
            except queue.Empty:
                item = None
            now = self._now()
            if item is not None:
                stop_at = self._handle(item, now)
                if stop_at is not None:
                    return stop_at, StopReason.USER
            if self._tick(now):
                return now, StopReason.MAX_LENGTH

    def _handle(self, item: tuple[Any, ...], now: float) -> float | None:
        kind = item[0]
        if kind == "block":
            _, channel_kind, generation, block = item
            self._take_block(self._channels[channel_kind], generation, block, now)
        elif kind == "lost":
            _, channel_kind, generation, error = item
            channel = self._channels[channel_kind]
            if generation == channel.generation and channel.stream is not None:
                self._lose(channel, now, str(error))
        else:
            command: _Command = item[1]
            try:
                return self._run_command(command, now)
            finally:
                command.done.set()
        return None

    def _run_command(self, command: _Command, now: float) -> float | None:
        if command.name == "stop":
            return float(command.argument)
        if command.name == "pause" and not self._clock.paused:
            self._record("paused", now)
            self._clock.pause(now)
        elif command.name == "resume" and self._clock.paused:
            self._clock.resume(now)
            for channel in self._channels.values():
                channel.timeline.restart()
            self._record("resumed", now)
        elif command.name == "highlight":
            t, label = command.argument
            self._highlights.append(Highlight(t, label))
            self._journal.append({"kind": "highlight", "t": t, "label": label})
        return None

    def _take_block(
        self, channel: _Channel, generation: int, block: CapturedBlock, now: float
    ) -> None:
        if generation != channel.generation:
            return  # a late block from a stream already replaced
        channel.last_block = now
        if not channel.delivering:
            channel.delivering = True
            name = channel.device.name if channel.device else "?"
            self._record("audio_started", now, channel, {"device": name})
        if block.overflow:
            channel.overflows += 1
            if now - channel.last_overflow_event >= 1.0:
                channel.last_overflow_event = now
                self._record("overflow", now, channel, {"count": channel.overflows})
        if self._clock.paused:
            return
        for piece in channel.timeline.push(block):
            channel.sink.write(piece)
        for gap in channel.timeline.gaps[channel.gaps_reported :]:
            self._record(
                "gap",
                now,
                channel,
                {"at": round(gap.start_s, 3), "length_s": round(gap.length_s, 3)},
            )
        channel.gaps_reported = len(channel.timeline.gaps)
        level = measure(block.samples)
        channel.level = louder(channel.level, level)
        if not level.silent:
            channel.sound_at = now
            self._sound_at = now

    def _tick(self, now: float) -> bool:
        """Periodic work; True when the recording must end (maximum length)."""
        follow = now >= self._next_follow
        if follow:
            self._next_follow = now + _FOLLOW_DEFAULT_EVERY_S
        for channel in self._channels.values():
            self._watch(channel, now, follow=follow)
        self._check_silence(now)
        if now >= self._next_levels and self._listener is not None:
            self._next_levels = now + _TICK_S
            self._listener.levels({k: c.level for k, c in self._channels.items()})
            for channel in self._channels.values():
                channel.level = SILENT
        if self._clock.seconds_at(now) >= self._limits.max_length_s:
            self._record("max_length_reached", now)
            return True
        return False

    def _watch(self, channel: _Channel, now: float, *, follow: bool) -> None:
        if not self._clock.paused and (channel.stream is None or not channel.timeline.placing):
            silence = channel.timeline.pad_to(
                self._clock.samples_at(now) - int(_WAITING_MARGIN_S * OUT_RATE)
            )
            if silence is not None:
                channel.sink.write(silence)
        if channel.stream is not None:
            allowed = self._limits.watchdog_s if channel.delivering else self._limits.first_block_s
            if now - channel.last_block > allowed:
                self._lose(channel, now, "no audio for %.1f s" % (now - channel.last_block))
            elif follow and channel.plan.device is None:
                self._follow_default(channel, now)
            return
        if now >= channel.next_reopen:
            channel.next_reopen = now + self._limits.reopen_every_s
            self._reopen(channel, now)

    def _follow_default(self, channel: _Channel, now: float) -> None:
        try:
            default = self._backend.default_device(channel.plan.device_kind)
        except CaptureError:
            return
        if default is None or channel.device is None or default.id == channel.device.id:
            return
        self._close_stream(channel)
        try:
            self._open(channel, default, now)
        except CaptureError as exc:
            self._lose(channel, now, str(exc))
            return
        channel.timeline.restart()
        self._record("device_switched", now, channel, {"device": default.name})

    def _reopen(self, channel: _Channel, now: float) -> None:
        kind = channel.plan.device_kind
        try:
            wanted = channel.plan.device
            present = {d.id: d for d in self._backend.devices(kind)}
            device = present.get(wanted.id) if wanted else None
            device = device or self._backend.default_device(kind)
            if device is None:
                return
            self._open(channel, device, now)
        except CaptureError:
            return
        channel.timeline.restart()
        lost_for = now - (channel.lost_since or now)
        channel.lost_since = None
        self._record(
            "device_reopened", now, channel, {"device": device.name, "after_s": round(lost_for, 2)}
        )

    def _lose(self, channel: _Channel, now: float, why: str) -> None:
        name = channel.device.name if channel.device else "?"
        self._close_stream(channel)
        channel.lost_since = now
        channel.next_reopen = now + self._limits.reopen_every_s
        self._record("device_lost", now, channel, {"device": name, "reason": why[:200]})

    def _check_silence(self, now: float) -> None:
        if self._clock.paused:
            self._sound_at = now
            for channel in self._channels.values():
                channel.sound_at = now
            return
        mic = self._channels.get(ChannelKind.MICROPHONE)
        if mic is not None and mic.stream is not None:
            quiet_for = now - mic.sound_at
            if quiet_for >= self._limits.mic_silence_warning_s and not mic.warned_silent:
                mic.warned_silent = True
                self._record("mic_silent", now, mic, {"for_s": round(quiet_for, 1)})
            elif quiet_for < self._limits.mic_silence_warning_s:
                mic.warned_silent = False
        quiet = now - self._sound_at
        if quiet >= self._limits.silence_prompt_s and not self._prompted:
            self._prompted = True
            self._record("silence_prompt", now, None, {"for_s": round(quiet, 1)})
        elif quiet < self._limits.silence_prompt_s:
            self._prompted = False

    # --- streams --------------------------------------------------------------------

    def _open(self, channel: _Channel, device: AudioDevice, now: float) -> None:
        generation = channel.generation + 1
        stream = self._backend.open(
            device,
            self._on_block(channel.plan.kind, generation),
            self._on_error(channel.plan.kind, generation),
        )
        channel.generation = generation
        channel.stream, channel.device = stream, device
        channel.last_block = now
        channel.sound_at = now  # silence is counted from when the device is open
        channel.delivering = False

    def _close_stream(self, channel: _Channel) -> None:
        stream, channel.stream = channel.stream, None
        channel.generation += 1  # blocks still in flight are ignored
        if stream is not None:
            stream.close()

    # --- ending -----------------------------------------------------------------------

    def _finish(self, stop_at: float, reason: StopReason) -> None:
        for channel in self._channels.values():
            self._close_stream(channel)
        end = self._clock.samples_at(stop_at)
        durations = {}
        for kind, channel in self._channels.items():
            silence = channel.timeline.pad_to(end)
            if silence is not None:
                channel.sink.write(silence)
            durations[kind] = channel.sink.finish()
        self._record("stopped", stop_at, None, {"reason": reason.value})
        self._journal.close(final=True)
        self._result = self._make_result(reason, durations, None)

    def _abort(self, reason: StopReason, error: str) -> None:
        for channel in self._channels.values():
            self._close_stream(channel)
            channel.sink.abort()
        try:
            self._record("stopped", self._now(), None, {"reason": reason.value})
            self._journal.close(final=False)
        except OSError:
            pass  # the journal is on the same full disk; what it holds is kept
        durations = {k: c.timeline.position / OUT_RATE for k, c in self._channels.items()}
        self._result = self._make_result(reason, durations, error)

    def _make_result(
        self, reason: StopReason, durations: dict[ChannelKind, float], error: str | None
    ) -> RecorderResult:
        return RecorderResult(
            reason,
            durations,
            list(self._events),
            list(self._highlights),
            {k: c.overflows for k, c in self._channels.items()},
            error,
        )

    def _record(
        self,
        kind: str,
        now: float,
        channel: _Channel | None = None,
        detail: dict[str, object] | None = None,
    ) -> None:
        event = RecordingEvent(
            round(self._clock.seconds_at(now), 3),
            kind,
            channel.plan.kind if channel else None,
            detail or {},
        )
        self._events.append(event)
        self._journal.append(
            {
                "kind": kind,
                "t": event.t_s,
                "channel": event.channel.value if event.channel else None,
                "detail": event.detail,
            }
        )
        if self._listener is not None:
            self._listener.event(event)
