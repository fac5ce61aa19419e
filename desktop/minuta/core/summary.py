"""What a meeting summary holds: items the user reviews, each tied to what was said.

A summary is a draft. Every item (a decision, an action item, a risk, a next
step, a CRM suggestion) carries its evidence: the transcript lines it came from
and a short quote. The model only *claims* evidence; code checks each quote
against the stored lines (:mod:`minuta.summarize.evidence`) and sets
``verified``. Nothing leaves the computer until the user approves it, and an
item whose evidence did not check out is never pushed without that review.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum


class ItemKind(StrEnum):
    DECISION = "decision"
    ACTION_ITEM = "action_item"
    RISK = "risk"
    NEXT_STEP = "next_step"
    CRM_SUGGESTION = "crm_suggestion"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an item was said: transcript line ids and a short quote from them.

    ``start_s``/``end_s`` come from the stored lines, never from a model; they
    are None until the evidence is checked.
    """

    segment_ids: tuple[int, ...]
    quote: str
    verified: bool = False
    start_s: float | None = None
    end_s: float | None = None


@dataclass(frozen=True, slots=True)
class SummaryItem:
    kind: ItemKind
    text: str
    evidence: tuple[Evidence, ...] = ()
    owner: str | None = None  # action items: who does it
    due_raw: str | None = None  # action items: the words used ("by Friday")
    due_date: date | None = None  # resolved against the meeting's date
    approved: bool = False  # the user reviewed it and wants it kept

    @property
    def verified(self) -> bool:
        """Some evidence checked out against the transcript."""
        return any(e.verified for e in self.evidence)

    @property
    def needs_date(self) -> bool:
        """An action item whose deadline could not be resolved to a date."""
        return self.kind is ItemKind.ACTION_ITEM and self.due_date is None

    @property
    def start_s(self) -> float | None:
        """The moment to play: the earliest verified evidence."""
        starts = [e.start_s for e in self.evidence if e.verified and e.start_s is not None]
        return min(starts) if starts else None

    def approve(self) -> SummaryItem:
        return replace(self, approved=True)


@dataclass(frozen=True, slots=True)
class EmailDraft:
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """How a summary was made, so it can be explained and reproduced."""

    backend: str  # "builtin", "ollama", "openai-compatible", ...
    model: str  # the model's name, or the built-in backend's version
    prompt_version: str
    transcript_hash: str  # of the lines it was made from (see evidence.transcript_hash)
    created_at: datetime
    template: str = ""  # the meeting type's template it followed
    # What did not go as asked, in plain words (no meeting content): "the model's
    # answer for part 2 of 3 was not valid; the built-in summariser was used".
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    summary: str
    items: tuple[SummaryItem, ...]
    email: EmailDraft | None
    provenance: Provenance
    # Sensitive topics noticed in the meeting (health, religion, ...): flagged for the
    # user, never summarised.
    flagged_topics: tuple[str, ...] = field(default=())
    # The lines that touched them, left out of what the summary was made from.
    flagged_segment_ids: tuple[int, ...] = field(default=())

    def replace_item(self, index: int, item: SummaryItem) -> MeetingSummary:
        items = list(self.items)
        items[index] = item
        return replace(self, items=tuple(items))

    def of_kind(self, kind: ItemKind) -> tuple[SummaryItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    @property
    def decisions(self) -> tuple[SummaryItem, ...]:
        return self.of_kind(ItemKind.DECISION)

    @property
    def action_items(self) -> tuple[SummaryItem, ...]:
        return self.of_kind(ItemKind.ACTION_ITEM)

    @property
    def risks(self) -> tuple[SummaryItem, ...]:
        return self.of_kind(ItemKind.RISK)

    @property
    def pushable(self) -> tuple[SummaryItem, ...]:
        """What may go to the CRM: approved items only (unverified ones need approval too)."""
        return tuple(item for item in self.items if item.approved)
