"""``store.json``: what is needed to unlock the database, and nothing secret.

It holds the store's id (which names its keyring entry), how the database key
is protected (keyring or passphrase), a one-way check value of that key, the
database file's salt, and the database key wrapped by the recovery key (and by
the passphrase in passphrase mode). Without the keyring entry, the recovery key
or the passphrase, nothing in it opens anything.

Once a store has been rekeyed (:mod:`minuta.store.rekey`), the database has a key
of its own, ``database_key``, wrapped by the master key; before that the master
key opens the database itself. ``rekey_pending`` is set only while a rekey runs,
and tells the next open how to finish or undo one that was killed. A manifest
with either field is written as version 2, so that a Minuta from before refuses
it plainly instead of trying the wrong key.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from minuta.store.errors import ManifestDamagedError
from minuta.store.fsutil import write_atomic

MANIFEST_FORMAT = "minuta-store"
MANIFEST_VERSION = 2
# Written while a store has neither a database key nor a pending rekey.
_PLAIN_VERSION = 1


class KeyMode(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a mode name, not a secret


class StoreState(StrEnum):
    CREATING = "creating"
    READY = "ready"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """The database key sealed under a key derived from a secret by ``kdf``."""

    kdf: str
    params: dict[str, int]
    salt: bytes
    blob: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf,
            "params": self.params,
            "salt": _b64(self.salt),
            "blob": _b64(self.blob),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WrappedKey:
        return cls(
            kdf=str(data["kdf"]),
            params={str(k): int(v) for k, v in dict(data.get("params", {})).items()},
            salt=_unb64(data["salt"]),
            blob=_unb64(data["blob"]),
        )


@dataclass(frozen=True, slots=True)
class PendingRekey:
    """A rekey under way: the new database key, the copy's name, and its salt once known."""

    database_key: WrappedKey
    temp_name: str
    new_salt: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "database_key": self.database_key.to_json(),
            "temp_name": self.temp_name,
            "new_salt": self.new_salt,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PendingRekey:
        salt = data.get("new_salt")
        return cls(
            database_key=WrappedKey.from_json(data["database_key"]),
            temp_name=str(data["temp_name"]),
            new_salt=None if salt is None else str(salt),
        )


@dataclass(frozen=True, slots=True)
class StoreManifest:
    store_id: str
    created_at: str
    key_mode: KeyMode
    key_check: str
    recovery: WrappedKey
    state: StoreState = StoreState.CREATING
    db_salt: str | None = None
    recovery_acknowledged: bool = False
    passphrase: WrappedKey | None = None
    # The database's own key, wrapped by the master key; None: the master key is it.
    database_key: WrappedKey | None = None
    rekey_pending: PendingRekey | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_changes(self, **changes: Any) -> StoreManifest:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": MANIFEST_FORMAT,
            "version": self._version(),
            "store_id": self.store_id,
            "created_at": self.created_at,
            "state": self.state.value,
            "key_mode": self.key_mode.value,
            "key_check": self.key_check,
            "db_salt": self.db_salt,
            "recovery": self.recovery.to_json(),
            "recovery_acknowledged": self.recovery_acknowledged,
        }
        if self.passphrase is not None:
            data["passphrase"] = self.passphrase.to_json()
        if self.database_key is not None:
            data["database_key"] = self.database_key.to_json()
        if self.rekey_pending is not None:
            data["rekey_pending"] = self.rekey_pending.to_json()
        data.update(self.extra)
        return data

    def _version(self) -> int:
        if self.database_key is None and self.rekey_pending is None:
            return _PLAIN_VERSION
        return MANIFEST_VERSION

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoreManifest:
        known = {
            "format",
            "version",
            "store_id",
            "created_at",
            "state",
            "key_mode",
            "key_check",
            "db_salt",
            "recovery",
            "recovery_acknowledged",
            "passphrase",
            "database_key",
            "rekey_pending",
        }
        passphrase = data.get("passphrase")
        database_key = data.get("database_key")
        pending = data.get("rekey_pending")
        return cls(
            store_id=str(data["store_id"]),
            created_at=str(data["created_at"]),
            state=StoreState(data["state"]),
            key_mode=KeyMode(data["key_mode"]),
            key_check=str(data["key_check"]),
            db_salt=data.get("db_salt"),
            recovery=WrappedKey.from_json(data["recovery"]),
            recovery_acknowledged=bool(data.get("recovery_acknowledged", False)),
            passphrase=WrappedKey.from_json(passphrase) if passphrase else None,
            database_key=WrappedKey.from_json(database_key) if database_key else None,
            rekey_pending=PendingRekey.from_json(pending) if pending else None,
            # Keys written by a newer version are kept, not dropped, on rewrite.
            extra={k: v for k, v in data.items() if k not in known},
        )


def load_manifest(path: Path) -> StoreManifest:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestDamagedError(path, exc.strerror or str(exc)) from exc
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestDamagedError(path, "not valid JSON") from exc
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise ManifestDamagedError(path, "not a Minuta key file")
    version = data.get("version")
    if not isinstance(version, int) or version > MANIFEST_VERSION:
        raise ManifestDamagedError(
            path, f"format version {version!r} is newer than this Minuta understands"
        )
    try:
        return StoreManifest.from_json(data)
    except (KeyError, ValueError, TypeError) as exc:
        raise ManifestDamagedError(path, f"missing or invalid field: {exc}") from exc


def save_manifest(path: Path, manifest: StoreManifest) -> None:
    text = json.dumps(manifest.to_json(), indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"))
