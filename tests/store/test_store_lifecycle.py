"""Creating, opening, failing closed and recovering a store, on the real keyring."""

from __future__ import annotations

import json
import os
import stat

import pytest
from tests.store.conftest import tree_hashes

from minuta.store import errors, keys
from minuta.store.manifest import KeyMode, StoreState, load_manifest, save_manifest
from minuta.store.store import create_store, open_store, unlock_with_recovery


def test_database_is_encrypted_and_private(new_store, app_paths):
    store, _ = new_store
    store.close()
    database = app_paths.store.database
    assert not database.read_bytes().startswith(b"SQLite format 3")
    assert stat.S_IMODE(app_paths.data_dir.stat().st_mode) == 0o700
    for path in app_paths.data_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_pragmas_harden_the_connection(new_store):
    store, _ = new_store
    db = store.db
    assert db.query_one("PRAGMA cipher_memory_security")[0] in (1, "1")
    assert db.query_one("PRAGMA journal_mode")[0] == "wal"
    assert db.query_one("PRAGMA synchronous")[0] == 2  # FULL
    assert db.query_one("PRAGMA foreign_keys")[0] == 1
    assert db.query_one("PRAGMA secure_delete")[0] == 1
    version = db.query_one("PRAGMA cipher_version")[0]
    assert version.startswith("4."), version


def test_reopens_with_the_key_from_the_keyring(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store_id = store.manifest.store_id
    store.close()
    again = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        assert again.manifest.store_id == store_id
        assert again.key_mode is KeyMode.KEYRING
        # Nobody confirmed the recovery key yet, so the app must offer a new one.
        assert again.recovery_key_pending
        again.acknowledge_recovery_key()
    finally:
        again.close()
    third = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        assert not third.recovery_key_pending
    finally:
        third.close()


def test_missing_key_is_refused_and_nothing_changes(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    keyring_backend.delete(keys.keyring_account(store.manifest.store_id))
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.KeyMissingError) as caught:
        open_store(app_paths.store, secret_store=keyring_backend)
    assert "not in your keyring" in str(caught.value)
    assert "minuta unlock --recovery" in str(caught.value)
    assert tree_hashes(app_paths.data_dir) == before


def test_wrong_key_is_refused_and_nothing_changes(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    keyring_backend.set(keys.keyring_account(store.manifest.store_id), os.urandom(32).hex())
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.WrongKeyError) as caught:
        open_store(app_paths.store, secret_store=keyring_backend)
    assert "locked with a different key" in str(caught.value)
    assert tree_hashes(app_paths.data_dir) == before


def test_database_from_another_store_is_told_apart(tmp_path, app_paths, keyring_backend):
    from minuta.store.paths import StorePaths

    first, _ = create_store(app_paths.store, mode=KeyMode.KEYRING, secret_store=keyring_backend)
    first.close()
    other_paths = StorePaths(tmp_path / "other")
    other, _ = create_store(other_paths, mode=KeyMode.KEYRING, secret_store=keyring_backend)
    other.close()
    app_paths.store.database.write_bytes(other_paths.database.read_bytes())
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.WrongKeyError) as caught:
        open_store(app_paths.store, secret_store=keyring_backend)
    assert "not the database this store's key was made for" in str(caught.value)
    assert tree_hashes(app_paths.data_dir) == before


def test_damaged_page_is_reported_with_its_number(new_store, app_paths, keyring_backend):
    store, _ = new_store
    with store.db.transaction():
        for i in range(400):
            store.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{i}", "x" * 200)
            )
    root_page = store.db.query_one("SELECT rootpage FROM sqlite_master WHERE name = 'settings'")[0]
    store.db.checkpoint()
    store.close()
    database = app_paths.store.database
    page_size = 4096
    data = bytearray(database.read_bytes())
    start = (root_page - 1) * page_size + 100
    data[start : start + 64] = bytes(b ^ 0xFF for b in data[start : start + 64])
    database.write_bytes(bytes(data))
    damaged = database.read_bytes()

    session = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        # Page 1 is intact, so the store opens; the damage surfaces when it is read.
        with pytest.raises(errors.DatabaseDamagedError) as caught:
            session.db.query_all("SELECT * FROM settings")
        assert any(f"page {root_page}" in p for p in session.db.integrity_problems())
    finally:
        session.close()
    assert caught.value.page == root_page
    assert f"damaged at page {root_page}" in str(caught.value)
    assert database.read_bytes() == damaged


def test_damaged_first_page_is_not_mistaken_for_a_wrong_key(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    database = app_paths.store.database
    data = bytearray(database.read_bytes())
    data[200:260] = bytes(60)  # inside page 1, after the salt
    database.write_bytes(bytes(data))
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.DatabaseDamagedError) as caught:
        open_store(app_paths.store, secret_store=keyring_backend)
    assert caught.value.page == 1
    assert "key is correct" in str(caught.value)
    assert tree_hashes(app_paths.data_dir)["minuta.db"] == before["minuta.db"]


