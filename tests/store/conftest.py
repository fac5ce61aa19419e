from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file below ``root``, to prove that nothing was changed."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def keyring_backend():
    from minuta.store.secret_store import system_keyring

    return system_keyring()


@pytest.fixture
def new_store(app_paths, keyring_backend):
    """A freshly created keyring-mode store; yields (store, recovery key)."""
    from minuta.store.manifest import KeyMode
    from minuta.store.store import create_store

    store, recovery = create_store(
        app_paths.store, mode=KeyMode.KEYRING, secret_store=keyring_backend
    )
    yield store, recovery
    store.close()
