"""Drafted summaries in the encrypted store: every draft kept, gone with the meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.harness.meetings import create_meeting

from minuta.core.summary import (
    EmailDraft,
    Evidence,
    ItemKind,
    MeetingSummary,
    Provenance,
    SummaryItem,
)
from minuta.store.migrations import LATEST_VERSION, schema_version

PROVENANCE = Provenance(
    "ollama",
    "qwen3:8b",
    "1",
    "ab" * 32,
    datetime(2026, 11, 20, 10, tzinfo=UTC),
    template="sales_discovery",
    notes=("The model did not answer for part 2 of 3; the built-in summariser was used.",),
)


def draft(text: str, *, approved: bool = False) -> MeetingSummary:
    action = SummaryItem(
        kind=ItemKind.ACTION_ITEM,
        text=text,
        evidence=(Evidence((3, 4), "sender tilbuddet", verified=True, start_s=12.5, end_s=17.0),),
        owner="Jonas Berg",
        due_raw="på fredag",
        due_date=date(2026, 11, 21),
        approved=approved,
    )
    risk = SummaryItem(ItemKind.RISK, "Budget may not cover phase 2", (Evidence((9,), "budget"),))
    return MeetingSummary(
        summary="Nordlys signs on Friday.",
        items=(action, risk),
        email=EmailDraft("Tak for i dag", "Hej Mette,\n…"),
        provenance=PROVENANCE,
        flagged_topics=("health",),
        flagged_segment_ids=(7, 8),
    )


def test_a_summary_round_trips_and_the_newest_draft_is_the_summary(new_store):
    store, _ = new_store
    assert schema_version(store.db) == LATEST_VERSION == 6
    meeting_id, _, _ = create_meeting(store, title="Nordlys")
    assert store.summaries.latest(meeting_id) is None
    first = draft("Send the offer")
    edited = draft("Send the revised offer", approved=True)
    with store.db.transaction():
        store.summaries.save(meeting_id, first)
    with store.db.transaction():
        store.summaries.save(meeting_id, edited)
    assert store.summaries.latest(meeting_id) == edited
    assert store.summaries.count(meeting_id) == 2  # the earlier draft is kept


def test_deleting_the_meeting_deletes_its_summaries(new_store):
    store, _ = new_store
    meeting_id, _, _ = create_meeting(store)
    with store.db.transaction():
        store.summaries.save(meeting_id, draft("Send the offer"))
        store.meetings.delete(meeting_id)
    assert store.summaries.count(meeting_id) == 0
