"""``minuta record`` shows the transcript as people talk, then makes the final one."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading

import numpy as np
import pytest
from tests.harness.pulse import play
from tests.recording.crashing import start_recorder

from minuta.audio.decode import decode_file

pytestmark = pytest.mark.model

CALL = "Our shipment of spare parts leaves the harbour on Wednesday morning."


class Lines:
    """The process's stdout lines as they come (select() cannot see buffered lines)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.all: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        for line in process.stdout:
            self.all.append(line)
            self._queue.put(line)

    def next(self, timeout: float) -> str:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return ""

    def rest(self) -> str:
        self._thread.join(timeout=240)
        return "".join(self.all)


def test_record_prints_live_lines_then_transcribes(store, app_paths, pulse_server, speech):
    store.close()  # the recorder process opens the store itself
    call = decode_file(speech(CALL, "en-us", name="live-cli.wav")).samples
    call = np.concatenate([call, np.zeros(16000, dtype=np.float32)])
    env = {
        **os.environ,
        "MINUTA_DATA_DIR": str(app_paths.data_dir),
        "MINUTA_CACHE_DIR": str(app_paths.cache_dir),
    }
    process, meeting_id = start_recorder(env, "--language", "en", transcribe=True)
    lines = Lines(process)
    try:
        assert meeting_id == 1
        player = threading.Thread(target=play, args=(pulse_server.env, "call", call, 16000))
        player.start()
        live_line = ""
        for _ in range(20):  # one line per confirmed phrase; give it up to a minute
            live_line = lines.next(60).strip()
            if "them:" in live_line:
                break
        player.join()
        assert "them:" in live_line, live_line
        # The live pass decodes greedily on a short window: under load it has heard
        # "spare part" for "spare parts". The words, not their number, are the point.
        assert "spare part" in live_line.lower(), live_line
        process.send_signal(signal.SIGINT)
        process.wait(timeout=240)
        out, err = lines.rest(), process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Saved meeting #1" in out
    assert "Transcribed:" in out

    from minuta.app.session import open_app_store

    reopened = open_app_store(app_paths)
    try:
        final = " ".join(s.text for s in reopened.meetings.segments(1)).lower()
        assert "wednesday" in final
        assert reopened.meetings.get(1).transcript_model == "base"
    finally:
        reopened.close()
