"""Deleting destroys key, rows, index entries and files; exports are well-formed."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import numpy as np
import pytest

from minuta.app.export import FORMATS, export
from minuta.app.meetings import delete_meeting
from minuta.core.models import ChannelKind, MeetingSource, MeetingState, Segment, Word
from minuta.store.errors import MeetingNotFoundError
from minuta.store.meetings import NewMeeting


def make_meeting(store) -> int:
    from minuta.audio.encrypted_audio import EncryptedAudioWriter

    uid, file_uid = uuid.uuid4().hex, uuid.uuid4().hex
    key, wrapped = store.new_meeting_key(uid)
    store.paths.meeting_audio_dir(uid).mkdir(parents=True)
    writer = EncryptedAudioWriter(
        store.audio_path(uid, file_uid), key, meeting_uid=uid, file_uid=file_uid, durable=False
    )
    writer.write(np.zeros(16000, dtype=np.float32))
    writer.finish()
    with store.db.transaction():
        meeting_id = store.meetings.create(
            NewMeeting(
                uid=uid,
                title="Tilbud: Ærø Færger",
                source=MeetingSource.IMPORT,
                started_at=datetime(2026, 11, 20, 13, 5, tzinfo=UTC),
                state=MeetingState.READY,
                duration_s=65.5,
                language="da",
                notes="Ring til Søren",
            ),
            wrapped,
        )
        channel = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "speaker")
        store.meetings.add_audio_file(meeting_id, channel, file_uid, 16000, 1.0, finalised=True)
        store.meetings.add_segments(
            meeting_id,
            channel,
            [
                Segment(
                    0.0,
                    2.5,
                    "Vi mødes på torsdag.",
                    (Word(0.0, 0.4, "Vi", 0.99), Word(0.5, 1.1, "mødes", 0.93)),
                ),
                Segment(61.25, 65.5, "Tak for i dag."),
            ],
        )
    return meeting_id


def test_delete_destroys_key_rows_index_and_files(app_paths):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    try:
        meeting_id = make_meeting(store)
        meeting = store.meetings.get(meeting_id)
        folder = store.paths.meeting_audio_dir(meeting.uid)
        assert any(folder.iterdir())
        report = delete_meeting(store, meeting_id)
        assert report.audio_files_removed == 1 and report.leftover is None
        assert not folder.exists()
        for table in ("meetings", "meeting_keys", "channels", "audio_files", "segments", "words"):
            assert store.db.query_one(f"SELECT count(*) FROM {table}")[0] == 0, table
        assert store.search.search("mødes") == []
        assert store.search.search("soren") == []
        wal, _ = app_paths.store.database_sidecars
        assert not wal.exists() or wal.stat().st_size == 0  # checkpointed
        with pytest.raises(MeetingNotFoundError):
            store.meetings.get(meeting_id)
    finally:
        store.close()


@pytest.fixture
def meeting_and_segments(app_paths):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    try:
        meeting_id = make_meeting(store)
        yield store.meetings.get(meeting_id), store.meetings.segments(meeting_id)
    finally:
        store.close()


def test_srt(meeting_and_segments):
    text = export(*meeting_and_segments, "srt")
    assert text.splitlines()[:3] == ["1", "00:00:00,000 --> 00:00:02,500", "Vi mødes på torsdag."]
    assert "2\n00:01:01,250 --> 00:01:05,500\nTak for i dag." in text


def test_vtt(meeting_and_segments):
    text = export(*meeting_and_segments, "vtt")
    assert text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nVi mødes på torsdag.")


def test_markdown_and_text(meeting_and_segments):
    markdown = export(*meeting_and_segments, "md")
    assert markdown.startswith("# Tilbud: Ærø Færger\n")
    assert "**[01:01]** Tak for i dag." in markdown
    assert "## Notes\n\nRing til Søren" in markdown
    text = export(*meeting_and_segments, "txt")
    assert "[00:00] Vi mødes på torsdag." in text


def test_json_carries_words_and_keeps_unicode(meeting_and_segments):
    document = json.loads(export(*meeting_and_segments, "json"))
    assert document["format"] == "minuta-transcript"
    assert document["meeting"]["title"] == "Tilbud: Ærø Færger"
    first = document["segments"][0]
    assert first["words"][1] == {"start": 0.5, "end": 1.1, "text": "mødes", "probability": 0.93}
    assert "Ærø" in export(*meeting_and_segments, "json")  # not \u-escaped


def test_every_format_is_offered(meeting_and_segments):
    for fmt in FORMATS:
        assert export(*meeting_and_segments, fmt).strip()
    with pytest.raises(ValueError, match="Unknown export format"):
        export(*meeting_and_segments, "rtf")
