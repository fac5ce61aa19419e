"""Full-text search: folding, ranking, snippets, and keeping the index in step."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.harness.meetings import create_meeting

from minuta.core.models import ChannelKind, Segment
from minuta.store.search import build_match_query, make_snippet


def add_meeting(store, title: str, lines: list[str], notes: str = "") -> int:
    meeting_id, _, _ = create_meeting(store, title=title, notes=notes)
    with store.db.transaction():
        channel = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "speaker")
        store.meetings.add_segments(
            meeting_id,
            channel,
            [Segment(start=10.0 * i, end=10.0 * i + 9, text=line) for i, line in enumerate(lines)],
        )
    return meeting_id


@pytest.fixture
def store(new_store):
    store, _ = new_store
    add_meeting(
        store,
        "Tilbud til Nordlys",
        [
            "Vi mødes på torsdag for at gennemgå tilbuddet.",
            "Smørrebrød til frokost efter mødet.",
        ],
        notes="Husk at sende prislisten til Søren",
    )
    add_meeting(
        store,
        "Projektpalaveri",
        [
            "Hyvää huomenta kaikille, aloitetaan palaveri.",
            "Budjetti on hyväksytty perjantaihin mennessä.",
        ],
    )
    add_meeting(store, "Susitikimas Vilniuje", ["Ačiū už susitikimą, iki pirmadienio."])
    add_meeting(
        store,
        "Quarterly review",
        [
            "The quarterly budget was approved.",
            "Budget first: the budget and the budget risks in Oslo.",
        ],
    )
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mødes", "mødes"),
        ("modes", "mødes"),  # ø typed as o
        ("MØDES", "mødes"),
        ("smorrebrod", "Smørrebrød"),
        ("hyvaa", "Hyvää"),  # Finnish without umlauts
        ("hyvää", "Hyvää"),
        ("aciu", "Ačiū"),  # Lithuanian without diacritics
        ("ačiū", "Ačiū"),
        ("perjantai", "perjantaihin"),  # prefix match
    ],
)
def test_finds_words_with_and_without_diacritics(store, query, expected):
    hits = store.search.search(query)
    assert hits, query
    top = hits[0]
    marked = [top.snippet[a:b] for a, b in top.highlights]
    assert expected in marked
    assert top.time_s is not None


def test_snippet_shows_the_original_text_and_timestamp(store):
    hit = store.search.search("gennemgå tilbuddet")[0]
    assert hit.meeting_title == "Tilbud til Nordlys"
    assert hit.snippet == "Vi mødes på torsdag for at gennemgå tilbuddet."
    assert hit.time_s == 0.0
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["gennemgå", "tilbuddet"]


def test_ranking_prefers_the_denser_match(store):
    hits = store.search.search("budget")
    texts = [h.snippet for h in hits if h.kind == "segment"]
    assert texts[0].startswith("Budget first")


def test_phrases_must_match_in_order(store):
    assert store.search.search('"budget was approved"')
    assert not store.search.search('"approved budget was"')


def test_titles_and_notes_are_searchable(store):
    kinds = {(h.kind, h.meeting_title) for h in store.search.search("soren")}
    assert ("note", "Tilbud til Nordlys") in kinds
    assert ("title", "Susitikimas Vilniuje") in {
        (h.kind, h.meeting_title) for h in store.search.search("vilniuje")
    }


def test_all_words_must_match(store):
    assert store.search.search("budget oslo")
    assert not store.search.search("budget smørrebrød")


def test_deleting_a_meeting_empties_its_index_entries(store):
    meeting_id = add_meeting(store, "Ephemeral", ["xylophone marmalade"])
    assert store.search.search("xylophone")
    with store.db.transaction():
        store.meetings.delete(meeting_id)
    assert not store.search.search("xylophone")
    assert not store.search.search("ephemeral")


def test_editing_a_segment_reindexes_it(store):
    row = store.db.query_one("SELECT id FROM segments WHERE text LIKE 'Smørrebrød%'")
    with store.db.transaction():
        store.db.execute("UPDATE segments SET text = ? WHERE id = ?", ("Rugbrød i stedet", row[0]))
    assert not store.search.search("smorrebrod")
    assert store.search.search("rugbrod")


# The store is only read here, so sharing one fixture across examples is safe.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_no_input_breaks_the_query(new_store, text):
    store, _ = new_store
    store.search.search(text)  # must never raise an FTS5 syntax error


def test_operators_are_not_passed_through():
    query = build_match_query('budget OR NOT "x" NEAR(a b) col:value *')
    assert query is not None
    assert "OR" not in query.expression and "NEAR" not in query.expression
    assert build_match_query("  !!! ") is None


def test_snippet_windows_long_text_around_the_match():
    text = (
        " ".join(f"w{i}" for i in range(100)) + " target " + " ".join(f"v{i}" for i in range(100))
    )
    snippet, marks = make_snippet(text, ("target",))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in marks] == ["target"]
    assert len(snippet.split()) <= 17
