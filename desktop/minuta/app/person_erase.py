"""Erase or redact a person everywhere in the store, in one transaction.

What changes, for ``mode="erase"`` (``"redact"`` differs where it says so):

* Titles, notes, transcript lines, highlight labels, every summary draft (its
  text, items, owners, quotes, e-mail draft) and consent notes: each mention
  becomes "[erased]" ("[redacted]"). A changed line loses its word timings.
* Participant entries that are the person are removed ("[redacted]" in their
  place); in a consent record's list of people told, the entry is replaced in
  both modes, so the record still says how many people were told.
* Speakers named as them lose the name (back to "Speaker 2") and their voice
  embedding. Their own lines are deleted (kept, with the speaker anonymised),
  and in erase mode so are summary quotes taken from those lines.
* Exports that held their data are deleted from the exports log.
* CRM pushes: the stored copy of the requests is redacted in place; its digest
  stays the digest that was approved and sent (the audit log names it), so the
  stored copy no longer matches it. A push not yet (fully) sent is withdrawn:
  nothing more of it will be sent. The records already made in the CRM cannot be
  erased from here; the report lists them to follow up in the CRM.

After the transaction the search index is merged (deleted entries leave its
pages), the database is checkpointed, the audio of meetings where they spoke is
deleted if asked, and the free space is marked for shredding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Literal

from minuta.app import person_report as r
from minuta.app.person_crm import redact_plan
from minuta.app.person_find import collect
from minuta.core.audit import AuditKind
from minuta.core.person import ERASED, REDACTED, PersonQuery
from minuta.core.summary import EmailDraft, Evidence, MeetingSummary, SummaryItem
from minuta.store.errors import StoreError
from minuta.store.outbox import plan_from_json, plan_to_json, target_to_json
from minuta.store.person_data import PersonDataRepository
from minuta.store.store import Store
from minuta.store.summaries import summary_from_json, summary_to_json

Mode = Literal["erase", "redact"]
_OPEN = ("queued", "sending", "failed")
WITHDRAWN_NOTE = "Withdrawn: a person's data was erased from it."


class ErasureIncompleteError(RuntimeError):
    """The erasure would have left a mention behind; nothing was changed."""


@dataclass(frozen=True, slots=True)
class ErasureReport:
    mode: Mode
    meetings: int = 0  # meetings whose title, notes or participants changed
    segments_deleted: int = 0
    segments_redacted: int = 0
    speakers: int = 0
    summaries: int = 0  # summary drafts rewritten
    highlights: int = 0
    consent: int = 0
    exports_deleted: int = 0
    pushes_redacted: int = 0
    pushes_withdrawn: tuple[int, ...] = ()  # nothing of these had been sent
    pushes_partly_sent: tuple[int, ...] = ()  # withdrawn, but some requests had gone
    follow_up: tuple[r.CrmRecordHit, ...] = ()  # records in the CRM: change them there
    audio_deleted: tuple[int, ...] = ()  # meetings whose audio was deleted
    notes: tuple[str, ...] = field(default=())  # what could not be done


def _summary(
    summary: MeetingSummary, mq: PersonQuery, marker: str, deleted: set[int]
) -> MeetingSummary:
    def clean(text: str | None) -> str | None:
        return None if text is None else mq.redact(text, marker)

    def evidence(e: Evidence) -> Evidence:
        return replace(e, quote=mq.redact(e.quote, marker))

    items: list[SummaryItem] = []
    for item in summary.items:
        kept = tuple(evidence(e) for e in item.evidence if not deleted & set(e.segment_ids))
        owner = item.owner
        if owner is not None and mq.matches(owner):
            owner = marker
        items.append(
            replace(
                item,
                text=mq.redact(item.text, marker),
                evidence=kept,
                owner=owner,
                due_raw=clean(item.due_raw),
            )
        )
    email = summary.email
    if email is not None:
        email = EmailDraft(mq.redact(email.subject, marker), mq.redact(email.body, marker))
    return replace(
        summary,
        summary=mq.redact(summary.summary, marker),
        items=tuple(items),
        email=email,
        flagged_segment_ids=tuple(i for i in summary.flagged_segment_ids if i not in deleted),
    )


def _apply(store: Store, report: r.PersonReport, mode: Mode) -> ErasureReport:
    """Every change, in the caller's transaction."""
    repo = PersonDataRepository(store.db)
    marker = ERASED if mode == "erase" else REDACTED
    meetings = _meetings(repo, report, mode, marker)
    deleted, redacted = _segments(repo, report, mode, marker)
    summaries = _summaries(repo, report, marker, deleted)
    highlights = [h for m in report.meetings for h in m.highlights]
    for h in highlights:
        repo.set_highlight_label(h.id, report.query_for(h.meeting_id).redact(h.label, marker))
    consent = _consent(repo, report, marker)
    withdrawn, partly = _pushes(store, repo, report, marker)
    exports_deleted = repo.delete_exports(e.id for e in report.exports)
    return ErasureReport(
        mode=mode,
        meetings=meetings,
        segments_deleted=len(deleted),
        segments_redacted=redacted,
        speakers=len(report.speakers),
        summaries=summaries,
        highlights=len(highlights),
        consent=consent,
        exports_deleted=exports_deleted,
        pushes_redacted=len(report.pushes),
        pushes_withdrawn=withdrawn,
        pushes_partly_sent=partly,
        follow_up=report.crm_records,
    )


