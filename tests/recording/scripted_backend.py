"""A capture backend for the recorder's own logic: Minuta's interface, scripted.

Each stream delivers 20 ms blocks in real time from its own thread, as real
backends do, until the test makes it go quiet (a PortAudio device that was
unplugged), fail (a PulseAudio read error), or the default device changes.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np

from minuta.audio.capture import AudioDevice, CapturedBlock, CaptureError, DeviceKind

RATE = 16_000
BLOCK = 320


@dataclass
class Script:
    level: float = 0.0  # amplitude of the tone delivered
    quiet: bool = False  # stop delivering without telling anyone
    overflow_every: int = 0


class ScriptedStream:
    def __init__(self, device, script, on_block, on_error):
        self.device = device
        self._script, self._on_block, self._on_error = script, on_block, on_error
        self._stop = threading.Event()
        self.fail = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        tone = np.sin(np.arange(BLOCK) * 2 * np.pi * 300 / RATE).astype(np.float32)
        n = 0
        next_at = time.monotonic()
        while not self._stop.is_set():
            next_at += BLOCK / RATE
            self._stop.wait(max(0.0, next_at - time.monotonic()))
            if self.fail.is_set():
                self._on_error(CaptureError("read failed"))
                return
            if self._script.quiet:
                continue
            n += 1
            overflow = bool(self._script.overflow_every) and n % self._script.overflow_every == 0
            self._on_block(
                CapturedBlock(tone * self._script.level, RATE, time.monotonic(), overflow)
            )

    def close(self) -> None:
        self._stop.set()


@dataclass
class ScriptedBackend:
    name: str = "scripted"
    microphones: list[AudioDevice] = field(
        default_factory=lambda: [
            AudioDevice("s:mic-a", "Mic A", DeviceKind.MICROPHONE, True, RATE),
            AudioDevice("s:mic-b", "Mic B", DeviceKind.MICROPHONE, False, RATE),
        ]
    )
    outputs: list[AudioDevice] = field(
        default_factory=lambda: [
            AudioDevice("s:out", "Speakers", DeviceKind.OUTPUT, True, RATE),
        ]
    )
    scripts: dict[str, Script] = field(default_factory=dict)
    streams: list[ScriptedStream] = field(default_factory=list)

    def script(self, device_id: str) -> Script:
        return self.scripts.setdefault(device_id, Script())

    def devices(self, kind):
        return list(self.microphones if kind is DeviceKind.MICROPHONE else self.outputs)

    def default_device(self, kind):
        return next((d for d in self.devices(kind) if d.is_default), None)

    def make_default(self, device_id: str) -> None:
        self.microphones = [
            AudioDevice(d.id, d.name, d.kind, d.id == device_id, d.sample_rate)
            for d in self.microphones
        ]

    def open(self, device, on_block, on_error):
        if device.id not in {d.id for d in self.devices(device.kind)}:
            raise CaptureError(f"{device.name} is not connected")
        stream = ScriptedStream(device, self.script(device.id), on_block, on_error)
        self.streams.append(stream)
        return stream


class MemorySink:
    def __init__(self, fail_after_s: float | None = None) -> None:
        self.samples = 0
        self.finished = False
        self.aborted = False
        self._fail_after = None if fail_after_s is None else int(fail_after_s * RATE)

    def write(self, samples: np.ndarray) -> None:
        if self._fail_after is not None and self.samples + len(samples) > self._fail_after:
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")
        self.samples += len(samples)

    def finish(self) -> float:
        self.finished = True
        return self.samples / RATE

    def abort(self) -> None:
        self.aborted = True


class MemoryJournal:
    def __init__(self) -> None:
        self.events: list[dict] = []
        self.final: bool | None = None

    def append(self, event: dict) -> None:
        self.events.append(event)

    def close(self, *, final: bool) -> None:
        self.final = final
