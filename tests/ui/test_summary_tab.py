"""The meeting view's Summary tab over a real store on the worker, with real encrypted audio."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import parse_qs

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from tests.harness.meeting_audio import LINES, add_meeting_with_audio
from tests.summarize.llm_server import FakeLLMServer
from ui_support import create_store, on_worker, open_directly, open_on_worker

from minuta.core.models import Segment
from minuta.core.summary import (
    EmailDraft,
    Evidence,
    ItemKind,
    MeetingSummary,
    Provenance,
    SummaryItem,
)
from minuta.store.settings import Setting
from minuta.summarize.evidence import transcript_hash
from minuta.ui.meeting.summary.item_editor import ItemEditor
from minuta.ui.meeting.view import MeetingView

pytestmark = pytest.mark.gui

CONTRACT_S = LINES[1][1]  # "Then we sign the purple elephant contract." (6.0 s)
THANKS_S = LINES[2][1]  # "Tak for i dag." (9.5 s)
HREF = re.compile(r'href="([^"]+)"')


def stored_summary(lines: list[Segment]) -> MeetingSummary:
    """A draft as the pipeline stores one: times from the lines, their hash recorded."""
    at = {line.start: line for line in lines}
    ids = {start: line.id for start, line in at.items()}
    contract, first = at[CONTRACT_S], at[LINES[0][1]]
    said = Evidence(
        (contract.id,),
        "we sign the purple elephant contract",
        verified=True,
        start_s=contract.start,
        end_s=contract.end,
    )
    not_said = Evidence(
        (first.id,), "the price doubles", verified=False, start_s=first.start, end_s=first.end
    )
    return MeetingSummary(
        summary="Nordlys will sign the contract.",
        items=(
            SummaryItem(ItemKind.DECISION, "Sign the purple elephant contract", (said,)),
            SummaryItem(ItemKind.ACTION_ITEM, "Send the contract", (said,), owner="Anna"),
            SummaryItem(ItemKind.RISK, "The price may double", (not_said,)),
        ),
        email=EmailDraft("Thanks & next steps", "Hi Kari,\n\nthanks for today: 100% agreed?"),
        provenance=Provenance(
            "builtin",
            "builtin-1",
            "1",
            transcript_hash(line for line in lines if line.text.strip()),
            datetime(2026, 11, 20, 10, tzinfo=UTC),
            template="customer_follow_up",
        ),
        flagged_topics=("health",),
        flagged_segment_ids=(ids[THANKS_S],),
    )


@pytest.fixture
def meeting_worker(qtbot, worker, app_paths):
    """The worker with a store open on it, holding one meeting with audio and a summary."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        meeting_id = add_meeting_with_audio(store)
        lines = store.meetings.segments(meeting_id)
        with store.db.transaction():
            store.summaries.save(meeting_id, stored_summary(lines))
    finally:
        store.close()
    return open_on_worker(qtbot, worker, app_paths), meeting_id


def latest(qtbot, view):
    return on_worker(qtbot, view._worker, lambda store: store.summaries.latest(view.meeting_id))


def drafts(qtbot, view) -> int:
    return on_worker(qtbot, view._worker, lambda store: store.summaries.count(view.meeting_id))


@pytest.fixture
def view(qtbot, meeting_worker, settings):
    worker, meeting_id = meeting_worker
    view = MeetingView(worker, meeting_id, settings)
    qtbot.addWidget(view)
    with qtbot.waitSignals(
        [view.loaded, view.audio_loaded, view.summary_tab.loaded], timeout=10_000
    ):
        view.resize(1200, 800)
        view.show()
    view.side_tabs.setCurrentWidget(view.summary_tab)
    yield view
    view.shutdown()


def follow(label, index: int = 0) -> None:
    """Activate a link of ``label``, as a click on it does."""
    hrefs = HREF.findall(label.text())
    label.linkActivated.emit(hrefs[index])


