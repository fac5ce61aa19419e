"""WASAPI loopback backend against a fake PyAudioWPatch.

The fake follows PyAudioWPatch 0.2.12's documented contract (s0d3s/PyAudioWPatch,
``src/pyaudiowpatch/__init__.py`` and ``src/_portaudiomodule.c``): device-info
dicts with the keys ``_make_device_info_dictionary`` returns, loopback analogues
appended after the real devices as ``"<name> [Loopback]"`` inputs, the
``get_default_wasapi_loopback`` search by name, ``OSError((code, text))`` for
PortAudio errors, and the callback called as ``callback(in_data, frame_count,
time_info, status)`` returning ``(out_data, flag)``. Constants are PortAudio's.
"""

from __future__ import annotations

import queue
import sys
import threading
import types
from typing import Any

import numpy as np
import pytest

from minuta.audio.block_pump import BlockPump
from minuta.audio.capture import AudioDevice, CapturedBlock, CaptureError, DeviceKind
from minuta.audio.windows_loopback import WasapiLoopbackBackend, display_name

# portaudio.h: PaSampleFormat, PaHostApiTypeId, PaStreamCallbackResult, PaStreamCallbackFlags
PA_FLOAT32, PA_INT16 = 0x1, 0x8
PA_MME, PA_WASAPI = 2, 13
PA_CONTINUE, PA_COMPLETE, PA_ABORT = 0, 1, 2
PA_INPUT_UNDERFLOW, PA_INPUT_OVERFLOW = 0x1, 0x2
PA_INVALID_DEVICE, PA_HOST_API_NOT_FOUND = -9996, -9979
LATENCY = 0.03


def info(index: int, name: str, api: int, *, ins: int = 0, outs: int = 0, rate: float = 48000.0):
    return {
        "index": index,
        "structVersion": 2,
        "name": name,
        "hostApi": api,
        "maxInputChannels": ins,
        "maxOutputChannels": outs,
        "defaultLowInputLatency": 0.01,
        "defaultLowOutputLatency": 0.01,
        "defaultHighInputLatency": 0.04,
        "defaultHighOutputLatency": 0.04,
        "defaultSampleRate": rate,  # a float, as PortAudio reports it
        "isLoopbackDevice": False,
    }


class System:
    """What PortAudio sees: host APIs and devices, with loopbacks appended (like PortAudio)."""

    def __init__(self, outputs: list[tuple[str, int, float]], *, wasapi: bool = True) -> None:
        self.devices = [info(0, "Microsoft Sound Mapper - Input", 0, ins=2)]
        if wasapi:
            self.devices.append(info(1, "Microphone (USB Audio)", 1, ins=1))
            for name, channels, rate in outputs:
                self.devices.append(info(len(self.devices), name, 1, outs=channels, rate=rate))
            for real in [d for d in self.devices if d["maxOutputChannels"] > 0]:
                loop = info(len(self.devices), f"{real['name']} [Loopback]", 1)
                loop.update(
                    maxInputChannels=real["maxOutputChannels"],
                    defaultSampleRate=real["defaultSampleRate"],
                    isLoopbackDevice=True,
                )
                self.devices.append(loop)
        wasapi_devices = [d["index"] for d in self.devices if d["hostApi"] == 1]
        outs = [i for i in wasapi_devices if self.devices[i]["maxOutputChannels"] > 0]
        self.host_apis = [{"index": 0, "type": PA_MME, "name": "MME", "devices": [0]}]
        if wasapi:
            self.host_apis.append(
                {
                    "index": 1,
                    "type": PA_WASAPI,
                    "name": "Windows WASAPI",
                    "devices": wasapi_devices,
                    "defaultOutputDevice": outs[0] if outs else -1,
                }
            )
        self.initialized = 0  # Pa_Initialize reference count
        self.instances = 0
        self.streams: list[FakeStream] = []
        self.open_error: OSError | None = None

    def module(self) -> types.ModuleType:
        module = types.ModuleType("pyaudiowpatch")
        system = self

        class PyAudio(FakePyAudio):
            def __init__(self) -> None:
                super().__init__(system)

        constants = {
            "paFloat32": PA_FLOAT32,
            "paInt16": PA_INT16,
            "paMME": PA_MME,
            "paWASAPI": PA_WASAPI,
            "paContinue": PA_CONTINUE,
            "paComplete": PA_COMPLETE,
            "paAbort": PA_ABORT,
            "paInputUnderflow": PA_INPUT_UNDERFLOW,
            "paInputOverflow": PA_INPUT_OVERFLOW,
            "paFramesPerBufferUnspecified": 0,
        }
        vars(module).update(constants, PyAudio=PyAudio)
        return module


