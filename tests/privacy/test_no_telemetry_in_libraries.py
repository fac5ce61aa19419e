"""No library Minuta ships carries a telemetry client.

onnxruntime 1.29 and later build Microsoft's 1DS telemetry into their Linux
library: a device id and an event queue written to ``~/.cache/Microsoft`` and
uploaded over libcurl, out of reach of any Python-level network guard. These
tests read the compiled libraries of every runtime dependency for such clients,
and run the voice-activity model (the part that loads onnxruntime) in a fresh
home folder to see that nothing is written outside Minuta's own folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

from minuta.app.licences import runtime_distributions

# Endpoints and markers of telemetry clients known to ship inside native libraries.
TELEMETRY_MARKERS = (
    b"events.data.microsoft.com",
    b"OneCollector",
    b"vortex.data.microsoft.com",
    b"sentry.io/api",
    b"google-analytics.com",
    b"api.segment.io",
)
NATIVE_SUFFIXES = (".so", ".pyd", ".dll", ".dylib")


def _native_libraries() -> list[Path]:
    found = []
    for name in runtime_distributions():
        for entry in metadata.distribution(name).files or []:
            if entry.name.endswith(NATIVE_SUFFIXES) or ".so." in entry.name:
                found.append(Path(str(entry.locate())))
    return found


def test_no_runtime_library_contains_a_telemetry_client():
    libraries = _native_libraries()
    assert any("onnxruntime" in str(path) for path in libraries), "onnxruntime was not scanned"
    carrying = []
    for path in libraries:
        content = path.read_bytes()
        carrying += [f"{path.name}: {m.decode()}" for m in TELEMETRY_MARKERS if m in content]
    assert carrying == [], f"telemetry clients in shipped libraries: {carrying}"


def test_the_voice_activity_model_writes_nothing_outside_minutas_folders(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    code = textwrap.dedent(
        """
        import numpy as np
        from faster_whisper.vad import get_speech_timestamps, get_vad_model
        get_vad_model()
        get_speech_timestamps(np.zeros(16000, dtype=np.float32))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert written == []
