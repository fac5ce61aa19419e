"""The encrypted audio container (``.mnta``): sealed chunks of compressed audio.

One container holds one channel of one meeting. It is written front to back,
one chunk at a time, so a crash leaves a readable prefix. Nothing in it is
plaintext audio.

Layout (all integers big-endian)::

    header   magic        8 bytes   b"MINUTA\\x1aA"
             version      u16       1
             header_len   u16       length of the whole header in bytes
             codec        u8        1 = Opus packets (see minuta.audio.encrypted_audio),
                                    2 = event journal (see minuta.store.journal)
             channels     u8
             sample_rate  u32       Hz of the audio as the application sees it
             file_uid     16 bytes  random; names the file, salts its key
             meeting_uid  16 bytes  the meeting this file belongs to
             created_ms   u64       Unix time in milliseconds
             config_len   u16
             config       config_len bytes of codec configuration (Opus: OpusHead)
    chunk*   index        u32       0, 1, 2, ... without gaps
             flags        u8        bit 0: this is the last chunk
             length       u32       length of the sealed payload
             sealed       length bytes: AES-256-GCM ciphertext + 16-byte tag

Each chunk's payload is at most about one second of audio. Sealing:

* ``file_key = HKDF-SHA256(meeting_key, salt=file_uid, info="minuta/v1/audio-chunk")``:
  every file has its own key, so the nonce can be a counter;
* ``nonce = 4 zero bytes || index as u64``;
* associated data = ``SHA-256(header) || index || flags || length``.

So a changed header, a changed or moved chunk (reordering), a chunk from
another file, or a flipped "last" flag all fail authentication. A file that ends
without a chunk flagged "last" was not finalised (the writer crashed or was
killed, or the file was truncated): it is readable up to its last whole chunk
and reported as not finalised. Bytes after the last chunk are an error.
"""

from __future__ import annotations

import hashlib
import os
import struct
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from minuta.store.crypto import derive_key
from minuta.store.errors import ContainerFormatError, ContainerTamperedError
from minuta.store.fsutil import PRIVATE_FILE_MODE, durable_flush, sync_dir

MAGIC = b"MINUTA\x1aA"
FORMAT_VERSION = 1
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024
FLAG_LAST = 0x01

_FIXED = struct.Struct(">8sHHBBI16s16sQH")
_CHUNK = struct.Struct(">IBI")
_TAG_BYTES = 16


class Codec(IntEnum):
    OPUS = 1
    EVENTS = 2  # a recording's event journal: one UTF-8 JSON object per chunk


@dataclass(frozen=True, slots=True)
class ContainerHeader:
    codec: Codec
    channels: int
    sample_rate: int
    file_uid: bytes
    meeting_uid: bytes
    codec_config: bytes = b""
    created_ms: int = 0

    def pack(self) -> bytes:
        length = _FIXED.size + len(self.codec_config)
        return (
            _FIXED.pack(
                MAGIC,
                FORMAT_VERSION,
                length,
                int(self.codec),
                self.channels,
                self.sample_rate,
                self.file_uid,
                self.meeting_uid,
                self.created_ms,
                len(self.codec_config),
            )
            + self.codec_config
        )

    @classmethod
    def read_from(cls, handle: _Reader) -> tuple[ContainerHeader, bytes]:
        fixed = handle.read_exact(_FIXED.size)
        if fixed is None or not fixed.startswith(MAGIC):
            raise ContainerFormatError("not a Minuta audio file")
        (_, version, length, codec, channels, rate, file_uid, meeting_uid, created, cfg_len) = (
            _FIXED.unpack(fixed)
        )
        if version != FORMAT_VERSION:
            raise ContainerFormatError(f"audio file format version {version} is not supported")
        if length != _FIXED.size + cfg_len:
            raise ContainerTamperedError("the audio file header is inconsistent")
        config = handle.read_exact(cfg_len)
        if config is None:
            raise ContainerFormatError("the audio file header is cut short")
        try:
            codec_id = Codec(codec)
        except ValueError as exc:
            raise ContainerFormatError(f"unknown audio codec {codec}") from exc
        header = cls(codec_id, channels, rate, file_uid, meeting_uid, config, created)
        return header, fixed + config


def _file_key(meeting_key: bytes, file_uid: bytes) -> bytes:
    return derive_key(meeting_key, "audio-chunk", salt=file_uid)


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + index.to_bytes(8, "big")


