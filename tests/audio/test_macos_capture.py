"""macOS capture: the parts that do not need macOS.

The pure conversions, availability detection, the loopback-fallback names, and
the stream's logic against fakes that follow PyObjC's calling conventions
(out-parameters come back as ``(result, out)`` tuples; completion handlers are
called from another thread) and Apple's documented ScreenCaptureKit API.
"""

from __future__ import annotations

import queue
import threading
from collections import namedtuple
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from minuta.audio.capture import AudioDevice, CapturedBlock, CaptureError, DeviceKind
from minuta.audio.macos_capture import (
    PERMISSION_HELP,
    SYSTEM_AUDIO,
    SYSTEM_AUDIO_ID,
    Frameworks,
    MacOutputsBackend,
    ScreenCaptureKitBackend,
    audio_bytes_to_mono,
    block_end_time,
    loopback_fallback_name,
    stream_format,
)

LPCM, FLOAT, NON_INTERLEAVED, SIGNED_INT = 0x6C70636D, 0x1, 0x20, 0x4
ASBD = namedtuple(
    "ASBD",
    "mSampleRate mFormatID mFormatFlags mBytesPerPacket mFramesPerPacket mBytesPerFrame "
    "mChannelsPerFrame mBitsPerChannel mReserved",
)


def f32(*values: float) -> bytes:
    return np.array(values, dtype=np.float32).tobytes()


# --- pure conversions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "channels", "interleaved", "expected"),
    [
        (f32(0.5, -0.5, 0.25), 1, True, [0.5, -0.5, 0.25]),
        (f32(0.5, -0.5, 0.25), 1, False, [0.5, -0.5, 0.25]),
        (f32(1.0, 3.0, 2.0, -4.0), 2, True, [2.0, -1.0]),  # L R L R
        (f32(1.0, 2.0, 3.0, -4.0), 2, False, [2.0, -1.0]),  # L L | R R
    ],
)
def test_buffer_to_mono(
    raw: bytes, channels: int, interleaved: bool, expected: list[float]
) -> None:
    mono = audio_bytes_to_mono(raw, channels, interleaved=interleaved)
    np.testing.assert_array_equal(mono, np.array(expected, dtype=np.float32))
    assert mono.dtype == np.float32 and mono.flags.writeable


def test_planar_buffers_with_padding_use_the_frame_count() -> None:
    # Two planes of 3 slots, 2 frames used each: the padding must not leak in.
    raw = f32(1.0, 2.0, 99.0, 3.0, 4.0, 99.0)
    mono = audio_bytes_to_mono(raw, 2, interleaved=False, frames=2)
    np.testing.assert_array_equal(mono, np.array([2.0, 3.0], dtype=np.float32))
    assert len(audio_bytes_to_mono(bytearray(raw), 2, interleaved=True, frames=1)) == 1


def test_malformed_buffers_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        audio_bytes_to_mono(f32(1.0, 2.0), 2, interleaved=False, frames=2)
    with pytest.raises(ValueError, match="multiple"):
        audio_bytes_to_mono(b"\x00\x00\x00", 1, interleaved=True)
    with pytest.raises(ValueError, match="channels"):
        audio_bytes_to_mono(f32(1.0), 0, interleaved=True)


def test_stream_format_reads_named_and_positional_descriptions() -> None:
    planar = ASBD(48000.0, LPCM, FLOAT | NON_INTERLEAVED, 4, 1, 4, 2, 32, 0)
    assert stream_format(planar) == (48000, 2, False)
    assert stream_format(tuple(planar)) == (48000, 2, False)  # PyObjC without CoreAudio names
    assert stream_format(ASBD(16000.0, LPCM, FLOAT, 4, 1, 4, 1, 32, 0)) == (16000, 1, True)
    with pytest.raises(ValueError, match="float32"):
        stream_format(ASBD(48000.0, LPCM, SIGNED_INT, 2, 1, 2, 1, 16, 0))


def test_block_end_time_maps_the_host_clock_to_monotonic() -> None:
    # 480 frames at 48 kHz presented at host 100.0 s; host "now" 100.02, monotonic 5000.02.
    end = block_end_time(100.0, 480, 48000, host_now_s=100.02, mono_now=5000.02)
    assert end == pytest.approx(5000.01)
    assert block_end_time(float("nan"), 480, 48000, host_now_s=1.0, mono_now=7.0) == 7.0
    assert block_end_time(None, 480, 48000, host_now_s=1.0, mono_now=7.0) == 7.0
    assert block_end_time(50.0, 480, 48000, host_now_s=100.0, mono_now=7.0) == 7.0  # implausible


