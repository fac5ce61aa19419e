"""The SQLCipher 4 connection: keyed, hardened, and honest about failures.

Opening tells three failures apart, because they need different actions:

* a wrong key (the key check in ``store.json`` fails, or the file's salt is not
  the one recorded at creation) -> :class:`WrongKeyError`;
* a damaged file (the key is right, but SQLCipher's per-page HMAC fails) ->
  :class:`DatabaseDamagedError` naming the first bad page;
* anything else is re-raised as it is.

Nothing is ever written to a database that failed to open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from minuta.core.text import fold
from minuta.store.errors import DatabaseDamagedError, WrongKeyError

SALT_BYTES = 16
PLAINTEXT_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE_RE = re.compile(r"page (\d+)")

# SQLCipher's exceptions share the sqlite3 DB-API hierarchy by name only.
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


def read_salt(path: Path) -> str | None:
    """The first 16 bytes of an SQLCipher file are its random salt (hex)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SALT_BYTES)
    except OSError:
        return None
    return head.hex() if len(head) == SALT_BYTES else None


class Database:
    """One keyed connection. Not thread-safe: one owner thread uses it."""

    def __init__(self, conn: Any, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, key: bytes, *, expected_salt: str | None) -> Database:
        conn = _connect(path, key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            try:
                _raise_diagnosis(conn, path, expected_salt, exc)
            finally:
                conn.close()
        _configure(conn)
        return cls(conn, path)

    @classmethod
    def open_read_only(cls, path: Path, key: bytes) -> Database:
        """A connection that cannot write, to check a copy (a rekey's) before it is used."""
        conn = _connect(path, key, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            try:
                _raise_diagnosis(conn, path, None, exc)
            finally:
                conn.close()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("minuta_fold", 1, fold, deterministic=True)
        return cls(conn, path)

    def export_to(self, path: Path, key: bytes) -> None:
        """Write a fresh, compact copy of this database to ``path``, encrypted with ``key``.

        ``sqlcipher_export`` rebuilds every table and index page by page (a vacuum
        into a new file) and copies triggers and virtual tables' schema as written;
        it leaves ``user_version`` behind, so that is set here. ``path`` should be an
        empty file made private beforehand (:func:`create_private_file`).
        """
        version = int(self._conn.execute("PRAGMA main.user_version").fetchone()[0])
        # Bound, so the key never becomes part of an SQL text.
        self._conn.execute("ATTACH DATABASE ? AS rekey KEY ?", (str(path), f"x'{key.hex()}'"))
        try:
            with self._damage_reported():
                self._conn.execute("SELECT sqlcipher_export('rekey')").fetchall()
            self._conn.execute(f"PRAGMA rekey.user_version = {version}")
        finally:
            self._conn.execute("DETACH DATABASE rekey")

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        with self._damage_reported():
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        with self._damage_reported():
            return self._conn.executemany(sql, rows)

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        with self._damage_reported():
            return self._conn.execute(sql, params).fetchone()

    def query_all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._damage_reported():
            return list(self._conn.execute(sql, params).fetchall())

    def integrity_problems(self) -> list[str]:
        """Every page whose HMAC fails, and SQLite's own structural check."""
        problems = [str(row[0]) for row in self._conn.execute("PRAGMA cipher_integrity_check")]
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher3.DatabaseError as exc:  # pages that do not decrypt stop it early
            return [*problems, str(exc)]
        return problems + [str(row[0]) for row in rows if str(row[0]) != "ok"]

    @contextmanager
    def _damage_reported(self) -> Iterator[None]:
        """A page that fails to decrypt mid-session is reported like one at open."""
        try:
            yield
        except sqlcipher3.DatabaseError as exc:
            if not _is_damage(exc):
                raise
            page, detail = _first_bad_page(self._conn)
            raise DatabaseDamagedError(self.path, page, detail or str(exc)) from exc

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All-or-nothing: BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def executescript_in_transaction(self, script: str) -> None:
        try:
            self._conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nCOMMIT;")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it (after deletions)."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        self._conn.close()


def _connect(path: Path, key: bytes, *, read_only: bool = False) -> Any:
    if read_only:
        conn = sqlcipher3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=True,
        )
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    conn.row_factory = sqlcipher3.Row
    # SQLCipher logs decryption failures to stderr; we report them ourselves.
    conn.execute("PRAGMA cipher_log_level = NONE")
    # A raw 256-bit key: no passphrase derivation, the key is the key.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    # Lock and wipe SQLCipher's memory that holds keys and decrypted pages.
    conn.execute("PRAGMA cipher_memory_security = ON")
    return conn


def _configure(conn: Any) -> None:
    conn.execute("PRAGMA journal_mode = WAL").fetchall()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted content is overwritten, not just unlinked from the b-tree.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    conn.create_function("minuta_fold", 1, fold, deterministic=True)


def _raise_diagnosis(conn: Any, path: Path, expected_salt: str | None, exc: Exception) -> None:
    with path.open("rb") as handle:
        head = handle.read(SALT_BYTES)
    if head == PLAINTEXT_SQLITE_HEADER:
        raise WrongKeyError(
            f"{path.name} is an unencrypted SQLite file, not the store's encrypted database."
        ) from exc
    if expected_salt is not None and head.hex() != expected_salt:
        raise WrongKeyError(
            f"{path.name} is not the database this store's key was made for (it was "
            "replaced or restored from another copy)."
        ) from exc
    page, detail = _first_bad_page(conn)
    raise DatabaseDamagedError(path, page, detail or str(exc)) from exc


_DAMAGE_MESSAGES = ("malformed", "not a database", "file is encrypted", "hmac")


def _is_damage(exc: Exception) -> bool:
    if isinstance(exc, sqlcipher3.IntegrityError | sqlcipher3.ProgrammingError):
        return False
    text = str(exc).lower()
    return any(message in text for message in _DAMAGE_MESSAGES)


def _first_bad_page(conn: Any) -> tuple[int | None, str]:
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        return None, str(exc)
    messages = [str(row[0]) for row in rows]
    for message in messages:
        match = _PAGE_RE.search(message)
        if match:
            return int(match.group(1)), f"{len(messages)} problem(s) found, first: {message}"
    return None, "; ".join(messages[:3])
