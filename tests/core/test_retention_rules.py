"""The retention rules, pure: what is due when, for which meeting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from minuta.core.models import MeetingState
from minuta.core.retention import (
    AUDIO,
    TRANSCRIPT,
    AudioRule,
    MeetingFacts,
    RetentionPolicy,
    RetentionSettings,
    add_months,
    due_actions,
    scheduled,
    upcoming,
)
from minuta.store.settings import DEFAULTS, Setting

START = datetime(2026, 1, 31, 9, 30, tzinfo=UTC)


def facts(meeting_id: int = 1, **changes) -> MeetingFacts:
    values = {
        "meeting_id": meeting_id,
        "title": f"Meeting {meeting_id}",
        "started_at": START,
        "has_audio": True,
        "has_transcript": True,
    }
    values.update(changes)
    return MeetingFacts(**values)


def keys(actions) -> set[tuple[int, str]]:
    return {action.key for action in actions}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2026, 1, 31, 9, 30, tzinfo=UTC), 1, datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
        (datetime(2028, 1, 31, tzinfo=UTC), 1, datetime(2028, 2, 29, tzinfo=UTC)),  # leap year
        (datetime(2026, 3, 31, tzinfo=UTC), 1, datetime(2026, 4, 30, tzinfo=UTC)),
        (datetime(2026, 11, 15, tzinfo=UTC), 3, datetime(2027, 2, 15, tzinfo=UTC)),
        (datetime(2026, 12, 31, tzinfo=UTC), 12, datetime(2027, 12, 31, tzinfo=UTC)),
        (datetime(2026, 8, 31, tzinfo=UTC), 6, datetime(2027, 2, 28, tzinfo=UTC)),
        (datetime(2026, 5, 10, tzinfo=UTC), 0, datetime(2026, 5, 10, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months_with_the_day_clamped(start, months, expected):
    assert add_months(start, months) == expected


def test_defaults_delete_audio_after_30_days_and_keep_transcripts_and_summaries():
    settings = RetentionSettings()
    policy = settings.global_policy
    assert policy.audio_rule is AudioRule.DAYS_AFTER_MEETING
    assert policy.audio_days == 30
    assert policy.transcript_months is None
    assert policy.keeps_summaries
    assert settings.per_type == {}
    # The store's default is the same protective policy.
    assert RetentionSettings.from_dict(DEFAULTS[Setting.RETENTION]) == settings
    assert DEFAULTS[Setting.RETENTION] == settings.to_dict()

    meeting = [facts()]
    day_30 = START + timedelta(days=30)
    assert due_actions(meeting, settings, day_30 - timedelta(seconds=1)) == []
    due = due_actions(meeting, settings, day_30)
    assert keys(due) == {(1, AUDIO)}
    assert due[0].due_at == day_30
    # Years later the transcript is still not due.
    assert keys(due_actions(meeting, settings, START + timedelta(days=3650))) == {(1, AUDIO)}


def test_transcript_is_deleted_after_calendar_months():
    settings = RetentionSettings(RetentionPolicy(audio_days=None, transcript_months=1))
    meeting = [facts()]
    assert due_actions(meeting, settings, datetime(2026, 2, 28, 9, 29, tzinfo=UTC)) == []
    due = due_actions(meeting, settings, datetime(2026, 2, 28, 9, 30, tzinfo=UTC))
    assert keys(due) == {(1, TRANSCRIPT)}


def test_a_kept_meeting_is_never_due():
    settings = RetentionSettings(RetentionPolicy(audio_days=1, transcript_months=1))
    meetings = [facts(1, keep=True), facts(2)]
    later = START + timedelta(days=10_000)
    assert keys(due_actions(meetings, settings, later)) == {(2, AUDIO), (2, TRANSCRIPT)}
    assert keys(upcoming(meetings, settings, START, horizon_days=60)) == {
        (2, AUDIO),
        (2, TRANSCRIPT),
    }


@pytest.mark.parametrize("state", [MeetingState.RECORDING, MeetingState.PROCESSING])
def test_a_meeting_being_recorded_or_processed_is_never_due(state):
    settings = RetentionSettings(RetentionPolicy(audio_days=1, transcript_months=1))
    meetings = [facts(1, state=state), facts(2, state=MeetingState.READY)]
    later = START + timedelta(days=10_000)
    assert keys(due_actions(meetings, settings, later)) == {(2, AUDIO), (2, TRANSCRIPT)}


def test_nothing_is_due_for_what_is_already_gone():
    settings = RetentionSettings(RetentionPolicy(audio_days=1, transcript_months=1))
    meetings = [
        facts(1, has_audio=False),
        facts(2, has_transcript=False),
        facts(3, has_audio=False, has_transcript=False),
    ]
    later = START + timedelta(days=400)
    assert keys(due_actions(meetings, settings, later)) == {(1, TRANSCRIPT), (2, AUDIO)}


def test_a_meeting_type_has_its_own_rules_and_others_follow_the_global_ones():
    interview = RetentionPolicy.from_rule(AudioRule.DAYS_AFTER_MEETING, 3, transcript_months=6)
    settings = RetentionSettings(
        RetentionPolicy(audio_days=None), {"recruiting_interview": interview}
    )
    meetings = [
        facts(1, meeting_type="recruiting_interview"),
        facts(2, meeting_type="sales_discovery"),  # no rules of its own
        facts(3, meeting_type=None),  # no summary: no type
    ]
    assert keys(due_actions(meetings, settings, START + timedelta(days=3))) == {(1, AUDIO)}
    six_months = datetime(2026, 7, 31, 9, 30, tzinfo=UTC)
    assert keys(due_actions(meetings, settings, six_months)) == {(1, AUDIO), (1, TRANSCRIPT)}
    assert settings.policy_for("sales_discovery") is settings.global_policy
    assert settings.policy_for(None) is settings.global_policy


def test_audio_goes_right_after_the_summary_is_pushed():
    policy = RetentionPolicy.from_rule(AudioRule.AFTER_PUSH)
    assert policy.audio_rule is AudioRule.AFTER_PUSH and policy.audio_days is None
    settings = RetentionSettings(policy)
    pushed = START + timedelta(days=2, hours=3)
    meetings = [facts(1, pushed_at=pushed), facts(2)]  # meeting 2 was never pushed
    assert due_actions(meetings, settings, pushed - timedelta(seconds=1)) == []
    assert keys(due_actions(meetings, settings, pushed)) == {(1, AUDIO)}
    # Never pushed, no days: kept.
    assert keys(due_actions(meetings, settings, START + timedelta(days=5000))) == {(1, AUDIO)}


def test_after_push_or_days_whichever_comes_first():
    settings = RetentionSettings(RetentionPolicy.from_rule(AudioRule.AFTER_PUSH, 14))
    early_push = START + timedelta(days=1)
    late_push = START + timedelta(days=20)
    meetings = [facts(1, pushed_at=early_push), facts(2, pushed_at=late_push), facts(3)]
    actions = {a.meeting_id: a.due_at for a in scheduled(meetings, settings)}
    assert actions == {
        1: early_push,
        2: START + timedelta(days=14),
        3: START + timedelta(days=14),
    }


def test_upcoming_is_what_falls_due_within_the_horizon_only():
    settings = RetentionSettings(RetentionPolicy(audio_days=30, transcript_months=2))
    meetings = [
        facts(1, started_at=START),
        facts(2, started_at=START + timedelta(days=10)),
        facts(3, started_at=START + timedelta(days=40)),
    ]
    now = START + timedelta(days=31)
    assert keys(due_actions(meetings, settings, now)) == {(1, AUDIO)}
    soon = upcoming(meetings, settings, now, horizon_days=30)
    # Meeting 2's audio on day 40; meeting 1's transcript on 31 March (day 59).
    assert keys(soon) == {(2, AUDIO), (1, TRANSCRIPT)}
    assert [a.key for a in soon] == [(2, AUDIO), (1, TRANSCRIPT)]  # by date
    # Due and upcoming never overlap, and together they are everything up to the horizon.
    assert not keys(soon) & keys(due_actions(meetings, settings, now))
    end = now + timedelta(days=30)
    assert keys(due_actions(meetings, settings, end)) == keys(soon) | {(1, AUDIO)}


def test_settings_round_trip_through_json():
    settings = RetentionSettings(
        RetentionPolicy(audio_days=45, transcript_months=24),
        {
            "recruiting_interview": RetentionPolicy.from_rule(AudioRule.KEEP, transcript_months=6),
            "sales_discovery": RetentionPolicy.from_rule(AudioRule.AFTER_PUSH, 7),
        },
    )
    import json

    text = json.dumps(settings.to_dict())
    assert RetentionSettings.from_dict(json.loads(text)) == settings
    assert settings.with_policy("sales_discovery", None).per_type.keys() == {"recruiting_interview"}
    assert settings.with_policy(None, RetentionPolicy()).global_policy == RetentionPolicy()


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"global": {"audio_days": 0}},
        {"global": {"audio_days": "30"}},
        {"global": {"audio_days": 30.5}},
        {"global": {"audio_after_push": "yes"}},
        {"global": {"transcript_months": -1}},
        {"global": {"audio_days": True}},
        {"global": {"delete_everything": True}},
        {"per_type": []},
        {"per_type": {"internal": "keep"}},
        {"version": 2},
    ],
)
def test_unreadable_settings_are_refused_never_guessed(data):
    with pytest.raises(ValueError, match=r"must|unknown"):
        RetentionSettings.from_dict(data)


def test_times_must_be_aware():
    with pytest.raises(ValueError, match="timezone-aware"):
        due_actions([facts()], RetentionSettings(), datetime(2026, 5, 1))


def test_an_old_file_imported_today_counts_from_its_import() -> None:
    """A recording from last year, imported now, is not deleted at the next run."""
    imported = START + timedelta(days=400)
    settings = RetentionSettings()
    old_import = facts(1, imported_at=imported)
    assert due_actions([old_import], settings, imported + timedelta(days=1)) == []
    assert keys(due_actions([old_import], settings, imported + timedelta(days=30))) == {(1, AUDIO)}
    # Imported before the meeting's own date (a clock that was wrong): the meeting's date counts.
    early = facts(2, imported_at=START - timedelta(days=3))
    assert keys(due_actions([early], settings, START + timedelta(days=30))) == {(2, AUDIO)}