class FakePyAudio:
    def __init__(self, system: System) -> None:
        self.system = system
        system.initialized += 1
        system.instances += 1
        self._streams: set[FakeStream] = set()

    def terminate(self) -> None:
        for stream in self._streams.copy():
            stream.close()
        self.system.initialized -= 1

    def get_host_api_info_by_type(self, host_api_type: int) -> dict[str, Any]:
        for api in self.system.host_apis:
            if api["type"] == host_api_type:
                return {
                    "index": api["index"],
                    "structVersion": 1,
                    "type": api["type"],
                    "name": api["name"],
                    "deviceCount": len(api["devices"]),
                    "defaultInputDevice": -1,
                    "defaultOutputDevice": api["defaultOutputDevice"],
                }
        raise OSError(PA_HOST_API_NOT_FOUND, "Host API not found")

    def get_device_info_by_index(self, index: int) -> dict[str, Any]:
        if not 0 <= index < len(self.system.devices):
            raise OSError(PA_INVALID_DEVICE, "Invalid device info")
        return dict(self.system.devices[index])

    def get_loopback_device_info_generator(self):
        api = self.get_host_api_info_by_type(PA_WASAPI)
        for index in self.system.host_apis[api["index"]]["devices"]:
            device = self.get_device_info_by_index(index)
            if device["isLoopbackDevice"]:
                yield device

    def get_default_wasapi_loopback(self) -> dict[str, Any]:
        speakers = self.get_device_info_by_index(
            self.get_host_api_info_by_type(PA_WASAPI)["defaultOutputDevice"]
        )
        for loopback in self.get_loopback_device_info_generator():
            if speakers["name"] in loopback["name"]:  # PyAudioWPatch's own matching rule
                return loopback
        raise LookupError("No analogue is found for passed device")

    def open(self, *args: Any, **kwargs: Any) -> FakeStream:
        stream = FakeStream(self, *args, **kwargs)
        self._streams.add(stream)
        return stream


class FakeStream:
    def __init__(
        self,
        manager: FakePyAudio,
        rate: int,
        channels: int,
        format: int,
        input: bool = False,
        output: bool = False,
        input_device_index: int | None = None,
        output_device_index: int | None = None,
        frames_per_buffer: int = 0,
        start: bool = True,
        input_host_api_specific_stream_info: Any = None,
        output_host_api_specific_stream_info: Any = None,
        stream_callback: Any = None,
    ) -> None:
        if not (input or output):
            raise ValueError("Must specify an input or output stream.")
        system = manager.system
        if system.open_error is not None:
            raise system.open_error
        device = manager.get_device_info_by_index(input_device_index or 0)
        if channels < 1 or channels > device["maxInputChannels"]:
            raise OSError(-9998, "Invalid number of channels")
        assert isinstance(rate, int) and format == PA_FLOAT32 and stream_callback is not None
        self.manager, self.rate, self.channels = manager, rate, channels
        self.kwargs = {
            "input_device_index": input_device_index,
            "start": start,
            "frames_per_buffer": frames_per_buffer,
        }
        self.callback = stream_callback
        self.running = self.active = start
        self.closed = threading.Event()
        self.stops = 0
        system.streams.append(self)

    def get_input_latency(self) -> float:
        return LATENCY

    def start_stream(self) -> None:
        self.running = self.active = True

    def stop_stream(self) -> None:
        self.stops += 1
        self.running = self.active = False

    def is_active(self) -> bool:
        if self.closed.is_set():
            raise OSError(-9988, "Stream not open")
        return self.active

    def close(self) -> None:
        assert not self.closed.is_set(), "closed twice"
        self.closed.set()
        self.manager._streams.discard(self)

    def deliver(self, frames: np.ndarray, status: int = 0) -> tuple[Any, int]:
        """What PortAudio's thread does: bytes of frame_count * channels float32 samples."""
        assert self.running
        data = np.asarray(frames, dtype=np.float32).reshape(-1, self.channels)
        time_info = {"input_buffer_adc_time": 5.0, "current_time": 5.0, "output_buffer_dac_time": 0}
        result = self.callback(data.tobytes(), len(data), time_info, status)
        assert isinstance(result, tuple) and result[1] in (PA_CONTINUE, PA_COMPLETE, PA_ABORT)
        return result


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


