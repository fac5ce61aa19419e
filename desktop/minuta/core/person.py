"""Who a person is in text: the matching behind "find, export, erase a person's data".

A :class:`PersonQuery` is a name, an e-mail address, or both, as typed ("Kari
Nordmann", "kari@firma.no", "Kari Nordmann <kari@firma.no>"). What it matches,
always case- and accent-insensitive (through :func:`minuta.core.text.fold`, so
"Sorensen" finds "Sørensen" and "KARI" finds "Kari"), and always on whole words:

* **The full name**, its words in order, separated by spaces or a hyphen
  ("kari-nordmann", as in a file name) or a single dot ("kari.nordmann", as in
  an address's local part). "Ann" never matches "Anna" or "Annual"; "Kari
  Nordmann" never matches "Kari Hansen". A name of three or more words also
  matches its first and last word alone ("Anna Maria Berg" finds "Anna Berg").
* **The genitive** of the last word, as Danish, Norwegian, Swedish and English
  write it: "Karis", "Kari's", "Kari’s", and "Lars'" for a name ending in s, x
  or z. The apostrophe is part of the match, so a redaction leaves no "'s".
  Finnish and Lithuanian inflection is *not* matched: a Finnish genitive adds
  -n ("Karin" is Kari's genitive and also another name) and Lithuanian changes
  the ending itself ("Jonas", "Jono", "Jonui"); neither can be told apart from
  other names cheaply and safely. Search for the inflected form as well.
* **The e-mail address**, whole: "xkari@firma.no" and "kari@firma.no.evil" are
  other addresses.
* **Short forms, only where the caller says so** (:meth:`PersonQuery.in_context`):
  in a meeting the person took part in, their first name or surname alone
  ("Thanks, Kari") means them, unless someone else there shares it. A short
  form followed by another capitalised word that is not part of their name
  ("Kari Hansen") is somebody else; so is a surname right after another
  capitalised word ("Ola Nordmann").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from minuta.core.participants import split_participant
from minuta.core.text import fold, word_spans, words

ERASED = "[erased]"
REDACTED = "[redacted]"

Span = tuple[int, int]

# An address is read outwards from its "@" (a regex scanning for the local part
# first is quadratic on a long run of word characters, such as base64).
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_LOCAL_EXTRA = ".+-"
# What may stand between two words of one name: spaces, a hyphen, or one dot.
_NAME_GAP = re.compile(r"\s+|\s*-\s*|\.")
_APOSTROPHES = "'’"
# A name ending in one of these takes a bare apostrophe as its genitive ("Lars'").
_SIBILANTS = ("s", "x", "z")


def _is_gap(text: str) -> bool:
    return _NAME_GAP.fullmatch(text) is not None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """A person to find: a name, an e-mail address, or both (see the module's notes)."""

    name: str | None
    email: str | None
    # Folded single words of the name that also count (one meeting's context).
    short_forms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name_tokens and not self.email:
            raise ValueError("a person needs a name or an e-mail address")

    @classmethod
    def from_text(cls, text: str) -> PersonQuery:
        """Parse "Kari Nordmann", "kari@firma.no" or "Kari Nordmann <kari@firma.no>"."""
        name, email = split_participant(text.strip())
        cleaned_name = " ".join(name.split()) or None
        if cleaned_name is not None and not words(cleaned_name):
            cleaned_name = None
        return cls(name=cleaned_name, email=email.strip() or None)

    # --- what it is ---------------------------------------------------------------

    @property
    def name_tokens(self) -> tuple[str, ...]:
        return tuple(words(self.name or ""))

    @property
    def display(self) -> str:
        """How to show the query: "Kari Nordmann <kari@firma.no>"."""
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email or ""

    @property
    def folded(self) -> str:
        """The query as compared: folded name words and folded address."""
        return f"{' '.join(self.name_tokens)}|{fold(self.email or '')}"

    @property
    def sha256(self) -> str:
        """What an audit event may say about who was looked for: never the name itself."""
        return hashlib.sha256(self.folded.encode("utf-8")).hexdigest()

    def with_name(self, name: str | None) -> PersonQuery:
        return replace(self, name=name)

    def with_email(self, email: str | None) -> PersonQuery:
        return replace(self, email=email)

    def in_context(self, others: set[str]) -> PersonQuery:
        """This query plus the name's single words, but not ``others`` (folded words
        of the other people in a meeting): for text of a meeting the person was in."""
        tokens = self.name_tokens
        if len(tokens) < 2:
            return self
        forms = tuple(t for t in dict.fromkeys(tokens) if t not in others)
        return replace(self, short_forms=forms)

    # --- matching -----------------------------------------------------------------

    def matches(self, text: str) -> bool:
        return bool(self.mentions(text))

    def mentions(self, text: str) -> list[Span]:
        """(start, end) of every mention in ``text``, sorted and merged."""
        if not text:
            return []
        spans = word_spans(text)
        found = [*self._name_spans(text, spans), *self._short_spans(text, spans)]
        found += self._email_spans(text)
        return _merged(found)

    def redact(self, text: str, replacement: str = ERASED) -> str:
        """``text`` with every mention replaced by ``replacement``."""
        for start, end in reversed(self.mentions(text)):
            text = text[:start] + replacement + text[end:]
        return text

    def _sequences(self) -> list[tuple[str, ...]]:
        tokens = self.name_tokens
        if not tokens:
            return []
        if len(tokens) >= 3:
            return [tokens, (tokens[0], tokens[-1])]
        return [tokens]

    def _name_spans(self, text: str, spans: list[tuple[int, int, str]]) -> list[Span]:
        found: list[Span] = []
        for sequence in self._sequences():
            size = len(sequence)
            for i in range(len(spans) - size + 1):
                if not _sequence_at(text, spans, i, sequence):
                    continue
                last = spans[i + size - 1]
                found.append((spans[i][0], _genitive_end(text, last[1], sequence[-1])))
        return found

    def _short_spans(self, text: str, spans: list[tuple[int, int, str]]) -> list[Span]:
        if not self.short_forms:
            return []
        tokens = self.name_tokens
        found: list[Span] = []
        for i, (start, end, word) in enumerate(spans):
            form = next((f for f in self.short_forms if _genitive_of(word, f)), None)
            if form is None:
                continue
            if form == tokens[-1]:
                # A surname right after another capitalised word is someone else's.
                neighbour = spans[i - 1] if i > 0 else None
                gap = text[neighbour[1] : start] if neighbour else ""
            else:
                # A first name followed by another capitalised word is someone else's.
                neighbour = spans[i + 1] if i + 1 < len(spans) else None
                gap = text[end : neighbour[0]] if neighbour else ""
            if (
                neighbour is not None
                and gap.isspace()
                and text[neighbour[0]].isupper()
                and neighbour[2] not in tokens
            ):
                continue
            found.append((start, _genitive_end(text, end, form)))
        return found

    def _email_spans(self, text: str) -> list[Span]:
        if not self.email:
            return []
        wanted = fold(self.email)
        found: list[Span] = []
        at = text.find("@")
        while at != -1:
            start = at
            while start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] in _LOCAL_EXTRA):
                start -= 1
            domain = _DOMAIN.match(text, at + 1)
            if start < at and domain is not None and fold(text[start : domain.end()]) == wanted:
                found.append((start, domain.end()))
            at = text.find("@", at + 1)
        return found


