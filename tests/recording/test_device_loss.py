"""A microphone that disappears mid-recording: noticed, recorded as a gap, survived."""

from __future__ import annotations

import threading

import numpy as np
from tests.harness.pulse import play
from tests.recording.conftest import windowed_match

from minuta.app.recording import RecordingRequest, start_recording
from minuta.audio.encrypted_audio import EncryptedAudioReader
from minuta.core.models import ChannelKind, Consent


def tone(seconds: float, hz: float) -> np.ndarray:
    t = np.arange(int(16000 * seconds)) / 16000
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def test_removed_source_is_a_recorded_gap_and_recording_goes_on(
    store, backend, pulse_server, voices, listener
):
    far, _ = voices
    before = tone(1.5, 523.0) * np.hanning(24000).astype(np.float32)
    session = start_recording(
        store,
        backend,
        RecordingRequest(
            consent=Consent.INFORMED, microphone="pulse:virtual_mic", output="pulse:call"
        ),
        listener=listener,
    )
    try:
        listener.wait_delivering(ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
        play(pulse_server.env, "mic_feed", before, 16000)
        removed_at = session.recorder.elapsed_s
        pulse_server.remove_virtual_mic()
        lost = listener.wait_for("device_lost", ChannelKind.MICROPHONE)
        assert lost.t_s - removed_at <= 2.0

        # The call goes on being recorded while the microphone is gone.
        during = threading.Thread(target=play, args=(pulse_server.env, "call", far, 16000))
        during.start()
        during.join()
        assert not session.recorder.done

        pulse_server.add_virtual_mic()
        back = listener.wait_for("device_reopened", ChannelKind.MICROPHONE)
        assert back.detail["device"] == "VirtualMic"
    finally:
        finished = session.stop()

    meeting = store.meetings.get(finished.meeting_id)
    key = store.meeting_key(meeting.id, meeting.uid)
    audio = {
        f.channel: EncryptedAudioReader(store.audio_path(meeting.uid, f.file_uid), key).read_all()
        for f in store.meetings.audio_files(meeting.id)
    }
    mic, them = audio[ChannelKind.MICROPHONE], audio[ChannelKind.SYSTEM]
    # Silence stood in for the missing microphone, so the channels still line up.
    assert abs(mic.duration_s - them.duration_s) < 0.1
    assert mic.duration_s >= back.t_s
    # What was said before the microphone vanished is intact.
    _, match = windowed_match(mic.samples, before)
    assert match > 0.8
    _, call_match = windowed_match(them.samples, far)
    assert call_match > 0.8
    kinds = [e.kind for e in store.recordings.events(meeting.id)]
    assert "device_lost" in kinds and "device_reopened" in kinds
