"""Key derivation and sealing primitives used across the store.

All keys are 256-bit. Sealed blobs are ``nonce (12 bytes) || AES-256-GCM
ciphertext+tag``, with associated data naming what the blob is for, so that a
blob copied to another place (another meeting, another store) fails to open.
"""

from __future__ import annotations

import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
_INFO_PREFIX = b"minuta/v1/"


class SealError(Exception):
    """A sealed blob did not authenticate: wrong key, wrong context or tampering."""


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive_key(secret: bytes, purpose: str, salt: bytes | None = None) -> bytes:
    """A subkey of ``secret`` for one ``purpose``; different purposes never collide."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=salt,
        info=_INFO_PREFIX + purpose.encode("ascii"),
    )
    return hkdf.derive(secret)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise SealError("sealed blob is too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise SealError("sealed blob did not authenticate") from exc


def key_check(master: bytes) -> str:
    """A public fingerprint of the master key.

    Stored beside the database so that a wrong key is told apart from a damaged
    file before SQLCipher is even asked. It is a one-way HKDF output and reveals
    nothing about the key.
    """
    return derive_key(master, "key-check")[:16].hex()


def matches_key_check(master: bytes, expected: str) -> bool:
    return hmac.compare_digest(key_check(master), expected)
