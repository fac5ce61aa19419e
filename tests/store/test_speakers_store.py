"""Speakers in the store: schema v3, renaming through the join, sealed voice data, deletion."""

from __future__ import annotations

import numpy as np
import pytest
from tests.harness.meetings import create_meeting

from minuta.core.models import ChannelKind, Segment
from minuta.store.crypto import SealError
from minuta.store.database import Database
from minuta.store.migrations import LATEST_VERSION, migrate, schema_version
from minuta.store.speakers import (
    NewSpeaker,
    SpeakerNotFoundError,
    SpeakerRepository,
    open_embedding,
    seal_embedding,
)

LINES = ["Hello and welcome.", "Thanks for having me.", "Shall we start?", "Yes, let's."]


def _meeting(store) -> tuple[int, str, int]:
    meeting_id, uid, _ = create_meeting(store, title="Weekly sync")
    with store.db.transaction():
        channel = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "speaker")
        store.meetings.add_segments(
            meeting_id,
            channel,
            [Segment(start=5.0 * i, end=5.0 * i + 4, text=t) for i, t in enumerate(LINES)],
        )
    return meeting_id, uid, channel


def _vector(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=256).astype("<f4")
    return v / np.linalg.norm(v)


@pytest.fixture
def store(new_store):
    store, _ = new_store
    return store


@pytest.fixture
def two_speakers(store):
    """A meeting whose lines alternate between two speakers, with sealed voice vectors."""
    meeting_id, uid, channel = _meeting(store)
    key = store.meeting_key(meeting_id, uid)
    repo = SpeakerRepository(store.db)
    vectors = [_vector(1), _vector(2)]
    with store.db.transaction():
        ids = repo.replace_channel(
            meeting_id,
            channel,
            [
                NewSpeaker(label, None, seal_embedding(key, uid, label, v.tobytes()))
                for label, v in zip(("Speaker 1", "Speaker 2"), vectors, strict=True)
            ],
        )
        segments = store.meetings.segments(meeting_id)
        repo.set_segment_speakers((s.id, ids[i % 2]) for i, s in enumerate(segments))
    return meeting_id, uid, ids, vectors


def test_schema_v3_is_applied(store):
    assert schema_version(store.db) == LATEST_VERSION >= 3
    columns = {row[1] for row in store.db.query_all("PRAGMA table_info(segments)")}
    assert "speaker_id" in columns


def test_segments_show_their_speaker_and_talk_time_adds_up(store, two_speakers):
    meeting_id, _, _, _ = two_speakers
    assert [s.speaker for s in store.meetings.segments(meeting_id)] == [
        "Speaker 1",
        "Speaker 2",
        "Speaker 1",
        "Speaker 2",
    ]
    listed = SpeakerRepository(store.db).list(meeting_id)
    assert [(s.label, s.name, s.segment_count, s.talk_time_s) for s in listed] == [
        ("Speaker 1", None, 2, 8.0),
        ("Speaker 2", None, 2, 8.0),
    ]


def test_renaming_relabels_every_segment_of_that_speaker_only(store, two_speakers):
    meeting_id, _, ids, _ = two_speakers
    repo = SpeakerRepository(store.db)
    with store.db.transaction():
        repo.rename(ids[1], "  Ana Lind ")
    assert [s.speaker for s in store.meetings.segments(meeting_id)] == [
        "Speaker 1",
        "Ana Lind",
        "Speaker 1",
        "Ana Lind",
    ]
    # The text is untouched, and the name can be found again by label or name.
    assert [s.text for s in store.meetings.segments(meeting_id)] == LINES
    assert repo.find(meeting_id, "ana lind").id == ids[1]
    assert repo.find(meeting_id, "speaker 2").id == ids[1]
    with store.db.transaction():
        repo.rename(ids[1], "")
    assert repo.get(ids[1]).name is None
    assert store.meetings.segments(meeting_id)[1].speaker == "Speaker 2"


def test_unknown_speakers_are_reported(store, two_speakers):
    meeting_id, _, _, _ = two_speakers
    repo = SpeakerRepository(store.db)
    with pytest.raises(SpeakerNotFoundError):
        repo.rename(987654, "Nobody")
    with pytest.raises(SpeakerNotFoundError):
        repo.find(meeting_id, "Speaker 9")


def test_voice_vectors_are_sealed_not_stored_in_plaintext(store, app_paths, two_speakers):
    meeting_id, uid, ids, vectors = two_speakers
    repo = SpeakerRepository(store.db)
    raw = vectors[0].tobytes()
    blob = repo.sealed_embedding(ids[0])
    assert blob is not None
    assert raw not in blob and raw[:64] not in blob and len(blob) == len(raw) + 28
    key = store.meeting_key(meeting_id, uid)
    assert open_embedding(key, uid, "Speaker 1", blob) == raw
    # Bound to its row: the other speaker's label or another meeting's key does not open it.
    with pytest.raises(SealError):
        open_embedding(key, uid, "Speaker 2", blob)
    with pytest.raises(SealError):
        open_embedding(bytes(32), uid, "Speaker 1", blob)
    store.db.checkpoint()
    on_disk = b"".join(p.read_bytes() for p in app_paths.store.root.rglob("*") if p.is_file())
    for vector in vectors:
        assert vector.tobytes()[:32] not in on_disk
        assert vector.astype("<f8").tobytes()[:32] not in on_disk


def test_replacing_a_channel_unlinks_its_old_speakers(store, two_speakers):
    meeting_id, _, _, _ = two_speakers
    channel = store.meetings.channel_ids(meeting_id)[ChannelKind.MIXED]
    with store.db.transaction():
        SpeakerRepository(store.db).replace_channel(meeting_id, channel, [])
    assert SpeakerRepository(store.db).list(meeting_id) == []
    # Segments fall back to the channel's label (ON DELETE SET NULL), and survive.
    assert [s.speaker for s in store.meetings.segments(meeting_id)] == ["speaker"] * 4


def test_deleting_the_meeting_deletes_its_speakers(store, two_speakers):
    meeting_id, _, _, _ = two_speakers
    other_id, _, _ = _meeting(store)
    with store.db.transaction():
        store.meetings.delete(meeting_id)
    assert store.db.query_one("SELECT count(*) FROM speakers")[0] == 0
    assert store.meetings.segments(other_id)[0].speaker == "speaker"


def test_a_v2_store_migrates_keeping_its_segments(tmp_path):
    """An existing v2 database gains the speakers table; old segments keep their labels."""
    db = Database.open(tmp_path / "old.db", bytes(range(32)), expected_salt=None)
    try:
        from minuta.store import migrations

        for version, script in enumerate(migrations.MIGRATIONS[:2], start=1):
            db.executescript_in_transaction(f"{script}\nPRAGMA user_version = {version};")
        db.execute(
            "INSERT INTO meetings (uid, title, started_at, source, state, created_at) "
            "VALUES ('u', 't', '2026-01-01T00:00:00+00:00', 'import', 'ready', 'x')"
        )
        db.execute("INSERT INTO channels (meeting_id, kind, label) VALUES (1, 'mixed', 'x')")
        db.execute(
            "INSERT INTO segments (meeting_id, channel_id, start_s, end_s, text, speaker) "
            "VALUES (1, 1, 0, 1, 'hi', 'Old label')"
        )
        assert migrate(db) == 2
        row = db.query_one("SELECT speaker, speaker_id FROM segments")
        assert (row[0], row[1]) == ("Old label", None)
    finally:
        db.close()
