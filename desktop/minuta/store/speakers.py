"""Speakers found in a meeting's channels, and which segment each said.

A speaker row holds an anonymous label ("Speaker 1", "me"), the name the user
gave it (NULL until then) and the centroid of its voice embeddings. A voice
embedding can recognise a person, so it is sealed with a subkey of the
meeting's own data key, bound to the meeting and the label: it is readable
only while the meeting exists, and a blob copied to another row fails to open.
Deleting the meeting deletes its speakers (and its key) by cascade.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from minuta.core.models import ChannelKind, Speaker
from minuta.store.crypto import derive_key, seal, unseal
from minuta.store.database import Database
from minuta.store.errors import StoreError

_EMBEDDING_PURPOSE = "speaker-embedding"


class SpeakerNotFoundError(StoreError):
    def __init__(self, what: object) -> None:
        super().__init__(f"There is no speaker {what}.")


def _aad(meeting_uid: str, label: str) -> bytes:
    return f"speaker-embedding/{meeting_uid}/{label}".encode()


def seal_embedding(meeting_key: bytes, meeting_uid: str, label: str, vector: bytes) -> bytes:
    """``vector`` (the embedding's bytes) sealed for the speaker ``label`` of one meeting."""
    return seal(derive_key(meeting_key, _EMBEDDING_PURPOSE), vector, _aad(meeting_uid, label))


def open_embedding(meeting_key: bytes, meeting_uid: str, label: str, sealed: bytes) -> bytes:
    """The embedding's bytes; raises :class:`~minuta.store.crypto.SealError` if tampered."""
    return unseal(derive_key(meeting_key, _EMBEDDING_PURPOSE), sealed, _aad(meeting_uid, label))


@dataclass(frozen=True, slots=True)
class NewSpeaker:
    label: str
    name: str | None = None
    sealed_embedding: bytes | None = None


_SPEAKER_COLUMNS = """
    sp.id, sp.meeting_id, sp.label, sp.name, c.kind,
    (SELECT count(*) FROM segments s WHERE s.speaker_id = sp.id) AS segment_count,
    (SELECT coalesce(sum(s.end_s - s.start_s), 0) FROM segments s WHERE s.speaker_id = sp.id)
        AS talk_time_s
"""


def _speaker(row: Any) -> Speaker:
    return Speaker(
        id=row["id"],
        meeting_id=row["meeting_id"],
        channel=ChannelKind(row["kind"]),
        label=row["label"],
        name=row["name"],
        talk_time_s=float(row["talk_time_s"]),
        segment_count=int(row["segment_count"]),
    )


class SpeakerRepository:
    """Reads and writes speaker rows. Callers group writes in ``db.transaction()``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- writes -------------------------------------------------------------------

    def replace_channel(
        self, meeting_id: int, channel_id: int, speakers: Sequence[NewSpeaker]
    ) -> builtins.list[int]:
        """Drop the channel's speakers (their segments lose them) and add ``speakers``."""
        self._db.execute("DELETE FROM speakers WHERE channel_id = ?", (channel_id,))
        ids: builtins.list[int] = []
        for speaker in speakers:
            cursor = self._db.execute(
                """INSERT INTO speakers (meeting_id, channel_id, label, name, embedding)
                   VALUES (?, ?, ?, ?, ?)""",
                (meeting_id, channel_id, speaker.label, speaker.name, speaker.sealed_embedding),
            )
            ids.append(int(cursor.lastrowid))
        return ids

    def set_segment_speakers(self, assignments: Iterable[tuple[int, int | None]]) -> None:
        """``(segment id, speaker id or None)`` pairs."""
        self._db.executemany(
            "UPDATE segments SET speaker_id = ? WHERE id = ?",
            [(speaker_id, segment_id) for segment_id, speaker_id in assignments],
        )

    def rename(self, speaker_id: int, name: str | None) -> None:
        """Name a speaker; an empty name makes it anonymous again."""
        cleaned = (name or "").strip() or None
        cursor = self._db.execute(
            "UPDATE speakers SET name = ? WHERE id = ?", (cleaned, speaker_id)
        )
        if cursor.rowcount == 0:
            raise SpeakerNotFoundError(f"#{speaker_id}")

    # --- reads --------------------------------------------------------------------

    def list(self, meeting_id: int) -> builtins.list[Speaker]:
        rows = self._db.query_all(
            # _SPEAKER_COLUMNS is a constant of this module; values are bound parameters.
            f"""SELECT {_SPEAKER_COLUMNS} FROM speakers sp
                JOIN channels c ON c.id = sp.channel_id
                WHERE sp.meeting_id = ? ORDER BY c.id, sp.id""",  # noqa: S608
            (meeting_id,),
        )
        return [_speaker(row) for row in rows]

    def get(self, speaker_id: int) -> Speaker:
        row = self._db.query_one(
            f"""SELECT {_SPEAKER_COLUMNS} FROM speakers sp
                JOIN channels c ON c.id = sp.channel_id WHERE sp.id = ?""",  # noqa: S608
            (speaker_id,),
        )
        if row is None:
            raise SpeakerNotFoundError(f"#{speaker_id}")
        return _speaker(row)

    def find(self, meeting_id: int, label_or_name: str) -> Speaker:
        """The meeting's speaker with this label or, failing that, this name."""
        wanted = label_or_name.strip().casefold()
        speakers = self.list(meeting_id)
        for match in (
            [s for s in speakers if s.label.casefold() == wanted],
            [s for s in speakers if (s.name or "").casefold() == wanted],
        ):
            if len(match) == 1:
                return match[0]
        raise SpeakerNotFoundError(f'"{label_or_name}" in meeting #{meeting_id}')

    def sealed_embedding(self, speaker_id: int) -> bytes | None:
        row = self._db.query_one("SELECT embedding FROM speakers WHERE id = ?", (speaker_id,))
        if row is None:
            raise SpeakerNotFoundError(f"#{speaker_id}")
        return None if row[0] is None else bytes(row[0])

    def labels(self, meeting_id: int) -> set[str]:
        rows = self._db.query_all("SELECT label FROM speakers WHERE meeting_id = ?", (meeting_id,))
        return {str(row[0]) for row in rows}
