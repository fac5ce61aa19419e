"""PCM in, encrypted Opus container out, and back.

Audio is encoded with libopus (through PyAV) at 16 kHz mono, 32 kbit/s,
constant bit rate, 20 ms frames, complexity 6. Constant bit rate matters here: with variable
bit rate, chunk sizes on disk would reveal when people were speaking.

Each container chunk carries one second (50 packets). Its payload is::

    version        u8   1
    samples_total  u64  input samples encoded up to and including this chunk
    packet_count   u16
    packets        packet_count × (u16 length, bytes)

The final chunk's ``samples_total`` trims the decoder's output to the exact
input length. For a file that was not finalised, the decoded prefix is kept as
it is. ffmpeg's Opus decoder already removes the encoder's pre-skip, so sample
``n`` of the output is sample ``n`` of the input and positions stay exact.
"""

from __future__ import annotations

import contextlib
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from minuta.store.audio_container import (
    Codec,
    ContainerHeader,
    ContainerReader,
    ContainerWriter,
    now_ms,
)

SAMPLE_RATE = 16_000
OPUS_RATE = 48_000
FRAME_SAMPLES = 320  # 20 ms at 16 kHz
PACKETS_PER_CHUNK = 50  # one second per sealed chunk
BIT_RATE = 32_000
COMPLEXITY = 6

_PAYLOAD_HEAD = struct.Struct(">BQH")
_PACKET_LEN = struct.Struct(">H")
_PAYLOAD_VERSION = 1


def _encode_payload(samples_total: int, packets: list[bytes]) -> bytes:
    parts = [_PAYLOAD_HEAD.pack(_PAYLOAD_VERSION, samples_total, len(packets))]
    for packet in packets:
        parts.append(_PACKET_LEN.pack(len(packet)))
        parts.append(packet)
    return b"".join(parts)


def _decode_payload(payload: bytes) -> tuple[int, list[bytes]]:
    version, samples_total, count = _PAYLOAD_HEAD.unpack_from(payload, 0)
    if version != _PAYLOAD_VERSION:
        raise ValueError(f"unknown audio payload version {version}")
    offset = _PAYLOAD_HEAD.size
    packets = []
    for _ in range(count):
        (length,) = _PACKET_LEN.unpack_from(payload, offset)
        offset += _PACKET_LEN.size
        packets.append(payload[offset : offset + length])
        offset += length
    return samples_total, packets


class EncryptedAudioWriter:
    """Encodes mono float32 PCM at 16 kHz into a new encrypted container."""

    def __init__(
        self,
        path: Path,
        meeting_key: bytes,
        *,
        meeting_uid: str,
        file_uid: str,
        durable: bool,
        bit_rate: int = BIT_RATE,
        packets_per_chunk: int = PACKETS_PER_CHUNK,
    ) -> None:
        import av

        encoder = av.CodecContext.create("libopus", "w")
        encoder.sample_rate = SAMPLE_RATE
        encoder.layout = "mono"
        encoder.format = "flt"
        encoder.bit_rate = bit_rate
        encoder.options = {
            "application": "audio",
            "frame_duration": "20",
            "vbr": "off",
            # Complexity 7 and up runs ~7x slower here for no audible gain in speech.
            "compression_level": str(COMPLEXITY),
        }
        encoder.open()
        self._encoder = encoder
        header = ContainerHeader(
            codec=Codec.OPUS,
            channels=1,
            sample_rate=SAMPLE_RATE,
            file_uid=bytes.fromhex(file_uid),
            meeting_uid=bytes.fromhex(meeting_uid),
            codec_config=bytes(encoder.extradata or b""),
            created_ms=now_ms(),
        )
        self._container = ContainerWriter(path, meeting_key, header, durable=durable)
        self._pending = np.zeros(0, dtype=np.float32)
        self._packets: list[bytes] = []
        self._samples_in = 0
        self._pts = 0
        self._per_chunk = packets_per_chunk

    @property
    def path(self) -> Path:
        return self._container.path

    @property
    def samples_written(self) -> int:
        return self._samples_in

    def write(self, samples: np.ndarray) -> None:
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        self._samples_in += len(data)
        self._pending = np.concatenate((self._pending, data)) if len(self._pending) else data
        whole = len(self._pending) - len(self._pending) % FRAME_SAMPLES
        for start in range(0, whole, FRAME_SAMPLES):
            self._encode(self._pending[start : start + FRAME_SAMPLES])
        self._pending = self._pending[whole:].copy()

    def finish(self) -> float:
        """Encode what is left, write the final chunk, close. Returns seconds written."""
        if len(self._pending):
            self._encode(self._pending)
            self._pending = np.zeros(0, dtype=np.float32)
        self._packets.extend(bytes(p) for p in self._encoder.encode(None))
        while len(self._packets) > self._per_chunk:
            self._seal(self._packets[: self._per_chunk], last=False)
            self._packets = self._packets[self._per_chunk :]
        self._seal(self._packets, last=True)
        self._packets = []
        self._container.close()
        return self._samples_in / SAMPLE_RATE

    def abort(self) -> None:
        """Close without finalising (the file stays readable as "not finalised")."""
        self._container.close()

    def _encode(self, block: np.ndarray) -> None:
        import av

        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(block).reshape(1, -1), format="flt", layout="mono"
        )
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._pts
        self._pts += len(block)
        self._packets.extend(bytes(p) for p in self._encoder.encode(frame))
        # Seal as soon as a second is complete: a crash loses at most this chunk.
        if len(self._packets) >= self._per_chunk:
            self._seal(self._packets[: self._per_chunk], last=False)
            del self._packets[: self._per_chunk]

    def _seal(self, packets: list[bytes], *, last: bool) -> None:
        # What the encoder has been given so far: not the rest of a large write
        # that is still being encoded, or a crash right after this chunk would
        # leave a file claiming audio it does not hold.
        total = self._samples_in if last else self._pts
        self._container.write_chunk(_encode_payload(total, packets), last=last)


