"""The harness really runs a Secret Service, not a stand-in."""

from __future__ import annotations

import keyring


def test_keyring_is_gnome_keyring_secret_service():
    from minuta.store.secret_store import system_keyring

    backend = system_keyring()
    assert "SecretService" in backend.description
    backend.set("harness-check", "value-1")
    assert keyring.get_password("Minuta", "harness-check") == "value-1"
    backend.delete("harness-check")
    assert backend.get("harness-check") is None
