"""A private PulseAudio server with virtual devices, for capture tests.

Devices:
* sink ``call`` — the "computer's output" a call plays into; its monitor is
  what Minuta records as "them";
* sink ``mic_feed`` and, on its monitor, the source ``virtual_mic`` — a
  microphone whose sound the test decides by playing into ``mic_feed``.

``pulseaudio --daemonize=yes`` returns once the server is ready, so no waiting
is needed; ``--kill`` with the same environment stops it.
"""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CONFIG = """\
load-module module-native-protocol-unix socket={socket} auth-anonymous=1
load-module module-null-sink sink_name=call rate=48000 channels=2 \
sink_properties=device.description=Call
load-module module-null-sink sink_name=mic_feed rate=48000 channels=1 \
sink_properties=device.description=MicFeed
{virtual_mic}
set-default-sink call
set-default-source virtual_mic
"""
VIRTUAL_MIC = (
    "load-module module-remap-source master=mic_feed.monitor source_name=virtual_mic "
    "source_properties=device.description=VirtualMic"
)


@dataclass
class PulseServer:
    root: Path
    env: dict[str, str]

    @property
    def address(self) -> str:
        return self.env["PULSE_SERVER"]

    def pactl(self, *args: str) -> str:
        return subprocess.run(
            ["pactl", *args], env=self.env, check=True, capture_output=True, text=True
        ).stdout

    def remove_virtual_mic(self) -> None:
        for line in self.pactl("list", "short", "modules").splitlines():
            index, name, *rest = line.split("\t")
            if name == "module-remap-source" and "virtual_mic" in " ".join(rest):
                self.pactl("unload-module", index)

    def add_virtual_mic(self) -> None:
        self.pactl("load-module", *VIRTUAL_MIC.split()[1:])
        self.pactl("set-default-source", "virtual_mic")

    def stop(self) -> None:
        subprocess.run(["pulseaudio", "--kill"], env=self.env, check=False, capture_output=True)


def start_pulse(root: Path, base_env: dict[str, str]) -> PulseServer:
    runtime = root / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    socket = root / "native"
    config = root / "minuta-test.pa"
    config.write_text(CONFIG.format(socket=socket, virtual_mic=VIRTUAL_MIC))
    env = dict(base_env)
    env.update(
        {
            "PULSE_RUNTIME_PATH": str(runtime),
            "PULSE_STATE_PATH": str(root / "state"),
            "PULSE_SERVER": f"unix:{socket}",
        }
    )
    subprocess.run(
        [
            "pulseaudio",
            "-n",
            "-F",
            str(config),
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "--use-pid-file=yes",
            "--log-target=file:" + str(root / "pulse.log"),
            "--disallow-exit=no",
        ],
        env=env,
        check=True,
        cwd=root,
    )
    return PulseServer(root, env)


def play(
    server_env: dict[str, str],
    sink: str,
    samples: np.ndarray,
    rate: int,
    started: threading.Barrier | None = None,
) -> None:
    """Play mono float32 ``samples`` into ``sink`` and wait until it has been played."""
    import pasimple

    fragment = int(rate * 0.01) * 4
    with pasimple.PaSimple(
        pasimple.PA_STREAM_PLAYBACK,
        pasimple.PA_SAMPLE_FLOAT32LE,
        1,
        rate,
        app_name="minuta-tests",
        device_name=sink,
        server_name=server_env["PULSE_SERVER"],
        tlength=fragment * 2,
        prebuf=fragment,
        minreq=fragment,
    ) as stream:
        if started is not None:
            started.wait()
        stream.write(np.ascontiguousarray(samples, dtype=np.float32).tobytes())
        stream.drain()
