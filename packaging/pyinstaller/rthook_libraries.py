"""Runtime hook: find the libraries this bundle carries before the system's.

On Linux ``ctypes.util.find_library`` asks ``ldconfig``, which knows nothing of
the bundle's own folder, so sounddevice would miss the PortAudio shipped beside
it and fail on a machine without one. PyInstaller already does this on Windows.
"""

import ctypes.util
import glob
import os
import sys

_BUNDLED = ("portaudio",)
_system_find_library = ctypes.util.find_library


def _find_library(name):
    if name in _BUNDLED:
        found = sorted(glob.glob(os.path.join(sys._MEIPASS, f"lib{name}.so*")))
        if found:
            return found[0]
    return _system_find_library(name)


if sys.platform.startswith("linux"):
    ctypes.util.find_library = _find_library
