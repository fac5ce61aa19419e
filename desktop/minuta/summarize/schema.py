"""The structured result a summary backend must return, as a JSON Schema and a parser.

Language-model servers constrain their output to ``SUMMARY_SCHEMA`` (Ollama's
``format``, OpenAI-compatible ``response_format``); the built-in backend builds
the same structure. :func:`parse_summary` turns it into
:class:`~minuta.core.summary.MeetingSummary` items, refusing anything that does
not fit with :class:`SchemaError` (which says where), so a repair round can ask
again. Dates in the output are only the words said (``due``): code resolves
them (:mod:`minuta.summarize.dates`), never the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from minuta.core.summary import EmailDraft, Evidence, ItemKind, SummaryItem

PROMPT_VERSION = "1"

# Where an item, or an answer's citation, was said.
EVIDENCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "segment_ids": {"type": "array", "items": {"type": "integer"}, "minItems": 1},
        "quote": {"type": "string", "minLength": 1, "maxLength": 300},
    },
    "required": ["segment_ids", "quote"],
    "additionalProperties": False,
}


def _items(extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "text": {"type": "string", "minLength": 1},
        "evidence": EVIDENCE_SCHEMA,
    }
    properties.update(extra or {})
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["text", "evidence"],
            "additionalProperties": False,
        },
    }


# Which list of the result holds which kind of item.
LISTS: dict[str, ItemKind] = {
    "decisions": ItemKind.DECISION,
    "action_items": ItemKind.ACTION_ITEM,
    "risks": ItemKind.RISK,
    "next_steps": ItemKind.NEXT_STEP,
    "crm_suggestions": ItemKind.CRM_SUGGESTION,
}

_NULLABLE_STRING = {"type": ["string", "null"]}

SUMMARY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "MeetingSummary",
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "decisions": _items(),
        "action_items": _items({"owner": _NULLABLE_STRING, "due": _NULLABLE_STRING}),
        "risks": _items(),
        "next_steps": _items(),
        "crm_suggestions": _items(),
        "email_draft": {
            "type": "object",
            "properties": {"subject": {"type": "string"}, "body": {"type": "string"}},
            "required": ["subject", "body"],
            "additionalProperties": False,
        },
    },
    "required": ["summary", *LISTS, "email_draft"],
    "additionalProperties": False,
}


class SchemaError(ValueError):
    """The result does not have the required shape; ``path`` says where."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


def _string(value: object, path: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise SchemaError(path, "expected text")
    return value.strip()


def _evidence(value: object, path: str) -> Evidence:
    if not isinstance(value, Mapping):
        raise SchemaError(path, "expected an object")
    ids = value.get("segment_ids")
    if not isinstance(ids, list) or not ids:
        raise SchemaError(f"{path}.segment_ids", "expected a list of line ids")
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise SchemaError(f"{path}.segment_ids", "line ids must be whole numbers")
    quote = _string(value.get("quote"), f"{path}.quote")
    if not quote:
        raise SchemaError(f"{path}.quote", "the quote is empty")
    return Evidence(segment_ids=tuple(ids), quote=quote)


def _item(kind: ItemKind, value: object, path: str) -> SummaryItem:
    if not isinstance(value, Mapping):
        raise SchemaError(path, "expected an object")
    text = _string(value.get("text"), f"{path}.text")
    if not text:
        raise SchemaError(f"{path}.text", "the text is empty")
    owner = due = None
    if kind is ItemKind.ACTION_ITEM:
        owner = _string(value.get("owner"), f"{path}.owner", optional=True) or None
        due = _string(value.get("due"), f"{path}.due", optional=True) or None
    evidence = _evidence(value.get("evidence"), f"{path}.evidence")
    return SummaryItem(kind=kind, text=text, evidence=(evidence,), owner=owner, due_raw=due)


def parse_summary(data: object) -> tuple[str, tuple[SummaryItem, ...], EmailDraft | None]:
    """The summary text, the items (unchecked evidence) and the e-mail draft from ``data``."""
    if not isinstance(data, Mapping):
        raise SchemaError("$", "expected an object")
    summary = _string(data.get("summary"), "summary") or ""
    items: list[SummaryItem] = []
    for key, kind in LISTS.items():
        values = data.get(key, [])
        if not isinstance(values, list):
            raise SchemaError(key, "expected a list")
        items.extend(_item(kind, value, f"{key}[{n}]") for n, value in enumerate(values))
    email = None
    draft = data.get("email_draft")
    if draft is not None:
        if not isinstance(draft, Mapping):
            raise SchemaError("email_draft", "expected an object")
        subject = _string(draft.get("subject"), "email_draft.subject") or ""
        body = _string(draft.get("body"), "email_draft.body") or ""
        email = EmailDraft(subject, body) if subject or body else None
    return summary, tuple(items), email
