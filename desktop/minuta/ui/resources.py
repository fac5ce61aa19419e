"""Where the app's assets (icons, sounds, translations) are."""

from __future__ import annotations

import sys
from pathlib import Path

# A checkout keeps them at the repository's top level, beside desktop/.
_CHECKOUT_ASSETS = Path(__file__).resolve().parents[3] / "assets"


def assets_dir() -> Path:
    # An installed bundle (PyInstaller) carries them in its own folder.
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "assets" if bundle is not None else _CHECKOUT_ASSETS
