"""Opening, creating and unlocking the store, as the app and the CLI both do it."""

from __future__ import annotations

from collections.abc import Callable

from minuta.app.paths import AppPaths
from minuta.store.errors import NoStoreError
from minuta.store.manifest import KeyMode
from minuta.store.recovery import RecoveryKey
from minuta.store.secret_store import SecretStore, system_keyring
from minuta.store.store import Store, create_store, open_store, store_status, unlock_with_recovery

PassphraseProvider = Callable[[], str]


def store_exists(paths: AppPaths) -> bool:
    return store_status(paths.store).exists


def key_mode(paths: AppPaths) -> KeyMode | None:
    return store_status(paths.store).key_mode


def _existing_key_mode(paths: AppPaths) -> KeyMode:
    status = store_status(paths.store)
    if not status.exists or status.key_mode is None:
        raise NoStoreError(paths.data_dir)
    return status.key_mode


def init_store(
    paths: AppPaths,
    *,
    passphrase: str | None = None,
    secret_store: SecretStore | None = None,
) -> tuple[Store, RecoveryKey]:
    """Create the store: key in the system keyring, or protected by ``passphrase``.

    Refuses (with :class:`~minuta.store.errors.InsecureKeyringError`) when only an
    insecure keyring exists and no passphrase was given.
    """
    if passphrase:
        return create_store(
            paths.store, mode=KeyMode.PASSPHRASE, secret_store=None, passphrase=passphrase
        )
    keyring = secret_store or system_keyring()
    return create_store(paths.store, mode=KeyMode.KEYRING, secret_store=keyring)


def open_app_store(
    paths: AppPaths,
    *,
    passphrase: PassphraseProvider | None = None,
    secret_store: SecretStore | None = None,
) -> Store:
    if _existing_key_mode(paths) is KeyMode.PASSPHRASE:
        secret = passphrase() if passphrase is not None else None
        return open_store(paths.store, secret_store=None, passphrase=secret)
    return open_store(paths.store, secret_store=secret_store or system_keyring())


def recover_store(
    paths: AppPaths,
    recovery_text: str,
    *,
    new_passphrase: str | None = None,
    secret_store: SecretStore | None = None,
) -> Store:
    keyring = None
    if _existing_key_mode(paths) is KeyMode.KEYRING:
        keyring = secret_store or system_keyring()
    return unlock_with_recovery(
        paths.store, recovery_text, secret_store=keyring, new_passphrase=new_passphrase
    )
