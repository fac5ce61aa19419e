"""User settings, kept in the encrypted database and keyed by an Enum.

Every setting has one key and one default here, so a typo is a NameError, not
a silently ignored preference.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from minuta.store.database import Database


class Setting(StrEnum):
    TRANSCRIPTION_MODEL = "transcription/model"
    TRANSCRIPTION_LANGUAGE = "transcription/language"
    # How the user is named in transcripts (the microphone's speaker); None: "me".
    USER_NAME = "user/name"
    # Device ids can carry a person's name ("Anna's AirPods"): kept encrypted here.
    RECORDING_MICROPHONE = "recording/microphone"  # None: the system default
    RECORDING_OUTPUT = "recording/output"  # None: the system default
    RECORDING_CALL_AUDIO = "recording/call_audio"  # False: microphone only
    # Consent: the answer pre-selected in the question (None: nothing pre-selected),
    # and whether the first-time notice was read. The question itself is always asked.
    CONSENT_PRESELECT = "consent/preselect"
    CONSENT_NOTICE_SEEN = "consent/notice_seen"
    SETUP_DONE = "setup/done"  # the first-start setup was completed
    # Summaries: which backend ("auto", "builtin", "ollama", "openai-compatible",
    # "llama-cpp"), the local server's address and model, and the user's own
    # template instructions per meeting type ({meeting type: {field: value}}).
    SUMMARY_BACKEND = "summary/backend"
    SUMMARY_SERVER_URL = "summary/server_url"  # None: the backend's usual address
    SUMMARY_MODEL = "summary/model"  # None: the server's first model
    SUMMARY_TEMPLATES = "summary/templates"
    SUMMARY_DEFAULT_TEMPLATE = "summary/default_template"
    # CRMs the user connected (name, vendor, addresses; the tokens live in the
    # keyring), and the one a push offers first.
    CRM_CONNECTIONS = "crm/connections"
    CRM_LAST_USED = "crm/last_used"


DEFAULTS: dict[Setting, Any] = {
    Setting.TRANSCRIPTION_MODEL: "base",
    Setting.TRANSCRIPTION_LANGUAGE: "auto",
    Setting.USER_NAME: None,
    Setting.RECORDING_MICROPHONE: None,
    Setting.RECORDING_OUTPUT: None,
    Setting.RECORDING_CALL_AUDIO: True,
    Setting.CONSENT_PRESELECT: None,
    Setting.CONSENT_NOTICE_SEEN: False,
    Setting.SETUP_DONE: False,
    Setting.SUMMARY_BACKEND: "auto",
    Setting.SUMMARY_SERVER_URL: None,
    Setting.SUMMARY_MODEL: None,
    Setting.SUMMARY_TEMPLATES: {},
    Setting.SUMMARY_DEFAULT_TEMPLATE: "customer_follow_up",
    Setting.CRM_CONNECTIONS: [],
    Setting.CRM_LAST_USED: None,
}


class Settings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: Setting) -> Any:
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key.value,))
        if row is None:
            return DEFAULTS[key]
        return json.loads(row[0])

    def set(self, key: Setting, value: Any) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key.value, json.dumps(value)),
        )

    def reset(self, key: Setting) -> None:
        self._db.execute("DELETE FROM settings WHERE key = ?", (key.value,))
