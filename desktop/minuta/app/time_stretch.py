"""Changing speech's speed without changing its pitch: WSOLA, in NumPy.

Waveform-similarity overlap-add (Verhelst & Roelands, 1993): the output is
built from frames of the input laid down at the output's pace; each frame is
taken from where, within a small tolerance, it best continues the one before,
so the waveform stays smooth and the voice keeps its pitch. Cheap enough to run
in an audio callback: a second of output costs a few milliseconds.
"""

from __future__ import annotations

import numpy as np


class TimeStretcher:
    """WSOLA: overlap-add frames of the input at the output's pace, each shifted a little
    (within ``TOLERANCE``) to where it best continues the previous one, so the waveform
    stays smooth and the pitch stays put.

    Streaming: :meth:`push` input, :meth:`pull` whole output hops. ``speed`` may
    change between hops; the next hop uses it.
    """

    FRAME = 640  # 40 ms: long enough for a low voice's period, short enough not to smear
    HOP = FRAME // 2  # output hop; a periodic Hann window at 50 % overlap sums to one
    TOLERANCE = 160  # ±10 ms search for the best-matching frame

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        n = np.arange(self.FRAME)
        self._window = (0.5 - 0.5 * np.cos(2 * np.pi * n / self.FRAME)).astype(np.float32)
        self.reset()

    def reset(self) -> None:
        self._input = np.zeros(0, dtype=np.float32)
        self._offset = 0  # input index of self._input[0]
        self._ideal = 0.0  # where the next frame would start at this speed
        self._previous: int | None = None  # where the previous frame actually started
        self._ola = np.zeros(self.FRAME, dtype=np.float32)
        self.consumed = 0.0  # input samples that the output so far stands for

    def push(self, samples: np.ndarray) -> None:
        self._input = np.concatenate((self._input, np.asarray(samples, dtype=np.float32)))

    @property
    def buffered_end(self) -> int:
        """Input index one past the last sample pushed."""
        return self._offset + len(self._input)

    def needed(self) -> int:
        """Input index the next hop needs to have been pushed up to."""
        ideal = round(self._ideal)
        need = ideal + self.TOLERANCE + self.FRAME
        if self._previous is not None:
            need = max(need, self._previous + self.HOP + self.FRAME)
        return need

    def pull(self, limit: int | None = None) -> np.ndarray:
        """Output hops, as many as the input pushed so far allows (up to ``limit`` samples,
        rounded up to a whole hop: what is made at one speed is not kept for the next)."""
        hops: list[np.ndarray] = []
        while self.buffered_end >= self.needed():
            if limit is not None and len(hops) * self.HOP >= limit:
                break
            hops.append(self._hop())
        self._trim()
        return np.concatenate(hops) if hops else np.zeros(0, dtype=np.float32)

    def _slice(self, start: int, length: int) -> np.ndarray:
        begin = start - self._offset
        return self._input[begin : begin + length]

    def _hop(self) -> np.ndarray:
        analysis = round(self._ideal) if self.speed != 1.0 else None
        if self._previous is None:
            start = round(self._ideal)
        elif analysis is None:
            # At normal speed the natural continuation is the input itself: copy exactly.
            start = self._previous + self.HOP
        else:
            template = self._slice(self._previous + self.HOP, self.FRAME)
            low = max(self._offset, analysis - self.TOLERANCE)
            region = self._slice(low, analysis + self.TOLERANCE + self.FRAME - low)
            score = np.correlate(region, template, mode="valid")
            start = low + int(np.argmax(score))
        self._ola += self._slice(start, self.FRAME) * self._window
        out = self._ola[: self.HOP].copy()
        self._ola[: self.HOP] = self._ola[self.HOP :]
        self._ola[self.HOP :] = 0.0
        self._previous = start
        hop_in = self.HOP * self.speed
        self._ideal = (start if analysis is None else self._ideal) + hop_in
        self.consumed += hop_in
        return out

    def _trim(self) -> None:
        keep_from = round(self._ideal) - self.TOLERANCE
        if self._previous is not None:
            keep_from = min(keep_from, self._previous + self.HOP)
        drop = keep_from - self._offset
        if drop > 4 * self.FRAME:
            self._input = self._input[drop:]
            self._offset += drop


def stretch(samples: np.ndarray, speed: float) -> np.ndarray:
    """All of ``samples`` at ``speed`` (a whole-signal helper around :class:`TimeStretcher`)."""
    stretcher = TimeStretcher(speed)
    stretcher.push(np.asarray(samples, dtype=np.float32))
    out = [stretcher.pull()]
    # Silence after the end lets the last frames out; the output is cut to the input's length.
    stretcher.push(np.zeros(3 * TimeStretcher.FRAME, dtype=np.float32))
    out.append(stretcher.pull())
    length = round(len(samples) / speed)
    return np.concatenate(out)[:length]
