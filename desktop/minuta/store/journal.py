"""A recording's event journal: what happened, sealed as it happens.

Device changes, gaps, pauses, highlights and the recording's start are written
to an encrypted container of their own (codec ``EVENTS``), one JSON object per
chunk, flushed to disk before :meth:`JournalWriter.append` returns. The
recorder never touches the database while recording; when the recording ends,
or when an interrupted one is recovered, the journal is read into the
database. A crash loses no event that was written before it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from minuta.store.audio_container import (
    Codec,
    ContainerHeader,
    ContainerReader,
    ContainerWriter,
    now_ms,
)


class JournalWriter:
    def __init__(self, path: Path, meeting_key: bytes, *, meeting_uid: str, file_uid: str):
        header = ContainerHeader(
            codec=Codec.EVENTS,
            channels=0,
            sample_rate=0,
            file_uid=bytes.fromhex(file_uid),
            meeting_uid=bytes.fromhex(meeting_uid),
            created_ms=now_ms(),
        )
        self._writer = ContainerWriter(path, meeting_key, header, durable=True)

    def append(self, event: dict[str, Any]) -> None:
        self._writer.write_chunk(_encode(event))

    def close(self, *, final: bool) -> None:
        """Close; ``final`` marks the journal complete with a closing "end" chunk."""
        if final:
            self._writer.write_chunk(_encode({"kind": "end"}), last=True)
        self._writer.close()


def _encode(event: dict[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_journal(path: Path, meeting_key: bytes) -> tuple[list[dict[str, Any]], bool]:
    """All events that reached the disk, and whether the journal was finalised."""
    reader = ContainerReader(path, meeting_key)
    events = [json.loads(payload) for payload in reader.payloads()]
    return [e for e in events if e.get("kind") != "end"], reader.finalised