SPEAKERS = "Speakers (Realtek(R) Audio)"
HEADPHONES = "Headphones (USB Audio)"


@pytest.fixture
def system() -> System:
    return System([(SPEAKERS, 2, 48000.0), (HEADPHONES, 8, 44100.0)])


def backend_for(system: System, **options: Any) -> WasapiLoopbackBackend:
    options.setdefault("watch_interval", None)
    return WasapiLoopbackBackend(system.module, **options)


class Collector:
    def __init__(self) -> None:
        self.blocks: queue.Queue[CapturedBlock] = queue.Queue()
        self.errors: list[Exception] = []
        self.error = threading.Event()

    def on_block(self, block: CapturedBlock) -> None:
        self.blocks.put(block)

    def on_error(self, error: Exception) -> None:
        self.errors.append(error)
        self.error.set()


def test_lists_loopbacks_with_stable_ids_and_the_default(system: System) -> None:
    backend = backend_for(system)
    assert backend.devices(DeviceKind.OUTPUT) == [
        AudioDevice(f"wasapi:{SPEAKERS}", SPEAKERS, DeviceKind.OUTPUT, True, 48000),
        AudioDevice(f"wasapi:{HEADPHONES}", HEADPHONES, DeviceKind.OUTPUT, False, 44100),
    ]
    assert backend.devices(DeviceKind.MICROPHONE) == []
    assert backend.default_device(DeviceKind.OUTPUT).id == f"wasapi:{SPEAKERS}"
    assert backend.unavailable_reason is None
    assert system.initialized == 0  # listing does not keep PortAudio initialised
    # Indexes change between runs (headphones plugged first); ids do not.
    other = backend_for(System([(HEADPHONES, 8, 44100.0), (SPEAKERS, 2, 48000.0)]))
    assert {d.id for d in other.devices(DeviceKind.OUTPUT)} == {
        d.id for d in backend.devices(DeviceKind.OUTPUT)
    }


def test_identical_names_stay_distinct_and_suffix_is_stripped() -> None:
    backend = backend_for(System([(SPEAKERS, 2, 48000.0), (SPEAKERS, 2, 48000.0)]))
    devices = backend.devices(DeviceKind.OUTPUT)
    assert [d.id for d in devices] == [f"wasapi:{SPEAKERS}", f"wasapi:{SPEAKERS} (2)"]
    assert [d.is_default for d in devices] == [True, False]
    assert display_name("Speakers (Realtek(R) Audio) [Loopback]") == SPEAKERS
    assert display_name(SPEAKERS) == SPEAKERS


