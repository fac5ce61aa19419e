"""Find everything the store holds about one person (see :mod:`minuta.app.person_data`).

Two steps. First, who: a name typed alone picks up the person's e-mail address
(and an address alone their name) from the meetings' participant lists, when
those agree on exactly one. Then, where: meetings the person took part in (as a
participant, or a speaker named as them) are read whole, with the short forms
of their name counting there (:meth:`PersonQuery.in_context`, never a short form
someone else in that meeting shares); everything else is narrowed with the
search index and confirmed word by word.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from minuta.app import person_report as r
from minuta.app.person_crm import body_mentions, plan_mentions, string_mentions
from minuta.core.crm import CrmTarget, StepState
from minuta.core.participants import split_participant
from minuta.core.person import PersonQuery, name_words
from minuta.core.summary import MeetingSummary
from minuta.core.text import fold, words
from minuta.store.outbox import plan_from_json
from minuta.store.person_data import (
    ExportRow,
    PersonDataRepository,
    PushRow,
    SegmentRow,
    fts_expression,
)
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.store.summaries import summary_from_json

# Word keeps a paragraph's text in runs ("Ka" "ri" may be two): tags between runs
# join them, tags that end a paragraph or break a line separate.
_XML_BREAK = re.compile(r"</w:p>|<w:br\b[^>]*>|<w:tab\b[^>]*>")
_XML_TAG = re.compile(r"<[^>]+>")
_ZIP_MAGIC = b"PK\x03\x04"


def find_person(store: Store, text: str) -> r.PersonReport:
    """Everything about the person ``text`` names; ValueError when it names no one."""
    query = PersonQuery.from_text(text)
    repo = PersonDataRepository(store.db)
    return collect(store, text, resolve(query, repo.meeting_people()))


def resolve(query: PersonQuery, people: Iterable[tuple[int, tuple[str, ...]]]) -> PersonQuery:
    """Complete a name-only query with the address, or an address-only one with the name,
    that the participant lists give it (only when they agree on one)."""
    if query.name and query.email:
        return query
    emails: dict[str, str] = {}
    names: dict[tuple[str, ...], str] = {}
    for _meeting_id, entries in people:
        for entry in entries:
            name, email = split_participant(entry)
            if not name or not email:
                continue
            if query.name and tuple(words(name)) == query.name_tokens:
                emails.setdefault(fold(email), email)
            if query.email and fold(email) == fold(query.email):
                names.setdefault(tuple(words(name)), name)
    if query.name and len(emails) == 1:
        return query.with_email(next(iter(emails.values())))
    if query.email and len(names) == 1:
        return query.with_name(next(iter(names.values())))
    return query


def collect(store: Store, typed: str, query: PersonQuery) -> r.PersonReport:
    """Everything about ``query`` (already resolved), as a report."""
    return _Collector(store, query).report(typed)


class _Collector:
    def __init__(self, store: Store, query: PersonQuery) -> None:
        self.repo = PersonDataRepository(store.db)
        self.query = query
        self.people = dict(self.repo.meeting_people())
        self.named = self.repo.named_speakers()
        self.line_speakers = self.repo.line_speakers()
        self.queries = self._meeting_queries(store.settings.get(Setting.USER_NAME) or "")
        self.reasons: dict[int, set[str]] = {}

    def _meeting_queries(self, user_name: str) -> dict[int, PersonQuery]:
        """Where they took part, their first name or surname alone means them too."""
        query = self.query
        took_part = {m for m, entries in self.people.items() if any(map(query.matches, entries))}
        took_part |= {s.meeting_id for s in self.named if query.matches(s.name)}
        took_part |= {m for m, name in self.line_speakers if query.matches(name)}
        queries = {}
        for mid in took_part:
            names = [*self.people.get(mid, ())]
            names += [s.name for s in self.named if s.meeting_id == mid]
            names += [name for m, name in self.line_speakers if m == mid]
            others = {w for n in names if not query.matches(n) for w in name_words(n)}
            queries[mid] = query.in_context(others | name_words(user_name))
        return queries

    def q(self, meeting_id: int | None) -> PersonQuery:
        return self.query if meeting_id is None else self.queries.get(meeting_id, self.query)

    def because(self, meeting_id: int | None, why: str) -> None:
        if meeting_id is not None:
            self.reasons.setdefault(meeting_id, set()).add(why)

    def report(self, typed: str) -> r.PersonReport:
        participants = {
            mid: tuple(e for e in entries if self.q(mid).matches(e))
            for mid, entries in self.people.items()
        }
        for mid, entries in participants.items():
            if entries:
                self.because(mid, r.PARTICIPANT)
        speakers = self._speakers()
        items, texts = self._summaries()
        pushes = [
            _push_hit(p) for p in self.repo.pushes() if _push_mentions(p, self.q(p.meeting_id))
        ]
        for push in pushes:
            self.because(push.meeting_id, r.CRM)
        exports = [
            r.ExportHit(e.id, e.meeting_id, e.at, e.kind, e.format, e.destination)
            for e in self.repo.exports()
            if _export_mentions(e, self.q(e.meeting_id))
        ]
        for export in exports:
            self.because(export.meeting_id, r.EXPORT)
        segments = self._segments({s.speaker_id for s in speakers if s.speaker_id is not None})
        highlights = self._highlights()
        consent = self._consent()
        return r.PersonReport(
            typed=typed,
            query=self.query,
            meetings=self._meetings(participants, highlights, consent),
            segments=segments,
            speakers=tuple(speakers),
            summary_items=tuple(items),
            summary_texts=tuple(texts),
            pushes=tuple(pushes),
            exports=tuple(exports),
            meeting_queries=self.queries,
        )

    def _speakers(self) -> list[r.SpeakerHit]:
        found = [
            r.SpeakerHit(s.meeting_id, s.id, s.label, s.name)
            for s in self.named
            if self.q(s.meeting_id).matches(s.name)
        ]
        found += [
            r.SpeakerHit(mid, None, None, name)
            for mid, name in self.line_speakers
            if self.q(mid).matches(name)
        ]
        for speaker in found:
            self.because(speaker.meeting_id, r.SPEAKER)
        return found

    def _segments(self, speaker_ids: set[int]) -> tuple[r.SegmentHit, ...]:
        # Meetings they took part in are read whole; elsewhere the index narrows.
        candidates = {s.id: s for s in self.repo.segments_of(self.queries)}
        expression = fts_expression(self.query)
        if expression:
            for row in self.repo.segments_matching(expression):
                candidates.setdefault(row.id, row)
        found = []
        for row in sorted(candidates.values(), key=lambda s: (s.meeting_id, s.start_s, s.id)):
            hit = _segment_hit(row, self.q(row.meeting_id), speaker_ids)
            if hit is not None:
                found.append(hit)
                self.because(row.meeting_id, r.TRANSCRIPT)
        return tuple(found)

    def _summaries(self) -> tuple[list[r.SummaryItemHit], list[r.SummaryTextHit]]:
        items, texts = [], []
        for row in self.repo.summaries():
            summary = summary_from_json(row.body)
            found_items, found_texts = _summary_hits(
                row.id, row.meeting_id, summary, self.q(row.meeting_id)
            )
            items += found_items
            texts += found_texts
            if found_items or found_texts:
                self.because(row.meeting_id, r.SUMMARY)
        return items, texts

    def _highlights(self) -> dict[int, list[r.HighlightHit]]:
        found: dict[int, list[r.HighlightHit]] = {}
        for h in self.repo.highlights():
            if self.q(h.meeting_id).matches(h.label):
                hit = r.HighlightHit(h.id, h.meeting_id, h.t_s, h.label)
                found.setdefault(h.meeting_id, []).append(hit)
                self.because(h.meeting_id, r.HIGHLIGHT)
        return found

    def _consent(self) -> dict[int, r.ConsentHit]:
        found: dict[int, r.ConsentHit] = {}
        for c in self.repo.consent():
            mq = self.q(c.meeting_id)
            informed = tuple(p for p in c.informed if mq.matches(p))
            note = c.note if mq.matches(c.note) else None
            if informed or note is not None:
                found[c.meeting_id] = r.ConsentHit(
                    c.decision, c.method, c.recorded_at, informed, note
                )
                self.because(c.meeting_id, r.CONSENT)
        return found

    def _meetings(
        self,
        participants: dict[int, tuple[str, ...]],
        highlights: dict[int, list[r.HighlightHit]],
        consent: dict[int, r.ConsentHit],
    ) -> tuple[r.MeetingHit, ...]:
        expression = fts_expression(self.query)
        candidates = set(self.repo.meetings_matching(expression)) if expression else set()
        found = []
        for row in self.repo.meetings(candidates | set(self.queries) | set(self.reasons)):
            mq = self.q(row.id)
            if mq.matches(row.title):
                self.because(row.id, r.TITLE)
            notes_lines = tuple(line for line in row.notes.splitlines() if mq.matches(line))
            if not notes_lines and mq.matches(row.notes):  # a name broken over two lines
                notes_lines = (row.notes,)
            if notes_lines:
                self.because(row.id, r.NOTES)
            if row.id not in self.reasons:
                continue
            found.append(
                r.MeetingHit(
                    id=row.id,
                    uid=row.uid,
                    title=row.title,
                    started_at=row.started_at,
                    duration_s=row.duration_s,
                    language=row.language,
                    reasons=tuple(sorted(self.reasons[row.id])),
                    participants=participants.get(row.id, ()),
                    notes_lines=notes_lines,
                    consent=consent.get(row.id),
                    highlights=tuple(highlights.get(row.id, ())),
                )
            )
        return tuple(found)


def _segment_hit(row: SegmentRow, mq: PersonQuery, speaker_ids: set[int]) -> r.SegmentHit | None:
    mentioned = mq.matches(row.text)
    line_named = bool(row.legacy_speaker) and mq.matches(row.legacy_speaker or "")
    spoken = row.speaker_id in speaker_ids or (row.speaker_id is None and line_named)
    if not (mentioned or spoken or line_named):
        return None
    return r.SegmentHit(
        id=row.id,
        meeting_id=row.meeting_id,
        start_s=row.start_s,
        end_s=row.end_s,
        speaker=row.speaker,
        text=row.text,
        spoken=spoken,
        mentioned=mentioned,
        line_speaker_named=line_named,
    )


def _summary_hits(
    summary_id: int, meeting_id: int, summary: MeetingSummary, mq: PersonQuery
) -> tuple[list[r.SummaryItemHit], list[r.SummaryTextHit]]:
    items = []
    for index, item in enumerate(summary.items):
        quotes = tuple(e.quote for e in item.evidence)
        fields = [item.text, item.owner or "", item.due_raw or "", *quotes]
        if any(mq.matches(f) for f in fields):
            items.append(
                r.SummaryItemHit(
                    summary_id=summary_id,
                    meeting_id=meeting_id,
                    index=index,
                    kind=item.kind.value,
                    text=item.text,
                    owner=item.owner,
                    due_raw=item.due_raw,
                    due_date=item.due_date,
                    quotes=quotes,
                )
            )
    texts = [("summary", summary.summary)]
    if summary.email is not None:
        texts += [("email.subject", summary.email.subject), ("email.body", summary.email.body)]
    found = [
        r.SummaryTextHit(summary_id, meeting_id, name, text)
        for name, text in texts
        if mq.matches(text)
    ]
    return items, found


def _push_mentions(row: PushRow, mq: PersonQuery) -> bool:
    return plan_mentions(mq, plan_from_json(row.plan))


def _push_hit(row: PushRow) -> r.PushHit:
    plan = plan_from_json(row.plan)
    by_step = {request.step: request.record for request in plan.requests}
    records = [
        r.CrmRecordHit(
            row.id,
            row.meeting_id,
            plan.connection,
            plan.kind.value,
            by_step.get(step.step, step.step),
            step.remote_id,
            step.url,
        )
        for step in row.steps
        if step.remote_id
    ]
    records += _target_record(row, plan.connection, plan.kind.value, plan.target)
    return r.PushHit(
        id=row.id,
        meeting_id=row.meeting_id,
        connection=plan.connection,
        vendor=plan.kind.value,
        state=row.state,
        approved_at=row.approved_at,
        digest=row.digest,
        target_kind=plan.target.kind.value,
        sent_any=any(step.state != StepState.PENDING.value for step in row.steps),
        records=tuple(records),
    )


def _target_record(
    row: PushRow, connection: str, vendor: str, target: CrmTarget
) -> list[r.CrmRecordHit]:
    """The record the push was linked to (a person, company or deal), once anything was sent."""
    if not target.remote_id or all(s.state == StepState.PENDING.value for s in row.steps):
        return []
    what = f"Linked {target.kind.value} record"
    return [
        r.CrmRecordHit(
            row.id, row.meeting_id, connection, vendor, what, target.remote_id, target.url
        )
    ]


def export_text(payload: bytes) -> str | None:
    """The text inside a Word export (a zip of XML parts); None for anything else."""
    if not payload.startswith(_ZIP_MAGIC):
        return None
    parts: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".txt", ".rels")):
                    text = archive.read(info).decode("utf-8", "replace")
                    if "<w:t" in text:
                        parts.append(_XML_TAG.sub("", _XML_BREAK.sub("\n", text)))
                    else:
                        parts.append(_XML_TAG.sub(" ", text))
    except zipfile.BadZipFile:
        return None
    return "\n".join(parts)


def _export_mentions(row: ExportRow, mq: PersonQuery) -> bool:
    if string_mentions(mq, row.destination):
        return True
    inside = export_text(row.payload)
    if inside is not None:
        return string_mentions(mq, inside)
    return body_mentions(mq, row.payload)
