"""PCM -> encrypted Opus container -> PCM: exact length, aligned, never plaintext."""

from __future__ import annotations

import os
import uuid

import numpy as np
import pytest

from minuta.audio.encrypted_audio import (
    PACKETS_PER_CHUNK,
    EncryptedAudioReader,
    EncryptedAudioWriter,
)
from minuta.store.audio_container import ContainerReader
from minuta.store.errors import ContainerTamperedError

KEY = os.urandom(32)


def write(path, samples, *, block=777, finish=True):
    writer = EncryptedAudioWriter(
        path, KEY, meeting_uid=uuid.uuid4().hex, file_uid=uuid.uuid4().hex, durable=True
    )
    for start in range(0, len(samples), block):
        writer.write(samples[start : start + block])
    if finish:
        writer.finish()
    else:
        writer.abort()
    return path


def lag(a: np.ndarray, b: np.ndarray) -> int:
    n = min(len(a), len(b))
    spectrum = np.fft.rfft(a[:n], 2 * n) * np.conj(np.fft.rfft(b[:n], 2 * n))
    corr = np.fft.irfft(spectrum)
    best = int(np.argmax(corr))
    return best if best < n else best - 2 * n


def test_round_trip_is_sample_exact_and_aligned(tmp_path, spoken):
    samples, _ = spoken
    path = write(tmp_path / "a.mnta", samples)
    decoded = EncryptedAudioReader(path, KEY).read_all()
    assert decoded.finalised
    assert decoded.sample_rate == 16000
    assert len(decoded.samples) == len(samples)
    assert abs(lag(decoded.samples, samples)) <= 2  # positions stay exact
    correlation = np.corrcoef(decoded.samples, samples)[0, 1]
    assert correlation > 0.9


def test_chunks_hold_about_one_second_and_have_constant_size(tmp_path, spoken):
    samples, _ = spoken
    path = write(tmp_path / "a.mnta", np.concatenate([samples, np.zeros(16000 * 3, np.float32)]))
    reader = ContainerReader(path, KEY)
    sizes = [len(p) for p in reader.payloads()]
    assert len(sizes) >= 4
    # Constant bit rate: silence and speech give the same chunk size on disk.
    assert len(set(sizes[:-1])) == 1
    assert PACKETS_PER_CHUNK * 20 == 1000


def test_unfinished_file_decodes_its_prefix(tmp_path, spoken):
    samples, _ = spoken
    long = np.tile(samples, 2)
    path = write(tmp_path / "a.mnta", long, finish=False)
    reader = EncryptedAudioReader(path, KEY)
    decoded = reader.read_all()
    assert not decoded.finalised
    whole_seconds = len(long) // 16000
    assert whole_seconds - 1 <= decoded.duration_s <= len(long) / 16000


def test_no_plaintext_audio_on_disk(tmp_path):
    # A recognisable PCM pattern must not appear in the file in any form.
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(16000 * 2) / 16000)).astype(np.float32)
    path = write(tmp_path / "a.mnta", tone)
    raw = path.read_bytes()
    assert tone[:400].tobytes()[:64] not in raw
    assert (tone[:400] * 32767).astype(np.int16).tobytes()[:64] not in raw
    assert b"OpusHead" in raw  # the public codec header is the only readable part
    assert b"OpusTags" not in raw


def test_wrong_meeting_key_is_refused(tmp_path, spoken):
    samples, _ = spoken
    path = write(tmp_path / "a.mnta", samples)
    with pytest.raises(ContainerTamperedError):
        EncryptedAudioReader(path, os.urandom(32)).read_all()


def test_a_chunk_sealed_during_a_long_write_claims_only_what_it_holds(tmp_path):
    from minuta.store.audio_container import ContainerReader

    path = tmp_path / "a.mnta"
    writer = EncryptedAudioWriter(
        path, KEY, meeting_uid=uuid.uuid4().hex, file_uid=uuid.uuid4().hex, durable=True
    )
    writer.write(np.zeros(16000 * 5, dtype=np.float32))  # one write, five chunks
    writer.abort()  # as if killed before the last chunk
    reader = EncryptedAudioReader(path, KEY)
    decoded = reader.read_all()
    claimed = [
        int.from_bytes(payload[1:9], "big") for payload in ContainerReader(path, KEY).payloads()
    ]
    assert claimed == sorted(claimed)
    assert claimed[-1] <= len(decoded.samples) + 320  # at most the encoder's delay apart
