"""The echo gate: the far end's echo in the microphone is silenced, the user is not."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from minuta.audio.decode import decode_file
from minuta.audio.echo import suppress_echo
from minuta.core.models import ChannelKind
from minuta.transcribe.engine import TranscribeOptions

RATE = 16_000
FAR_LINES = (
    "The quarterly invoice for the warehouse arrives on Thursday morning.",
    "Please forward the spreadsheet to the accounting team before lunch.",
    "Our supplier in Rotterdam has raised the price of copper again.",
)
USER_LINES = (
    "I will call the customer about the blue bicycle tomorrow.",
    "Yes, and the garden furniture can wait until next month.",
)


@dataclass(frozen=True)
class Scene:
    far: np.ndarray  # the call audio
    echo: np.ndarray  # what the microphone hears of it
    user: np.ndarray  # the user's own voice at the microphone
    noise: np.ndarray

    @property
    def mic(self) -> np.ndarray:
        return (self.echo + self.user + self.noise).astype(np.float32)


def _level(x: np.ndarray, dbfs: float) -> np.ndarray:
    active = x[np.abs(x) > 1e-4]
    return x * (10 ** (dbfs / 20) / np.sqrt(np.mean(active**2)))


def _lay_out(clips: list[np.ndarray], starts_s: list[float], seconds: float) -> np.ndarray:
    out = np.zeros(int(seconds * RATE))
    for clip, start in zip(clips, starts_s, strict=True):
        s = int(start * RATE)
        out[s : s + len(clip)] += _level(clip, -23)[: len(out) - s]
    return out


def _room(rt60_s: float, rng: np.random.Generator) -> np.ndarray:
    """A direct path and an exponentially decaying, noise-like reverberant tail."""
    n = int(rt60_s * 1.2 * RATE)
    tail = rng.standard_normal(n) * np.exp(-6.9 * np.arange(n) / (rt60_s * RATE))
    tail[: int(0.003 * RATE)] = 0.0
    response = tail / np.sqrt(np.sum(tail**2))  # as much reverberant as direct energy
    response[0] += 1.0
    return response


def _echo(far: np.ndarray, delay_s: float, coupling_db: float, rt60_s: float) -> np.ndarray:
    response = _room(rt60_s, np.random.default_rng(7))
    size = 1 << int(len(far) + len(response)).bit_length()
    wet = np.fft.irfft(np.fft.rfft(far, size) * np.fft.rfft(response, size), size)[: len(far)]
    wet = np.concatenate([np.zeros(int(delay_s * RATE)), wet])[: len(far)]
    return wet * np.sqrt(np.sum(far**2) / np.sum(wet**2) * 10 ** (coupling_db / 10))


def _noise(n: int, dbfs: float) -> np.ndarray:
    return np.random.default_rng(3).standard_normal(n) * 10 ** (dbfs / 20)


@pytest.fixture(scope="module")
def voices(speech) -> tuple[list[np.ndarray], list[np.ndarray]]:
    far = [decode_file(speech(line, "en-gb")).samples.astype(np.float64) for line in FAR_LINES]
    user = [decode_file(speech(line, "en-us+f3")).samples.astype(np.float64) for line in USER_LINES]
    return far, user


def scene(
    voices,
    *,
    delay_s: float = 0.12,
    coupling_db: float = -20.0,
    rt60_s: float = 0.4,
    user_starts_s: tuple[float, ...] = (),
) -> Scene:
    far_clips, user_clips = voices
    far = _lay_out(far_clips, [0.5, 6.5, 12.5], 18.0)
    user = _lay_out(user_clips[: len(user_starts_s)], list(user_starts_s), 18.0)
    echo = _echo(far, delay_s, coupling_db, rt60_s)
    return Scene(far.astype(np.float32), echo, user, _noise(len(far), -65))


def gains_of(mic: np.ndarray, gated: np.ndarray) -> np.ndarray:
    """The gate's per-sample gain (it only ever multiplies the microphone signal)."""
    valid = np.abs(mic) > 1e-6
    return np.where(valid, gated / np.where(valid, mic, 1.0), 1.0)


def kept(signal: np.ndarray, gains: np.ndarray) -> float:
    return float(np.sum((gains * signal) ** 2) / np.sum(signal**2))


def test_far_end_echo_in_a_silent_microphone_is_gated(voices):
    s = scene(voices)
    result = suppress_echo(s.mic, s.far)
    assert result.echo_found
    assert kept(s.echo, gains_of(s.mic, result.mic)) < 0.05
    assert 0.3 < result.gated_fraction < 0.95
    assert result.coupling_db == pytest.approx(-20, abs=3)


def test_the_users_speech_without_a_far_end_is_untouched(voices):
    s = scene(voices, user_starts_s=(1.0, 9.0))
    mic = (s.user + s.noise).astype(np.float32)
    for far in (np.zeros_like(s.far), _noise(len(s.far), -90).astype(np.float32)):
        result = suppress_echo(mic, far)
        assert np.array_equal(result.mic, mic) and result.mic is not mic
        assert not result.echo_found
        assert result.gated_fraction == 0.0