def _meetings(repo: PersonDataRepository, report: r.PersonReport, mode: Mode, marker: str) -> int:
    changed = 0
    for row in repo.meetings(m.id for m in report.meetings):
        mq = report.query_for(row.id)
        if mode == "erase":
            people = [p for p in row.participants if not mq.matches(p)]
        else:
            people = [marker if mq.matches(p) else p for p in row.participants]
        title, notes = mq.redact(row.title, marker), mq.redact(row.notes, marker)
        if (title, notes, people) != (row.title, row.notes, list(row.participants)):
            repo.set_meeting_text(row.id, title=title, notes=notes, participants=people)
            changed += 1
    return changed


def _segments(
    repo: PersonDataRepository, report: r.PersonReport, mode: Mode, marker: str
) -> tuple[set[int], int]:
    """Their own lines deleted (erase) and mentions redacted; the ids deleted, lines redacted."""
    deleted: set[int] = set()
    if mode == "erase":
        deleted = {s.id for s in report.segments if s.spoken}
        repo.delete_segments(deleted)
    redacted = 0
    for segment in report.segments:
        if segment.id in deleted:
            continue
        if segment.mentioned:
            mq = report.query_for(segment.meeting_id)
            repo.set_segment_text(segment.id, mq.redact(segment.text, marker))
            redacted += 1
        if segment.line_speaker_named:
            repo.set_line_speaker(segment.id, marker)
    for speaker in report.speakers:
        if speaker.speaker_id is not None:
            repo.anonymise_speaker(speaker.speaker_id)
    return deleted, redacted


def _summaries(
    repo: PersonDataRepository, report: r.PersonReport, marker: str, deleted: set[int]
) -> int:
    """Every draft of every meeting concerned (quotes of deleted lines go too)."""
    touched = {m.id for m in report.meetings}
    changed = 0
    for row in repo.summaries():
        if row.meeting_id not in touched:
            continue
        mq = report.query_for(row.meeting_id)
        body = summary_to_json(_summary(summary_from_json(row.body), mq, marker, deleted))
        if body != row.body:
            repo.set_summary_body(row.id, body)
            changed += 1
    return changed


