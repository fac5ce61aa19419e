"""Vacuum and rekey: a fresh, compact database file under a new database key.

Deleting a meeting removes its rows and its wrapped data key, but traces can
stay behind in the database file: freed pages, the search index's old segments,
and WAL frames, all readable with a key that never changes. A rekey copies the
live data into a new file under a new database key and replaces the old file,
so that nothing deleted before it can be read with any key, old or new.

The steps, and why a process killed between any two leaves exactly one key
that opens ``minuta.db``:

1. Take the store's lock alone (nobody else may have it open) or refuse.
2. Make the new key and save ``store.json`` with ``rekey_pending`` (the new key,
   wrapped by the master key, and the copy's name). Atomic.
3. Merge the search index (so deleted words leave it), checkpoint, and export
   the database into the copy ``minuta.db-rekey`` under the new key; sync it;
   prove it (it opens read-only with the new key, passes both integrity checks,
   has the same schema and row counts), and record its salt in ``rekey_pending``.
4. Close the old connection; its WAL is empty by then, and the old file's WAL and
   index files are removed, so no old WAL can ever be replayed onto the new file.
5. Replace ``minuta.db`` with the copy (atomic rename) and sync the folder.
6. Commit: ``store.json`` with the new ``database_key`` and salt, and no
   ``rekey_pending``. This atomic write is the commit point.
7. Reopen the connection under the new key and rebind the store to it.
8. Add a ``store.rekeyed`` audit event (sizes only).

Until step 5 ``minuta.db`` is the old file, opened by the old key; from step 5
it is the new file, whose salt ``rekey_pending`` names. The next open
(:func:`finish_interrupted`) tells the two apart by that salt: it finishes the
commit, or it deletes the copy and forgets the new key. It never touches
``minuta.db`` itself. A kill after step 6 leaves nothing to repair; one before
step 8 only misses the audit event.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from minuta.core.audit import AuditKind
from minuta.store import keys
from minuta.store.crypto import random_key
from minuta.store.database import Database, read_salt
from minuta.store.errors import (
    DatabaseMissingError,
    RekeyCheckError,
    RekeyPendingError,
    StoreBusyError,
    StoreNotReadyError,
)
from minuta.store.fsutil import create_private_file, durable_flush, sync_dir
from minuta.store.manifest import PendingRekey, StoreManifest, StoreState, save_manifest
from minuta.store.paths import REKEY_TEMP_NAME, StorePaths

if TYPE_CHECKING:
    from minuta.store.store import Store


@dataclass(frozen=True, slots=True)
class RekeyReport:
    bytes_before: int  # the database and its WAL before
    bytes_after: int  # the new database file
    duration_s: float


def _checkpoint(name: str) -> None:
    """A named point between two steps; the crash tests replace this to kill the process.

    Every name is in :data:`CHECKPOINTS`, in the order a rekey passes them.
    """


CHECKPOINTS: tuple[str, ...] = (
    "locked",
    "pending-saved",
    "search-merged",
    "wal-checkpointed",
    "copy-created",
    "exported",
    "copy-synced",
    "proven",
    "salt-saved",
    "old-closed",
    "sidecars-removed",
    "replaced",
    "dir-synced",
    "committed",
    "reopened",
    "audited",
)


def rekey(store: Store) -> RekeyReport:
    """Vacuum ``store``'s database into a new file under a new key (see the module doc).

    Raises :class:`StoreBusyError` when another connection has the store open,
    changing nothing. The store stays usable afterwards: its connection and
    repositories are rebound to the new file.
    """
    started = time.monotonic()
    paths = store.paths
    if store.db.in_transaction:
        raise RuntimeError("a rekey cannot run inside a transaction")
    with store._exclusive():
        _checkpoint("locked")
        manifest = store.manifest
        if manifest.state is not StoreState.READY:
            raise StoreNotReadyError(paths.root)
        if manifest.rekey_pending is not None:  # repaired by open_store before we get here
            raise RekeyPendingError(paths.root)
        master = store._master
        old_key = keys.database_key(manifest, master)
        bytes_before = _size(paths.database) + _size(paths.database_sidecars[0])

        new_key = random_key()
        _remove_copy(paths)
        pending = PendingRekey(
            keys.wrap_database_key(master, new_key, manifest.store_id), REKEY_TEMP_NAME
        )
        store._save(manifest.with_changes(rekey_pending=pending))
        _checkpoint("pending-saved")

        closed = False
        try:
            salt = _build_copy(store.db, paths.rekey_temp, new_key)
            if salt is None or salt == manifest.db_salt:
                raise RekeyCheckError("the new copy's salt is missing or not new")
            pending = replace(pending, new_salt=salt)
            store._save(manifest.with_changes(rekey_pending=pending))
            _checkpoint("salt-saved")
            store.db.checkpoint()
            closed = True
            _close_old(store.db, paths)
        except BaseException:
            _abandon(store, manifest, old_key, reopen=closed)
            raise

        os.replace(paths.rekey_temp, paths.database)
        _checkpoint("replaced")
        sync_dir(paths.root)
        _checkpoint("dir-synced")
        # A failure from here on leaves the new file in place and rekey_pending naming
        # it: the next open finishes the commit.
        committed = _committed(store.manifest.with_changes(rekey_pending=pending))
        store._save(committed)
        _checkpoint("committed")
        store._bind(Database.open(paths.database, new_key, expected_salt=salt))
        _checkpoint("reopened")

        report = RekeyReport(bytes_before, _size(paths.database), time.monotonic() - started)
        store.audit.add(
            AuditKind.STORE_REKEYED,
            detail={
                "bytes_before": report.bytes_before,
                "bytes_after": report.bytes_after,
                "duration_ms": round(report.duration_s * 1000),
            },
        )
        _checkpoint("audited")
    return report


def finish_interrupted(paths: StorePaths, manifest: StoreManifest) -> StoreManifest:
    """Finish or undo a rekey that was killed; the manifest to open the store with.

    Call it with the store's lock held (shared, under
    :meth:`~minuta.store.open_lock.StoreLock.repairing`) and the manifest read
    under it. ``minuta.db`` is never deleted or written here.
    """
    pending = manifest.rekey_pending
    if pending is None:
        return manifest
    if not paths.database.exists():
        # Not something a rekey does: leave everything as it is, the copy included.
        raise DatabaseMissingError(paths.database)
    if pending.new_salt is not None and read_salt(paths.database) == pending.new_salt:
        # Killed after the copy replaced the database, before the commit.
        manifest = _committed(manifest)
    else:
        # Killed before the replace: the old file, and the old key, are still in force.
        _remove_copy(paths)
        manifest = manifest.with_changes(rekey_pending=None)
    save_manifest(paths.manifest, manifest)
    return manifest


# --- steps ------------------------------------------------------------------------


def _committed(manifest: StoreManifest) -> StoreManifest:
    pending = manifest.rekey_pending
    assert pending is not None
    assert pending.new_salt is not None
    return manifest.with_changes(
        database_key=pending.database_key, db_salt=pending.new_salt, rekey_pending=None
    )


def _build_copy(db: Database, copy: Path, key: bytes) -> str | None:
    """Export ``db`` to ``copy`` under ``key``, durable and proven; the copy's salt."""
    _merge_search_index(db)
    _checkpoint("search-merged")
    db.checkpoint()
    _checkpoint("wal-checkpointed")
    create_private_file(copy)
    _checkpoint("copy-created")
    db.export_to(copy, key)
    _checkpoint("exported")
    _sync_file(copy)
    _checkpoint("copy-synced")
    _prove(db, copy, key)
    _checkpoint("proven")
    return read_salt(copy)


