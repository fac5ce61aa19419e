"""Due-date expressions in English, Danish, Swedish, Norwegian and Finnish.

Action items say "by Friday", "inden udgangen af måneden" or "kahden viikon
päästä"; this module finds such expressions in a sentence and turns them into
dates relative to the meeting date. It is plain regular expressions over the
word lists in :mod:`minuta.summarize.date_words`: no I/O, no model.

Conventions (all relative to the meeting date ``m``):

* A bare weekday ("Friday", "på fredag", "perjantaihin mennessä") is the next
  such day after ``m``; if ``m`` is that weekday, it is one week later. The
  preposition (on/by/before/inden/senest/ennen ...) does not move the date.
* "next <weekday>" ("næste fredag", "ensi perjantaina", "fredag i næste uge")
  is that weekday in the ISO week after the week of ``m``.
* "this week" / "end of the week" is the Friday of the week of ``m`` (or ``m``
  itself if the meeting is on a weekend); "next week" is the Friday of the
  next ISO week.
* "today" / "tomorrow" / "the day after tomorrow" are ``m`` + 0, 1, 2 days;
  "in N days/weeks/months" adds that much (months keep the day, clamped to the
  month's length).
* "end of (the) month" is the last day of the month of ``m``, or of the next
  month if ``m`` is already the last day; "end of next month" is the last day
  of the following month; "end of December" is the next such month end on or
  after ``m``. "End of the year" is 31 December, next year's if ``m`` is
  31 December.
* A day with a month ("5. december", "December 5th", "5.12.") is the next
  occurrence on or after ``m`` unless a year is written; a bare day ("by the
  5th", "den 5.") is the next such day of a month on or after ``m``.
* A week number ("uge 49", "v. 49", "viikolla 49") is the Friday of that ISO
  week; a week number already behind ``m`` means next year's week.
* Vague words ("soon", "snart", "hurtigt", "pian", "asap") give
  ``needs_date=True`` and ``date=None``: a person has to pick the date.

Numbers that are not dates stay alone: "5 licenser", "version 2.5", "kl. 10.30",
"2.5 mio." A numeric date without a year or a trailing dot ("5/12") is only
read after a deadline word ("senest 5/12"). Matching ignores case; accents
are exact (æ ø å ä ö are their own letters).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Final

from minuta.core.text import base_language
from minuta.summarize.date_words import VOCABULARIES, Vocabulary

SUPPORTED_LANGUAGES: Final = frozenset(VOCABULARIES)


@dataclass(frozen=True)
class DueDate:
    """One deadline expression: ``text[start:end] == raw``; ``date`` is None when vague."""

    raw: str
    start: int
    end: int
    date: datetime.date | None
    needs_date: bool


# A resolver returns the date, or None when the match turns out not to be a
# date after all (31 February, week 60); vague rules have no resolver.
_Resolver = Callable[[re.Match[str], date, Vocabulary], date | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolver: _Resolver | None
    numeric: bool = False  # guarded against versions, prices and clock times
    needs_cue: bool = False  # only after a deadline word ("senest 5/12")
    weekday: bool = False  # not after "last"/"sidste"/"viime"


# --- calendar arithmetic -------------------------------------------------------


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _lookup(word: str, fragments: tuple[str, ...]) -> int:
    for index, fragment in enumerate(fragments):
        if re.fullmatch(fragment, word, re.IGNORECASE):
            return index
    raise LookupError(word)


def _number(word: str | None, vocabulary: Vocabulary) -> int:
    if word is None:
        return 1  # Finnish "viikon päästä": a week from now
    if word.isdigit():
        return int(word)
    return vocabulary.numbers[re.sub(r"\s+", " ", word.lower())]


# --- resolvers -----------------------------------------------------------------


def _weekday(m: re.Match[str], meeting: date, vocabulary: Vocabulary) -> date:
    wanted = _lookup(m["wd"], vocabulary.weekdays)
    return meeting + timedelta(days=(wanted - meeting.weekday()) % 7 or 7)


def _next_weekday(m: re.Match[str], meeting: date, vocabulary: Vocabulary) -> date:
    wanted = _lookup(m["wd"], vocabulary.weekdays)
    return _monday(meeting) + timedelta(days=7 + wanted)


def _days(count: int) -> _Resolver:
    def resolve(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
        return meeting + timedelta(days=count)

    return resolve


def _this_week(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
    return max(_monday(meeting) + timedelta(days=4), meeting)


def _next_week(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
    return _monday(meeting) + timedelta(days=11)


_DAY_UNITS: Final = ("day", "dag", "päiv")
_WEEK_UNITS: Final = ("week", "uge", "uke", "uka", "veke", "veck", "viik")


def _in_n(m: re.Match[str], meeting: date, vocabulary: Vocabulary) -> date:
    count = _number(m["n"], vocabulary)
    unit = m["unit"].lower()
    if unit == "fortnight":
        return meeting + timedelta(days=14 * count)
    if unit.startswith(_DAY_UNITS):
        return meeting + timedelta(days=count)
    if unit.startswith(_WEEK_UNITS):
        return meeting + timedelta(weeks=count)
    return _add_months(meeting, count)


def _month_end(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
    end = _last_day(meeting.year, meeting.month)
    return end if meeting < end else _last_day_after(end)


def _last_day_after(day: date) -> date:
    following = day + timedelta(days=1)
    return _last_day(following.year, following.month)


def _next_month_end(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
    return _last_day_after(_last_day(meeting.year, meeting.month))


def _named_month_end(m: re.Match[str], meeting: date, vocabulary: Vocabulary) -> date:
    month = _lookup(m["month"], vocabulary.months) + 1
    end = _last_day(meeting.year, month)
    return end if end >= meeting else _last_day(meeting.year + 1, month)


def _year_end(_m: re.Match[str], meeting: date, _v: Vocabulary) -> date:
    end = date(meeting.year, 12, 31)
    return end if meeting < end else date(meeting.year + 1, 12, 31)


def _day_month(m: re.Match[str], meeting: date, vocabulary: Vocabulary) -> date | None:
    day = int(m["day"])
    text = m["month"]
    month = int(text) if text.isdigit() else _lookup(text, vocabulary.months) + 1
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    written_year = m.groupdict().get("year")
    if written_year is not None:
        year = int(written_year)
        try:
            return date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            return None
    for year in range(meeting.year, meeting.year + 8):  # 29 February can be years away
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= meeting:
            return candidate
    return None


def _day_only(m: re.Match[str], meeting: date, _v: Vocabulary) -> date | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    for ahead in range(13):
        first = _add_months(meeting.replace(day=1), ahead)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if candidate >= meeting:
                return candidate
    return None


def _week_number(m: re.Match[str], meeting: date, _v: Vocabulary) -> date | None:
    week = int(m["week"])
    year, current, _ = meeting.isocalendar()
    if not 1 <= week <= 53:
        return None
    try:
        return date.fromisocalendar(year + (week < current), week, 5)
    except ValueError:  # week 53 in a year that has 52
        return None


# --- rules ---------------------------------------------------------------------

_RESOLVERS: Final[dict[str, _Resolver | None]] = {
    "this_wd": _weekday,
    "next_wd": _next_weekday,
    "today": _days(0),
    "tomorrow": _days(1),
    "overmorrow": _days(2),
    "this_week": _this_week,
    "next_week": _next_week,
    "in_n": _in_n,
    "month_end": _month_end,
    "next_month_end": _next_month_end,
    "named_month_end": _named_month_end,
    "year_end": _year_end,
    "day_month": _day_month,
    "day_only": _day_only,
    "week_number": _week_number,
    "vague": None,
}

# Numeric dates, the same in all five languages (ISO) or in the four Nordic ones.
_ISO_DATE: Final = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_FULL_DATE: Final = r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4}|\d{2})(?![.,/]?\d)"
_DOTTED_DATE: Final = r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\."
_SHORT_DATE: Final = r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?![.,/]?\d)"

# Words before a number that make it something other than a date.
_NOT_A_DATE_BEFORE: Final = re.compile(
    r"(?:\b(?:version\w*|versio\w*|versjon\w*|v|rel|release|kl|klo|klokka|klokken|klockan|"
    r"kapitel|kapittel|luku|afsnit|avsnitt|punkt|kohta|pris|price|hinta|kr|dkk|sek|nok|eur|usd)"
    r"\.?|[€$£])\s*\Z",
    re.IGNORECASE,
)
_NOT_A_DATE_AFTER: Final = re.compile(
    r"\A\s*(?:%|[€$£]|(?:kr|dkk|sek|nok|eur|euro\w*|usd|mio|mia|mill\w*|procent|prosent\w*|"
    r"timer|timmar|tuntia|hours)\b)",
    re.IGNORECASE,
)


def _compile(template: str, vocabulary: Vocabulary) -> re.Pattern[str]:
    def alternatives(fragments: Iterable[str]) -> str:
        words = [w for f in fragments for w in f.split("|")]
        return "|".join(sorted(words, key=len, reverse=True))

    numbers = alternatives(vocabulary.numbers).replace(" ", r"\s+")
    body = (
        template.replace("<WD>", f"(?P<wd>{alternatives(vocabulary.weekdays)})")
        .replace("<MONTH>", f"(?P<month>{alternatives(vocabulary.months)})")
        .replace("<NUM>", rf"(?P<n>\d{{1,3}}|{numbers})")
    )
    return re.compile(rf"(?<![\w.,/-])(?:{body})(?!\w)", re.IGNORECASE)


@cache
def _rules(language: str) -> tuple[_Rule, ...]:
    vocabulary = VOCABULARIES[language]
    rules: list[_Rule] = []
    for category, templates in vocabulary.phrases.items():
        resolver = _RESOLVERS[category]
        for template in templates:
            rules.append(
                _Rule(
                    _compile(template, vocabulary),
                    resolver,
                    numeric=category in {"day_month", "day_only"},
                    needs_cue=language == "en" and category == "day_only",
                    weekday=category in {"this_wd", "next_wd"},
                )
            )
    rules.append(_Rule(_compile(r"<WD>", vocabulary), _weekday, weekday=True))
    rules.append(_Rule(_compile(_ISO_DATE, vocabulary), _day_month, numeric=True))
    if language != "en":  # English writes 12/5 both ways; only ISO dates are safe
        rules.append(_Rule(_compile(_FULL_DATE, vocabulary), _day_month, numeric=True))
        rules.append(_Rule(_compile(_DOTTED_DATE, vocabulary), _day_month, numeric=True))
        rules.append(
            _Rule(_compile(_SHORT_DATE, vocabulary), _day_month, numeric=True, needs_cue=True)
        )
    return tuple(rules)


@cache
def _word_list(words: tuple[str, ...], *, at_end: bool) -> re.Pattern[str]:
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    if at_end:
        return re.compile(rf"(?<!\w)(?:{alternation})\s+\Z", re.IGNORECASE)
    return re.compile(rf"\s+(?:{alternation})(?!\w)", re.IGNORECASE)


# --- public API ------------------------------------------------------------------


def _language(language: str) -> str:
    code = base_language(language)
    if code not in VOCABULARIES:
        raise ValueError(f"unsupported language {language!r}; use one of {sorted(VOCABULARIES)}")
    return code


def _accepted(rule: _Rule, m: re.Match[str], text: str, vocabulary: Vocabulary) -> bool:
    before, after = text[: m.start()], text[m.end() :]
    if rule.weekday and vocabulary.past and _word_list(vocabulary.past, at_end=True).search(before):
        return False
    if rule.numeric and (_NOT_A_DATE_BEFORE.search(before) or _NOT_A_DATE_AFTER.search(after)):
        return False
    return not rule.needs_cue or bool(_word_list(vocabulary.cues, at_end=True).search(before))


def find_due_dates(text: str, language: str, meeting_date: date) -> list[DueDate]:
    """Every deadline expression in ``text``, in order, resolved against ``meeting_date``.

    ``language`` is "en", "da", "sv", "no" (also "nb", "nn") or "fi"; a region
    suffix ("da-DK") is ignored. Raises ValueError for other languages.
    """
    code = _language(language)
    vocabulary = VOCABULARIES[code]
    found: list[tuple[int, int, date | None]] = []
    for rule in _rules(code):
        for m in rule.pattern.finditer(text):
            if not _accepted(rule, m, text, vocabulary):
                continue
            resolved = rule.resolver(m, meeting_date, vocabulary) if rule.resolver else None
            if rule.resolver is None or resolved is not None:
                found.append((m.start(), m.end(), resolved))
    # Where expressions overlap, the longest one says the most ("fredag i næste
    # uge" over "næste uge"); on a tie the earlier one wins.
    chosen: list[tuple[int, int, date | None]] = []
    for start, end, resolved in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, resolved))
    chosen.sort()
    return _with_cues(text, chosen, vocabulary)


def _with_cues(
    text: str, chosen: list[tuple[int, int, date | None]], vocabulary: Vocabulary
) -> list[DueDate]:
    """Widen each span over its preposition ("senest på") and postposition ("mennessä")."""
    cues = _word_list(vocabulary.cues, at_end=True)
    suffixes = _word_list(vocabulary.suffixes, at_end=False) if vocabulary.suffixes else None
    result: list[DueDate] = []
    previous_end = 0
    for index, (core_start, core_end, resolved) in enumerate(chosen):
        cue = cues.search(text, previous_end, core_start)
        start = core_start if cue is None else cue.start()
        next_start = chosen[index + 1][0] if index + 1 < len(chosen) else len(text)
        suffix = suffixes.match(text, core_end, next_start) if suffixes else None
        end = core_end if suffix is None else suffix.end()
        result.append(DueDate(text[start:end], start, end, resolved, resolved is None))
        previous_end = end
    return result


def resolve(expression: str, language: str, meeting_date: date) -> date | None:
    """The date of the first deadline in ``expression``; None if there is none or it is vague."""
    found = find_due_dates(expression, language, meeting_date)
    return found[0].date if found else None


__all__ = ["SUPPORTED_LANGUAGES", "DueDate", "find_due_dates", "resolve"]
