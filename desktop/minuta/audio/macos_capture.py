"""macOS: capture what the computer plays through ScreenCaptureKit (macOS 13+).

macOS has no loopback input, but ScreenCaptureKit records the system's sound with
a display: Minuta opens a stream on the main display (no window excluded) with
audio on, a 2x2 picture at one frame a second (thrown away), and turns each audio
``CMSampleBuffer`` into mono samples. Like WASAPI loopback it sends nothing while
nothing plays, so :class:`BlockPump` fills silence; a stream macOS ends
(``stream:didStopWithError:``) is reported through ``on_error``.

Permission: the user must switch on Minuta (or the terminal running it) in System
Settings > Privacy & Security > **Screen & System Audio Recording** ("Screen
Recording" before macOS 15). When it is denied, opening raises
:class:`CaptureError` saying where to grant it; a new grant applies after Minuta
restarts. Fallback: a loopback input the user routes the output to (BlackHole...),
see :func:`loopback_fallback_name` and :class:`MacOutputsBackend`.

Not yet verified on real hardware: the pure parts are tested on Linux; the calls
follow Apple's ScreenCaptureKit documentation and PyObjC's metadata
(ronaldoussoren/pyobjc: pyobjc-framework-ScreenCaptureKit, -CoreMedia).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib
import math
import platform
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from minuta.audio.block_pump import SILENCE_AFTER_S, BlockPump, Clock
from minuta.audio.capture import (
    AudioDevice,
    BlockCallback,
    CaptureBackend,
    CaptureError,
    CaptureStream,
    DeviceKind,
    ErrorCallback,
    to_mono,
)
from minuta.audio.sounddevice_backend import SoundDeviceBackend  # imports PortAudio lazily
from minuta.audio.windows_loopback import WATCH_EVERY_S

SYSTEM_AUDIO_ID = "sck:system"
SAMPLE_RATE = 48_000  # ScreenCaptureKit supports 8, 16, 24 and 48 kHz
START_TIMEOUT_S = 10.0
_PTS_TOLERANCE_S = 1.0  # a timestamp further than this from "now" is not trusted
_Bytes = bytes | bytearray | memoryview
SYSTEM_AUDIO = AudioDevice(SYSTEM_AUDIO_ID, "System audio", DeviceKind.OUTPUT, True, SAMPLE_RATE)

_LPCM = 0x6C70636D  # kAudioFormatLinearPCM, 'lpcm'
_FLAG_FLOAT = 1 << 0  # kAudioFormatFlagIsFloat
_FLAG_NON_INTERLEAVED = 1 << 5  # kAudioFormatFlagIsNonInterleaved
_USER_DECLINED = -3801  # SCStreamErrorUserDeclined
_USER_STOPPED = -3817  # SCStreamErrorUserStopped
PERMISSION_HELP = (
    "macOS did not allow Minuta to record the computer's sound. Open System Settings > "
    "Privacy & Security > Screen & System Audio Recording (called Screen Recording before "
    "macOS 15), switch on Minuta (or the terminal app running it), then quit and reopen Minuta."
)
_FALLBACK = re.compile(r"\bblackhole\b|^loopback audio\b|^soundflower\b", re.IGNORECASE)


def loopback_fallback_name(name: str) -> bool:
    """True for loopback inputs that can carry the computer's sound (BlackHole 2ch...)."""
    return bool(_FALLBACK.search(name.strip()))


def _field(struct: Any, name: str, index: int) -> Any:
    # PyObjC names the fields only when CoreAudio's metadata is loaded; fall back to order.
    try:
        return getattr(struct, name)
    except AttributeError:
        return struct[index]


def stream_format(asbd: Any) -> tuple[int, int, bool]:
    """(rate, channels, interleaved) of a float32 PCM AudioStreamBasicDescription.

    ScreenCaptureKit sends 32-bit float linear PCM; anything else is refused with
    ``ValueError`` rather than turned into noise.
    """
    format_id = int(_field(asbd, "mFormatID", 1))
    flags = int(_field(asbd, "mFormatFlags", 2))
    channels = int(_field(asbd, "mChannelsPerFrame", 6))
    bits = int(_field(asbd, "mBitsPerChannel", 7))
    if format_id != _LPCM or not flags & _FLAG_FLOAT or bits != 32 or channels < 1:
        raise ValueError(f"not float32 PCM: id {format_id:#x}, flags {flags:#x}, {bits} bits")
    return round(float(_field(asbd, "mSampleRate", 0))), channels, not flags & _FLAG_NON_INTERLEAVED


