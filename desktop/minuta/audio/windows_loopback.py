"""Windows: capture what the computer plays through WASAPI loopback (PyAudioWPatch).

python-sounddevice has no loopback yet; PyAudioWPatch (a PyAudio fork) lists each
WASAPI output a second time as an *input* named ``"<name> [Loopback]"`` with
``isLoopbackDevice`` set. Microphones are not listed here (sounddevice backend).

* WASAPI sends **nothing** (not zeros) while nothing plays: :class:`BlockPump`
  fills such stretches with silence, or the recorder's watchdog would call the
  device dead during every quiet minute.
* An unplugged or disabled device stops PortAudio's WASAPI thread without any
  callback: a watcher polls ``is_active()`` and reports it via ``on_error``.
* PortAudio's device list is a snapshot from initialisation; it is re-read when
  no stream is open (the shared ``PyAudio`` ends with the last stream).

Not yet verified on real hardware: tested against a fake that follows
PyAudioWPatch's documented contract (s0d3s/PyAudioWPatch: ``README.md``,
``examples/pawp_record_wasapi_loopback.py``, ``src/pyaudiowpatch/__init__.py``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from minuta.audio.block_pump import SILENCE_AFTER_S, BlockPump, Clock
from minuta.audio.capture import (
    AudioDevice,
    BlockCallback,
    CaptureError,
    DeviceKind,
    ErrorCallback,
    to_mono,
)

ID_PREFIX = "wasapi:"
LOOPBACK_SUFFIX = "[Loopback]"  # PA_WASAPI_LOOPBACK_NAME_IDENTIFICATOR in PortAudio
BLOCK_S = 0.02
WATCH_EVERY_S = 0.1


def load_pyaudiowpatch() -> Any:
    """Import PyAudioWPatch lazily: it only has Windows wheels."""
    import pyaudiowpatch

    return pyaudiowpatch


def display_name(name: str) -> str:
    """``"Speakers (Realtek(R) Audio) [Loopback]"`` -> ``"Speakers (Realtek(R) Audio)"``."""
    name = name.strip()
    if name.endswith(LOOPBACK_SUFFIX):
        name = name[: -len(LOOPBACK_SUFFIX)].rstrip()
    return name


class WasapiLoopbackBackend:
    """WASAPI loopback devices (what an output plays) as ``OUTPUT`` devices."""

    name = "wasapi"

    def __init__(
        self,
        loader: Callable[[], Any] = load_pyaudiowpatch,
        *,
        clock: Clock = time.monotonic,
        silence_after: float = SILENCE_AFTER_S,
        watch_interval: float | None = WATCH_EVERY_S,
    ) -> None:
        self._loader = loader
        self._clock = clock
        self._silence_after = silence_after
        self._watch_interval = watch_interval
        self._module: Any = None
        self._reason: str | None = None
        self._lock = threading.Lock()  # PortAudio initialise/terminate are not thread-safe
        self._pa: Any = None
        self._users = 0

    @property
    def unavailable_reason(self) -> str | None:
        """Why no devices are listed, in plain words; None when loopback capture works."""
        self.devices(DeviceKind.OUTPUT)  # listing finds out (and forgets a solved problem)
        return self._reason

    def _pyaudio(self) -> Any:
        if self._module is None:
            try:
                self._module = self._loader()
            except (ImportError, OSError) as exc:  # not installed, or its DLLs missing
                self._reason = (
                    "Recording what the computer plays needs PyAudioWPatch, which is not "
                    "installed (it exists for Windows only)."
                )
                raise CaptureError(self._reason) from exc
        return self._module

    def _acquire(self) -> Any:
        module = self._pyaudio()
        with self._lock:
            if self._pa is None:
                try:
                    self._pa = module.PyAudio()
                except OSError as exc:
                    raise CaptureError(f"Windows audio could not be started: {exc}") from exc
            self._users += 1
            return self._pa

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._pa is not None:
                pa, self._pa = self._pa, None
                with contextlib.suppress(OSError):
                    pa.terminate()

    def _loopbacks(self, pa: Any) -> list[tuple[AudioDevice, dict[str, Any]]]:
        try:
            pa.get_host_api_info_by_type(self._module.paWASAPI)
        except OSError as exc:
            self._reason = "WASAPI, the Windows audio interface, is not available here."
            raise CaptureError(self._reason) from exc
        try:
            default_index = int(pa.get_default_wasapi_loopback()["index"])
        except (OSError, LookupError, ValueError):  # no output device, or no loopback for it
            default_index = None
        found: list[tuple[AudioDevice, dict[str, Any]]] = []
        ids: set[str] = set()
        for info in pa.get_loopback_device_info_generator():
            name = display_name(str(info["name"]))
            device_id, n = ID_PREFIX + name, 2
            while device_id in ids:  # two identical endpoints: keep both reachable
                device_id, n = f"{ID_PREFIX}{name} ({n})", n + 1
            ids.add(device_id)
            device = AudioDevice(
                id=device_id,
                name=name,
                kind=DeviceKind.OUTPUT,
                is_default=info["index"] == default_index,
                sample_rate=int(info["defaultSampleRate"]),
            )
            found.append((device, info))
        self._reason = None if found else "Windows lists no output device to record from."
        return found

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        if kind is not DeviceKind.OUTPUT:
            return []  # microphones come from the sounddevice backend
        try:
            pa = self._acquire()
        except CaptureError:
            return []  # ``unavailable_reason`` says why
        try:
            return [device for device, _ in self._loopbacks(pa)]
        except CaptureError:
            return []
        finally:
            self._release()

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return next((d for d in self.devices(kind) if d.is_default), None)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> WasapiLoopbackStream:
        if device.kind is not DeviceKind.OUTPUT or not device.id.startswith(ID_PREFIX):
            raise CaptureError(f"{device.name!r} is not a Windows output device.")
        pa = self._acquire()
        try:
            info = next((i for d, i in self._loopbacks(pa) if d.id == device.id), None)
            if info is None:
                raise CaptureError(
                    f"The output device {device.name!r} is not connected right now "
                    "(unplugged or disabled in the Sound settings?)."
                )
            return WasapiLoopbackStream(
                self, pa=pa, info=info, device=device, on_block=on_block, on_error=on_error
            )
        except BaseException:
            self._release()
            raise


class WasapiLoopbackStream:
    """One loopback recording; blocks arrive on PortAudio's thread."""

    def __init__(
        self,
        backend: WasapiLoopbackBackend,
        *,
        pa: Any,
        info: dict[str, Any],
        device: AudioDevice,
        on_block: BlockCallback,
        on_error: ErrorCallback,
    ) -> None:
        module = backend._module
        self._device = device
        self._release = backend._release
        self._continue = module.paContinue
        self._overflow_flag = module.paInputOverflow
        self._channels = max(1, int(info["maxInputChannels"]))
        rate = int(info["defaultSampleRate"])  # shared mode runs at the mix format's rate
        self._closing = False
        self._close_lock = threading.Lock()
        self._pa_lock = threading.Lock()  # is_active() must not race close()
        self._callback_thread: int | None = None
        self.pump: BlockPump  # set before the stream starts calling back
        try:
            self._stream = pa.open(
                format=module.paFloat32,
                channels=self._channels,
                rate=rate,
                input=True,
                input_device_index=int(info["index"]),
                frames_per_buffer=max(1, round(rate * BLOCK_S)),
                stream_callback=self._callback,
                start=False,  # read the latency before the first callback needs it
            )
        except (OSError, ValueError) as exc:
            raise CaptureError(_open_failed(device, exc)) from exc
        # end_time = monotonic() at the callback minus the stream's input latency.
        # time_info["input_buffer_adc_time"] is not used: PortAudio's WASAPI code
        # sets it to current_time + pending frames (not an ADC instant) on
        # QueryPerformanceCounter, while time.monotonic() is GetTickCount64 before
        # Python 3.13, a different clock with 15.6 ms steps: no reliable mapping.
        self.pump = BlockPump(
            rate,
            on_block,
            on_error,
            latency=float(self._stream.get_input_latency()),
            clock=backend._clock,
            silence_after=backend._silence_after,
        )
        try:
            self._stream.start_stream()
        except OSError as exc:
            with contextlib.suppress(OSError):
                self._stream.close()
            raise CaptureError(_open_failed(device, exc)) from exc
        self.pump.watch(backend._watch_interval, self._alive, self._lost)

    @property
    def device(self) -> AudioDevice:
        return self._device

    @property
    def overflows(self) -> int:
        return self.pump.overflows

    def _callback(
        self, in_data: bytes | None, frame_count: int, time_info: dict[str, float], status: int
    ) -> tuple[None, int]:
        # PyAudio re-raises a callback's exception asynchronously in the *main*
        # thread and aborts the stream, so nothing may escape from here.
        self._callback_thread = threading.get_ident()
        try:
            raw = np.frombuffer(in_data or b"", dtype=np.float32)
            frames = raw[: frame_count * self._channels].reshape(-1, self._channels)
            samples = to_mono(frames)
            if not samples.flags.writeable:  # a view of PortAudio's bytes: own a copy
                samples = samples.copy()
            self.pump.emit(samples, overflow=bool(status & self._overflow_flag))
        except Exception as exc:  # noqa: BLE001 - see above
            self.pump.fail(exc, fatal=False)
        return None, self._continue

    def _alive(self) -> bool:
        with self._pa_lock:
            return self._closing or bool(self._stream.is_active())

    def _lost(self) -> CaptureError:
        return CaptureError(
            f"Recording what {self._device.name!r} plays stopped: Windows reports the device "
            "gone (unplugged, disabled or switched). Plug it back in or choose another output."
        )

    def close(self) -> None:
        with self._close_lock:
            if self._closing:
                return
            self._closing = True
        self.pump.close()
        watcher = self.pump.watcher
        here = threading.get_ident()
        if here == self._callback_thread or (watcher is not None and here == watcher.ident):
            # Pa_StopStream waits for PortAudio's thread (and the watcher for itself):
            # stopping from there would deadlock, so a helper thread does it.
            threading.Thread(target=self._teardown, name="minuta-wasapi-close").start()
        else:
            self._teardown()

    def _teardown(self) -> None:
        with self._pa_lock:
            for step in (self._stream.stop_stream, self._stream.close):
                with contextlib.suppress(OSError):  # a vanished device cannot stop cleanly
                    step()
        self._release()
        watcher = self.pump.watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join(timeout=1.0)


def _open_failed(device: AudioDevice, exc: BaseException) -> str:
    # PyAudio raises OSError(PaErrorCode, text): strerror holds PortAudio's text.
    detail = getattr(exc, "strerror", None) or str(exc)
    return (
        f"Windows would not let Minuta record what {device.name!r} plays ({detail}). "
        "Check that the device is connected and enabled in the Sound settings."
    )
