"""``init``, ``status``, ``unlock --recovery``, ``recovery-key --new`` and ``shred``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import (
    new_passphrase,
    open_store,
    print_recovery_key,
    read_secret,
)

if TYPE_CHECKING:
    from minuta.store.store import Store


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.session import init_store

    passphrase = new_passphrase() if args.passphrase else None
    store, recovery = init_store(paths, passphrase=passphrase)
    try:
        print(f"Created an encrypted Minuta store in {paths.data_dir}")
        print(f"Its key is protected by: {store.key_location}")
        _log_recovery_key_shown(store, "created")
        print_recovery_key(recovery.formatted())
        store.acknowledge_recovery_key()
    finally:
        store.close()


def _log_recovery_key_shown(store: Store, reason: str) -> None:
    """Every showing of a recovery key is in the audit log (never the key itself)."""
    from minuta.core.audit import AuditKind

    store.audit.add(AuditKind.RECOVERY_KEY_VIEWED, detail={"reason": reason, "shown_in": "cli"})


def cmd_status(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.session import store_exists

    print(f"Data folder:  {paths.data_dir}")
    print(f"Model cache:  {paths.models_dir}")
    if not store_exists(paths):
        print("Store:        none yet (run `minuta init`)")
        return
    store = open_store(paths)
    try:
        count = len(store.meetings.list())
        print("Store:        encrypted (SQLCipher 4; audio AES-256-GCM, one key per meeting)")
        print(f"Key:          {store.key_location}")
        print(f"Meetings:     {count}")
    finally:
        store.close()


def cmd_unlock(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.session import key_mode, recover_store
    from minuta.store.manifest import KeyMode
    from minuta.store.recovery import RecoveryKey

    text = read_secret("Recovery key: ")
    RecoveryKey.parse(text)  # a typo is reported before any passphrase is asked for
    replacement = new_passphrase() if key_mode(paths) is KeyMode.PASSPHRASE else None
    store = recover_store(paths, text, new_passphrase=replacement)
    try:
        where = "your new passphrase" if replacement else store.key_location
        print(f"Unlocked. The database key is protected again by: {where}")
    finally:
        store.close()


def cmd_recovery_key(args: argparse.Namespace, paths: AppPaths) -> None:
    store = open_store(paths)
    try:
        recovery = store.replace_recovery_key()
        _log_recovery_key_shown(store, "replaced")
        print_recovery_key(recovery.formatted())
        store.acknowledge_recovery_key()
        print("The previous recovery key no longer works.")
    finally:
        store.close()


def cmd_shred(args: argparse.Namespace, paths: AppPaths) -> None:
    """Vacuum and rekey now; a store open elsewhere is refused (StoreBusyError, exit 1)."""
    from minuta.app.shredding import shred_now

    store = open_store(paths, quiet_about_interrupted=True)
    try:
        report = shred_now(store)
    finally:
        store.close()
    print("The store was vacuumed and given a new database key.")
    print("Meetings deleted before leave no trace in its files any more.")
    print(f"Database:     {_size(report.bytes_before)} before, {_size(report.bytes_after)} after")
    print(f"Took:         {report.duration_s:.1f} s")


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"
