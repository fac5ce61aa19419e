"""The recorder's listener: called on the recorder's thread, it only hands things over.

Levels arrive twenty times a second; they are kept (the loudest peak per
channel) until the GUI's meter timer takes them, so no signal is queued per
report. Events are queued the same way, in order, and taken by the same timer.
Nothing here may raise or block, or the recording itself would suffer.

The listener holds no Qt object and nothing that leads to one: the recorder's
thread may hold the last reference to it, and a Qt object freed on a thread
other than the GUI's crashes the app (PySide 6.11).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Mapping

from minuta.audio.levels import FLOOR_DBFS, Level
from minuta.core.models import ChannelKind, RecordingEvent

log = logging.getLogger(__name__)


class RecordingListener:
    def __init__(self) -> None:
        self._events: queue.SimpleQueue[RecordingEvent] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._peaks: dict[ChannelKind, float] = {}

    def levels(self, levels: Mapping[ChannelKind, Level]) -> None:
        with self._lock:
            for kind, level in levels.items():
                self._peaks[kind] = max(self._peaks.get(kind, FLOOR_DBFS), level.peak_dbfs)

    def take_levels(self) -> dict[ChannelKind, float]:
        """The loudest peak per channel since the last call."""
        with self._lock:
            peaks, self._peaks = self._peaks, {}
        return peaks

    def event(self, event: RecordingEvent) -> None:
        self._events.put(event)

    def take_events(self) -> list[RecordingEvent]:
        """The events since the last call, oldest first."""
        events = []
        while True:
            try:
                events.append(self._events.get_nowait())
            except queue.Empty:
                return events
