"""The live transcript's list model and the recording's sentences, without widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from minuta.app.consent import ConsentRequiredError
from minuta.app.recording import FinishedRecording
from minuta.audio.capture import CaptureError
from minuta.audio.recording_plan import StopReason
from minuta.core.models import ChannelKind, Consent, RecordingEvent, Segment
from minuta.transcribe.live_engine import LiveState
from minuta.ui.recording.live_transcript import LiveTranscriptModel
from minuta.ui.recording.messages import RecordingMessages


def line(start: float, text: str, channel: ChannelKind = ChannelKind.SYSTEM) -> Segment:
    return Segment(start=start, end=start + 2.0, text=text, channel=channel)


def rows(model: LiveTranscriptModel) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_lines_read_time_speaker_and_text(qapp):
    model = LiveTranscriptModel()
    model.add_lines([line(3.2, " Hello there."), line(65.0, "Fine.", ChannelKind.MICROPHONE)])
    assert rows(model) == ["[00:03] them: Hello there.", "[01:05] me: Fine."]
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == rows(model)[0]
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == "Hello there."
    assert model.rowCount(model.index(0)) == 0  # a list: rows have no children
    assert model.index(5).data() is None


def test_the_microphone_speaker_is_the_user_once_named(qapp):
    model = LiveTranscriptModel()
    model.add_lines([line(1.0, "Yes.", ChannelKind.MICROPHONE), line(2.0, "Good.")])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    model.set_user_name("Anna")
    assert rows(model) == ["[00:01] Anna: Yes.", "[00:02] them: Good."]
    assert changed == [(0, 1)]
    model.set_user_name("")
    assert rows(model)[0] == "[00:01] me: Yes."


def test_late_lines_from_the_other_channel_go_in_their_place(qapp):
    model = LiveTranscriptModel()
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    model.add_lines([line(10.0, "Third."), line(1.0, "First.")])
    model.add_lines([line(5.0, "Second.", ChannelKind.MICROPHONE), line(20.0, "Fourth.")])
    assert [s.text for s in model.lines] == ["First.", "Second.", "Third.", "Fourth."]
    assert inserted == [0, 1, 1, 3]  # sorted within a batch, then each in its place
    model.clear()
    assert model.rowCount(QModelIndex()) == 0


def test_an_hour_long_meeting_shows_hours(qapp):
    model = LiveTranscriptModel()
    model.add_lines([line(3725.0, "Late.")])
    assert rows(model) == ["[1:02:05] them: Late."]


def event(kind: str, channel: ChannelKind | None = ChannelKind.MICROPHONE, **detail) -> str:
    return RecordingMessages().for_event(RecordingEvent(1.0, kind, channel, detail))


def test_recorder_events_become_plain_sentences(qapp):
    assert event("device_lost", device="Jabra", reason="errno 19") == (
        "Your microphone (Jabra) stopped sending sound. Recording goes on, and picks it up "
        "again as soon as it is back."
    )
    assert event("device_reopened", ChannelKind.SYSTEM, device="Speakers") == (
        "The call audio is back (Speakers)."
    )
    assert "Is it muted?" in event("mic_silent", for_s=30.0)
    assert event("gap", length_s=0.3) == ""  # a busy moment is not news
    assert "missed 2 seconds" in event("gap", length_s=2.2)
    for quiet in ("audio_started", "paused", "resumed", "overflow", "stopped"):
        assert event(quiet) == ""


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (LiveState.CATCHING_UP, "falling behind"),
        (LiveState.DEFERRED, "left for the full transcript"),
        (LiveState.FAILED, "live transcript stopped"),
        (LiveState.LIVE, ""),
        (LiveState.STARTING, ""),
    ],
)
def test_live_transcript_states_in_words(qapp, state, words):
    text = RecordingMessages().live_state(state, "")
    assert (words in text) if words else text == ""


def test_why_a_recording_did_not_start_or_end_as_asked(qapp):
    texts = RecordingMessages()
    assert texts.start_failed(ConsentRequiredError(Consent.DECLINED)) == (
        "Someone declined to be recorded, so nothing is recorded."
    )
    capture = texts.start_failed(CaptureError("There is no microphone with the id 'pulse:x'"))
    assert "not available" in capture and "pulse" not in capture
    full = FinishedRecording(1, 75.0, StopReason.DISK_FULL, "The disk is full.", 0)
    assert texts.finished(full).startswith("The disk is full, so the recording stopped at 01:15.")
    assert texts.finished(FinishedRecording(1, 75.0, StopReason.USER, None, 0)) == ""
