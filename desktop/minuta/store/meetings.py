"""Meetings, their channels, audio files, segments and words."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from minuta.core.crm import PushState
from minuta.core.models import (
    ChannelKind,
    Meeting,
    MeetingSource,
    MeetingState,
    Segment,
    Word,
)
from minuta.core.retention import MeetingFacts
from minuta.store.database import Database
from minuta.store.errors import MeetingNotFoundError


@dataclass(frozen=True, slots=True)
class NewMeeting:
    uid: str
    title: str
    started_at: datetime
    source: MeetingSource
    state: MeetingState
    duration_s: float = 0.0
    language: str | None = None
    notes: str = ""
    transcript_model: str | None = None
    participants: tuple[str, ...] = ()
    consent: str = "unknown"
    devices: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AudioFileRecord:
    id: int
    meeting_id: int
    meeting_uid: str
    channel: ChannelKind
    file_uid: str
    sample_rate: int
    duration_s: float
    finalised: bool


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("meeting times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


_MEETING_COLUMNS = """
    m.id, m.uid, m.title, m.started_at, m.duration_s, m.source, m.state, m.language,
    m.notes, m.transcript_model, m.participants, m.consent,
    (SELECT count(*) FROM segments s WHERE s.meeting_id = m.id) AS segment_count,
    m.keep, m.audio_deleted_at, m.transcript_deleted_at
"""


def _meeting(row: Any) -> Meeting:
    return Meeting(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        started_at=datetime.fromisoformat(row["started_at"]),
        duration_s=row["duration_s"],
        source=MeetingSource(row["source"]),
        state=MeetingState(row["state"]),
        language=row["language"],
        notes=row["notes"],
        transcript_model=row["transcript_model"],
        segment_count=row["segment_count"],
        participants=tuple(json.loads(row["participants"])),
        consent=row["consent"],
        keep=bool(row["keep"]),
        audio_deleted_at=_time(row["audio_deleted_at"]),
        transcript_deleted_at=_time(row["transcript_deleted_at"]),
    )


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# What the retention rules need of each meeting, in one query. The meeting type is
# the template of the latest summary (a body that is not JSON has none); "pushed"
# is the first push that made all its records in the CRM.
_RETENTION_FACTS = """
SELECT m.id, m.title, m.started_at, m.state, m.keep, m.source, m.created_at,
       (SELECT CASE WHEN json_valid(s.body)
                    THEN json_extract(s.body, '$.provenance.template') END
          FROM summaries s WHERE s.meeting_id = m.id ORDER BY s.id DESC LIMIT 1)
           AS meeting_type,
       (EXISTS (SELECT 1 FROM audio_files a WHERE a.meeting_id = m.id)
        OR EXISTS (SELECT 1 FROM journal_files j WHERE j.meeting_id = m.id)) AS has_audio,
       EXISTS (SELECT 1 FROM segments g WHERE g.meeting_id = m.id) AS has_transcript,
       (SELECT min(p.finished_at) FROM crm_pushes p
         WHERE p.meeting_id = m.id AND p.state = ? AND p.finished_at IS NOT NULL) AS pushed_at
