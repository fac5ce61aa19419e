"""The recovery key: what a person writes down to get back into their store.

200 random bits, written as 40 base32 characters plus a 5-character checksum,
in nine groups of five: ``ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH-JKLMN``.
Base32 (A–Z, 2–7) has no 0, 1, 8 or 9, so reading back is forgiving: 0 is taken
as O, 1 as I and 8 as B; case, spaces and dashes do not matter. The checksum
catches typos before any decryption is tried.

The recovery key does not encrypt the database itself: it wraps the database
key (see :mod:`minuta.store.keys`), so the database key can be rotated without
a new recovery key.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass

from minuta.store.errors import InvalidRecoveryKeyError

SECRET_BYTES = 25
_BODY_CHARS = 40
_CHECK_CHARS = 5
_GROUP = 5
_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def _checksum(secret: bytes) -> str:
    digest = hashlib.sha256(b"minuta recovery key" + secret).digest()
    return base64.b32encode(digest[:5]).decode("ascii")[:_CHECK_CHARS]


@dataclass(frozen=True, slots=True, repr=False)
class RecoveryKey:
    secret: bytes

    def __repr__(self) -> str:  # never print the secret by accident
        return "RecoveryKey(<hidden>)"

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    def formatted(self) -> str:
        body = base64.b32encode(self.secret).decode("ascii")
        text = body + _checksum(self.secret)
        return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
        if len(cleaned) != _BODY_CHARS + _CHECK_CHARS:
            raise InvalidRecoveryKeyError(
                f"it has {len(cleaned)} characters instead of {_BODY_CHARS + _CHECK_CHARS}"
            )
        bad = sorted(set(cleaned) - _ALPHABET)
        if bad:
            raise InvalidRecoveryKeyError(f"it contains {''.join(bad)!r}")
        body, check = cleaned[:_BODY_CHARS], cleaned[_BODY_CHARS:]
        secret = base64.b32decode(body)
        if _checksum(secret) != check:
            raise InvalidRecoveryKeyError("the checksum does not match")
        return cls(secret)