@pytest.mark.parametrize(
    "name",
    ["BlackHole 2ch", "BlackHole 16ch", "BlackHole 64ch", "Loopback Audio", "Soundflower (2ch)"],
)
def test_loopback_devices_are_recognised(name: str) -> None:
    assert loopback_fallback_name(name)
    assert loopback_fallback_name(name.upper())


@pytest.mark.parametrize(
    "name", ["MacBook Pro Microphone", "Microsoft Teams Audio", "ZoomAudioDevice", "AirPods"]
)
def test_other_inputs_are_not_loopbacks(name: str) -> None:
    assert not loopback_fallback_name(name)


# --- availability ------------------------------------------------------------------------


def test_unavailable_off_macos_and_before_macos_13() -> None:
    linux = ScreenCaptureKitBackend(macos_version=lambda: None)
    assert linux.devices(DeviceKind.OUTPUT) == [] and "only on macOS" in linux.unavailable_reason
    monterey = ScreenCaptureKitBackend(macos_version=lambda: (12, 6))
    assert monterey.devices(DeviceKind.OUTPUT) == []
    assert "macOS 13" in monterey.unavailable_reason
    with pytest.raises(CaptureError, match="macOS 13"):
        monterey.open(SYSTEM_AUDIO, lambda block: None, lambda error: None)


def test_unavailable_without_pyobjc() -> None:
    # The real loader on this Linux machine: PyObjC cannot be imported.
    backend = ScreenCaptureKitBackend(macos_version=lambda: (14, 5))
    assert backend.devices(DeviceKind.OUTPUT) == []
    assert backend.default_device(DeviceKind.OUTPUT) is None
    assert "pyobjc-framework-ScreenCaptureKit" in backend.unavailable_reason
    assert backend.devices(DeviceKind.MICROPHONE) == []


# --- the stream, against fake frameworks ----------------------------------------------------


class NSError:
    def __init__(self, code: int) -> None:
        self._code = code

    def code(self) -> int:
        return self._code


def later(function: Any, *args: Any) -> None:
    """ScreenCaptureKit calls completion handlers on its own queues."""
    threading.Thread(target=function, args=args).start()


class FakeSCK:
    SCStreamOutputTypeScreen, SCStreamOutputTypeAudio = 0, 1

    def __init__(self, *, content_error: int | None = None, start_error: int | None = None):
        self.content_error, self.start_error = content_error, start_error
        self.displays = [SimpleNamespace(displayID=lambda: 1), SimpleNamespace(displayID=lambda: 2)]
        self.config: dict[str, Any] = {}
        self.streams: list[FakeSCStream] = []
        self.filters: list[tuple[Any, list[Any]]] = []
        sck = self

        class Content:
            @staticmethod
            def getShareableContentWithCompletionHandler_(handler: Any) -> None:
                if sck.content_error is not None:
                    later(handler, None, NSError(sck.content_error))
                else:
                    later(handler, SimpleNamespace(displays=lambda: sck.displays), None)

        class Allocating:
            @classmethod
            def alloc(cls) -> Any:
                return cls()

        class Filter(Allocating):
            def initWithDisplay_excludingWindows_(self, display: Any, windows: list[Any]) -> Any:
                sck.filters.append((display, windows))
                return self

        class Configuration(Allocating):
            def init(self) -> Any:
                return self

            def __getattr__(self, setter: str) -> Any:  # setCapturesAudio_(True) ...
                return lambda value: sck.config.__setitem__(setter[3:-1], value)

        class Stream(Allocating):
            def initWithFilter_configuration_delegate_(self, *args: Any) -> Any:
                stream = FakeSCStream(sck, *args)
                sck.streams.append(stream)
                return stream

        self.SCShareableContent, self.SCContentFilter = Content, Filter
        self.SCStreamConfiguration, self.SCStream = Configuration, Stream


class FakeSCStream:
    def __init__(self, sck: FakeSCK, content_filter: Any, config: Any, delegate: Any) -> None:
        self.sck, self.delegate = sck, delegate
        self.outputs: list[tuple[Any, int, Any]] = []
        self.stops = 0

    def addStreamOutput_type_sampleHandlerQueue_error_(self, output, kind, queue_, error):
        assert error is None  # PyObjC: pass None for the NSError** out-parameter
        self.outputs.append((output, kind, queue_))
        return True, None

    def startCaptureWithCompletionHandler_(self, handler: Any) -> None:
        code = self.sck.start_error
        later(handler, None if code is None else NSError(code))

    def stopCaptureWithCompletionHandler_(self, handler: Any) -> None:
        self.stops += 1
        later(handler, None)


