"""Integrity of the held-out summary set (tests/data/summaries/heldout).

``test_gold_set.py`` checks every meeting of both sets; here is the held-out set's own
shape: six meetings in five languages (Norwegian included) covering every meeting type.
Nothing here scores a backend or the date resolver: the set is only scored by
``bench/summarize.py``, so that its figures stay honest.
"""

from __future__ import annotations

from collections import Counter

from tests.summarize.gold import GOLD_DIR, MEETING_TYPES, load_gold

HELDOUT_DIR = GOLD_DIR / "heldout"
HELDOUT = load_gold(HELDOUT_DIR)
LANGUAGES = {"en": 2, "da": 1, "sv": 1, "fi": 1, "no": 1}


def test_set_size_and_coverage() -> None:
    assert len(HELDOUT) == 6
    assert Counter(m.language for m in HELDOUT) == LANGUAGES
    assert {m.meeting_type for m in HELDOUT} == MEETING_TYPES
    dated = [a for m in HELDOUT for a in m.action_items if a.due_date is not None]
    assert len(dated) >= 20
    undated = [a for m in HELDOUT for a in m.action_items if a.due_raw and a.due_date is None]
    assert undated, "vague deadlines ('soon') are labelled as needing a date"


def test_heldout_ids_differ_from_the_main_set() -> None:
    main = {m.id for m in load_gold()}
    assert not main & {m.id for m in HELDOUT}
    assert all(m.path.parent == HELDOUT_DIR for m in HELDOUT)
