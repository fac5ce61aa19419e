"""From a meeting's lines to a checked summary draft, with whichever backend is at hand.

1. Lines touching a sensitive topic (health, religion, ...) are set aside: they
   are flagged for the user and never reach a backend.
2. With no language model, the built-in summariser does the work. With one, the
   meeting is cut into parts that fit its context; each part is asked for
   schema-constrained JSON, validated, asked once more with the problem named
   when invalid (a "repair round"), and summarised by the built-in summariser
   when it still fails, times out or the server errs. The parts' items are
   merged in code; one last, small request writes the summary and e-mail from
   the merged notes.
3. Code then resolves the deadlines' words to dates against the meeting's date
   and checks every item's evidence against the stored lines (invented line ids
   are dropped; an unfound quote leaves the item unverified).

Cancelling (:class:`~minuta.summarize.backend.CancelToken`) stops at the next
request or part and raises :class:`~minuta.summarize.backend.Cancelled`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from minuta.core.models import Segment
from minuta.core.summary import EmailDraft, ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.core.text import words
from minuta.summarize import dates, prompt, sensitive
from minuta.summarize.backend import (
    BackendError,
    CancelToken,
    ChatBackend,
    SummaryRequest,
)
from minuta.summarize.builtin import BUILTIN_VERSION, summarize_builtin
from minuta.summarize.evidence import check_summary, transcript_hash
from minuta.summarize.schema import (
    LISTS,
    PROMPT_VERSION,
    SUMMARY_SCHEMA,
    SchemaError,
    parse_summary,
)

log = logging.getLogger(__name__)

# A local model on a laptop's CPU can take minutes for one part of a meeting.
DEFAULT_TIMEOUT_S = 600.0
# Tokens kept free in the context for the instructions (the answer: prompt.ANSWER_TOKENS).
INSTRUCTION_TOKENS = 900
MIN_PART_TOKENS = 1000


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a summary is: ``step`` of ``total`` (parts, or 1), and the stage."""

    step: int
    total: int
    stage: str  # "detect", "model", "repair", "fallback", "merge", "check", "done"


ProgressCallback = Callable[[Progress], None]

Parsed = tuple[str, tuple[SummaryItem, ...], EmailDraft | None]


def split_parts(segments: Sequence[Segment], budget_tokens: int) -> list[list[Segment]]:
    """Consecutive lines in parts whose prompt text fits ``budget_tokens`` each."""
    parts: list[list[Segment]] = [[]]
    used = 0
    for segment in segments:
        cost = prompt.text_tokens(prompt.transcript_lines([segment])) + 1
        if parts[-1] and used + cost > budget_tokens:
            parts.append([])
            used = 0
        parts[-1].append(segment)
        used += cost
    return [part for part in parts if part]


def _parse_answer(answer: str) -> Parsed:
    try:
        data = json.loads(answer)
    except json.JSONDecodeError as exc:
        raise SchemaError("$", f"not valid JSON ({exc.msg} at character {exc.pos})") from exc
    return parse_summary(data)


class _Run:
    """One summary being made; holds what the parts have in common."""

    def __init__(
        self,
        request: SummaryRequest,
        cancel: CancelToken,
        progress: ProgressCallback | None,
        timeout_s: float,
    ) -> None:
        self.request = request
        self.cancel = cancel
        self.report = progress or (lambda _p: None)
        self.timeout_s = timeout_s
        self.notes: list[str] = []

    def builtin(self, segments: Sequence[Segment]) -> Parsed:
        return parse_summary(summarize_builtin(replace(self.request, segments=tuple(segments))))

    def ask_model(
        self, backend: ChatBackend, segments: list[Segment], part: int, parts: int
    ) -> Parsed:
        """One part from the model: asked, validated, repaired once, else built in."""
        where = f"part {part} of {parts}" if parts > 1 else "the meeting"
        messages = prompt.summary_messages(self.request, segments, part, parts)
        try:
            self.cancel.raise_if_cancelled()
            self.report(Progress(part - 1, parts, "model"))
            answer = backend.chat(
                messages, SUMMARY_SCHEMA, timeout_s=self.timeout_s, cancel=self.cancel
            )
            try:
                return _parse_answer(answer)
            except SchemaError as problem:
                log.info("invalid model answer at %s; asking again", problem.path)
                self.cancel.raise_if_cancelled()
                self.report(Progress(part - 1, parts, "repair"))
                retry = prompt.repair_messages(messages, answer, str(problem))
                answer = backend.chat(
                    retry, SUMMARY_SCHEMA, timeout_s=self.timeout_s, cancel=self.cancel
                )
                return _parse_answer(answer)
        except SchemaError:
            self.notes.append(
                f"The model's answer for {where} was not valid twice; the built-in summariser "
                "was used for it."
            )
        except BackendError as exc:
            log.warning("the language model failed (%s)", type(exc).__name__)
            self.notes.append(
                f"The model did not answer for {where} ({exc}); the built-in summariser was used."
            )
        self.report(Progress(part - 1, parts, "fallback"))
        return self.builtin(segments)

    def with_model(self, backend: ChatBackend, segments: Sequence[Segment]) -> Parsed:
        budget = max(
            backend.context_tokens - prompt.ANSWER_TOKENS - INSTRUCTION_TOKENS, MIN_PART_TOKENS
        )
        parts = split_parts(segments, budget)
        results = [
            self.ask_model(backend, part, n, len(parts)) for n, part in enumerate(parts, start=1)
        ]
        if len(results) == 1:
            return results[0]
        items = _merge_items(
            item for _summary, part_items, _email in results for item in part_items
        )
        summary, email = self.merge(backend, results, items)
        return summary, items, email

    def merge(
        self, backend: ChatBackend, results: list[Parsed], items: tuple[SummaryItem, ...]
    ) -> tuple[str, EmailDraft | None]:
        """One summary and e-mail for the whole meeting, written from the merged notes."""
        joined = " ".join(summary for summary, _items, _email in results if summary)
        # (Sections the template does not want are dropped by summarize(), e-mail included.)
        first_email = next((email for _s, _i, email in results if email is not None), None)
        notes: dict[str, Any] = {
            "part_summaries": [summary for summary, _items, _email in results],
            **{
                kind.value: [_plain(item) for item in items if item.kind is kind]
                for kind in ItemKind
            },
        }
        self.cancel.raise_if_cancelled()
        self.report(Progress(len(results), len(results), "merge"))
        try:
            answer = backend.chat(
                prompt.merge_messages(self.request, notes),
                prompt.MERGE_SCHEMA,
                timeout_s=self.timeout_s,
                cancel=self.cancel,
            )
            data = json.loads(answer)
            summary = str(data["summary"]).strip()
            draft = data["email_draft"]
            email = EmailDraft(str(draft["subject"]).strip(), str(draft["body"]).strip())
        except (BackendError, ValueError, KeyError, TypeError) as exc:
            log.info("merging the parts failed (%s)", type(exc).__name__)
            self.notes.append("The parts' summaries were joined as they are.")
            return joined, first_email
        return summary or joined, email