class SampleBuffer:
    def __init__(self, raw: bytes, frames: int, asbd: ASBD, pts: float) -> None:
        self.raw, self.frames, self.asbd, self.pts = raw, frames, asbd, pts


HOST_NOW = 200.0


def fake_coremedia() -> SimpleNamespace:
    return SimpleNamespace(
        CMTimeMake=lambda value, scale: ("CMTime", value / scale),
        CMTimeGetSeconds=lambda t: t[1],
        CMClockGetHostTimeClock=lambda: "host clock",
        CMClockGetTime=lambda clock: ("CMTime", HOST_NOW),
        CMSampleBufferIsValid=lambda sb: True,
        CMSampleBufferGetNumSamples=lambda sb: sb.frames,
        CMSampleBufferGetFormatDescription=lambda sb: sb,
        CMAudioFormatDescriptionGetStreamBasicDescription=lambda desc: desc.asbd,
        CMSampleBufferGetDataBuffer=lambda sb: sb.raw,
        CMBlockBufferGetDataLength=len,
        # PyObjC: the output buffer comes back with the OSStatus.
        CMBlockBufferCopyDataBytes=lambda block, offset, length, out: (0, block[offset:length]),
        CMSampleBufferGetPresentationTimeStamp=lambda sb: ("CMTime", sb.pts),
    )


def frameworks(sck: FakeSCK) -> Frameworks:
    return Frameworks(
        sck=sck,
        cm=fake_coremedia(),
        make_output=lambda sink: SimpleNamespace(sink=sink),
        make_queue=lambda: "serial queue",
        main_display_id=lambda: 2,
    )


def backend_with(sck: FakeSCK, clock: Any = lambda: 5000.0) -> ScreenCaptureKitBackend:
    return ScreenCaptureKitBackend(
        lambda: frameworks(sck), macos_version=lambda: (15, 1), clock=clock, watch_interval=None
    )


class Collector:
    def __init__(self) -> None:
        self.blocks: queue.Queue[CapturedBlock] = queue.Queue()
        self.errors: queue.Queue[Exception] = queue.Queue()


def open_system_audio(sck: FakeSCK, clock: Any = lambda: 5000.0) -> tuple[Any, Collector]:
    sink = Collector()
    backend = backend_with(sck, clock)
    assert backend.devices(DeviceKind.OUTPUT) == [SYSTEM_AUDIO]
    assert backend.default_device(DeviceKind.OUTPUT) == SYSTEM_AUDIO
    stream = backend.open(SYSTEM_AUDIO, sink.blocks.put, sink.errors.put)
    return stream, sink


def test_opens_an_audio_only_stream_on_the_main_display() -> None:
    sck = FakeSCK()
    stream, _ = open_system_audio(sck)
    assert sck.filters == [(sck.displays[1], [])]  # main display, no window excluded
    assert sck.config == {
        "CapturesAudio": True,
        "ExcludesCurrentProcessAudio": True,
        "SampleRate": 48000,
        "ChannelCount": 1,
        "Width": 2,
        "Height": 2,
        "MinimumFrameInterval": ("CMTime", 1.0),
    }
    [fake] = sck.streams
    assert [kind for _, kind, _ in fake.outputs] == [0, 1]
    assert all(queue_ == "serial queue" for _, _, queue_ in fake.outputs)
    assert stream.device == SYSTEM_AUDIO and fake.delegate.sink is stream
    stream.close()
    stream.close()
    assert fake.stops == 1


def test_audio_buffers_become_mono_blocks_on_the_monotonic_clock() -> None:
    sck = FakeSCK()
    now = [5000.0]
    stream, sink = open_system_audio(sck, clock=lambda: now[0])
    output = sck.streams[0].delegate
    asbd = ASBD(48000.0, LPCM, FLOAT | NON_INTERLEAVED, 4, 1, 4, 2, 32, 0)
    # Presented 10 ms before the host clock's "now"; monotonic "now" is 5000.05.
    buffer = SampleBuffer(f32(1.0, 2.0, 3.0, -4.0), 2, asbd, pts=HOST_NOW - 0.01)
    now[0] = 5000.05
    later(output.sink.sample_buffer, buffer, 1)
    block = sink.blocks.get(timeout=5)
    np.testing.assert_array_equal(block.samples, np.array([2.0, -1.0], dtype=np.float32))
    assert block.sample_rate == 48000 and not block.overflow
    assert block.end_time == pytest.approx(5000.05 - 0.01 + 2 / 48000)
    output.sink.sample_buffer(buffer, 0)  # a video frame: ignored
    stream.close()
    output.sink.sample_buffer(buffer, 1)  # after close: nothing more
    assert sink.blocks.empty() and sink.errors.empty()


