"""The files of one store, all inside one private data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "store.json"
DATABASE_NAME = "minuta.db"
AUDIO_DIR_NAME = "audio"
# Held (shared) by every process with the store open; a rekey needs it alone.
LOCK_NAME = "store.lock"
# The re-encrypted copy a rekey builds before it replaces the database.
REKEY_TEMP_NAME = f"{DATABASE_NAME}-rekey"
AUDIO_SUFFIX = ".mnta"


@dataclass(frozen=True, slots=True)
class StorePaths:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST_NAME

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def database_sidecars(self) -> tuple[Path, Path]:
        return (
            self.root / f"{DATABASE_NAME}-wal",
            self.root / f"{DATABASE_NAME}-shm",
        )

    @property
    def lock(self) -> Path:
        """Holds no data: only an OS lock (see :mod:`minuta.store.open_lock`)."""
        return self.root / LOCK_NAME

    @property
    def rekey_temp(self) -> Path:
        return self.root / REKEY_TEMP_NAME

    @property
    def rekey_temp_sidecars(self) -> tuple[Path, ...]:
        """What SQLite may leave beside the copy when a rekey is killed while writing it."""
        return tuple(
            self.root / f"{REKEY_TEMP_NAME}-{suffix}" for suffix in ("journal", "wal", "shm")
        )

    @property
    def audio_dir(self) -> Path:
        return self.root / AUDIO_DIR_NAME

    def meeting_audio_dir(self, meeting_uid: str) -> Path:
        return self.audio_dir / meeting_uid

    def audio_file(self, meeting_uid: str, file_uid: str) -> Path:
        return self.meeting_audio_dir(meeting_uid) / f"{file_uid}{AUDIO_SUFFIX}"

    def existing_data(self) -> list[str]:
        """Names of store files already present (used to refuse overwriting them)."""
        found = [
            p.name for p in (self.manifest, self.database, *self.database_sidecars) if p.exists()
        ]
        if self.audio_dir.is_dir() and any(self.audio_dir.iterdir()):
            found.append(f"{AUDIO_DIR_NAME}/")
        return found
