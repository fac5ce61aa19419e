"""The database key: creation, protection and unlocking.

The database key (the "master key") is 256 random bits. It is kept:

* in the OS keyring (``keyring`` mode), under an account named after the
  store's id, or
* nowhere at all in ``passphrase`` mode: it is wrapped by a key derived from the
  passphrase with Argon2id (scrypt where Argon2id is unavailable);

and always wrapped by the recovery key (HKDF, since a recovery key already has
200 bits of entropy). The wrapped copies live in ``store.json``.

Meeting data keys are wrapped by a subkey of the master key; see
:func:`wrap_meeting_key`.

The database itself is opened with :func:`database_key`: the master key for a
store never rekeyed, and after a rekey a key of its own, wrapped by a subkey of
the master key in ``store.json``. A rekey replaces only that wrapped key, so the
keyring entry, the passphrase and the recovery key the user wrote down keep
working, and meeting keys (and so the audio files) are untouched.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from minuta.store.crypto import (
    KEY_BYTES,
    SealError,
    derive_key,
    matches_key_check,
    random_key,
    seal,
    unseal,
)
from minuta.store.errors import (
    KeyMissingError,
    PassphraseRequiredError,
    WrongKeyError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from minuta.store.manifest import KeyMode, PendingRekey, StoreManifest, WrappedKey
from minuta.store.paths import StorePaths
from minuta.store.recovery import RecoveryKey
from minuta.store.secret_store import SecretStore

SALT_BYTES = 16
_ARGON2_PARAMS = {"iterations": 3, "lanes": 4, "memory_kib": 64 * 1024}
_SCRYPT_PARAMS = {"n": 2**17, "r": 8, "p": 1}


def keyring_account(store_id: str) -> str:
    return f"store-{store_id}/database-key"


def _aad(store_id: str, purpose: str) -> bytes:
    return f"minuta:{purpose}:{store_id}".encode("ascii")


# --- recovery key -----------------------------------------------------------------


def wrap_with_recovery(master: bytes, recovery: RecoveryKey, store_id: str) -> WrappedKey:
    salt = secrets.token_bytes(SALT_BYTES)
    kek = derive_key(recovery.secret, "recovery-wrap", salt)
    return WrappedKey("hkdf-sha256", {}, salt, seal(kek, master, _aad(store_id, "recovery")))


def _unwrap(
    kek: bytes,
    wrapped: WrappedKey,
    manifest: StoreManifest,
    purpose: str,
    refusal: type[WrongRecoveryKeyError | WrongPassphraseError],
) -> bytes:
    """The master key, or ``refusal`` if this secret does not open it."""
    try:
        master = unseal(kek, wrapped.blob, _aad(manifest.store_id, purpose))
    except SealError as exc:
        raise refusal() from exc
    if not matches_key_check(master, manifest.key_check):
        raise refusal()
    return master


def unwrap_with_recovery(manifest: StoreManifest, recovery: RecoveryKey) -> bytes:
    wrapped = manifest.recovery
    kek = derive_key(recovery.secret, "recovery-wrap", wrapped.salt)
    return _unwrap(kek, wrapped, manifest, "recovery", WrongRecoveryKeyError)


# --- passphrase -------------------------------------------------------------------


def _passphrase_kek(passphrase: str, kdf: str, params: dict[str, int], salt: bytes) -> bytes:
    secret = passphrase.encode("utf-8")
    if kdf == "argon2id":
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=params["iterations"],
            lanes=params["lanes"],
            memory_cost=params["memory_kib"],
        ).derive(secret)
    if kdf == "scrypt":
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return Scrypt(
            salt=salt, length=KEY_BYTES, n=params["n"], r=params["r"], p=params["p"]
        ).derive(secret)
    raise ValueError(f"unknown key derivation {kdf!r}")


def _preferred_passphrase_kdf() -> tuple[str, dict[str, int]]:
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401
    except ImportError:  # OpenSSL older than 3.2
        return "scrypt", dict(_SCRYPT_PARAMS)
    return "argon2id", dict(_ARGON2_PARAMS)


def wrap_with_passphrase(master: bytes, passphrase: str, store_id: str) -> WrappedKey:
    kdf, params = _preferred_passphrase_kdf()
    salt = secrets.token_bytes(SALT_BYTES)
    kek = _passphrase_kek(passphrase, kdf, params, salt)
    return WrappedKey(kdf, params, salt, seal(kek, master, _aad(store_id, "passphrase")))


def unwrap_with_passphrase(manifest: StoreManifest, passphrase: str) -> bytes:
    wrapped = manifest.passphrase
    if wrapped is None:
        raise ValueError("this store has no passphrase")
    kek = _passphrase_kek(passphrase, wrapped.kdf, wrapped.params, wrapped.salt)
    return _unwrap(kek, wrapped, manifest, "passphrase", WrongPassphraseError)


# --- keyring ----------------------------------------------------------------------


def _decode_keyring_secret(text: str) -> bytes | None:
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def load_master_key(
    manifest: StoreManifest,
    paths: StorePaths,
    secret_store: SecretStore | None,
    passphrase: str | None,
) -> bytes:
    """The master key from wherever this store keeps it, checked against the manifest."""
    if manifest.key_mode is KeyMode.PASSPHRASE:
        if passphrase is None:
            raise PassphraseRequiredError()
        return unwrap_with_passphrase(manifest, passphrase)

    if secret_store is None:
        raise KeyMissingError(paths.root)
    text = secret_store.get(keyring_account(manifest.store_id))
    if text is None:
        raise KeyMissingError(paths.root)
    master = _decode_keyring_secret(text)
    if master is None or not matches_key_check(master, manifest.key_check):
        raise WrongKeyError(
            f"The keyring ({secret_store.description}) holds a key for this store that does "
            "not match it."
        )
    return master


# --- creation ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class NewKeys:
    master: bytes
    recovery: RecoveryKey
    recovery_wrap: WrappedKey
    passphrase_wrap: WrappedKey | None


def new_keys(store_id: str, mode: KeyMode, passphrase: str | None) -> NewKeys:
    master = random_key()
    recovery = RecoveryKey.generate()
    passphrase_wrap = None
    if mode is KeyMode.PASSPHRASE:
        if not passphrase:
            raise PassphraseRequiredError()
        passphrase_wrap = wrap_with_passphrase(master, passphrase, store_id)
    return NewKeys(
        master, recovery, wrap_with_recovery(master, recovery, store_id), passphrase_wrap
    )


# --- the database key -------------------------------------------------------------

_DATABASE_KEY_WRAP = "database-key-wrap"


def wrap_database_key(master: bytes, key: bytes, store_id: str) -> WrappedKey:
    """``key`` sealed for ``store.json``'s ``database_key`` (or a pending rekey)."""
    kek = derive_key(master, _DATABASE_KEY_WRAP)
    return WrappedKey("hkdf-sha256", {}, b"", seal(kek, key, _aad(store_id, "database-key")))


