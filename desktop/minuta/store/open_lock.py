"""Who has the store open: a shared lock while open, an exclusive one to rekey.

Every process that opens the store (the app, a ``minuta`` command, a final pass
in its own process) holds a shared ``flock`` on ``store.lock`` for as long as
its connection is open; the OS drops it when the process dies, however it dies.
A rekey replaces the database file, so it needs to be the only one with it open:
it converts its own shared lock into an exclusive one, and gives up at once
(:class:`StoreBusyError`) when anyone else holds one.

Converting a ``flock`` is not atomic: the shared lock is dropped before the
exclusive one is tried, and a failed try leaves none. So a second lock, on the
data folder itself, is taken first by whoever converts (or repairs an
interrupted rekey): with it, no other process can take the exclusive lock in
that gap, and the shared lock is always taken back. Opening waits while a rekey
holds the lock, so nobody reads the key file in the middle of one.

Windows has no shared file locks in the standard library (``msvcrt.locking`` is
exclusive only), so there the lock is not taken at all; a rekey there is kept
safe by Windows itself, which refuses to replace a file another process has open.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from minuta.store.errors import StoreBusyError
from minuta.store.fsutil import PRIVATE_FILE_MODE
from minuta.store.paths import StorePaths

_LOCKING = os.name != "nt"
# How long opening waits for a rekey by another process to finish.
OPEN_WAIT_S = 120.0
_POLL_S = 0.02


def _flock(fd: int, operation: str, *, wait: bool) -> bool:
    """Take a lock (``"shared"``, ``"exclusive"``) or drop it (``"unlock"``); False if refused."""
    import fcntl

    flags = {"shared": fcntl.LOCK_SH, "exclusive": fcntl.LOCK_EX, "unlock": fcntl.LOCK_UN}
    flag = flags[operation]
    if not wait:
        flag |= fcntl.LOCK_NB
    try:
        fcntl.flock(fd, flag)
    except BlockingIOError:
        return False
    return True


class StoreLock:
    """The shared lock of one open store; :meth:`exclusive` for a rekey."""

    def __init__(self, paths: StorePaths, fd: int | None) -> None:
        self._paths = paths
        self._fd = fd

    @classmethod
    def acquire(cls, paths: StorePaths, *, wait_s: float = OPEN_WAIT_S) -> StoreLock:
        """The shared lock, waiting up to ``wait_s`` while a rekey elsewhere holds it."""
        if not _LOCKING:
            return cls(paths, None)
        fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        deadline = time.monotonic() + wait_s
        # Polled, not blocking: a rekey that hangs must not hang every later open.
        while not _flock(fd, "shared", wait=False):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreBusyError(paths.root, waiting_to_open=True)
            time.sleep(_POLL_S)
        return cls(paths, fd)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Be the only process with the store open, or raise :class:`StoreBusyError`."""
        if self._fd is None:
            yield
            return
        with self._gate(wait=False):
            if not _flock(self._fd, "exclusive", wait=False):
                # The failed conversion dropped the shared lock: take it back. The gate
                # keeps everyone else from holding the exclusive one meanwhile.
                _flock(self._fd, "shared", wait=True)
                raise StoreBusyError(self._paths.root)
            try:
                yield
            finally:
                _flock(self._fd, "shared", wait=True)

    @contextmanager
    def repairing(self) -> Iterator[None]:
        """Serialise repairs of an interrupted rekey between processes opening at once."""
        with self._gate(wait=True):
            yield

    @contextmanager
    def _gate(self, *, wait: bool) -> Iterator[None]:
        if not _LOCKING:
            yield
            return
        fd = os.open(self._paths.root, os.O_RDONLY)
        try:
            if not _flock(fd, "exclusive", wait=wait):
                raise StoreBusyError(self._paths.root)
            yield
        finally:
            os.close(fd)  # closing the descriptor drops the lock

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
