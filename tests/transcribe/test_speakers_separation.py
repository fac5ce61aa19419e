"""Speaker separation on one channel: real speech of different voices, no mocks."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
from tests.transcribe.speaker_voices import (
    LINES,
    best_mapping_accuracy,
    conversation,
    say,
)

from minuta.transcribe.speakers import diarize, label_segments
from minuta.transcribe.voice_embedding import VoiceEncoder, _shipped_weights, mel_frames
from minuta.transcribe.voice_weights import read_legacy_checkpoint


@pytest.fixture(scope="module")
def voices_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("voices")


def _turns(result):
    return [(t.start, t.end, t.speaker) for t in result.turns]


def test_two_voices_are_told_apart_without_being_told_how_many(voices_dir):
    talk = conversation(voices_dir, ["low", "high"] * 4)
    result = diarize(talk.audio)
    assert result.speaker_count == 2
    assert best_mapping_accuracy(talk.turns, _turns(result)) >= 0.9
    # The first voice heard is speaker 0.
    assert result.speaker_for(talk.turns[0].start, talk.turns[0].end) == 0


def test_three_voices_with_quick_turns(voices_dir):
    talk = conversation(voices_dir, ["low", "high", "third"] * 3, pause_s=0.3)
    result = diarize(talk.audio)
    assert result.speaker_count == 3
    assert best_mapping_accuracy(talk.turns, _turns(result)) >= 0.9


def test_one_voice_is_one_speaker(voices_dir):
    talk = conversation(voices_dir, ["high"] * 6)
    result = diarize(talk.audio)
    assert result.speaker_count == 1
    assert result.talk_time(0) == pytest.approx(sum(t.end - t.start for t in talk.turns), rel=0.2)


def test_an_expected_count_is_honoured(voices_dir):
    talk = conversation(voices_dir, ["low", "high", "third"] * 3)
    assert diarize(talk.audio, speakers=3).speaker_count == 3
    assert diarize(talk.audio, speakers=1).speaker_count == 1
    two = diarize(talk.audio, speakers=2)
    assert two.speaker_count == 2
    with pytest.raises(ValueError, match="at least 1"):
        diarize(talk.audio, speakers=0)


def test_segments_take_the_speaker_they_overlap_most(voices_dir):
    talk = conversation(voices_dir, ["low", "high", "low", "high"])
    result = diarize(talk.audio)
    # Transcript segments a little off the true turns, as a recogniser's are.
    spans = [(t.start - 0.1, t.end + 0.15) for t in talk.turns]
    labels = label_segments(result, spans)
    assert labels[0] == labels[2] != labels[1] == labels[3]
    # A segment in a pause still gets the nearest speaker rather than none.
    gap = (talk.turns[0].end + 0.01, talk.turns[0].end + 0.02)
    assert label_segments(result, [gap]) == [labels[0]]


def test_silence_has_no_speakers():
    result = diarize(np.zeros(16_000 * 5, dtype=np.float32))
    assert result.speaker_count == 0
    assert result.turns == ()
    assert label_segments(result, [(0.0, 1.0)]) == [None]


def test_same_voice_embeds_close_and_other_voices_far(voices_dir):
    encoder = VoiceEncoder()
    clips = {v: [say(voices_dir, v, line) for line in LINES[:3]] for v in ("low", "high")}
    vectors = {
        v: encoder.embed_windows(np.concatenate(c), [(0, 25_600), (30_000, 55_600)])
        for v, c in clips.items()
    }
    same = float(vectors["low"][0] @ vectors["low"][1])
    other = float(vectors["low"][0] @ vectors["high"][0])
    assert np.allclose(np.linalg.norm(vectors["low"], axis=1), 1.0, atol=1e-5)
    assert same > other + 0.2


def test_numpy_lstm_matches_a_plain_step_by_step_lstm():
    """Guards the gate reordering and batching against a textbook LSTM (PyTorch's gate order)."""
    weights = _shipped_weights()
    mels = mel_frames(np.random.default_rng(1).normal(0, 0.05, 8000).astype(np.float32))

    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    x = mels.astype(np.float64)
    for layer in range(3):
        w_ih = weights[f"lstm.weight_ih_l{layer}"].astype(np.float64)
        w_hh = weights[f"lstm.weight_hh_l{layer}"].astype(np.float64)
        bias = (weights[f"lstm.bias_ih_l{layer}"] + weights[f"lstm.bias_hh_l{layer}"]).astype(
            np.float64
        )
        h, c, out = np.zeros(256), np.zeros(256), []
        for frame in x:
            i, f, g, o = np.split(w_ih @ frame + w_hh @ h + bias, 4)
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
            h = sigmoid(o) * np.tanh(c)
            out.append(h)
        x = np.array(out)
    raw = np.maximum(weights["linear.weight"] @ x[-1] + weights["linear.bias"], 0)
    expected = raw / np.linalg.norm(raw)
    batch = VoiceEncoder().embed_mels(np.stack([mels, mels]))
    assert np.allclose(batch[0], expected, atol=2e-4)
    assert np.allclose(batch[1], batch[0])


def test_checkpoint_reader_refuses_anything_but_tensors(tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("this must never run",))

    path = tmp_path / "evil.pt"
    path.write_bytes(pickle.dumps(Evil(), protocol=2))
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        read_legacy_checkpoint(path)
