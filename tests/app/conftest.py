from __future__ import annotations

import pytest

DISTINCTIVE = "purple elephant"
PHRASE = "We signed the purple elephant contract with the harbour office on Monday morning."


@pytest.fixture
def store(app_paths):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    yield store
    store.close()


@pytest.fixture(scope="session")
def phrase_wav(speech):
    return speech(PHRASE, name="phrase.wav")
