"""One thread for the recorder's controls, so the GUI thread never waits on them.

Pause, resume and a highlight each wait until the recorder's own thread has
taken them (usually at once, but a slow disk can hold that thread), and
listing devices asks the sound server. They run here, one at a time and in
the order asked; results come back on the GUI thread.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from minuta.ui.recording.gui_post import GuiPost

log = logging.getLogger(__name__)


class ControlThread:
    def __init__(self, to_gui: GuiPost) -> None:
        self._to_gui = to_gui
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="minuta-recording-control")

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """``fn()`` on the control thread; ``on_done(result)`` or ``on_error(exc)`` on the GUI."""

        def run() -> None:
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
                log.error("recording control failed: %s", type(exc).__name__)
                if on_error is not None:
                    self._post(functools.partial(on_error, exc))
                return
            if on_done is not None:
                self._post(functools.partial(on_done, result))

        with contextlib.suppress(RuntimeError):  # after shutdown: nothing left to control
            self._executor.submit(run)

    def _post(self, fn: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone (quitting)
            self._to_gui.post(fn)

    def shutdown(self) -> None:
        """Drop the controls not started; wait for one under way (they are short).

        Waiting means nothing posts to the GUI while its objects are being freed.
        """
        self._executor.shutdown(wait=True, cancel_futures=True)
