"""Choosing an item's deadline among the date expressions said with it.

"I'll write to her today and ask for them by Friday" names two days; the
deadline is the one said as a deadline ("by", "senest", "mennessä"), and among
equals the latest ("tomorrow, end of day" is tomorrow): a task is due when it
must be done at the latest. A vague word ("soon") loses to any date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from minuta.summarize.builtin.lexicon import Lexicon
from minuta.summarize.dates import DueDate

T = TypeVar("T")


def choose_due(options: Sequence[tuple[T, DueDate]], lexicon: Lexicon) -> tuple[T, DueDate] | None:
    """The (source, deadline) pair that is the task's deadline, or None without any."""
    if not options:
        return None

    def rank(option: tuple[T, DueDate]) -> tuple[bool, bool, date]:
        due = option[1]
        return (
            due.date is not None,
            bool(lexicon.deadline_cues.search(due.raw)),
            due.date or date.min,
        )

    return max(options, key=rank)