class ContainerWriter:
    """Appends sealed chunks to a new container; never opens an existing file.

    With ``durable=True`` every chunk is flushed to stable storage before
    :meth:`write_chunk` returns (live recording). Imports pass ``False`` and get
    one flush at the end, since their source file still exists.
    """

    def __init__(
        self, path: Path, meeting_key: bytes, header: ContainerHeader, *, durable: bool
    ) -> None:
        self.path = path
        self._durable = durable
        self._aead = AESGCM(_file_key(meeting_key, header.file_uid))
        header_bytes = header.pack()
        self._header_hash = hashlib.sha256(header_bytes).digest()
        self._index = 0
        self._finalised = False
        # O_EXCL: a container is written once; recovery writes a new file.
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        try:
            self._write_all(header_bytes)
            durable_flush(self._fd)
            sync_dir(path.parent)
        except BaseException:
            os.close(self._fd)
            raise

    @property
    def chunks_written(self) -> int:
        return self._index

    @property
    def finalised(self) -> bool:
        return self._finalised

    def write_chunk(self, payload: bytes, *, last: bool = False) -> None:
        if self._finalised:
            raise ValueError("the container is already finalised")
        if len(payload) > MAX_PAYLOAD_BYTES:
            raise ValueError("chunk payload too large")
        flags = FLAG_LAST if last else 0
        length = len(payload) + _TAG_BYTES
        chunk_header = _CHUNK.pack(self._index, flags, length)
        sealed = self._aead.encrypt(_nonce(self._index), payload, self._header_hash + chunk_header)
        self._write_all(chunk_header + sealed)
        if self._durable or last:
            durable_flush(self._fd)
        self._index += 1
        self._finalised = last

    def close(self) -> None:
        """Close the file; unless a last chunk was written it stays "not finalised"."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]


class _Reader:
    def __init__(self, path: Path) -> None:
        self._handle = path.open("rb")

    def read_exact(self, size: int) -> bytes | None:
        data = self._handle.read(size)
        return data if len(data) == size else None

    def tail_length(self) -> int:
        position = self._handle.tell()
        self._handle.seek(0, os.SEEK_END)
        end = self._handle.tell()
        self._handle.seek(position)
        return end - position

    def close(self) -> None:
        self._handle.close()


class ContainerReader:
    """Reads and authenticates a container.

    Iterate :meth:`payloads` to get each chunk's plaintext. Afterwards
    :attr:`finalised` says whether the file ended with its "last" chunk, and
    :attr:`ignored_tail_bytes` how many bytes of a cut-off chunk were dropped.
    """

    def __init__(self, path: Path, meeting_key: bytes) -> None:
        self.path = path
        self._reader = _Reader(path)
        try:
            self.header, header_bytes = ContainerHeader.read_from(self._reader)
        except BaseException:
            self._reader.close()
            raise
        self._header_hash = hashlib.sha256(header_bytes).digest()
        self._aead = AESGCM(_file_key(meeting_key, self.header.file_uid))
        self.finalised = False
        self.chunks_read = 0
        self.ignored_tail_bytes = 0

    def payloads(self) -> Generator[bytes, None, None]:
        try:
            yield from self._payloads()
        finally:
            self._reader.close()

    def _payloads(self) -> Iterator[bytes]:
        index = 0
        while True:
            remaining = self._reader.tail_length()
            if remaining == 0:
                return
            if self.finalised:
                raise ContainerTamperedError(
                    f"{remaining} bytes follow the final chunk of the audio file"
                )
            raw_header = self._reader.read_exact(_CHUNK.size)
            if raw_header is None:
                self.ignored_tail_bytes = remaining
                return
            chunk_index, flags, length = _CHUNK.unpack(raw_header)
            if length > MAX_PAYLOAD_BYTES + _TAG_BYTES or length < _TAG_BYTES:
                raise ContainerTamperedError(f"chunk {index} has an impossible length")
            sealed = self._reader.read_exact(length)
            if sealed is None:
                self.ignored_tail_bytes = remaining
                return
            if chunk_index != index:
                raise ContainerTamperedError(
                    f"chunk {index} is out of order (found chunk {chunk_index})"
                )
            try:
                payload = self._aead.decrypt(_nonce(index), sealed, self._header_hash + raw_header)
            except InvalidTag as exc:
                raise ContainerTamperedError(
                    f"chunk {index} failed authentication: the audio file was modified, "
                    "damaged, or belongs to another meeting"
                ) from exc
            self.finalised = bool(flags & FLAG_LAST)
            self.chunks_read = index + 1
            index += 1
            yield payload


def now_ms() -> int:
    return int(time.time() * 1000)
