"""A person in the stored copy of a CRM push: found, and redacted in place.

A push's plan keeps the exact requests that were approved: URLs, headers and
bodies (base64 in the store). A name can hide in them in several spellings: as
JSON text, HTML-escaped in a note ("S&oslash;ren"), percent-encoded in a URL
("kari%40firma.no") or, for Salesforce notes, base64 inside the JSON. Each
string is read in all of those forms; redaction rewrites the string so that
none of them mentions the person any more, and re-encodes the body the way the
connectors write it (:func:`minuta.crm.connector.json_body`).

The redacted copy no longer matches the digest the push was approved (and sent)
under; the digest is left as it is, since the audit log names it.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import unquote, unquote_plus

from minuta.core.crm import CrmTarget, PlannedRequest, PushPlan
from minuta.core.person import PersonQuery

_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_MIN_PRINTABLE = 0.95


def _decoded_base64(value: str) -> str | None:
    """The text a base64 string holds, if it is one (Salesforce's note content)."""
    if len(value) % 4 or not _BASE64.fullmatch(value):
        return None
    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch.isspace())
    return text if text and printable / len(text) >= _MIN_PRINTABLE else None


def _views(value: str) -> Iterator[str]:
    """``value`` as stored, unescaped from HTML, and percent-decoded."""
    yield value
    yield html.unescape(value)
    yield unquote(value)
    yield unquote_plus(value)


def string_mentions(query: PersonQuery, value: str) -> bool:
    if any(query.matches(view) for view in _views(value)):
        return True
    inner = _decoded_base64(value)
    return inner is not None and string_mentions(query, inner)


def redact_string(query: PersonQuery, value: str, replacement: str) -> str:
    """``value`` with the person gone from every way of reading it."""
    inner = _decoded_base64(value)
    if inner is not None and string_mentions(query, inner):
        return base64.b64encode(redact_string(query, inner, replacement).encode()).decode()
    value = query.redact(value, replacement)
    for decode in (html.unescape, unquote, unquote_plus):
        if query.matches(decode(value)):
            # Mentioned only once decoded: the stored copy keeps the decoded, redacted text.
            value = query.redact(decode(value), replacement)
    return value


def _walk(data: Any, visit: Callable[[str], str]) -> Any:
    if isinstance(data, str):
        return visit(data)
    if isinstance(data, list):
        return [_walk(item, visit) for item in data]
    if isinstance(data, dict):
        return {visit(key): _walk(value, visit) for key, value in data.items()}
    return data


def _json(body: bytes) -> Any | None:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _strings(data: Any) -> Iterator[str]:
    found: list[str] = []

    def collect(value: str) -> str:
        found.append(value)
        return value

    _walk(data, collect)
    yield from found


def body_mentions(query: PersonQuery, body: bytes) -> bool:
    data = _json(body)
    if data is not None:
        return any(string_mentions(query, s) for s in _strings(data))
    return string_mentions(query, body.decode("utf-8", "surrogateescape"))


def redact_body(query: PersonQuery, body: bytes, replacement: str) -> bytes:
    data = _json(body)
    if data is not None:
        redacted = _walk(data, lambda s: redact_string(query, s, replacement))
        return json.dumps(redacted, ensure_ascii=False, indent=2).encode("utf-8")
    text = body.decode("utf-8", "surrogateescape")
    return redact_string(query, text, replacement).encode("utf-8", "surrogateescape")


def _target_strings(target: CrmTarget) -> list[str]:
    return [target.name, target.detail, target.url or ""]


def plan_mentions(query: PersonQuery, plan: PushPlan) -> bool:
    """The person is somewhere in the plan: target, owners, URLs, headers or bodies."""
    strings = [*_target_strings(plan.target), *(name for name, _id in plan.owners)]
    for request in plan.requests:
        strings += [request.url, request.record, *(value for _name, value in request.headers)]
    if any(string_mentions(query, s) for s in strings if s):
        return True
    return any(body_mentions(query, r.body) for r in plan.requests)


def redact_plan(query: PersonQuery, plan: PushPlan, replacement: str) -> PushPlan:
    """The plan with the person redacted everywhere; raises if any mention is left."""

    def clean(value: str) -> str:
        return redact_string(query, value, replacement) if value else value

    target = plan.target
    target = replace(
        target,
        name=clean(target.name),
        detail=clean(target.detail),
        url=clean(target.url) if target.url else target.url,
    )
    requests = tuple(
        PlannedRequest(
            step=r.step,
            record=clean(r.record),
            method=r.method,
            url=clean(r.url),
            headers=tuple((name, clean(value)) for name, value in r.headers),
            body=redact_body(query, r.body, replacement),
        )
        for r in plan.requests
    )
    owners = tuple((clean(name), remote_id) for name, remote_id in plan.owners)
    redacted = replace(plan, target=target, requests=requests, owners=owners)
    if plan_mentions(query, redacted):
        raise RuntimeError("the person is still in a redacted CRM push")
    return redacted
