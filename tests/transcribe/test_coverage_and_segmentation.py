"""Skipped-speech detection and sentence lines, on hand-made word timings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minuta.core.models import ChannelKind
from minuta.transcribe.coverage import MAX_CLIP_S, clips_for, uncovered_speech
from minuta.transcribe.segmentation import MAX_LINE_S, RawSegment, RawWord, split_into_lines


def test_speech_without_words_is_found():
    speech = [(0.0, 30.0), (40.0, 45.0)]
    words = [(0.5, 1.0), (1.1, 1.6), (7.0, 7.5)]  # the decoder stopped after 7.5 s
    assert uncovered_speech(speech, words) == [(1.6 + 0.3, 7.0 - 0.3), (7.8, 30.0), (40.0, 45.0)]


def test_small_gaps_and_covered_speech_are_ignored():
    speech = [(0.0, 5.0)]
    words = [(0.0, 1.0), (2.0, 3.0), (3.5, 4.9)]  # pauses under 1.5 s
    assert uncovered_speech(speech, words) == []


def test_clips_are_padded_bounded_and_at_most_a_window_long():
    clips = clips_for([(0.1, 70.0), (99.0, 100.0)], duration=100.0)
    assert clips[0][0] == 0.0
    assert all(end - start <= MAX_CLIP_S for start, end in clips)
    assert clips[-1] == (98.8, 100.0)
    assert sum(end - start for start, end in clips) == pytest.approx(70.2 + 1.2)


def words_of(text: str, start: float = 0.0, step: float = 0.4, pause_after=()) -> list[RawWord]:
    words, t = [], start
    for i, token in enumerate(text.split()):
        words.append(RawWord(t, t + 0.3, " " + token, 0.9))
        t += step + (2.0 if i in pause_after else 0.0)
    return words


def raw(words: list[RawWord]) -> RawSegment:
    return RawSegment(
        words[0].start, words[-1].end, "".join(w.text for w in words), tuple(words), -0.2
    )


def test_sentences_become_lines():
    segment = raw(
        words_of("We agree on the price. Can you send it? Yes. Vi mødes kl. 14 i morgen.")
    )
    lines = split_into_lines([segment], ChannelKind.MIXED, "en")
    assert [line.text for line in lines] == [
        "We agree on the price.",
        "Can you send it?",
        "Yes.",
        "Vi mødes kl. 14 i morgen.",
    ]
    assert lines[1].start == lines[1].words[0].start
    assert lines[1].words[0].text == "Can"
    assert all(line.language == "en" for line in lines)


def test_a_long_pause_starts_a_new_line():
    segment = raw(words_of("so that is settled then the next point", pause_after=(3,)))
    lines = split_into_lines([segment], ChannelKind.MIXED, None)
    assert [line.text for line in lines] == ["so that is settled", "then the next point"]


def test_run_on_speech_is_cut_at_its_longest_pause():
    tokens = " ".join(f"w{i}" for i in range(120))
    words = words_of(tokens)
    words[30] = RawWord(words[30].start + 0.5, words[30].end + 0.5, words[30].text, 0.9)
    lines = split_into_lines([raw(words)], ChannelKind.MIXED, None)
    assert all(line.end - line.start <= MAX_LINE_S + 1 for line in lines)
    assert lines[0].words[-1].text == "w29"


@given(
    st.lists(
        st.sampled_from(["ja", "nej.", "Okay", "tak!", "måske", "f.eks.", "Hej?"]),
        min_size=1,
        max_size=80,
    )
)
def test_no_word_is_lost_or_reordered(tokens):
    words = words_of(" ".join(tokens))
    lines = split_into_lines([raw(words)], ChannelKind.MICROPHONE, "da")
    assert [w.text for line in lines for w in line.words] == tokens
    assert " ".join(line.text for line in lines) == " ".join(tokens)
    assert all(line.channel is ChannelKind.MICROPHONE for line in lines)
