"""A full disk stops the recording cleanly and keeps everything written before."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from minuta.app.recovery import find_interrupted, recover
from minuta.audio.encrypted_audio import EncryptedAudioReader


def test_full_disk_stops_cleanly_and_keeps_what_was_written(store, app_paths, pulse_server):
    store.close()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.recording.disk_full_driver",
            str(app_paths.data_dir),
            str(app_paths.cache_dir),
        ],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["stopped_by_itself"]
    assert report["reason"] == "disk_full"
    assert "disk is full" in report["message"]
    assert "minuta recover" in report["message"]

    from minuta.app.session import open_app_store

    reopened = open_app_store(app_paths)
    try:
        assert [i.meeting_id for i in find_interrupted(reopened)] == [report["meeting_id"]]
        result = recover(reopened, report["meeting_id"])
        meeting = reopened.meetings.get(report["meeting_id"])
        key = reopened.meeting_key(meeting.id, meeting.uid)
        for record in reopened.meetings.audio_files(meeting.id):
            audio = EncryptedAudioReader(
                reopened.audio_path(meeting.uid, record.file_uid), key
            ).read_all()
            assert audio.finalised
            # Everything up to (almost) the moment the disk filled up is there.
            assert audio.duration_s >= report["stopped_at"] - 1.0, (audio.duration_s, report)
        assert result.duration_s > report["limited_at"]
    finally:
        reopened.close()