def audio_bytes_to_mono(
    raw: _Bytes, channels: int, *, interleaved: bool, frames: int | None = None
) -> np.ndarray:
    """Mono float32 from the bytes of a float32 AudioBufferList.

    Interleaved: ``L R L R ...``. Non-interleaved (ScreenCaptureKit's usual layout):
    one plane per channel, laid end to end in the block buffer, each the same size
    (so any padding sits at the end of each plane). ``frames``: the sample count of
    the buffer, if known; padding beyond it is ignored.
    """
    if channels < 1:
        raise ValueError("channels must be at least 1")
    data = np.frombuffer(raw, dtype=np.float32)
    per_channel = len(data) // channels
    count = per_channel if frames is None else frames
    if count > per_channel or count < 0:
        raise ValueError(f"{len(data)} samples cannot hold {count} frames of {channels} channels")
    if interleaved:
        mono = to_mono(data[: count * channels].reshape(count, channels))
    else:
        planes = data[: per_channel * channels].reshape(channels, per_channel)[:, :count]
        mono = planes.mean(axis=0, dtype=np.float32)
    return mono if mono.flags.owndata else mono.copy()


def block_end_time(
    pts_s: float | None, frames: int, rate: int, *, host_now_s: float, mono_now: float
) -> float:
    """When a buffer's last sample was captured, on the ``time.monotonic`` clock.

    The presentation time is on the host clock (``CMClockGetHostTimeClock``,
    mach_absolute_time, which is also what ``time.monotonic`` reads on macOS);
    mapping through "now" on both clocks keeps this right even if the epochs
    differ. A missing or implausible timestamp falls back to the arrival time.
    """
    if pts_s is None or not math.isfinite(pts_s) or not math.isfinite(host_now_s):
        return mono_now
    end = pts_s + frames / rate + (mono_now - host_now_s)
    return end if abs(end - mono_now) <= _PTS_TOLERANCE_S else mono_now


@dataclass(frozen=True)
class Frameworks:
    sck: Any  # the ScreenCaptureKit module
    cm: Any  # the CoreMedia module
    make_output: Callable[[ScreenCaptureKitStream], Any]  # SCStreamOutput + SCStreamDelegate
    make_queue: Callable[[], Any]  # a serial dispatch queue (None: ScreenCaptureKit's own)
    main_display_id: Callable[[], int | None]


@functools.cache
def _output_class(objc: Any, ns_object: Any) -> Any:
    # Defined once per process: the Objective-C runtime refuses a second class of that name.
    protocols = [objc.protocolNamed("SCStreamOutput"), objc.protocolNamed("SCStreamDelegate")]

    class MinutaSystemAudioOutput(ns_object, protocols=protocols):  # type: ignore[misc,call-arg]
        def stream_didOutputSampleBuffer_ofType_(
            self, stream: Any, sample_buffer: Any, output_type: int
        ) -> None:
            self.sink.sample_buffer(sample_buffer, output_type)

        def stream_didStopWithError_(self, stream: Any, error: Any) -> None:
            self.sink.stopped(error)

    return MinutaSystemAudioOutput


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def load_frameworks() -> Frameworks:
    """Import PyObjC's wrappers; ImportError when they are not installed."""
    import CoreMedia
    import Foundation
    import objc
    import ScreenCaptureKit

    output_class = _output_class(objc, Foundation.NSObject)
    dispatch, quartz = _optional("dispatch"), _optional("Quartz")  # both optional extras

    def make_output(sink: ScreenCaptureKitStream) -> Any:
        output = output_class.alloc().init()
        output.sink = sink
        return output

    return Frameworks(
        ScreenCaptureKit,
        CoreMedia,
        make_output,
        make_queue=lambda: dispatch and dispatch.dispatch_queue_create(b"minuta.audio", None),
        main_display_id=lambda: quartz and int(quartz.CGMainDisplayID()),
    )


def _macos_version() -> tuple[int, ...] | None:
    release = platform.mac_ver()[0]
    return tuple(int(p) for p in release.split(".") if p.isdigit()) if release else None


def _sck_error(error: Any, doing: str) -> CaptureError:
    code = int(error.code()) if error is not None else 0
    if code == _USER_DECLINED:
        return CaptureError(PERMISSION_HELP)
    return CaptureError(f"macOS could not {doing} (ScreenCaptureKit error {code}).")


