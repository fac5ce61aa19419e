"""The final pass runs in a child process: the app's own process only watches it.

The real store (opened on the worker, as the app opens it), the real model and
real encrypted recordings; the child opens the store with the key it is handed.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest
from tests.harness.meeting_audio import add_meeting_with_audio
from tests.harness.meetings import add_channel_audio, create_meeting

from minuta.core.models import ChannelKind, MeetingSource, MeetingState, Segment
from minuta.ui.recording.final_pass import FinalPassJob, FinalPassRunner
from recording_support import CALL_TEXT, call_speech, on_worker, open_store_on

pytestmark = [pytest.mark.gui, pytest.mark.model]

LIVE_LINE = "What the live transcript heard."


@pytest.fixture
def store_worker(qtbot, worker, app_paths):
    open_store_on(qtbot, worker, app_paths)
    return worker


@pytest.fixture
def runner(app_paths, base_model):
    final = FinalPassRunner(app_paths)
    yield final
    final.shutdown()


def _speech_recording(store, samples) -> int:
    """A finished recording with a live line, as the recorder leaves it."""
    meeting_id, uid, key = create_meeting(
        store, title="Nordics", source=MeetingSource.RECORDING, state=MeetingState.PROCESSING
    )
    store.paths.meeting_audio_dir(uid).mkdir(parents=True)
    with store.db.transaction():
        kind = ChannelKind.MICROPHONE
        channel = add_channel_audio(store, meeting_id, uid, key, kind, samples)
        store.meetings.add_segments(
            meeting_id, channel, [Segment(0.5, 2.0, LIVE_LINE, (), channel=kind)]
        )
    return meeting_id


def _job(qtbot, worker, meeting_id: int, model: str) -> FinalPassJob:
    spec = on_worker(qtbot, worker, lambda store: store.connection_spec())
    return FinalPassJob(meeting_id, spec, model, "en")


def _texts(qtbot, worker, meeting_id: int) -> list[str]:
    segments = on_worker(qtbot, worker, lambda store: store.meetings.segments(meeting_id))
    return [segment.text for segment in segments]


def _running_child(qtbot, runner: FinalPassRunner, meeting_id: int) -> int:
    qtbot.waitUntil(lambda: runner.process_id(meeting_id) is not None, timeout=30_000)
    pid = runner.process_id(meeting_id)
    assert pid is not None
    return pid


def _parent_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("PPid:"):
            return int(line.split()[1])
    raise AssertionError("no parent")


def _gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def test_the_pass_runs_in_a_child_process_and_replaces_the_live_transcript(
    qtbot, store_worker, runner, speech, base_model
):
    meeting_id = on_worker(
        qtbot, store_worker, lambda store: _speech_recording(store, call_speech(speech))
    )
    progress: list[float] = []
    runner.progress.connect(lambda _id, fraction: progress.append(fraction))
    runner.submit(_job(qtbot, store_worker, meeting_id, base_model.name))
    assert runner.pending == [meeting_id]

    pid = _running_child(qtbot, runner, meeting_id)
    assert pid != os.getpid()
    assert _parent_of(pid) == os.getpid()  # a child of this (the app's) process
    with qtbot.waitSignal(runner.done, timeout=180_000) as done:
        pass
    assert done.args == [meeting_id]
    assert runner.pending == []
    assert runner.process_id(meeting_id) is None
    qtbot.waitUntil(lambda: _gone(pid), timeout=10_000)  # it ends with its pass

    assert progress and progress == sorted(progress)
    assert progress[0] == 0.0
    assert progress[-1] == 1.0
    texts = _texts(qtbot, store_worker, meeting_id)
    assert LIVE_LINE not in texts
    assert "denmark" in " ".join(texts).lower(), CALL_TEXT
    meeting = on_worker(qtbot, store_worker, lambda store: store.meetings.get(meeting_id))
    assert meeting.state is MeetingState.READY


def test_a_pass_cancelled_while_transcribing_keeps_the_live_transcript(
    qtbot, store_worker, runner, speech, base_model
):
    long_call = np.tile(call_speech(speech), 8)  # long enough to be cancelled half-way
    meeting_id = on_worker(qtbot, store_worker, lambda store: _speech_recording(store, long_call))
    before = _texts(qtbot, store_worker, meeting_id)
    progress: list[float] = []
    runner.progress.connect(lambda _id, fraction: progress.append(fraction))
    runner.submit(_job(qtbot, store_worker, meeting_id, base_model.name))
    pid = _running_child(qtbot, runner, meeting_id)
    qtbot.waitUntil(lambda: any(0.0 < f < 1.0 for f in progress), timeout=60_000)

    with qtbot.waitSignal(runner.cancelled, timeout=60_000) as cancelled:
        assert runner.cancel(meeting_id)
    assert cancelled.args == [meeting_id]
    assert max(progress) < 1.0
    qtbot.waitUntil(lambda: _gone(pid), timeout=10_000)
    assert _texts(qtbot, store_worker, meeting_id) == before == [LIVE_LINE]
    meeting = on_worker(qtbot, store_worker, lambda store: store.meetings.get(meeting_id))
    assert meeting.state is MeetingState.PROCESSING


def test_a_pass_cancelled_as_it_starts_keeps_the_live_transcript(
    qtbot, store_worker, runner, base_model
):
    meeting_id = on_worker(qtbot, store_worker, add_meeting_with_audio)
    before = _texts(qtbot, store_worker, meeting_id)
    runner.submit(_job(qtbot, store_worker, meeting_id, base_model.name))
    pid = _running_child(qtbot, runner, meeting_id)

    with qtbot.waitSignal(runner.cancelled, timeout=60_000) as cancelled:
        assert runner.cancel(meeting_id)
    assert cancelled.args == [meeting_id]
    assert runner.pending == []
    assert runner.cancel(meeting_id) is False
    qtbot.waitUntil(lambda: _gone(pid), timeout=10_000)
    assert _texts(qtbot, store_worker, meeting_id) == before


def test_a_killed_child_fails_plainly_and_the_next_pass_still_runs(
    qtbot, store_worker, runner, base_model
):
    first = on_worker(qtbot, store_worker, add_meeting_with_audio)
    second = on_worker(qtbot, store_worker, add_meeting_with_audio)
    before = _texts(qtbot, store_worker, first)
    runner.submit(_job(qtbot, store_worker, first, base_model.name))
    runner.submit(_job(qtbot, store_worker, second, base_model.name))
    pid = _running_child(qtbot, runner, first)

    with qtbot.waitSignal(runner.failed, timeout=30_000) as failed:
        os.kill(pid, signal.SIGKILL)
    meeting_id, message = failed.args
    assert meeting_id == first
    assert "stopped unexpectedly" in message
    assert "live transcript are kept" in message
    assert _texts(qtbot, store_worker, first) == before
    assert runner.pending == [second]

    with qtbot.waitSignal(runner.done, timeout=180_000) as done:
        pass
    assert done.args == [second]
    assert runner.pending == []


def test_a_missing_model_fails_with_its_own_message(qtbot, store_worker, runner):
    meeting_id = on_worker(qtbot, store_worker, add_meeting_with_audio)
    before = _texts(qtbot, store_worker, meeting_id)
    with qtbot.waitSignal(runner.failed, timeout=60_000) as failed:
        runner.submit(_job(qtbot, store_worker, meeting_id, "no-such-model"))
    assert failed.args[0] == meeting_id
    assert failed.args[1].startswith("The full transcript could not be made: ")
    assert "no-such-model" in failed.args[1]
    assert _texts(qtbot, store_worker, meeting_id) == before


def test_shutdown_ends_a_running_pass_soon(qtbot, store_worker, app_paths, base_model):
    runner = FinalPassRunner(app_paths)
    meeting_id = on_worker(qtbot, store_worker, add_meeting_with_audio)
    before = _texts(qtbot, store_worker, meeting_id)
    runner.submit(_job(qtbot, store_worker, meeting_id, base_model.name))
    pid = _running_child(qtbot, runner, meeting_id)

    asked = time.monotonic()
    runner.shutdown()
    assert time.monotonic() - asked < 8.0
    assert _gone(pid)
    assert _texts(qtbot, store_worker, meeting_id) == before