def _consent(repo: PersonDataRepository, report: r.PersonReport, marker: str) -> int:
    touched = {m.id for m in report.meetings if m.consent is not None}
    changed = 0
    for c in repo.consent():
        if c.meeting_id not in touched:
            continue
        mq = report.query_for(c.meeting_id)
        people = [marker if mq.matches(p) else p for p in c.informed]
        note = mq.redact(c.note, marker)
        if (people, note) != (list(c.informed), c.note):
            repo.set_consent_people(c, people, note)
            changed += 1
    return changed


def _pushes(
    store: Store, repo: PersonDataRepository, report: r.PersonReport, marker: str
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    rows = {row.id: row for row in repo.pushes()}
    withdrawn: list[int] = []
    partly: list[int] = []
    for push in report.pushes:
        row = rows[push.id]
        mq = report.query_for(push.meeting_id)
        plan = redact_plan(mq, plan_from_json(row.plan), marker)
        target = json.dumps(target_to_json(plan.target), ensure_ascii=False)
        repo.set_push_plan(push.id, plan_to_json(plan), target)
        if row.state in _OPEN and repo.withdraw_push(push.id, note=WITHDRAWN_NOTE):
            (partly if push.sent_any else withdrawn).append(push.id)
            store.audit.add(
                AuditKind.PUSH_CANCELLED,
                meeting_id=push.meeting_id,
                detail={
                    "push_id": push.id,
                    "crm": push.connection,
                    "payload_sha256": row.digest,
                    "reason": "person_erased",
                },
            )
    return tuple(withdrawn), tuple(partly)


def erase_person(
    store: Store, report: r.PersonReport, *, mode: Mode = "erase", delete_audio: bool = False
) -> ErasureReport:
    """Erase (or redact) the person ``report`` was made for, everywhere, at once.

    The store is searched again inside the transaction (the report may be a
    minute old), and once more after the changes: if anything would still be
    found, the transaction is rolled back and :class:`ErasureIncompleteError`
    raised, so an erasure is never half done.
    """
    if mode not in ("erase", "redact"):
        raise ValueError(f"unknown mode {mode!r}")
    query = report.query
    if query.matches(ERASED) or query.matches(REDACTED):
        raise ValueError("this name is the word that replaces it; nothing was changed")
    with store.db.transaction():
        fresh = collect(store, report.typed, query)
        spoke_in = sorted(
            {s.meeting_id for s in fresh.segments if s.spoken}
            | {s.meeting_id for s in fresh.speakers}
        )
        result = _apply(store, fresh, mode)
        store.audit.add(
            AuditKind.PERSON_ERASED,
            detail={
                "query_sha256": query.sha256,
                "mode": mode,
                "meetings": len(fresh.meetings),
                "segments_deleted": result.segments_deleted,
                "segments_redacted": result.segments_redacted,
                "summaries": result.summaries,
                "pushes": result.pushes_redacted,
                "exports": result.exports_deleted,
            },
        )
        if not collect(store, report.typed, query).is_empty:
            raise ErasureIncompleteError("some of the person's data would have been left")
    repo = PersonDataRepository(store.db)
    repo.purge_search_index()
    store.db.checkpoint()
    notes: list[str] = []
    audio: tuple[int, ...] = ()
    if delete_audio and spoke_in:
        audio, note = _delete_audio(store, spoke_in)
        notes += note
    notes += _mark_shred_pending(store)
    return replace(result, audio_deleted=audio, notes=tuple(notes))


def _delete_audio(store: Store, meeting_ids: list[int]) -> tuple[tuple[int, ...], list[str]]:
    from minuta.app.meetings import delete_audio

    done: list[int] = []
    notes: list[str] = []
    for meeting_id in meeting_ids:
        try:
            delete_audio(store, meeting_id, reason="erasure")
        except StoreError as exc:  # busy, say: the rest is erased, this one is reported
            notes.append(f"The audio of meeting #{meeting_id} was not deleted: {exc}")
        else:
            done.append(meeting_id)
    return tuple(done), notes


def _mark_shred_pending(store: Store) -> list[str]:
    from minuta.app.shredding import mark_shred_pending

    mark_shred_pending(store)
    return []
