"""Meetings for the retention tests: real encrypted audio on two channels, a transcript
with a word of its own, a named speaker with a sealed voice, notes, and optionally a
summary of some meeting type and a push the CRM finished."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from tests.harness.meetings import add_channel_audio

from minuta.core.crm import CrmKind, CrmTarget, PlannedRequest, PushPlan, PushState, TargetKind
from minuta.core.models import ChannelKind, MeetingSource, MeetingState, Segment
from minuta.core.summary import MeetingSummary, Provenance
from minuta.store.meetings import NewMeeting
from minuta.store.speakers import NewSpeaker, SpeakerRepository, seal_embedding

TONE = (0.2 * np.sin(np.arange(16_000 * 2) * 2 * np.pi * 440 / 16_000)).astype(np.float32)


@dataclass(frozen=True)
class Made:
    id: int
    uid: str
    word: str  # a word said only in this meeting


def make_meeting(
    store,
    title: str,
    started_at: datetime,
    *,
    state: MeetingState = MeetingState.READY,
    template: str | None = None,
    pushed_at: datetime | None = None,
    keep: bool = False,
) -> Made:
    """A meeting with two channels of real encrypted audio, a transcript with a word of
    its own, a named speaker with a sealed voice, notes, and optionally a summary and a push."""
    uid = uuid.uuid4().hex
    word = f"zq{uuid.uuid4().hex[:8]}"
    key, wrapped = store.new_meeting_key(uid)
    store.paths.meeting_audio_dir(uid).mkdir(parents=True)
    with store.db.transaction():
        meeting_id = store.meetings.create(
            NewMeeting(
                uid=uid,
                title=title,
                started_at=started_at,
                source=MeetingSource.RECORDING,
                state=state,
                duration_s=2.0,
                notes=f"notes of {title}",
            ),
            wrapped,
        )
        mic = add_channel_audio(store, meeting_id, uid, key, ChannelKind.MICROPHONE, TONE)
        add_channel_audio(store, meeting_id, uid, key, ChannelKind.SYSTEM, TONE)
        store.meetings.add_segments(
            meeting_id, mic, [Segment(0.0, 1.5, f"We talked about {word} today.")]
        )
        vector = np.ones(4, dtype="<f4").tobytes()
        SpeakerRepository(store.db).replace_channel(
            meeting_id,
            mic,
            [NewSpeaker("me", "Anna", seal_embedding(key, uid, "me", vector))],
        )
        if keep:
            store.meetings.set_keep(meeting_id, True)
        if template is not None:
            store.summaries.save(meeting_id, _summary(template))
    if pushed_at is not None:
        push_id = store.outbox.add(meeting_id, _plan(meeting_id))
        store.outbox.finish(push_id, PushState.SENT)
        # The CRM said "done" at this moment of the controlled clock.
        store.db.execute(
            "UPDATE crm_pushes SET finished_at = ? WHERE id = ?", (pushed_at.isoformat(), push_id)
        )
    return Made(meeting_id, uid, word)


def _summary(template: str) -> MeetingSummary:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    provenance = Provenance("builtin", "1", "1", "00" * 32, created, template=template)
    return MeetingSummary("A summary.", (), None, provenance)


def _plan(meeting_id: int) -> PushPlan:
    return PushPlan(
        connection="hubspot",
        kind=CrmKind.HUBSPOT,
        target=CrmTarget(TargetKind.PERSON, "101", "Anna Berg"),
        ref=f"minuta-test-{meeting_id}",
        requests=(PlannedRequest("note", "Meeting note", "POST", "https://crm/notes", (), b"{}"),),
    )
