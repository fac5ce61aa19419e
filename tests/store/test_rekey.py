"""Vacuum and rekey: everything kept, the old key retired, deleted meetings gone for good,
a store open elsewhere left alone, and a rekey that fails undone.

(A rekey killed at any point: test_rekey_killed.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from tests.harness.meetings import create_meeting
from tests.store.conftest import tree_hashes
from tests.store.rekey_support import (
    CANARIES,
    audio_plays,
    current_database_key,
    decrypted_pages,
    fill,
    master_key,
    raw_opens,
    snapshot,
    traces,
)

from minuta.core.audit import AuditKind
from minuta.core.models import ChannelKind, Segment
from minuta.store import keys, rekey
from minuta.store.errors import RekeyPendingError, StoreBusyError
from minuta.store.manifest import KeyMode, PendingRekey, load_manifest, save_manifest
from minuta.store.settings import Setting
from minuta.store.store import create_store, open_store, open_with_master, unlock_with_recovery

# --- everything kept, the key changed ---------------------------------------------


def test_a_rekey_keeps_everything_and_retires_the_old_key(new_store, app_paths, keyring_backend):
    store, recovery = new_store
    paths = app_paths.store
    ids = fill(store)
    before = snapshot(store)
    assert any(kind == "segment" for _, kind, _ in before["search"])  # "modes" finds "mødes"
    master = master_key(paths, keyring_backend)
    old_key = current_database_key(paths, master)
    assert old_key == master  # a store never rekeyed opens with its master key

    report = store.vacuum_and_rekey()

    assert report.bytes_before > 0
    assert report.bytes_after > 0
    assert report.duration_s > 0
    # The same store object goes on working, on the new file.
    assert snapshot(store) == before
    store.meetings.set_notes(ids["meeting_id"], "Written after the rekey")
    before = snapshot(store)
    store.close()

    new_key = current_database_key(paths, master)
    assert new_key != old_key
    assert not raw_opens(paths.database, old_key)
    assert raw_opens(paths.database, new_key)
    manifest = json.loads(paths.manifest.read_text())
    assert manifest["version"] == 2
    assert "rekey_pending" not in manifest
    assert not paths.rekey_temp.exists()

    again = open_store(paths, secret_store=keyring_backend)
    try:
        assert snapshot(again) == before
        assert again.audit.verify().ok
        assert again.audit.events(limit=1)[0].kind is AuditKind.STORE_REKEYED
        assert audio_plays(again, ids["audio_id"])
        # A second rekey retires the first one's key in turn.
        again.vacuum_and_rekey()
    finally:
        again.close()
    assert not raw_opens(paths.database, new_key)
    assert raw_opens(paths.database, current_database_key(paths, master))

    # The recovery key written down at creation still opens the store.
    keyring_backend.delete(keys.keyring_account(manifest["store_id"]))
    recovered = unlock_with_recovery(paths, recovery.formatted(), secret_store=keyring_backend)
    try:
        assert snapshot(recovered) == before
        assert audio_plays(recovered, ids["audio_id"])
    finally:
        recovered.close()


def test_a_passphrase_store_keeps_its_passphrase_and_recovery_key(app_paths):
    paths = app_paths.store
    store, recovery = create_store(
        paths, mode=KeyMode.PASSPHRASE, secret_store=None, passphrase="correct horse battery"
    )
    try:
        fill(store)
        before = snapshot(store)
        store.vacuum_and_rekey()
    finally:
        store.close()
    reopened = open_store(paths, secret_store=None, passphrase="correct horse battery")
    try:
        assert snapshot(reopened) == before
        assert reopened.audit.verify().ok
    finally:
        reopened.close()
    recovered = unlock_with_recovery(
        paths, recovery.formatted(), secret_store=None, new_passphrase="a brand new passphrase"
    )
    try:
        assert snapshot(recovered) == before
    finally:
        recovered.close()


def test_a_deleted_meeting_leaves_no_trace_in_any_file(new_store, app_paths, keyring_backend):
    from minuta.app.meetings import delete_meeting
    from minuta.app.shredding import mark_shred_pending, shred_now

    store, _ = new_store
    paths = app_paths.store
    fill(store)
    canary_id, uid, _key = create_meeting(
        store, title=f"{CANARIES[0]} pricing", notes=f"Ask about {CANARIES[1]}"
    )
    with store.db.transaction():
        channel = store.meetings.add_channel(canary_id, ChannelKind.MIXED, "Recording")
        store.meetings.add_segments(
            canary_id, channel, [Segment(start=0.0, end=4.0, text=f"The {CANARIES[2]} budget")]
        )
    # Control: the words are there and found while the meeting exists.
    for word in CANARIES:
        assert [hit.meeting_id for hit in store.search.search(word)] == [canary_id], word

    delete_meeting(store, canary_id)
    mark_shred_pending(store)
    for word in CANARIES:
        assert store.search.search(word) == []
    # Control: deleted is not yet gone. Anyone with the key still reads the words in the
    # file (the search index keeps them until it is merged).
    master = master_key(paths, keyring_backend)
    assert traces(decrypted_pages(paths.database, current_database_key(paths, master)))

    report = shred_now(store)
    assert report.bytes_after > 0
    assert store.settings.get(Setting.STORE_SHRED_PENDING) is False
    assert store.settings.get(Setting.STORE_LAST_REKEY) is not None
    store.close()

    files = [path for path in paths.root.rglob("*") if path.is_file()]
    assert paths.database in files
    for path in files:
        assert traces(path.read_bytes()) == [], path
    assert traces(decrypted_pages(paths.database, current_database_key(paths, master))) == []
    assert not paths.meeting_audio_dir(uid).exists()


# --- busy, refused, undone ---------------------------------------------------------


def test_a_store_open_elsewhere_is_not_rekeyed_and_nothing_changes(new_store, app_paths):
    from minuta.app.shredding import mark_shred_pending, shred_if_due

    store, _ = new_store
    fill(store)
    mark_shred_pending(store)
    second = open_with_master(app_paths.store, store.connection_spec().master)
    try:
        store.db.checkpoint()
        before = tree_hashes(app_paths.data_dir)
        with pytest.raises(StoreBusyError) as caught:
            store.vacuum_and_rekey()
        assert "open in another Minuta window" in str(caught.value)
        assert tree_hashes(app_paths.data_dir) == before
        # The app's periodic shredding waits for a better moment, and keeps its mark.
        assert shred_if_due(store, datetime.now(UTC)) is None
        assert store.settings.get(Setting.STORE_SHRED_PENDING) is True
        # Both connections still work.
        assert second.settings.get(Setting.USER_NAME) == "Anna"
        store.settings.set(Setting.USER_NAME, "Kari")
    finally:
        second.close()
    assert shred_if_due(store, datetime.now(UTC)) is not None
    assert store.settings.get(Setting.STORE_SHRED_PENDING) is False
    assert store.settings.get(Setting.USER_NAME) == "Kari"


def test_shredding_is_due_after_a_deletion_or_a_week(new_store):
    from minuta.app.shredding import mark_shred_pending, shred_if_due

    store, _ = new_store
    now = datetime.now(UTC)
    assert shred_if_due(store, now) is None  # a new store, nothing deleted
    mark_shred_pending(store)
    assert shred_if_due(store, now) is not None
    assert shred_if_due(store, now + timedelta(days=6)) is None
    assert shred_if_due(store, now + timedelta(days=8)) is not None


@pytest.mark.parametrize(
    "point", ["search-merged", "exported", "proven", "old-closed", "sidecars-removed"]
)
def test_a_rekey_that_fails_changes_nothing(
    new_store, app_paths, keyring_backend, monkeypatch, point
):
    store, _ = new_store
    paths = app_paths.store
    fill(store)
    before = snapshot(store)
    old_key = current_database_key(paths, master_key(paths, keyring_backend))

    def fail_at(name: str) -> None:
        if name == point:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(rekey, "_checkpoint", fail_at)
    with pytest.raises(OSError, match="No space"):
        store.vacuum_and_rekey()
    monkeypatch.undo()

    assert store.manifest.rekey_pending is None
    assert load_manifest(paths.manifest).rekey_pending is None
    assert not paths.rekey_temp.exists()
    assert snapshot(store) == before  # still usable, with the old file and key
    store.settings.set(Setting.USER_NAME, "Kari")
    store.close()
    assert raw_opens(paths.database, old_key)
    reopened = open_store(paths, secret_store=keyring_backend)
    try:
        assert reopened.settings.get(Setting.USER_NAME) == "Kari"
    finally:
        reopened.close()


def test_a_child_connection_refuses_an_interrupted_rekey_and_open_store_undoes_it(
    new_store, app_paths, keyring_backend
):
    store, _ = new_store
    paths = app_paths.store
    master = store.connection_spec().master
    fill(store)
    store.close()
    manifest = load_manifest(paths.manifest)
    new_key = bytes(range(32))
    pending = PendingRekey(
        keys.wrap_database_key(master, new_key, manifest.store_id), "minuta.db-rekey"
    )
    save_manifest(paths.manifest, manifest.with_changes(rekey_pending=pending))
    paths.rekey_temp.write_bytes(b"half a copy")

    with pytest.raises(RekeyPendingError) as caught:
        open_with_master(paths, master)
    assert "minuta list" in str(caught.value)
    assert paths.rekey_temp.exists()

    reopened = open_store(paths, secret_store=keyring_backend)
    reopened.close()
    assert not paths.rekey_temp.exists()
    assert load_manifest(paths.manifest).rekey_pending is None
    assert raw_opens(paths.database, master)
    assert not raw_opens(paths.database, new_key)


def test_old_manifests_load_and_new_fields_round_trip(new_store, app_paths):
    store, _ = new_store
    store.close()
    data = json.loads(app_paths.store.manifest.read_text())
    assert data["version"] == 1  # never rekeyed: still readable by a Minuta from before
    assert "database_key" not in data
    manifest = load_manifest(app_paths.store.manifest)
    assert manifest.database_key is None
    assert manifest.rekey_pending is None
    wrapped = keys.wrap_database_key(bytes(32), bytes(range(32)), manifest.store_id)
    changed = manifest.with_changes(
        database_key=wrapped, rekey_pending=PendingRekey(wrapped, "minuta.db-rekey", "ab" * 16)
    )
    save_manifest(app_paths.store.manifest, changed)
    assert load_manifest(app_paths.store.manifest) == changed


def test_minuta_shred_from_the_command_line(new_store, app_paths, keyring_backend):
    from minuta.app.meetings import delete_meeting

    store, _ = new_store
    ids = fill(store)
    delete_meeting(store, ids["meeting_id"])

    def shred() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "minuta.cli", "--data-dir", str(app_paths.data_dir), "shred"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    busy = shred()  # the store is still open here
    assert busy.returncode == 1
    assert "open in another Minuta window" in busy.stderr
    assert "Traceback" not in busy.stderr
    store.close()

    done = shred()
    assert done.returncode == 0, done.stderr
    assert "new database key" in done.stdout
    assert "before" in done.stdout
    assert "after" in done.stdout
    reopened = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        assert [m.id for m in reopened.meetings.list()] == [ids["audio_id"]]
        assert reopened.settings.get(Setting.STORE_SHRED_PENDING) is False
    finally:
        reopened.close()
