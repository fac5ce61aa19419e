"""The summary services the app and the command line share, on a real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from tests.harness.meetings import add_transcript

from minuta.app import summaries
from minuta.store.settings import Setting
from minuta.summarize.backend import CancelToken

LINES = [
    ("Mette Lund", "Tak fordi du kom, Jonas. Skal vi tage tilbuddet?"),
    ("Jonas Berg", "Jeg sender det reviderede tilbud inden fredag."),
    ("Mette Lund", "Vi beslutter at starte piloten i januar."),
]


def _meeting(store) -> tuple[int, list[int]]:
    return add_transcript(
        store, LINES, title="Nordlys", language="da", participants=("Mette Lund", "Jonas Berg")
    )


def test_the_request_carries_the_meeting_people_and_template(store):
    meeting_id, ids = _meeting(store)
    with store.db.transaction():
        store.settings.set(Setting.USER_NAME, "Mette Lund")

    request = summaries.load_request(store, meeting_id, "sales_discovery")

    assert request.language == "da"
    assert request.meeting_date == date(2026, 11, 20)
    assert request.participants == ("Mette Lund", "Jonas Berg")
    assert request.user_name == "Mette Lund"
    assert request.meeting_type == "sales_discovery"
    assert [s.id for s in request.segments] == ids
    assert "crm_suggestions" in request.sections
    # An unknown template falls back to the default one rather than failing.
    assert (
        summaries.load_request(store, meeting_id, "nonsense").meeting_type == "customer_follow_up"
    )


def test_a_draft_is_kept_and_checked_again_when_the_transcript_changes(store):
    meeting_id, ids = _meeting(store)
    request = summaries.load_request(store, meeting_id)
    draft = summaries.generate(request, None, cancel=CancelToken())
    summaries.save_summary(store, meeting_id, draft)

    draft_now = summaries.latest_draft(store, meeting_id)
    assert draft_now is not None
    loaded = draft_now.summary
    assert loaded.items
    assert all(item.verified for item in loaded.items)
    assert not draft_now.transcript_changed
    (offer,) = [i for i in loaded.action_items if ids[1] in i.evidence[0].segment_ids]
    assert offer.due_date == date(2026, 11, 27)  # "inden fredag", said on Friday the 20th

    # The user corrects the line the action item quotes: its quote no longer holds.
    with store.db.transaction():
        store.meetings.edit_segment_text(ids[1], "Jonas ringer til kunden i morgen.")
    draft_later = summaries.latest_draft(store, meeting_id)
    assert draft_later is not None
    reloaded = draft_later.summary
    assert draft_later.transcript_changed
    (changed,) = [i for i in reloaded.action_items if ids[1] in i.evidence[0].segment_ids]
    assert not changed.verified
    # The stored draft itself is not rewritten by reading it.
    assert store.summaries.count(meeting_id) == 1


def test_settings_round_trip_and_refuse_a_server_off_this_computer(store):
    config = summaries.load_config(store)
    assert config.backend == "auto"
    chosen = replace(config, backend="ollama", server_url="http://127.0.0.1:11434", model="m")
    summaries.save_config(store, chosen)
    again = summaries.load_config(store)
    assert (again.backend, again.server_url, again.model) == (
        "ollama",
        "http://127.0.0.1:11434",
        "m",
    )

    with pytest.raises(ValueError, match="this computer"):
        summaries.save_config(store, replace(chosen, server_url="http://192.0.2.10:11434"))
    assert summaries.load_config(store).server_url == "http://127.0.0.1:11434"


def test_a_corrupt_backend_setting_means_automatic(store):
    with store.db.transaction():
        store.settings.set(Setting.SUMMARY_BACKEND, "telepathy")
    assert summaries.load_config(store).backend == "auto"


def test_the_builtin_choice_never_looks_for_a_server():
    assert summaries.choose_backend(summaries.SummaryConfig(backend="builtin")) is None
