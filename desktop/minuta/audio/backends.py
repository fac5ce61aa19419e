"""Choosing the capture backend for this platform.

* Linux: PulseAudio's API (which PipeWire's pulse server also provides) for
  microphones and for the monitors of outputs; without a sound server, PortAudio
  microphones only.
* Windows: PortAudio microphones, WASAPI loopback for outputs.
* macOS: PortAudio microphones, ScreenCaptureKit (or a loopback device such as
  BlackHole) for outputs.
"""

from __future__ import annotations

import sys

from minuta.audio.capture import (
    AudioDevice,
    BlockCallback,
    CaptureBackend,
    CaptureStream,
    DeviceKind,
    ErrorCallback,
)


class CompositeBackend:
    """Microphones from one backend, capturable outputs from another."""

    name = "composite"

    def __init__(self, microphones: CaptureBackend, outputs: CaptureBackend) -> None:
        self._by_kind = {DeviceKind.MICROPHONE: microphones, DeviceKind.OUTPUT: outputs}

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        return self._by_kind[kind].devices(kind)

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return self._by_kind[kind].default_device(kind)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> CaptureStream:
        return self._by_kind[device.kind].open(device, on_block, on_error)


def system_backend() -> CaptureBackend:
    from minuta.audio.sounddevice_backend import SoundDeviceBackend

    if sys.platform.startswith("linux"):
        from minuta.audio.pulse_backend import PulseBackend, pulse_available

        if pulse_available():
            return PulseBackend()
        return SoundDeviceBackend()
    if sys.platform == "win32":
        from minuta.audio.windows_loopback import WasapiLoopbackBackend

        return CompositeBackend(SoundDeviceBackend(), WasapiLoopbackBackend())
    if sys.platform == "darwin":
        from minuta.audio.macos_capture import MacOutputsBackend

        return CompositeBackend(SoundDeviceBackend(), MacOutputsBackend())
    return SoundDeviceBackend()
