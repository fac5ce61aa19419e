"""Linux capture through PulseAudio's API, which PipeWire's pulse server also speaks.

Devices come from ``pulsectl``: microphones are sources that monitor no sink,
outputs are sinks, captured through their ``.monitor`` source. Ids are the
PulseAudio names (``alsa_input.usb-Jabra…``), which survive replugging and
restarts. Audio is read with the "simple" API (``pasimple``) in one thread per
stream: float32, mono (PulseAudio downmixes), at the device's own rate, in
20 ms fragments. A read that fails (device unplugged, server gone) ends the
stream and is reported through ``on_error`` at once.

The reader thread owns its PulseAudio stream and frees it itself: freeing it
from another thread while a read is blocked in C would be a use-after-free.

When a source disappears, PulseAudio (and PipeWire) do not end the streams on
it: they move them to a fallback source — for a microphone stream possibly the
monitor of the call, which would record the far end as "me". The simple API
cannot forbid moving, so the reader checks twice a second that its stream is
still attached to the source it opened, and reports the device as lost if not.
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import numpy as np

from minuta.audio.capture import (
    AudioDevice,
    BlockCallback,
    CapturedBlock,
    CaptureError,
    DeviceKind,
    ErrorCallback,
    name_os_thread,
)

# The server-side fragment sets the stream's latency: keep it small, so that
# sources of different depth (a microphone, a monitor, a remapped source) reach
# us equally soon. Reads are larger: chunks are sealed every half second anyway,
# and fewer wake-ups keep the recorder's CPU use small.
SERVER_FRAGMENT_S = 0.01  # 10 ms: the channels line up within ~20 ms
FRAGMENT_S = 0.1
_CHECK_EVERY = 10  # fragments between checks that the stream was not moved (1 s)
_INVALID_INDEX = 0xFFFFFFFF
_PREFIX = "pulse:"
_MONITOR_SUFFIX = ".monitor"


def pulse_available() -> bool:
    """Whether a PulseAudio (or PipeWire-pulse) server answers."""
    try:
        with _PULSECTL, _connect():
            return True
    except Exception:  # noqa: BLE001 - no server, no library: either way not available
        return False


# pulsectl's connections (libpulse through ctypes) crashed the process when used
# from two threads at once (a device listing while a capture thread checked its
# stream): every use of one, from connecting to closing, holds this lock. Each
# use is a few milliseconds.
_PULSECTL = threading.RLock()


def _connect() -> Any:
    import pulsectl

    return pulsectl.Pulse("minuta", connect=True, threading_lock=True)


class PulseBackend:
    name = "pulse"

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        try:
            with _PULSECTL, _connect() as pulse:
                info = pulse.server_info()
                if kind is DeviceKind.MICROPHONE:
                    return [
                        AudioDevice(
                            id=_PREFIX + source.name,
                            name=source.description,
                            kind=kind,
                            is_default=source.name == info.default_source_name,
                            sample_rate=int(source.sample_spec.rate),
                        )
                        for source in pulse.source_list()
                        if source.monitor_of_sink == _INVALID_INDEX
                    ]
                return [
                    AudioDevice(
                        id=_PREFIX + sink.name,
                        name=sink.description,
                        kind=kind,
                        is_default=sink.name == info.default_sink_name,
                        sample_rate=int(sink.sample_spec.rate),
                    )
                    for sink in pulse.sink_list()
                ]
        except Exception as exc:  # pulsectl raises its own types and OS errors
            raise CaptureError(f"The sound server could not be asked for devices: {exc}") from exc

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        for device in self.devices(kind):
            if device.is_default:
                return device
        return None

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> PulseStream:
        if not device.id.startswith(_PREFIX):
            raise CaptureError(f"{device.id} is not a PulseAudio device")
        name = device.id[len(_PREFIX) :]
        source = name + _MONITOR_SUFFIX if device.kind is DeviceKind.OUTPUT else name
        return PulseStream(device, source, on_block, on_error)


class PulseStream:
    def __init__(
        self,
        device: AudioDevice,
        source: str,
        on_block: BlockCallback,
        on_error: ErrorCallback,
    ) -> None:
        self._device = device
        self._source = source
        self._on_block = on_block
        self._on_error = on_error
        self._stop = threading.Event()
        self._opened = threading.Event()
        self._open_error: Exception | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"capture-{device.kind.value}", daemon=True
        )
        self._thread.start()
        self._opened.wait(10)
        if self._open_error is not None:
            raise CaptureError(
                f"Could not open {device.name}: {self._open_error}"
            ) from self._open_error

    @property
    def device(self) -> AudioDevice:
        return self._device

    def close(self) -> None:
        self._stop.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)

    def _run(self) -> None:
        import pasimple

        name_os_thread(f"minuta-cap-{self._device.kind.value[:3]}")
        rate = self._device.sample_rate
        fragment = int(rate * FRAGMENT_S) * 4  # float32 mono
        name = f"Minuta {self._device.kind.value} {uuid.uuid4().hex[:8]}"
        try:
            stream = pasimple.PaSimple(
                pasimple.PA_STREAM_RECORD,
                pasimple.PA_SAMPLE_FLOAT32LE,
                1,
                rate,
                app_name="Minuta",
                stream_name=name,
                device_name=self._source,
                fragsize=int(rate * SERVER_FRAGMENT_S) * 4,
            )
            with _PULSECTL:
                control = _connect()
        except Exception as exc:  # noqa: BLE001 - the server refused: report why
            self._open_error = exc
            self._opened.set()
            return
        self._opened.set()
        reads = 0
        attachment = _Attachment(control, name, self._source)
        try:
            while not self._stop.is_set():
                if reads % _CHECK_EVERY == 0 and not attachment.intact():
                    raise CaptureError("the device was removed")
                reads += 1
                # pa_simple_read wakes for every packet the server sends (~100/s);
                # letting most of a fragment arrive first means one wake-up per read.
                if self._stop.wait(FRAGMENT_S * 0.8):
                    break
                asked = time.monotonic()
                data = stream.read(fragment)
                # The arrival time, not arrival minus pa_simple_get_latency(): the
                # reported latency is unreliable (see minuta.audio.timeline). It is
                # exact only if the read had to wait for the last of its audio.
                now = time.monotonic()
                samples = np.frombuffer(data, dtype=np.float32).copy()
                self._on_block(
                    CapturedBlock(samples, rate, end_time=now, timing_exact=now - asked > 0.002)
                )
        except Exception as exc:  # noqa: BLE001 - a failed read is a lost device
            if not self._stop.is_set():
                self._on_error(CaptureError(f"{self._device.name} stopped delivering audio: {exc}"))
        finally:
            stream.close()
            with _PULSECTL:
                control.close()


class _Attachment:
    """Whether our record stream is still on the source it was opened on."""

    def __init__(self, control: Any, stream_name: str, source_name: str) -> None:
        self._control = control
        self._stream_name = stream_name
        self._source_name = source_name
        self._source_index: int | None = None
        self._output_index: int | None = None

    def intact(self) -> bool:
        with _PULSECTL:
            return self._intact()

    def _intact(self) -> bool:
        try:
            if self._source_index is None:
                self._source_index = self._control.get_source_by_name(self._source_name).index
            if self._output_index is None:
                self._output_index = next(
                    (
                        o.index
                        for o in self._control.source_output_list()
                        if o.proplist.get("media.name") == self._stream_name
                    ),
                    None,
                )
                if self._output_index is None:
                    return True  # the server has not finished connecting it yet
            output = self._control.source_output_info(self._output_index)
        except Exception:  # noqa: BLE001 - pulsectl raises PulseIndexError for what is gone
            return False
        return bool(output.source == self._source_index)
