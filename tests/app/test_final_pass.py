"""The final pass: per-channel language, mixed language, cancel, and what it keeps."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from tests.harness.meetings import add_channel_audio, create_meeting

from minuta.app.recording_transcription import (
    MIXED,
    TranscriptionCancelled,
    transcribe_recording,
)
from minuta.audio.decode import decode_file
from minuta.core.models import ChannelKind, Highlight, MeetingSource, MeetingState

pytestmark = pytest.mark.model

ENGLISH = "We will send the offer to the customer on Monday and call them on Tuesday."
FINNISH = "Lähetämme tarjouksen asiakkaalle maanantaina ja soitamme heille tiistaina."


def two_channel_meeting(store, channels: dict[ChannelKind, np.ndarray]) -> int:
    """A finished recording, as the recorder leaves it, without capturing anything."""
    meeting_id, uid, key = create_meeting(
        store,
        title="Offer",
        source=MeetingSource.RECORDING,
        state=MeetingState.PROCESSING,
        notes="Ask about the framework agreement.",
    )
    store.paths.meeting_audio_dir(uid).mkdir(parents=True)
    with store.db.transaction():
        for kind, samples in channels.items():
            add_channel_audio(store, meeting_id, uid, key, kind, samples)
        store.recordings.add_highlights(meeting_id, [Highlight(2.0, "price")])
    return meeting_id


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * 16000), dtype=np.float32)


@pytest.fixture(scope="module")
def english(speech):
    return decode_file(speech(ENGLISH, "en-us", name="offer-en.wav")).samples


@pytest.fixture(scope="module")
def finnish(speech):
    return decode_file(speech(FINNISH, "fi", name="offer-fi.wav")).samples


def said(store, meeting_id, kind):
    return " ".join(s.text for s in store.meetings.segments(meeting_id) if s.channel is kind)


def test_each_channel_gets_its_own_language(store, engine, english, finnish):
    length = max(len(english), len(finnish)) + 16000
    pad = lambda a: np.concatenate([a, silence((length - len(a)) / 16000)])  # noqa: E731
    meeting_id = two_channel_meeting(
        store, {ChannelKind.MICROPHONE: pad(english), ChannelKind.SYSTEM: pad(finnish)}
    )
    result = transcribe_recording(store, engine, meeting_id)
    assert result.languages == {ChannelKind.MICROPHONE: "en", ChannelKind.SYSTEM: "fi"}
    segments = store.meetings.segments(meeting_id)
    assert {s.language for s in segments if s.channel is ChannelKind.SYSTEM} == {"fi"}
    assert "soitamme" in said(store, meeting_id, ChannelKind.SYSTEM).lower()
    assert "tuesday" in said(store, meeting_id, ChannelKind.MICROPHONE).lower()


def test_the_user_can_override_one_channel(store, engine, english, finnish):
    meeting_id = two_channel_meeting(
        store, {ChannelKind.MICROPHONE: english, ChannelKind.SYSTEM: finnish}
    )
    result = transcribe_recording(store, engine, meeting_id, language={ChannelKind.SYSTEM: "fi"})
    assert result.languages[ChannelKind.SYSTEM] == "fi"
    assert result.languages[ChannelKind.MICROPHONE] == "en"  # still detected


def test_a_meeting_that_switches_language_is_transcribed_part_by_part(
    store, engine, english, finnish
):
    switching = np.concatenate([english, silence(1), english, silence(32), finnish])
    meeting_id = two_channel_meeting(store, {ChannelKind.SYSTEM: switching})
    result = transcribe_recording(store, engine, meeting_id, language=MIXED)
    assert result.languages == {ChannelKind.SYSTEM: MIXED}
    segments = store.meetings.segments(meeting_id)
    by_language = {s.language for s in segments}
    assert by_language == {"en", "fi"}
    finnish_lines = [s for s in segments if s.language == "fi"]
    assert all(s.start > 40 for s in finnish_lines)  # on the meeting's clock
    assert "soitamme" in " ".join(s.text for s in finnish_lines).lower()


def test_a_cancelled_final_pass_keeps_the_earlier_transcript(store, engine, english):
    meeting_id = two_channel_meeting(store, {ChannelKind.MICROPHONE: english})
    transcribe_recording(store, engine, meeting_id)
    before = store.meetings.segments(meeting_id)
    assert before
    cancel = threading.Event()

    def progress(done: float, total: float) -> None:
        cancel.set()  # the user presses Cancel as soon as progress shows

    with pytest.raises(TranscriptionCancelled):
        transcribe_recording(
            store, engine, meeting_id, language="fi", progress=progress, cancel=cancel
        )
    assert store.meetings.segments(meeting_id) == before
    assert store.meetings.get(meeting_id).state is MeetingState.READY


def test_transcribing_again_keeps_notes_and_highlights(store, engine, english):
    meeting_id = two_channel_meeting(store, {ChannelKind.MICROPHONE: english})
    transcribe_recording(store, engine, meeting_id)
    first = store.meetings.segments(meeting_id)
    transcribe_recording(store, engine, meeting_id, language="en")
    again = store.meetings.segments(meeting_id)
    assert [s.text for s in again] == [s.text for s in first]  # replaced, not added to
    meeting = store.meetings.get(meeting_id)
    assert meeting.notes == "Ask about the framework agreement."
    assert [(h.t_s, h.label) for h in store.recordings.highlights(meeting_id)] == [(2.0, "price")]
