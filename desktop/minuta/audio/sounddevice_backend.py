"""Microphones through PortAudio (python-sounddevice): every platform.

PortAudio has no "device gone" callback; a stream on an unplugged device simply
stops calling back. The recorder's watchdog notices the silence of the stream
(no blocks) within two seconds. Input overflows are flagged per block.

Device ids are ``sd:<host API>:<device name>``: PortAudio's indexes change
when devices come and go, names do not.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np

from minuta.audio.capture import (
    AudioDevice,
    BlockCallback,
    CapturedBlock,
    CaptureError,
    DeviceKind,
    ErrorCallback,
    SoundSystemPart,
    SoundSystemUnavailableError,
    to_mono,
)

BLOCK_S = 0.02
_PREFIX = "sd:"


def _sounddevice() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # the PortAudio library itself is missing
        raise SoundSystemUnavailableError(
            f"PortAudio is not available: {exc}", SoundSystemPart.LIBRARY
        ) from exc
    return sounddevice


class SoundDeviceBackend:
    """PortAudio input devices as microphones."""

    name = "sounddevice"

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        if kind is not DeviceKind.MICROPHONE:
            return []
        sd = _sounddevice()
        hostapis = sd.query_hostapis()
        try:
            default_input = int(sd.default.device[0])
        except (TypeError, ValueError):
            default_input = -1
        found = []
        for info in sd.query_devices():
            if info["max_input_channels"] < 1:
                continue
            api = hostapis[info["hostapi"]]["name"]
            found.append(
                AudioDevice(
                    id=f"{_PREFIX}{api}:{info['name']}",
                    name=info["name"],
                    kind=kind,
                    is_default=info["index"] == default_input,
                    sample_rate=int(info["default_samplerate"]),
                )
            )
        return found

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return next((d for d in self.devices(kind) if d.is_default), None)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> SoundDeviceStream:
        return SoundDeviceStream(device, on_block, on_error)


def _index_of(sd: Any, device_id: str) -> int:
    hostapis = sd.query_hostapis()
    for info in sd.query_devices():
        api = hostapis[info["hostapi"]]["name"]
        if f"{_PREFIX}{api}:{info['name']}" == device_id and info["max_input_channels"] > 0:
            return int(info["index"])
    raise CaptureError(f"The microphone {device_id!r} is not connected.")


class SoundDeviceStream:
    def __init__(self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback):
        sd = _sounddevice()
        self._device = device
        self._on_block = on_block
        self._closed = threading.Event()
        self._lock = threading.Lock()
        rate = device.sample_rate
        try:
            self._stream = sd.InputStream(
                device=_index_of(sd, device.id),
                samplerate=rate,
                channels=1,
                dtype="float32",
                blocksize=int(rate * BLOCK_S),
                callback=self._callback,
            )
            self._stream.start()
        except sd.PortAudioError as exc:
            raise CaptureError(f"Could not open {device.name}: {exc}") from exc
        self._latency = float(self._stream.latency)
        self._rate = rate
        # ``on_error`` is not needed: PortAudio never calls back about a lost device,
        # it just stops delivering, which the recorder's watchdog notices.

    @property
    def device(self) -> AudioDevice:
        return self._device

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if self._closed.is_set():
            return
        block = CapturedBlock(
            samples=to_mono(indata).copy(),
            sample_rate=self._rate,
            end_time=time.monotonic() - self._latency,
            overflow=bool(status.input_overflow),
        )
        self._on_block(block)

    def close(self) -> None:
        with self._lock:
            if self._closed.is_set():
                return
            self._closed.set()
            try:
                self._stream.stop(ignore_errors=True)
                self._stream.close(ignore_errors=True)
            except Exception:  # noqa: BLE001, S110 - a vanished device cannot be closed cleanly
                pass
