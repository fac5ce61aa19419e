"""Recording through a real PulseAudio server: two devices, two speakers."""

from __future__ import annotations

from tests.recording.conftest import record_while_playing, windowed_match

from minuta.audio.encrypted_audio import EncryptedAudioReader
from minuta.core.models import ChannelKind, MeetingState


def read_channels(store, meeting_id):
    meeting = store.meetings.get(meeting_id)
    key = store.meeting_key(meeting.id, meeting.uid)
    return {
        f.channel: EncryptedAudioReader(store.audio_path(meeting.uid, f.file_uid), key).read_all()
        for f in store.meetings.audio_files(meeting_id)
    }


def test_each_channel_holds_its_own_speech_aligned(store, backend, pulse_server, voices, listener):
    far, near = voices
    finished = record_while_playing(
        store, backend, pulse_server, listener, call=far, mic=near, title="Turbines"
    )

    assert finished.reason == "user"
    meeting = store.meetings.get(finished.meeting_id)
    assert meeting.state is MeetingState.PROCESSING
    channels = read_channels(store, finished.meeting_id)
    mic, them = channels[ChannelKind.MICROPHONE], channels[ChannelKind.SYSTEM]
    assert mic.finalised and them.finalised
    assert abs(mic.duration_s - them.duration_s) < 0.1

    near_at, near_match = windowed_match(mic.samples, near)
    far_at, far_match = windowed_match(them.samples, far)
    _, crossed_mic = windowed_match(mic.samples, far)
    _, crossed_them = windowed_match(them.samples, near)
    assert near_match > 0.8 and far_match > 0.8, (near_match, far_match)
    assert crossed_mic < 0.3 and crossed_them < 0.3, (crossed_mic, crossed_them)
    # Played at the same moment, so they must sit at the same place on the timeline.
    assert abs(near_at - far_at) <= 0.050, (near_at, far_at)
