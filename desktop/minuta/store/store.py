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

Every open store holds a shared lock on ``store.lock`` until it is closed
(:mod:`minuta.store.open_lock`), so that a vacuum and rekey
(:mod:`minuta.store.rekey`) runs only when nobody else has the store open. A
rekey that was killed is finished or undone by the next :func:`open_store`
(never by :func:`open_with_master`, which refuses such a store).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from minuta.store import keys
from minuta.store import rekey as rekeying
from minuta.store.audit import AuditLog
from minuta.store.consent import ConsentRepository
from minuta.store.crypto import key_check, matches_key_check, random_key
from minuta.store.database import Database, read_salt
from minuta.store.errors import (
    DatabaseMissingError,
    KeyMissingError,
    ManifestMissingError,
    NoStoreError,
    RekeyPendingError,
    StoreExistsError,
    StoreNotReadyError,
    WrongKeyError,
)
from minuta.store.exports import ExportLog
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
from minuta.store.open_lock import StoreLock
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
        *,
        lock: StoreLock | None = None,
    ) -> None:
        self.paths = paths
        self._manifest = manifest
        self._master = master
        self._secret_store = secret_store
        self._lock = lock
        self._bind(db)

    def _bind(self, db: Database) -> None:
        """Point the store and its repositories at ``db`` (again, after a rekey).

        Everything that reads or writes the database goes through ``self.db`` or a
        repository made here, looked up on the store each time, never kept.
        """
        self.db = db
        self.meetings = MeetingRepository(db)
        self.recordings = RecordingRepository(db)
        self.search = SearchIndex(db)
        self.audit = AuditLog(db)
        self.settings = Settings(db, self.audit)  # a changed setting is an audit event
        self.summaries = SummaryRepository(db)
        self.outbox = OutboxRepository(db)
        self.consent = ConsentRepository(db)
        self.exports = ExportLog(db)

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

    # --- vacuum and rekey ---------------------------------------------------------

    def vacuum_and_rekey(self) -> rekeying.RekeyReport:
        """Rewrite the database compactly under a new key; see :func:`minuta.store.rekey.rekey`.

        Raises :class:`~minuta.store.errors.StoreBusyError` (changing nothing) while
        another connection, in this process or another, has the store open.
        """
        return rekeying.rekey(self)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Be the only connection to the store (for a rekey), or StoreBusyError."""
        if self._lock is None:
            yield
            return
        with self._lock.exclusive():
            yield

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
        try:
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()


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
    that unlocked the store did that. A store still being created, or with a
    rekey that was interrupted, is refused: only :func:`open_store` finishes
    those. It holds the store's shared lock like any open store (so no rekey
    runs while it is open, and it waits for one that is running). The store
    returned belongs to the calling thread, which closes it.
    """
    _require_manifest(paths)
    lock = StoreLock.acquire(paths)
    try:
        manifest = _load(paths)
        if manifest.state is not StoreState.READY:
            raise StoreNotReadyError(paths.root)
        if manifest.rekey_pending is not None:
            raise RekeyPendingError(paths.root)
        if not matches_key_check(master, manifest.key_check):
            raise WrongKeyError()
        if not paths.database.exists():
            raise DatabaseMissingError(paths.database)
        key = keys.database_key(manifest, master)
        db = Database.open(paths.database, key, expected_salt=manifest.db_salt)
    except BaseException:
        lock.release()
        raise
    return Store(paths, manifest, db, master, None, lock=lock)


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
    lock = StoreLock.acquire(paths)
    try:
        save_manifest(paths.manifest, manifest)
        store = _finish_creation(paths, manifest, new.master, secret_store, lock)
    except BaseException:
        lock.release()
        raise
    return store, new.recovery


def _finish_creation(
    paths: StorePaths,
    manifest: StoreManifest,
    master: bytes,
    secret_store: SecretStore | None,
    lock: StoreLock,
) -> Store:
    """Called with the store's lock held; the store returned holds it from then on."""
    ensure_private_dir(paths.audio_dir)
    create_private_file(paths.database)
    # New stores open their database with the master key until their first rekey.
    db = Database.open(paths.database, keys.database_key(manifest, master), expected_salt=None)
    try:
        migrate(db)
        db.checkpoint()
    except BaseException:
        db.close()
        raise
    manifest = manifest.with_changes(state=StoreState.READY, db_salt=read_salt(paths.database))
    save_manifest(paths.manifest, manifest)
    return Store(paths, manifest, db, master, secret_store, lock=lock)


# --- opening ----------------------------------------------------------------------


def _require_manifest(paths: StorePaths) -> None:
    """Refuse before anything (the lock file included) is created in the folder."""
    if not paths.manifest.exists():
        if paths.existing_data():
            raise ManifestMissingError(paths.root)
        raise NoStoreError(paths.root)


def _load(paths: StorePaths) -> StoreManifest:
    _require_manifest(paths)
    return load_manifest(paths.manifest)


def _locked(paths: StorePaths, open_with: Callable[[StoreLock], Store]) -> Store:
    """``open_with(lock)`` with the store's shared lock, released if it fails.

    The lock is taken before ``store.json`` is read, so a rekey by another
    process is never seen half-way (opening waits for it to finish).
    """
    _require_manifest(paths)
    lock = StoreLock.acquire(paths)
    try:
        return open_with(lock)
    except BaseException:
        lock.release()
        raise


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

    def open_with(lock: StoreLock) -> Store:
        manifest = _load(paths)
        master = keys.load_master_key(manifest, paths, secret_store, passphrase)
        return _open_with_master(paths, manifest, master, secret_store, lock)

    return _locked(paths, open_with)


def _open_with_master(
    paths: StorePaths,
    manifest: StoreManifest,
    master: bytes,
    secret_store: SecretStore | None,
    lock: StoreLock,
) -> Store:
    if manifest.state is StoreState.CREATING:
        return _finish_creation(
            paths, manifest.with_changes(recovery_acknowledged=False), master, secret_store, lock
        )
    if manifest.rekey_pending is not None:
        manifest = _finish_rekey(paths, master, lock)
    if not paths.database.exists():
        raise DatabaseMissingError(paths.database)
    key = keys.database_key(manifest, master)
    db = Database.open(paths.database, key, expected_salt=manifest.db_salt)
    try:
        migrate(db)
        AuditLog(db).chain_unchained()
    except BaseException:
        db.close()
        raise
    return Store(paths, manifest, db, master, secret_store, lock=lock)


def _finish_rekey(paths: StorePaths, master: bytes, lock: StoreLock) -> StoreManifest:
    """Finish or undo an interrupted rekey (the key is proven right by now)."""
    with lock.repairing():
        manifest = _load(paths)  # another process may have repaired it meanwhile
        pending = manifest.rekey_pending
        if pending is not None:
            # The new key must open with this master key before it may become the key.
            keys.pending_database_key(pending, master, manifest.store_id)
        return rekeying.finish_interrupted(paths, manifest)


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

    def open_with(lock: StoreLock) -> Store:
        manifest = _load(paths)
        recovery = RecoveryKey.parse(recovery_text)
        master = keys.unwrap_with_recovery(manifest, recovery)
        return _open_with_master(paths, manifest, master, secret_store, lock)

    store = _locked(paths, open_with)
    manifest = store.manifest
    try:
        if manifest.key_mode is KeyMode.KEYRING:
            if secret_store is None:
                raise KeyMissingError(paths.root)
            secret_store.set(keys.keyring_account(manifest.store_id), store._master.hex())
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
