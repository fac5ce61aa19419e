"""Versioned schema migrations, applied in order inside one transaction each.

``PRAGMA user_version`` records the last applied migration. A database from a
newer Minuta (a higher version than listed here) is refused, never downgraded.

Search: ``segment_fts`` and ``meeting_fts`` are contentless FTS5 tables whose
rowids are the ``segments`` and ``meetings`` ids. Triggers keep them in step and
index text through ``minuta_fold`` (see :mod:`minuta.core.text`), which every
connection registers, so "modes" finds "mødes" and "hyvaa" finds "hyvää".
"""

from __future__ import annotations

from minuta.store.database import Database
from minuta.store.errors import StoreError

_V1 = """
CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uid              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    duration_s       REAL    NOT NULL DEFAULT 0,
    source           TEXT    NOT NULL CHECK (source IN ('import', 'recording')),
    state            TEXT    NOT NULL CHECK (state IN ('recording', 'processing', 'ready')),
    language         TEXT,
    notes            TEXT    NOT NULL DEFAULT '',
    transcript_model TEXT,
    created_at       TEXT    NOT NULL
);

CREATE TABLE meeting_keys (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    wrapped_key BLOB    NOT NULL
);

CREATE TABLE channels (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('mixed', 'microphone', 'system')),
    label      TEXT    NOT NULL,
    UNIQUE (meeting_id, kind)
);

CREATE TABLE audio_files (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    file_uid    TEXT    NOT NULL UNIQUE,
    sample_rate INTEGER NOT NULL,
    duration_s  REAL    NOT NULL,
    finalised   INTEGER NOT NULL CHECK (finalised IN (0, 1))
);

CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    start_s     REAL    NOT NULL,
    end_s       REAL    NOT NULL,
    text        TEXT    NOT NULL,
    speaker     TEXT,
    language    TEXT,
    avg_logprob REAL
);
CREATE INDEX segments_by_meeting ON segments (meeting_id, start_s);

CREATE TABLE words (
    segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start_s     REAL    NOT NULL,
    end_s       REAL    NOT NULL,
    text        TEXT    NOT NULL,
    probability REAL    NOT NULL,
    PRIMARY KEY (segment_id, position)
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE segment_fts USING fts5(
    body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE meeting_fts USING fts5(
    title, notes, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
    INSERT INTO segment_fts (rowid, body) VALUES (new.id, minuta_fold(new.text));
END;
CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
    DELETE FROM segment_fts WHERE rowid = old.id;
END;
CREATE TRIGGER segments_fts_update AFTER UPDATE OF text ON segments BEGIN
    DELETE FROM segment_fts WHERE rowid = old.id;
    INSERT INTO segment_fts (rowid, body) VALUES (new.id, minuta_fold(new.text));
END;

CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO meeting_fts (rowid, title, notes)
    VALUES (new.id, minuta_fold(new.title), minuta_fold(new.notes));
END;
CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM meeting_fts WHERE rowid = old.id;
END;
CREATE TRIGGER meetings_fts_update AFTER UPDATE OF title, notes ON meetings BEGIN
    DELETE FROM meeting_fts WHERE rowid = old.id;
    INSERT INTO meeting_fts (rowid, title, notes)
    VALUES (new.id, minuta_fold(new.title), minuta_fold(new.notes));
END;
"""

# Recordings: what is known before the first audio byte, and what happened during.
_V2 = """
ALTER TABLE meetings ADD COLUMN participants TEXT NOT NULL DEFAULT '[]';
ALTER TABLE meetings ADD COLUMN consent TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE meetings ADD COLUMN devices TEXT NOT NULL DEFAULT '{}';

CREATE TABLE highlights (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    t_s        REAL    NOT NULL,
    label      TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);
CREATE INDEX highlights_by_meeting ON highlights (meeting_id, t_s);

CREATE TABLE recording_events (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    t_s        REAL    NOT NULL,
    kind       TEXT    NOT NULL,
    channel    TEXT,
    detail     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX recording_events_by_meeting ON recording_events (meeting_id, t_s);

CREATE TABLE journal_files (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    file_uid   TEXT    NOT NULL UNIQUE
);
"""