def unwrap_database_key(master: bytes, wrapped: WrappedKey, store_id: str) -> bytes:
    kek = derive_key(master, _DATABASE_KEY_WRAP)
    try:
        return unseal(kek, wrapped.blob, _aad(store_id, "database-key"))
    except SealError as exc:
        # The master key passed its check, so the wrapped key was edited or copied
        # from another store's key file.
        raise WrongKeyError(
            "The database key in store.json does not belong to this store's key (the key "
            "file was edited, or comes from another store)."
        ) from exc


def database_key(manifest: StoreManifest, master: bytes) -> bytes:
    """The key that opens ``minuta.db``: its own once rekeyed, else the master key."""
    if manifest.database_key is None:
        return master
    return unwrap_database_key(master, manifest.database_key, manifest.store_id)


def pending_database_key(pending: PendingRekey, master: bytes, store_id: str) -> bytes:
    """The new key of a rekey under way (or interrupted)."""
    return unwrap_database_key(master, pending.database_key, store_id)


# --- meeting keys -----------------------------------------------------------------


def wrap_meeting_key(master: bytes, meeting_uid: str, meeting_key: bytes) -> bytes:
    kek = derive_key(master, "meeting-key-wrap")
    return seal(kek, meeting_key, f"minuta:meeting-key:{meeting_uid}".encode("ascii"))


def unwrap_meeting_key(master: bytes, meeting_uid: str, blob: bytes) -> bytes:
    kek = derive_key(master, "meeting-key-wrap")
    return unseal(kek, blob, f"minuta:meeting-key:{meeting_uid}".encode("ascii"))
