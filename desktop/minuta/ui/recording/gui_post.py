"""Handing work from any thread to the GUI thread.

The recorder, the recording controls and the final pass run on threads of
their own. They never emit the public signals themselves: a slot connected
to a plain Python function would then run on their thread, next to widgets it
must not touch. They post a function here instead, and it runs on the GUI
thread through a queued connection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot


class GuiPost(QObject):
    """``post(fn)`` from any thread; ``fn()`` runs later on this object's (GUI) thread."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._call.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()
