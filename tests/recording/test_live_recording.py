"""Live transcript during a real recording: stored as it is confirmed, and never in the way."""

from __future__ import annotations

import os
import signal
import threading

import numpy as np
import pytest
from tests.harness.pulse import play

from minuta.app.recording import RecordingRequest, start_recording
from minuta.app.recording_transcription import transcribe_recording
from minuta.audio.decode import decode_file
from minuta.audio.recorder import StopReason
from minuta.core.models import ChannelKind, Consent, MeetingState
from minuta.transcribe.live import LiveTranscriber
from minuta.transcribe.live_engine import LiveState

pytestmark = pytest.mark.model

BOTH = (ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
CALL = "The quarterly report shows strong growth in Denmark and Finland."


def test_live_lines_are_stored_during_the_recording_and_survive_a_worker_crash(
    store, backend, pulse_server, speech, listener, base_model, engine
):
    call = decode_file(speech(CALL, "en-us", name="live-call.wav")).samples
    call = np.concatenate([call, np.zeros(16000, dtype=np.float32)])
    live = LiveTranscriber(base_model, BOTH, language="en")
    session = start_recording(
        store,
        backend,
        RecordingRequest(
            consent=Consent.INFORMED,
            title="Live",
            microphone="pulse:virtual_mic",
            output="pulse:call",
        ),
        listener=listener,
        live=live,
    )
    try:
        listener.wait_delivering(*BOTH)
        player = threading.Thread(target=play, args=(pulse_server.env, "call", call, 16000))
        player.start()
        assert live.wait_until(lambda status, lines: lines > 0, timeout=60), live.status
        player.join()
        stored = session.save_live()
        assert stored
        # In the store while the recording still runs: a crash from here on keeps them.
        assert not session.recorder.done
        in_store = " ".join(s.text for s in store.meetings.segments(session.meeting_id)).lower()
        assert "report" in in_store and "denmark" in in_store

        os.kill(live.pid, signal.SIGKILL)
        assert live.wait_until(lambda status, _: status.state is LiveState.FAILED, timeout=10)
        # The recording is not disturbed: audio keeps arriving and being written.
        # (Level reports come every 50 ms while the recorder's worker runs.)
        after = listener.level_updates
        assert session.recorder.wait(1.5) is None  # still running a second and a half later
        assert listener.level_updates >= after + 10
    finally:
        finished = session.stop()

    assert finished.reason is StopReason.USER
    meeting = store.meetings.get(finished.meeting_id)
    assert meeting.state is MeetingState.PROCESSING
    assert store.meetings.segments(meeting.id), "the live lines were kept"
    assert all(f.finalised for f in store.meetings.audio_files(meeting.id))

    # The final pass can run after the crash and replaces the live text.
    transcribe_recording(store, engine, meeting.id, language="en")
    final = store.meetings.segments(meeting.id)
    assert store.meetings.get(meeting.id).state is MeetingState.READY
    assert "denmark" in " ".join(s.text for s in final).lower()
