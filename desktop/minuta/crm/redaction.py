"""Personal data in what is about to go to a CRM, found so the user can redact it in one click.

Before a note and its tasks leave the machine, the review screen shows what in
them is personal data: e-mail addresses, telephone numbers, bank accounts
(IBAN), national identity numbers of Denmark, Sweden, Norway, Finland and
Lithuania, names of people who were not in the meeting, and sentences about
health, religion, union membership, politics, legal disputes or private life
(:mod:`minuta.summarize.sensitive`).

Every check errs towards precision: numbers need a valid checksum, phone
numbers a phone number's shape (:mod:`minuta.crm.phone_numbers`), names a
known first name (:mod:`minuta.crm.person_names`). A review screen that
flags every date and amount teaches people to click past it.

Findings never overlap: where two checks claim the same characters the longer
finding is kept, and for the same characters the more specific kind (a
national id over a phone number that happens to share its digits). A sentence
flagged as sensitive therefore takes in the e-mail address inside it;
redacting it redacts both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from minuta.core.text import base_language
from minuta.crm import identity_numbers, person_names, phone_numbers
from minuta.summarize.sensitive import sensitive_categories

REDACTED = "[redacted]"


class FindingKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    IBAN = "iban"
    NATIONAL_ID = "national_id"
    NAME = "name"
    SENSITIVE = "sensitive"


@dataclass(frozen=True, slots=True)
class Finding:
    start: int  # character offsets in the text
    end: int
    kind: FindingKind
    text: str  # the matched text
    # What it is: "Danish CPR", "IBAN DK", the sensitive categories ("health",
    # or "health, personal" for a sentence touching several), for a name "not a participant".
    detail: str = ""


NOT_A_PARTICIPANT = "not a participant"

# For the same span, the more specific kind wins.
_KIND_ORDER = (
    FindingKind.NATIONAL_ID,
    FindingKind.IBAN,
    FindingKind.EMAIL,
    FindingKind.PHONE,
    FindingKind.NAME,
    FindingKind.SENSITIVE,
)

# An address is read outwards from its "@": the local part to the left, the
# domain (labels and dots, a top-level domain of letters) to the right.
_LOCAL = re.compile(r"[\w.%+\-]+$")
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,}")

# Whatever touches it: the length and mod-97 check decide ("[redacted]DK50…" too).
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}", re.IGNORECASE | re.ASCII)
# Lengths of IBANs by country (ISO 13616 registry); other countries: 15 to 34.
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

_SAME = (0, 0)  # findings other than identity numbers have one reading

# Sentences end at . ! ? followed by a space, and at line breaks.
_SENTENCE = re.compile(r"[^\n\r]+?(?:[.!?](?=\s)|(?=[\n\r])|$)")
# sensitive_categories reads an unknown language with every language's lists.
_ANY_LANGUAGE = "und"
_NORWEGIAN = {"nb": "no", "nn": "no"}


def find_personal_data(
    text: str,
    *,
    participants: Sequence[str] = (),
    user_name: str | None = None,
    language: str | None = None,
) -> list[Finding]:
    """The personal data in ``text``, sorted by start and never overlapping.

    ``participants`` ("Anna Berg", "Anna Berg <anna@x.dk>", "anna@x.dk") and
    ``user_name`` may be named freely; their e-mail addresses and numbers are
    still reported. ``language`` (the meeting's, "da", "sv-SE", ...) decides
    which country an ambiguous identity number is read as, and which lists
    the sensitive-topic check uses (all of them when None).
    """
    base = base_language(language) if language else ""
    base = _NORWEGIAN.get(base, base)
    found = [
        *_emails(text),
        *_ibans(text),
        *_phones(text),
        *_names(text, person_names.Participants(participants, user_name)),
        *_sensitive(text, language or _ANY_LANGUAGE),
    ]
    ranked = [(finding, _SAME) for finding in found]
    ranked.extend(_national_ids(text, base))
    return _without_overlaps(text, ranked)


def redact(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each finding's span replaced by :data:`REDACTED`.

    Overlapping or touching findings are redacted as one span. A finding whose
    text is not at its offsets any more (the text was edited after the scan)
    raises ValueError: redacting the wrong characters would send the right ones.
    """
    spans: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if text[finding.start : finding.end] != finding.text or finding.start >= finding.end:
            raise ValueError("a finding does not match the text; scan the text again")
        if spans and finding.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], finding.end))
        else:
            spans.append((finding.start, finding.end))
    for start, end in reversed(spans):  # right to left, so earlier offsets still hold
        text = text[:start] + REDACTED + text[end:]
    return text


def _finding(text: str, start: int, end: int, kind: FindingKind, detail: str) -> Finding:
    return Finding(start, end, kind, text[start:end], detail)


