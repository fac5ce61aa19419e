"""Names of people who were not in the meeting, for :mod:`minuta.crm.redaction`.

A name is a capitalised known first name (:mod:`minuta.crm.name_words`),
inflected or not, with an optional middle name and surname after it: "Lars",
"Annalle", "Anna Maria Berg". The meeting's participants and the user are
people the CRM record is about anyway, so they are not reported; everyone
else mentioned is someone whose name would leave the machine without their
knowing.

Limitations, kept on purpose so the check stays simple and predictable:

* only names on the list are found ("Xiaoming" is not);
* a first name that is also a common word ("Per", "Will", "Satu") is not taken
  for a name at the start of a sentence, where every word is capitalised,
  unless a surname follows it;
* a first name followed by a number is taken for a month ("Jan 5") and skipped;
* a surname is any capitalised word right after the first name that is not a
  weekday, a month or a common capitalised word ("Anna Monday" is "Anna").

Participants are matched the way :class:`minuta.summarize.builtin.people.People`
matches speakers (folded: case and accents), but more leniently: a first name
two participants share still names a participant here, since whichever of
them it is, they were in the meeting. People's own loose matching of inflected
names ("Karin" matching "Kari") is not used: here it would hide other people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from minuta.core.participants import split_participant
from minuta.core.text import fold, words
from minuta.crm.name_words import COMMON_WORDS, NEEDS_SURNAME, name_forms

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = ".!?:;\n\r"
_DATE_AFTER = re.compile(r"\.? ?\d")
_OPENING = " \t\"'“‘«(*-–—•>"
_EMAIL_SPLIT = re.compile(r"[._\-+0-9]+")
# Case endings of Finnish and Lithuanian surnames, folded (accents gone).
_SURNAME_ENDINGS = frozenset(
    words("n lle lta lla sta ssa ksi a e en ella elle o ui u us aus io iui iu yje ai os oje es ei")
)

# Capitalised words that follow a name without being its surname.
_NOT_SURNAMES = frozenset(
    words(
        """
    i the a an and but or if so we you he she they it this that on in at to for from with by of
    is are was can could would should please thanks thank hi hello dear regards yes no ok
    og och eller men jeg jag eg vi du han hun hon de det den dem er är var ja nej nei tak tack
    takk hej hei moi kiitos ja hän se ir ačiū labas
    monday tuesday wednesday thursday friday saturday sunday
    mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tisdag fredag lördag söndag
    maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai
    pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis
    january february march april may june july august september october november december
    januar februar marts april maj juni juli august september oktober november december
    januari februari mars augusti mai desember
    tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu
    marraskuu joulukuu sausis vasaris kovas balandis gegužė birželis liepa rugpjūtis rugsėjis
    spalis lapkritis gruodis
    """
    )
)


@cache
def _forms() -> dict[str, str]:
    return name_forms()


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    first: str  # base form of the first name, lower case
    words: tuple[str, ...]  # folded words of the name, the first in its base form


class Participants:
    """Who may be named freely: the participants and the user."""

    def __init__(self, participants: Sequence[str], user_name: str | None) -> None:
        people = [_name_words(raw) for raw in [*participants, user_name or ""]]
        self.people = [tuple(parts) for parts in people if parts]

    def includes(self, candidate: Candidate) -> bool:
        """Whether ``candidate`` names a participant (first name, or first and last name)."""
        named = candidate.words
        for person in self.people:
            if named[0] != person[0]:
                continue
            # "Anna" may be "Anna Berg"; "Anna Berg" may be "anna@x.dk"; but
            # "Anna Svensson" is not "Anna Berg".
            if len(named) == 1 or len(person) == 1 or _same_surname(named[-1], person[-1]):
                return True
        return False


def _same_surname(named: str, known: str) -> bool:
    if named == known:
        return True
    # Finnish and Lithuanian inflect surnames: "Virtaselle" is Virtanen's, "Kazlausko" Kazlauskas'.
    stems = {known}
    if known.endswith("nen"):
        stems.add(known[:-3] + "se")
    if known.endswith(("as", "is", "us")):
        stems.add(known[:-2])
    if known.endswith(("a", "e")):
        stems.add(known[:-1])
    return any(named.startswith(stem) and named[len(stem) :] in _SURNAME_ENDINGS for stem in stems)


def _name_words(participant: str) -> list[str]:
    """Folded name words of "Anna Berg", "Anna Berg <anna@x.dk>" or "anna.berg@x.dk"."""
    name, email = split_participant(participant)
    if not name and email:
        name = email
    if "@" in name:
        name = " ".join(_EMAIL_SPLIT.split(name.split("@", 1)[0]))
    return words(name)


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def _sentence_start(text: str, position: int) -> bool:
    index = position
    while index > 0 and text[index - 1] in _OPENING:
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_END


def _base(token: str) -> str | None:
    lower = token.lower()
    forms = _forms()
    if lower in forms:
        return forms[lower]
    # Double names: "Anne-Marie", "Jan-Erik" are names when their first part is.
    head = lower.split("-", 1)[0]
    return forms.get(head) if "-" in lower else None


def _surname(text: str, previous_end: int, token: re.Match[str] | None) -> bool:
    if token is None or token.start() != previous_end + 1 or text[previous_end] != " ":
        return False
    word = token.group()
    return len(word) >= 2 and _capitalised(word) and fold(word) not in _NOT_SURNAMES


def candidates(text: str) -> Iterator[Candidate]:
    """Every name on the list in ``text``, participants included."""
    tokens = list(_TOKEN.finditer(text))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        first = _base(token.group())
        if first is None or not _capitalised(token.group()):
            continue
        parts = [token]
        # A middle name (itself a first name) and a surname may follow: "Anna Maria Berg".
        while len(parts) < 3 and index < len(tokens):
            following = tokens[index]
            if not _surname(text, parts[-1].end(), following):
                break
            parts.append(following)
            index += 1
            if _base(following.group()) is None:
                break
        has_surname = len(parts) > 1
        if not has_surname and (
            first in NEEDS_SURNAME
            or (first in COMMON_WORDS and _sentence_start(text, token.start()))
            or _DATE_AFTER.match(text, token.end())  # "Jan 5", "Jan. 2026": a month
        ):
            continue
        start, end = parts[0].start(), parts[-1].end()
        rest = words(text[parts[1].start() : end]) if has_surname else []
        yield Candidate(start, end, first, (*words(first)[:1], *rest))
