"""Formats several CRM APIs share on the wire: times, OData literals and query strings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import quote


def aware(moment: datetime) -> datetime:
    """``moment`` with its UTC offset; a naive time is the computer's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def iso_seconds(moment: datetime) -> str:
    """``2026-11-20T10:00:00+01:00``: ISO 8601 to the second, with the offset."""
    return aware(moment).isoformat(timespec="seconds")


def odata_string(value: str) -> str:
    # OData string literals double a single quote ($filter=col1 eq 'O''Brien'):
    # https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows#manage-single-quotes
    return "'" + value.replace("'", "''") + "'"


def query_string(params: Mapping[str, str]) -> str:
    # Special characters in filter values must be URL encoded ("+" as %2B);
    # spaces as %20, not "+", and "$" kept readable in the option names.
    return "&".join(
        f"{quote(name, safe='$')}={quote(value, safe='')}" for name, value in params.items()
    )