def edit(qtbot, view, row: int, text: str, owner: str | None = None, due=None) -> None:
    tab = view.summary_tab
    qtbot.mouseClick(tab.items_view.card(row).edit_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert isinstance(editor, ItemEditor) and editor.isVisible()
    editor.text_field.setPlainText(text)
    if owner is not None:
        editor.owner_field.setText(owner)
    if due is not None:
        editor.set_due_date(due)
    with qtbot.waitSignal(tab.draft_saved):
        qtbot.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert tab.editor is None


def test_the_stored_draft_is_shown(view):
    tab = view.summary_tab
    assert tab.summary_label.text() == "Nordlys will sign the contract."
    assert tab.template_key == "customer_follow_up"
    assert tab.generate_button.text() == "&Regenerate"
    cards = tab.items_view.cards
    assert [card.text_label.text() for card in cards] == [
        "Sign the purple elephant contract",
        "Send the contract",
        "The price may double",
    ]
    decision, action, risk = cards
    assert "00:06" in decision.evidence_label.text()
    assert "purple elephant" in decision.evidence_label.text()
    assert not decision.unverified_badge.isVisible()
    assert action.meta_label.text() == "Owner: Anna"
    assert action.needs_date_badge.isVisible()
    assert risk.unverified_badge.isVisible()
    assert "not found in the transcript" in risk.unverified_badge.toolTip()
    assert not risk.evidence_label.isVisible()  # nothing checked out to play
    assert tab.flagged_label.text().startswith("Left out of the summary: health (1 line)")
    assert tab.provenance_label.text().startswith(
        "Drafted by the built-in summariser · Customer follow-up · "
    )
    assert tab.email_box.subject_field.text() == "Thanks & next steps"


def test_edit_follow_and_approve_an_item(qtbot, view):
    tab = view.summary_tab
    before = drafts(qtbot, view)

    # Edit the action item's text and owner: a new draft holds it.
    edit(qtbot, view, 1, "Send the signed contract", owner="Bo", due=date(2026, 11, 27))
    stored = latest(qtbot, view)
    assert drafts(qtbot, view) == before + 1
    action = stored.action_items[0]
    assert (action.text, action.owner, action.due_date) == (
        "Send the signed contract",
        "Bo",
        date(2026, 11, 27),
    )
    card = tab.items_view.card(1)
    assert card.text_label.text() == "Send the signed contract"
    assert not card.needs_date_badge.isVisible()
    assert "Owner: Bo" in card.meta_label.text()

    # Its evidence link plays the moment it was said.
    view.player.seek(0.0)
    follow(card.evidence_label)
    assert view.player.position_s == pytest.approx(CONTRACT_S, abs=0.3)
    assert view.player.playing
    assert view.transcript.selected_row() == 1
    view.player.pause()

    # Approve it.
    with qtbot.waitSignal(tab.draft_saved):
        qtbot.mouseClick(card.approve_box, Qt.MouseButton.LeftButton)
    assert latest(qtbot, view).action_items[0].approved

    # Any edit needs a new approval.
    edit(qtbot, view, 1, "Send the signed contract today")
    stored = latest(qtbot, view)
    assert stored.action_items[0].text == "Send the signed contract today"
    assert not stored.action_items[0].approved
    assert not tab.items_view.card(1).approve_box.isChecked()
    assert drafts(qtbot, view) == before + 3


def test_a_flagged_line_plays_from_the_notice(qtbot, view):
    follow(view.summary_tab.flagged_label)
    assert view.player.position_s == pytest.approx(THANKS_S, abs=0.3)


def test_the_email_opens_in_the_mail_app_encoded(qtbot, view):
    class MailApp(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open_mail(self, url: QUrl) -> None:
            self.urls.append(QUrl(url))

    mail_app = MailApp()
    QDesktopServices.setUrlHandler("mailto", mail_app, "open_mail")
    try:
        box = view.summary_tab.email_box
        with qtbot.waitSignal(box.opened):
            qtbot.mouseClick(box.mail_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    [url] = mail_app.urls
    encoded = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert encoded.startswith("mailto:?subject=Thanks%20%26%20next%20steps&body=")
    query = parse_qs(url.query(QUrl.ComponentFormattingOption.FullyEncoded))
    assert query == {
        "subject": ["Thanks & next steps"],
        "body": ["Hi Kari,\r\n\r\nthanks for today: 100% agreed?"],
    }
    assert url.path() == ""  # no recipients: the user picks them

    qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Thanks & next steps\n\nHi Kari,")


def test_an_edited_email_is_kept(qtbot, view):
    tab = view.summary_tab
    with qtbot.waitSignal(tab.draft_saved, timeout=5_000):
        tab.email_box.body_field.setPlainText("Hi Kari,\n\nsee you on Thursday.")
        # Saved after a short pause in typing.
    assert latest(qtbot, view).email == EmailDraft(
        "Thanks & next steps", "Hi Kari,\n\nsee you on Thursday."
    )


def use_builtin(qtbot, view) -> None:
    def write(store):
        store.settings.set(Setting.SUMMARY_BACKEND, "builtin")

    on_worker(qtbot, view._worker, write)


def test_generate_with_the_built_in_summariser(qtbot, view):
    use_builtin(qtbot, view)
    tab = view.summary_tab
    before = drafts(qtbot, view)
    tab.set_template("project_status")
    seen: list[str] = []
    tab.status_changed.connect(seen.append)
    with qtbot.waitSignal(tab.generated, timeout=60_000):
        qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
        assert tab.busy and tab.cancel_button.isVisible()
        assert not tab.generate_button.isEnabled()
        assert not tab.draft.isEnabled()  # the old draft is not edited meanwhile
    assert not tab.busy and not tab.cancel_button.isVisible()
    assert tab.draft.isEnabled()
    assert seen[0] == "Getting the transcript ready…"
    assert seen[-2:] == ["Saving the draft…", ""]
    assert drafts(qtbot, view) == before + 1
    stored = latest(qtbot, view)
    assert stored.provenance.backend == "builtin"
    assert stored.provenance.template == "project_status"
    assert tab.model.summary == stored
    assert tab.provenance_label.text().startswith(
        "Drafted by the built-in summariser · Project status meeting · "
    )
    assert "crm_suggestion" not in {item.kind.value for item in stored.items}


def test_cancel_keeps_the_earlier_draft(qtbot, view):
    use_builtin(qtbot, view)
    tab = view.summary_tab
    before = drafts(qtbot, view)
    shown = tab.model.summary
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert tab.cancel_button.isVisible()
    with qtbot.waitSignal(tab.generation_stopped) as stopped:
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert stopped.args == ["Stopped. The earlier draft is kept."]
    assert tab.message_label.text() == "Stopped. The earlier draft is kept."
    assert not tab.busy and tab.generate_button.isEnabled()
    assert tab.draft.isEnabled() and tab.model.summary == shown
    assert len(tab.items_view.cards) == 3
    # Nothing was stored, then or later (the worker answers in order).
    assert drafts(qtbot, view) == before
    assert latest(qtbot, view) == shown


def test_ask_this_meeting_with_the_built_in_way(qtbot, view):
    use_builtin(qtbot, view)
    panel = view.summary_tab.ask_panel
    panel.question_field.setText("When do we sign the purple elephant contract?")
    with qtbot.waitSignal(panel.answered, timeout=30_000) as answered:
        qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    best = answered.args[0].citations[0]
    assert "purple elephant" in best.quote
    assert panel.answer_label.isVisible()
    assert "purple elephant" in panel.citations_label.text()
    # The passage around the line that answers, from its start.
    assert best.start_s <= CONTRACT_S < best.end_s
    view.player.seek(11.5)
    follow(panel.citations_label)
    assert view.player.position_s == pytest.approx(best.start_s, abs=0.3)
    assert view.player.playing


def use_ollama(qtbot, view, server: FakeLLMServer) -> None:
    def write(store):
        store.settings.set(Setting.SUMMARY_BACKEND, "ollama")
        store.settings.set(Setting.SUMMARY_SERVER_URL, server.url)

    on_worker(qtbot, view._worker, write)


def test_cancel_while_a_language_model_works(qtbot, view):
    """A local Ollama that takes its time: Cancel gives the earlier draft back at once."""
    server = FakeLLMServer("ollama").start()
    try:
        server.answer(stall=True)
        use_ollama(qtbot, view, server)
        tab = view.summary_tab
        before = drafts(qtbot, view)
        shown = tab.model.summary
        qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(server.stalled.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: tab.status_label.text() == "Writing the summary…")
        assert tab.progress_bar.isVisible()
        with qtbot.waitSignal(tab.generation_stopped):
            qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        assert tab.message_label.text() == "Stopped. The earlier draft is kept."
        assert tab.generate_button.isEnabled() and tab.draft.isEnabled()
        assert tab.model.summary == shown
    finally:
        server.stop()
    assert server.problems == []
    assert [r.path for r in server.chats()] == ["/api/chat"]
    assert drafts(qtbot, view) == before


def test_a_question_can_be_stopped(qtbot, view):
    server = FakeLLMServer("ollama", expect_schema=False).start()
    try:
        server.answer(stall=True)
        use_ollama(qtbot, view, server)
        panel = view.summary_tab.ask_panel
        panel.question_field.setText("What did we agree?")
        qtbot.keyClick(panel.question_field, Qt.Key.Key_Return)
        assert panel.busy and panel.stop_button.isVisible()
        assert panel.question_field.isReadOnly()
        qtbot.waitUntil(server.stalled.is_set, timeout=10_000)
        with qtbot.waitSignal(panel.failed) as failed:
            qtbot.keyClick(panel.question_field, Qt.Key.Key_Escape)
        assert failed.args == ["Stopped."]
        assert not panel.busy and panel.ask_button.isVisible()
        assert not panel.answer_label.isVisible()
    finally:
        server.stop()
    assert server.problems == []
