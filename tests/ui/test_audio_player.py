"""The audio player: on its clock without a sound output, and heard through PulseAudio."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from minuta.app.playback import SAMPLE_RATE
from minuta.ui.meeting.player import AudioPlayer

pytestmark = pytest.mark.gui


def tone(hz: float, seconds: float) -> np.ndarray:
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.4 * 32767 * np.sin(2 * np.pi * hz * t)).astype(np.int16)


def dominant_hz(signal: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / rate)[np.argmax(spectrum)])


@pytest.fixture
def clock_player(qtbot):
    player = AudioPlayer(use_output_device=False)
    yield player
    player.close()


def test_nothing_plays_before_the_audio_is_loaded_but_seeking_works(qtbot, clock_player):
    clock_player.set_duration(30.0)
    clock_player.seek(12.5)
    assert clock_player.position_s == 12.5
    clock_player.seek(99.0)
    assert clock_player.position_s == 30.0
    clock_player.play()
    assert not clock_player.playing


def test_without_an_output_the_position_runs_on_a_clock(qtbot, clock_player):
    clock_player.load(tone(440, 10.0), 10.0, [(1.0, 2.0), (7.0, 8.0)])
    errors: list[str] = []
    clock_player.error.connect(errors.append)
    clock_player.seek(1.0)
    with qtbot.waitSignal(clock_player.state_changed) as changed:
        clock_player.play()
    assert changed.args == [True]
    assert "No sound output" in errors[0]
    assert not clock_player.output_active
    with qtbot.waitSignal(clock_player.position_changed):
        pass
    qtbot.waitUntil(lambda: clock_player.position_s > 1.2)
    clock_player.pause()
    paused = clock_player.position_s
    assert 1.2 < paused < 3.0
    qtbot.wait(100)
    assert clock_player.position_s == paused  # paused means paused

    # Skipping silence: from the end of the first line straight to the margin before 7.0.
    clock_player.set_skip_silence(True)
    clock_player.set_speed(2.0)
    clock_player.seek(2.2)
    clock_player.play()
    qtbot.waitUntil(lambda: clock_player.position_s > 6.5, timeout=3_000)
    assert clock_player.position_s < 8.4
    # The end (of the kept audio) stops playing.
    with qtbot.waitSignal(clock_player.state_changed, timeout=3_000) as stopped:
        pass
    assert stopped.args == [False]
    assert clock_player.position_s == pytest.approx(8.3)
    assert errors == [errors[0]]  # said once


def test_speed_must_be_one_offered(clock_player):
    with pytest.raises(ValueError, match="speed"):
        clock_player.set_speed(3.5)


@pytest.fixture
def pulse_output(pulse_server):
    """PortAudio, (re)started now that the test's PulseAudio server is up."""
    import sounddevice

    # PortAudio lists devices once, when it starts; a server started later is not seen.
    sounddevice._terminate()
    sounddevice._initialize()
    return pulse_server


class MonitorRecorder:
    """Records what is played into the ``call`` sink, from its monitor."""

    def __init__(self, server) -> None:
        self._server = server
        self._stop = threading.Event()
        self._chunks: list[np.ndarray] = []
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import pasimple

        with pasimple.PaSimple(
            pasimple.PA_STREAM_RECORD,
            pasimple.PA_SAMPLE_FLOAT32LE,
            1,
            SAMPLE_RATE,
            app_name="minuta-tests",
            device_name="call.monitor",
            server_name=self._server.address,
            fragsize=1600 * 4,
        ) as stream:
            while not self._stop.is_set():
                self._chunks.append(np.frombuffer(stream.read(1600 * 4), dtype=np.float32))

    def __enter__(self) -> MonitorRecorder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    @property
    def signal(self) -> np.ndarray:
        return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)

    def quiet_after_sound_s(self) -> float:
        loud = np.flatnonzero(np.abs(self.signal) > 0.05)
        return 0.0 if len(loud) == 0 else (len(self.signal) - loud[-1]) / SAMPLE_RATE


def test_audio_is_heard_through_pulseaudio_at_speed_and_pitch(qtbot, pulse_output):
    player = AudioPlayer()
    try:
        player.load(tone(440, 3.0), 3.0)
        player.set_speed(1.5)
        errors: list[str] = []
        player.error.connect(errors.append)
        with MonitorRecorder(pulse_output) as recorder:
            qtbot.waitUntil(lambda: len(recorder.signal) > SAMPLE_RATE // 4, timeout=10_000)
            player.play()
            qtbot.waitUntil(lambda: player.output_active, timeout=5_000)
            qtbot.waitUntil(lambda: player.position_s > 0.5, timeout=10_000)
            # The position is that of the sound heard: it lags what was sent, never leads.
            with qtbot.waitSignal(player.state_changed, timeout=10_000) as stopped:
                pass
            assert stopped.args == [False]
            # The monitor lags what is played: keep recording until the sound has died away.
            qtbot.waitUntil(lambda: recorder.quiet_after_sound_s() > 0.3, timeout=5_000)
        assert errors == []
        assert player.position_s == pytest.approx(3.0)
        heard = recorder.signal
        loud = np.flatnonzero(np.abs(heard) > 0.05)
        sound = heard[loud[0] : loud[-1] + 1]
        # 3 s at 1.5x is 2 s of sound. The test's null sink stalls for ~2 s before its first
        # read and then drops what was buffered meanwhile (up to the 0.15-0.2 s latency).
        assert 1.75 < len(sound) / SAMPLE_RATE < 2.1
        assert dominant_hz(sound, SAMPLE_RATE) == pytest.approx(440.0, abs=3)
    finally:
        player.close()