def _emails(text: str) -> Iterator[Finding]:
    spans: list[tuple[int, int]] = []
    for at in re.finditer("@", text):
        local = _LOCAL.search(text, max(0, at.start() - 64), at.start())
        domain = _DOMAIN.match(text, at.end())
        if not local or not domain:
            continue
        start, end = local.start(), domain.end()
        # Addresses glued together ("a@b.dkc@d.dk") share characters: one span,
        # or the part of the second one after the first would be left.
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    for start, end in spans:
        yield _finding(text, start, end, FindingKind.EMAIL, "")


def iban_valid(compact: str) -> bool:
    """Whether ``compact`` (no spaces) is an IBAN: known length and ISO 7064 mod 97-10."""
    compact = compact.upper()
    country = compact[:2]
    if not (
        compact.isascii() and compact.isalnum() and country.isalpha() and compact[2:4].isdigit()
    ):
        return False
    length = _IBAN_LENGTHS.get(country)
    if (length is None and not 15 <= len(compact) <= 34) or (length and len(compact) != length):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[Finding]:
    position = 0
    while m := _IBAN.search(text, position):
        found = _iban_at(text, m)
        if found:
            yield found
        # A match may run into the next IBAN ("DK50… DK50…"): go on right after a
        # found one, else one character on.
        position = found.end if found else m.start() + 1


def _iban_at(text: str, match: re.Match[str]) -> Finding | None:
    # The pattern runs on into whatever follows ("... 1162 43 12 pcs"), so try
    # the match cut after each of its groups, longest first. A group ends before
    # a space or punctuation, or where digits meet letters ("…1162 43DK50…").
    start = match.start()
    for end in range(match.end(), start + 4, -1):
        last, following = text[end - 1], text[end : end + 1]
        if not last.isalnum() or (
            following.isalnum() and not (last.isdigit() and following.isalpha())
        ):
            continue
        if iban_valid(text[start:end].replace(" ", "")):
            return _finding(
                text, start, end, FindingKind.IBAN, f"IBAN {text[start : start + 2].upper()}"
            )
    return None


def _national_ids(text: str, language: str) -> Iterator[tuple[Finding, tuple[int, int]]]:
    for start, end, detail, strength in identity_numbers.scan(text):
        finding = _finding(text, start, end, FindingKind.NATIONAL_ID, detail)
        yield finding, identity_numbers.rank(detail, strength, language)


def _phones(text: str) -> Iterator[Finding]:
    for start, end in phone_numbers.scan(text):
        yield _finding(text, start, end, FindingKind.PHONE, "")


def _names(text: str, participants: person_names.Participants) -> Iterator[Finding]:
    for candidate in person_names.candidates(text):
        if not participants.includes(candidate):
            yield _finding(
                text, candidate.start, candidate.end, FindingKind.NAME, NOT_A_PARTICIPANT
            )


def _sensitive(text: str, language: str) -> Iterator[Finding]:
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        categories = sensitive_categories(sentence, language)
        if not categories:
            continue
        start = m.start() + len(sentence) - len(sentence.lstrip())
        end = m.start() + len(sentence.rstrip())
        yield _finding(text, start, end, FindingKind.SENSITIVE, ", ".join(categories))


def _without_overlaps(text: str, ranked: list[tuple[Finding, tuple[int, int]]]) -> list[Finding]:
    """Keep the longest findings, then the most specific kind, then the best reading of a number.

    A finding inside a kept one is dropped; one that sticks out of it keeps the
    part that sticks out ("a@b.dkDK50 0040…", glued: the address is cut off the
    IBAN, not lost), so every character any check found is still redacted.
    """

    def order(item: tuple[Finding, tuple[int, int]]) -> tuple[int, int, tuple[int, int], int]:
        finding, reading = item
        length = finding.end - finding.start
        return (-length, _KIND_ORDER.index(finding.kind), reading, finding.start)

    kept: list[Finding] = []
    for finding, _ in sorted(ranked, key=order):
        pieces = [(finding.start, finding.end)]
        for other in kept:
            pieces = [part for piece in pieces for part in _minus(piece, other)]
        for start, end in pieces:
            if (start, end) == (finding.start, finding.end):
                kept.append(finding)
                continue
            part = text[start:end]
            if part.strip():
                left = start + len(part) - len(part.lstrip())
                right = end - (len(part) - len(part.rstrip()))
                kept.append(_finding(text, left, right, finding.kind, finding.detail))
    return sorted(kept, key=lambda f: f.start)


def _minus(piece: tuple[int, int], other: Finding) -> list[tuple[int, int]]:
    start, end = piece
    if end <= other.start or start >= other.end:
        return [piece]
    return [(a, b) for a, b in ((start, other.start), (other.end, end)) if a < b]
