"""Finding sensitive topics in transcript lines, so they are flagged instead of summarised.

A meeting may touch on someone's health, religion, union membership, political
views, a legal dispute or their private life. Such lines are left out of what
a summary is made from and shown to the user as flagged, so nothing about them
ends up in notes, e-mails or the CRM by accident.

Precision matters more than recall here: flagging "the health check of the
project" or "we chose option B" would hide ordinary business from the summary.
So the word lists (:mod:`minuta.summarize.sensitive_words`) hold precise terms
and short phrases, not loose topic words: "sick leave", not "sick"; "trade
union", not "union"; "folketingsvalg", not "valg" (which is also "a choice").
Words are compared folded (case and accents, :func:`minuta.core.text.words`),
with patterns for inflections and compounds:

* ``word``: exactly that word;
* ``stem*``: a word starting with it ("sygemeld*": sygemeldt, sygemeldingen);
* ``*stem*``: a word containing it, for Nordic compounds ("*sjukskriv*":
  långtidssjukskriven);
* ``*end``: a compound ending in it, not the word itself ("*partiet":
  centerpartiet, but not partiet, which is also "the batch");
* several patterns separated by spaces: those words in a row ("called in sick").

A rule may list words that cancel it right before or after ("politics", but not
"office politics"). English rules apply to every language (people mix English
into Nordic meetings); Danish, Norwegian and Swedish share their lists, because
transcription often mistakes one for another.

In recruiting interviews, family and age (children, a spouse, "years old") are
flagged as "personal" too: they are none of the employer's business there,
while "my wife loves your product" in a sales call is harmless small talk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from minuta.core.models import Segment
from minuta.core.text import base_language, fold, words
from minuta.summarize.sensitive_words import RECRUITING_WORDS, WORDS, RuleSpec

CATEGORIES = ("health", "religion", "union", "politics", "legal_dispute", "personal")

# Languages whose lists are used together (transcription confuses them).
_SCANDINAVIAN = ("en", "da", "no", "sv")
_GROUPS: Mapping[str, tuple[str, ...]] = {
    "da": _SCANDINAVIAN,
    "no": _SCANDINAVIAN,
    "nb": _SCANDINAVIAN,
    "nn": _SCANDINAVIAN,
    "sv": _SCANDINAVIAN,
    "fi": ("en", "fi"),
    "lt": ("en", "lt"),
    "en": ("en",),
}


@dataclass(frozen=True, slots=True)
class _Pattern:
    text: str
    mode: str  # "exact", "prefix", "infix", "compound"

    def matches(self, word: str) -> bool:
        if self.mode == "exact":
            return word == self.text
        if self.mode == "prefix":
            return word.startswith(self.text)
        if self.mode == "infix":
            return self.text in word
        return word.endswith(self.text) and len(word) > len(self.text)


@dataclass(frozen=True, slots=True)
class _Rule:
    category: str
    patterns: tuple[_Pattern, ...]
    not_after: frozenset[str]  # a rule is cancelled by one of these words right before it
    not_before: frozenset[str]  # ... or right after it

    def matches_at(self, text: Sequence[str], start: int) -> bool:
        end = start + len(self.patterns)
        if end > len(text):
            return False
        if not all(p.matches(w) for p, w in zip(self.patterns, text[start:end], strict=True)):
            return False
        if start > 0 and text[start - 1] in self.not_after:
            return False
        return not (end < len(text) and text[end] in self.not_before)


def _patterns(raw: str) -> list[_Pattern]:
    # One written word may fold to several ("doctor's" -> doctor, s): the star
    # applies to the outer end it was written on.
    tokens = words(raw)
    head, tail = raw.startswith("*"), raw.endswith("*")
    if len(tokens) == 1:
        mode = "infix" if head and tail else "prefix" if tail else "compound" if head else "exact"
        return [_Pattern(tokens[0], mode)]
    patterns = [_Pattern(token, "exact") for token in tokens]
    if head:
        patterns[0] = _Pattern(tokens[0], "compound")
    if tail:
        patterns[-1] = _Pattern(tokens[-1], "prefix")
    return patterns


def _rule(category: str, spec: RuleSpec) -> _Rule:
    phrase: str
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    if isinstance(spec, str):
        phrase = spec
    else:
        phrase, not_after, not_before = spec
    patterns = tuple(p for part in phrase.split() for p in _patterns(part))
    return _Rule(
        category,
        patterns,
        frozenset(fold(w) for w in not_after),
        frozenset(fold(w) for w in not_before),
    )


class _Index:
    """Rules by their first word's pattern, so a line is not compared with every rule."""

    def __init__(self, rules: Iterable[_Rule]) -> None:
        self.exact: dict[str, list[_Rule]] = {}
        self.prefix: dict[str, list[_Rule]] = {}
        self.compound: dict[str, list[_Rule]] = {}
        self.infix: list[tuple[str, _Rule]] = []
        for rule in rules:
            first = rule.patterns[0]
            if first.mode == "infix":
                self.infix.append((first.text, rule))
                continue
            tables = {"exact": self.exact, "prefix": self.prefix, "compound": self.compound}
            tables[first.mode].setdefault(first.text, []).append(rule)

    def candidates(self, word: str) -> Iterable[_Rule]:
        yield from self.exact.get(word, ())
        for end in range(1, len(word) + 1):
            yield from self.prefix.get(word[:end], ())
        for start in range(1, len(word)):
            yield from self.compound.get(word[start:], ())
        for text, rule in self.infix:
            if text in word:
                yield rule


@cache
def _index(languages: frozenset[str], recruiting: bool) -> _Index:
    sources = [WORDS, RECRUITING_WORDS] if recruiting else [WORDS]
    rules: list[_Rule] = []
    for source in sources:
        for lang in sorted(languages):
            for category, specs in source.get(lang, {}).items():
                rules.extend(_rule(category, spec) for spec in specs)
    return _Index(rules)


def _languages(*codes: str | None) -> frozenset[str]:
    chosen: set[str] = set()
    for code in codes:
        if code:
            chosen.update(_GROUPS.get(base_language(code), tuple(WORDS)))  # unknown: every list
    return frozenset(chosen or {"en"})


def _categories(folded: Sequence[str], index: _Index) -> tuple[str, ...]:
    found: set[str] = set()
    for position, word in enumerate(folded):
        for rule in index.candidates(word):
            if rule.category not in found and rule.matches_at(folded, position):
                found.add(rule.category)
    return tuple(c for c in CATEGORIES if c in found)


def sensitive_categories(
    text: str, language: str, *, meeting_type: str | None = None
) -> tuple[str, ...]:
    """The sensitive categories ``text`` touches, in :data:`CATEGORIES` order (empty: none).

    ``meeting_type`` "recruiting_interview" also flags family and age as "personal".
    """
    index = _index(_languages(language), meeting_type == "recruiting_interview")
    return _categories(words(text), index)


def flag_lines(
    segments: Iterable[Segment], language: str, *, meeting_type: str | None = None
) -> dict[int, tuple[str, ...]]:
    """Segment id -> the sensitive categories of that line, for the lines that touch any.

    A line is read with the meeting's language lists and, when transcription
    detected another language for it, that language's too. Lines without an id
    (not stored) are skipped.
    """
    recruiting = meeting_type == "recruiting_interview"
    flagged: dict[int, tuple[str, ...]] = {}
    for segment in segments:
        if segment.id is None:
            continue
        index = _index(_languages(language, segment.language), recruiting)
        found = _categories(words(segment.text), index)
        if found:
            flagged[segment.id] = found
    return flagged
