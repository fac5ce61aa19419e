"""Laying each device's audio on one recording clock, at 16 kHz.

Two devices have two clocks: a USB headset and the laptop's output drift apart
by tens of parts per million, start at different moments (PulseAudio delivers a
record stream's first block up to a second or two after it is opened), deliver
in bursts, and either can stall or vanish. Positions in a recording come from
sample counts, so each channel is kept on the *recording clock* —
``time.monotonic()`` since the start, minus time spent paused — by its
:class:`ChannelTimeline`.

Where does a block belong? Its arrival time is an upper bound of when it was
captured (audio cannot arrive before it exists), and reported latencies are not
to be trusted (PulseAudio reports seconds of latency for a stream that delivers
in real time). So for each block the timeline computes the stream's *apparent
start*, ``arrival - samples so far / rate``; late or bursty deliveries only
raise it for a moment, so its minimum over a short window is a steady estimate
of when the stream really started. Audio is positioned by sample count from
that estimate:

* every block is resampled to 16 kHz with soxr (a polyphase resampler);
* if the estimate moves later by more than :data:`GAP_S` and stays there for a
  whole window, input was lost (a stall, an overflow): the missing stretch is
  filled with silence, so what follows stays aligned;
* slow drift between the device clock and the recording clock is corrected by
  stretching blocks by at most :data:`MAX_STRETCH` — far below anything
  audible or harmful to speech recognition.

The result: each channel's length tracks wall-clock time, and the channels
track each other, to within tens of milliseconds over any length.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from minuta.audio.capture import CapturedBlock

OUT_RATE = 16_000
GAP_S = 0.15  # behind by more than this: fill the gap with silence
DEADBAND_S = 0.03  # smoothed deviation tolerated without correction
MAX_STRETCH = 0.002  # at most 0.2 % longer or shorter per block
WINDOW_S = 2.0  # deliveries later than the best in this window are jitter, not loss
ANCHOR_S = 0.2  # blocks held back at a stream's start to find where it begins
MAX_HOLD_S = 1.0  # ...but never longer, even without an exactly timed block
# Clock drift is a few milliseconds per minute: average the deviation over about
# five seconds of blocks, so delivery jitter is not mistaken for it.
_SMOOTHING = 0.004


class RecordingClock:
    """Seconds of recording at a monotonic instant: wall time minus pauses."""

    def __init__(self, start: float) -> None:
        self.start = start
        self._paused_total = 0.0
        self._paused_since: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    def pause(self, now: float) -> None:
        if self._paused_since is None:
            self._paused_since = now

    def resume(self, now: float) -> None:
        if self._paused_since is not None:
            self._paused_total += now - self._paused_since
            self._paused_since = None

    def seconds_at(self, instant: float) -> float:
        if self._paused_since is not None:
            instant = min(instant, self._paused_since)
        return max(0.0, instant - self.start - self._paused_total)

    def samples_at(self, instant: float) -> int:
        return round(self.seconds_at(instant) * OUT_RATE)


@dataclass
class Gap:
    start_s: float
    length_s: float


@dataclass
class ChannelTimeline:
    clock: RecordingClock
    position: int = 0  # samples emitted so far
    gaps: list[Gap] = field(default_factory=list)
    _resampler: object | None = None
    _in_rate: int = 0
    _deviation: float = 0.0  # smoothed (target - position) in samples
    _stream_samples: int = 0  # input samples of the current stream
    # (arrival, estimated stream start, whether the arrival time is exact)
    _starts: deque[tuple[float, float, bool]] = field(default_factory=deque)
    _held: list[tuple[CapturedBlock, int]] | None = field(default_factory=list)
    _placed_audio: bool = False  # silence before a stream's first audio is no gap

    @property
    def placing(self) -> bool:
        """Whether the current stream's audio is being placed (not still held back)."""
        return self._held is None

    def push(self, block: CapturedBlock) -> list[np.ndarray]:
        """The 16 kHz pieces to append for ``block``: maybe silence, then audio."""
        self._stream_samples += len(block.samples)
        start_estimate = block.end_time - self._stream_samples / block.sample_rate
        self._starts.append((block.end_time, start_estimate, block.timing_exact))
        while self._starts[0][0] < block.end_time - WINDOW_S:
            self._starts.popleft()
        if self._held is not None:
            # At a stream's start, wait a moment: the first blocks may come late,
            # or in a burst from a buffer; wait for one whose timing is exact.
            self._held.append((block, self._stream_samples))
            waited = block.end_time - self._held[0][0].end_time
            exact_seen = any(exact for _, _, exact in self._starts)
            if waited < MAX_HOLD_S and (waited < ANCHOR_S or not exact_seen):
                return []
            held, self._held = self._held, None
            start = self._start()
            pieces: list[np.ndarray] = []
            for earlier, count in held:
                pieces += self._place(earlier, start + count / earlier.sample_rate)
            return pieces
        return self._place(block, self._start() + self._stream_samples / block.sample_rate)

    def _start(self) -> float:
        """When the current stream began: the earliest exactly timed estimate."""
        exact = [s for _, s, is_exact in self._starts if is_exact]
        return min(exact) if exact else min(s for _, s, _ in self._starts)

    def _place(self, block: CapturedBlock, end_time: float) -> list[np.ndarray]:
        audio = self._resample(block)
        target_end = self.clock.samples_at(end_time)
        behind = target_end - (self.position + len(audio))
        pieces: list[np.ndarray] = []
        if not self._placed_audio:
            # A stream's first audio goes exactly where it belongs: after the
            # silence that covered the device's start, or over its last moments.
            if behind > 0:
                pieces.append(self._silence(behind, record_gap=False))
            else:
                audio = audio[min(len(audio), -behind) :]
        elif behind > GAP_S * OUT_RATE:
            pieces.append(self._silence(behind, record_gap=self._placed_audio))
            self._deviation = 0.0
        elif behind < -GAP_S * OUT_RATE:
            # Audio from before the recording started, or a device running fast:
            # drop what lies in the past.
            audio = audio[min(len(audio), -behind) :]
            self._deviation = 0.0
        else:
            self._deviation += _SMOOTHING * (behind - self._deviation)
            audio = self._correct_drift(audio)
        if len(audio):
            pieces.append(audio)
            self.position += len(audio)
            self._placed_audio = True
        return pieces

    def pad_to(self, target: int) -> np.ndarray | None:
        """Silence up to sample ``target``: a device that is gone or not yet
        delivering (reported by the recorder, not as a gap), or the end."""
        missing = target - self.position
        if missing <= 0:
            return None
        return self._silence(missing, record_gap=False)

    def restart(self) -> None:
        """After a pause or a device change: a new stream, placed afresh."""
        self._deviation = 0.0
        self._resampler = None
        self._in_rate = 0
        self._stream_samples = 0
        self._starts.clear()
        self._held = []
        self._placed_audio = False

    def _silence(self, length: int, *, record_gap: bool) -> np.ndarray:
        if record_gap:
            self.gaps.append(Gap(self.position / OUT_RATE, length / OUT_RATE))
        self.position += length
        return np.zeros(length, dtype=np.float32)

    def _resample(self, block: CapturedBlock) -> np.ndarray:
        samples = np.asarray(block.samples, dtype=np.float32)
        if block.sample_rate == OUT_RATE:
            return samples
        import soxr

        if self._resampler is None or self._in_rate != block.sample_rate:
            self._resampler = soxr.ResampleStream(
                block.sample_rate, OUT_RATE, 1, dtype="float32", quality="HQ"
            )
            self._in_rate = block.sample_rate
        out: np.ndarray = self._resampler.resample_chunk(samples)  # type: ignore[attr-defined]
        return out

    def _correct_drift(self, audio: np.ndarray) -> np.ndarray:
        if abs(self._deviation) < DEADBAND_S * OUT_RATE or len(audio) < 2:
            return audio
        limit = max(1, int(len(audio) * MAX_STRETCH))
        adjust = int(max(-limit, min(limit, round(self._deviation))))
        if adjust == 0:
            return audio
        self._deviation -= adjust
        length = len(audio) + adjust
        positions = np.linspace(0, len(audio) - 1, length)
        stretched: np.ndarray = np.interp(positions, np.arange(len(audio)), audio)
        return stretched.astype(np.float32)
