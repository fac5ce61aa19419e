"""Test driver: record, then let the disk 'fill up' (a file-size limit), report JSON.

Run as a separate process: the limit applies to the whole process.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from tests.recording.conftest import Listener

from minuta.app.paths import AppPaths
from minuta.app.recording import RecordingRequest, start_recording
from minuta.app.session import open_app_store
from minuta.audio.pulse_backend import PulseBackend
from minuta.core.models import ChannelKind, Consent

HEADROOM = 24 * 1024  # bytes each audio file may still grow by


def main() -> None:
    data, cache = Path(sys.argv[1]), Path(sys.argv[2])
    store = open_app_store(AppPaths(data, cache))
    listener = Listener()
    session = start_recording(
        store,
        PulseBackend(),
        RecordingRequest(
            consent=Consent.INFORMED, microphone="pulse:virtual_mic", output="pulse:call"
        ),
        listener=listener,
    )
    listener.wait_delivering(ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
    folder = store.paths.meeting_audio_dir(session.meeting_uid)
    largest = max(p.stat().st_size for p in folder.iterdir())
    # Writing past the limit then fails with EFBIG, as a full disk fails with ENOSPC.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + HEADROOM, resource.RLIM_INFINITY))
    limited_at = session.recorder.elapsed_s
    result = session.recorder.wait(timeout=60)
    stopped_at = session.recorder.elapsed_s
    finished = session.stop()
    print(
        json.dumps(
            {
                "meeting_id": finished.meeting_id,
                "reason": finished.reason.value,
                "message": finished.message,
                "limited_at": limited_at,
                "stopped_at": stopped_at,
                "stopped_by_itself": result is not None,
            }
        )
    )


if __name__ == "__main__":
    main()