def _plain(item: SummaryItem) -> dict[str, Any]:
    plain: dict[str, Any] = {"text": item.text}
    if item.owner:
        plain["owner"] = item.owner
    if item.due_raw:
        plain["due"] = item.due_raw
    return plain


def _merge_items(items: Iterable[SummaryItem]) -> tuple[SummaryItem, ...]:
    """The parts' items in order, without repeats of the same item."""
    seen: set[tuple[ItemKind, tuple[str, ...]]] = set()
    merged = []
    for item in items:
        key = (item.kind, tuple(words(item.text)))
        if key not in seen:
            seen.add(key)
            merged.append(item)
    return tuple(merged)


def resolve_due(item: SummaryItem, language: str, meeting_date: date) -> SummaryItem:
    """The item with its deadline's words resolved to a date (None: "needs date")."""
    if item.kind is not ItemKind.ACTION_ITEM or not item.due_raw:
        return item
    try:
        resolved = dates.resolve(item.due_raw, language, meeting_date)
    except ValueError:  # a language without date words: only ISO dates are understood
        resolved = None
    if resolved is None:
        try:
            resolved = date.fromisoformat(item.due_raw.strip())
        except ValueError:
            resolved = None
    return replace(item, due_date=resolved)


def _sensitive_topics(item: SummaryItem, request: SummaryRequest) -> set[str]:
    """What sensitive topics an item's own words touch (its lines were already set aside)."""
    return set(
        sensitive.sensitive_categories(
            item.text, request.language, meeting_type=request.meeting_type
        )
    )


def summarize(
    request: SummaryRequest,
    backend: ChatBackend | None = None,
    *,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    now: datetime | None = None,
) -> MeetingSummary:
    """A checked summary draft of ``request`` (see the module's description)."""
    cancel = cancel or CancelToken()
    run = _Run(request, cancel, progress, timeout_s)
    segments = [s for s in request.segments if s.id is not None]
    flagged_lines = sensitive.flag_lines(
        segments, request.language, meeting_type=request.meeting_type
    )
    kept = [s for s in segments if s.id not in flagged_lines]
    cancel.raise_if_cancelled()
    if backend is None:
        run.report(Progress(0, 1, "model"))
        text, items, email = run.builtin(kept)
    else:
        text, items, email = run.with_model(backend, kept)
    cancel.raise_if_cancelled()
    run.report(Progress(1, 1, "check"))
    topics = {category for found in flagged_lines.values() for category in found}
    wanted = {kind for name, kind in LISTS.items() if name in request.sections}
    kept_items = []
    for item in items:
        # A model may still write about a sensitive topic: such an item is dropped, and flagged.
        touched = _sensitive_topics(item, request)
        topics |= touched
        if item.kind in wanted and not touched:
            kept_items.append(resolve_due(item, request.language, request.meeting_date))
    draft = MeetingSummary(
        summary=text,
        items=tuple(kept_items),
        email=email if "email_draft" in request.sections else None,
        provenance=Provenance(
            backend=backend.name if backend is not None else "builtin",
            model=backend.model if backend is not None else BUILTIN_VERSION,
            prompt_version=PROMPT_VERSION,
            transcript_hash=transcript_hash(request.segments),
            created_at=now or datetime.now(UTC),
            template=request.meeting_type,
            notes=tuple(run.notes),
        ),
        flagged_topics=tuple(c for c in sensitive.CATEGORIES if c in topics),
        flagged_segment_ids=tuple(sorted(flagged_lines)),
    )
    checked = check_summary(draft, kept)
    run.report(Progress(1, 1, "done"))
    return checked
