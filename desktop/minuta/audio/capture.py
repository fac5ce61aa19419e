"""The capture interface every platform backend implements.

A backend lists devices with stable ids and opens capture streams on them. A
stream delivers :class:`CapturedBlock` objects to a callback from its own
thread, as soon as audio arrives; it never blocks on the rest of the app. What
the recorder needs from a block is its samples (mono float32 at the device's
rate) and *when* its last sample was captured, on the ``time.monotonic`` clock,
so that channels from two devices with two clocks can be laid on one timeline.

Microphones are devices of kind ``MICROPHONE``; outputs whose sound can be
captured (the "call audio": a PulseAudio monitor, a WASAPI loopback, a
ScreenCaptureKit display) are devices of kind ``OUTPUT``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np


class DeviceKind(StrEnum):
    MICROPHONE = "microphone"
    OUTPUT = "output"


@dataclass(frozen=True, slots=True)
class AudioDevice:
    """A capturable device.

    ``id`` is stable across restarts and replugging (a PulseAudio name, a
    PortAudio host-API + device name), prefixed by the backend's name, so a
    remembered choice finds the same device again.
    """

    id: str
    name: str
    kind: DeviceKind
    is_default: bool = False
    sample_rate: int = 48_000


@dataclass(frozen=True, slots=True)
class CapturedBlock:
    samples: np.ndarray  # mono float32 at ``sample_rate``
    sample_rate: int
    end_time: float  # time.monotonic() at which the last sample was captured
    overflow: bool = False  # the device or driver dropped input before this block
    # False when the block had been waiting in a buffer (its end_time is then only
    # an upper bound); the timeline places such blocks by sample count.
    timing_exact: bool = True


BlockCallback = Callable[[CapturedBlock], None]
ErrorCallback = Callable[[Exception], None]


class CaptureError(Exception):
    """A device could not be opened or stopped delivering; ``str()`` is for users."""


class SoundSystemPart(StrEnum):
    SERVER = "server"  # no PulseAudio or PipeWire server answers (Linux)
    LIBRARY = "library"  # the PortAudio library cannot be loaded


class SoundSystemUnavailableError(CaptureError):
    """Not one device but the sound system itself cannot be used; ``part`` says which."""

    def __init__(self, message: str, part: SoundSystemPart) -> None:
        super().__init__(message)
        self.part = part


class CaptureStream(Protocol):
    @property
    def device(self) -> AudioDevice: ...

    def close(self) -> None:
        """Stop delivering blocks; safe to call twice and from any thread."""


class CaptureBackend(Protocol):
    name: str

    def devices(self, kind: DeviceKind) -> list[AudioDevice]: ...

    def default_device(self, kind: DeviceKind) -> AudioDevice | None: ...

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> CaptureStream:
        """Start capturing ``device``; raises :class:`CaptureError` if it cannot."""
        ...


def name_os_thread(name: str) -> None:
    """Give the calling thread a name the OS shows (top -H, /proc), on Linux.

    Python's thread names stay inside Python; with this, CPU use can be told
    apart per thread (capture, recorder) by tools and by the benchmarks.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def to_mono(frames: np.ndarray) -> np.ndarray:
    """Average a (frames, channels) or flat array to mono float32."""
    data = np.asarray(frames, dtype=np.float32)
    if data.ndim == 2 and data.shape[1] > 1:
        mono: np.ndarray = data.mean(axis=1, dtype=np.float32)
        return mono
    return data.reshape(-1)


@dataclass(frozen=True, slots=True)
class DeviceList:
    """Microphones and outputs as the sound system lists them now."""

    microphones: tuple[AudioDevice, ...] = ()
    outputs: tuple[AudioDevice, ...] = ()
    problem: str | None = None  # the sound system's words when it could not list them
    unavailable: SoundSystemPart | None = None  # set when the sound system itself is missing


def list_devices(backend: Callable[[], CaptureBackend]) -> DeviceList:
    """Ask ``backend()`` for its devices (slow: it asks the sound server)."""
    try:
        source = backend()
        return DeviceList(
            tuple(source.devices(DeviceKind.MICROPHONE)), tuple(source.devices(DeviceKind.OUTPUT))
        )
    except SoundSystemUnavailableError as exc:
        return DeviceList(problem=str(exc), unavailable=exc.part)
    except CaptureError as exc:
        return DeviceList(problem=str(exc))


def find_device(backend: CaptureBackend, kind: DeviceKind, device_id: str) -> AudioDevice:
    for device in backend.devices(kind):
        if device.id == device_id:
            return device
    known = ", ".join(d.id for d in backend.devices(kind)) or "none"
    raise CaptureError(
        f"There is no {kind.value} with the id {device_id!r} right now (plugged out?). "
        f"Available: {known}. `minuta devices` lists them."
    )
