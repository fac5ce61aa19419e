"""National identity numbers of Denmark, Sweden, Norway, Finland and Lithuania, checksums included.

Part of :mod:`minuta.crm.redaction`. A number is only reported when its date is
a real date and its check digits hold: a ten-digit order number must not be
blacked out as someone's CPR. :func:`scan` yields ``(start, end, detail, strength)``.

Several formats share a shape (``DDMMYY-SSSS`` in Denmark, ``YYMMDD-NNNC`` in
Sweden, ``DDMMYY-ZZZQ`` in Finland when Q is a digit; eleven digits in Norway
and Lithuania), so one string may be valid in two countries. Every reading is
yielded; :mod:`minuta.crm.redaction` keeps one, preferring the meeting's
language, then the stronger check (see :func:`rank`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

DANISH = "Danish CPR"
SWEDISH = "Swedish personnummer"
NORWEGIAN = "Norwegian fødselsnummer"
FINNISH = "Finnish henkilötunnus"
LITHUANIAN = "Lithuanian asmens kodas"

# Languages whose speakers are most likely to mention each country's numbers.
_LANGUAGE_OF = {DANISH: "da", SWEDISH: "sv", NORWEGIAN: "no", FINNISH: "fi", LITHUANIAN: "lt"}
# How strongly a reading is checked, strongest first: two mod-11 digits, one
# mod-11 digit with a date, a mod-31 character, CPR modulus 11, Luhn, and a
# hyphenated CPR that has only its date (see danish_valid).
_STRENGTH = {NORWEGIAN: 0, LITHUANIAN: 1, FINNISH: 2, DANISH: 3, SWEDISH: 4}
_DATE_ONLY = 5

# Not part of a longer number ("1.010190", "PO-010190-1234"). Letters may touch
# it ("CPR150385-1004"): the checksum keeps out product codes, and a redacted
# neighbour ("[redacted]150385-1004") must not turn a missed number into a found one.
_START = r"(?<![\d+\-/.,])"
_END = r"(?![\d\-/]|[.,]\d)"

_DANISH_RE = re.compile(_START + r"(\d{6})(-?)(\d{4})" + _END)
_SWEDISH_RE = re.compile(_START + r"(\d{2})?(\d{6})([-+]?)(\d{4})" + _END)
_NORWEGIAN_RE = re.compile(_START + r"(\d{6}) ?(\d{5})" + _END)
# A letter check character may touch the next number ("131052-308T150385…").
_FINNISH_RE = re.compile(
    _START
    + r"(\d{6})([-+AYXWVUBCDEF])(\d{3})([0-9A-Y])(?:(?<=\d)(?!\d)|(?<=[A-Y]))(?![\-/]|[.,]\d)"
)
_LITHUANIAN_RE = re.compile(_START + r"([1-6]\d{10})" + _END)

_DANISH_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
_NORWEGIAN_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_NORWEGIAN_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_LITHUANIAN_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)
_LITHUANIAN_W2 = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)
_FINNISH_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_FINNISH_CENTURY = {"+": 1800, "-": 1900, "A": 2000}
_FINNISH_CENTURY.update(dict.fromkeys("YXWVU", 1900))
_FINNISH_CENTURY.update(dict.fromkeys("BCDEF", 2000))

Match = tuple[int, int, str, int]  # start, end, detail, strength (lower: stronger check)


def _valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def danish_century(year: int, sequence: str) -> int:
    """The century of a CPR's year, from the first digit of its sequence number."""
    first = int(sequence[0])
    if first <= 3:
        return 1900
    if first in {4, 9}:
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def danish_date_valid(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    return _valid_date(danish_century(year, digits[6:]) + year, month, day)


def danish_mod11(digits: str) -> bool:
    return _weighted(digits, _DANISH_WEIGHTS) % 11 == 0


def danish_valid(digits: str, *, hyphenated: bool) -> bool:
    """Whether ten digits DDMMYYSSSS are a CPR number.

    Since 2007 Denmark issues CPR numbers that do not satisfy the modulus-11
    check (the numbers that do ran out for some birth dates), so a valid date
    is all a number written the CPR way, ``DDMMYY-SSSS``, needs. Ten digits in
    a row are much more often something else (an order or account number), so
    those also need modulus 11.
    """
    return danish_date_valid(digits) and (hyphenated or danish_mod11(digits))


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def swedish_valid(digits: str, century: int | None = None) -> bool:
    """Whether ten digits YYMMDDNNNC are a personnummer (or samordningsnummer: day + 60)."""
    year, month, day = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > 60:
        day -= 60
    # Without the century, 2000 stands in for every century: it is a leap year,
    # so 29 February is accepted for any year divisible by four.
    if not _valid_date((century or 2000) + year, month, day):
        return False
    return luhn_valid(digits)


def norwegian_century(year: int, individual: int) -> int | None:
    """The century of a fødselsnummer's year, from its individual number (None: no such number)."""
    if individual <= 499:
        return 1900
    if individual >= 900 and year >= 40:
        return 1900
    if year <= 39:
        return 2000
    if individual <= 749 and year >= 54:
        return 1800
    return None


def norwegian_valid(digits: str) -> bool:
    """Whether eleven digits DDMMYYIIIKK are a fødselsnummer (or D-number: day + 40)."""
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > 40:
        day -= 40
    century = norwegian_century(year, int(digits[6:9]))
    if century is None or not _valid_date(century + year, month, day):
        return False
    k1 = (11 - _weighted(digits[:9], _NORWEGIAN_K1) % 11) % 11
    k2 = (11 - _weighted(digits[:9] + str(k1), _NORWEGIAN_K2) % 11) % 11
    return k1 != 10 and k2 != 10 and digits[9:] == f"{k1}{k2}"


def finnish_valid(birth: str, sign: str, individual: str, check: str) -> bool:
    """Whether a henkilötunnus DDMMYY, century sign, ZZZ and check character hold."""
    century = _FINNISH_CENTURY.get(sign)
    day, month, year = int(birth[0:2]), int(birth[2:4]), int(birth[4:6])
    if century is None or not _valid_date(century + year, month, day):
        return False
    return _FINNISH_CHECK[int(birth + individual) % 31] == check


def lithuanian_check(digits: str) -> int:
    """The check digit of the first ten digits of an asmens kodas."""
    check = _weighted(digits[:10], _LITHUANIAN_W1) % 11
    if check == 10:
        check = _weighted(digits[:10], _LITHUANIAN_W2) % 11
    return 0 if check == 10 else check


def lithuanian_valid(digits: str) -> bool:
    """Whether eleven digits GYYMMDDNNNC are an asmens kodas (G: sex and century, 1 to 6)."""
    century = 1800 + 100 * ((int(digits[0]) - 1) // 2)
    year, month, day = int(digits[1:3]), int(digits[3:5]), int(digits[5:7])
    if not _valid_date(century + year, month, day):
        return False
    return lithuanian_check(digits) == int(digits[10])


def scan(text: str) -> Iterator[Match]:
    """Every national identity number in ``text``; readings of one number may overlap."""
    for m in _DANISH_RE.finditer(text):
        digits = m.group(1) + m.group(3)
        if danish_valid(digits, hyphenated=m.group(2) == "-"):
            strength = _STRENGTH[DANISH] if danish_mod11(digits) else _DATE_ONLY
            yield m.start(), m.end(), DANISH, strength
    for m in _SWEDISH_RE.finditer(text):
        century_digits, digits = m.group(1), m.group(2) + m.group(4)
        century = int(century_digits) * 100 if century_digits else None
        if century is not None and century not in {1800, 1900, 2000}:
            continue
        if swedish_valid(digits, century):
            yield m.start(), m.end(), SWEDISH, _STRENGTH[SWEDISH]
    for m in _NORWEGIAN_RE.finditer(text):
        if norwegian_valid(m.group(1) + m.group(2)):
            yield m.start(), m.end(), NORWEGIAN, _STRENGTH[NORWEGIAN]
    for m in _FINNISH_RE.finditer(text):
        if finnish_valid(*m.groups()):
            yield m.start(), m.end(), FINNISH, _STRENGTH[FINNISH]
    for m in _LITHUANIAN_RE.finditer(text):
        if lithuanian_valid(m.group(1)):
            yield m.start(), m.end(), LITHUANIAN, _STRENGTH[LITHUANIAN]


def rank(detail: str, strength: int, language: str | None) -> tuple[int, int]:
    """Which reading of an ambiguous number to keep, lowest first.

    The meeting's language wins (a Danish meeting's DDMMYY-SSSS is a CPR
    number even when its digits also pass Sweden's Luhn check); otherwise the
    reading with the stronger check.
    """
    return (0 if language and _LANGUAGE_OF.get(detail) == language else 1, strength)
