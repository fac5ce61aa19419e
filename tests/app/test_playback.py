"""The playback signal: decoding to memory, skipping silence, changing speed; and .docx."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import numpy as np
import pytest
from tests.harness.meeting_audio import DURATION_S, LINES, add_meeting_with_audio

from minuta.app.export import BINARY_FORMATS, FORMATS, export, export_bytes
from minuta.app.playback import (
    SAMPLE_RATE,
    PlaybackSource,
    SilenceMap,
    TimeStretcher,
    channel_files,
    decode_mix,
    stretch,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def dominant_hz(signal: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / SAMPLE_RATE)[np.argmax(spectrum)])


def sine(hz: float, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)


# --- skipping silence -------------------------------------------------------------


def test_long_gaps_are_skipped_keeping_a_margin_at_each_edge():
    silence = SilenceMap.from_speech([(2.0, 4.0), (4.5, 6.0), (10.0, 12.0)], 15.0)
    # 0–1.7 (before the first line), 6.3–9.7 and 12.3–15 go; the 0.5 s gap stays.
    assert silence.kept == ((1.7, 6.3), (9.7, 12.3))
    assert silence.playback_duration_s == pytest.approx(7.2)


@pytest.mark.parametrize(
    ("meeting_s", "playback_s"),
    [(1.7, 0.0), (2.0, 0.3), (4.2, 2.5), (6.2, 4.5), (9.7, 4.6), (11.0, 5.9), (12.3, 7.2)],
)
def test_meeting_and_playback_time_map_both_ways(meeting_s, playback_s):
    silence = SilenceMap.from_speech([(2.0, 4.0), (4.5, 6.0), (10.0, 12.0)], 15.0)
    assert silence.to_playback(meeting_s) == pytest.approx(playback_s)
    assert silence.to_meeting(playback_s) == pytest.approx(meeting_s)


def test_a_skipped_moment_maps_to_where_playing_resumes():
    silence = SilenceMap.from_speech([(2.0, 4.0), (10.0, 12.0)], 15.0)
    assert silence.to_playback(0.5) == 0.0  # before the first line: its margin
    assert silence.to_meeting(silence.to_playback(8.0)) == pytest.approx(9.7)
    assert silence.to_meeting(silence.to_playback(14.0)) == pytest.approx(12.3)


def test_overlapping_lines_and_no_lines():
    # Two channels talking over each other: one stretch of speech.
    silence = SilenceMap.from_speech([(2.0, 5.0), (3.0, 8.0)], 8.0)
    assert silence.kept == ((1.7, 8.0),)
    # No transcript: nothing is known to be silence, so nothing is skipped.
    assert SilenceMap.from_speech([], 9.0).kept == ((0.0, 9.0),)


# --- time stretch -----------------------------------------------------------------


@pytest.mark.parametrize("speed", [0.75, 1.25, 1.5, 2.0])
def test_speed_changes_the_length_but_not_the_pitch(speed):
    tone = sine(440.0, 2.0)
    out = stretch(tone, speed)
    assert len(out) == pytest.approx(len(tone) / speed, abs=1)
    assert dominant_hz(out) == pytest.approx(440.0, abs=5)
    # No holes or doubled frames: the level stays that of the input.
    middle = out[2000:-2000]
    assert np.sqrt(np.mean(middle**2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.05)


def test_normal_speed_is_the_input_itself():
    tone = sine(300.0, 1.0)
    out = stretch(tone, 1.0)
    # After the first half-frame's fade-in, sample for sample.
    hop = TimeStretcher.HOP
    np.testing.assert_allclose(out[hop:], tone[hop : len(out)], atol=1e-6)


# --- the source an output pulls from ----------------------------------------------


def read_all(source: PlaybackSource, block: int = 512) -> np.ndarray:
    blocks = []
    while not source.finished():
        blocks.append(source.read(block))
    return np.concatenate(blocks)


def test_source_plays_kept_stretches_at_the_chosen_speed():
    samples = (sine(440.0, 10.0) * 32767).astype(np.int16)
    source = PlaybackSource(samples, [(2.0, 3.0), (7.0, 8.0)], 10.0)
    source.set_skip_silence(True)
    source.set_speed(1.5)
    source.seek(0.0)
    assert source.position_s() == pytest.approx(1.7)  # the first kept moment
    out = read_all(source)
    kept = source.silence_map.playback_duration_s  # 1.6 + 1.6
    assert kept == pytest.approx(3.2)
    assert len(out) / SAMPLE_RATE == pytest.approx(kept / 1.5, abs=0.05)
    assert dominant_hz(out[:16000].astype(np.float32)) == pytest.approx(440.0, abs=5)
    assert source.position_s() == pytest.approx(8.3)


def test_seek_speed_and_skip_apply_to_the_next_block():
    samples = (sine(440.0, 10.0) * 32767).astype(np.int16)
    source = PlaybackSource(samples, [(2.0, 3.0), (7.0, 8.0)], 10.0)
    source.seek(5.0)
    source.read(8000)
    assert source.position_s() == pytest.approx(5.5, abs=0.03)
    source.set_speed(2.0)
    source.read(8000)  # half a second of output is a second of meeting
    assert source.position_s() == pytest.approx(6.5, abs=0.05)
    source.set_skip_silence(True)  # 6.5 is inside a skipped gap: on from 6.7
    assert source.position_s() == pytest.approx(6.7, abs=0.01)
    # What the device still has buffered is not heard yet.
    source.read(1600)
    assert source.position_s(behind_s=0.1) == pytest.approx(6.7, abs=0.03)


# --- decoding a stored meeting ------------------------------------------------------


def test_channels_are_decoded_in_memory_and_mixed(store):
    meeting_id = add_meeting_with_audio(store)
    files = channel_files(store, meeting_id)
    assert len(files) == 2
    mix = decode_mix(files)
    assert mix.dtype == np.int16
    assert len(mix) == round(DURATION_S * SAMPLE_RATE)
    for _channel, start, end, _text, hz in LINES:
        line = mix[round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)].astype(np.float32)
        assert dominant_hz(line) == pytest.approx(hz, abs=5)  # each channel's tone is there
    quiet = mix[round(4.0 * SAMPLE_RATE) : round(5.5 * SAMPLE_RATE)]
    assert np.abs(quiet).max() < 500


# --- Word export ------------------------------------------------------------------


def test_docx_is_offered_and_opens_as_a_word_package(store):
    meeting_id = add_meeting_with_audio(store, title="Tilbud: Ærø & <Færger>")
    with store.db.transaction():
        store.meetings.set_notes(meeting_id, "Ring til Søren\nSend tilbud")
    meeting = store.meetings.get(meeting_id)
    segments = store.meetings.segments(meeting_id)
    assert "docx" in FORMATS and "docx" in BINARY_FORMATS
    data = export(meeting, segments, "docx")
    assert isinstance(data, bytes)
    assert export_bytes(meeting, segments, "docx") == data or zipfile.is_zipfile(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {"_rels/.rels", "word/document.xml", "word/styles.xml"} <= set(names)
        for name in names:
            ElementTree.fromstring(package.read(name))  # noqa: S314 - our own output; well-formed
        document = ElementTree.fromstring(package.read("word/document.xml"))  # noqa: S314
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.iter(f"{W}p")]
    assert paragraphs[0] == "Tilbud: Ærø & <Færger>"
    assert "Ring til Søren" in paragraphs and "Send tilbud" in paragraphs
    assert "[00:01] me: Vi mødes på torsdag." in paragraphs
    assert any("purple elephant contract" in p for p in paragraphs)


def test_text_exports_come_as_utf8_bytes_too(store):
    meeting_id = add_meeting_with_audio(store)
    meeting, segments = store.meetings.get(meeting_id), store.meetings.segments(meeting_id)
    assert export_bytes(meeting, segments, "md") == export(meeting, segments, "md").encode()


def test_time_goes_on_through_the_silence_after_the_end():
    # The device still has its buffer to play when the source runs out.
    source = PlaybackSource((sine(440.0, 1.0) * 32767).astype(np.int16), [], 1.0)
    while not source.finished():
        source.read(2400)
    assert not source.finished(behind_s=0.3)
    for _ in range(3):
        assert not source.read(2400).any()  # silence
    assert source.finished(behind_s=0.3)
    assert source.position_s(behind_s=0.3) == pytest.approx(1.0)
