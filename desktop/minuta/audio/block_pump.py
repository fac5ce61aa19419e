"""Steady block delivery for capture APIs that go quiet when nothing plays.

WASAPI loopback and ScreenCaptureKit send *nothing* (not zeros) while the
computer plays nothing; the recorder's watchdog would take every quiet minute
of a call for a lost device. A :class:`BlockPump` stands between such an API
and the recorder: it hands captured audio over in order, fills silent stretches
with zeros on the monotonic clock, and reports the platform's failures once.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

import numpy as np

from minuta.audio.capture import BlockCallback, CapturedBlock, CaptureError, ErrorCallback

SILENCE_AFTER_S = 0.25  # well under the recorder's 1.5 s watchdog, above callback jitter
MAX_FILL_S = 2.0  # after a suspend, fill at most this much; the timeline pads the rest

Clock = Callable[[], float]


class BlockPump:
    """Hands blocks to ``on_block`` in order, fills silences, reports errors once.

    For loopbacks whose OS sends nothing while nothing plays (WASAPI, also
    ScreenCaptureKit). ``end_time`` never goes backwards. Delivery holds a
    re-entrant lock: ``on_block`` may call ``close()``, and no block starts being
    delivered after :meth:`close` returns.
    """

    def __init__(
        self,
        sample_rate: int,
        on_block: BlockCallback,
        on_error: ErrorCallback,
        *,
        latency: float = 0.0,
        clock: Clock = time.monotonic,
        silence_after: float = SILENCE_AFTER_S,
    ) -> None:
        self.sample_rate = sample_rate
        self._on_block = on_block
        self._on_error = on_error
        self.latency = latency  # seconds from capture to delivery
        self._clock = clock
        self._silence_after = silence_after
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._last_end = clock() - latency  # silence is owed from the moment of opening
        self._dead = False  # the platform reported a failure: no more filling
        self._reported: set[bool] = set()  # fatal / non-fatal errors reported once each
        self.overflows = 0
        self.watcher: threading.Thread | None = None

    @property
    def closed(self) -> bool:
        return self._stop.is_set()

    def emit(
        self, samples: np.ndarray, *, overflow: bool = False, end_time: float | None = None
    ) -> None:
        """Deliver captured audio; ``end_time`` defaults to now minus the latency."""
        if end_time is None:
            end_time = self._clock() - self.latency
        self._push(samples, end_time, overflow)

    def fill_silence(self) -> None:
        """Deliver zeros up to now if nothing arrived for ``silence_after`` seconds."""
        self._push(None, self._clock() - self.latency)

    def _push(self, samples: np.ndarray | None, end_time: float, overflow: bool = False) -> None:
        with self._lock:
            if self.closed or (samples is None and self._dead):
                return
            if samples is None:
                gap = end_time - self._last_end
                if gap < self._silence_after:
                    return
                samples = np.zeros(round(min(gap, MAX_FILL_S) * self.sample_rate), np.float32)
            end_time = max(end_time, self._last_end)
            self._last_end = end_time
            self.overflows += overflow
            try:
                self._on_block(CapturedBlock(samples, self.sample_rate, end_time, overflow))
                return
            except Exception as exc:  # noqa: BLE001 - must not kill the OS's audio thread
                error = exc
        self.fail(error, fatal=False)

    def fail(self, error: Exception, *, fatal: bool = True) -> None:
        """Report ``error`` to ``on_error`` (once per kind); fatal ones stop the filling."""
        with self._lock:
            self._dead = self._dead or fatal
            if self.closed or fatal in self._reported:
                return
            self._reported.add(fatal)
        with contextlib.suppress(Exception):  # called from OS threads: never raise there
            self._on_error(error)

    def check(self, alive: Callable[[], bool], lost: Callable[[], Exception]) -> bool:
        """One watcher step; False once the stream is gone (reported) or closed."""
        if self.closed or self._dead:
            return False
        try:
            ok = alive()
        except Exception as exc:  # noqa: BLE001 - the OS call failing means the same
            self.fail(exc)
            return False
        if not ok:
            self.fail(lost())
            return False
        self.fill_silence()
        return True

    def watch(
        self,
        interval: float | None,
        alive: Callable[[], bool] = lambda: True,
        lost: Callable[[], Exception] = lambda: CaptureError("The capture stream stopped."),
    ) -> None:
        """Run :meth:`check` every ``interval`` seconds on a daemon thread (None: never)."""
        if interval is None:
            return

        def loop() -> None:
            while not self._stop.wait(interval) and self.check(alive, lost):
                pass

        self.watcher = threading.Thread(target=loop, name="minuta-capture-watch", daemon=True)
        self.watcher.start()

    def close(self) -> None:
        with self._lock:  # waits for a block being delivered right now
            self._stop.set()
