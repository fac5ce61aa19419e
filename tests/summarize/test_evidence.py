"""Code, not the model, decides whether an item's evidence holds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from minuta.core.models import Segment
from minuta.core.summary import Evidence, ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.summarize.evidence import check_summary, quote_holds, transcript_hash

LINES = (
    Segment(10.0, 14.0, "Okay, so we agreed: Nordlys signs the contract, på fredag!", id=1),
    Segment(14.5, 18.0, "Jonas sender tilbuddet inden udgangen af måneden.", id=2),
    Segment(18.5, 22.0, "The budget might not cover the second phase.", id=3),
)


def item(*evidence: Evidence, kind: ItemKind = ItemKind.DECISION) -> SummaryItem:
    return SummaryItem(kind=kind, text="An item", evidence=evidence)


def summary_of(*items: SummaryItem) -> MeetingSummary:
    provenance = Provenance("test", "none", "1", transcript_hash(LINES), datetime.now(UTC))
    return MeetingSummary("", items, None, provenance)


@pytest.mark.parametrize(
    ("quote", "text", "holds"),
    [
        ("Nordlys signs the contract på fredag", LINES[0].text, True),  # punctuation, case
        ("nordlys signs the kontrakt pa fredag", LINES[0].text, True),  # accents, one word off
        ("Nordlys signs the contract on Monday", LINES[0].text, False),  # not what was said
        ("Jonas sender tilbuddet", LINES[1].text, True),
        ("Mette sender tilbuddet", LINES[1].text, False),  # a short quote must match exactly
        ("budget", LINES[2].text, True),
        ("", LINES[2].text, False),
    ],
)
def test_quotes_are_matched_closely_and_only_closely(quote, text, holds):
    assert quote_holds(quote, text) is holds


def test_times_come_from_the_stored_lines_and_invented_ids_are_dropped():
    claimed = item(Evidence((2, 99), "Jonas sender tilbuddet inden udgangen af måneden"))
    checked = check_summary(summary_of(claimed), LINES).items[0]
    (evidence,) = checked.evidence
    assert evidence.segment_ids == (2,)  # 99 does not exist in this meeting
    assert evidence.verified
    assert (evidence.start_s, evidence.end_s) == (14.5, 18.0)
    assert checked.verified
    assert checked.start_s == 14.5


def test_a_quote_across_two_cited_lines_holds():
    claimed = item(Evidence((1, 2), "på fredag Jonas sender tilbuddet"))
    checked = check_summary(summary_of(claimed), LINES).items[0]
    assert checked.verified
    assert checked.evidence[0].start_s == 10.0


def test_an_item_with_only_invented_or_wrong_evidence_is_kept_unverified():
    invented = item(Evidence((42,), "We will double the price"))
    misquoted = item(Evidence((3,), "The budget covers every phase twice over"))
    checked = check_summary(summary_of(invented, misquoted), LINES)
    first, second = checked.items
    assert first.evidence == ()
    assert not first.verified
    assert first.start_s is None
    assert not second.verified
    assert second.evidence[0].start_s == 18.5  # the line exists; the quote is not in it


def test_only_approved_items_may_be_pushed():
    verified = item(Evidence((3,), "The budget might not cover the second phase"))
    checked = check_summary(summary_of(verified, item(Evidence((42,), "x"))), LINES)
    assert checked.pushable == ()
    approved = checked.items[1].approve()
    assert approved.approved
    assert not approved.verified  # the user reviewed it; it stays marked unverified


def test_the_transcript_hash_changes_with_any_line():
    edited = (*LINES[:2], Segment(18.5, 22.0, "The budget covers the second phase.", id=3))
    assert transcript_hash(LINES) == transcript_hash(list(LINES))
    assert transcript_hash(LINES) != transcript_hash(edited)


def test_action_items_without_a_resolved_date_need_one():
    action = SummaryItem(ItemKind.ACTION_ITEM, "Send the offer", due_raw="soon")
    assert action.needs_date
    assert not SummaryItem(ItemKind.RISK, "Budget").needs_date