# Speakers within a channel. ``label`` is the anonymous name ("Speaker 1", "me"),
# ``name`` stays NULL until the user gives one, and ``embedding`` is the voice's
# centroid sealed with the meeting's key: voice data identifies a person. Segments
# point at their speaker, so renaming one relabels all their lines at once.
_V3 = """
CREATE TABLE speakers (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    label      TEXT    NOT NULL,
    name       TEXT,
    embedding  BLOB,
    UNIQUE (meeting_id, label)
);
CREATE INDEX speakers_by_channel ON speakers (channel_id);

ALTER TABLE segments ADD COLUMN speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL;
CREATE INDEX segments_by_speaker ON segments (speaker_id);
"""

# Version 4: drafted summaries. The whole structured result is one JSON document (in
# the encrypted database, like everything else); each new draft is a new row, so a
# regenerated summary never overwrites one the user edited without saying so.
_V4 = """
CREATE TABLE summaries (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    backend     TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX summaries_by_meeting ON summaries (meeting_id, id);
"""

# Version 5: the CRM outbox and the audit log.
# A push is stored, with the exact requests the user approved, before anything is
# sent. Each request is a step in a ledger: "in_flight" is written (and synced)
# before the request goes out and "done" with the remote id after, so a step left
# "in_flight" by a crash is searched for in the CRM before it is ever sent again.
# Pushes outlive their meeting's deletion only as audit events, which hold hashes
# and ids, never content.
_V5 = """
CREATE TABLE crm_pushes (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    connection      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    target          TEXT    NOT NULL,
    ref             TEXT    NOT NULL UNIQUE,
    digest          TEXT    NOT NULL,
    plan            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    approved_at     TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    finished_at     TEXT
);
CREATE INDEX crm_pushes_by_meeting ON crm_pushes (meeting_id, id);
CREATE INDEX crm_pushes_by_state ON crm_pushes (state, next_attempt_at);

CREATE TABLE crm_push_steps (
    push_id   INTEGER NOT NULL REFERENCES crm_pushes(id) ON DELETE CASCADE,
    step      TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    state     TEXT    NOT NULL,
    remote_id TEXT,
    url       TEXT,
    done_at   TEXT,
    PRIMARY KEY (push_id, step)
);

CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    meeting_id INTEGER,
    detail     TEXT    NOT NULL
);
CREATE INDEX audit_events_by_meeting ON audit_events (meeting_id, id);
"""

# Version 6: privacy controls.
# * ``meeting_consent``: who was told about a recording, how and when (one row per
#   meeting recorded since; meetings from before have none).
# * Retention: ``keep`` is the per-meeting "keep" override; ``audio_deleted_at`` and
#   ``transcript_deleted_at`` say what a policy (or the user) already removed.
# * The audit log becomes a hash chain: each event's ``hash`` covers its content and
#   the previous event's hash (events from before are chained when the store opens).
# * ``exports``: every export, with the bytes that left, for "What left this machine";
#   ``crm_pushes.audit_head`` is the audit head a push carried.
_V6 = """
CREATE TABLE meeting_consent (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    decision    TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    informed    TEXT    NOT NULL DEFAULT '[]',
    recorded_at TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    announcement_language TEXT
);

ALTER TABLE meetings ADD COLUMN keep INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN audio_deleted_at TEXT;
ALTER TABLE meetings ADD COLUMN transcript_deleted_at TEXT;

ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;

CREATE TABLE exports (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    digest      TEXT    NOT NULL,
    audit_head  TEXT    NOT NULL,
    payload     BLOB    NOT NULL
);
CREATE INDEX exports_by_meeting ON exports (meeting_id, id);

ALTER TABLE crm_pushes ADD COLUMN audit_head TEXT;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
LATEST_VERSION = len(MIGRATIONS)


class SchemaTooNewError(StoreError):
    def __init__(self, found: int) -> None:
        super().__init__(
            f"This store was written by a newer Minuta (schema {found}; this version "
            f"knows up to {LATEST_VERSION}). Nothing was changed. Update Minuta to open it."
        )


def schema_version(db: Database) -> int:
    return int(db.query_one("PRAGMA user_version")[0])


def migrate(db: Database) -> int:
    """Bring ``db`` to :data:`LATEST_VERSION`; returns the version it started at."""
    start = schema_version(db)
    if start > LATEST_VERSION:
        raise SchemaTooNewError(start)
    for version in range(start + 1, LATEST_VERSION + 1):
        script = MIGRATIONS[version - 1]
        db.executescript_in_transaction(f"{script}\nPRAGMA user_version = {version};")
    return start
