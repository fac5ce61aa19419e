"""Runs the desktop app in this process and measures it; started by ``bench/ui.py``.

    python bench/ui_probe.py startup          one start: JSON with ready_s, idle RSS
    python bench/ui_probe.py stall SPEECH_WAV  record, transcribe: GUI-thread stalls

The environment (``MINUTA_DATA_DIR`` with a keyring store, the D-Bus session of
a test keyring, ``PULSE_SERVER``) comes from the driver. Everything is the
real app: :class:`~minuta.ui.application.MinutaApp` as ``minuta-app`` builds
it, its store worker, recording controller, live transcription and final pass.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _process_age_s() -> float:
    """Seconds since this process was started (by the kernel's clock, not ours)."""
    ticks = os.sysconf("SC_CLK_TCK")
    with open("/proc/self/stat") as stat:
        start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as uptime:
        up_s = float(uptime.read().split()[0])
    return up_s - start_ticks / ticks


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


MODE = sys.argv[1] if len(sys.argv) > 1 else "startup"

# The same imports, in the same order, as ``minuta-app``: Qt, then the app.
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from minuta.app.paths import default_paths  # noqa: E402
from minuta.ui.application import MinutaApp  # noqa: E402
from minuta.ui.garbage import GuiThreadCollector  # noqa: E402
from minuta.ui.icons import icon  # noqa: E402
from minuta.ui.theme import apply_theme  # noqa: E402


class StallMeter:
    """A 5 ms timer on the GUI thread: any late tick is a stall of the event loop."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        self.phase = "idle"
        self.worst: dict[str, float] = {}
        self.gaps: dict[str, list[float]] = {}
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = now - self._last - self.INTERVAL_MS / 1000
        self._last = now
        self.gaps.setdefault(self.phase, []).append(stall)
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), stall)

    def enter(self, phase: str) -> None:
        self.phase = phase
        self._last = time.perf_counter()


def _startup(app: QApplication, minuta: MinutaApp) -> dict[str, float]:
    result: dict[str, float] = {}

    def painted() -> None:
        # The window is shown and its list filled: the next event loop turn has painted it.
        result.setdefault("ready_s", _process_age_s())

    def loaded() -> None:
        if minuta.window is not None:
            minuta.window.meetings_loaded.disconnect(loaded)
        QTimer.singleShot(0, painted)

    def shown() -> None:
        assert minuta.window is not None
        minuta.window.meetings_loaded.connect(loaded)

    def workspace() -> None:
        result["workspace_ready_s"] = _process_age_s()
        # Idle: the tray up, nothing loaded but the app; RSS after a few quiet seconds.
        QTimer.singleShot(3000, idle)

    def idle() -> None:
        result["idle_rss_mb"] = _rss_mb()
        app.quit()

    minuta.window_shown.connect(shown)
    minuta.workspace_ready.connect(workspace)
    minuta.start()
    app.exec()
    return result


def _stall(app: QApplication, minuta: MinutaApp, speech_wav: Path) -> dict[str, float]:
    import threading

    from minuta.app.recording import RecordingRequest
    from minuta.audio.decode import decode_file

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.harness.pulse import play

    speech = decode_file(speech_wav).samples
    meter = StallMeter()
    result: dict[str, float] = {}
    env = dict(os.environ)

    def workspace() -> None:
        ws = minuta.workspace
        assert ws is not None
        ws.gate.dialog_opened.connect(_answer)
        ws.controller.started.connect(lambda _id: recording())
        ws.controller.finished.connect(lambda _id, _msg: meter.enter("final_pass"))
        ws.controller.final_pass_done.connect(lambda _id: finish())
        ws.controller.final_pass_failed.connect(lambda _id, msg: finish(msg))
        meter.enter("starting")
        ws.record(
            RecordingRequest(title="Benchmark", microphone="pulse:virtual_mic", output="pulse:call")
        )

    def _answer(dialog: object) -> None:
        # The person's answer, given the way the dialog's own buttons give it.
        dialog.informed_radio.setChecked(True)  # type: ignore[attr-defined]
        dialog.record_button.click()  # type: ignore[attr-defined]

    def recording() -> None:
        meter.enter("recording")
        result["recording_started_s"] = round(_process_age_s(), 3)

        def talk() -> None:
            # The far end talks, then the user answers with the same words.
            play(env, "call", speech, 16_000)
            play(env, "mic_feed", speech, 16_000)

        talker = threading.Thread(target=talk, daemon=True)
        talker.start()

        def stop_when_done() -> None:
            if talker.is_alive():
                QTimer.singleShot(200, stop_when_done)
                return
            assert minuta.workspace is not None
            meter.enter("stopping")
            minuta.workspace.controller.stop()

        stop_when_done()

    def finish(error: str = "") -> None:
        if error:
            result["final_pass_error"] = 1.0
        app.quit()

    minuta.workspace_ready.connect(workspace)
    minuta.start()
    app.exec()
    for phase, gaps in meter.gaps.items():
        ordered = sorted(gaps)
        result[f"{phase}_stall_max_ms"] = round(meter.worst[phase] * 1000, 1)
        result[f"{phase}_stall_p99_ms"] = round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1)
        result[f"{phase}_ticks"] = len(gaps)
    return result


def main() -> int:
    app = QApplication([sys.argv[0]])
    GuiThreadCollector(app)
    app.setApplicationName("Minuta")
    app.setOrganizationName("Minuta")
    app.setWindowIcon(icon("minuta"))
    apply_theme(app)
    app.setQuitOnLastWindowClosed(False)
    minuta = MinutaApp(default_paths(), setup=False)
    try:
        if MODE == "startup":
            result = _startup(app, minuta)
        else:
            result = _stall(app, minuta, Path(sys.argv[2]))
    finally:
        minuta.shutdown()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
