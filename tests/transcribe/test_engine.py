"""The real base model on synthetic speech."""

from __future__ import annotations

import numpy as np
import pytest

from minuta.audio.decode import decode_file
from minuta.transcribe.engine import TranscribeOptions

pytestmark = pytest.mark.model


def test_transcribes_english_with_word_timestamps(engine, speech):
    path = speech("Please send the revised proposal to the customer before Friday.")
    audio = decode_file(path).samples
    progress: list[tuple[float, float]] = []
    transcript = engine.transcribe(audio, progress=lambda d, t: progress.append((d, t)))
    text = " ".join(s.text for s in transcript.segments).lower()
    assert "proposal" in text and "friday" in text
    assert transcript.language == "en"
    assert transcript.model == "base"
    words = [w for s in transcript.segments for w in s.words]
    assert len(words) >= 8
    starts = [w.start for w in words]
    assert starts == sorted(starts)
    assert all(0 <= w.start <= w.end <= transcript.duration_s + 0.5 for w in words)
    assert progress[-1] == (transcript.duration_s, transcript.duration_s)


def test_language_can_be_forced(engine, speech):
    path = speech("Please send the revised proposal to the customer before Friday.")
    transcript = engine.transcribe(decode_file(path).samples, TranscribeOptions(language="en"))
    assert transcript.language == "en"


def test_silence_gives_an_empty_transcript(engine):
    transcript = engine.transcribe(np.zeros(16000 * 3, dtype=np.float32))
    assert transcript.segments == ()