def _genitive_of(word: str, token: str) -> bool:
    return word in (token, token + "s")


def _sequence_at(
    text: str, spans: list[tuple[int, int, str]], i: int, sequence: tuple[str, ...]
) -> bool:
    size = len(sequence)
    for j, token in enumerate(sequence):
        word = spans[i + j][2]
        if j < size - 1:
            if word != token or not _is_gap(text[spans[i + j][1] : spans[i + j + 1][0]]):
                return False
        elif not _genitive_of(word, token):
            return False
    return True


def _genitive_end(text: str, end: int, token: str) -> int:
    """Extend a match over an apostrophe genitive: "Kari's", "Kari’s", "Lars'"."""
    rest = text[end : end + 3]
    if (
        len(rest) >= 2
        and rest[0] in _APOSTROPHES
        and rest[1] in "sS"
        and (len(rest) == 2 or not _is_word_char(rest[2]))
    ):
        return end + 2
    if (
        rest
        and rest[0] in _APOSTROPHES
        and token.endswith(_SIBILANTS)
        and (len(rest) == 1 or not _is_word_char(rest[1]))
    ):
        return end + 1
    return end


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def name_words(label: str) -> set[str]:
    """The folded words of a participant entry's or speaker's name (not the address)."""
    name, _email = split_participant(label)
    return set(words(name))
