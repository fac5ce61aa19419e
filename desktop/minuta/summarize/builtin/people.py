"""Who is who: speakers and names mentioned, matched to the meeting's participants.

Owners are given as the participant's full name when one matches ("Karin" in
"Karin, can you check …" is "Karin Dahl"). The user's own microphone line
("me") is the user. Anonymous speaker labels ("Speaker 2", "them") own
nothing: an item without a known owner is better than one with a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from minuta.core.models import ChannelKind, Segment
from minuta.core.text import fold

_ANONYMOUS = re.compile(r"(?:me|them|speaker|talare|taler|puhuja)?\s*[_#-]?\s*\d*", re.IGNORECASE)
_ME_LABELS = frozenset({"me", "mig", "jeg", "jag", "meg", "minä", "mä"})
_WORD = re.compile(r"\w+")
# Finnish and the Nordic languages inflect names: "Jarille", "Tuulan", "Lenas".
_MAX_ENDING = 4


class People:
    def __init__(self, participants: Iterable[str], user_name: str | None) -> None:
        self.user_name = (user_name or "").strip() or None
        names = [p.strip() for p in participants if p and p.strip()]
        if self.user_name and fold(self.user_name) not in {fold(n) for n in names}:
            names.append(self.user_name)
        self.names = tuple(names)
        self._full = {fold(n): n for n in names}
        firsts: dict[str, list[str]] = {}
        for name in names:
            parts = _WORD.findall(fold(name))
            if parts:
                firsts.setdefault(parts[0], []).append(name)
        # A first name two participants share names neither of them.
        self._first = {first: found[0] for first, found in firsts.items() if len(found) == 1}

    def is_user(self, segment: Segment) -> bool:
        label = (segment.speaker or "").strip()
        if self.user_name and label and self.lookup(label) == self.user_name:
            return True
        if fold(label) in _ME_LABELS:
            return True
        return not label and segment.channel is ChannelKind.MICROPHONE

    def lookup(self, name: str) -> str | None:
        """The participant ``name`` stands for (full or first name), or None."""
        folded = fold(name.strip())
        if folded in self._full:
            return self._full[folded]
        parts = _WORD.findall(folded)
        if len(parts) == 1 and parts[0] in self._first:
            return self._first[parts[0]]
        return None

    def speaker(self, segment: Segment) -> str | None:
        """Who said ``segment``, as an owner: a participant, the user, a named label, or None."""
        if self.is_user(segment):
            return self.user_name
        label = (segment.speaker or "").strip()
        if not label:
            return None
        found = self.lookup(label)
        if found:
            return found
        return None if _ANONYMOUS.fullmatch(label) else label

    def word_names(self, word: str) -> str | None:
        """The participant a single (folded) word names, inflected or not."""
        folded = fold(word)
        if folded in self._first:
            return self._first[folded]
        for first, name in self._first.items():
            if (
                len(first) >= 3
                and folded.startswith(first)
                and len(folded) - len(first) <= _MAX_ENDING
            ):
                return name
        return None

    def mentioned(self, text: str, *, besides: str | None = None) -> list[str]:
        """Participants named in ``text``, in order, other than ``besides``."""
        found: list[str] = []
        for word in _WORD.findall(text):
            if not word[:1].isupper():
                continue
            name = self.word_names(word)
            if name and name != besides and name not in found:
                found.append(name)
        return found
