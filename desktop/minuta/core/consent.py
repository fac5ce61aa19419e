"""A meeting's consent record: who was told about the recording, how, and when.

The answer itself (:class:`~minuta.core.models.Consent`) decides whether a
recording may start; the record keeps the rest of what the consent step knew, so
it can be shown with the meeting and carried in its exports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from minuta.core.models import Consent


class ConsentMethod(StrEnum):
    """How the people in the meeting were told."""

    SPOKEN = "spoken"  # said at the start of the meeting
    CHAT = "chat"  # posted in the call's chat
    INVITATION = "invitation"  # written in the meeting invitation
    EMAIL = "email"  # by e-mail
    WRITTEN = "written"  # signed, or otherwise written, consent
    POLICY = "policy"  # an internal meeting, covered by the workplace's own policy


def default_method(decision: Consent) -> ConsentMethod:
    """The method to assume when none was given: internal meetings follow the policy."""
    return ConsentMethod.POLICY if decision is Consent.INTERNAL else ConsentMethod.SPOKEN


def parse_method(value: str | ConsentMethod | None, decision: Consent) -> ConsentMethod:
    """``value`` as a method; an empty or unknown one falls back to :func:`default_method`."""
    try:
        return ConsentMethod(value) if value else default_method(decision)
    except ValueError:
        return default_method(decision)


# Separators between people as typed: commas, semicolons, new lines. A comma inside
# "<…>" never appears in an address, so splitting on it cannot cut one in two.
_SEPARATORS = re.compile(r"[,;\n]+")


def parse_informed(text: str) -> tuple[str, ...]:
    """ "Kari Nordmann <kari@x.no>, Ola;; " -> ("Kari Nordmann <kari@x.no>", "Ola")."""
    return tuple(part.strip() for part in _SEPARATORS.split(text) if part.strip())


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """What the consent step recorded for one meeting.

    ``informed`` holds people as typed ("Name <email>", or a name);
    ``announcement_language`` is the language the announcement was offered in
    (None when it was not shown, as from the command line without a terminal).
    """

    decision: Consent
    method: ConsentMethod
    informed: tuple[str, ...]
    recorded_at: datetime  # timezone-aware
    note: str = ""
    announcement_language: str | None = None

    def __post_init__(self) -> None:
        if self.recorded_at.tzinfo is None:
            raise ValueError("a consent record's time must be timezone-aware")
