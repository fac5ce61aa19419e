"""Start ``minuta record`` in a subprocess and kill it, as a crash would."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from minuta.store.journal import read_journal


@dataclass
class Killed:
    meeting_id: int
    killed_at: float  # time.monotonic() of the SIGKILL


def start_recorder(
    env: dict[str, str],
    *extra: str,
    output: str | None = "pulse:call",
    transcribe: bool = False,
    preexec_fn=None,
    passphrase: str | None = None,
    stderr=subprocess.PIPE,
) -> tuple[subprocess.Popen[str], int]:
    """A recorder process, once it reports that it is recording; and its meeting id.

    ``output=None`` records the microphone only; ``transcribe`` keeps the live
    transcript and the final pass (off: recording only, as the crash tests want).
    """
    devices = ["--output", output] if output else ["--no-output"]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minuta.cli",
            "record",
            "--consent",
            "informed",
            *([] if transcribe else ["--no-transcribe"]),
            "--mic",
            "pulse:virtual_mic",
            *devices,
            *extra,
        ],
        env=env,
        stdin=subprocess.PIPE if passphrase else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        preexec_fn=preexec_fn,  # noqa: PLW1509 - only the test's own signal setup
    )
    assert process.stdout is not None
    if passphrase:
        assert process.stdin is not None
        process.stdin.write(passphrase + "\n")
        process.stdin.close()
    ready, _, _ = select.select([process.stdout], [], [], 30)
    line = process.stdout.readline() if ready else ""
    if "Recording meeting #" not in line:
        process.kill()
        raise AssertionError(f"recorder did not start: {line!r}")
    return process, int(line.split("#")[1].split(".")[0])


def kill_after(process: subprocess.Popen[str], seconds: float) -> float:
    # The delay is the experiment (a crash at an arbitrary moment), not a wait for
    # some condition.
    time.sleep(seconds)
    killed_at = time.monotonic()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    return killed_at


def recording_start(store, meeting_id: int) -> float:
    """time.monotonic() at which the recorder started, from its sealed journal."""
    meeting = store.meetings.get(meeting_id)
    key = store.meeting_key(meeting.id, meeting.uid)
    journal_uid = store.recordings.journal_uid(meeting_id)
    events, finalised = read_journal(store.audio_path(meeting.uid, journal_uid), key)
    assert not finalised
    return float(next(e for e in events if e["kind"] == "started")["monotonic"])
