"""Checking a summary's evidence against the stored transcript.

A backend (a language model above all) says which lines an item came from and
quotes them. Code, not the model, decides whether that holds:

* a cited line id that is not in the meeting is dropped (a model can invent ids);
* the quote must be found, closely, in the cited lines' text: folded (case and
  accents) and compared word by word, so "kontrakten på fredag" matches
  "Kontrakten, på fredag!" and a transcription's small differences do not
  matter, while a quote the lines do not contain fails;
* the times come from the stored lines.

An item none of whose evidence holds is kept, marked unverified: the user sees
it, and it is never pushed without review.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from difflib import SequenceMatcher

from minuta.core.models import Segment
from minuta.core.summary import Evidence, MeetingSummary, SummaryItem
from minuta.core.text import words

# How much of the quote's words must appear, in order, in the cited lines.
MATCH_THRESHOLD = 0.8
# A quote of fewer words than this proves little; it must match exactly.
SHORT_QUOTE_WORDS = 3


def transcript_hash(segments: Iterable[Segment]) -> str:
    """A fingerprint of the lines a summary was made from (ids, times and text)."""
    digest = hashlib.sha256()
    for segment in segments:
        line = f"{segment.id}\t{segment.start:.2f}\t{segment.end:.2f}\t{segment.text}\n"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def quote_score(quote: str, text: str) -> float:
    """How well ``quote`` is found in ``text``: the share of its words matched in order."""
    wanted = words(quote)
    found = words(text)
    if not wanted or not found:
        return 0.0
    matcher = SequenceMatcher(None, found, wanted, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(wanted)


def quote_holds(quote: str, text: str) -> bool:
    score = quote_score(quote, text)
    if len(words(quote)) < SHORT_QUOTE_WORDS:
        return score == 1.0
    return score >= MATCH_THRESHOLD


def check_evidence(evidence: Evidence, lines: Mapping[int, Segment]) -> Evidence | None:
    """The evidence with its lines' times and a verdict; None if it cites no real line."""
    cited = [lines[i] for i in evidence.segment_ids if i in lines]
    if not cited:
        return None
    text = " ".join(segment.text for segment in sorted(cited, key=lambda s: s.start))
    return Evidence(
        segment_ids=tuple(s.id for s in cited if s.id is not None),
        quote=evidence.quote,
        verified=quote_holds(evidence.quote, text),
        start_s=min(s.start for s in cited),
        end_s=max(s.end for s in cited),
    )


def check_item(item: SummaryItem, lines: Mapping[int, Segment]) -> SummaryItem:
    checked = (check_evidence(e, lines) for e in item.evidence)
    return replace(item, evidence=tuple(e for e in checked if e is not None))


def check_summary(summary: MeetingSummary, segments: Iterable[Segment]) -> MeetingSummary:
    """Every item's evidence checked against ``segments`` (the stored transcript)."""
    lines = {s.id: s for s in segments if s.id is not None}
    return replace(summary, items=tuple(check_item(item, lines) for item in summary.items))
