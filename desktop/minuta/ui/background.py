"""Slow work off the GUI thread, without Qt objects crossing threads.

Listing audio devices, detecting the machine (which imports CTranslate2),
downloading a model, decoding a meeting's audio or writing an export can each
take far longer than a frame. They run on plain Python threads that touch no
Qt object (one freed on such a thread crashes the app); the GUI side
watches their :class:`~concurrent.futures.Future` with a timer owned by a
widget. When the widget goes away, so does its timer, and a late result is
simply never looked at: no signal is ever emitted at a deleted object.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
log = logging.getLogger(__name__)

POLL_MS = 30


def run_in_background(fn: Callable[[], T], name: str) -> Future[T]:
    """Run ``fn`` on a new daemon thread; its result or exception lands in the future.

    Daemon: a sound server or network that hangs must not keep Minuta from quitting.
    """
    future: Future[T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI side as is
            future.set_exception(exc)
        else:
            future.set_result(result)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future


def when_done(
    future: Future[T],
    context: QObject,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> QTimer:
    """Call ``on_done(result)`` (or ``on_error``) on the GUI thread once ``future`` is done.

    The timer belongs to ``context``: if that is deleted first, nothing is called.
    """
    timer = QTimer(context)
    timer.setInterval(POLL_MS)

    def check() -> None:
        if not future.done():
            return
        timer.stop()
        timer.deleteLater()
        error = future.exception()
        if error is None:
            on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background task failed: %s", type(error).__name__)

    timer.timeout.connect(check)
    timer.start()
    return timer