def _merge_search_index(db: Database) -> None:
    """Merge each full-text index into one segment.

    A contentless FTS5 table forgets a deleted row with a tombstone; the row's
    words stay in the index's older segments until those are merged. The export
    copies the index as it is, so it is merged first.
    """
    rows = db.query_all(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    )
    with db.transaction():
        for row in rows:
            name = _quoted(str(row["name"]))
            db.execute(f"INSERT INTO {name} ({name}) VALUES ('optimize')")  # noqa: S608


def _prove(db: Database, copy: Path, key: bytes) -> None:
    """The copy opens with ``key``, is sound, and holds what ``db`` holds."""
    proof = Database.open_read_only(copy, key)
    try:
        problems = proof.integrity_problems()
        if problems:
            raise RekeyCheckError(f"the new copy fails its integrity check: {problems[0]}")
        if _schema(proof) != _schema(db):
            raise RekeyCheckError("the new copy's schema differs")
        if _version(proof) != _version(db):
            raise RekeyCheckError("the new copy's schema version differs")
        for name in _tables(db):
            if _count(proof, name) != _count(db, name):
                raise RekeyCheckError(f"the new copy's table {name} has other rows")
    finally:
        proof.close()


def _close_old(db: Database, paths: StorePaths) -> None:
    """Close the old connection and remove its WAL and index files before the replace.

    The WAL was checkpointed empty just before; one that still holds frames after
    the close means another connection writes to the store outside its lock, and
    the rekey stops rather than lose those writes.
    """
    db.close()
    _checkpoint("old-closed")
    wal, shm = paths.database_sidecars
    if _size(wal) > 0:
        raise StoreBusyError(paths.root)
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
    for leftover in paths.rekey_temp_sidecars:
        leftover.unlink(missing_ok=True)
    sync_dir(paths.root)
    _checkpoint("sidecars-removed")


def _abandon(store: Store, manifest: StoreManifest, old_key: bytes, *, reopen: bool) -> None:
    """Undo a rekey that failed before the replace: the old file and key stay."""
    paths = store.paths
    if reopen:
        store._bind(Database.open(paths.database, old_key, expected_salt=manifest.db_salt))
    _remove_copy(paths)
    store._save(manifest.with_changes(rekey_pending=None))


# --- helpers ----------------------------------------------------------------------


def _remove_copy(paths: StorePaths) -> None:
    for path in (paths.rekey_temp, *paths.rekey_temp_sidecars):
        path.unlink(missing_ok=True)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        durable_flush(fd)
    finally:
        os.close(fd)


def _size(path: Path) -> int:
    with contextlib.suppress(FileNotFoundError):
        return path.stat().st_size
    return 0


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(db: Database) -> list[tuple[str, str, str, str]]:
    rows = db.query_all("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return sorted((str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows)


def _version(db: Database) -> int:
    return int(db.query_one("PRAGMA user_version")[0])


def _tables(db: Database) -> list[str]:
    """Every table, the search index's virtual tables and their shadow tables included."""
    rows = db.query_all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [str(row[0]) for row in rows]


def _count(db: Database, name: str) -> int:
    return int(db.query_one(f"SELECT count(*) FROM {_quoted(name)}")[0])  # noqa: S608
