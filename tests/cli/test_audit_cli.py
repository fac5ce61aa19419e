"""`minuta audit verify | list | left`, in real subprocesses, on a store the test edits directly."""

from __future__ import annotations

import hashlib
import re
import uuid

import pytest
from tests.harness.meetings import add_transcript

from minuta.core.audit import AuditKind

pytestmark = pytest.mark.timeout(300)

HEAD = re.compile(r"Head: ([0-9a-f]{64})$", re.MULTILINE)


def _open(app_paths):
    from minuta.app.session import open_app_store

    return open_app_store(app_paths)


@pytest.fixture
def logged(cli, app_paths) -> int:
    """A store with a meeting and a handful of audit entries; the meeting's id."""
    assert cli("init").code == 0
    store = _open(app_paths)
    try:
        meeting_id, _ = add_transcript(store, [("Siri", "We start in March.")], title="Pilot")
        for index in range(4):
            store.audit.add(AuditKind.KEEP_CHANGED, meeting_id=meeting_id, detail={"n": index})
    finally:
        store.close()
    return meeting_id


def _sql(app_paths, statement: str, params: tuple = ()) -> None:
    store = _open(app_paths)
    try:
        store.db.execute(statement, params)
    finally:
        store.close()


def test_an_intact_log_prints_its_head_and_exits_0(cli, logged, app_paths):
    result = cli("audit", "verify")
    assert result.code == 0, result.err
    match = HEAD.search(result.out)
    assert match is not None
    store = _open(app_paths)
    try:
        count, head = store.audit.verify().count, store.audit.head()
    finally:
        store.close()
    assert result.out.strip() == f"Audit log: {count} entries, intact. Head: {head}"
    assert match.group(1) == head
    # A head seen outside, in full or its first 16 digits, is found.
    assert cli("audit", "verify", "--expect", head, "--expect", head[:16]).code == 0


def test_a_changed_middle_entry_fails_verify(cli, logged, app_paths):
    _sql(app_paths, "UPDATE audit_events SET detail = '{\"n\": 99}' WHERE id = 3")
    result = cli("audit", "verify")
    assert result.code == 1
    assert "PROBLEM (changed, entry 3)" in result.out
    assert "Entry 3 was changed after it was written." in result.out
    assert HEAD.search(result.out) is not None  # the head is still reported
    assert "not intact" in result.err


def test_a_removed_entry_fails_verify(cli, logged, app_paths):
    _sql(app_paths, "DELETE FROM audit_events WHERE id = 2")
    result = cli("audit", "verify")
    assert result.code == 1
    assert "PROBLEM (missing, entry 3)" in result.out
    assert "Entry 2 is missing" in result.out


def test_a_cut_off_end_fails_against_a_head_seen_outside(cli, logged, app_paths):
    head = HEAD.search(cli("audit", "verify").out).group(1)  # type: ignore[union-attr]
    _sql(app_paths, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    assert cli("audit", "verify").code == 0  # intact inside: only a copy outside tells
    result = cli("audit", "verify", "--expect", head[:16])
    assert result.code == 1
    assert "PROBLEM (not_found, head)" in result.out and head[:16] in result.out


def test_list_shows_entries_newest_first_with_meeting_and_detail(cli, logged):
    result = cli("audit", "list", "--limit", "2", "--meeting", str(logged))
    assert result.code == 0, result.err
    lines = result.out.strip().splitlines()
    assert len(lines) == 2
    fields = lines[0].split("\t")
    assert fields[2] == AuditKind.KEEP_CHANGED.value and fields[3] == f"#{logged}"
    assert fields[4] == "n=3" and lines[1].endswith("n=2")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", fields[1])
    assert cli("audit", "list", "--limit", "0").code == 1


def test_the_recovery_key_shown_at_init_is_in_the_log(cli, logged):
    result = cli("audit", "list", "--limit", "100")
    assert AuditKind.RECOVERY_KEY_VIEWED.value in result.out
    assert "reason=created" in result.out


def test_left_lists_an_export_and_shows_its_exact_bytes(cli, logged, app_paths, tmp_path):
    assert "Nothing has left this computer" in cli("audit", "left").out
    target = tmp_path / "pilot.md"
    assert cli("export", str(logged), "--format", "md", "-o", str(target)).code == 0
    docx = tmp_path / "pilot.docx"
    assert cli("export", str(logged), "--format", "docx", "-o", str(docx)).code == 0

    listing = cli("audit", "left")
    assert listing.code == 0, listing.err
    lines = [line for line in listing.out.splitlines() if line.startswith("export-")]
    assert len(lines) == 2
    assert lines[0].startswith("export-2\t") and "\tdocx\t" in lines[0]
    md_line = lines[1].split("\t")
    assert md_line[0] == "export-1" and md_line[3] == "md" and md_line[4] == str(target.resolve())
    assert md_line[6] == f"sha256={hashlib.sha256(target.read_bytes()).hexdigest()}"

    shown = cli("audit", "left", "--show", "export-1")
    assert shown.code == 0
    assert shown.out.encode("utf-8") == target.read_bytes()
    assert cli("audit", "left", "--show", "export-9").code == 1
    assert cli("audit", "left", "--show", "nonsense").code == 1

    # The head each export carried is checked by verify without being told.
    assert cli("audit", "verify").code == 0
    _sql(app_paths, "DELETE FROM audit_events WHERE id >= 3")
    truncated = cli("audit", "verify")
    assert truncated.code == 1 and "PROBLEM (not_found, head)" in truncated.out


def test_a_push_carries_the_head_and_left_shows_its_approved_bytes(cli, app_paths, bottlecrm):
    from datetime import UTC, datetime

    from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem

    assert cli("init").code == 0
    connected = cli(
        "crm", "connect", "bottlecrm", "--url", bottlecrm.base_url, stdin=bottlecrm.token + "\n"
    )
    assert connected.code == 0, connected.err
    decision = f"Start the pilot in March, ref {uuid.uuid4().hex}"
    store = _open(app_paths)
    try:
        meeting_id, _ = add_transcript(store, [("Siri", "We start in March.")], title="Pilot")
        provenance = Provenance("builtin", "builtin-2", "p", "h", datetime.now(UTC))
        summary = MeetingSummary(
            "", (SummaryItem(ItemKind.DECISION, decision, approved=True),), None, provenance
        )
        store.summaries.save(meeting_id, summary)
        head_before = store.audit.head()
    finally:
        store.close()

    pushed = cli(
        "push", str(meeting_id), "--crm", "bottlecrm", "--target", bottlecrm.contact_email, "--yes"
    )
    assert pushed.code == 0, pushed.err
    assert f"· audit {head_before[:16]}" in pushed.out  # shown before it was approved
    notes = [
        str(r.get("body"))
        for r in bottlecrm.records()["interactions"]
        if decision in str(r.get("body"))
    ]
    assert len(notes) == 1 and notes[0].rstrip().endswith(f"· audit {head_before[:16]}")

    store = _open(app_paths)
    try:
        (push,) = store.outbox.for_meeting(meeting_id)
        assert push.audit_head == push.plan.audit_head == head_before
        plan = push.plan
    finally:
        store.close()

    listing = cli("audit", "left")
    (line,) = [row for row in listing.out.splitlines() if row.startswith("push-")]
    assert "\tbottlecrm\t" in line and "\tsent\t" in line
    assert f"sha256={plan.digest()}" in line
    shown = cli("audit", "left", "--show", f"push-{push.id}")
    assert shown.code == 0
    for request in plan.requests:
        assert request.body in shown.out.encode("utf-8")
    assert cli("audit", "verify", "--expect", head_before[:16]).code == 0
