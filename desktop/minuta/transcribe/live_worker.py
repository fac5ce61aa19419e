"""The live transcriber's own process: a native crash or a cancel there cannot take the
recording, or the app, down with it.

Messages in (from :class:`~.live.LiveTranscriber`):
``("audio", channel, start_sample, int16 bytes)``, ``("finish",)``.
Messages out: ``("ready", load_s)``, ``("update", LiveUpdate)``,
``("status", LiveStatus)``, ``("finished",)``, ``("error", text)``.

The process ends when the recording ends (``finish``), or when the parent is
gone (its end of the pipe closes), so it never outlives the app.
"""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from minuta.core.models import ChannelKind
from minuta.transcribe.streaming import LiveUpdate, StreamingPolicy

if TYPE_CHECKING:  # imported in the worker process only: it loads faster-whisper
    from minuta.transcribe.live_engine import LiveEngine

_STATUS_EVERY_S = 0.5
_IDLE_WAIT_S = 0.05


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    model_path: Path
    model_name: str
    channels: tuple[ChannelKind, ...]
    language: str | None
    policy: StreamingPolicy
    device: str = "cpu"
    compute_type: str = "int8"
    cpu_threads: int = 2


def run(inbox: Connection, outbox: Connection, config: WorkerConfig) -> None:
    # Ctrl+C in a terminal reaches the whole process group; the recorder decides
    # when live transcription ends (it flushes the last phrase first).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A spawned process starts with no logging set up: the app's redacted handlers
    # (and MINUTA_LOG_LEVEL / MINUTA_LOG_FILE, inherited) apply here too.
    from minuta.logs import configure_logging

    configure_logging()
    from minuta.transcribe.live_engine import LiveDecoder, LiveEngine

    started = time.monotonic()
    decoder = LiveDecoder(
        config.model_path,
        device=config.device,
        compute_type=config.compute_type,
        cpu_threads=config.cpu_threads,
    )
    try:
        decoder.load()
    except Exception as exc:  # noqa: BLE001 - any load failure is reported, not raised
        outbox.send(("error", f"The model {config.model_name!r} could not be loaded: {exc}"))
        return
    outbox.send(("ready", time.monotonic() - started))
    engine = LiveEngine(decoder, config.channels, policy=config.policy, language=config.language)
    next_status = 0.0
    try:
        while True:
            finishing = _take_messages(inbox, engine, outbox)
            if finishing:
                _send_all(outbox, engine.finish())
                outbox.send(("status", engine.status()))
                outbox.send(("finished",))
                return
            worked, updates = engine.step()
            _send_all(outbox, updates)
            now = time.monotonic()
            if now >= next_status:
                next_status = now + _STATUS_EVERY_S
                outbox.send(("status", engine.status()))
            if not worked:
                inbox.poll(_IDLE_WAIT_S)
    except (EOFError, BrokenPipeError, OSError):
        return  # the parent is gone: nothing left to transcribe for


def _take_messages(inbox: Connection, engine: LiveEngine, outbox: Connection) -> bool:
    while inbox.poll(0):
        message = inbox.recv()
        if message[0] == "finish":
            return True
        if message[0] == "audio":
            _, channel, start_sample, data = message
            samples = np.frombuffer(data, dtype=np.int16).astype(np.float32) / 32768.0
            kind = ChannelKind(channel)
            _send_all(outbox, engine.push(kind, start_sample / 16_000, samples))
    return False


def _send_all(outbox: Connection, updates: list[LiveUpdate]) -> None:
    for update in updates:
        if update.closed or update.confirmed_text or update.tentative_text or update.deferred:
            outbox.send(("update", update))
