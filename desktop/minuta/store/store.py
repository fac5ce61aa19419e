"""Create, open and unlock a store; the one object the services talk to.

Creation writes, in this order: the keyring entry (a keyring that refuses
leaves nothing on disk), ``store.json`` in state "creating" (with the recovery
wrap), the database, then ``store.json`` in state "ready" with the database's
salt. A crash before ``store.json`` exists leaves only an unused keyring entry;
a crash after it leaves a store that :func:`open_store` finishes creating.
Since the recovery key shown at creation may never have reached the user, it
is then replaced and shown again.

Opening never writes anything before the key has been proven right, and never
creates a database over existing files.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from minuta.store import keys
from minuta.store.audit import AuditLog
from minuta.store.crypto import key_check, matches_key_check, random_key
from minuta.store.database import Database, read_salt
from minuta.store.errors import (
    DatabaseMissingError,
    KeyMissingError,
    ManifestMissingError,
    NoStoreError,
    StoreExistsError,
    StoreNotReadyError,
    WrongKeyError,
)
from minuta.store.fsutil import create_private_file, ensure_private_dir
from minuta.store.manifest import (
    KeyMode,
    StoreManifest,
    StoreState,
    load_manifest,
    save_manifest,
)
from minuta.store.meetings import MeetingRepository
from minuta.store.migrations import migrate
from minuta.store.outbox import OutboxRepository
from minuta.store.paths import StorePaths
from minuta.store.recordings import RecordingRepository
from minuta.store.recovery import RecoveryKey
from minuta.store.search import SearchIndex
from minuta.store.secret_store import SecretStore
from minuta.store.settings import Settings
from minuta.store.summaries import SummaryRepository


@dataclass(frozen=True, slots=True)
class StoreStatus:
    exists: bool
    key_mode: KeyMode | None
    store_id: str | None


def store_status(paths: StorePaths) -> StoreStatus:
    """What is in the data folder, without unlocking anything."""
    if paths.manifest.exists():
        manifest = load_manifest(paths.manifest)
        return StoreStatus(True, manifest.key_mode, manifest.store_id)
    if paths.existing_data():
        raise ManifestMissingError(paths.root)
    return StoreStatus(False, None, None)


class Store:
    """An unlocked store. Owned by one thread, like its database connection."""

    def __init__(
        self,
        paths: StorePaths,
        manifest: StoreManifest,
        db: Database,
        master: bytes,
        secret_store: SecretStore | None,
    ) -> None:
        self.paths = paths
        self.db = db
        self._manifest = manifest
        self._master = master
        self._secret_store = secret_store
        self.meetings = MeetingRepository(db)
        self.recordings = RecordingRepository(db)
        self.search = SearchIndex(db)
        self.settings = Settings(db)
        self.summaries = SummaryRepository(db)
        self.outbox = OutboxRepository(db)
        self.audit = AuditLog(db)

    @property
    def manifest(self) -> StoreManifest:
        return self._manifest

    @property
    def key_mode(self) -> KeyMode:
        return self._manifest.key_mode

    @property
    def key_location(self) -> str:
        if self._manifest.key_mode is KeyMode.PASSPHRASE:
            return "passphrase"
        if self._secret_store is not None:
            return f"keyring ({self._secret_store.description})"
        return "keyring"

    # --- meeting keys -------------------------------------------------------------

    def new_meeting_key(self, meeting_uid: str) -> tuple[bytes, bytes]:
        """A fresh data key for a meeting, and its wrapped form for the database."""
        key = random_key()
        return key, keys.wrap_meeting_key(self._master, meeting_uid, key)

    def meeting_key(self, meeting_id: int, meeting_uid: str) -> bytes:
        wrapped = self.meetings.wrapped_key(meeting_id)
        return keys.unwrap_meeting_key(self._master, meeting_uid, wrapped)

    def audio_path(self, meeting_uid: str, file_uid: str) -> Path:
        return self.paths.audio_file(meeting_uid, file_uid)

    # --- recovery key -------------------------------------------------------------

    @property
    def recovery_key_pending(self) -> bool:
        """True while no recovery key has been confirmed as written down."""
        return not self._manifest.recovery_acknowledged

    def replace_recovery_key(self) -> RecoveryKey:
        """A new recovery key; the old one stops working. Show it, then acknowledge."""
        recovery = RecoveryKey.generate()
        wrapped = keys.wrap_with_recovery(self._master, recovery, self._manifest.store_id)
        self._save(self._manifest.with_changes(recovery=wrapped, recovery_acknowledged=False))
        return recovery

    def acknowledge_recovery_key(self) -> None:
        self._save(self._manifest.with_changes(recovery_acknowledged=True))

    def change_passphrase(self, new_passphrase: str) -> None:
        if self._manifest.key_mode is not KeyMode.PASSPHRASE:
            raise ValueError("this store keeps its key in the keyring")
        wrapped = keys.wrap_with_passphrase(self._master, new_passphrase, self._manifest.store_id)
        self._save(self._manifest.with_changes(passphrase=wrapped))

    def _save(self, manifest: StoreManifest) -> None:
        save_manifest(self.paths.manifest, manifest)
        self._manifest = manifest

    # --- connections --------------------------------------------------------------

    def connection_spec(self) -> ConnectionSpec:
        """What a child process needs to open its own connection (:func:`open_with_master`).

        It holds the unlocked master key: hand it over in memory only (a
        process's arguments travel through a pipe), never write it down or log
        it. It reads only the key and paths, never this store's connection, so any
        thread may call it. Both connections wait for each other's writes
        (``busy_timeout``).
        """
        return ConnectionSpec(self.paths, self._master)

    def close(self) -> None:
        self.db.close()


@dataclass(frozen=True, slots=True)
class ConnectionSpec:
    """An unlocked store's paths and master key, for another process to open it."""

    paths: StorePaths
    master: bytes = field(repr=False)  # never in a log line or a traceback's repr

    def open(self) -> Store:
        return open_with_master(self.paths, self.master)


def open_with_master(paths: StorePaths, master: bytes) -> Store:
    """Another connection to a store already unlocked elsewhere, with its master key.

    For a child process doing long work (the final transcription pass): no
    keyring or passphrase is asked, and no migration runs, since the process
    that unlocked the store did that. A store still being created is refused:
    only :func:`open_store` finishes creating one. The store returned belongs
    to the calling thread, which closes it.
    """
    manifest = _load(paths)
    if manifest.state is not StoreState.READY:
        raise StoreNotReadyError(paths.root)
    if not matches_key_check(master, manifest.key_check):
        raise WrongKeyError()
    if not paths.database.exists():
        raise DatabaseMissingError(paths.database)
    db = Database.open(paths.database, master, expected_salt=manifest.db_salt)
    return Store(paths, manifest, db, master, None)


# --- creating ---------------------------------------------------------------------


def create_store(
    paths: StorePaths,
    *,
    mode: KeyMode,
    secret_store: SecretStore | None,
    passphrase: str | None = None,
) -> tuple[Store, RecoveryKey]:
    """A new, empty store and its recovery key (to be shown to the user once)."""
    existing = paths.existing_data()
    if existing:
        raise StoreExistsError(paths.root, ", ".join(existing))
    if mode is KeyMode.KEYRING and secret_store is None:
        raise ValueError("keyring mode needs a keyring")
    ensure_private_dir(paths.root)

    store_id = uuid.uuid4().hex
    new = keys.new_keys(store_id, mode, passphrase)
    manifest = StoreManifest(
        store_id=store_id,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        key_mode=mode,
        key_check=key_check(new.master),
        recovery=new.recovery_wrap,
        passphrase=new.passphrase_wrap,
        state=StoreState.CREATING,
    )
    if mode is KeyMode.KEYRING:
        assert secret_store is not None
        secret_store.set(keys.keyring_account(store_id), new.master.hex())
    save_manifest(paths.manifest, manifest)
    store = _finish_creation(paths, manifest, new.master, secret_store)
    return store, new.recovery


def _finish_creation(
    paths: StorePaths,
    manifest: StoreManifest,
    master: bytes,
    secret_store: SecretStore | None,
) -> Store:
    ensure_private_dir(paths.audio_dir)
    create_private_file(paths.database)
    db = Database.open(paths.database, master, expected_salt=None)
    try:
        migrate(db)
        db.checkpoint()
    except BaseException:
        db.close()
        raise
    manifest = manifest.with_changes(state=StoreState.READY, db_salt=read_salt(paths.database))
    save_manifest(paths.manifest, manifest)
    return Store(paths, manifest, db, master, secret_store)


# --- opening ----------------------------------------------------------------------


def _load(paths: StorePaths) -> StoreManifest:
    if not paths.manifest.exists():
        if paths.existing_data():
            raise ManifestMissingError(paths.root)
        raise NoStoreError(paths.root)
    return load_manifest(paths.manifest)


def open_store(
    paths: StorePaths,
    *,
    secret_store: SecretStore | None,
    passphrase: str | None = None,
) -> Store:
    """Unlock the store with its keyring entry or passphrase.

    A store whose creation was interrupted is completed; check
    :attr:`Store.recovery_key_pending` afterwards to show a new recovery key.
    """
    manifest = _load(paths)
    master = keys.load_master_key(manifest, paths, secret_store, passphrase)
    return _open_with_master(paths, manifest, master, secret_store)


def _open_with_master(
    paths: StorePaths,
    manifest: StoreManifest,
    master: bytes,
    secret_store: SecretStore | None,
) -> Store:
    if manifest.state is StoreState.CREATING:
        return _finish_creation(
            paths, manifest.with_changes(recovery_acknowledged=False), master, secret_store
        )
    if not paths.database.exists():
        raise DatabaseMissingError(paths.database)
    db = Database.open(paths.database, master, expected_salt=manifest.db_salt)
    try:
        migrate(db)
        AuditLog(db).chain_unchained()
    except BaseException:
        db.close()
        raise
    return Store(paths, manifest, db, master, secret_store)


def unlock_with_recovery(
    paths: StorePaths,
    recovery_text: str,
    *,
    secret_store: SecretStore | None,
    new_passphrase: str | None = None,
) -> Store:
    """Open the store with its recovery key and put the key back where it belongs.

    Keyring mode: the database key is written to the keyring again (replacing a
    missing or wrong entry). Passphrase mode: ``new_passphrase`` replaces the
    forgotten one.
    """
    manifest = _load(paths)
    recovery = RecoveryKey.parse(recovery_text)
    master = keys.unwrap_with_recovery(manifest, recovery)
    store = _open_with_master(paths, manifest, master, secret_store)
    try:
        if manifest.key_mode is KeyMode.KEYRING:
            if secret_store is None:
                raise KeyMissingError(paths.root)
            secret_store.set(keys.keyring_account(manifest.store_id), master.hex())
        elif new_passphrase:
            store.change_passphrase(new_passphrase)
    except BaseException:
        store.close()
        raise
    return store


def require_store(store: Store | None) -> Store:
    """The store a worker task was given; a task run while none is open fails with RuntimeError."""
    if store is None:
        raise RuntimeError("no store is open")
    return store
