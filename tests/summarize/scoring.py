"""Scoring a summary backend on the gold set, shared by the tests and ``bench/summarize.py``.

``score(meetings, predict)`` runs ``predict`` on each gold meeting and compares
the items it shows with the labels:

* a shown item matches a gold item of the same kind when their evidence line
  ids overlap; each gold item is matched at most once and each shown item too
  (a maximum matching, so the order of items does not matter);
* recall = matched gold items / gold items; precision = matched shown items /
  shown items (1.0 when nothing is shown and nothing was labelled);
* due-date accuracy: among matched action items whose gold item has a date, the
  share whose resolved ``due_date`` is that date;
* verified share: the share of all shown items whose evidence checked out.

Figures come per language and ``overall`` (summed over all meetings, not
averaged per language). Pure functions; the app is only touched by
:func:`builtin_predict`, which runs the built-in backend the way the app does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from gold import GoldMeeting

KINDS = ("action_item", "decision", "risk")


class ShownEvidence(Protocol):
    @property
    def segment_ids(self) -> tuple[int, ...]: ...


class ShownItem(Protocol):
    """What scoring needs of a shown item (``minuta.core.summary.SummaryItem`` fits)."""

    @property
    def kind(self) -> Any: ...  # an ItemKind (a str enum) or its value

    @property
    def evidence(self) -> Sequence[ShownEvidence]: ...

    @property
    def due_date(self) -> dt.date | None: ...

    @property
    def verified(self) -> bool: ...


Predict = Callable[[GoldMeeting], Sequence[ShownItem]]


@dataclass
class _Tally:
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    shown: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    dated: int = 0
    dated_right: int = 0
    items: int = 0
    verified: int = 0

    def add(self, other: _Tally) -> None:
        for kind in KINDS:
            self.gold[kind] += other.gold[kind]
            self.shown[kind] += other.shown[kind]
            self.matched[kind] += other.matched[kind]
        self.dated += other.dated
        self.dated_right += other.dated_right
        self.items += other.items
        self.verified += other.verified

    def figures(self) -> dict[str, float]:
        result: dict[str, float] = {}
        for kind in KINDS:
            gold, shown, matched = self.gold[kind], self.shown[kind], self.matched[kind]
            result[f"{kind}_recall"] = matched / gold if gold else 1.0
            result[f"{kind}_precision"] = matched / shown if shown else float(gold == 0)
        result["due_date_accuracy"] = self.dated_right / self.dated if self.dated else 1.0
        result["verified_share"] = self.verified / self.items if self.items else 1.0
        return result


def _ids(item: ShownItem) -> set[int]:
    return {i for evidence in item.evidence for i in evidence.segment_ids}


def match(
    gold: Sequence[set[int]],
    shown: Sequence[set[int]],
    prefer: Callable[[int, int], int] | None = None,
) -> dict[int, int]:
    """A maximum matching {gold index: shown index} of overlapping id sets (Kuhn's algorithm).

    Among shown items overlapping the same gold item, those ``prefer(g, s)``
    ranks higher are tried first (an action item with the gold item's owner and
    date before another one citing the same line).
    """
    edges = [[j for j, ids in enumerate(shown) if ids & wanted] for wanted in gold]
    if prefer is not None:
        edges = [sorted(e, key=lambda s, g=g: -prefer(g, s)) for g, e in enumerate(edges)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for s in edges[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return {g: s for s, g in owner.items()}


def _kind(item: ShownItem) -> str:
    return str(getattr(item.kind, "value", item.kind))


def _agreement(gold: Sequence[Any], shown: Sequence[ShownItem]) -> Callable[[int, int], int]:
    """How many of owner and date a shown item shares with a gold item (0 for other kinds)."""

    def agree(g: int, s: int) -> int:
        same = 0
        for name in ("owner", "due_date"):
            same += getattr(gold[g], name, None) == getattr(shown[s], name, None)
        return same

    return agree


def score_meeting(meeting: GoldMeeting, shown: Iterable[ShownItem]) -> _Tally:
    items = list(shown)
    tally = _Tally(items=len(items), verified=sum(1 for i in items if i.verified))
    labels: dict[str, Sequence[Any]] = {
        "action_item": meeting.action_items,
        "decision": meeting.decisions,
        "risk": meeting.risks,
    }
    for kind in KINDS:
        gold = labels[kind]
        mine = [i for i in items if _kind(i) == kind]
        pairs = match(
            [set(g.segment_ids) for g in gold], [_ids(i) for i in mine], _agreement(gold, mine)
        )
        tally.gold[kind] = len(gold)
        tally.shown[kind] = len(mine)
        tally.matched[kind] = len(pairs)
        if kind == "action_item":
            for g, s in pairs.items():
                if gold[g].due_date is not None:
                    tally.dated += 1
                    tally.dated_right += mine[s].due_date == gold[g].due_date
    return tally


def score(meetings: Iterable[GoldMeeting], predict: Predict) -> dict[str, dict[str, float]]:
    """Figures per language and ``overall`` (see the module's description)."""
    per_language: dict[str, _Tally] = {}
    overall = _Tally()
    for meeting in meetings:
        tally = score_meeting(meeting, predict(meeting))
        per_language.setdefault(meeting.language, _Tally()).add(tally)
        overall.add(tally)
    result = {language: t.figures() for language, t in sorted(per_language.items())}
    result["overall"] = overall.figures()
    return result


def request_for(meeting: GoldMeeting) -> Any:
    """The app's ``SummaryRequest`` for a gold meeting (every section, no user name)."""
    from minuta.core.models import Segment
    from minuta.summarize.backend import SummaryRequest

    return SummaryRequest(
        title=meeting.title,
        language=meeting.language,
        meeting_date=meeting.meeting_date,
        segments=tuple(
            Segment(start=s.start, end=s.end, text=s.text, speaker=s.speaker, id=s.id)
            for s in meeting.segments
        ),
        participants=meeting.participants,
        meeting_type=meeting.meeting_type,
    )


def builtin_predict(meeting: GoldMeeting) -> Sequence[ShownItem]:
    """The items the app would show for ``meeting`` with the built-in backend.

    ``minuta.summarize.pipeline.summarize`` with no language model: the built-in
    summariser, its JSON parsed, deadlines resolved, evidence checked.
    """
    from minuta.summarize.pipeline import summarize

    items: Sequence[ShownItem] = summarize(request_for(meeting)).items
    return items
