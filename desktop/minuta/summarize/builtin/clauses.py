"""Turns, sentences, clauses and words: the units the built-in summariser reads.

Every sentence keeps its place in its line's text, so a quote is always a
verbatim slice of what was stored and evidence checking verifies it. Words are
lower-cased but keep their letters ("mødes", "lähetän"): the cue lists are
written that way. English contractions are split ("I'll" is "i", "will") so
one rule covers "I'll", "I will" and "I'm going to".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minuta.core.models import Segment

# A sentence ends at . ! ? … followed by a space and a capital letter or a digit,
# unless the word before the full stop is a short abbreviation ("adm.", "kl.", "pr.").
_END = re.compile(r"[.!?…]+[\"')\]]*\s+(?=[\"'(]?[A-ZÆØÅÄÖÜÉ0-9])")
_ABBREVIATIONS = frozenset(
    [
        "adm",
        "pr",
        "kl",
        "klo",
        "ca",
        "fx",
        "evt",
        "inkl",
        "ekskl",
        "mio",
        "mia",
        "mr",
        "mrs",
        "ms",
        "dr",
        "nr",
        "jf",
        "esim",
        "mm",
        "ym",
        "vs",
        "etc",
        "st",
        "bl",
        "ang",
        "dvs",
        "mht",
        "osv",
        "bzw",
        "tel",
    ]
)
# Clauses: a comma, semicolon, colon or dash followed by a space ("2,5" stays whole).
_CLAUSE = re.compile(r"\s*[,;:–—]\s+|\s+-\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CONTRACTIONS = {
    "'ll": ("will",),
    "'m": ("am",),
    "'d": ("would",),
    "'ve": ("have",),
    "'re": ("are",),
    "'s": ("is",),
    "n't": ("not",),
}
_SPECIAL = {"can't": ("can", "not"), "won't": ("will", "not"), "let's": ("let", "us")}


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text: lower case, and where it stands (start, end) in that text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    turn: int  # the index of its line in :attr:`Meeting.turns`
    number: int  # its place among the line's sentences
    start: int  # offsets in the line's text
    end: int
    text: str

    @property
    def question(self) -> bool:
        return self.text.rstrip().endswith("?")


@dataclass(frozen=True, slots=True)
class Turn:
    """One stored line with an id, and its sentences."""

    index: int
    segment: Segment
    segment_id: int
    sentences: tuple[Sentence, ...]

    @property
    def speaker(self) -> str | None:
        return self.segment.speaker


def words(text: str) -> list[Word]:
    """The words of ``text``, lower case, with English contractions split."""
    result: list[Word] = []
    for match in _WORD.finditer(text):
        raw = match.group().lower().replace("’", "'")
        start, end = match.span()
        if raw in _SPECIAL:
            result.extend(Word(w, start, end) for w in _SPECIAL[raw])
            continue
        for suffix, expansion in _CONTRACTIONS.items():
            if raw.endswith(suffix) and len(raw) > len(suffix):
                result.append(Word(raw[: -len(suffix)], start, end))
                result.extend(Word(w, start, end) for w in expansion)
                break
        else:
            result.append(Word(raw, start, end))
    return result


def tokens(text: str) -> list[str]:
    return [w.text for w in words(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(text):
        before = text[begin : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (
            last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        ):
            continue
        spans.append((begin, match.start() + len(match.group().rstrip())))
        begin = match.end()
    spans.append((begin, len(text)))
    trimmed = []
    for start, end in spans:
        chunk = text[start:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            trimmed.append((start + left, start + right))
    return trimmed


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence ``text``."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _CLAUSE.finditer(text):
        if match.start() > begin:
            spans.append((begin, match.start()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans


def clauses(text: str) -> list[str]:
    return [text[start:end] for start, end in clause_spans(text)]


def turns_of(segments: Sequence[Segment]) -> list[Turn]:
    """The lines that can be cited (those with an id), split into sentences."""
    turns: list[Turn] = []
    for segment in segments:
        if segment.id is None or not segment.text.strip():
            continue
        index = len(turns)
        sentences = tuple(
            Sentence(index, number, start, end, segment.text[start:end])
            for number, (start, end) in enumerate(sentence_spans(segment.text))
        )
        turns.append(Turn(index, segment, segment.id, sentences))
    return turns


def short_quote(text: str, limit: int = 300) -> str:
    """``text`` itself when short enough, else its beginning cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


def tidy(text: str, *, end: bool = False) -> str:
    """A clause as an item's text: a capital first letter, no trailing punctuation.

    With ``end``, a sentence keeps (or gets) its final full stop, question or exclamation mark.
    """
    text = text.strip()
    mark = text[-1] if end and text and text[-1] in ".!?" else "."
    text = text.rstrip(" ,;:.-–—!?" if end else " ,;:.-–—")
    if not text:
        return text
    return text[:1].upper() + text[1:] + (mark if end else "")
