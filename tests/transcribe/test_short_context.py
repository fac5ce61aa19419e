"""Short encoder windows for live decodes: when to trust them, and the real model on them."""

from __future__ import annotations

import numpy as np
import pytest

from minuta.audio.decode import decode_file
from minuta.core.models import ChannelKind
from minuta.transcribe.segmentation import RawSegment
from minuta.transcribe.short_context import (
    FULL_WINDOW_S,
    MAX_TOKENS,
    looks_looped,
    short_window_model,
    short_window_s,
    token_cap,
)
from minuta.transcribe.streaming import DecodeJob, JobKind


def seg(text: str, start: float = 0.0, end: float = 2.0) -> RawSegment:
    return RawSegment(start, end, " " + text, (), -0.2)


@pytest.mark.parametrize(
    "text",
    [
        "Mary rolled the barrel. Mary rolled the barrel.",
        # The repeat cut short by the token cap still counts.
        "To reset the audio volume to the default level. To reset the audio",
        "Sunday. Sunday. Sunday.",
        "To send this call to a polite to a polite menu",
    ],
)
def test_a_repeated_utterance_is_decoded_again(text: str) -> None:
    assert looks_looped([seg(text, 0.0, 6.0)], duration_s=6.0)


@pytest.mark.parametrize(
    "text",
    [
        "Five five.",  # a word said twice is speech
        "Press one to record your message, press two to record your name.",
        "If you wish to send this call to voicemail, dial three; to send this call on, dial four.",
    ],
)
def test_ordinary_speech_is_trusted(text: str) -> None:
    assert not looks_looped([seg(text, 0.0, 6.0)], duration_s=6.0)


def test_more_words_than_anyone_speaks_is_not_trusted() -> None:
    text = "please enter the number to be removed from the list right now"
    assert looks_looped([seg(text, 0.0, 1.5)], duration_s=1.5)
    assert not looks_looped([seg(text, 0.0, 5.0)], duration_s=5.0)


def test_a_segment_squeezed_against_the_end_is_not_trusted() -> None:
    segments = [seg("Call forward on busy.", 0.0, 1.5), seg("see.", 1.5, 1.6)]
    assert looks_looped(segments, duration_s=2.0)
    assert not looks_looped(segments[:1], duration_s=2.0)
    assert not looks_looped([], duration_s=2.0)


def test_window_and_token_cap_follow_the_audio() -> None:
    assert short_window_s(4.2, 3.0) == 8
    assert short_window_s(26.5, 3.0) is None  # no shorter than the full window
    assert short_window_s(FULL_WINDOW_S, 0.0) is None
    assert token_cap(2.0) < token_cap(10.0) <= MAX_TOKENS
    assert token_cap(500.0) == MAX_TOKENS


def test_the_encoder_sees_only_the_window_it_is_given() -> None:
    class Encoder:
        def encode(self, features: np.ndarray) -> np.ndarray:
            return features

    model = short_window_model(Encoder)()
    features = np.zeros((80, 3000), dtype=np.float32)
    assert model.encode(features).shape == (80, 3000)
    model.window_frames = 800
    assert model.encode(features).shape == (80, 800)
    assert model.encode(features[None]).shape == (1, 80, 800)


@pytest.mark.model
def test_a_short_window_decode_reads_the_same_words_as_the_full_window(base_model, speech):
    from minuta.transcribe.live_engine import LiveDecoder

    audio = decode_file(speech("Please send the signed contract to Maria before Friday.")).samples
    audio = np.concatenate([np.zeros(4000, dtype=np.float32), audio, np.zeros(4000, np.float32)])
    job = DecodeJob(ChannelKind.SYSTEM, JobKind.FLUSH, audio, 0.0, "", "en", 0.0)
    texts = {}
    for short in (False, True):
        decoder = LiveDecoder(base_model.path, short_windows=short)
        result = decoder.decode(job)
        assert result is not None, "a phrase end is always decoded"
        words, language = result
        texts[short] = " ".join(w.text.strip(" .,").lower() for w in words)
        assert language == "en"
    assert texts[True] == texts[False]
    assert "contract" in texts[True] and "friday" in texts[True]
