"""The Summary tab's items model, without any widget."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from minuta.core.summary import (
    EmailDraft,
    Evidence,
    ItemKind,
    MeetingSummary,
    Provenance,
    SummaryItem,
)
from minuta.summarize.pipeline import Progress
from minuta.ui.meeting.summary.items_model import (
    EVIDENCE_ROLE,
    ITEM_ROLE,
    KIND_ROLE,
    NEEDS_DATE_ROLE,
    START_ROLE,
    VERIFIED_ROLE,
    SummaryItemsModel,
    display_order,
)
from minuta.ui.meeting.summary.texts import evidence_label, short_quote, stage_text

CHECK = Qt.ItemDataRole.CheckStateRole
SAID = Evidence((2,), "we sign the contract on Friday", verified=True, start_s=754.0, end_s=760.0)
NOT_SAID = Evidence((3,), "the price doubles", verified=False, start_s=800.0, end_s=805.0)


def summary() -> MeetingSummary:
    return MeetingSummary(
        summary="Nordlys will sign on Friday.",
        items=(
            SummaryItem(ItemKind.NEXT_STEP, "Book the kick-off", (SAID,)),
            SummaryItem(ItemKind.ACTION_ITEM, "Send the contract", (SAID,), owner="Anna"),
            SummaryItem(ItemKind.DECISION, "Sign on Friday", (SAID,), approved=True),
            SummaryItem(ItemKind.RISK, "Price may double", (NOT_SAID,)),
            SummaryItem(
                ItemKind.ACTION_ITEM, "Call Bo", (SAID,), owner="Kari", due_date=date(2026, 11, 27)
            ),
        ),
        email=EmailDraft("Thanks", "Hi,\nthanks for today."),
        provenance=Provenance("builtin", "1", "1", "abc", datetime(2026, 11, 20, 10, tzinfo=UTC)),
    )


@pytest.fixture
def model(qapp) -> SummaryItemsModel:
    return SummaryItemsModel(summary())


def test_rows_run_section_by_section(model):
    assert display_order(summary()) == [2, 1, 4, 3, 0]
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Sign on Friday",
        "Send the contract",
        "Call Bo",
        "Price may double",
        "Book the kick-off",
    ]
    assert model.rows_of(ItemKind.ACTION_ITEM) == [1, 2]
    assert model.row_of_item(0) == 4
    assert model.index(0).data(KIND_ROLE) == ItemKind.DECISION  # Qt hands a str back
    assert model.index(0).data(ITEM_ROLE) == summary().items[2]


def test_roles_say_what_the_tab_shows(model):
    decision, undated, dated, risk = (model.index(r) for r in range(4))
    assert decision.data(START_ROLE) == 754.0
    assert decision.data(VERIFIED_ROLE) is True
    assert decision.data(CHECK) == Qt.CheckState.Checked
    assert decision.data(EVIDENCE_ROLE) == "\u25b6 12:34 \u201cwe sign the contract on Friday\u201d"
    assert undated.data(NEEDS_DATE_ROLE) is True
    assert dated.data(NEEDS_DATE_ROLE) is False
    assert decision.data(NEEDS_DATE_ROLE) is False  # only action items need one
    # Unverified evidence: no moment to play, a warning to read first.
    assert risk.data(VERIFIED_ROLE) is False
    assert risk.data(START_ROLE) is None
    assert "not found in the transcript" in risk.data(Qt.ItemDataRole.ToolTipRole)
    assert decision.data(Qt.ItemDataRole.ToolTipRole) is None


def test_approving_changes_the_draft_and_says_so(qtbot, model):
    with qtbot.waitSignal(model.draft_changed) as changed:
        assert model.setData(model.index(3), Qt.CheckState.Checked, CHECK)
    draft = changed.args[0]
    assert draft.items[3].approved  # the risk, stored in the summary's own order
    assert model.summary == draft
    assert model.index(3).data(CHECK) == Qt.CheckState.Checked
    assert draft.pushable == (draft.items[2], draft.items[3])
    with qtbot.assertNotEmitted(model.draft_changed):
        assert not model.set_approved(3, True)  # already approved: nothing new to store


def test_an_edit_takes_the_approval_away(qtbot, model):
    with qtbot.waitSignal(model.draft_changed) as changed:
        assert model.edit_item(0, "  Sign  on Monday ")
    item = changed.args[0].items[2]
    assert item.text == "Sign on Monday"
    assert not item.approved
    with qtbot.assertNotEmitted(model.draft_changed):
        assert not model.edit_item(0, "Sign on Monday")  # the same: no new draft


def test_an_action_items_owner_and_date_are_edited(qtbot, model):
    with qtbot.waitSignal(model.draft_changed) as changed:
        assert model.edit_item(1, "Send the signed contract", " Bo ", date(2026, 12, 1))
    item = changed.args[0].items[1]
    assert (item.text, item.owner, item.due_date) == (
        "Send the signed contract",
        "Bo",
        date(2026, 12, 1),
    )
    assert not model.index(1).data(NEEDS_DATE_ROLE)
    assert model.edit_item(1, "Send the signed contract", None, None)
    assert model.summary.items[1].owner is None
    assert model.index(1).data(NEEDS_DATE_ROLE)
    # A decision has no owner or date to give.
    model.edit_item(0, "Sign on Friday", "Bo", date(2026, 12, 1))
    assert model.summary.items[2].owner is None
    assert model.summary.items[2].due_date is None


def test_an_item_keeps_some_text(model):
    assert not model.edit_item(0, "   ")
    assert model.summary.items[2].text == "Sign on Friday"


def test_the_email_is_part_of_the_draft(qtbot, model):
    with qtbot.waitSignal(model.draft_changed) as changed:
        assert model.set_email(EmailDraft("Thanks", "Hi,\nsee you Friday."))
    assert changed.args[0].email.body == "Hi,\nsee you Friday."
    assert not model.set_email(EmailDraft("Thanks", "Hi,\nsee you Friday."))


def test_a_stored_draft_is_shown_without_a_new_one(qtbot, model):
    with qtbot.assertNotEmitted(model.draft_changed):
        model.set_summary(None)
    assert model.rowCount() == 0
    assert model.summary is None


def test_progress_words(qapp):
    assert stage_text(Progress(0, 0, "detect")).startswith("Looking for a language model")
    assert stage_text(Progress(1, 3, "model")) == "Part 2 of 3…"
    assert stage_text(Progress(0, 1, "model")) == "Writing the summary…"
    assert stage_text(Progress(1, 1, "check")) == "Checking quotes…"


def test_long_quotes_are_shortened_at_a_word(qapp):
    quote = "and then we agreed that the contract is signed on Friday by both parties in Oslo"
    short = short_quote(quote, 40)
    assert short.endswith("…") and len(short) <= 41
    assert quote.startswith(short[:-1])
    label = evidence_label(Evidence((1,), quote, True, 3725.0, 3730.0))
    assert label.startswith("\u25b6 1:02:05 \u201c")
