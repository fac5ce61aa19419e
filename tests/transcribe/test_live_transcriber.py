"""The live transcriber's worker process, with the real model and synthetic speech."""

from __future__ import annotations

import os
import shutil
import signal

import numpy as np
import pytest

from minuta.audio.decode import decode_file
from minuta.core.models import ChannelKind
from minuta.transcribe.catalogue import ResolvedModel
from minuta.transcribe.live import LiveTranscriber
from minuta.transcribe.live_engine import LiveState
from minuta.transcribe.streaming import StreamingPolicy

pytestmark = pytest.mark.model

BOTH = (ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
# Audio is fed faster than real time here, so nothing may be deferred for being "late".
PATIENT = StreamingPolicy(catch_up_s=120.0, defer_s=120.0)


def pieces(audio: np.ndarray, seconds: float = 0.1):
    step = int(seconds * 16000)
    return [audio[i : i + step] for i in range(0, len(audio), step)]


def padded(audio: np.ndarray) -> np.ndarray:
    silence = np.zeros(16000, dtype=np.float32)
    return np.concatenate([silence, audio, silence, silence])


@pytest.fixture
def started(base_model):
    live = LiveTranscriber(base_model, BOTH, language="en", policy=PATIENT)
    live.start()
    yield live
    live.close()


def test_each_channel_is_transcribed_live_and_flushed_at_the_end(started, speech):
    them = padded(decode_file(speech("Please send the signed contract by Friday.")).samples)
    me = padded(decode_file(speech("I will forward it to our lawyer today.", "en-gb+m3")).samples)
    for piece in pieces(them):
        started.feed(ChannelKind.SYSTEM, piece)
    for piece in pieces(me):
        started.feed(ChannelKind.MICROPHONE, piece)
    assert started.finish(timeout=60)
    lines = started.take_closed()
    said = {kind: " ".join(s.text for s in lines if s.channel is kind).lower() for kind in BOTH}
    for word in ("contract", "friday"):
        assert word in said[ChannelKind.SYSTEM], said
        assert word not in said[ChannelKind.MICROPHONE], said
    for word in ("lawyer", "today"):
        assert word in said[ChannelKind.MICROPHONE], said
    # Times are on the recording's clock: the speech began after one second of silence.
    first = min((s for s in lines if s.channel is ChannelKind.SYSTEM), key=lambda s: s.start)
    assert 0.8 <= first.start <= 1.6
    assert started.status.state is LiveState.FINISHED


def test_a_line_is_confirmed_while_the_recording_goes_on(started, speech):
    them = padded(decode_file(speech("The budget meeting moves to Tuesday.")).samples)
    for piece in pieces(them):
        started.feed(ChannelKind.SYSTEM, piece)
    # No finish: the pause after the phrase is enough to confirm it.
    assert started.wait_until(lambda status, lines: lines > 0, timeout=60)
    text = " ".join(s.text for s in started.take_closed()).lower()
    assert "budget" in text and "tuesday" in text


def test_a_crashed_worker_is_reported_and_feeding_goes_on(started, speech):
    assert started.wait_until(lambda status, _: status.state is LiveState.LIVE, timeout=60)
    os.kill(started.pid, signal.SIGKILL)
    assert started.wait_until(lambda status, _: status.state is LiveState.FAILED, timeout=10)
    assert "recording goes on" in started.status.message
    for piece in pieces(np.zeros(16000 * 3, dtype=np.float32)):
        started.feed(ChannelKind.MICROPHONE, piece)  # never raises, never blocks
    assert started.take_closed() == []


def test_a_damaged_model_is_a_clear_failure(base_model, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(base_model.path, damaged)
    (damaged / "model.bin").write_bytes((damaged / "model.bin").read_bytes()[:4096])
    live = LiveTranscriber(ResolvedModel("base", damaged, embedded=True), BOTH)
    live.start()
    try:
        assert live.wait_until(lambda status, _: status.state is LiveState.FAILED, timeout=60)
        assert "could not be loaded" in live.status.message
    finally:
        live.close()
