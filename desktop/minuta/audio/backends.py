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
    SoundSystemPart,
    SoundSystemUnavailableError,
)

NO_SOUND_SERVER = (
    "No PulseAudio or PipeWire sound server answers, and no other microphone was found. "
    "Check that sound works in other programs (log out and back in if it does not), then "
    "try again."
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


class WithoutSoundServer:
    """Linux with no PulseAudio or PipeWire server: PortAudio's (ALSA's) microphones.

    Where ALSA has none either, or for the call audio (which only the sound
    server can capture), it says that the sound server is missing, not that a
    device is.
    """

    name = "sounddevice"

    def __init__(self, microphones: CaptureBackend) -> None:
        self._microphones = microphones

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        if kind is not DeviceKind.MICROPHONE:
            return []
        try:
            found = self._microphones.devices(kind)
        except SoundSystemUnavailableError as exc:
            raise SoundSystemUnavailableError(NO_SOUND_SERVER, SoundSystemPart.SERVER) from exc
        if not found:
            raise SoundSystemUnavailableError(NO_SOUND_SERVER, SoundSystemPart.SERVER)
        return found

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        if kind is not DeviceKind.MICROPHONE:
            raise SoundSystemUnavailableError(NO_SOUND_SERVER, SoundSystemPart.SERVER)
        devices = self.devices(kind)
        return next((d for d in devices if d.is_default), None)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> CaptureStream:
        return self._microphones.open(device, on_block, on_error)


def system_backend() -> CaptureBackend:
    from minuta.audio.sounddevice_backend import SoundDeviceBackend

    if sys.platform.startswith("linux"):
        from minuta.audio.pulse_backend import PulseBackend, pulse_available

        if pulse_available():
            return PulseBackend()
        return WithoutSoundServer(SoundDeviceBackend())
    if sys.platform == "win32":
        from minuta.audio.windows_loopback import WasapiLoopbackBackend

        return CompositeBackend(SoundDeviceBackend(), WasapiLoopbackBackend())
    if sys.platform == "darwin":
        from minuta.audio.macos_capture import MacOutputsBackend

        return CompositeBackend(SoundDeviceBackend(), MacOutputsBackend())
    return SoundDeviceBackend()
