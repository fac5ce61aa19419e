from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

# container format, codec, sample format, file suffix
FORMATS = {
    "wav": ("wav", "pcm_s16le", "s16", ".wav"),
    "mp3": ("mp3", "libmp3lame", "s16p", ".mp3"),
    "m4a": ("ipod", "aac", "fltp", ".m4a"),
    "ogg-opus": ("ogg", "libopus", "flt", ".opus"),
    "flac": ("flac", "flac", "s16", ".flac"),
    "webm": ("webm", "libopus", "flt", ".webm"),
    "mp4": ("mp4", "aac", "fltp", ".mp4"),
}


def encode_file(samples: np.ndarray, rate: int, path: Path, fmt: str) -> Path:
    """Write ``samples`` (mono float32) in one of :data:`FORMATS` with PyAV."""
    import av

    container_format, codec, sample_format, _ = FORMATS[fmt]
    out_rate = 48000 if codec == "libopus" else 44100 if codec == "libmp3lame" else rate
    with av.open(str(path), "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=out_rate, layout="stereo")
        resampler = av.AudioResampler(format=sample_format, layout="stereo", rate=out_rate)
        frames = []
        if len(samples):
            frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate = rate
            frames = resampler.resample(frame) + resampler.resample(None)
        for resampled in frames:
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


@pytest.fixture(scope="session")
def spoken(speech):
    """A few seconds of English speech as 16 kHz samples, and its WAV file."""
    from minuta.audio.decode import decode_file

    path = speech("The meeting about the harbour project starts at nine tomorrow.")
    return decode_file(path).samples, path