def test_with_headphones_the_user_is_untouched_while_the_far_end_talks(voices):
    s = scene(voices, user_starts_s=(3.0, 10.0))
    mic = (s.user + s.noise).astype(np.float32)  # the call is active, but no echo
    result = suppress_echo(mic, s.far)
    assert np.array_equal(result.mic, mic)
    assert not result.echo_found


@pytest.mark.parametrize("coupling_db", [-10.0, -20.0])
def test_double_talk_keeps_the_users_speech(voices, coupling_db):
    # The user talks over the end of one far-end sentence and into the next.
    s = scene(voices, coupling_db=coupling_db, user_starts_s=(4.0, 10.5))
    result = suppress_echo(s.mic, s.far)
    gains = gains_of(s.mic, result.mic)
    assert result.echo_found
    assert kept(s.user, gains) > 0.97
    # Where the user is silent the echo still goes.
    assert kept(s.echo, gains) < 0.5


@pytest.mark.parametrize("delay_s", [0.02, 0.12, 0.3])
def test_the_delay_is_estimated_within_one_frame(voices, delay_s):
    s = scene(voices, delay_s=delay_s)
    result = suppress_echo(s.mic, s.far)
    assert result.delay_s == pytest.approx(delay_s, abs=0.02)


def test_a_dry_echo_gives_the_delay_within_a_few_milliseconds(voices):
    s = scene(voices, delay_s=0.087, rt60_s=0.01)
    assert suppress_echo(s.mic, s.far).delay_s == pytest.approx(0.087, abs=0.005)


@pytest.mark.parametrize("mic_longer", [True, False])
def test_channels_of_different_lengths(voices, mic_longer):
    s = scene(voices)
    mic, far = s.mic, s.far
    if mic_longer:
        far = far[: len(far) - 5 * RATE]
    else:
        mic = mic[: len(mic) - 5 * RATE]
    result = suppress_echo(mic, far)
    assert len(result.mic) == len(mic)
    assert result.echo_found
    overlap = min(len(mic), len(far))
    gains = gains_of(mic[:overlap], result.mic[:overlap])
    assert kept(s.echo[:overlap], gains) < 0.05


def test_inputs_are_not_modified_and_gains_ramp_without_clicks(voices):
    s = scene(voices)
    mic, far = s.mic, s.far
    mic_before, far_before = mic.copy(), far.copy()
    result = suppress_echo(mic, far)
    assert np.array_equal(mic, mic_before) and np.array_equal(far, far_before)
    assert result.mic.dtype == np.float32 and result.mic is not mic
    gains = gains_of(mic, result.mic)
    assert gains.min() >= 0.0 and gains.max() <= 1.0 + 1e-6
    # Between samples the gain moves by at most one 10 ms ramp step.
    valid = np.abs(mic) > 1e-3
    pairs = valid[1:] & valid[:-1]
    assert np.max(np.abs(np.diff(gains))[pairs]) <= 1 / 160 + 1e-4


def test_other_sample_rates(voices):
    import soxr

    s = scene(voices, delay_s=0.12)
    mic = soxr.resample(s.mic, RATE, 48_000).astype(np.float32)
    far = soxr.resample(s.far, RATE, 48_000).astype(np.float32)
    result = suppress_echo(mic, far, 48_000)
    assert result.delay_s == pytest.approx(0.12, abs=0.02)
    assert result.gated_fraction > 0.3


def test_empty_signals_come_back_as_they_are():
    empty = np.zeros(0, np.float32)
    assert len(suppress_echo(empty, empty).mic) == 0
    ones = np.ones(RATE, np.float32)
    assert np.array_equal(suppress_echo(ones, empty).mic, ones)


@pytest.mark.model
def test_echoed_far_end_words_are_not_transcribed_as_me(engine, voices):
    far_words = {"invoice", "warehouse", "thursday", "spreadsheet", "accounting", "copper"}
    user_words = {"customer", "bicycle", "furniture", "garden"}
    s = scene(voices, coupling_db=-15.0, user_starts_s=(4.3, 10.5))

    def me(audio: np.ndarray) -> set[str]:
        transcript = engine.transcribe(
            audio, TranscribeOptions(language="en"), channel=ChannelKind.MICROPHONE
        )
        text = " ".join(segment.text for segment in transcript.segments).lower()
        return {word.strip(".,!?") for word in text.split()}

    echo_only = (s.echo + s.noise).astype(np.float32)
    assert len(me(echo_only) & far_words) >= 3  # without the gate, the echo is "me"
    assert not me(suppress_echo(echo_only, s.far).mic) & far_words
    heard = me(suppress_echo(s.mic, s.far).mic)
    assert len(heard & user_words) >= 2
    assert len(heard & far_words) <= 1