@dataclass(frozen=True, slots=True)
class DecodedAudioFile:
    samples: np.ndarray
    sample_rate: int
    finalised: bool

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate


class EncryptedAudioReader:
    """Authenticates and decodes a container to float32 PCM at its sample rate."""

    def __init__(self, path: Path, meeting_key: bytes) -> None:
        self._container = ContainerReader(path, meeting_key)
        self.sample_rate = self._container.header.sample_rate
        self._samples_total: int | None = None

    @property
    def finalised(self) -> bool:
        return self._container.finalised

    def blocks(self) -> Iterator[np.ndarray]:
        """Decoded audio, about one second per block, trimmed exactly at the end."""
        import av
        import soxr

        decoder = av.CodecContext.create("libopus", "r")
        decoder.extradata = self._container.header.codec_config
        resampler = soxr.ResampleStream(OPUS_RATE, self.sample_rate, 1, dtype="float32")
        produced = 0
        limit: int | None = None
        payloads = self._container.payloads()
        try:
            for payload in payloads:
                samples_total, packets = _decode_payload(payload)
                limit = samples_total
                decoded = [
                    _to_float(frame.to_ndarray())
                    for packet in packets
                    for frame in decoder.decode(av.Packet(packet))
                ]
                if decoded:
                    block = resampler.resample_chunk(np.concatenate(decoded))
                    block = block[: max(0, limit - produced)]
                    produced += len(block)
                    yield block
            tail = resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
            if limit is not None:
                tail = tail[: max(0, limit - produced)]
            if len(tail):
                produced += len(tail)
                yield tail
        finally:
            with contextlib.suppress(Exception):
                payloads.close()
        self._samples_total = produced

    def read_all(self) -> DecodedAudioFile:
        blocks = list(self.blocks())
        samples = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
        return DecodedAudioFile(samples, self.sample_rate, self.finalised)


def reseal_unfinished(source: Path, target: Path, meeting_key: bytes, file_uid: str) -> float:
    """Copy an unfinished file's whole chunks into a new, finalised file.

    The chunks are decrypted and sealed again under the new file's key, with
    the last one flagged final; nothing is decoded or re-encoded, so the audio
    is bit-identical. The unfinished file is only read. Returns the duration.
    """
    reader = ContainerReader(source, meeting_key)
    header = reader.header
    new_header = ContainerHeader(
        codec=header.codec,
        channels=header.channels,
        sample_rate=header.sample_rate,
        file_uid=bytes.fromhex(file_uid),
        meeting_uid=header.meeting_uid,
        codec_config=header.codec_config,
        created_ms=now_ms(),
    )
    writer = ContainerWriter(target, meeting_key, new_header, durable=False)
    samples_total = 0
    held: bytes | None = None
    try:
        for payload in reader.payloads():
            if held is not None:
                writer.write_chunk(held)
            held = payload
            samples_total = _decode_payload(payload)[0]
        writer.write_chunk(held if held is not None else _encode_payload(0, []), last=True)
    finally:
        writer.close()
    return samples_total / header.sample_rate


def _to_float(array: np.ndarray) -> np.ndarray:
    flat = array.reshape(-1)
    if flat.dtype == np.int16:
        return flat.astype(np.float32) / 32768.0
    return flat.astype(np.float32, copy=False)
