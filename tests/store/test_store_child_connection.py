"""What a child process gets to open an unlocked store: paths and the key, no keyring."""

from __future__ import annotations

import pickle

import pytest

from minuta.store.errors import StoreNotReadyError, WrongKeyError
from minuta.store.manifest import StoreState, save_manifest
from minuta.store.settings import Setting
from minuta.store.store import ConnectionSpec, open_with_master


def test_a_spec_travels_pickled_and_opens_the_same_store_without_a_keyring(new_store):
    store, _ = new_store
    store.settings.set(Setting.USER_NAME, "Anna")
    # As spawn hands it to a child (our own bytes, not untrusted data).
    spec = pickle.loads(pickle.dumps(store.connection_spec()))  # noqa: S301

    child = spec.open()
    try:
        assert child.settings.get(Setting.USER_NAME) == "Anna"
        child.settings.set(Setting.USER_NAME, "Kari")
    finally:
        child.close()
    assert store.settings.get(Setting.USER_NAME) == "Kari"


def test_a_spec_never_shows_its_key(new_store):
    store, _ = new_store
    spec = store.connection_spec()
    assert spec.master.hex() not in repr(spec)
    assert repr(spec.master) not in repr(spec)


def test_a_wrong_key_is_refused(new_store):
    store, _ = new_store
    wrong = ConnectionSpec(store.paths, bytes(32))
    with pytest.raises(WrongKeyError):
        wrong.open()


def test_a_store_still_being_created_is_refused(new_store):
    store, _ = new_store
    spec = store.connection_spec()
    save_manifest(store.paths.manifest, store.manifest.with_changes(state=StoreState.CREATING))
    with pytest.raises(StoreNotReadyError):
        open_with_master(spec.paths, spec.master)
