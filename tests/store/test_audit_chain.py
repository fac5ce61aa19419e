"""The audit log's hash chain: tampering with the store directly is found.

Every test edits the encrypted database itself through SQL, as someone with the
key could, and checks what :meth:`AuditLog.verify` reports.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest

from minuta.core.audit import (
    GENESIS_HASH,
    AuditEvent,
    AuditKind,
    ProblemKind,
    chain_hash,
    short_hash,
)
from minuta.store.audit import AuditLog
from minuta.store.database import Database
from minuta.store.migrations import MIGRATIONS, migrate


@pytest.fixture
def store(new_store):
    return new_store[0]


def _fill(store, count: int = 6) -> list[int]:
    ids = []
    for index in range(count):
        ids.append(
            store.audit.add(
                AuditKind.PUSH_APPROVED if index % 2 else AuditKind.SETTING_CHANGED,
                meeting_id=index + 1 if index % 2 else None,
                detail={"n": index, "setting": "user/name"},
            )
        )
    return ids


def _kinds(store) -> list[tuple[ProblemKind, int | None]]:
    return [(p.kind, p.event_id) for p in store.audit.verify().problems]


def test_an_untouched_log_is_intact_and_its_head_is_the_last_hash(store):
    assert store.audit.head() == GENESIS_HASH
    assert store.audit.verify().ok and store.audit.verify().count == 0
    ids = _fill(store)
    result = store.audit.verify()
    assert result.ok and result.count == len(ids)
    last = store.db.query_one("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")[0]
    assert result.head == last == store.audit.head()
    assert len(result.head) == 64 and short_hash(result.head) == result.head[:16]
    # Every head the chain ever had is accepted as seen outside, in full or its 16-digit form.
    middle = store.db.query_one("SELECT hash FROM audit_events WHERE id = 3")[0]
    assert store.audit.verify([middle, short_hash(middle), result.head]).ok


def test_the_hash_is_the_documented_canonical_json(store):
    """Recomputed here with hashlib and json only, as an outside auditor would."""
    _fill(store, 3)
    rows = store.db.query_all(
        "SELECT id, at, kind, meeting_id, detail, prev_hash, hash FROM audit_events ORDER BY id"
    )
    prev = "0" * 64
    for row in rows:
        body = {
            "prev": prev,
            "id": row["id"],
            "at": row["at"],
            "kind": row["kind"],
            "meeting_id": row["meeting_id"],
            "detail": json.loads(row["detail"]),
        }
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == row["hash"]
        assert row["prev_hash"] == prev
        prev = row["hash"]


def test_details_hash_as_they_read_back(store):
    """A tuple, an enum member or a non-ASCII name are hashed as the JSON they are stored as."""
    store.audit.record(
        AuditEvent(
            datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
            AuditKind.MEETING_EXPORTED,
            meeting_id=4,
            detail={"format": AuditKind.MEETING_EXPORTED, "ids": ("a", "b"), "crm": "Søren"},  # type: ignore[dict-item]
        )
    )
    assert store.audit.verify().ok
    (event,) = store.audit.events()
    assert event.detail == {"format": "meeting.exported", "ids": ["a", "b"], "crm": "Søren"}
    assert event.at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("detail", '{"n": 99, "setting": "user/name"}'),
        ("kind", AuditKind.MEETING_DELETED.value),
        ("at", "2020-01-01T00:00:00+00:00"),
        ("meeting_id", 42),
        ("detail", "not json"),
    ],
)
def test_an_edited_middle_entry_is_reported_as_changed(store, column, value):
    _fill(store)
    head = store.audit.head()
    store.db.execute(f"UPDATE audit_events SET {column} = ? WHERE id = 3", (value,))
    result = store.audit.verify([head])
    assert [(p.kind, p.event_id) for p in result.problems] == [(ProblemKind.CHANGED, 3)]
    assert not result.ok and result.head == head
    assert "3" in result.problems[0].message
    # The list still shows the edited log (the view must not break on it).
    assert len(store.audit.events()) == 6


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(store):
    """Rewriting an entry and its own hash still leaves the next entry pointing at the old one."""
    _fill(store)
    row = store.db.query_one("SELECT * FROM audit_events WHERE id = 3")
    forged = chain_hash(
        row["prev_hash"],
        event_id=3,
        at=row["at"],
        kind=row["kind"],
        meeting_id=row["meeting_id"],
        detail={"n": 99},
    )
    store.db.execute(
        "UPDATE audit_events SET detail = ?, hash = ? WHERE id = 3", ('{"n": 99}', forged)
    )
    assert _kinds(store) == [(ProblemKind.MISSING, 4)]


def test_a_removed_middle_entry_is_reported_as_missing(store):
    _fill(store)
    store.db.execute("DELETE FROM audit_events WHERE id = 3")
    result = store.audit.verify()
    assert [(p.kind, p.event_id) for p in result.problems] == [(ProblemKind.MISSING, 4)]
    assert "Entry 3 is missing" in result.problems[0].message
    assert result.count == 5


def test_removing_the_first_entries_is_reported(store):
    _fill(store)
    store.db.execute("DELETE FROM audit_events WHERE id <= 2")
    assert _kinds(store) == [(ProblemKind.MISSING, 3)]
    assert "1–2" in store.audit.verify().problems[0].message


def test_relinking_over_a_removed_entry_is_detected(store):
    """Delete an entry and point the next one at the entry before, without its hash."""
    _fill(store)
    before = store.db.query_one("SELECT hash FROM audit_events WHERE id = 2")[0]
    store.db.execute("DELETE FROM audit_events WHERE id = 3")
    store.db.execute("UPDATE audit_events SET prev_hash = ? WHERE id = 4", (before,))
    assert (ProblemKind.CHANGED, 4) in _kinds(store)
    # Renumbering the rest to close the gap only moves the break.
    store.db.execute("UPDATE audit_events SET id = id - 1 WHERE id >= 4")
    problems = _kinds(store)
    assert problems and problems[0] == (ProblemKind.CHANGED, 3)


def test_truncation_is_intact_inside_but_not_against_a_head_seen_outside(store):
    _fill(store)
    head = store.audit.head()  # as carried by an export or a push
    store.db.execute("DELETE FROM audit_events WHERE id >= 5")
    inside = store.audit.verify()
    assert inside.ok and inside.count == 4 and inside.head != head
    outside = store.audit.verify(expected_heads=[head])
    assert [(p.kind, p.event_id) for p in outside.problems] == [(ProblemKind.NOT_FOUND, None)]
    assert head in outside.problems[0].message
    short = store.audit.verify(expected_heads=[short_hash(head)])
    assert [p.kind for p in short.problems] == [ProblemKind.NOT_FOUND]


def test_a_blank_hash_among_hashed_ones_is_reported_not_repaired(store, app_paths, keyring_backend):
    from minuta.store.store import open_store

    _fill(store)
    store.db.execute("UPDATE audit_events SET hash = NULL WHERE id = 3")
    assert _kinds(store) == [(ProblemKind.UNCHAINED, 3)]
    store.close()
    reopened = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        assert reopened.audit.chain_unchained() == 0
        assert reopened.db.query_one("SELECT hash FROM audit_events WHERE id = 3")[0] is None
        assert _kinds(reopened) == [(ProblemKind.UNCHAINED, 3)]
    finally:
        reopened.close()


def test_an_entry_added_outside_minuta_is_reported(store):
    _fill(store, 3)
    store.db.execute(
        "INSERT INTO audit_events (id, at, kind, meeting_id, detail) VALUES (4, ?, ?, NULL, '{}')",
        (datetime.now(UTC).isoformat(), AuditKind.RETENTION_RUN.value),
    )
    assert _kinds(store) == [(ProblemKind.UNCHAINED, 4)]


def test_a_log_from_before_the_chain_is_chained_once_when_the_store_opens(
    store, app_paths, keyring_backend
):
    """A store whose events have no hashes (as every v5 store's) is chained at open."""
    from minuta.store.store import open_store

    _fill(store)
    store.db.execute("UPDATE audit_events SET hash = NULL, prev_hash = NULL")
    store.close()
    reopened = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        result = reopened.audit.verify()
        assert result.ok and result.count == 6
        assert reopened.audit.chain_unchained() == 0  # once only
        reopened.audit.add(AuditKind.RETENTION_RUN)
        assert reopened.audit.verify().ok and reopened.audit.verify().count == 7
    finally:
        reopened.close()


def test_a_v5_database_is_migrated_and_chained(tmp_path):
    """The same steps the store runs at open, on a real schema-5 database with events."""
    db = Database.open(tmp_path / "v5.db", bytes(range(32)), expected_salt=None)
    try:
        for version, script in enumerate(MIGRATIONS[:5], start=1):
            db.executescript_in_transaction(f"{script}\nPRAGMA user_version = {version};")
        for index in range(3):
            db.execute(
                "INSERT INTO audit_events (at, kind, meeting_id, detail) VALUES (?, ?, ?, ?)",
                (
                    f"2026-01-0{index + 1}T10:00:00+00:00",
                    AuditKind.PUSH_SENT.value,
                    7,
                    json.dumps({"push_id": index}),
                ),
            )
        assert migrate(db) == 5
        log = AuditLog(db)
        assert log.chain_unchained() == 3
        assert log.chain_unchained() == 0
        result = log.verify()
        assert result.ok and result.count == 3 and result.head == log.head()
        assert [e.detail["push_id"] for e in log.events()] == [2, 1, 0]
    finally:
        db.close()


def test_events_filter_by_meeting_and_kind_newest_first(store):
    _fill(store)
    assert [e.id for e in store.audit.events()] == [6, 5, 4, 3, 2, 1]
    assert [e.id for e in store.audit.events(limit=2)] == [6, 5]
    assert [e.id for e in store.audit.events(meeting_id=4)] == [4]
    assert [e.id for e in store.audit.events(kinds=[AuditKind.SETTING_CHANGED])] == [5, 3, 1]
    assert store.audit.events(kinds=[]) == []


def test_appends_inside_a_rolled_back_transaction_leave_no_trace(store):
    _fill(store, 2)
    head = store.audit.head()

    def fail_after_appending() -> None:
        with store.db.transaction():
            store.audit.add(AuditKind.RETENTION_RUN)
            raise RuntimeError("undo")

    with pytest.raises(RuntimeError):
        fail_after_appending()
    assert store.audit.head() == head and store.audit.verify().ok
