"""Where Minuta's data lives on this computer, and a check, made now, that it is encrypted.

For the About box's "Your data" page. :func:`check_data` reads files (the first
bytes of the database and of every audio file), so it runs on the store's
thread like any other store work. It proves what it can from the bytes on disk:

* the database does not start with SQLite's plaintext header (an SQLCipher file
  starts with its random salt instead);
* every audio file starts with Minuta's encrypted container's magic;
* no file Minuta does not make lies in the data folder (a stray WAV export, a
  copy of a database): those are listed, never deleted.

It changes nothing: no file is written, moved or removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from minuta.app.paths import AppPaths
from minuta.logs import FILE_ENV
from minuta.store.audio_container import MAGIC
from minuta.store.database import PLAINTEXT_SQLITE_HEADER
from minuta.store.manifest import KeyMode
from minuta.store.paths import AUDIO_SUFFIX, MANIFEST_NAME, StorePaths
from minuta.store.recording_lock import LOCK_NAME as RECORDING_LOCK_NAME
from minuta.store.store import Store

# Files of these kinds hold what was said or written in the clear.
PLAIN_AUDIO_SUFFIXES = frozenset(
    {".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".aac", ".webm", ".mp4", ".pcm", ".raw"}
)
PLAIN_TEXT_SUFFIXES = frozenset(
    {".txt", ".md", ".srt", ".vtt", ".docx", ".json", ".csv", ".html", ".sqlite", ".db"}
)


class PlaceKind(Enum):
    DATA_FOLDER = "data_folder"
    DATABASE = "database"
    AUDIO = "audio"
    KEY = "key"
    MODELS = "models"
    SETTINGS = "settings"
    LOG = "log"


class Protection(Enum):
    ENCRYPTED = "encrypted"  # checked just now: unreadable without the key
    NOT_ENCRYPTED = "not_encrypted"  # checked just now: readable by anyone with the file
    KEY = "key"  # the key itself, kept by the keyring or derived from a passphrase
    NO_PERSONAL_DATA = "no_personal_data"  # nothing about meetings or people in it


class LeftoverKind(Enum):
    AUDIO = "audio"  # plain audio, by its name
    DATABASE = "database"  # a plaintext SQLite database, by its first bytes
    TEXT = "text"  # a transcript, export or document, by its name
    OTHER = "other"  # not something Minuta makes


@dataclass(frozen=True, slots=True)
class Place:
    kind: PlaceKind
    path: Path | None  # None for a key kept in the keyring
    protection: Protection
    size: int = 0  # bytes
    files: int = 0
    # Files that failed the check (an audio file without the container's magic).
    failed: tuple[Path, ...] = ()
    detail: str = ""  # the key's location, as Store.key_location says it


@dataclass(frozen=True, slots=True)
class Leftover:
    path: Path
    kind: LeftoverKind
    size: int

    @property
    def plaintext(self) -> bool:
        return self.kind is not LeftoverKind.OTHER


@dataclass(frozen=True, slots=True)
class DataReport:
    places: tuple[Place, ...]
    leftovers: tuple[Leftover, ...]
    key_location: str
    recovery_key_confirmed: bool
    checked_at: datetime

    @property
    def encrypted(self) -> bool:
        """Everything personal checked encrypted, and no plaintext lying about."""
        return not any(p.protection is Protection.NOT_ENCRYPTED for p in self.places) and not any(
            leftover.plaintext for leftover in self.leftovers
        )

    def place(self, kind: PlaceKind) -> Place | None:
        return next((p for p in self.places if p.kind is kind), None)


def check_data(store: Store, paths: AppPaths, *, settings_file: Path | None = None) -> DataReport:
    """Every place Minuta keeps something, each checked now (on the store's thread).

    ``settings_file`` is where the UI's QSettings live (window layout, the hotkey):
    only the UI knows it. The log file is listed when ``MINUTA_LOG_FILE`` is set.
    """
    store_paths = store.paths
    database = check_database(store_paths)
    audio = check_audio(store_paths.audio_dir)
    leftovers = tuple(find_leftovers(store_paths))
    folder_ok = (
        database.protection is Protection.ENCRYPTED
        and audio.protection is Protection.ENCRYPTED
        and not any(leftover.plaintext for leftover in leftovers)
    )
    folder_size, folder_files = _tally(store_paths.root)
    models_size, models_files = _tally(paths.models_dir)
    places = [
        Place(
            PlaceKind.DATA_FOLDER,
            store_paths.root,
            Protection.ENCRYPTED if folder_ok else Protection.NOT_ENCRYPTED,
            size=folder_size,
            files=folder_files,
        ),
        database,
        audio,
        Place(PlaceKind.KEY, _key_path(store), Protection.KEY, detail=store.key_location),
        Place(
            PlaceKind.MODELS,
            paths.models_dir,
            Protection.NO_PERSONAL_DATA,
            size=models_size,
            files=models_files,
        ),
    ]
    if settings_file is not None:
        places.append(_single_file(PlaceKind.SETTINGS, settings_file))
    log_file = os.environ.get(FILE_ENV)
    if log_file:
        # Minuta's logs are redacted: ids, counts and timings, never names or words.
        places.append(_single_file(PlaceKind.LOG, Path(log_file).expanduser()))
    return DataReport(
        places=tuple(places),
        leftovers=leftovers,
        key_location=store.key_location,
        recovery_key_confirmed=not store.recovery_key_pending,
        checked_at=datetime.now(UTC),
    )


def is_encrypted_database(path: Path) -> bool:
    """True when ``path`` does not start with SQLite's plaintext header.

    An SQLCipher database starts with 16 random bytes (its salt); a plain one with
    ``SQLite format 3\\0``. A file too short to tell, or unreadable, is not proven
    encrypted.
    """
    head = _head(path, len(PLAINTEXT_SQLITE_HEADER))
    return len(head) == len(PLAINTEXT_SQLITE_HEADER) and head != PLAINTEXT_SQLITE_HEADER


def check_database(store_paths: StorePaths) -> Place:
    path = store_paths.database
    size = sum(_size(p) for p in (path, *store_paths.database_sidecars))
    protection = Protection.ENCRYPTED if is_encrypted_database(path) else Protection.NOT_ENCRYPTED
    return Place(PlaceKind.DATABASE, path, protection, size=size, files=1)


def check_audio(audio_dir: Path) -> Place:
    """Every ``.mnta`` file must start with the encrypted container's magic (or be empty)."""
    size = count = 0
    failed: list[Path] = []
    for path in _files(audio_dir):
        if path.suffix != AUDIO_SUFFIX:
            continue  # found by find_leftovers
        count += 1
        file_size = _size(path)
        size += file_size
        # An empty file (a recording that had only just begun) holds nothing to read.
        if file_size and _head(path, len(MAGIC)) != MAGIC:
            failed.append(path)
    protection = Protection.NOT_ENCRYPTED if failed else Protection.ENCRYPTED
    return Place(PlaceKind.AUDIO, audio_dir, protection, size, count, tuple(sorted(failed)))


def find_leftovers(store_paths: StorePaths) -> Iterator[Leftover]:
    """Files in the data folder that Minuta does not make, sorted by path."""
    known = _known_files(store_paths)
    for path in sorted(_files(store_paths.root)):
        if path in known or _is_store_file(store_paths, path):
            continue
        yield Leftover(path, _leftover_kind(path), _size(path))


# --- helpers --------------------------------------------------------------------------------


def _known_files(store_paths: StorePaths) -> set[Path]:
    return {
        store_paths.manifest,
        store_paths.database,
        *store_paths.database_sidecars,
        store_paths.lock,
        store_paths.rekey_temp,
        *store_paths.rekey_temp_sidecars,
    }


def _is_store_file(store_paths: StorePaths, path: Path) -> bool:
    """An audio container or a recording's lock, in a meeting's audio folder."""
    if path.parent.parent == store_paths.audio_dir:
        return path.suffix == AUDIO_SUFFIX or path.name == RECORDING_LOCK_NAME
    # The manifest is saved through a temporary file beside it (fsutil.atomic_write).
    return path.parent == store_paths.root and path.name.startswith(f".{MANIFEST_NAME}.tmp-")


def _leftover_kind(path: Path) -> LeftoverKind:
    if _head(path, len(PLAINTEXT_SQLITE_HEADER)) == PLAINTEXT_SQLITE_HEADER:
        return LeftoverKind.DATABASE
    suffix = path.suffix.lower()
    if suffix in PLAIN_AUDIO_SUFFIXES:
        return LeftoverKind.AUDIO
    if suffix in PLAIN_TEXT_SUFFIXES:
        return LeftoverKind.TEXT
    return LeftoverKind.OTHER


def _key_path(store: Store) -> Path | None:
    # With a passphrase the key is kept wrapped in the manifest; otherwise in the keyring.
    return store.paths.manifest if store.key_mode is KeyMode.PASSPHRASE else None


def _single_file(kind: PlaceKind, path: Path) -> Place:
    exists = path.is_file()
    size = _size(path) if exists else 0
    return Place(kind, path, Protection.NO_PERSONAL_DATA, size=size, files=int(exists))


def _files(folder: Path) -> Iterable[Path]:
    """Every regular file under ``folder`` (none if it does not exist); links not followed."""
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _tally(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``, in one walk of it."""
    sizes = [_size(path) for path in _files(folder)]
    return sum(sizes), len(sizes)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _head(path: Path, count: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(count)
    except OSError:
        return b""
