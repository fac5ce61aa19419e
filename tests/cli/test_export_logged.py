"""`minuta export` writes the consent and audit head into the file and logs the exact bytes."""

from __future__ import annotations

import json

from tests.harness.meetings import add_transcript

from minuta.app.consent import consent_record
from minuta.app.session import init_store, open_app_store
from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentMethod
from minuta.core.models import Consent


def test_an_export_is_logged_with_the_bytes_written(cli, app_paths, tmp_path):
    store, _ = init_store(app_paths)
    try:
        meeting_id, _lines = add_transcript(
            store, [("Kari", "We sign on Monday.")], title="Nordlys"
        )
        store.consent.save(
            meeting_id,
            consent_record(Consent.INFORMED, method=ConsentMethod.CHAT, informed=["Kari Nordmann"]),
        )
    finally:
        store.close()

    target = tmp_path / "nordlys.json"
    written = cli("export", str(meeting_id), "--format", "json", "-o", str(target))
    assert written.code == 0, written.err
    printed = cli("export", str(meeting_id), "--format", "md")
    assert printed.code == 0, printed.err
    assert "- Consent: everyone informed and agreed — posted in the call's chat" in printed.out
    assert "Audit log head: " in printed.out.splitlines()[-1]

    document = json.loads(target.read_bytes())
    head = document["audit_head"]
    assert document["consent"]["informed"] == ["Kari Nordmann"]

    store = open_app_store(app_paths)
    try:
        newest, first = store.exports.list()
        assert store.exports.get(first.id).payload == target.read_bytes()
        assert first.destination == str(target.resolve())
        assert store.exports.get(newest.id).payload == printed.out.encode()
        assert newest.destination == "stdout"
        events = store.audit.events(kinds=[AuditKind.MEETING_EXPORTED])
        assert [e.detail["sha256"] for e in events] == [newest.digest, first.digest]
        assert store.audit.verify(expected_heads=[head]).ok
    finally:
        store.close()

    # A file that is already there is refused before anything is logged.
    again = cli("export", str(meeting_id), "--format", "json", "-o", str(target))
    assert again.code == 1 and "already exists" in again.err
    store = open_app_store(app_paths)
    try:
        assert len(store.exports.list()) == 2
    finally:
        store.close()
