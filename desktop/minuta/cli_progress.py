"""A terminal progress bar with elapsed time and ETA, one line per stage."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from minuta.core.timecode import clock

_WIDTH = 28
_REDRAW_S = 0.1


class ProgressBar:
    """Draws ``Stage  [#####-----]  42%  00:12 elapsed  ETA 00:17`` on a terminal.

    On a non-terminal stream (a log, a pipe) it prints one line when a stage
    starts and one when it ends, never carriage returns.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._tty = self._stream.isatty()
        self._stage: str | None = None
        self._stage_start = 0.0
        self._last_draw = 0.0
        self._last_fraction: float | None = None

    def update(self, stage: str, done: float, total: float | None) -> None:
        now = time.monotonic()
        if stage != self._stage:
            self._finish_stage()
            self._stage, self._stage_start, self._last_draw = stage, now, 0.0
            if not self._tty:
                self._stream.write(f"{stage}…\n")
                self._stream.flush()
        fraction = None if not total else max(0.0, min(1.0, done / total))
        self._last_fraction = fraction
        if self._tty and (now - self._last_draw >= _REDRAW_S or fraction == 1.0):
            self._last_draw = now
            self._draw(now, fraction)

    def close(self) -> None:
        self._finish_stage()

    def _finish_stage(self) -> None:
        if self._stage is None:
            return
        if self._tty:
            self._draw(time.monotonic(), 1.0 if self._last_fraction is not None else None)
            self._stream.write("\n")
        self._stream.flush()
        self._stage = None

    def _draw(self, now: float, fraction: float | None) -> None:
        elapsed = now - self._stage_start
        label = f"{self._stage:<18}"
        if fraction is None:
            line = f"\r{label} {clock(elapsed)} elapsed"
        else:
            filled = int(_WIDTH * fraction)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            eta = ""
            if 0.02 < fraction < 1.0 and elapsed > 0.5:
                eta = f"  ETA {clock(elapsed / fraction * (1 - fraction))}"
            line = f"\r{label} [{bar}] {fraction * 100:3.0f}%  {clock(elapsed)} elapsed{eta}"
        self._stream.write(line.ljust(80))
        self._stream.flush()