def test_unavailable_without_pyaudiowpatch_or_wasapi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyaudiowpatch", None)  # import fails, as on Linux
    backend = WasapiLoopbackBackend(watch_interval=None)
    assert backend.devices(DeviceKind.OUTPUT) == []
    assert "PyAudioWPatch" in (backend.unavailable_reason or "")
    device = AudioDevice(f"wasapi:{SPEAKERS}", SPEAKERS, DeviceKind.OUTPUT)
    with pytest.raises(CaptureError, match="PyAudioWPatch"):
        backend.open(device, Collector().on_block, Collector().on_error)
    no_wasapi = backend_for(System([], wasapi=False))
    assert no_wasapi.devices(DeviceKind.OUTPUT) == []
    assert "WASAPI" in (no_wasapi.unavailable_reason or "")


def test_the_module_is_found_through_sys_modules(
    system: System, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyaudiowpatch", system.module())
    assert len(WasapiLoopbackBackend(watch_interval=None).devices(DeviceKind.OUTPUT)) == 2


def open_speakers(system: System, **options: Any) -> tuple[Any, Collector, FakeClock]:
    clock = FakeClock()
    backend = backend_for(system, clock=clock, **options)
    sink = Collector()
    stream = backend.open(backend.devices(DeviceKind.OUTPUT)[0], sink.on_block, sink.on_error)
    return stream, sink, clock


def test_opens_the_loopback_as_documented_and_delivers_mono(system: System) -> None:
    stream, sink, clock = open_speakers(system)
    fake = system.streams[0]
    loopback_index = next(
        d["index"] for d in system.devices if d["name"] == f"{SPEAKERS} [Loopback]"
    )
    assert fake.kwargs == {
        "input_device_index": loopback_index,
        "start": False,
        "frames_per_buffer": 960,
    }
    assert (fake.rate, fake.channels, fake.running) == (48000, 2, True)
    assert stream.device.id == f"wasapi:{SPEAKERS}"
    # PortAudio calls back on its own thread.
    worker = threading.Thread(target=fake.deliver, args=([[1.0, 3.0], [2.0, -4.0]],))
    worker.start()
    worker.join()
    block = sink.blocks.get(timeout=5)
    np.testing.assert_array_equal(block.samples, np.array([2.0, -1.0], dtype=np.float32))
    assert block.samples.dtype == np.float32 and block.samples.flags.writeable
    assert (block.sample_rate, block.overflow) == (48000, False)
    assert block.end_time == pytest.approx(clock.now - LATENCY)
    clock.now += 0.02
    assert fake.deliver([[0.5, 0.5]], status=PA_INPUT_OVERFLOW | PA_INPUT_UNDERFLOW) == (
        None,
        PA_CONTINUE,
    )
    later = sink.blocks.get(timeout=5)
    assert later.overflow and later.end_time == pytest.approx(block.end_time + 0.02)
    assert stream.overflows == 1
    stream.close()


def test_quiet_stretches_are_filled_with_silence(system: System) -> None:
    stream, sink, clock = open_speakers(system)
    opened_at = clock.now
    clock.now += 0.2
    stream.pump.fill_silence()
    assert sink.blocks.empty()  # shorter than the silence threshold: maybe just jitter
    clock.now += 0.3
    stream.pump.fill_silence()
    silence = sink.blocks.get_nowait()
    assert silence.end_time == pytest.approx(clock.now - LATENCY)
    assert len(silence.samples) == round((clock.now - opened_at) * 48000)  # since opening
    assert not silence.samples.any()
    clock.now += 3600  # a suspended laptop: not an hour of zeros at once
    stream.pump.fill_silence()
    assert len(sink.blocks.get_nowait().samples) == 2 * 48000
    stream.close()


def test_end_time_never_goes_backwards() -> None:
    sink = Collector()
    pump = BlockPump(16000, sink.on_block, sink.on_error, clock=FakeClock())
    pump.emit(np.zeros(10, np.float32), end_time=1005.0)
    pump.emit(np.zeros(10, np.float32), end_time=1004.0)
    assert [sink.blocks.get_nowait().end_time for _ in range(2)] == [1005.0, 1005.0]


def test_an_unplugged_device_is_reported_by_the_watcher(system: System) -> None:
    stream, sink, _ = open_speakers(system, watch_interval=0.01)
    system.streams[0].active = False  # PortAudio's WASAPI thread ended: device invalidated
    assert sink.error.wait(timeout=5)
    [error] = sink.errors
    assert isinstance(error, CaptureError) and "unplugged" in str(error) and SPEAKERS in str(error)
    stream.close()
    assert system.initialized == 0


def test_close_is_idempotent_thread_safe_and_ends_pyaudio(system: System) -> None:
    stream, sink, _ = open_speakers(system)
    fake = system.streams[0]
    closers = [threading.Thread(target=stream.close) for _ in range(4)]
    for thread in closers:
        thread.start()
    for thread in closers:
        thread.join()
    stream.close()
    assert fake.closed.is_set() and fake.stops == 1
    assert system.initialized == 0
    # A callback already under way when the stream closed delivers nothing.
    assert fake.callback(np.zeros(2, np.float32).tobytes(), 1, {}, 0) == (None, PA_CONTINUE)
    assert sink.blocks.empty()


def test_closing_from_the_callback_thread_does_not_deadlock(system: System) -> None:
    backend = backend_for(system)
    sink = Collector()
    streams: list[Any] = []
    # e.g. the recorder giving up on the device from inside its block callback
    on_block = lambda block: streams[0].close()  # noqa: E731
    streams.append(backend.open(backend.devices(DeviceKind.OUTPUT)[0], on_block, sink.on_error))
    fake = system.streams[0]
    worker = threading.Thread(target=fake.deliver, args=([[0.1, 0.1]],))
    worker.start()
    assert fake.closed.wait(timeout=5)
    worker.join()
    assert system.initialized == 0 and not sink.errors


def test_one_pyaudio_for_all_streams_terminated_with_the_last(system: System) -> None:
    backend = backend_for(system)
    sink = Collector()
    speakers, headphones = backend.devices(DeviceKind.OUTPUT)
    first = backend.open(speakers, sink.on_block, sink.on_error)
    second = backend.open(headphones, sink.on_block, sink.on_error)
    assert system.streams[1].channels == 8 and system.streams[1].rate == 44100
    first.close()
    assert system.initialized == 1
    second.close()
    assert system.initialized == 0


def test_open_failures_become_capture_errors(system: System) -> None:
    backend = backend_for(system)
    sink = Collector()
    speakers = backend.devices(DeviceKind.OUTPUT)[0]
    system.open_error = OSError(PA_INVALID_DEVICE, "Invalid device")
    with pytest.raises(CaptureError, match=r"Speakers .*Invalid device"):
        backend.open(speakers, sink.on_block, sink.on_error)
    gone = AudioDevice("wasapi:USB Speakers", "USB Speakers", DeviceKind.OUTPUT)
    with pytest.raises(CaptureError, match="not connected"):
        backend.open(gone, sink.on_block, sink.on_error)
    mic = AudioDevice("sd:Windows WASAPI:Microphone", "Microphone", DeviceKind.MICROPHONE)
    with pytest.raises(CaptureError, match="not a Windows output"):
        backend.open(mic, sink.on_block, sink.on_error)
    assert system.initialized == 0


def test_a_failing_consumer_is_reported_never_raised_into_portaudio(system: System) -> None:
    stream, sink, _ = open_speakers(system)

    def broken(block: CapturedBlock) -> None:
        raise RuntimeError("consumer bug")

    stream.pump._on_block = broken
    for _ in range(3):
        assert system.streams[0].deliver([[0.1, 0.2]]) == (None, PA_CONTINUE)
    assert [str(e) for e in sink.errors] == ["consumer bug"]  # reported once
    stream.close()


def test_importing_does_not_import_pyaudiowpatch() -> None:
    import minuta.audio.windows_loopback  # noqa: F401

    assert sys.modules.get("pyaudiowpatch") is None