class ScreenCaptureKitBackend:
    """The computer's sound ("System audio") as one ``OUTPUT`` device."""

    name = "screencapturekit"

    def __init__(
        self,
        loader: Callable[[], Frameworks] = load_frameworks,
        *,
        macos_version: Callable[[], tuple[int, ...] | None] = _macos_version,
        clock: Clock = time.monotonic,
        silence_after: float = SILENCE_AFTER_S,
        watch_interval: float | None = WATCH_EVERY_S,
        timeout: float = START_TIMEOUT_S,
    ) -> None:
        self._loader = loader
        self._macos_version = macos_version
        self._clock = clock
        self._silence_after = silence_after
        self._watch_interval = watch_interval
        self._timeout = timeout
        self._fw: Frameworks | None = None

    @property
    def unavailable_reason(self) -> str | None:
        """Why "System audio" is not offered, in plain words; None when it is."""
        if self._fw is not None:
            return None
        version = self._macos_version()
        if version is None:
            return "ScreenCaptureKit exists only on macOS."
        if version < (13,):
            return (
                "Recording the computer's sound needs macOS 13 or later; a loopback device "
                "such as BlackHole can be chosen instead."
            )
        try:
            self._fw = self._loader()
        except ImportError:
            return "pyobjc-framework-ScreenCaptureKit is not installed."
        return None

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        if kind is not DeviceKind.OUTPUT or self.unavailable_reason is not None:
            return []
        return [SYSTEM_AUDIO]

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return next(iter(self.devices(kind)), None)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> ScreenCaptureKitStream:
        if device.id != SYSTEM_AUDIO_ID:
            raise CaptureError(f"{device.name!r} is not a ScreenCaptureKit device.")
        reason = self.unavailable_reason
        if reason is not None or self._fw is None:
            raise CaptureError(reason or "ScreenCaptureKit is not available.")
        return ScreenCaptureKitStream(self._fw, device, on_block, on_error, backend=self)


class ScreenCaptureKitStream:
    """One system-audio recording; blocks arrive on a dispatch queue's thread."""

    def __init__(
        self,
        fw: Frameworks,
        device: AudioDevice,
        on_block: BlockCallback,
        on_error: ErrorCallback,
        *,
        backend: ScreenCaptureKitBackend,
    ) -> None:
        self._fw = fw
        self._device = device
        self._clock = backend._clock
        self._timeout = backend._timeout
        self._lock = threading.Lock()
        self._closing = False
        self._stream: Any = None
        self._output: Any = None
        self._queue: Any = None
        self.pump = BlockPump(
            SAMPLE_RATE, on_block, on_error, clock=self._clock, silence_after=backend._silence_after
        )
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        self.pump.watch(backend._watch_interval)  # fills silence; failures come from the delegate

    @property
    def device(self) -> AudioDevice:
        return self._device

    def _ask(self, begin: Callable[[Any], object], doing: str, *, arity: int) -> tuple[Any, Any]:
        """Call a completion-handler method and wait: (result or None, NSError or None)."""
        answers: list[tuple[Any, Any]] = []
        done = threading.Event()

        def one(error: Any) -> None:  # PyObjC checks a block's arity: no *args here
            answers.append((None, error))
            done.set()

        def two(result: Any, error: Any) -> None:
            answers.append((result, error))
            done.set()

        begin(two if arity == 2 else one)
        if not done.wait(self._timeout):
            raise CaptureError(f"macOS did not answer within {self._timeout:.0f} s while {doing}.")
        return answers[0]

    def _start(self) -> None:
        sck, cm = self._fw.sck, self._fw.cm
        content, error = self._ask(
            sck.SCShareableContent.getShareableContentWithCompletionHandler_,
            "looking up the displays",
            arity=2,
        )
        if error is not None or content is None:
            raise _sck_error(error, "look up the displays to record the sound with")
        displays = list(content.displays() or [])
        if not displays:
            raise CaptureError("macOS reports no display; the computer's sound cannot be recorded.")
        main_id = self._fw.main_display_id()
        display = next((d for d in displays if int(d.displayID()) == main_id), displays[0])
        content_filter = sck.SCContentFilter.alloc().initWithDisplay_excludingWindows_(display, [])
        config = sck.SCStreamConfiguration.alloc().init()
        config.setCapturesAudio_(True)
        config.setExcludesCurrentProcessAudio_(True)
        config.setSampleRate_(SAMPLE_RATE)
        config.setChannelCount_(1)
        config.setWidth_(2)  # the picture is not used: keep it as cheap as possible
        config.setHeight_(2)
        config.setMinimumFrameInterval_(cm.CMTimeMake(1, 1))
        self._output = self._fw.make_output(self)
        self._queue = self._fw.make_queue()
        self._stream = sck.SCStream.alloc().initWithFilter_configuration_delegate_(
            content_filter, config, self._output
        )
        # A screen output too (its frames are ignored): without one ScreenCaptureKit
        # logs "stream output NOT found" for every video frame.
        for output_type in (sck.SCStreamOutputTypeScreen, sck.SCStreamOutputTypeAudio):
            ok, error = self._stream.addStreamOutput_type_sampleHandlerQueue_error_(
                self._output, output_type, self._queue, None
            )
            if not ok:
                raise _sck_error(error, "attach to the computer's sound")
        _, error = self._ask(
            self._stream.startCaptureWithCompletionHandler_, "starting the recording", arity=1
        )
        if error is not None:
            raise _sck_error(error, "start recording the computer's sound")

    def sample_buffer(self, sample_buffer: Any, output_type: int) -> None:
        """SCStreamOutput callback (dispatch queue thread); never raises."""
        if output_type != self._fw.sck.SCStreamOutputTypeAudio or self.pump.closed:
            return
        try:
            cm = self._fw.cm
            if not cm.CMSampleBufferIsValid(sample_buffer):
                return
            frames = int(cm.CMSampleBufferGetNumSamples(sample_buffer))
            description = cm.CMSampleBufferGetFormatDescription(sample_buffer)
            rate, channels, interleaved = stream_format(
                cm.CMAudioFormatDescriptionGetStreamBasicDescription(description)
            )
            block = cm.CMSampleBufferGetDataBuffer(sample_buffer)
            length = int(cm.CMBlockBufferGetDataLength(block))
            status, raw = cm.CMBlockBufferCopyDataBytes(block, 0, length, None)
            if status != 0:
                raise CaptureError(f"Reading a ScreenCaptureKit audio buffer failed ({status}).")
            samples = audio_bytes_to_mono(raw, channels, interleaved=interleaved, frames=frames)
            pts = cm.CMTimeGetSeconds(cm.CMSampleBufferGetPresentationTimeStamp(sample_buffer))
            host_now = cm.CMTimeGetSeconds(cm.CMClockGetTime(cm.CMClockGetHostTimeClock()))
            end = block_end_time(
                pts, len(samples), rate, host_now_s=host_now, mono_now=self._clock()
            )
            self.pump.sample_rate = rate  # 48 kHz as configured; fixed for a stream
            self.pump.emit(samples, end_time=end)
        except Exception as exc:  # noqa: BLE001 - raising here would crash the dispatch queue
            # Not filled with silence: a stream Minuta cannot read is a lost channel.
            self.pump.fail(CaptureError(f"The computer's sound could not be read: {exc}."))

    def stopped(self, error: Any) -> None:
        """SCStreamDelegate ``stream:didStopWithError:``: macOS ended the stream."""
        code = int(error.code()) if error is not None else 0
        message = {
            _USER_STOPPED: "Recording the computer's sound was stopped from the macOS menu bar.",
            _USER_DECLINED: PERMISSION_HELP,
        }.get(code, f"macOS stopped the recording of the computer's sound (error {code}).")
        self.pump.fail(CaptureError(message))

    def close(self) -> None:
        with self._lock:
            if self._closing:
                return
            self._closing = True
        self.pump.close()
        if self._stream is None:
            return
        keep = [self._output, self._queue]

        def on_stopped(error: Any) -> None:
            keep.clear()  # release the output only once ScreenCaptureKit is done with it

        with contextlib.suppress(Exception):  # already stopped by macOS: nothing to undo
            self._stream.stopCaptureWithCompletionHandler_(on_stopped)


