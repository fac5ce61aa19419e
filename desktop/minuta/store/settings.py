"""User settings, kept in the encrypted database and keyed by an Enum.

Every setting has one key and one default here, so a typo is a NameError, not
a silently ignored preference.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from typing import Any

from minuta.core.audit import AuditKind
from minuta.store.audit import AuditLog
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
    # Retention rules (minuta.core.retention.RetentionSettings as a dict): by default
    # audio is deleted 30 days after the meeting; transcripts and summaries are kept.
    RETENTION = "privacy/retention"
    # Vacuum and rekey (minuta.app.shredding): a deletion is waiting to be shredded,
    # and when the store was last rekeyed (ISO 8601, None: never).
    STORE_SHRED_PENDING = "store/shred_pending"
    STORE_LAST_REKEY = "store/last_rekey"


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
    Setting.RETENTION: {
        "version": 1,
        "global": {"audio_days": 30, "audio_after_push": False, "transcript_months": None},
        "per_type": {},
    },
    Setting.STORE_SHRED_PENDING: False,
    Setting.STORE_LAST_REKEY: None,
}


# Bookkeeping the app writes by itself, not choices the user makes: changing them
# is not an audit event (every "store/…" key is such bookkeeping).
UNAUDITED: frozenset[Setting] = frozenset(
    {Setting.CRM_LAST_USED, Setting.CONSENT_NOTICE_SEEN, Setting.SETUP_DONE}
    | {key for key in Setting if key.value.startswith("store/")}
)


class Settings:
    """Reads and writes settings; a change to one the user chose is an audit event.

    The event names the setting, never its value (a name, a device, an address).
    """

    def __init__(self, db: Database, audit: AuditLog | None = None) -> None:
        self._db = db
        self._audit = audit

    def get(self, key: Setting) -> Any:
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key.value,))
        if row is None:
            return DEFAULTS[key]
        return json.loads(row[0])

    def set(self, key: Setting, value: Any) -> None:
        text = json.dumps(value)
        sql = (
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        if not self._audited(key):
            self._db.execute(sql, (key.value, text))
            return
        with self._write():
            changed = self.get(key) != json.loads(text)
            self._db.execute(sql, (key.value, text))
            if changed:
                self._record(key)

    def reset(self, key: Setting) -> None:
        sql = "DELETE FROM settings WHERE key = ?"
        if not self._audited(key):
            self._db.execute(sql, (key.value,))
            return
        with self._write():
            changed = self.get(key) != DEFAULTS[key]
            self._db.execute(sql, (key.value,))
            if changed:
                self._record(key)

    # --- the audit log --------------------------------------------------------------

    def _audited(self, key: Setting) -> bool:
        return self._audit is not None and key not in UNAUDITED

    def _write(self) -> AbstractContextManager[object]:
        """The caller's transaction, or one of our own: the change and its event go together."""
        return nullcontext() if self._db.in_transaction else self._db.transaction()

    def _record(self, key: Setting) -> None:
        assert self._audit is not None
        self._audit.add(AuditKind.SETTING_CHANGED, detail={"setting": key.value})
