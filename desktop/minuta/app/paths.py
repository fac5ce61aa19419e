"""Where Minuta keeps its files on this machine.

``MINUTA_DATA_DIR`` and ``MINUTA_CACHE_DIR`` override the platform folders (a
portable install, a test). The data folder holds the encrypted store; the cache
folder holds models, which can always be rebuilt or downloaded again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from minuta import APP_NAME
from minuta.store.paths import StorePaths


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    cache_dir: Path

    @property
    def store(self) -> StorePaths:
        return StorePaths(self.data_dir)

    @property
    def models_dir(self) -> Path:
        return self.cache_dir / "models"


def default_paths(data_dir: Path | None = None) -> AppPaths:
    import platformdirs

    data = data_dir or _env_path("MINUTA_DATA_DIR")
    cache = _env_path("MINUTA_CACHE_DIR")
    return AppPaths(
        data_dir=data or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=cache or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None
