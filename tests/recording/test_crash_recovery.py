"""SIGKILL the recorder at random moments: the recording is offered, recovered, whole."""

from __future__ import annotations

import os
import random

import pytest
from tests.recording.crashing import kill_after, recording_start, start_recorder

from minuta.app.recovery import find_interrupted, recover
from minuta.audio.encrypted_audio import EncryptedAudioReader
from minuta.core.models import ChannelKind, MeetingState

MAX_LOSS_S = 1.0


@pytest.fixture
def recorder_env(app_paths, pulse_server):
    env = dict(os.environ)
    env["MINUTA_DATA_DIR"] = str(app_paths.data_dir)
    env["MINUTA_CACHE_DIR"] = str(app_paths.cache_dir)
    return env


@pytest.mark.parametrize("seed", range(20))
def test_kill_at_a_random_moment_loses_at_most_a_second(seed, store, recorder_env):
    store.close()  # the recorder process opens the store itself
    process, meeting_id = start_recorder(recorder_env)
    killed_at = kill_after(process, random.Random(seed).uniform(0.1, 3.0))

    from minuta.app.paths import default_paths
    from minuta.app.session import open_app_store

    reopened = open_app_store(default_paths(recorder_env_path(recorder_env)))
    try:
        interrupted = find_interrupted(reopened)
        assert [item.meeting_id for item in interrupted] == [meeting_id]
        started = recording_start(reopened, meeting_id)
        result = recover(reopened, meeting_id)

        meeting = reopened.meetings.get(meeting_id)
        assert meeting.state is MeetingState.PROCESSING
        assert find_interrupted(reopened) == []
        key = reopened.meeting_key(meeting.id, meeting.uid)
        expected = killed_at - started
        for record in reopened.meetings.audio_files(meeting_id):
            audio = EncryptedAudioReader(
                reopened.audio_path(meeting.uid, record.file_uid), key
            ).read_all()
            assert audio.finalised
            assert record.finalised
            loss = expected - audio.duration_s
            assert -0.05 <= loss <= MAX_LOSS_S, (record.channel, expected, audio.duration_s)
        assert set(result.channel_durations) == {ChannelKind.MICROPHONE, ChannelKind.SYSTEM}
        # Only the recovered files are left: the broken ones and the journal are gone.
        names = sorted(p.name for p in reopened.paths.meeting_audio_dir(meeting.uid).iterdir())
        assert len(names) == 2, names
    finally:
        reopened.close()


def recorder_env_path(env):
    from pathlib import Path

    return Path(env["MINUTA_DATA_DIR"])


@pytest.mark.parametrize("stop_signal", ["SIGINT", "SIGTERM"])
def test_interrupt_and_terminate_stop_cleanly_even_when_inherited_as_ignored(
    stop_signal, store, recorder_env
):
    import signal
    import subprocess

    store.close()
    # A script's background job starts with SIGINT ignored; the recorder must still stop.
    ignore = lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)  # noqa: E731
    process, meeting_id = start_recorder(recorder_env, preexec_fn=ignore)
    process.send_signal(getattr(signal, stop_signal))
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 0, process.stderr.read()

    from minuta.app.paths import default_paths
    from minuta.app.session import open_app_store

    reopened = open_app_store(default_paths(recorder_env_path(recorder_env)))
    try:
        assert find_interrupted(reopened) == []
        meeting = reopened.meetings.get(meeting_id)
        assert meeting.state is MeetingState.PROCESSING  # saved, ready to transcribe
        assert all(f.finalised for f in reopened.meetings.audio_files(meeting_id))
    finally:
        reopened.close()


def test_microphone_only_recording_from_the_command_line(store, recorder_env):
    import signal

    store.close()
    process, meeting_id = start_recorder(recorder_env, "--title", "In person", output=None)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0, process.stderr.read()

    from minuta.app.paths import default_paths
    from minuta.app.session import open_app_store

    reopened = open_app_store(default_paths(recorder_env_path(recorder_env)))
    try:
        files = reopened.meetings.audio_files(meeting_id)
        assert [f.channel for f in files] == [ChannelKind.MICROPHONE]
        assert files[0].finalised
    finally:
        reopened.close()
