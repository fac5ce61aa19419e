"""Shared by the recording UI tests: a store open on the worker, the controller, speech."""

from __future__ import annotations

import threading
from functools import partial
from typing import Any

import numpy as np
import ui_support
from tests.harness.pulse import play

from minuta.audio.decode import decode_file
from minuta.ui.recording.controller import RecordingController

CALL_TEXT = "The quarterly report shows strong growth in Denmark and Finland."


def restore_devices(pulse_server) -> None:
    """A test that removes a device must not leave the shared server without it."""
    if "virtual_mic" not in pulse_server.pactl("list", "short", "sources"):
        pulse_server.add_virtual_mic()


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


# Stopping a recording and the final pass can keep the worker busy for a while.
on_worker = partial(ui_support.on_worker, timeout=15_000)


def open_store_on(qtbot, worker, app_paths) -> None:
    ui_support.open_store_on(qtbot, worker, app_paths, timeout=10_000)


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
