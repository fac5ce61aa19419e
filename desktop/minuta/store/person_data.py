"""The rows a person's data can be in, and the updates that erase or redact it.

Reading narrows with the search index where it can (segments, titles and notes
through ``segment_fts``/``meeting_fts``) and reads small tables whole
(participants, speakers, summaries, pushes, exports, highlights, consent). The
index only narrows: :mod:`minuta.app.person_data` confirms every candidate with
:class:`~minuta.core.person.PersonQuery`, since a prefix query ("kari"*) also finds
"Karin" and an index can lag behind its table.

Every update here runs in the caller's transaction (erasure is one
transaction); none opens its own. The search index follows the tables through
their triggers (``segments_fts_update``/``_delete`` fire on ``text``,
``meetings_fts_update`` on ``title`` and ``notes``); :meth:`purge_search_index`
then merges the index so deleted entries leave its pages too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from minuta.core.person import PersonQuery
from minuta.core.text import words
from minuta.store.database import Database

_OPEN_STATES = ("queued", "sending", "failed")


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    uid: str
    title: str
    notes: str
    started_at: datetime
    duration_s: float
    language: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SegmentRow:
    id: int
    meeting_id: int
    start_s: float
    end_s: float
    text: str
    speaker_id: int | None
    speaker_name: str | None  # the name the user gave the speaker row
    speaker_label: str | None  # the speaker row's anonymous label
    legacy_speaker: str | None  # segments.speaker: a name from an import, or a label
    channel_label: str

    @property
    def speaker(self) -> str:
        """As the transcript shows it."""
        return self.speaker_name or self.speaker_label or self.legacy_speaker or self.channel_label


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int
    meeting_id: int
    label: str
    name: str


@dataclass(frozen=True, slots=True)
class SummaryRow:
    id: int
    meeting_id: int
    created_at: str
    body: str


@dataclass(frozen=True, slots=True)
class StepRow:
    step: str
    state: str
    remote_id: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class PushRow:
    id: int
    meeting_id: int
    state: str
    plan: str  # JSON, as minuta.store.outbox.plan_to_json wrote it
    digest: str
    approved_at: datetime
    steps: tuple[StepRow, ...]


@dataclass(frozen=True, slots=True)
class ExportRow:
    id: int
    meeting_id: int | None
    at: datetime
    kind: str
    format: str
    destination: str
    payload: bytes


@dataclass(frozen=True, slots=True)
class HighlightRow:
    id: int
    meeting_id: int
    t_s: float
    label: str


@dataclass(frozen=True, slots=True)
class ConsentRow:
    meeting_id: int
    decision: str
    method: str
    informed: tuple[str, ...]
    recorded_at: str
    note: str


def _people(raw: str) -> tuple[str, ...]:
    data: Any = json.loads(raw or "[]")
    return tuple(str(p) for p in data) if isinstance(data, list) else ()


def fts_expression(query: PersonQuery) -> str | None:
    """An FTS5 expression that finds at least every row the query matches.

    The name is a phrase whose last word is a prefix ("kari nordmann"* also
    finds "Nordmanns"), a long name's first and last word another, the address a
    phrase of its words. Only word characters go in, so no input is an FTS5 error.
    """
    parts: list[str] = []
    tokens = query.name_tokens
    if tokens:
        parts.append('"' + " ".join(tokens) + '"*')
        if len(tokens) >= 3:
            parts.append(f'"{tokens[0]} {tokens[-1]}"*')
    if query.email:
        address = words(query.email)
        if address:
            parts.append('"' + " ".join(address) + '"')
    return " OR ".join(parts) or None


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


_SEGMENT_COLUMNS = """
    s.id, s.meeting_id, s.start_s, s.end_s, s.text, s.speaker_id, sp.name AS speaker_name,
    sp.label AS speaker_label, s.speaker AS legacy_speaker, c.label AS channel_label
"""
_SEGMENT_FROM = """
    FROM segments s JOIN channels c ON c.id = s.channel_id
    LEFT JOIN speakers sp ON sp.id = s.speaker_id
