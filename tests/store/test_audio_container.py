"""The sealed chunk container: round trip, and every kind of damage detected."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from minuta.store.audio_container import (
    Codec,
    ContainerHeader,
    ContainerReader,
    ContainerWriter,
)
from minuta.store.errors import ContainerFormatError, ContainerTamperedError

KEY = os.urandom(32)
CHUNK_HEADER = struct.Struct(">IBI")


def header() -> ContainerHeader:
    return ContainerHeader(Codec.OPUS, 1, 16000, os.urandom(16), os.urandom(16), b"cfg", 1)


def write(path: Path, payloads: list[bytes], *, finalise: bool = True, key: bytes = KEY) -> None:
    writer = ContainerWriter(path, key, header(), durable=True)
    for i, payload in enumerate(payloads):
        writer.write_chunk(payload, last=finalise and i == len(payloads) - 1)
    writer.close()


def read(path: Path, key: bytes = KEY) -> tuple[list[bytes], ContainerReader]:
    reader = ContainerReader(path, key)
    return list(reader.payloads()), reader


def chunk_offsets(path: Path) -> list[tuple[int, int]]:
    """(offset, total size) of each chunk in the file."""
    data = path.read_bytes()
    offset = struct.unpack(">H", data[10:12])[0]
    chunks = []
    while offset < len(data):
        _, _, length = CHUNK_HEADER.unpack_from(data, offset)
        chunks.append((offset, CHUNK_HEADER.size + length))
        offset += CHUNK_HEADER.size + length
    return chunks


PAYLOADS = [f"chunk {i} ".encode() * 20 for i in range(5)]


def test_round_trip(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    payloads, reader = read(path)
    assert payloads == PAYLOADS
    assert reader.finalised
    assert reader.header.sample_rate == 16000
    assert b"chunk 0" not in path.read_bytes()


def test_existing_file_is_never_overwritten(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    before = path.read_bytes()
    with pytest.raises(FileExistsError):
        ContainerWriter(path, KEY, header(), durable=False)
    assert path.read_bytes() == before


def test_tampered_chunk_is_detected(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    offset, size = chunk_offsets(path)[2]
    data = bytearray(path.read_bytes())
    data[offset + size - 20] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ContainerTamperedError, match="chunk 2 failed authentication"):
        read(path)


def test_reordered_chunks_are_detected(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    (o1, s1), (o2, s2) = chunk_offsets(path)[1:3]
    data = path.read_bytes()
    swapped = data[:o1] + data[o2 : o2 + s2] + data[o1 : o1 + s1] + data[o2 + s2 :]
    path.write_bytes(swapped)
    with pytest.raises(ContainerTamperedError, match="out of order"):
        read(path)


def test_renumbered_chunk_is_detected(tmp_path):
    """Swapping chunks and fixing their visible indexes still fails authentication."""
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    (o1, s1), (o2, s2) = chunk_offsets(path)[1:3]
    data = bytearray(path.read_bytes())
    first, second = bytearray(data[o1 : o1 + s1]), bytearray(data[o2 : o2 + s2])
    first[0:4], second[0:4] = second[0:4], first[0:4]
    data[o1 : o2 + s2] = second + first
    path.write_bytes(bytes(data))
    with pytest.raises(ContainerTamperedError, match="failed authentication"):
        read(path)


@pytest.mark.parametrize("cut", ["at_chunk_boundary", "inside_chunk", "inside_chunk_header"])
def test_truncated_file_reads_its_whole_chunks_as_not_finalised(tmp_path, cut):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    offset, size = chunk_offsets(path)[3]
    end = {
        "at_chunk_boundary": offset,
        "inside_chunk": offset + size // 2,
        "inside_chunk_header": offset + 3,
    }[cut]
    path.write_bytes(path.read_bytes()[:end])
    payloads, reader = read(path)
    assert payloads == PAYLOADS[:3]
    assert not reader.finalised
    assert reader.ignored_tail_bytes == end - offset


def test_unfinished_recording_is_not_finalised(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS, finalise=False)
    payloads, reader = read(path)
    assert payloads == PAYLOADS
    assert not reader.finalised


def test_flipping_the_last_flag_is_detected(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS, finalise=False)
    offset, _ = chunk_offsets(path)[-1]
    data = bytearray(path.read_bytes())
    data[offset + 4] |= 0x01  # claim "last" on a chunk that was not
    path.write_bytes(bytes(data))
    with pytest.raises(ContainerTamperedError):
        read(path)


def test_bytes_after_the_final_chunk_are_detected(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    path.write_bytes(path.read_bytes() + b"appended")
    with pytest.raises(ContainerTamperedError, match="follow the final chunk"):
        read(path)


def test_tampered_header_is_detected(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    data = bytearray(path.read_bytes())
    data[17] ^= 0xFF  # inside the sample rate
    path.write_bytes(bytes(data))
    with pytest.raises(ContainerTamperedError):
        read(path)


def test_wrong_key_fails_on_the_first_chunk(tmp_path):
    path = tmp_path / "a.mnta"
    write(path, PAYLOADS)
    with pytest.raises(ContainerTamperedError, match="chunk 0"):
        read(path, key=os.urandom(32))


def test_not_a_container(tmp_path):
    path = tmp_path / "x.mnta"
    path.write_bytes(b"RIFF....WAVEfmt ")
    with pytest.raises(ContainerFormatError, match="not a Minuta audio file"):
        ContainerReader(path, KEY)
