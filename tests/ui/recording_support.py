"""Shared by the recording UI tests: a store open on the worker, the controller, speech."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from tests.harness.pulse import play
from ui_support import create_store

from minuta.app.session import open_app_store
from minuta.audio.decode import decode_file
from minuta.ui.recording.controller import RecordingController

CALL_TEXT = "The quarterly report shows strong growth in Denmark and Finland."


def restore_devices(pulse_server) -> None:
    """A test that removes a device must not leave the shared server without it."""
    if "virtual_mic" not in pulse_server.pactl("list", "short", "sources"):
        pulse_server.add_virtual_mic()


def open_store_on(qtbot, worker, app_paths) -> None:
    """A new store, created the way `minuta init` does, opened on the worker."""
    create_store(app_paths)
    done: list[object] = []
    worker.open(lambda: (open_app_store(app_paths), "open"), done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"], timeout=10_000)


class Controllers:
    """Makes controllers on the real PulseAudio server; shuts them down before the worker."""

    def __init__(self, worker, app_paths) -> None:
        self._worker = worker
        self._paths = app_paths
        self._made: list[RecordingController] = []

    def __call__(self, **options: Any) -> RecordingController:
        from minuta.audio.pulse_backend import PulseBackend

        controller = RecordingController(
            self._worker, self._paths, backend_factory=PulseBackend, **options
        )
        self._made.append(controller)
        return controller

    def shutdown(self) -> None:
        for controller in self._made:
            controller.shutdown()


def on_worker(qtbot, worker, fn: Callable[[Any], Any], timeout: int = 15_000) -> Any:
    """Run ``fn(store)`` on the store's worker and wait for its result."""
    outcome: list[tuple[bool, Any]] = []
    worker.submit(fn, lambda r: outcome.append((True, r)), lambda e: outcome.append((False, e)))
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def call_speech(speech) -> np.ndarray:
    """A few seconds of speech, then a second of silence so the phrase settles."""
    samples = decode_file(speech(CALL_TEXT, "en-us", name="ui-call.wav")).samples
    return np.concatenate([samples, np.zeros(16000, dtype=np.float32)])


def tone(seconds: float, hz: float = 440.0) -> np.ndarray:
    t = np.arange(int(16000 * seconds)) / 16000
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def play_in_background(pulse_server, sink: str, samples: np.ndarray) -> threading.Thread:
    player = threading.Thread(target=play, args=(pulse_server.env, sink, samples, 16000))
    player.start()
    return player
