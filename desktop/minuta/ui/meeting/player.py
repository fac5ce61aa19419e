"""Playing a meeting's audio from memory, at any speed, with or without its silences.

The sound goes out through PortAudio (python-sounddevice, already used for
microphones): its callback pulls each block from a
:class:`~minuta.app.playback.PlaybackSource`, which skips silence and stretches
time as it is asked, so a new speed is heard within one block. (QtMultimedia's
QAudioSink would do the same job, but it ships in PySide6-Addons, which Minuta
does not depend on.) The audio never touches the disk.

The position reported is that of the sound leaving the speakers: the source's
read position less the device's latency. With no output device at all the same
position runs on a clock, so the transcript still follows and the rest of the
view behaves the same; ``error`` says once why nothing is heard.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from enum import Enum
from typing import Any

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from minuta.app.playback import SAMPLE_RATE, SPEEDS, PlaybackSource
from minuta.ui.background import run_in_background, when_done

log = logging.getLogger(__name__)

TICK_MS = 50  # position updates while playing: 20 a second
OUTPUT_LATENCY_S = 0.15
_MAX_PLAUSIBLE_LATENCY_S = 2.0  # some hosts report no timing (0) or nonsense
_END_MARGIN_S = 0.25  # silence let out after the end, in case the device says too little


class _Output(Enum):
    PROBING = "probing"  # still looking for a sound output
    DEVICE = "device"
    NONE = "none"  # no output: the position runs on a clock


def _find_output() -> str:
    """The default output device's name (slow: loads PortAudio; run off the GUI thread)."""
    import sounddevice

    info = sounddevice.query_devices(kind="output")
    return str(info["name"])


class _StreamShare:
    """What PortAudio's callback reads (the source) and writes (the latency)."""

    def __init__(self, source: PlaybackSource) -> None:
        self.source = source
        self.latency_s = 0.0  # until what the callback writes is heard


