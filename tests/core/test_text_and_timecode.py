from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minuta.core import timecode
from minuta.core.text import fold, word_spans, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Mødes", "modes"),
        ("Æblegrød", "aeblegrod"),
        ("Håkon", "hakon"),
        ("Hyvää päivää", "hyvaa paivaa"),
        (
            "Ačiū, Šiauliai, Žemaitija, ūkis, ėjo, ąžuolas",
            "aciu, siauliai, zemaitija, ukis, ejo, azuolas",
        ),
        ("Straße", "strasse"),
        ("Þórður", "thordur"),
        ("Łódź", "lodz"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_word_spans_point_into_the_original():
    text = "Vi mødes på torsdag."
    assert [(text[a:b], w) for a, b, w in word_spans(text)] == [
        ("Vi", "vi"),
        ("mødes", "modes"),
        ("på", "pa"),
        ("torsdag", "torsdag"),
    ]
    assert words("Hyvää päivää!") == ["hyvaa", "paivaa"]


@pytest.mark.parametrize(
    ("seconds", "clock", "srt", "vtt"),
    [
        (0, "00:00", "00:00:00,000", "00:00:00.000"),
        (61.25, "01:01", "00:01:01,250", "00:01:01.250"),
        (3723.4567, "1:02:03", "01:02:03,457", "01:02:03.457"),
        (-1, "00:00", "00:00:00,000", "00:00:00.000"),
    ],
)
def test_timecodes(seconds, clock, srt, vtt):
    assert timecode.clock(seconds) == clock
    assert timecode.srt(seconds) == srt
    assert timecode.vtt(seconds) == vtt
