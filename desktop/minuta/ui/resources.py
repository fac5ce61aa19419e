"""Where the app's assets (icons, sounds, translations) are."""

from __future__ import annotations

from pathlib import Path

# A checkout keeps them at the repository's top level, beside desktop/.
_CHECKOUT_ASSETS = Path(__file__).resolve().parents[3] / "assets"


def assets_dir() -> Path:
    return _CHECKOUT_ASSETS
