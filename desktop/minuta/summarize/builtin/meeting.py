"""One meeting as the built-in summariser's rules see it, and the items they produce.

:class:`Meeting` gathers what every rule needs (the lines as turns, the
language's cues, the people, the deadlines said in each sentence) so each is
computed once. :class:`Found` is one item before it becomes JSON: its text, the
turns it cites and the sentence it quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from minuta.summarize import dates
from minuta.summarize.backend import SummaryRequest
from minuta.summarize.builtin.clauses import Sentence, Turn, short_quote, turns_of
from minuta.summarize.builtin.lexicon import Lexicon, date_language, lexicon_for
from minuta.summarize.builtin.people import People


class Meeting:
    def __init__(self, request: SummaryRequest) -> None:
        self.request = request
        self.turns: list[Turn] = turns_of(request.segments)
        self.lexicon: Lexicon = lexicon_for(request.language)
        # Dates are read in the meeting's language; other languages get English date words.
        self.date_language = date_language(request.language) or "en"
        self.meeting_date: date = request.meeting_date
        self.people = People(request.participants, request.user_name)
        self._speakers = [self.people.speaker(t.segment) for t in self.turns]
        self._dues: dict[tuple[int, int], list[dates.DueDate]] = {}

    def speaker(self, turn: int) -> str | None:
        """The owner-style name of who said ``turn`` (see :meth:`People.speaker`)."""
        return self._speakers[turn]

    def same_speaker(self, a: int, b: int) -> bool:
        return self.turns[a].speaker == self.turns[b].speaker

    def dues(self, sentence: Sentence) -> list[dates.DueDate]:
        """The deadline expressions in ``sentence``, resolved against the meeting date."""
        key = (sentence.turn, sentence.number)
        if key not in self._dues:
            self._dues[key] = dates.find_due_dates(
                sentence.text, self.date_language, self.meeting_date
            )
        return self._dues[key]

    def dues_in(self, text: str) -> list[dates.DueDate]:
        """The deadline expressions in any piece of text (uncached)."""
        return dates.find_due_dates(text, self.date_language, self.meeting_date)

    def all_sentences(self) -> list[Sentence]:
        return [s for turn in self.turns for s in turn.sentences]


@dataclass(frozen=True, slots=True)
class Span:
    """Part of a sentence: ``sentence.text[start:end]``."""

    sentence: Sentence
    start: int
    end: int


def spans_of(sentence: Sentence) -> list[Span]:
    return [Span(sentence, 0, len(sentence.text))]


@dataclass
class Found:
    """One item: its text, the turns it cites, the sentence it quotes.

    Action items also have an owner, a deadline, how they were found (``kind``:
    "commit", "request", "named", "plan") and where their own date may be
    (``sources``).
    """

    text: str
    turns: set[int]
    quote: Sentence
    owner: str | None = None
    due: dates.DueDate | None = None
    kind: str = ""
    sources: list[Span] = field(default_factory=list)
    home: int = -1  # the line where it was said (a borrowed date's line is not)

    @property
    def said_at(self) -> int:
        return self.home if self.home >= 0 else min(self.turns)

    def evidence(self, meeting: Meeting) -> dict[str, Any]:
        ids = [meeting.turns[t].segment_id for t in sorted(self.turns)]
        return {"segment_ids": ids, "quote": short_quote(self.quote.text)}

    def as_json(self, meeting: Meeting, *, action: bool = False) -> dict[str, Any]:
        item: dict[str, Any] = {"text": self.text}
        if action:
            item["owner"] = self.owner
            item["due"] = self.due.raw if self.due is not None else None
        item["evidence"] = self.evidence(meeting)
        return item
