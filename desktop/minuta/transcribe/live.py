"""Live transcription during a recording, from the recorder's side.

:meth:`LiveTranscriber.feed` is called by the recorder for every piece of
audio it writes. It never blocks and never raises: the pieces go into a
bounded queue, a feeder thread passes them to the worker process
(:mod:`.live_worker`), and a reader thread collects what comes back. If the
worker cannot keep up, the queue fills, pieces are dropped *for the live
text only* (the recording has them) and the worker leaves that stretch to the
final pass. If the worker dies, the recording goes on and the status says so.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from minuta.core.models import ChannelKind, Segment
from minuta.transcribe.catalogue import ResolvedModel
from minuta.transcribe.live_engine import LiveState, LiveStatus
from minuta.transcribe.live_worker import WorkerConfig, run
from minuta.transcribe.streaming import LiveUpdate, StreamingPolicy

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
_QUEUE_S = 60.0  # audio the feeder holds while the worker is busy, per channel
_PIECE_S = 0.02  # the recorder's pieces are at least this long (queue sizing)
_COALESCE_S = 0.25  # pieces are sent to the worker in messages of up to this much

_CRASHED = (
    "Live transcription stopped unexpectedly. The recording goes on; the transcript "
    "is made when the recording ends."
)


class LiveTranscriber:
    def __init__(
        self,
        model: ResolvedModel,
        channels: tuple[ChannelKind, ...],
        *,
        language: str | None = None,
        policy: StreamingPolicy | None = None,
        cpu_threads: int = 2,
        device: str = "cpu",
        compute_type: str = "int8",
    ) -> None:
        self.config = WorkerConfig(
            model.path,
            model.name,
            channels,
            language,
            policy or StreamingPolicy(),
            device,
            compute_type,
            cpu_threads,
        )
        limit = int(_QUEUE_S / _PIECE_S) * len(channels)
        self._pieces: queue.Queue[tuple[ChannelKind, int, np.ndarray] | None] = queue.Queue(limit)
        self._fed = dict.fromkeys(channels, 0)  # samples fed per channel
        self._lock = threading.Lock()
        self._closed: list[Segment] = []
        self._status = LiveStatus(LiveState.STARTING)
        self._finished = threading.Event()
        self._changed = threading.Condition(self._lock)
        self._dropped_s = 0.0
        self._process: Any = None
        self._to_worker: Any = None
        self._from_worker: Any = None
        self._threads: list[threading.Thread] = []

    # --- lifecycle ----------------------------------------------------------------

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        worker_in, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, worker_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=run, args=(worker_in, worker_out, self.config), name="minuta-live", daemon=True
        )
        self._process.start()
        worker_in.close()
        worker_out.close()
        for target, name in ((self._feed_worker, "live-feed"), (self._read_worker, "live-read")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def finish(self, timeout: float = 20.0) -> bool:
        """Flush the last phrases and end the worker; False if it had to be stopped."""
        with contextlib.suppress(queue.Full):
            self._pieces.put(None, timeout=1.0)
        done = self._finished.wait(timeout)
        self.close()
        return done

    def close(self) -> None:
        """End the worker now (a cancel, or after :meth:`finish`)."""
        if self._process is None:
            return
        with contextlib.suppress(queue.Full):
            self._pieces.put_nowait(None)
        self._process.join(timeout=2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=2.0)
        for connection in (self._to_worker, self._from_worker):
            with contextlib.suppress(OSError):
                connection.close()

    # --- audio in (the recorder's thread) -------------------------------------------

    def feed(self, channel: ChannelKind, samples: np.ndarray) -> None:
        start = self._fed[channel]
        self._fed[channel] = start + len(samples)
        if self._finished.is_set():
            return
        try:
            self._pieces.put_nowait((channel, start, samples))
        except queue.Full:
            with self._lock:
                self._dropped_s += len(samples) / SAMPLE_RATE

    # --- results (any thread) -------------------------------------------------------

    @property
    def status(self) -> LiveStatus:
        with self._lock:
            return self._status

    def take_closed(self) -> list[Segment]:
        """Lines confirmed since the last call, to be stored."""
        with self._lock:
            closed, self._closed = self._closed, []
        return closed

    def wait_until(self, condition: Callable[[LiveStatus, int], bool], timeout: float) -> bool:
        """Wait until ``condition(status, lines confirmed and not yet taken)`` holds."""
        with self._changed:
            return self._changed.wait_for(
                lambda: condition(self._status, len(self._closed)), timeout
            )

    # --- threads --------------------------------------------------------------------

    def _feed_worker(self) -> None:
        # (channel, first sample, pieces, samples) gathered for one message
        pending: tuple[ChannelKind, int, list[np.ndarray], int] | None = None
        try:
            while True:
                if pending is None:
                    item = self._pieces.get()
                else:
                    try:
                        item = self._pieces.get_nowait()
                    except queue.Empty:
                        self._send(pending)
                        pending = None
                        continue
                if item is None:
                    if pending is not None:
                        self._send(pending)
                    self._to_worker.send(("finish",))
                    return
                channel, start, samples = item
                if pending is not None and (
                    pending[0] != channel
                    or pending[1] + pending[3] != start
                    or pending[3] >= _COALESCE_S * SAMPLE_RATE
                ):
                    self._send(pending)
                    pending = None
                if pending is None:
                    pending = (channel, start, [samples], len(samples))
                else:
                    pending[2].append(samples)
                    pending = (channel, pending[1], pending[2], pending[3] + len(samples))
        except (OSError, EOFError, ValueError):
            return  # the worker is gone; the reader reports it

    def _send(self, pending: tuple[ChannelKind, int, list[np.ndarray], int]) -> None:
        channel, start, pieces, _ = pending
        audio = np.clip(np.concatenate(pieces), -1.0, 1.0)
        data = (audio * 32767.0).astype(np.int16).tobytes()
        self._to_worker.send(("audio", channel.value, start, data))

    def _read_worker(self) -> None:
        try:
            while True:
                message = self._from_worker.recv()
                self._handle(message)
                if message[0] in ("finished", "error"):
                    return
        except (EOFError, OSError):
            if not self._finished.is_set():
                log.warning("live transcription worker ended unexpectedly")
                with self._lock:
                    self._status = LiveStatus(LiveState.FAILED, message=_CRASHED)
                    self._changed.notify_all()
                self._finished.set()

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        with self._lock:
            if kind == "ready":
                self._status = LiveStatus(LiveState.LIVE)
            elif kind == "update":
                update: LiveUpdate = message[1]
                self._closed.extend(update.closed)
            elif kind == "status":
                status: LiveStatus = message[1]
                if self._dropped_s:
                    status = replace(status, deferred_s=status.deferred_s + self._dropped_s)
                self._status = status
            elif kind == "error":
                self._status = LiveStatus(LiveState.FAILED, message=str(message[1]))
            elif kind == "finished":
                self._status = replace(self._status, state=LiveState.FINISHED)
            self._changed.notify_all()
        if kind in ("finished", "error"):
            self._finished.set()
