"""The real base model on audio without speech: no text may come out of it.

Silero VAD already keeps these signals from the decoder, so each is also
decoded without VAD, where Whisper does hallucinate on them (loops of "5,5,5",
"1 oz. 1 oz.", "you", "...") and only the guards stand between that and the
transcript. Without VAD there is no speech map for the second (coverage) pass
to go by, so those runs decode one pass, without word timestamps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from minuta.audio.decode import decode_file
from minuta.core.models import Transcript
from minuta.transcribe.engine import SAMPLE_RATE, TranscribeOptions, WhisperEngine

pytestmark = pytest.mark.model

SECONDS = 60
Signal = Callable[[float, np.random.Generator], np.ndarray]


def white_noise(seconds: float, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal(int(seconds * SAMPLE_RATE)) * 0.1


def pink_noise(seconds: float, rng: np.random.Generator) -> np.ndarray:
    n = int(seconds * SAMPLE_RATE)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    frequencies = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    frequencies[0] = frequencies[1]
    noise = np.fft.irfft(spectrum / np.sqrt(frequencies), n)
    return np.asarray(noise / np.max(np.abs(noise)) * 0.3)


def music(seconds: float, rng: np.random.Generator) -> np.ndarray:
    """Four-chord progression, a struck chord every half second, with overtones."""
    chords = ((261.6, 329.6, 392.0), (220.0, 261.6, 329.6), (174.6, 220.0, 261.6))
    beat = int(0.5 * SAMPLE_RATE)
    t = np.arange(beat) / SAMPLE_RATE
    envelope = np.exp(-3 * t)
    notes = []
    for i in range(int(seconds * SAMPLE_RATE) // beat):
        chord = chords[(i // 4) % len(chords)]
        offset = i * beat / SAMPLE_RATE
        tone = sum(
            np.sin(2 * np.pi * f * (t + offset)) + 0.3 * np.sin(4 * np.pi * f * (t + offset))
            for f in chord
        )
        notes.append(tone * envelope * rng.uniform(0.8, 1.0))
    out = np.concatenate(notes)
    return np.asarray(out / np.max(np.abs(out)) * 0.4)


def keyboard(seconds: float, rng: np.random.Generator) -> np.ndarray:
    """Short decaying broadband bursts at random intervals, like typing."""
    out = np.zeros(int(seconds * SAMPLE_RATE))
    burst = np.exp(-np.arange(160) / 30)
    at = rng.uniform(0.08, 0.4)
    while (start := int(at * SAMPLE_RATE)) + len(burst) < len(out):
        out[start : start + len(burst)] += rng.standard_normal(len(burst)) * burst * 0.3
        at += rng.uniform(0.08, 0.4)
    return out


def silence(seconds: float, rng: np.random.Generator) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE))


def mains_hum(seconds: float, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    harmonics = [a * np.sin(2 * np.pi * f * t) for f, a in ((50, 0.05), (100, 0.02), (150, 0.01))]
    return np.asarray(np.sum(harmonics, axis=0))


SIGNALS: dict[str, Signal] = {
    "white noise": white_noise,
    "pink noise": pink_noise,
    "music": music,
    "keyboard": keyboard,
    "silence": silence,
    "hum": mains_hum,
}


def make(signal: Signal, seconds: float = SECONDS, seed: int = 1) -> np.ndarray:
    return np.asarray(signal(seconds, np.random.default_rng(seed)), dtype=np.float32)


def spoken(transcript: Transcript) -> str:
    return " ".join(s.text for s in transcript.segments)


def word_set(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


APP = TranscribeOptions()  # what imports and recordings use
DECODER_ONLY = TranscribeOptions(vad=False, word_timestamps=False)


@pytest.mark.parametrize("options", [APP, DECODER_ONLY], ids=["app", "decoder-only"])
@pytest.mark.parametrize("name", SIGNALS)
def test_no_text_without_speech(
    engine: WhisperEngine, name: str, options: TranscribeOptions
) -> None:
    transcript = engine.transcribe(make(SIGNALS[name]), options)
    assert spoken(transcript) == ""
    assert transcript.segments == ()


SENTENCE = "Please send the revised proposal to the customer before Friday."


@pytest.fixture(scope="module")
def sentence(speech: Callable[[str], Path]) -> np.ndarray:
    return decode_file(speech(SENTENCE)).samples


def test_speech_still_comes_through(engine: WhisperEngine, sentence: np.ndarray) -> None:
    for options in (APP, DECODER_ONLY):
        words = word_set(spoken(engine.transcribe(sentence, options)))
        assert {"proposal", "customer", "friday"} <= words


@pytest.mark.parametrize("noise", ["pink noise", "music"])
def test_speech_then_noise_gives_only_the_speech(
    engine: WhisperEngine, sentence: np.ndarray, noise: str
) -> None:
    audio = np.concatenate([sentence, make(SIGNALS[noise], 30)])
    speech_end = len(sentence) / SAMPLE_RATE
    for options in (APP, DECODER_ONLY):
        transcript = engine.transcribe(audio, options)
        words = word_set(spoken(transcript))
        assert {"proposal", "customer", "friday"} <= words
        assert words <= word_set(SENTENCE)
        # Without word timestamps a line ends where its decoding window ends.
        assert all(s.start < speech_end for s in transcript.segments)
        assert all(w.end <= speech_end + 1.0 for s in transcript.segments for w in s.words)
