"""What "find a person" found: the report the export, the erasure, the CLI and the UI share.

Plain frozen dataclasses with database ids, built by
:func:`minuta.app.person_find.collect`. A report holds the person's data in
memory only; it is written nowhere unless the user exports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from minuta.core.person import PersonQuery

# Why a meeting is in the report.
PARTICIPANT = "participant"
SPEAKER = "speaker"
TITLE = "title"
NOTES = "notes"
TRANSCRIPT = "transcript"
SUMMARY = "summary"
HIGHLIGHT = "highlight"
CONSENT = "consent"
CRM = "crm"
EXPORT = "export"


@dataclass(frozen=True, slots=True)
class ConsentHit:
    decision: str
    method: str
    recorded_at: str
    informed: tuple[str, ...]  # only the entries that are the person
    note: str | None  # the note, when it mentions them


@dataclass(frozen=True, slots=True)
class HighlightHit:
    id: int
    meeting_id: int
    t_s: float
    label: str


@dataclass(frozen=True, slots=True)
class MeetingHit:
    id: int
    uid: str
    title: str
    started_at: datetime
    duration_s: float
    language: str | None
    reasons: tuple[str, ...]
    participants: tuple[str, ...]  # the entries that are the person
    notes_lines: tuple[str, ...]  # the lines of the notes that mention them
    consent: ConsentHit | None = None
    highlights: tuple[HighlightHit, ...] = ()


@dataclass(frozen=True, slots=True)
class SegmentHit:
    id: int
    meeting_id: int
    start_s: float
    end_s: float
    speaker: str
    text: str
    spoken: bool  # said by them (a speaker named as them)
    mentioned: bool  # the text names them
    line_speaker_named: bool = False  # the line's own speaker text names them


@dataclass(frozen=True, slots=True)
class SpeakerHit:
    meeting_id: int
    speaker_id: int | None  # None: a name carried on the lines themselves (an import)
    label: str | None
    name: str


@dataclass(frozen=True, slots=True)
class SummaryItemHit:
    summary_id: int
    meeting_id: int
    index: int  # the item's position in the summary
    kind: str
    text: str
    owner: str | None
    due_raw: str | None
    due_date: date | None
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SummaryTextHit:
    summary_id: int
    meeting_id: int
    field: str  # "summary", "email.subject" or "email.body"
    text: str


@dataclass(frozen=True, slots=True)
class CrmRecordHit:
    """A record in a CRM that holds (or is linked to) what was sent about the person."""

    push_id: int
    meeting_id: int
    connection: str
    vendor: str  # the CRM's kind ("hubspot")
    what: str  # "Meeting note", "Task: …", or "Linked record" for the push's target
    remote_id: str
    url: str | None


@dataclass(frozen=True, slots=True)
class PushHit:
    id: int
    meeting_id: int
    connection: str
    vendor: str
    state: str  # queued, sending, sent, failed, cancelled
    approved_at: datetime
    digest: str
    target_kind: str
    sent_any: bool  # some request left (or may have left) the computer
    records: tuple[CrmRecordHit, ...]


@dataclass(frozen=True, slots=True)
class ExportHit:
    id: int
    meeting_id: int | None
    at: datetime
    kind: str
    format: str
    destination: str


@dataclass(frozen=True, slots=True)
class PersonReport:
    typed: str  # what the user typed
    query: PersonQuery  # what was searched for (a name or address found with the other)
    meetings: tuple[MeetingHit, ...] = ()
    segments: tuple[SegmentHit, ...] = ()
    speakers: tuple[SpeakerHit, ...] = ()
    summary_items: tuple[SummaryItemHit, ...] = ()
    summary_texts: tuple[SummaryTextHit, ...] = ()
    pushes: tuple[PushHit, ...] = ()
    exports: tuple[ExportHit, ...] = ()
    # Meetings the person took part in, with the short forms of the name that count there.
    meeting_queries: Mapping[int, PersonQuery] = field(default_factory=dict, compare=False)

    def query_for(self, meeting_id: int | None) -> PersonQuery:
        if meeting_id is None:
            return self.query
        return self.meeting_queries.get(meeting_id, self.query)

    @property
    def is_empty(self) -> bool:
        return not (
            self.meetings
            or self.segments
            or self.speakers
            or self.summary_items
            or self.summary_texts
            or self.pushes
            or self.exports
        )

    @property
    def crm_records(self) -> tuple[CrmRecordHit, ...]:
        """The CRM records to follow up in the CRM itself: Minuta cannot erase them there."""
        return tuple(record for push in self.pushes for record in push.records)

    def counts(self) -> dict[str, int]:
        return {
            "meetings": len(self.meetings),
            "segments": len(self.segments),
            "summary_items": len(self.summary_items) + len(self.summary_texts),
            "crm_records": len(self.crm_records),
            "exports": len(self.exports),
        }
