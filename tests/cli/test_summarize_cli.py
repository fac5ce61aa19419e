"""`minuta summarize` and `minuta ask`, in real subprocesses against a real store."""

from __future__ import annotations

from tests.harness.meetings import add_transcript

LINES = [
    ("Anna Berg", "Thanks for joining, Jonas. Let's go through the pilot."),
    ("Jonas Holm", "We agreed that the pilot starts with the Oslo office."),
    ("Anna Berg", "Jonas, can you send the price list by Friday?"),
    ("Jonas Holm", "Yes, I will send the price list by Friday."),
    ("Anna Berg", "I'm worried that the integration could delay the launch."),
    ("Jonas Holm", "The budget for the pilot is forty thousand euros."),
]


def _meeting(app_paths) -> int:
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    try:
        meeting_id, _ids = add_transcript(
            store, LINES, title="Pilot planning", participants=("Anna Berg", "Jonas Holm")
        )
    finally:
        store.close()
    return meeting_id


def test_summarize_prints_the_draft_and_keeps_it(cli, app_paths):
    meeting_id = _meeting(app_paths)

    result = cli("summarize", str(meeting_id), "--backend", "builtin", "--template", "internal")

    assert result.code == 0, result.err
    assert "Drafted by the built-in summariser" in result.out
    assert "Action items" in result.out
    assert "price list" in result.out
    # The meeting was on Friday the 20th: "by Friday" said on a Friday is the next one.
    assert "due 2026-11-27 (by Friday)" in result.out
    assert "UNVERIFIED" not in result.out
    from minuta.app.session import open_app_store

    store = open_app_store(app_paths)
    try:
        stored = store.summaries.latest(meeting_id)
    finally:
        store.close()
    assert stored is not None
    assert stored.provenance.backend == "builtin"
    assert stored.provenance.template == "internal"
    assert any("price list" in item.text.lower() for item in stored.action_items)


def test_summarize_refuses_a_server_off_this_computer(cli, app_paths):
    meeting_id = _meeting(app_paths)
    result = cli(
        "summarize", str(meeting_id), "--backend", "ollama", "--server", "http://example.com:11434"
    )
    assert result.code == 1
    assert "must run on this computer" in result.err
    assert "Traceback" not in result.err


def test_summarize_explains_unknown_meetings_and_templates(cli, app_paths):
    meeting_id = _meeting(app_paths)
    missing = cli("summarize", "999", "--backend", "builtin")
    assert missing.code == 1
    assert "999" in missing.err
    assert "Traceback" not in missing.err
    wrong = cli("summarize", str(meeting_id), "--template", "board_meeting")
    assert wrong.code == 1
    assert "unknown template 'board_meeting'" in wrong.err


def test_ask_with_the_built_in_backend_cites_the_passage(cli, app_paths):
    meeting_id = _meeting(app_paths)
    result = cli("ask", str(meeting_id), "what", "is", "the", "budget?", "--backend", "builtin")
    assert result.code == 0, result.err
    assert "forty thousand euros" in result.out
    assert "[00:30]" in result.out  # the sixth line starts at 30 s
