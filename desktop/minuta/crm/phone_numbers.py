"""Telephone numbers in meeting notes, without mistaking dates, amounts or counts for them.

Part of :mod:`minuta.crm.redaction`. Notes are full of digit groups ("40 000
kr", "2026-11-23", "kl. 10.30", "version 2.4.1", "1 250 000"), so a number is
only taken for a phone number when its shape says so:

* international: ``+`` or ``00``, a real country code, and a national number
  of the right length for that country (``+45 12 34 56 78``, ``0046 70-123 45
  67``, ``+44 (0)20 7946 0958``);
* national with a trunk zero (Sweden, Finland, the UK): ``070-123 45 67``,
  ``040 123 4567``, nine to eleven digits in groups;
* Danish and Norwegian eight digits in the usual groupings (``20 12 34 56``,
  ``2012 3456``, ``912 34 567``) and Lithuanian ``8 612 34567``;
* any eight to twelve digits right after a word such as "tlf", "phone" or "puh".

Digits grouped in thousands ("12 500 000") and digits next to a currency or a
percent sign are never phone numbers. Separators are a space (or a
non-breaking one) and a hyphen; dots and colons belong to dates, times,
versions and amounts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

_SEP = r"[ \-\u00a0]"
_START = r"(?<![\w+\-/.,:])"
_END = r"(?![\w\-/%]|[.,:]\d)"

_INTERNATIONAL = re.compile(
    r"(?<![\w+])(?:\+|00)\d{1,4}(?: ?\(0\))?(?:[ \-.\u00a0]?(?:\(\d{1,4}\)|\d{1,5})){1,7}" + _END
)
_NATIONAL = re.compile(_START + r"\d{1,5}(?:" + _SEP + r"\d{1,5}){1,5}" + _END)
_BARE = re.compile(_START + r"\d{8,12}" + _END)
_KEYWORD = re.compile(
    r"(?:\b(?:tlf|tel|telefon|telephone|phone|mobile|mobil|mob|cell|puh|puhelin|gsm"
    r"|telefonnummer|phone number|mobilnummer|puhelinnumero|telefono numeris)\.?"
    r"(?:\s*(?:nr|no)\.?)?\s*[:.]?\s*)$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:[€$£]|\b(?:eur|usd|gbp|dkk|sek|nok|kr|kr\.|ltl))\s*$", re.I)
_UNIT_AFTER = re.compile(
    r"^\s*(?:[€$£%‰]|(?:kr|eur|euro|euros|usd|gbp|dkk|sek|nok|mio|mia|mill|mn|bn|tkr|t|k|m"
    r"|stk|pcs|procent|prosent|percent|prosenttia|eurų|eurai|vnt|kpl|st)\b)",
    re.IGNORECASE,
)

# ITU country codes are prefix-free: 1 and 7, these two-digit codes, else three digits.
_TWO_DIGIT_CODES = frozenset(
    re.findall(
        r"\d+",
        "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
        "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98",
    )
)
# National (significant) number lengths where we know them; else 6 to 12 digits.
_NATIONAL_LENGTHS = {
    "1": (10, 10),
    "7": (10, 10),
    "44": (9, 10),
    "45": (8, 8),
    "46": (7, 9),
    "47": (8, 8),
    "49": (6, 13),
    "358": (5, 12),
    "370": (8, 8),
    "371": (8, 8),
    "372": (7, 8),
}
_NORDIC_GROUPS = frozenset({(2, 2, 2, 2), (4, 4), (3, 2, 3)})
_LITHUANIAN_GROUPS = frozenset({(1, 3, 5), (1, 3, 2, 3)})
_DATE = re.compile(r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})\b")


def _country_code(digits: str) -> str | None:
    if digits[0] in "17":
        return digits[0]
    if digits[:2] in _TWO_DIGIT_CODES:
        return digits[:2]
    if digits[0] in "2345689" and len(digits) >= 3:
        return digits[:3]
    return None


def _international_valid(number: str) -> bool:
    body = number[1:] if number.startswith("+") else number[2:]
    digits = re.sub(r"\D", "", body.replace("(0)", ""))
    code = _country_code(digits)
    if code is None:
        return False
    national = digits[len(code) :]
    low, high = _NATIONAL_LENGTHS.get(code, (6, 12))
    # The trunk zero is dropped after a country code (Italy keeps it).
    if national.startswith("0") and code != "39":
        return False
    return low <= len(national) <= high and len(digits) <= 15


def _thousands(groups: list[str]) -> bool:
    return len(groups) > 1 and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _years(groups: list[str]) -> bool:
    return len(groups) == 2 and all(len(g) == 4 and g[:2] in {"19", "20"} for g in groups)


def _counting(groups: list[str]) -> bool:
    values = [int(g) for g in groups]
    return all(b - a == 1 for a, b in itertools.pairwise(values))


def _national_valid(number: str) -> bool:
    groups = re.split(_SEP, number)
    digits = "".join(groups)
    shape = tuple(len(g) for g in groups)
    if _DATE.match(number):
        return False
    if digits.startswith("0"):
        # Sweden, Finland, the UK: an area or mobile prefix with its trunk zero.
        return 9 <= len(digits) <= 11 and len(groups[0]) <= 4
    if _thousands(groups):
        return False
    if len(digits) == 8 and shape in _NORDIC_GROUPS:
        if shape == (2, 2, 2, 2) and _counting(groups):
            return False  # "uge 48 49 50 51"
        return not (shape == (4, 4) and ("-" in number or _years(groups)))
    return digits.startswith("8") and shape in _LITHUANIAN_GROUPS


def _next_to_money(text: str, start: int, end: int) -> bool:
    return bool(_CURRENCY_BEFORE.search(text[max(0, start - 6) : start])) or bool(
        _UNIT_AFTER.match(text[end : end + 12])
    )


def _after_keyword(text: str, start: int) -> bool:
    return bool(_KEYWORD.search(text[max(0, start - 30) : start]))


def _international(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The longest valid number the match starts with: "+45 12 34 56 78 2 gange" is cut at 78."""
    start = match.start()
    ends = [m.end() for m in re.finditer(r"\d(?:\)|$)|\d(?=[ \-.\u00a0])", match.group())]
    for end in sorted(set(ends), reverse=True):
        number = match.group()[:end]
        if _international_valid(number) and not _next_to_money(text, start, start + end):
            return start, start + end
    return None


def scan(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every telephone number in ``text``; spans may overlap."""
    for m in _INTERNATIONAL.finditer(text):
        found = _international(text, m)
        if found:
            yield found
    for m in _NATIONAL.finditer(text):
        if _next_to_money(text, m.start(), m.end()):
            continue
        digits = re.sub(r"\D", "", m.group())
        if _national_valid(m.group()) or (
            8 <= len(digits) <= 12
            and _after_keyword(text, m.start())
            and not _DATE.match(m.group())
            and not _thousands(re.split(_SEP, m.group()))
        ):
            yield m.start(), m.end()
    for m in _BARE.finditer(text):
        if _after_keyword(text, m.start()):
            yield m.start(), m.end()
