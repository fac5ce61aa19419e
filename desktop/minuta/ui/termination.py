"""Quit cleanly when the session ends the process (SIGTERM, SIGINT, SIGHUP).

A desktop session sends SIGTERM at log-out or shutdown; a terminal sends SIGINT.
Python runs its signal handlers only between Python bytecodes, which may be never
while Qt's event loop waits, so the signal is written to a socket that Qt watches
(``signal.set_wakeup_fd``): the quit then happens on the GUI thread like any other,
and a running recording is saved by the normal shutdown. Windows has no such
signals for GUI programs: there this does nothing.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class TerminationWatch(QObject):
    """Calls ``on_signal`` on the GUI thread when one of :data:`SIGNALS` arrives."""

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, self._noted) for number in SIGNALS}

    @staticmethod
    def _noted(number: int, _frame: object) -> None:
        # The wakeup fd has already told Qt; the handler only keeps Python's default
        # (an exception or death) from happening.
        pass

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        if data:
            log.info("asked to quit by signal %d", data[0])
            self._on_signal()

    def close(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
