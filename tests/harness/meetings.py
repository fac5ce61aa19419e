"""A meeting row with its own key, as the services create one, for tests that build
their own transcripts or audio around it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from minuta.core.models import MeetingSource, MeetingState
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
