"""What the rekey tests share: a filled store, what the user sees of it, and looks at
the database file with nothing of Minuta's in between."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from tests.harness.meetings import add_channel_audio, add_transcript, create_meeting

from minuta.audio.encrypted_audio import SAMPLE_RATE, EncryptedAudioReader
from minuta.core.audit import AuditKind
from minuta.core.models import ChannelKind
from minuta.core.summary import EmailDraft, MeetingSummary, Provenance
from minuta.store import keys
from minuta.store.fsutil import ensure_private_dir
from minuta.store.manifest import load_manifest
from minuta.store.paths import StorePaths
from minuta.store.settings import Setting

PAGE = 4096
RESERVE = 80  # SQLCipher 4: a 16-byte IV and a 64-byte HMAC-SHA512 at the end of each page
LINES = [
    ("Anna", "Vi mødes i morgen klokken ni på kontoret"),
    ("Kari", "The harbour contract is signed and the budget is approved"),
    ("Anna", "Send the purple elephant proposal before Friday"),
]
# A deleted meeting's words. Each starts with letters no other word in the store starts
# with, so the search index (which stores a word's tail after the part it shares with
# the word before it) keeps the part after the first two letters whole.
CANARIES = ("Xylocanary", "Qwertzuiopcanary", "Vorpalcanary")


def master_key(paths: StorePaths, keyring_backend) -> bytes:
    manifest = load_manifest(paths.manifest)
    return keys.load_master_key(manifest, paths, keyring_backend, None)


def current_database_key(paths: StorePaths, master: bytes) -> bytes:
    return keys.database_key(load_manifest(paths.manifest), master)


def raw_opens(database: Path, key: bytes) -> bool:
    """Whether ``key`` opens ``database``, asked of SQLCipher with nothing of Minuta's."""
    conn = sqlcipher3.connect(str(database))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def decrypted_pages(database: Path, key: bytes) -> bytes:
    """Every page of ``database`` decrypted with ``key``, free pages included.

    What someone holding the key could read from the file with no database
    engine at all (AES-256-CBC, the page's IV in its reserved tail).
    """
    data = database.read_bytes()
    plain = []
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start : start + PAGE]
        body = page[16 : PAGE - RESERVE] if start == 0 else page[: PAGE - RESERVE]
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(plain)


def traces(blob: bytes) -> list[str]:
    """The canaries found in ``blob``, as typed or folded (as the search index keeps them)."""
    found = []
    for word in CANARIES:
        for form in (word, word.lower(), word.lower()[2:]):
            if form.encode("utf-8") in blob:
                found.append(form)
    return found


def summary() -> MeetingSummary:
    return MeetingSummary(
        summary="The harbour contract is signed.",
        items=(),
        email=EmailDraft("Next steps", "Hi Kari, thanks for today."),
        provenance=Provenance(
            "builtin", "builtin-1", "1", "ab" * 32, datetime(2026, 11, 20, tzinfo=UTC)
        ),
    )


def fill(store) -> dict[str, object]:
    """A meeting with a transcript, audio and a summary, a setting and audit events."""
    meeting_id, _ = add_transcript(store, LINES, title="Harbour contract")
    with store.db.transaction():
        store.summaries.save(meeting_id, summary())
    audio_id, uid, key = create_meeting(store, title="Call with audio", notes="Mødes fredag")
    ensure_private_dir(store.paths.meeting_audio_dir(uid))
    samples = np.sin(np.linspace(0, 440 * 2 * np.pi, SAMPLE_RATE)).astype(np.float32) * 0.5
    with store.db.transaction():
        add_channel_audio(store, audio_id, uid, key, ChannelKind.MICROPHONE, samples)
    store.settings.set(Setting.USER_NAME, "Anna")
    store.audit.add(AuditKind.MEETING_IMPORTED, meeting_id=meeting_id)
    store.db.checkpoint()
    return {"meeting_id": meeting_id, "audio_id": audio_id}


def snapshot(store) -> dict[str, object]:
    """What the user sees, to compare before and after."""
    meetings = store.meetings.list()
    segments = {
        m.id: [(s.text, s.speaker, s.start) for s in store.meetings.segments(m.id)]
        for m in meetings
    }
    digest = hashlib.sha256(json.dumps(segments, sort_keys=True).encode()).hexdigest()
    return {
        "meetings": [(m.id, m.uid, m.title, m.notes) for m in meetings],
        "segments": digest,
        "search": sorted(
            (hit.meeting_id, hit.kind, hit.snippet) for hit in store.search.search("modes")
        ),
        "summaries": {m.id: store.summaries.latest(m.id) for m in meetings},
        "user": store.settings.get(Setting.USER_NAME),
    }


def audio_plays(store, meeting_id: int) -> bool:
    meeting = store.meetings.get(meeting_id)
    (record,) = store.meetings.audio_files(meeting_id)
    key = store.meeting_key(meeting_id, meeting.uid)
    decoded = EncryptedAudioReader(store.audio_path(meeting.uid, record.file_uid), key).read_all()
    return len(decoded.samples) == SAMPLE_RATE
