"""The words the Summary tab shows for stored values: kinds, meeting types, stages, backends.

Stored values (``"action_item"``, ``"customer_follow_up"``, ``"ollama"``) stay
English keys in the store; the user sees them in the UI's language. Plain
functions, so the items model and the settings page name things alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from minuta.core.summary import Evidence, ItemKind, Provenance
from minuta.core.timecode import clock

if TYPE_CHECKING:
    from minuta.summarize.pipeline import Progress

QUOTE_CHARS = 60  # an evidence link shows this much of its quote


# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate


# The order the sections are shown in.
SECTION_ORDER = (
    ItemKind.DECISION,
    ItemKind.ACTION_ITEM,
    ItemKind.RISK,
    ItemKind.NEXT_STEP,
    ItemKind.CRM_SUGGESTION,
)


def section_title(kind: ItemKind) -> str:
    titles = {
        ItemKind.DECISION: translate("SummaryTexts", "Decisions"),
        ItemKind.ACTION_ITEM: translate("SummaryTexts", "Action items"),
        ItemKind.RISK: translate("SummaryTexts", "Risks"),
        ItemKind.NEXT_STEP: translate("SummaryTexts", "Next steps"),
        ItemKind.CRM_SUGGESTION: translate("SummaryTexts", "CRM suggestions"),
    }
    return titles[kind]


def builtin_template_names() -> dict[str, str]:
    """The five meeting types, by their stored key."""
    return {
        "sales_discovery": translate("SummaryTexts", "Sales discovery call"),
        "customer_follow_up": translate("SummaryTexts", "Customer follow-up"),
        "recruiting_interview": translate("SummaryTexts", "Recruiting interview"),
        "project_status": translate("SummaryTexts", "Project status meeting"),
        "internal": translate("SummaryTexts", "Internal meeting"),
    }


def template_name(key: str, stored_name: str = "", edited: bool = False) -> str:
    """The name to show for a meeting type: the user's own if they renamed it."""
    if edited and stored_name.strip():
        return stored_name.strip()
    return builtin_template_names().get(key) or stored_name or key


def template_names(templates: Mapping[str, object]) -> list[tuple[str, str]]:
    """``(key, name)`` for a mapping of templates (objects with ``name`` and ``edited``)."""
    return [
        (
            key,
            template_name(key, str(getattr(t, "name", "")), bool(getattr(t, "edited", False))),
        )
        for key, t in templates.items()
    ]


def stage_text(progress: Progress) -> str:
    """A calm line for where a summary is."""
    stage, step, total = progress.stage, progress.step, progress.total
    if stage == "detect":
        return translate("SummaryTexts", "Looking for a language model on this computer…")
    if stage in ("model", "repair", "fallback") and total > 1:
        return translate("SummaryTexts", "Part {part} of {total}…").format(
            part=min(step + 1, total), total=total
        )
    texts = {
        "model": translate("SummaryTexts", "Writing the summary…"),
        "repair": translate("SummaryTexts", "Writing the summary…"),
        "fallback": translate("SummaryTexts", "Writing the summary…"),
        "merge": translate("SummaryTexts", "Putting the parts together…"),
        "check": translate("SummaryTexts", "Checking quotes…"),
        "done": translate("SummaryTexts", "Done."),
    }
    return texts.get(stage, translate("SummaryTexts", "Working…"))


def backend_name(backend: str, model: str = "") -> str:
    """ "the built-in summariser", "Ollama (llama3.2)"."""
    if backend == "builtin":
        return translate("SummaryTexts", "the built-in summariser")
    names = {
        "ollama": "Ollama",
        "openai-compatible": translate("SummaryTexts", "a local server"),
        "llama-cpp": "llama.cpp",
    }
    name = names.get(backend, backend)
    return f"{name} ({model})" if model else name


def provenance_text(provenance: Provenance, template: str, when: str) -> str:
    return translate("SummaryTexts", "Drafted by {backend} · {template} · {date}").format(
        backend=backend_name(provenance.backend, provenance.model),
        template=template,
        date=when,
    )


def topic_name(topic: str) -> str:
    names = {
        "health": translate("SummaryTexts", "health"),
        "religion": translate("SummaryTexts", "religion"),
        "union": translate("SummaryTexts", "union membership"),
        "politics": translate("SummaryTexts", "politics"),
        "legal_dispute": translate("SummaryTexts", "a legal dispute"),
        "personal": translate("SummaryTexts", "personal matters"),
    }
    return names.get(topic, topic.replace("_", " "))


def short_quote(quote: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(quote.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",.;:") + "…"


def evidence_label(evidence: Evidence) -> str:
    """ "▶ 12:34 “we sign on Friday”"; without a time when the line is unknown."""
    quote = f"\u201c{short_quote(evidence.quote)}\u201d"
    if evidence.start_s is None:
        return quote
    return f"\u25b6 {clock(evidence.start_s)} {quote}"


def unverified_tooltip() -> str:
    return translate(
        "SummaryTexts", "The quote was not found in the transcript. Check it before approving."
    )
