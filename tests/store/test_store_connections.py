"""A second connection to an unlocked store, for long work elsewhere (the final pass)."""

from __future__ import annotations

import threading

from minuta.store.settings import Setting
from minuta.store.store import Store


def test_a_second_connection_on_another_thread_sees_and_writes_the_same_store(new_store):
    store, _ = new_store
    store.settings.set(Setting.USER_NAME, "Anna")
    seen: list[object] = []

    def elsewhere() -> None:
        second = store.connection_spec().open()
        try:
            seen.append(second.settings.get(Setting.USER_NAME))
            second.settings.set(Setting.USER_NAME, "Kari")
        finally:
            second.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert seen == ["Anna"]
    assert store.settings.get(Setting.USER_NAME) == "Kari"


def test_both_connections_wait_for_each_other_instead_of_failing(new_store):
    """A write while the other connection holds a write transaction waits its turn."""
    store, _ = new_store
    holding = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def hold_a_write(second: Store) -> None:
        with second.db.transaction():
            second.settings.set(Setting.USER_NAME, "held")
            holding.set()
            release.wait(5)

    def other_thread() -> None:
        second = store.connection_spec().open()
        try:
            hold_a_write(second)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            second.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    assert holding.wait(5)
    # The other side lets go a moment after this write has begun to wait (a delay that
    # makes the wait likely, not a synchronisation): it must wait, not fail as "locked".
    timer = threading.Timer(0.3, release.set)
    timer.start()
    with store.db.transaction():
        store.settings.set(Setting.TRANSCRIPTION_LANGUAGE, "da")
    thread.join()
    timer.join()
    assert errors == []
    assert store.settings.get(Setting.USER_NAME) == "held"
    assert store.settings.get(Setting.TRANSCRIPTION_LANGUAGE) == "da"
