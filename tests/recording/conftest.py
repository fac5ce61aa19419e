from __future__ import annotations

import threading
from collections.abc import Mapping

import numpy as np
import pytest

from minuta.core.models import ChannelKind, Consent, RecordingEvent


class Listener:
    """Collects what a recorder reports, with events tests can wait on."""

    def __init__(self) -> None:
        self.events: list[RecordingEvent] = []
        self.level_updates = 0
        self.heard = {kind: threading.Event() for kind in ChannelKind}
        self._new_event = threading.Condition()

    def levels(self, levels: Mapping) -> None:
        self.level_updates += 1
        for kind, level in levels.items():
            if level.peak_dbfs > -100:
                self.heard[kind].set()

    def event(self, event: RecordingEvent) -> None:
        with self._new_event:
            self.events.append(event)
            self._new_event.notify_all()

    def wait_for(
        self, kind: str, channel: ChannelKind | None = None, timeout: float = 10.0, after: int = 0
    ) -> RecordingEvent:
        """The first event of ``kind`` (on ``channel``) among events[after:]."""

        def find() -> RecordingEvent | None:
            return next(
                (
                    e
                    for e in self.events[after:]
                    if e.kind == kind and (channel is None or e.channel is channel)
                ),
                None,
            )

        with self._new_event:
            found = self._new_event.wait_for(find, timeout)
        assert found, f"no {kind!r} event within {timeout} s; got {self.events}"
        return found

    def wait_delivering(self, *channels: ChannelKind) -> None:
        for channel in channels:
            self.wait_for("audio_started", channel)


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture(autouse=True)
def devices_restored(pulse_server):
    """A test that removes a device must not leave the shared server without it."""
    yield
    if "virtual_mic" not in pulse_server.pactl("list", "short", "sources"):
        pulse_server.add_virtual_mic()


@pytest.fixture
def store(app_paths, pulse_server):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    yield store
    store.close()


@pytest.fixture
def backend(pulse_server):
    from minuta.audio.pulse_backend import PulseBackend

    return PulseBackend()


@pytest.fixture(scope="session")
def voices(speech):
    """Two different speakers, as 16 kHz float32 arrays."""
    from minuta.audio.decode import decode_file

    far = speech(
        "The delivery of the new turbines is planned for the first week of March.",
        "en-us",
        name="far.wav",
    )
    near = speech(
        "Our price includes installation and two years of service.", "en-gb+m3", name="near.wav"
    )
    return decode_file(far).samples, decode_file(near).samples


def windowed_match(
    recorded: np.ndarray, source: np.ndarray, rate: int = 16000, window_s: float = 0.5
) -> tuple[float, float]:
    """Where ``source`` sits in ``recorded`` (median, seconds) and how well it matches.

    Compared in half-second windows, each searched near the global offset: the
    recorder may stretch a channel by a few samples to follow the clock, which
    a single whole-utterance correlation would punish.
    """
    start, _ = offset_of(recorded, source, rate)
    window, slack = int(window_s * rate), int(0.02 * rate)
    offsets, matches = [], []
    for begin in range(0, len(source) - window + 1, window):
        piece = source[begin : begin + window]
        if np.sqrt(np.mean(piece**2)) < 0.01:
            continue  # a pause in the speech says nothing about the match
        lo = max(0, int(start * rate) + begin - slack)
        at, match = offset_of(recorded[lo : lo + window + 2 * slack], piece, rate)
        offsets.append(lo / rate + at - begin / rate)
        matches.append(match)
    return float(np.median(offsets)), float(np.median(matches))


def offset_of(recorded: np.ndarray, source: np.ndarray, rate: int = 16000) -> tuple[float, float]:
    """Where ``source`` starts in ``recorded`` (seconds) and how well it matches (0..1)."""
    n = len(recorded) + len(source)
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(source, size))
    corr = np.fft.irfft(spectrum, size)[: len(recorded)]
    lag = int(np.argmax(corr))
    segment = recorded[lag : lag + len(source)]
    if len(segment) < len(source):
        return lag / rate, 0.0
    denominator = float(np.linalg.norm(segment) * np.linalg.norm(source)) or 1.0
    return lag / rate, float(np.dot(segment, source) / denominator)


def record_while_playing(store, backend, pulse_server, listener, *, call, mic, title):
    """Record both channels while ``call`` and ``mic`` are played at the same moment."""
    import threading

    from tests.harness.pulse import play

    from minuta.app.recording import RecordingRequest, start_recording

    session = start_recording(
        store,
        backend,
        RecordingRequest(
            consent=Consent.INFORMED,
            title=title,
            microphone="pulse:virtual_mic",
            output="pulse:call",
        ),
        listener=listener,
    )
    try:
        # Both devices deliver (silence) before anything is played.
        listener.wait_delivering(ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
        start = threading.Barrier(2)
        players = [
            threading.Thread(target=play, args=(pulse_server.env, "call", call, 16000, start)),
            threading.Thread(target=play, args=(pulse_server.env, "mic_feed", mic, 16000, start)),
        ]
        for player in players:
            player.start()
        for player in players:
            player.join()
    finally:
        finished = session.stop()
    return finished
