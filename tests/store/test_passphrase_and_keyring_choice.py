"""Passphrase mode, and refusing keyrings that would keep the key in the clear."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null
from tests.store.conftest import tree_hashes

from minuta.store import errors
from minuta.store.manifest import KeyMode
from minuta.store.secret_store import system_keyring
from minuta.store.store import create_store, open_store, unlock_with_recovery


def test_insecure_keyrings_are_refused():
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        with pytest.raises(errors.InsecureKeyringError) as caught:
            system_keyring()
    finally:
        keyring.set_keyring(previous)
    assert "minuta init --passphrase" in str(caught.value)


def test_no_keyring_service_at_all_is_unavailable_not_insecure(monkeypatch):
    # keyring falls back to its "fail" stand-in when no service answers (no D-Bus, say);
    # Minuta looks once more (the service may have started since), then says so.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(errors.KeyringUnavailableError) as caught:
            system_keyring()
    finally:
        keyring.set_keyring(previous)
    assert "no keyring service is running" in str(caught.value)


def test_a_keyring_service_that_appears_later_is_found():
    # "Try again" after the keyring started: keyring's cached stand-in is not kept.
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        found = system_keyring()
    finally:
        keyring.set_keyring(previous)
    assert found.description == previous.name


def test_passphrase_store_round_trip(app_paths):
    store, recovery = create_store(
        app_paths.store,
        mode=KeyMode.PASSPHRASE,
        secret_store=None,
        passphrase="correct horse battery",
    )
    assert store.key_location == "passphrase"
    assert store.manifest.passphrase is not None
    assert store.manifest.passphrase.kdf in ("argon2id", "scrypt")
    store.close()

    with pytest.raises(errors.PassphraseRequiredError):
        open_store(app_paths.store, secret_store=None)
    before = tree_hashes(app_paths.data_dir)
    with pytest.raises(errors.WrongPassphraseError):
        open_store(app_paths.store, secret_store=None, passphrase="wrong horse")
    assert tree_hashes(app_paths.data_dir) == before

    open_store(app_paths.store, secret_store=None, passphrase="correct horse battery").close()

    # A forgotten passphrase: the recovery key sets a new one.
    unlock_with_recovery(
        app_paths.store,
        recovery.formatted(),
        secret_store=None,
        new_passphrase="a brand new passphrase",
    ).close()
    with pytest.raises(errors.WrongPassphraseError):
        open_store(app_paths.store, secret_store=None, passphrase="correct horse battery")
    open_store(app_paths.store, secret_store=None, passphrase="a brand new passphrase").close()


def test_passphrase_mode_puts_nothing_in_the_keyring(app_paths):
    from minuta.store.keys import keyring_account

    store, _ = create_store(
        app_paths.store, mode=KeyMode.PASSPHRASE, secret_store=None, passphrase="long enough pw"
    )
    store_id = store.manifest.store_id
    store.close()
    assert system_keyring().get(keyring_account(store_id)) is None


def test_a_keyring_that_refuses_leaves_nothing_behind(app_paths):
    from minuta.store.secret_store import SystemKeyring

    with pytest.raises(errors.KeyringUnavailableError):
        create_store(
            app_paths.store, mode=KeyMode.KEYRING, secret_store=SystemKeyring(fail.Keyring())
        )
    assert app_paths.store.existing_data() == []
    # ...so the user can go on with a passphrase at once.
    store, _ = create_store(
        app_paths.store, mode=KeyMode.PASSPHRASE, secret_store=None, passphrase="long enough pw"
    )
    store.close()
