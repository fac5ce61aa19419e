"""Setting changes are audit events naming the setting, never its value."""

from __future__ import annotations

import pytest

from minuta.core.audit import AuditKind
from minuta.store.settings import UNAUDITED, Setting


@pytest.fixture
def store(new_store):
    return new_store[0]


def _setting_events(store) -> list[str]:
    return [str(e.detail["setting"]) for e in store.audit.events(kinds=[AuditKind.SETTING_CHANGED])]


def test_a_changed_setting_is_logged_by_name_never_by_value(store):
    store.settings.set(Setting.USER_NAME, "Kari Nordmann")
    (event,) = store.audit.events(kinds=[AuditKind.SETTING_CHANGED])
    assert event.detail == {"setting": "user/name"}
    assert "Kari" not in str(event) and event.meeting_id is None
    assert store.audit.verify().ok


def test_only_real_changes_are_logged(store):
    store.settings.set(Setting.TRANSCRIPTION_MODEL, "base")  # the default: no change
    assert _setting_events(store) == []
    store.settings.set(Setting.TRANSCRIPTION_MODEL, "small")
    store.settings.set(Setting.TRANSCRIPTION_MODEL, "small")  # the same again
    assert _setting_events(store) == ["transcription/model"]
    store.settings.reset(Setting.TRANSCRIPTION_MODEL)
    store.settings.reset(Setting.TRANSCRIPTION_MODEL)  # already the default
    assert _setting_events(store) == ["transcription/model"] * 2
    assert store.settings.get(Setting.TRANSCRIPTION_MODEL) == "base"
    store.settings.set(Setting.SUMMARY_TEMPLATES, {"sales": {"focus": "x"}})
    store.settings.set(Setting.SUMMARY_TEMPLATES, {"sales": {"focus": "x"}})
    assert _setting_events(store).count("summary/templates") == 1


def test_bookkeeping_settings_are_not_logged(store):
    assert {Setting.CRM_LAST_USED, Setting.CONSENT_NOTICE_SEEN, Setting.SETUP_DONE} <= UNAUDITED
    assert all(key in UNAUDITED for key in Setting if key.value.startswith("store/"))
    for key in UNAUDITED:
        store.settings.set(key, "something")
        store.settings.reset(key)
    assert _setting_events(store) == []
    assert store.settings.get(Setting.SETUP_DONE) is False


def test_a_change_and_its_event_share_the_callers_transaction(store):
    def change_then_fail() -> None:
        with store.db.transaction():
            store.settings.set(Setting.USER_NAME, "Ola")
            raise RuntimeError("undo")

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert store.settings.get(Setting.USER_NAME) is None
    assert _setting_events(store) == []