class AudioPlayer(QObject):
    """Plays 16 kHz mono int16 samples held in memory; times are meeting times in seconds."""

    position_changed = Signal(float)
    state_changed = Signal(bool)  # playing
    error = Signal(str)

    def __init__(self, parent: QObject | None = None, *, use_output_device: bool = True) -> None:
        super().__init__(parent)
        # Shared with PortAudio's thread: a plain box, so that thread never holds the player.
        self._share = _StreamShare(PlaybackSource(np.zeros(0, dtype=np.int16), (), 0.0))
        self._speech: tuple[tuple[float, float], ...] = ()
        self._duration = 0.0
        self._loaded = False
        self._playing = False
        self._speed = 1.0
        self._skip = False
        self._position = 0.0  # meeting time whenever no output or clock is running
        self._clock = QElapsedTimer()
        self._clock_from = 0.0  # playback time when the clock was (re)started
        self._stream: Any = None
        self._stream_live = False
        self._told_no_output = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._output = _Output.PROBING if use_output_device else _Output.NONE
        if use_output_device:
            when_done(
                run_in_background(_find_output, "minuta-sound-output"),
                self,
                self._found_output,
                self._no_output,
            )

    # --- state --------------------------------------------------------------------

    @property
    def _source(self) -> PlaybackSource:
        return self._share.source

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def duration_s(self) -> float:
        return self._duration

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def skip_silence(self) -> bool:
        return self._skip

    @property
    def output_active(self) -> bool:
        """Whether sound is going to a device right now (not just a clock)."""
        return self._stream_live

    @property
    def position_s(self) -> float:
        if self._stream_live:
            return self._source.position_s(self._share.latency_s)
        if self._clock.isValid():
            silence_map = self._source.silence_map
            played = self._clock_from + self._speed * self._clock.elapsed() / 1000
            return silence_map.to_meeting(min(played, silence_map.playback_duration_s))
        return self._position

    # --- loading ------------------------------------------------------------------

    def load(
        self, samples: np.ndarray, duration_s: float, speech: Sequence[tuple[float, float]] = ()
    ) -> None:
        """Take the meeting's audio; ``speech`` (start, end) lines tell what silence is."""
        was_playing = self._playing
        self.pause()
        self._speech = tuple(speech)
        self._duration = max(duration_s, len(samples) / SAMPLE_RATE)
        self._share.source = PlaybackSource(samples, self._speech, self._duration)
        self._source.set_speed(self._speed)
        self._source.set_skip_silence(self._skip)
        self._loaded = True
        self._position = min(self._position, self._duration)
        if was_playing:
            self.play()

    def set_speech(self, speech: Sequence[tuple[float, float]]) -> None:
        """The transcript changed (after the final pass): skip the silences it now shows."""
        if tuple(speech) == self._speech:
            return
        position, was_playing = self.position_s, self._playing
        self.pause()
        self._speech = tuple(speech)
        self._share.source = PlaybackSource(self._source.samples, self._speech, self._duration)
        self._source.set_speed(self._speed)
        self._source.set_skip_silence(self._skip)
        self._position = position
        if was_playing:
            self.play()

    def set_duration(self, duration_s: float) -> None:
        """The meeting's length before its audio is loaded, so that seeking is bounded."""
        if not self._loaded:
            self._duration = max(0.0, duration_s)

    # --- transport ----------------------------------------------------------------

    def play(self) -> None:
        if self._playing or not self._loaded:
            return
        end = self._source.silence_map.to_meeting(self._source.silence_map.playback_duration_s)
        if self._position >= end - 0.05:
            self._position = 0.0  # at the end: play again from the start
        self._playing = True
        self._start_output()
        self._ticker.start()
        self.state_changed.emit(True)
        self.position_changed.emit(self.position_s)

    def pause(self) -> None:
        if not self._playing:
            return
        self._position = self.position_s
        self._stop_output()
        self._playing = False
        self._ticker.stop()
        self.state_changed.emit(False)
        self.position_changed.emit(self._position)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, t_s: float) -> None:
        """Go to meeting time ``t_s``; playing goes on from there."""
        upper = self._duration if self._duration > 0 else max(0.0, t_s)
        t_s = min(max(0.0, t_s), upper)
        self._position = t_s
        if self._stream_live:
            self._source.seek(t_s)
        elif self._clock.isValid():
            self._restart_clock(t_s)
        self.position_changed.emit(t_s)

    def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed must be one of {SPEEDS}")
        if self._clock.isValid():
            self._restart_clock(self.position_s)  # the time so far ran at the old speed
        self._speed = speed
        self._source.set_speed(speed)

    def set_skip_silence(self, skip: bool) -> None:
        if skip == self._skip:
            return
        position = self.position_s
        self._skip = skip
        self._source.set_skip_silence(skip)
        if self._stream_live:
            self._source.seek(position)
        elif self._clock.isValid():
            self._restart_clock(position)

    def close(self) -> None:
        """Stop and let go of the sound device (the view is going away)."""
        self.pause()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.close()
            except Exception:  # closing a broken stream has nothing more to report
                log.debug("closing the output stream failed", exc_info=True)

    # --- output -------------------------------------------------------------------

    def _found_output(self, name: str) -> None:
        log.debug("sound output found")
        self._output = _Output.DEVICE
        if self._playing:
            self._start_output()

    def _no_output(self, exc: BaseException) -> None:
        log.info("no sound output: %s", type(exc).__name__)
        self._output = _Output.NONE
        if self._playing:
            self._start_output()

    def _start_output(self) -> None:
        if self._output is _Output.PROBING:
            return  # starts when the search for an output is over
        if self._output is _Output.DEVICE:
            try:
                self._open_stream()
                self._source.seek(self._position)
                self._stream.start()
                self._stream_live = True
                return
            except Exception as exc:  # noqa: BLE001 - any device failure: go on without sound
                log.warning("sound output failed: %s", type(exc).__name__)
                self._output = _Output.NONE
                self.error.emit(
                    self.tr(
                        "The sound output could not be opened, so nothing can be heard. "
                        "The transcript still follows along."
                    )
                )
                self._told_no_output = True
        elif not self._told_no_output:
            self._told_no_output = True
            self.error.emit(
                self.tr(
                    "No sound output was found, so nothing can be heard. "
                    "The transcript still follows along."
                )
            )
        self._restart_clock(self._position)

    def _open_stream(self) -> None:
        if self._stream is not None:
            return
        import sounddevice

        # PortAudio's thread must hold no Qt object (one freed there crashes the app):
        # the callback sees only the source and the latency box.
        output = self._share

        def callback(outdata: np.ndarray, frames: int, timing: Any, _status: Any) -> None:
            # PortAudio's thread: no Qt here, and never an exception out of it.
            try:
                outdata[:, 0] = output.source.read(frames)
                # How long until the end of this block is heard, as the device says
                # (with a sound server, more than the stream's own buffer).
                until_heard = timing.outputBufferDacTime - timing.currentTime
                if 0 < until_heard < _MAX_PLAUSIBLE_LATENCY_S:
                    output.latency_s = until_heard + frames / SAMPLE_RATE
            except Exception:  # noqa: BLE001 - silence beats a dead stream
                outdata.fill(0)

        # A roomy buffer: the callback is Python and needs the GIL, which the GUI thread
        # may hold for a few tens of milliseconds. Pausing still stops at once (abort),
        # and the position allows for the buffer.
        self._stream = sounddevice.OutputStream(
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            callback=callback,
            latency=OUTPUT_LATENCY_S,
        )
        self._share.latency_s = float(self._stream.latency)

    def _stop_output(self) -> None:
        if self._stream_live:
            self._stream_live = False
            try:
                # abort, not stop: pausing is heard at once, not after the buffer drains.
                self._stream.abort()
            except Exception:  # a stream that failed is stopped already
                log.debug("stopping the output stream failed", exc_info=True)
        self._clock.invalidate()

    def _restart_clock(self, t_s: float) -> None:
        self._clock_from = self._source.silence_map.to_playback(t_s)
        self._clock.start()

    def _tick(self) -> None:
        if self._stream_live and not self._stream.active:
            # The device went away mid-play: keep time on the clock instead.
            self._position = self._source.position_s(self._share.latency_s)
            self._stop_output()
            self._output = _Output.NONE
            self._told_no_output = False
            self._start_output()
        position = self.position_s
        silence_map = self._source.silence_map
        at_end = (
            self._source.finished(self._share.latency_s + _END_MARGIN_S)
            if self._stream_live
            else self._clock.isValid()
            and self._clock_from + self._speed * self._clock.elapsed() / 1000
            >= silence_map.playback_duration_s
        )
        if at_end:
            self._position = silence_map.to_meeting(silence_map.playback_duration_s)
            self._stop_output()
            self._playing = False
            self._ticker.stop()
            self.state_changed.emit(False)
            self.position_changed.emit(self._position)
            return
        self.position_changed.emit(position)
