"""assign_speakers / rename_speaker on a real store, and the `speakers` command."""

from __future__ import annotations

import wave

import numpy as np
import pytest
from tests.harness.meetings import create_meeting
from tests.transcribe.speaker_voices import LINES, RATE, conversation

from minuta.app.speakers import assign_speakers, rename_speaker
from minuta.core.models import ChannelKind, MeetingSource, Segment
from minuta.store.settings import Setting
from minuta.store.speakers import SpeakerRepository

MIC, SYSTEM = ChannelKind.MICROPHONE, ChannelKind.SYSTEM


@pytest.fixture(scope="module")
def voices_dir(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("voices")


@pytest.fixture(scope="module")
def call(voices_dir):
    """A call: the user ("third") on the microphone, two people on the call's channel."""
    return {
        MIC: conversation(voices_dir, ["third"] * 4),
        SYSTEM: conversation(voices_dir, ["high", "low"] * 4, pause_s=0.3),
    }


def _recording(store, call) -> int:
    meeting_id, _, _ = create_meeting(store, title="Call", source=MeetingSource.RECORDING)
    with store.db.transaction():
        for kind, talk in call.items():
            channel = store.meetings.add_channel(meeting_id, kind, kind.default_label)
            # The transcript's segments: the turns, a little off as a recogniser's are.
            store.meetings.add_segments(
                meeting_id,
                channel,
                [
                    Segment(t.start - 0.05, t.end + 0.1, f"{t.voice}: {LINES[i % 8]}", channel=kind)
                    for i, t in enumerate(talk.turns)
                ],
            )
    return meeting_id


def _by_voice(store, meeting_id, kind) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for segment in store.meetings.segments(meeting_id):
        if segment.channel is kind:
            found.setdefault(segment.text.split(":")[0], set()).add(segment.speaker)
    return found


def test_the_microphone_is_the_user_and_the_call_is_separated(store, call):
    with store.db.transaction():
        store.settings.set(Setting.USER_NAME, "Sam Berg")
    meeting_id = _recording(store, call)
    speakers = assign_speakers(store, meeting_id, {k: c.audio for k, c in call.items()})
    assert sorted((s.channel.value, s.label, s.name) for s in speakers) == [
        ("microphone", "me", "Sam Berg"),
        ("system", "Speaker 1", None),
        ("system", "Speaker 2", None),
    ]
    assert _by_voice(store, meeting_id, MIC) == {"third": {"Sam Berg"}}
    on_call = _by_voice(store, meeting_id, SYSTEM)
    # Every line of each voice has one speaker, and the two voices have different ones.
    assert {v: len(s) for v, s in on_call.items()} == {"high": 1, "low": 1}
    assert on_call["high"] != on_call["low"]
    assert all(s.segment_count == 4 for s in speakers if s.channel is SYSTEM)


def test_renaming_relabels_all_their_lines_and_survives_a_rerun(store, call):
    meeting_id = _recording(store, call)
    audio = {k: c.audio for k, c in call.items()}
    assign_speakers(store, meeting_id, audio)
    # "high" speaks first on the call.
    first = next(s for s in store.meetings.segments(meeting_id) if s.channel is SYSTEM)
    speaker = SpeakerRepository(store.db).find(meeting_id, first.speaker)
    renamed = rename_speaker(store, speaker.id, "Ana")
    assert renamed.display_name == "Ana"
    assert _by_voice(store, meeting_id, SYSTEM)["high"] == {"Ana"}
    assert "Ana" not in _by_voice(store, meeting_id, SYSTEM)["low"]
    # Finding the speakers again recognises Ana's voice and keeps her name.
    assign_speakers(store, meeting_id, {SYSTEM: audio[SYSTEM]}, {SYSTEM: 2})
    assert _by_voice(store, meeting_id, SYSTEM)["high"] == {"Ana"}
    # The microphone channel was not given, so its speaker is untouched.
    assert _by_voice(store, meeting_id, MIC) == {"third": {"me"}}


def test_an_in_person_meeting_on_one_microphone(store, voices_dir):
    room = {MIC: conversation(voices_dir, ["low", "high"] * 3)}
    meeting_id = _recording(store, room)
    assert [s.label for s in assign_speakers(store, meeting_id, {MIC: room[MIC].audio})] == ["me"]
    speakers = assign_speakers(store, meeting_id, {MIC: room[MIC].audio}, {MIC: 2})
    assert [s.label for s in speakers] == ["Speaker 1", "Speaker 2"]
    by_voice = _by_voice(store, meeting_id, MIC)
    assert by_voice == {"low": {"Speaker 1"}, "high": {"Speaker 2"}}


def test_a_channel_the_meeting_lacks_is_refused(store, call):
    meeting_id = _recording(store, {MIC: call[MIC]})
    with pytest.raises(ValueError, match="no channel system"):
        assign_speakers(store, meeting_id, {SYSTEM: call[SYSTEM].audio})
    with pytest.raises(ValueError, match="at least 1"):
        assign_speakers(store, meeting_id, {MIC: call[MIC].audio}, {MIC: 0})


def test_the_speakers_command_lists_finds_and_renames(
    store, engine, app_paths, voices_dir, tmp_path, capsys
):
    from minuta.app.importer import import_file
    from minuta.cli import main

    talk = conversation(voices_dir, ["low", "high"] * 3)
    path = tmp_path / "talk.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(talk.audio, -1, 1) * 32767).astype("<i2").tobytes())
    meeting_id = import_file(store, engine, path).meeting_id
    store.close()
    data = ["--data-dir", str(app_paths.data_dir), "speakers", str(meeting_id)]

    assert main(data) == 0
    assert "No speakers found yet" in capsys.readouterr().out
    assert main([*data, "--speakers", "2"]) == 0
    listing = capsys.readouterr().out
    assert "Speaker 1" in listing and "Speaker 2" in listing and "mixed" in listing
    assert main([*data, "--rename", "Speaker 2", "Ana"]) == 0
    out = capsys.readouterr().out
    assert "Speaker 2 is now called Ana." in out
    assert main([*data, "--rename", "Speaker 7", "Bo"]) == 1
    assert "no speaker" in capsys.readouterr().err.lower()