class MacOutputsBackend:
    """Capturable outputs on macOS: "System audio", plus loopback inputs as fallback.

    Loopback inputs (BlackHole...) come from the microphone backend and are offered
    as ``OUTPUT`` devices with their own ids; one is the default only when
    ScreenCaptureKit is unavailable (installing one is a deliberate choice).
    """

    name = "macos-outputs"

    def __init__(
        self, system: CaptureBackend | None = None, inputs: CaptureBackend | None = None
    ) -> None:
        self._system = system if system is not None else ScreenCaptureKitBackend()
        self._inputs = inputs if inputs is not None else SoundDeviceBackend()

    def devices(self, kind: DeviceKind) -> list[AudioDevice]:
        if kind is not DeviceKind.OUTPUT:
            return []
        system = self._system.devices(kind)
        try:
            inputs = self._inputs.devices(DeviceKind.MICROPHONE)
        except CaptureError:
            inputs = []
        loopbacks = [d for d in inputs if loopback_fallback_name(d.name)]
        return system + [
            dataclasses.replace(d, kind=DeviceKind.OUTPUT, is_default=not system and i == 0)
            for i, d in enumerate(loopbacks)
        ]

    def default_device(self, kind: DeviceKind) -> AudioDevice | None:
        return next((d for d in self.devices(kind) if d.is_default), None)

    def open(
        self, device: AudioDevice, on_block: BlockCallback, on_error: ErrorCallback
    ) -> CaptureStream:
        if device.id == SYSTEM_AUDIO_ID:
            return self._system.open(device, on_block, on_error)
        as_input = dataclasses.replace(device, kind=DeviceKind.MICROPHONE, is_default=False)
        return _AsOutput(self._inputs.open(as_input, on_block, on_error), device)


@dataclass(frozen=True)
class _AsOutput:
    """A loopback input's stream, presented as the output device it was chosen as."""

    stream: CaptureStream
    device: AudioDevice

    def close(self) -> None:
        self.stream.close()