FROM meetings m ORDER BY m.started_at, m.id
"""


@dataclass(frozen=True, slots=True)
class DeletableCounts:
    """How much of a meeting a deletion would remove (for its audit entry)."""

    audio_files: int
    journal_files: int
    voices: int  # speakers with a sealed voice embedding
    segments: int
    speakers: int


class MeetingRepository:
    """Reads and writes meeting rows. Callers group writes in ``db.transaction()``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- writes -------------------------------------------------------------------

    def create(self, meeting: NewMeeting, wrapped_key: bytes) -> int:
        cursor = self._db.execute(
            """INSERT INTO meetings (uid, title, started_at, duration_s, source, state,
                                     language, notes, transcript_model, created_at,
                                     participants, consent, devices)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                meeting.uid,
                meeting.title,
                _iso(meeting.started_at),
                meeting.duration_s,
                meeting.source.value,
                meeting.state.value,
                meeting.language,
                meeting.notes,
                meeting.transcript_model,
                _iso(datetime.now(UTC)),
                json.dumps(list(meeting.participants), ensure_ascii=False),
                meeting.consent,
                json.dumps(meeting.devices, ensure_ascii=False),
            ),
        )
        meeting_id = int(cursor.lastrowid)
        self._db.execute(
            "INSERT INTO meeting_keys (meeting_id, wrapped_key) VALUES (?, ?)",
            (meeting_id, wrapped_key),
        )
        return meeting_id

    def add_channel(self, meeting_id: int, kind: ChannelKind, label: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO channels (meeting_id, kind, label) VALUES (?, ?, ?)",
            (meeting_id, kind.value, label),
        )
        return int(cursor.lastrowid)

    def add_audio_file(
        self,
        meeting_id: int,
        channel_id: int,
        file_uid: str,
        sample_rate: int,
        duration_s: float,
        *,
        finalised: bool,
    ) -> int:
        cursor = self._db.execute(
            """INSERT INTO audio_files
                   (meeting_id, channel_id, file_uid, sample_rate, duration_s, finalised)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (meeting_id, channel_id, file_uid, sample_rate, duration_s, int(finalised)),
        )
        return int(cursor.lastrowid)

    def add_segments(self, meeting_id: int, channel_id: int, segments: Iterable[Segment]) -> int:
        count = 0
        for segment in segments:
            cursor = self._db.execute(
                """INSERT INTO segments (meeting_id, channel_id, start_s, end_s, text,
                                         speaker, language, avg_logprob)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    meeting_id,
                    channel_id,
                    segment.start,
                    segment.end,
                    segment.text,
                    segment.speaker,
                    segment.language,
                    segment.avg_logprob,
                ),
            )
            segment_id = int(cursor.lastrowid)
            self._db.executemany(
                """INSERT INTO words (segment_id, position, start_s, end_s, text, probability)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [
                    (segment_id, position, w.start, w.end, w.text, w.probability)
                    for position, w in enumerate(segment.words)
                ],
            )
            count += 1
        return count

    def channel_ids(self, meeting_id: int) -> dict[ChannelKind, int]:
        rows = self._db.query_all(
            "SELECT id, kind FROM channels WHERE meeting_id = ?", (meeting_id,)
        )
        return {ChannelKind(row["kind"]): int(row["id"]) for row in rows}

    def replace_transcript(
        self,
        meeting_id: int,
        segments: dict[int, builtins.list[Segment]],
        *,
        language: str | None,
        model: str,
    ) -> None:
        """Swap in a new transcript: ``segments`` per channel id (call in a transaction)."""
        self._db.execute("DELETE FROM segments WHERE meeting_id = ?", (meeting_id,))
        for channel_id, channel_segments in segments.items():
            self.add_segments(meeting_id, channel_id, channel_segments)
        self._db.execute(
            "UPDATE meetings SET language = ?, transcript_model = ?, state = 'ready' WHERE id = ?",
            (language, model, meeting_id),
        )

    def update_details(
        self,
        meeting_id: int,
        *,
        title: str | None = None,
        participants: Sequence[str] | None = None,
        language: str | None = None,
    ) -> None:
        """Change what the user edits in the meeting view; ``None`` leaves a field as it is."""
        changes: builtins.list[tuple[str, object]] = []
        if title is not None:
            changes.append(("title", title))
        if participants is not None:
            changes.append(("participants", json.dumps(list(participants), ensure_ascii=False)))
        if language is not None:
            changes.append(("language", language))
        if not changes:
            return
        assignments = ", ".join(f"{column} = ?" for column, _ in changes)
        cursor = self._db.execute(
            f"UPDATE meetings SET {assignments} WHERE id = ?",  # noqa: S608 - fixed column names
            (*(value for _, value in changes), meeting_id),
        )
        if cursor.rowcount == 0:
            raise MeetingNotFoundError(meeting_id)

    def set_notes(self, meeting_id: int, notes: str) -> None:
        cursor = self._db.execute("UPDATE meetings SET notes = ? WHERE id = ?", (notes, meeting_id))
        if cursor.rowcount == 0:
            raise MeetingNotFoundError(meeting_id)

    def edit_segment_text(self, segment_id: int, text: str) -> None:
        """The user corrected a line: the words' timings no longer match, so they go.

        The line keeps its start and end (playback still finds it); the search
        index follows through the table's trigger.
        """
        cursor = self._db.execute("UPDATE segments SET text = ? WHERE id = ?", (text, segment_id))
        if cursor.rowcount == 0:
            raise LookupError(f"no line {segment_id}")
        self._db.execute("DELETE FROM words WHERE segment_id = ?", (segment_id,))

    def set_keep(self, meeting_id: int, keep: bool) -> None:
        """The user's "keep this meeting": retention rules skip a kept meeting."""
        cursor = self._db.execute(
            "UPDATE meetings SET keep = ? WHERE id = ?", (int(keep), meeting_id)
        )
        if cursor.rowcount == 0:
            raise MeetingNotFoundError(meeting_id)

    def delete_audio_rows(self, meeting_id: int, at: datetime) -> None:
        """The audio's rows and the meeting's wrapped data key (crypto-shredding).

        Voice embeddings are sealed with that key and identify a voice as well as
        the audio does, so they go too; speakers' names and labels stay.
        """
        self._db.execute("DELETE FROM audio_files WHERE meeting_id = ?", (meeting_id,))
        self._db.execute("DELETE FROM journal_files WHERE meeting_id = ?", (meeting_id,))
        self._db.execute("DELETE FROM meeting_keys WHERE meeting_id = ?", (meeting_id,))
        self._db.execute("UPDATE speakers SET embedding = NULL WHERE meeting_id = ?", (meeting_id,))
        self._db.execute(
            "UPDATE meetings SET audio_deleted_at = ? WHERE id = ?", (_iso(at), meeting_id)
        )

    def delete_transcript_rows(self, meeting_id: int, at: datetime) -> None:
        """Lines (words by cascade, search entries by trigger) and speakers."""
        self._db.execute("DELETE FROM segments WHERE meeting_id = ?", (meeting_id,))
        self._db.execute("DELETE FROM speakers WHERE meeting_id = ?", (meeting_id,))
        self._db.execute(
            "UPDATE meetings SET transcript_deleted_at = ? WHERE id = ?", (_iso(at), meeting_id)
        )

    def delete(self, meeting_id: int) -> None:
        """Remove the meeting and, by cascade, its key, channels, speakers, segments, words."""
        cursor = self._db.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
        if cursor.rowcount == 0:
            raise MeetingNotFoundError(meeting_id)

    # --- reads --------------------------------------------------------------------

    def list(self) -> builtins.list[Meeting]:
        rows = self._db.query_all(
            # _MEETING_COLUMNS is a constant of this module; values are bound parameters.
            f"SELECT {_MEETING_COLUMNS} FROM meetings m ORDER BY m.started_at DESC, m.id DESC"  # noqa: S608
        )
        return [_meeting(row) for row in rows]

    def get(self, meeting_id: int) -> Meeting:
        row = self._db.query_one(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m WHERE m.id = ?",  # noqa: S608
            (meeting_id,),
        )
        if row is None:
            raise MeetingNotFoundError(meeting_id)
        return _meeting(row)

    def wrapped_key(self, meeting_id: int) -> bytes:
        row = self._db.query_one(
            "SELECT wrapped_key FROM meeting_keys WHERE meeting_id = ?", (meeting_id,)
        )
        if row is None:
            raise MeetingNotFoundError(meeting_id)
        return bytes(row[0])

    def segments(self, meeting_id: int) -> builtins.list[Segment]:
        rows = self._db.query_all(
            # A found speaker's name (or anonymous label) wins over the channel's label.
            """SELECT s.id, s.start_s, s.end_s, s.text, s.language, s.avg_logprob, c.kind,
                      c.label, coalesce(sp.name, sp.label, s.speaker) AS speaker
               FROM segments s JOIN channels c ON c.id = s.channel_id
               LEFT JOIN speakers sp ON sp.id = s.speaker_id
               WHERE s.meeting_id = ? ORDER BY s.start_s, s.id""",
            (meeting_id,),
        )
        words: dict[int, builtins.list[Word]] = {}
        for w in self._db.query_all(
            """SELECT w.segment_id, w.start_s, w.end_s, w.text, w.probability
               FROM words w JOIN segments s ON s.id = w.segment_id
               WHERE s.meeting_id = ? ORDER BY w.segment_id, w.position""",
            (meeting_id,),
        ):
            words.setdefault(w["segment_id"], []).append(
                Word(w["start_s"], w["end_s"], w["text"], w["probability"])
            )
        return [
            Segment(
                start=row["start_s"],
                end=row["end_s"],
                text=row["text"],
                words=tuple(words.get(row["id"], ())),
                channel=ChannelKind(row["kind"]),
                speaker=row["speaker"] or row["label"],
                language=row["language"],
                avg_logprob=row["avg_logprob"],
                id=row["id"],
            )
            for row in rows
        ]

    def retention_facts(self) -> builtins.list[MeetingFacts]:
        """Every meeting, as the retention rules see it (oldest first)."""
        rows = self._db.query_all(_RETENTION_FACTS, (PushState.SENT.value,))
        return [
            MeetingFacts(
                meeting_id=row["id"],
                title=row["title"],
                started_at=datetime.fromisoformat(row["started_at"]),
                meeting_type=str(row["meeting_type"]) if row["meeting_type"] else None,
                keep=bool(row["keep"]),
                has_audio=bool(row["has_audio"]),
                has_transcript=bool(row["has_transcript"]),
                pushed_at=_time(row["pushed_at"]),
                state=MeetingState(row["state"]),
                imported_at=(
                    datetime.fromisoformat(row["created_at"])
                    if row["source"] == MeetingSource.IMPORT.value
                    else None
                ),
            )
            for row in rows
        ]

    def deletable_counts(self, meeting_id: int) -> DeletableCounts:
        row = self._db.query_one(
            """SELECT
                 (SELECT count(*) FROM audio_files WHERE meeting_id = :m) AS audio_files,
                 (SELECT count(*) FROM journal_files WHERE meeting_id = :m) AS journal_files,
                 (SELECT count(*) FROM speakers
                   WHERE meeting_id = :m AND embedding IS NOT NULL) AS voices,
                 (SELECT count(*) FROM segments WHERE meeting_id = :m) AS segments,
                 (SELECT count(*) FROM speakers WHERE meeting_id = :m) AS speakers""",
            {"m": meeting_id},
        )
        return DeletableCounts(
            int(row["audio_files"]),
            int(row["journal_files"]),
            int(row["voices"]),
            int(row["segments"]),
            int(row["speakers"]),
        )

    def audio_files(self, meeting_id: int) -> builtins.list[AudioFileRecord]:
        rows = self._db.query_all(
            """SELECT a.id, a.meeting_id, m.uid AS meeting_uid, c.kind, a.file_uid,
                      a.sample_rate, a.duration_s, a.finalised
               FROM audio_files a
               JOIN channels c ON c.id = a.channel_id
               JOIN meetings m ON m.id = a.meeting_id
               WHERE a.meeting_id = ? ORDER BY a.id""",
            (meeting_id,),
        )
        return [
            AudioFileRecord(
                id=row["id"],
                meeting_id=row["meeting_id"],
                meeting_uid=row["meeting_uid"],
                channel=ChannelKind(row["kind"]),
                file_uid=row["file_uid"],
                sample_rate=row["sample_rate"],
                duration_s=row["duration_s"],
                finalised=bool(row["finalised"]),
            )
            for row in rows
        ]
