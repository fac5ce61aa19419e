"""Searching from the main window, over a real store with real transcripts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from tests.harness.meetings import create_meeting
from ui_support import create_store

from minuta.app.session import open_app_store
from minuta.core.models import ChannelKind, SearchHit, Segment
from minuta.ui.main_window import MainWindow
from minuta.ui.search import SearchController, SearchResultsModel, snippet_html
from minuta.ui.search.model import POSITION_ROLE, SNIPPET_HTML_ROLE, TITLE_ROLE, WHEN_ROLE

pytestmark = pytest.mark.gui


def add_transcribed(store, title: str, lines: list[str], notes: str = "") -> int:
    meeting_id, _, _ = create_meeting(store, title=title, notes=notes)
    with store.db.transaction():
        channel = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "speaker")
        store.meetings.add_segments(
            meeting_id,
            channel,
            [Segment(start=65.0 * i, end=65.0 * i + 9, text=line) for i, line in enumerate(lines)],
        )
    return meeting_id


@pytest.fixture
def meetings(qtbot, worker, app_paths) -> dict[str, int]:
    """A store with three transcribed meetings, open on the worker."""
    create_store(app_paths)
    ids: dict[str, int] = {}
    done: list[object] = []

    def open_and_fill():
        store = open_app_store(app_paths)
        ids["nordlys"] = add_transcribed(
            store,
            "Tilbud til Nordlys",
            ["Vi mødes på torsdag.", "Prisen på licenserne og budgettet for næste år."],
        )
        ids["review"] = add_transcribed(
            store,
            "Quarterly review",
            ["Welcome everyone.", "The budget <b>is</b> approved & signed.", "Thanks."],
        )
        ids["notes"] = add_transcribed(
            store, "Kickoff", ["Hello there."], notes="Send the budget draft on Friday"
        )
        return store, "open"

    worker.open(open_and_fill, done.append, done.append)
    qtbot.waitUntil(lambda: done == ["open"])
    return ids


@pytest.fixture
def window(qtbot, worker, meetings, settings) -> MainWindow:
    main = MainWindow(worker, "keyring (test)", settings=settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.meetings_loaded):
        main.show()
    return main


def search_for(qtbot, window: MainWindow, text: str) -> None:
    window.focus_search()
    with qtbot.waitSignal(window.search.results_ready, check_params_cb=lambda q: q == text):
        qtbot.keyClicks(window.search_field, text)


def test_typing_a_word_shows_its_hits_with_snippets(qtbot, window, meetings):
    search_for(qtbot, window, "budget")
    assert window.pages.currentWidget() is window.search_page
    model = window.search.model
    titles = {model.index(r, 0).data(TITLE_ROLE) for r in range(model.rowCount())}
    assert {"Quarterly review", "Kickoff"} <= titles
    assert window.search_page.status_label.text().endswith("matches")

    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(TITLE_ROLE) == "Quarterly review"
    )
    index = model.index(row, 0)
    # The matched word is bold; what the person said is never read as markup.
    assert index.data(SNIPPET_HTML_ROLE) == (
        "The <b>budget</b> &lt;b&gt;is&lt;/b&gt; approved &amp; signed."
    )
    assert index.data(POSITION_ROLE) == "at 01:05"
    notes_row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(TITLE_ROLE) == "Kickoff"
    )
    assert model.index(notes_row, 0).data(POSITION_ROLE) == "in the notes"


def test_folded_search_finds_nordic_words(qtbot, window, meetings):
    search_for(qtbot, window, "modes")
    hits = window.search.model.hits
    assert [hit.meeting_id for hit in hits] == [meetings["nordlys"]]
    assert snippet_html(hits[0].snippet, hits[0].highlights) == "Vi <b>mødes</b> på torsdag."


def test_enter_opens_the_hit_at_its_time(qtbot, window, meetings):
    search_for(qtbot, window, "approved")
    assert window.search.model.rowCount() == 1
    with qtbot.waitSignal(window.search_hit_opened) as opened:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert opened.args == [meetings["review"], 65.0]


def test_down_then_enter_opens_the_chosen_hit(qtbot, window, meetings):
    search_for(qtbot, window, "budget")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    view = window.search_page.view
    qtbot.waitUntil(view.hasFocus)
    model = window.search.model
    last = model.rowCount() - 1
    view.setCurrentIndex(model.index(last, 0))
    hit = model.hit_at(last)
    with qtbot.waitSignal(window.search_hit_opened) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [hit.meeting_id, hit.time_s]


def test_a_title_hit_opens_without_a_time(qtbot, window, meetings):
    search_for(qtbot, window, "kickoff")
    with qtbot.waitSignal(window.search_hit_opened) as opened:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert opened.args == [meetings["notes"], None]


def test_no_matches_says_so_and_escape_goes_back_to_the_list(qtbot, window):
    search_for(qtbot, window, "zebra")
    assert window.search.model.rowCount() == 0
    assert window.search_page.status_label.text() == "No matches for “zebra”."
    with qtbot.waitSignal(window.search.results_ready, check_params_cb=lambda q: q == ""):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.pages.currentWidget() is window.table


def test_only_the_latest_query_is_shown(qtbot, worker, meetings):
    controller = SearchController(worker, delay_ms=0)
    shown: list[str] = []
    controller.results_ready.connect(shown.append)
    controller.set_query("thanks")
    controller.refresh()  # goes to the store now
    with qtbot.waitSignal(controller.results_ready, check_params_cb=lambda q: q == "welcome"):
        controller.set_query("welcome")  # typed while "thanks" is in flight
    assert shown == ["welcome"]
    assert controller.model.query == "welcome"
    assert [h.meeting_id for h in controller.model.hits] == [meetings["review"]]


def test_search_without_a_store_says_it_failed(qtbot, worker):
    controller = SearchController(worker, delay_ms=0)
    with qtbot.waitSignal(controller.failed) as failed:
        controller.set_query("budget")
    assert "could not search" in failed.args[0]


def test_results_model_without_widgets(qtmodeltester):
    hit = SearchHit(
        meeting_id=7,
        meeting_title="",
        started_at=datetime(2025, 11, 20, 9, 0, tzinfo=UTC),
        kind="segment",
        time_s=3725.0,
        snippet="…vi mødes på torsdag",
        highlights=((4, 9),),
        score=-1.0,
    )
    today = datetime(2025, 11, 20, 9, 0, tzinfo=UTC).astimezone().date()
    model = SearchResultsModel(today=lambda: today)
    model.set_results("modes", [hit])
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert index.data() == "…vi mødes på torsdag"
    assert index.data(TITLE_ROLE) == "Untitled meeting"
    assert index.data(POSITION_ROLE) == "at 1:02:05"
    assert str(index.data(WHEN_ROLE)).startswith("Today ")
    assert index.data(SNIPPET_HTML_ROLE) == "…vi <b>mødes</b> på torsdag"
    model.clear()
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    ("snippet", "spans", "html"),
    [
        ("a b c", ((0, 1), (4, 5)), "<b>a</b> b <b>c</b>"),
        ("overlap", ((0, 4), (2, 7)), "<b>over</b><b>lap</b>"),
        ("out of range", ((7, 99),), "out of <b>range</b>"),
        ("<x>", (), "&lt;x&gt;"),
    ],
)
def test_snippet_html(snippet, spans, html):
    assert snippet_html(snippet, spans) == html
