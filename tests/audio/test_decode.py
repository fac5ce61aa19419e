"""Decoding imports: every common format, and a clear message for bad input."""

from __future__ import annotations

import numpy as np
import pytest
from tests.audio.conftest import FORMATS, encode_file

from minuta.audio.decode import (
    AudioDecodeError,
    EmptyAudioError,
    TruncatedAudioError,
    decode_file,
)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_common_formats_decode_to_16k_mono(tmp_path, spoken, fmt):
    samples, _ = spoken
    path = encode_file(samples, 16000, tmp_path / f"speech{FORMATS[fmt][3]}", fmt)
    decoded = decode_file(path)
    assert decoded.sample_rate == 16000
    assert decoded.samples.dtype == np.float32
    assert decoded.samples.ndim == 1
    # Codec priming and padding may add a few tens of milliseconds, never lose speech.
    assert abs(decoded.duration_s - len(samples) / 16000) < 0.12
    assert np.sqrt(np.mean(decoded.samples**2)) > 0.01


def test_progress_is_reported_up_to_the_total(spoken):
    _, path = spoken
    seen: list[tuple[float, float | None]] = []
    decode_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == pytest.approx(seen[-1][1])
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an audio or video file"),
        (b"Minutes of the meeting\n" * 50, "not an audio or video file"),
        (b"\x00\xff" * 5000, "not an audio or video file"),
    ],
)
def test_non_audio_files_are_refused(tmp_path, content, message):
    path = tmp_path / "notes.wav"
    path.write_bytes(content)
    with pytest.raises(AudioDecodeError, match=message):
        decode_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(AudioDecodeError, match="does not exist"):
        decode_file(tmp_path / "nope.wav")
    with pytest.raises(AudioDecodeError, match="is a folder"):
        decode_file(tmp_path)


def test_truncated_wav_is_refused_unless_allowed(tmp_path, spoken):
    _, path = spoken
    data = path.read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(TruncatedAudioError, match="cut short"):
        decode_file(cut)
    partial = decode_file(cut, allow_truncated=True)
    assert 0.3 < partial.duration_s / decode_file(path).duration_s < 0.7


def test_truncated_m4a_is_refused(tmp_path, spoken):
    samples, _ = spoken
    whole = encode_file(samples, 16000, tmp_path / "a.m4a", "m4a")
    data = whole.read_bytes()
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(AudioDecodeError):
        decode_file(cut)


def test_silent_zero_length_audio_is_empty(tmp_path):
    path = encode_file(np.zeros(0, dtype=np.float32), 16000, tmp_path / "e.flac", "flac")
    with pytest.raises(EmptyAudioError, match="contains no audio"):
        decode_file(path)


def test_video_without_audio_is_refused(tmp_path):
    import av

    path = tmp_path / "screen.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height = 64, 48
        for i in range(5):
            frame = av.VideoFrame.from_ndarray(
                np.full((48, 64, 3), i * 40, dtype=np.uint8), format="rgb24"
            )
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    with pytest.raises(AudioDecodeError, match="has no audio track"):
        decode_file(path)
