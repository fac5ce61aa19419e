"""`minuta crm` and `minuta push`, in real subprocesses, against a real BottleCRM server."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from tests.harness.meetings import add_transcript

from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem

pytestmark = pytest.mark.timeout(300)

DECISION = "Start the pilot in March"
WEB_APP = "https://crm.nordlys.example"  # the web app's address, for links
LINES = [
    ("Siri Selger", "Thanks for joining, Kari. Let's plan the pilot."),
    ("Kari Nordmann", "We start the pilot in March."),
    ("Siri Selger", "Ola will send the order form by Friday."),
    ("Kari Nordmann", "Call me on +47 912 34 567 if anything is unclear."),
]


def _meeting(app_paths, *, with_phone: bool = False, decision: str = DECISION) -> int:
    from minuta.app.session import open_app_store

    store = open_app_store(app_paths)
    try:
        meeting_id, _ids = add_transcript(
            store,
            LINES,
            title="Nordlys pilot",
            participants=("Siri Selger", "Kari Nordmann <kari.nordmann@example.no>"),
        )
        items = [
            SummaryItem(ItemKind.DECISION, decision, approved=True),
            SummaryItem(ItemKind.ACTION_ITEM, "Send the order form", owner="Ola", approved=True),
            SummaryItem(ItemKind.RISK, "Budget not confirmed yet"),  # not approved: stays
        ]
        if with_phone:
            items.append(
                SummaryItem(ItemKind.NEXT_STEP, "Call Kari on +47 912 34 567", approved=True)
            )
        provenance = Provenance("builtin", "builtin-2", "p", "h", datetime.now(UTC))
        store.summaries.save(
            meeting_id, MeetingSummary("Nordlys wants a pilot.", tuple(items), None, provenance)
        )
    finally:
        store.close()
    return meeting_id


@pytest.fixture
def connected(cli, bottlecrm):
    assert cli("init").code == 0
    result = cli(
        "crm",
        "connect",
        "bottlecrm",
        "--url",
        bottlecrm.base_url,
        "--web-url",
        WEB_APP,
        stdin=bottlecrm.token + "\n",
    )
    assert result.code == 0, result.err
    assert "Connected BottleCRM" in result.out
    return bottlecrm


def _count(bottlecrm, text: str) -> int:
    records = bottlecrm.records()
    rows = [*records["interactions"], *records["tasks"]]
    return sum(1 for r in rows if text in str(r.get("body") or r.get("description") or ""))


def test_connect_stores_the_token_in_the_keyring_not_the_store(cli, connected, app_paths):
    listed = cli("crm", "list")
    assert listed.code == 0
    assert f"bottlecrm\tbottlecrm\t{connected.base_url}" in listed.out
    from minuta.app import crm_connections

    assert crm_connections.vault().load_api_token("bottlecrm") == connected.token
    raw = b"".join(p.read_bytes() for p in app_paths.data_dir.rglob("*") if p.is_file())
    assert connected.token.encode() not in raw


def test_a_script_cannot_push_without_saying_yes(cli, connected, app_paths):
    # The server is shared by the session: a decision no other test sends.
    decision = f"Start the pilot in March, ref {uuid.uuid4().hex}"
    meeting_id = _meeting(app_paths, decision=decision)
    result = cli("push", str(meeting_id), "--crm", "bottlecrm", "--target", connected.contact_email)
    assert result.code == 1
    assert "nothing was sent" in result.err
    # The payload was shown, exactly, before the refusal.
    assert "POST " + connected.base_url + "/api/interactions/" in result.out
    assert decision in result.out
    assert "Budget not confirmed" not in result.out
    assert _count(connected, decision) == 0


def test_push_with_yes_sends_once_and_the_meeting_shows_it(cli, connected, app_paths):
    decision = f"Start the pilot in March, ref {uuid.uuid4().hex}"
    meeting_id = _meeting(app_paths, decision=decision)
    result = cli(
        "push",
        str(meeting_id),
        "--crm",
        "bottlecrm",
        "--target",
        connected.contact_email,
        "--yes",
    )
    assert result.code == 0, result.err
    assert "Sent (push 1)" in result.out
    assert f"{WEB_APP}/contacts/{connected.contact_id}" in result.out
    assert _count(connected, decision) == 1
    shown = cli("show", str(meeting_id))
    assert "Pushed to bottlecrm on " in shown.out
    outbox = cli("crm", "outbox")
    assert f"meeting {meeting_id}\tbottlecrm\tsent" in outbox.out


def test_personal_data_must_be_redacted_or_kept_explicitly(cli, connected, app_paths):
    meeting_id = _meeting(app_paths, with_phone=True)
    base = ["push", str(meeting_id), "--crm", "bottlecrm", "--target", connected.contact_email]

    refused = cli(*base, "--yes")
    assert refused.code == 1
    assert "phone" in refused.err and "+47 912 34 567" in refused.err
    assert "pass --redact" in refused.err

    sent = cli(*base, "--yes", "--redact")
    assert sent.code == 0, sent.err
    assert "+47 912 34 567" not in sent.out and "[redacted]" in sent.out
    assert "Call Kari on [redacted]" in sent.out
    assert _count(connected, "912 34 567") == 0
