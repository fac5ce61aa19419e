"""``init``, ``status``, ``unlock --recovery`` and ``recovery-key --new``."""

from __future__ import annotations

import argparse

from minuta.app.paths import AppPaths
from minuta.commands.support import (
    new_passphrase,
    open_store,
    print_recovery_key,
    read_secret,
)


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.session import init_store

    passphrase = new_passphrase() if args.passphrase else None
    store, recovery = init_store(paths, passphrase=passphrase)
    try:
        print(f"Created an encrypted Minuta store in {paths.data_dir}")
        print(f"Its key is protected by: {store.key_location}")
        print_recovery_key(recovery.formatted())
        store.acknowledge_recovery_key()
    finally:
        store.close()


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
        print_recovery_key(recovery.formatted())
        store.acknowledge_recovery_key()
        print("The previous recovery key no longer works.")
    finally:
        store.close()
