"""Shredding: after deletions, the store is vacuumed and given a new database key.

Deleting a meeting destroys its data key at once, so its audio can no longer be
decrypted; its transcript rows are overwritten (``secure_delete``), but traces
can stay in the database file (the search index's old segments, freed pages)
until the file is rewritten. :meth:`Store.vacuum_and_rekey` rewrites it under a
new key. It needs the store to itself, so it runs when it can: after a deletion
(:func:`mark_shred_pending`, then :func:`shred_if_due` when the store is idle),
at least weekly, and on demand (``minuta shred``, :func:`shred_now`).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from minuta.store.errors import StoreBusyError
from minuta.store.rekey import RekeyReport
from minuta.store.settings import Setting
from minuta.store.store import Store

log = logging.getLogger(__name__)

REKEY_INTERVAL = timedelta(days=7)


def mark_shred_pending(store: Store) -> None:
    """Call after any deletion: the next :func:`shred_if_due` rekeys the store."""
    store.settings.set(Setting.STORE_SHRED_PENDING, True)


def shred_pending(store: Store) -> bool:
    return bool(store.settings.get(Setting.STORE_SHRED_PENDING))


def last_rekey(store: Store) -> datetime | None:
    value = store.settings.get(Setting.STORE_LAST_REKEY)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def shred_due(store: Store, now: datetime) -> bool:
    """A deletion waits to be shredded, or the last rekey (or creation) is a week old."""
    if shred_pending(store):
        return True
    since = last_rekey(store) or _created_at(store)
    return since is None or now - since >= REKEY_INTERVAL


def shred_if_due(store: Store, now: datetime) -> RekeyReport | None:
    """Rekey when :func:`shred_due`; None when not due, or when the store is busy.

    A busy store (another window, command or transcription has it open) is
    tried again next time: the pending mark stays.
    """
    if not shred_due(store, now):
        return None
    try:
        return shred_now(store, now=now)
    except StoreBusyError:
        log.warning("store vacuum postponed: the store is open in another process")
        return None


def shred_now(store: Store, *, now: datetime | None = None) -> RekeyReport:
    """Vacuum and rekey now; raises :class:`StoreBusyError` if the store is open elsewhere.

    Afterwards nothing of a meeting deleted before is left in any file of the
    data folder, readable with any key.
    """
    report = store.vacuum_and_rekey()
    # Written to the new file after the rekey: they are no trace of anything deleted.
    with store.db.transaction():
        store.settings.set(Setting.STORE_SHRED_PENDING, False)
        store.settings.set(
            Setting.STORE_LAST_REKEY, (now or datetime.now(UTC)).isoformat(timespec="seconds")
        )
    log.info(
        "store vacuumed and rekeyed: %d -> %d bytes in %.1f s",
        report.bytes_before,
        report.bytes_after,
        report.duration_s,
    )
    return report


def _created_at(store: Store) -> datetime | None:
    try:
        return datetime.fromisoformat(store.manifest.created_at)
    except ValueError:
        return None