def test_recovery_key_opens_the_store_and_restores_the_keyring(
    new_store, app_paths, keyring_backend
):
    store, recovery = new_store
    store_id = store.manifest.store_id
    store.close()
    keyring_backend.delete(keys.keyring_account(store_id))

    recovered = unlock_with_recovery(
        app_paths.store,
        recovery.formatted().lower().replace("-", " "),
        secret_store=keyring_backend,
    )
    recovered.close()
    assert keyring_backend.get(keys.keyring_account(store_id)) is not None
    open_store(app_paths.store, secret_store=keyring_backend).close()


def test_wrong_or_mistyped_recovery_key_is_refused(new_store, app_paths, keyring_backend):
    from minuta.store.recovery import RecoveryKey

    store, recovery = new_store
    store.close()
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.WrongRecoveryKeyError):
        unlock_with_recovery(
            app_paths.store, RecoveryKey.generate().formatted(), secret_store=keyring_backend
        )
    text = recovery.formatted()
    typo = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(errors.InvalidRecoveryKeyError):
        unlock_with_recovery(app_paths.store, typo, secret_store=keyring_backend)
    assert tree_hashes(app_paths.data_dir) == before


def test_replacing_the_recovery_key_retires_the_old_one(new_store, app_paths, keyring_backend):
    store, old = new_store
    new = store.replace_recovery_key()
    assert store.recovery_key_pending
    store.acknowledge_recovery_key()
    assert not store.recovery_key_pending
    store.close()
    with pytest.raises(errors.WrongRecoveryKeyError):
        unlock_with_recovery(app_paths.store, old.formatted(), secret_store=keyring_backend)
    unlock_with_recovery(app_paths.store, new.formatted(), secret_store=keyring_backend).close()


def test_never_creates_over_existing_files(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.StoreExistsError):
        create_store(app_paths.store, mode=KeyMode.KEYRING, secret_store=keyring_backend)
    assert tree_hashes(app_paths.data_dir) == before


def test_missing_manifest_is_refused_not_recreated(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    app_paths.store.manifest.unlink()
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.ManifestMissingError):
        open_store(app_paths.store, secret_store=keyring_backend)
    with pytest.raises(errors.StoreExistsError):
        create_store(app_paths.store, mode=KeyMode.KEYRING, secret_store=keyring_backend)
    assert tree_hashes(app_paths.data_dir) == before


def test_missing_database_is_refused_not_recreated(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    app_paths.store.database.unlink()
    with pytest.raises(errors.DatabaseMissingError):
        open_store(app_paths.store, secret_store=keyring_backend)
    assert not app_paths.store.database.exists()


def test_damaged_manifest_is_reported(new_store, app_paths, keyring_backend):
    store, _ = new_store
    store.close()
    app_paths.store.manifest.write_text("{ not json")
    with pytest.raises(errors.ManifestDamagedError):
        open_store(app_paths.store, secret_store=keyring_backend)


def test_interrupted_creation_is_finished_with_a_new_recovery_key(
    new_store, app_paths, keyring_backend
):
    store, _ = new_store
    store.close()
    # As if the process died after the keyring write, before the database existed.
    manifest = load_manifest(app_paths.store.manifest)
    save_manifest(app_paths.store.manifest, manifest.with_changes(state=StoreState.CREATING))
    app_paths.store.database.unlink()
    for sidecar in app_paths.store.database_sidecars:
        sidecar.unlink(missing_ok=True)

    resumed = open_store(app_paths.store, secret_store=keyring_backend)
    try:
        assert resumed.manifest.state is StoreState.READY
        assert resumed.recovery_key_pending  # the first key may never have been seen
        assert resumed.meetings.list() == []
    finally:
        resumed.close()


def test_schema_from_a_newer_version_is_refused(new_store, app_paths, keyring_backend):
    from minuta.store.migrations import LATEST_VERSION, SchemaTooNewError

    store, _ = new_store
    store.db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    store.close()
    with pytest.raises(SchemaTooNewError):
        open_store(app_paths.store, secret_store=keyring_backend)


def test_manifest_keeps_fields_it_does_not_know(new_store, app_paths):
    store, _ = new_store
    store.close()
    data = json.loads(app_paths.store.manifest.read_text())
    data["future_field"] = {"x": 1}
    app_paths.store.manifest.write_text(json.dumps(data))
    manifest = load_manifest(app_paths.store.manifest)
    save_manifest(app_paths.store.manifest, manifest)
    assert json.loads(app_paths.store.manifest.read_text())["future_field"] == {"x": 1}


def test_manifest_holds_no_key_material_in_clear(new_store, app_paths, keyring_backend):
    store, recovery = new_store
    store.close()
    master_hex = keyring_backend.get(keys.keyring_account(store.manifest.store_id))
    text = app_paths.store.manifest.read_text()
    assert master_hex not in text
    assert recovery.formatted() not in text
    assert recovery.secret.hex() not in text
