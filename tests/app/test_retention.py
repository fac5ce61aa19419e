"""Retention over a real store, with a controlled clock.

The acceptance test: the preview at a time lists exactly what a run at that
time deletes, the store afterwards holds exactly that less (files, rows, key,
search index), nothing else is touched, a second run deletes nothing, and
moving the clock on makes the next ones due.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from tests.harness.retention import TONE, Made, make_meeting

from minuta.app import retention
from minuta.app.meetings import (
    AudioDeletedError,
    MeetingBusyError,
    delete_audio,
    delete_meeting,
    delete_transcript,
    set_keep,
)
from minuta.app.playback import channel_files, decode_mix
from minuta.app.speakers import channel_audio
from minuta.core.audit import AuditKind
from minuta.core.models import MeetingState
from minuta.core.retention import (
    AUDIO,
    TRANSCRIPT,
    AudioRule,
    RetentionPolicy,
    RetentionSettings,
)
from minuta.store.speakers import SpeakerRepository

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


SETTINGS = RetentionSettings(
    RetentionPolicy(audio_days=30, transcript_months=12),
    {
        "recruiting_interview": RetentionPolicy.from_rule(
            AudioRule.AFTER_PUSH, 7, transcript_months=3
        ),
        "sales_discovery": RetentionPolicy.from_rule(AudioRule.AFTER_PUSH),
        "internal": RetentionPolicy.from_rule(AudioRule.KEEP, transcript_months=1),
    },
)


@pytest.fixture
def meetings(store) -> dict[str, Made]:
    retention.save_settings(store, SETTINGS)
    day = timedelta(days=1)
    return {
        "old": make_meeting(store, "Old call", NOW - 40 * day),
        "fresh": make_meeting(store, "Fresh call", NOW - 5 * day),
        "kept": make_meeting(store, "Kept call", NOW - 400 * day, keep=True),
        "interview": make_meeting(
            store, "Interview", NOW - 130 * day, template="recruiting_interview"
        ),
        "pushed": make_meeting(
            store, "Pushed", NOW - 2 * day, template="sales_discovery", pushed_at=NOW - day
        ),
        "unpushed": make_meeting(store, "Unpushed", NOW - 100 * day, template="sales_discovery"),
        "processing": make_meeting(
            store, "Processing", NOW - 100 * day, state=MeetingState.PROCESSING
        ),
        "internal": make_meeting(store, "Internal", NOW - 62 * day, template="internal"),
    }


def gone(store, made: dict[str, Made]) -> set[tuple[int, str]]:
    """What the store no longer holds, looked at directly: (meeting, "audio"/"transcript")."""
    result: set[tuple[int, str]] = set()
    for m in made.values():
        files = store.db.query_one("SELECT count(*) FROM audio_files WHERE meeting_id = ?", (m.id,))
        key = store.db.query_one("SELECT count(*) FROM meeting_keys WHERE meeting_id = ?", (m.id,))
        folder = store.paths.meeting_audio_dir(m.uid)
        audio_gone = files[0] == 0 and key[0] == 0 and not folder.exists()
        audio_there = files[0] == 2 and key[0] == 1 and len(list(folder.iterdir())) == 2
        assert audio_gone or audio_there, m  # never half deleted
        if audio_gone:
            result.add((m.id, AUDIO))
        segments = store.db.query_one("SELECT count(*) FROM segments WHERE meeting_id = ?", (m.id,))
        if segments[0] == 0:
            result.add((m.id, TRANSCRIPT))
    return result


def keys(actions) -> set[tuple[int, str]]:
    return {action.key for action in actions}


def test_the_preview_is_exactly_what_the_run_deletes(store, meetings):
    m = meetings
    expected = {
        (m["old"].id, AUDIO),
        (m["interview"].id, AUDIO),
        (m["interview"].id, TRANSCRIPT),
        (m["pushed"].id, AUDIO),
        (m["internal"].id, TRANSCRIPT),
    }
    summaries_before = {made.id: store.summaries.count(made.id) for made in m.values()}

    shown = retention.preview(store, NOW)
    assert keys(shown.due) == expected
    # Within the next 30 days: the fresh call's audio, on day 30 after it.
    assert keys(shown.upcoming) == {(m["fresh"].id, AUDIO)}
    assert shown.upcoming[0].due_at == NOW + timedelta(days=25)

    report = retention.run(store, NOW)
    assert report.failed == ()
    assert report.shredded  # the deletions were vacuumed out of the database file
    assert keys(report.done) == keys(shown.due) == expected
    assert gone(store, m) == expected

    for made, what in expected:
        meeting = store.meetings.get(made)
        if what == AUDIO:
            assert meeting.audio_deleted_at == NOW
            assert channel_files(store, made) == []
            embeddings = store.db.query_all(
                "SELECT embedding FROM speakers WHERE meeting_id = ?", (made,)
            )
            assert all(row[0] is None for row in embeddings)  # voices went with the audio
        else:
            assert meeting.transcript_deleted_at == NOW
            for table in ("speakers", "words"):
                sql = (
                    "SELECT count(*) FROM speakers WHERE meeting_id = ?"
                    if table == "speakers"
                    else "SELECT count(*) FROM words w JOIN segments s ON s.id = w.segment_id "
                    "WHERE s.meeting_id = ?"
                )
                assert store.db.query_one(sql, (made,))[0] == 0
    for name, made in m.items():
        meeting = store.meetings.get(made.id)
        # Notes, titles and summaries stay for every meeting.
        assert meeting.notes == f"notes of {meeting.title}"
        assert store.summaries.count(made.id) == summaries_before[made.id]
        found = {hit.meeting_id for hit in store.search.search(made.word)}
        if (made.id, TRANSCRIPT) in expected:
            assert found == set(), name
        else:
            assert found == {made.id}, name
        if (made.id, AUDIO) not in expected:
            mix = decode_mix(channel_files(store, made.id))  # still decrypts
            assert len(mix) == len(TONE) and np.abs(mix).max() > 1000
            assert meeting.audio_deleted_at is None

    # The audit log: one event per deletion (counts, no titles), and the run's.
    audio_events = store.audit.events(kinds=[AuditKind.AUDIO_DELETED])
    transcript_events = store.audit.events(kinds=[AuditKind.TRANSCRIPT_DELETED])
    assert {(e.meeting_id, AUDIO) for e in audio_events} | {
        (e.meeting_id, TRANSCRIPT) for e in transcript_events
    } == expected
    for event in audio_events + transcript_events:
        assert event.detail["reason"] == "retention"
        assert not any(made.word in str(event.detail) for made in m.values())
        assert "call" not in str(event.detail).lower()
    assert audio_events[0].detail["audio_files"] == 2
    assert audio_events[0].detail["voice_embeddings"] == 1
    runs = store.audit.events(kinds=[AuditKind.RETENTION_RUN])
    assert len(runs) == 1
    assert runs[0].detail == {"audio_deleted": 3, "transcripts_deleted": 2, "failed": 0}
    assert store.audit.verify().ok


def test_running_again_deletes_nothing_and_later_the_next_ones_are_due(store, meetings):
    m = meetings
    first = retention.run(store, NOW)
    assert first.changed
    before = gone(store, m)

    again = retention.run(store, NOW)
    assert again.done == () and not again.changed
    assert gone(store, m) == before
    assert retention.preview(store, NOW).due == ()

    # 25 days on, the fresh call's audio is due: the preview says so, the run does it.
    later = NOW + timedelta(days=25)
    assert keys(retention.preview(store, later - timedelta(seconds=1)).due) == set()
    shown = retention.preview(store, later)
    assert keys(shown.due) == {(m["fresh"].id, AUDIO)}
    report = retention.run(store, later)
    assert keys(report.done) == keys(shown.due)
    assert gone(store, m) == before | {(m["fresh"].id, AUDIO)}
    runs = store.audit.events(kinds=[AuditKind.RETENTION_RUN])
    assert [e.detail["audio_deleted"] for e in runs] == [1, 0, 3]  # newest first


def test_kept_meetings_wait_until_the_keep_is_lifted(store, meetings):
    kept = meetings["kept"]
    assert (kept.id, AUDIO) not in keys(retention.preview(store, NOW).due)
    assert set_keep(store, kept.id, False) is True
    assert set_keep(store, kept.id, False) is False  # no change, no event
    assert not store.meetings.get(kept.id).keep
    assert {(kept.id, AUDIO), (kept.id, TRANSCRIPT)} <= keys(retention.preview(store, NOW).due)
    events = store.audit.events(kinds=[AuditKind.KEEP_CHANGED])
    assert [(e.meeting_id, e.detail) for e in events] == [(kept.id, {"keep": 0})]


def test_a_meeting_without_audio_says_when_it_was_deleted(store, meetings):
    old = meetings["old"]
    deletion = delete_audio(store, old.id, reason="user", at=NOW)
    assert deletion.audio_files == 2 and deletion.leftover is None
    with pytest.raises(AudioDeletedError, match="deleted on 2026-06-01"):
        channel_audio(store, old.id)
    assert channel_files(store, old.id) == []
    # The transcript, speakers (names, not voices) and meeting stay.
    assert store.meetings.get(old.id).segment_count == 1
    speakers = SpeakerRepository(store.db).list(old.id)
    assert [s.name for s in speakers] == ["Anna"]
    # Deleting again does nothing and records nothing more.
    assert delete_audio(store, old.id, reason="user").deleted_at is None
    events = store.audit.events(kinds=[AuditKind.AUDIO_DELETED])
    assert [(e.meeting_id, e.detail["reason"]) for e in events] == [(old.id, "user")]
    # A retention run no longer sees audio there.
    assert (old.id, AUDIO) not in keys(retention.run(store, NOW).done)


def test_the_user_deletes_a_transcript_and_a_meeting(store, meetings):
    fresh = meetings["fresh"]
    result = delete_transcript(store, fresh.id, reason="user")
    assert (result.segments, result.speakers) == (1, 1)
    assert store.search.search(fresh.word) == []
    assert decode_mix(channel_files(store, fresh.id)).size == len(TONE)  # audio stays

    old = meetings["old"]
    delete_meeting(store, old.id)
    event = store.audit.events(kinds=[AuditKind.MEETING_DELETED])[0]
    assert event.meeting_id == old.id
    assert event.detail == {"reason": "user", "audio_files": 2, "segments": 1}


def test_a_meeting_being_processed_is_refused(store, meetings):
    busy = meetings["processing"]
    with pytest.raises(MeetingBusyError):
        delete_audio(store, busy.id, reason="user")
    with pytest.raises(MeetingBusyError):
        delete_transcript(store, busy.id, reason="user")
    assert gone(store, {"busy": busy}) == set()


def test_the_preview_of_rules_being_edited_uses_them_not_the_stored_ones(store, meetings):
    keep_all = RetentionSettings(RetentionPolicy(audio_days=None))
    assert retention.preview(store, NOW, settings=keep_all).due == ()
    assert retention.load_settings(store) == SETTINGS


def test_unreadable_rules_delete_nothing(store, meetings):
    from minuta.store.settings import Setting

    store.settings.set(Setting.RETENTION, {"global": {"audio_days": "soon"}})
    with pytest.raises(retention.RetentionSettingsError, match="Nothing was deleted"):
        retention.run(store, NOW)
    assert gone(store, meetings) == set()


def test_defaults_without_any_setting(store):
    made = make_meeting(store, "Default", NOW - timedelta(days=31))
    assert retention.load_settings(store) == RetentionSettings()
    report = retention.run(store, NOW)
    assert keys(report.done) == {(made.id, AUDIO)}