def test_a_bad_buffer_is_reported_not_raised_into_the_dispatch_queue() -> None:
    sck = FakeSCK()
    stream, sink = open_system_audio(sck)
    int16 = ASBD(48000.0, LPCM, SIGNED_INT, 2, 1, 2, 1, 16, 0)
    sck.streams[0].delegate.sink.sample_buffer(SampleBuffer(b"\0\0", 1, int16, 0.0), 1)
    error = sink.errors.get(timeout=5)
    assert isinstance(error, CaptureError) and "float32" in str(error)
    stream.pump.fill_silence()  # a lost stream is not papered over with silence
    assert sink.blocks.empty()
    stream.close()


def test_permission_denied_says_where_to_grant_it() -> None:
    with pytest.raises(CaptureError) as denied:
        open_system_audio(FakeSCK(content_error=-3801))
    assert str(denied.value) == PERMISSION_HELP
    assert "Screen & System Audio Recording" in PERMISSION_HELP
    with pytest.raises(CaptureError, match="Screen & System Audio Recording"):
        open_system_audio(FakeSCK(start_error=-3801))
    with pytest.raises(CaptureError, match="error -3802"):
        open_system_audio(FakeSCK(start_error=-3802))


def test_a_stream_stopped_by_macos_is_reported() -> None:
    sck = FakeSCK()
    stream, sink = open_system_audio(sck)
    later(sck.streams[0].delegate.sink.stopped, NSError(-3817))
    error = sink.errors.get(timeout=5)
    assert isinstance(error, CaptureError) and "menu bar" in str(error)
    stream.close()


# --- outputs on macOS: ScreenCaptureKit plus loopback inputs --------------------------------


class FakeBackend:
    name = "fake"

    def __init__(self, devices: list[AudioDevice]) -> None:
        self._devices = devices
        self.opened: list[AudioDevice] = []

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        return [d for d in self._devices if d.kind is kind]

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return next(iter(self.devices(kind)), None)

    def open(self, device: AudioDevice, on_block: Any, on_error: Any) -> Any:
        self.opened.append(device)
        return SimpleNamespace(device=device, close=lambda: None)


INPUTS = [
    AudioDevice(
        "sd:Core Audio:MacBook Pro Microphone",
        "MacBook Pro Microphone",
        DeviceKind.MICROPHONE,
        True,
    ),
    AudioDevice("sd:Core Audio:BlackHole 2ch", "BlackHole 2ch", DeviceKind.MICROPHONE),
]


def test_loopback_inputs_are_offered_as_outputs_when_screencapturekit_is_missing() -> None:
    inputs = FakeBackend(INPUTS)
    outputs = MacOutputsBackend(FakeBackend([]), inputs)
    [blackhole] = outputs.devices(DeviceKind.OUTPUT)
    assert (blackhole.id, blackhole.kind, blackhole.is_default) == (
        "sd:Core Audio:BlackHole 2ch",
        DeviceKind.OUTPUT,
        True,
    )
    assert outputs.default_device(DeviceKind.OUTPUT) == blackhole
    assert outputs.devices(DeviceKind.MICROPHONE) == []
    stream = outputs.open(blackhole, lambda block: None, lambda error: None)
    assert stream.device == blackhole and inputs.opened[0].kind is DeviceKind.MICROPHONE


def test_system_audio_stays_the_default_when_available() -> None:
    system = FakeBackend([SYSTEM_AUDIO])
    outputs = MacOutputsBackend(system, FakeBackend(INPUTS))
    assert [d.id for d in outputs.devices(DeviceKind.OUTPUT)] == [
        SYSTEM_AUDIO_ID,
        "sd:Core Audio:BlackHole 2ch",
    ]
    assert outputs.default_device(DeviceKind.OUTPUT) == SYSTEM_AUDIO
    outputs.open(SYSTEM_AUDIO, lambda block: None, lambda error: None)
    assert system.opened == [SYSTEM_AUDIO]
