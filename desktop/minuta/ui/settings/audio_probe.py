"""Devices and live levels for the settings' device page, read off the GUI thread.

Asking the sound server for devices, and opening or closing a capture stream,
can take seconds (a sleeping Bluetooth headset, a busy PulseAudio). So
:func:`list_devices` and :class:`LevelProbe` do it on their own threads and
the widgets see only plain values: a :class:`~minuta.audio.capture.DeviceList`, and levels in dBFS
that the probe's timer hands out a dozen times a second. Nothing is recorded:
the samples are measured and dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from minuta.audio import capture
from minuta.audio.capture import (
    AudioDevice,
    CaptureBackend,
    CapturedBlock,
    CaptureError,
    CaptureStream,
    DeviceKind,
)
from minuta.audio.levels import FLOOR_DBFS, measure
from minuta.ui.background import run_in_background

log = logging.getLogger(__name__)

BackendFactory = Callable[[], CaptureBackend]
METER_INTERVAL_MS = 80


def default_backend() -> CaptureBackend:
    from minuta.audio.backends import system_backend

    return system_backend()


def list_devices(factory: BackendFactory) -> Future[capture.DeviceList]:
    return run_in_background(lambda: capture.list_devices(factory), "minuta-devices")


@dataclass(eq=False)
class _Meters:
    """What the capture threads and the GUI's timer share; guarded by ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    peaks: dict[DeviceKind, float] = field(default_factory=dict)
    problem: str | None = None

    def block(self, kind: DeviceKind, block: CapturedBlock) -> None:
        peak = measure(block.samples).peak_dbfs
        with self.lock:
            self.peaks[kind] = max(peak, self.peaks.get(kind, FLOOR_DBFS))

    def failed(self, exc: Exception) -> None:
        with self.lock:
            self.problem = str(exc)

    def take(self) -> tuple[dict[DeviceKind, float], str | None]:
        with self.lock:
            peaks, self.peaks = self.peaks, {}
            problem, self.problem = self.problem, None
        return peaks, problem


def _capture(
    factory: BackendFactory, wanted: Sequence[tuple[DeviceKind, str | None]], meters: _Meters
) -> None:
    """Open each device, measure until told to stop, close: all on this thread."""
    streams: list[CaptureStream] = []
    try:
        backend = factory()
        for kind, device_id in wanted:
            if meters.stop.is_set():
                break
            device = _device(backend, kind, device_id)
            if device is None:
                meters.failed(CaptureError(_no_device_text(kind)))
                continue

            def on_block(block: CapturedBlock, kind: DeviceKind = kind) -> None:
                meters.block(kind, block)

            try:
                streams.append(backend.open(device, on_block, meters.failed))
            except CaptureError as exc:
                meters.failed(exc)
        meters.stop.wait()
    except Exception as exc:  # noqa: BLE001 - whatever the backend raised, say so
        meters.failed(exc)
    finally:
        for stream in streams:
            try:
                stream.close()
            except Exception as exc:  # noqa: BLE001 - closing a broken stream
                log.warning("closing a test stream failed: %s", type(exc).__name__)


def _device(backend: CaptureBackend, kind: DeviceKind, device_id: str | None) -> AudioDevice | None:
    if device_id:
        for device in backend.devices(kind):
            if device.id == device_id:
                return device
        return None
    return backend.default_device(kind)


def _no_device_text(kind: DeviceKind) -> str:
    if kind is DeviceKind.MICROPHONE:
        return QCoreApplication.translate("LevelProbe", "The chosen microphone is not connected.")
    return QCoreApplication.translate("LevelProbe", "The chosen output is not connected.")


class LevelProbe(QObject):
    """Shows how loud each chosen device is, while a test runs.

    ``levels`` carries ``{DeviceKind: peak dBFS}`` every ``METER_INTERVAL_MS``;
    ``problem`` a sentence when a device could not be opened or stopped.
    """

    levels = Signal(object)
    problem = Signal(str)

    def __init__(self, factory: BackendFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._meters: _Meters | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(METER_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._meters is not None

    def start(self, wanted: Sequence[tuple[DeviceKind, str | None]]) -> None:
        """Measure each ``(kind, device id or None for the default)``."""
        self.stop()
        meters = _Meters()
        self._meters = meters
        factory, devices = self._factory, tuple(wanted)
        run_in_background(lambda: _capture(factory, devices, meters), "minuta-level-test")
        self._timer.start()

    def stop(self) -> None:
        """Stop measuring; the streams are closed on their own thread."""
        meters, self._meters = self._meters, None
        if meters is not None:
            meters.stop.set()
        self._timer.stop()

    def _tick(self) -> None:
        if self._meters is None:
            return
        peaks, problem = self._meters.take()
        if problem:
            self.problem.emit(problem)
        self.levels.emit(peaks)
