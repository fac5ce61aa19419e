"""A meeting row with its own key, as the services create one, for tests that build
their own transcripts or audio around it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import numpy as np

from minuta.audio.encrypted_audio import SAMPLE_RATE, EncryptedAudioWriter
from minuta.core.models import ChannelKind, MeetingSource, MeetingState, Segment
from minuta.store.meetings import NewMeeting

STARTED = datetime(2026, 11, 20, 9, tzinfo=UTC)


def create_meeting(
    store,
    *,
    title: str = "Meeting",
    source: MeetingSource = MeetingSource.IMPORT,
    state: MeetingState = MeetingState.READY,
    notes: str = "",
) -> tuple[int, str, bytes]:
    """Commit a meeting; its id, uid and data key."""
    uid = uuid.uuid4().hex
    key, wrapped = store.new_meeting_key(uid)
    with store.db.transaction():
        meeting_id = store.meetings.create(
            NewMeeting(
                uid=uid,
                title=title,
                started_at=STARTED,
                source=source,
                state=state,
                notes=notes,
            ),
            wrapped,
        )
    return meeting_id, uid, key


def add_channel_audio(
    store, meeting_id: int, uid: str, key: bytes, kind: ChannelKind, samples: np.ndarray
) -> int:
    """A channel with ``samples`` as its finished, encrypted audio (call in a transaction)."""
    channel_id = store.meetings.add_channel(meeting_id, kind, kind.default_label)
    file_uid = uuid.uuid4().hex
    writer = EncryptedAudioWriter(
        store.audio_path(uid, file_uid), key, meeting_uid=uid, file_uid=file_uid, durable=False
    )
    writer.write(samples)
    seconds = writer.finish()
    store.meetings.add_audio_file(
        meeting_id, channel_id, file_uid, SAMPLE_RATE, seconds, finalised=True
    )
    return channel_id


def add_transcript(
    store,
    lines: list[tuple[str, str]],
    *,
    title: str = "Meeting",
    language: str = "en",
    participants: tuple[str, ...] = (),
    line_s: float = 6.0,
) -> tuple[int, list[int]]:
    """Commit a meeting with ``lines`` of (speaker, text) as its transcript; its id and line ids."""
    meeting_id, _uid, _key = create_meeting(store, title=title)
    with store.db.transaction():
        channel_id = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "Recording")
        store.meetings.add_segments(
            meeting_id,
            channel_id,
            [
                Segment(start=n * line_s, end=(n + 1) * line_s - 0.5, text=text, speaker=speaker)
                for n, (speaker, text) in enumerate(lines)
            ],
        )
        store.meetings.update_details(meeting_id, participants=participants, language=language)
    return meeting_id, [s.id for s in store.meetings.segments(meeting_id)]