"""


def _segment(row: Any) -> SegmentRow:
    return SegmentRow(
        id=int(row["id"]),
        meeting_id=int(row["meeting_id"]),
        start_s=float(row["start_s"]),
        end_s=float(row["end_s"]),
        text=str(row["text"]),
        speaker_id=row["speaker_id"],
        speaker_name=row["speaker_name"],
        speaker_label=row["speaker_label"],
        legacy_speaker=row["legacy_speaker"],
        channel_label=str(row["channel_label"]),
    )


class PersonDataRepository:
    """Reads candidates for a person's data and applies erasure's updates."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reading: meetings ----------------------------------------------------------

    def meeting_people(self) -> list[tuple[int, tuple[str, ...]]]:
        """(meeting id, participants) of every meeting."""
        rows = self._db.query_all("SELECT id, participants FROM meetings ORDER BY id")
        return [(int(r["id"]), tuple(str(p) for p in json.loads(r["participants"]))) for r in rows]

    def meetings_matching(self, expression: str) -> list[int]:
        """Meetings whose title or notes the index says may match."""
        rows = self._db.query_all(
            "SELECT rowid FROM meeting_fts WHERE meeting_fts MATCH ?", (expression,)
        )
        return [int(r[0]) for r in rows]

    def meetings(self, ids: Iterable[int]) -> list[MeetingRow]:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        columns = "id, uid, title, notes, started_at, duration_s, language, participants"
        where = f"id IN ({_placeholders(wanted)})"
        sql = f"SELECT {columns} FROM meetings WHERE {where} ORDER BY started_at, id"  # noqa: S608
        rows = self._db.query_all(sql, tuple(wanted))
        return [
            MeetingRow(
                id=int(r["id"]),
                uid=str(r["uid"]),
                title=str(r["title"]),
                notes=str(r["notes"]),
                started_at=datetime.fromisoformat(str(r["started_at"])),
                duration_s=float(r["duration_s"]),
                language=r["language"],
                participants=tuple(str(p) for p in json.loads(r["participants"])),
            )
            for r in rows
        ]

    # --- reading: transcripts -------------------------------------------------------

    def segments_matching(self, expression: str) -> list[SegmentRow]:
        """Lines the index says may match."""
        rows = self._db.query_all(
            f"SELECT {_SEGMENT_COLUMNS} {_SEGMENT_FROM} "  # noqa: S608 - constants
            "WHERE s.id IN (SELECT rowid FROM segment_fts WHERE segment_fts MATCH ?) "
            "ORDER BY s.meeting_id, s.start_s, s.id",
            (expression,),
        )
        return [_segment(r) for r in rows]

    def segments_of(self, meeting_ids: Iterable[int]) -> list[SegmentRow]:
        wanted = sorted(set(meeting_ids))
        if not wanted:
            return []
        rows = self._db.query_all(
            f"SELECT {_SEGMENT_COLUMNS} {_SEGMENT_FROM} "
            f"WHERE s.meeting_id IN ({_placeholders(wanted)}) "
            "ORDER BY s.meeting_id, s.start_s, s.id",
            tuple(wanted),
        )
        return [_segment(r) for r in rows]

    def named_speakers(self) -> list[SpeakerRow]:
        rows = self._db.query_all(
            "SELECT id, meeting_id, label, name FROM speakers WHERE name IS NOT NULL ORDER BY id"
        )
        return [SpeakerRow(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]

    def line_speakers(self) -> list[tuple[int, str]]:
        """(meeting id, name) as lines without a speaker row carry it (imported transcripts)."""
        rows = self._db.query_all(
            "SELECT DISTINCT meeting_id, speaker FROM segments "
            "WHERE speaker IS NOT NULL AND speaker_id IS NULL ORDER BY meeting_id"
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    # --- reading: everything else ---------------------------------------------------

    def summaries(self) -> list[SummaryRow]:
        rows = self._db.query_all(
            "SELECT id, meeting_id, created_at, body FROM summaries ORDER BY meeting_id, id"
        )
        return [SummaryRow(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]

    def pushes(self) -> list[PushRow]:
        rows = self._db.query_all(
            "SELECT id, meeting_id, state, plan, digest, approved_at FROM crm_pushes ORDER BY id"
        )
        steps: dict[int, list[StepRow]] = {}
        for s in self._db.query_all(
            "SELECT push_id, step, state, remote_id, url FROM crm_push_steps "
            "ORDER BY push_id, position"
        ):
            steps.setdefault(int(s[0]), []).append(StepRow(str(s[1]), str(s[2]), s[3], s[4]))
        return [
            PushRow(
                id=int(r["id"]),
                meeting_id=int(r["meeting_id"]),
                state=str(r["state"]),
                plan=str(r["plan"]),
                digest=str(r["digest"]),
                approved_at=datetime.fromisoformat(str(r["approved_at"])),
                steps=tuple(steps.get(int(r["id"]), ())),
            )
            for r in rows
        ]

    def exports(self) -> list[ExportRow]:
        rows = self._db.query_all(
            "SELECT id, meeting_id, at, kind, format, destination, payload FROM exports ORDER BY id"
        )
        return [
            ExportRow(
                id=int(r["id"]),
                meeting_id=r["meeting_id"],
                at=datetime.fromisoformat(str(r["at"])),
                kind=str(r["kind"]),
                format=str(r["format"]),
                destination=str(r["destination"]),
                payload=bytes(r["payload"]),
            )
            for r in rows
        ]

    def highlights(self) -> list[HighlightRow]:
        rows = self._db.query_all(
            "SELECT id, meeting_id, t_s, label FROM highlights WHERE label != '' "
            "ORDER BY meeting_id, t_s"
        )
        return [HighlightRow(int(r[0]), int(r[1]), float(r[2]), str(r[3])) for r in rows]

    def consent(self) -> list[ConsentRow]:
        rows = self._db.query_all(
            "SELECT meeting_id, decision, method, informed, recorded_at, note "
            "FROM meeting_consent ORDER BY meeting_id"
        )
        return [
            ConsentRow(
                meeting_id=int(r["meeting_id"]),
                decision=str(r["decision"]),
                method=str(r["method"]),
                informed=_people(str(r["informed"])),
                recorded_at=str(r["recorded_at"]),
                note=str(r["note"]),
            )
            for r in rows
        ]

    # --- erasure's updates (call inside one transaction) -------------------------------

    def set_meeting_text(
        self, meeting_id: int, *, title: str, notes: str, participants: Sequence[str]
    ) -> None:
        self._db.execute(
            "UPDATE meetings SET title = ?, notes = ?, participants = ? WHERE id = ?",
            (title, notes, json.dumps(list(participants), ensure_ascii=False), meeting_id),
        )

    def set_segment_text(self, segment_id: int, text: str) -> None:
        """A redacted line: its words (whose text was the line's) go, as after an edit."""
        self._db.execute("UPDATE segments SET text = ? WHERE id = ?", (text, segment_id))
        self._db.execute("DELETE FROM words WHERE segment_id = ?", (segment_id,))

    def set_line_speaker(self, segment_id: int, speaker: str | None) -> None:
        self._db.execute("UPDATE segments SET speaker = ? WHERE id = ?", (speaker, segment_id))

    def delete_segments(self, segment_ids: Iterable[int]) -> int:
        """Lines gone with their words (by cascade) and index entries (by trigger)."""
        ids = sorted(set(segment_ids))
        if not ids:
            return 0
        cursor = self._db.execute(
            f"DELETE FROM segments WHERE id IN ({_placeholders(ids)})",  # noqa: S608
            tuple(ids),
        )
        return int(cursor.rowcount)

    def anonymise_speaker(self, speaker_id: int) -> None:
        """Back to the anonymous label, and the voice that could recognise them gone."""
        self._db.execute(
            "UPDATE speakers SET name = NULL, embedding = NULL WHERE id = ?", (speaker_id,)
        )

    def set_summary_body(self, summary_id: int, body: str) -> None:
        self._db.execute("UPDATE summaries SET body = ? WHERE id = ?", (body, summary_id))

    def set_push_plan(self, push_id: int, plan: str, target: str) -> None:
        """Replace the stored copy of a push's requests.

        ``digest`` stays the digest of what was approved (and sent): the audit
        events name it. A redacted copy therefore no longer hashes to it, which
        is how a reader tells a redacted copy from the approved one.
        """
        self._db.execute(
            "UPDATE crm_pushes SET plan = ?, target = ? WHERE id = ?", (plan, target, push_id)
        )

    def withdraw_push(self, push_id: int, *, note: str) -> bool:
        """Stop an open or failed push for good (as ``OutboxRepository.cancel`` does, but
        in the caller's transaction, and whether or not some of it was sent)."""
        states = _placeholders(_OPEN_STATES)
        sql = (
            "UPDATE crm_pushes SET state = 'cancelled', finished_at = ?, next_attempt_at = NULL, "  # noqa: S608
            f"last_error = ? WHERE id = ? AND state IN ({states})"
        )
        cursor = self._db.execute(
            sql, (datetime.now(UTC).isoformat(), note, push_id, *_OPEN_STATES)
        )
        return bool(cursor.rowcount == 1)

    def delete_exports(self, export_ids: Iterable[int]) -> int:
        ids = sorted(set(export_ids))
        if not ids:
            return 0
        cursor = self._db.execute(
            f"DELETE FROM exports WHERE id IN ({_placeholders(ids)})",  # noqa: S608
            tuple(ids),
        )
        return int(cursor.rowcount)

    def set_highlight_label(self, highlight_id: int, label: str) -> None:
        self._db.execute("UPDATE highlights SET label = ? WHERE id = ?", (label, highlight_id))

    def set_consent_people(self, row: ConsentRow, informed: Sequence[str], note: str) -> None:
        self._db.execute(
            "UPDATE meeting_consent SET informed = ?, note = ? WHERE meeting_id = ?",
            (json.dumps(list(informed), ensure_ascii=False), note, row.meeting_id),
        )

    def purge_search_index(self) -> None:
        """Merge the search index, so entries of erased text leave its pages as well.

        A contentless FTS5 table marks deleted rows and drops their entries only
        when its segments merge; ``optimize`` merges them all now.
        """
        self._db.execute("INSERT INTO segment_fts (segment_fts) VALUES ('optimize')")
        self._db.execute("INSERT INTO meeting_fts (meeting_fts) VALUES ('optimize')")
