"""Drafted summaries, kept as JSON documents in the encrypted database.

Each save is a new row: the newest is the meeting's summary, and an earlier
draft (the one the user edited, say) is still there if a regeneration goes
wrong. Deleting a meeting deletes its summaries with it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from minuta.core.summary import (
    EmailDraft,
    Evidence,
    ItemKind,
    MeetingSummary,
    Provenance,
    SummaryItem,
)
from minuta.store.database import Database

FORMAT_VERSION = 1


def _evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {
        "segment_ids": list(evidence.segment_ids),
        "quote": evidence.quote,
        "verified": evidence.verified,
        "start_s": evidence.start_s,
        "end_s": evidence.end_s,
    }


def _item_json(item: SummaryItem) -> dict[str, Any]:
    return {
        "kind": item.kind.value,
        "text": item.text,
        "evidence": [_evidence_json(e) for e in item.evidence],
        "owner": item.owner,
        "due_raw": item.due_raw,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "approved": item.approved,
    }


def summary_to_json(summary: MeetingSummary) -> str:
    p = summary.provenance
    document = {
        "format": FORMAT_VERSION,
        "summary": summary.summary,
        "items": [_item_json(item) for item in summary.items],
        "email": {"subject": summary.email.subject, "body": summary.email.body}
        if summary.email
        else None,
        "provenance": {
            "backend": p.backend,
            "model": p.model,
            "prompt_version": p.prompt_version,
            "transcript_hash": p.transcript_hash,
            "created_at": p.created_at.isoformat(),
            "template": p.template,
            "notes": list(p.notes),
        },
        "flagged_topics": list(summary.flagged_topics),
        "flagged_segment_ids": list(summary.flagged_segment_ids),
    }
    return json.dumps(document, ensure_ascii=False)


def _evidence(data: dict[str, Any]) -> Evidence:
    return Evidence(
        segment_ids=tuple(int(i) for i in data["segment_ids"]),
        quote=str(data["quote"]),
        verified=bool(data["verified"]),
        start_s=data["start_s"],
        end_s=data["end_s"],
    )


def _item(data: dict[str, Any]) -> SummaryItem:
    due = data.get("due_date")
    return SummaryItem(
        kind=ItemKind(data["kind"]),
        text=str(data["text"]),
        evidence=tuple(_evidence(e) for e in data["evidence"]),
        owner=data.get("owner"),
        due_raw=data.get("due_raw"),
        due_date=date.fromisoformat(due) if due else None,
        approved=bool(data.get("approved", False)),
    )


def summary_from_json(text: str) -> MeetingSummary:
    data = json.loads(text)
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"unknown summary format {data.get('format')!r}")
    p = data["provenance"]
    email = data.get("email")
    return MeetingSummary(
        summary=str(data["summary"]),
        items=tuple(_item(item) for item in data["items"]),
        email=EmailDraft(email["subject"], email["body"]) if email else None,
        provenance=Provenance(
            backend=p["backend"],
            model=p["model"],
            prompt_version=p["prompt_version"],
            transcript_hash=p["transcript_hash"],
            created_at=datetime.fromisoformat(p["created_at"]),
            template=str(p.get("template", "")),
            notes=tuple(str(n) for n in p.get("notes", ())),
        ),
        flagged_topics=tuple(data.get("flagged_topics", ())),
        flagged_segment_ids=tuple(int(i) for i in data.get("flagged_segment_ids", ())),
    )


class SummaryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, meeting_id: int, summary: MeetingSummary) -> int:
        """Store a new draft (call in a transaction); its row id."""
        cursor = self._db.execute(
            "INSERT INTO summaries (meeting_id, created_at, backend, body) VALUES (?, ?, ?, ?)",
            (
                meeting_id,
                summary.provenance.created_at.isoformat(),
                summary.provenance.backend,
                summary_to_json(summary),
            ),
        )
        return int(cursor.lastrowid)

    def latest(self, meeting_id: int) -> MeetingSummary | None:
        row = self._db.query_one(
            "SELECT body FROM summaries WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",
            (meeting_id,),
        )
        return summary_from_json(row[0]) if row is not None else None

    def count(self, meeting_id: int) -> int:
        row = self._db.query_one(
            "SELECT count(*) FROM summaries WHERE meeting_id = ?", (meeting_id,)
        )
        return int(row[0]) if row is not None else 0
