"""The CRM tests' store: a new one per test, key in the session's real keyring."""

from __future__ import annotations

import pytest


@pytest.fixture
def store(app_paths):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    yield store
    store.close()
