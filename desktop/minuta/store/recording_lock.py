"""A lock held by the process that is recording a meeting.

A meeting left in the "recording" state is either being recorded right now (by
this app, or by ``minuta record`` in a terminal) or was interrupted by a crash.
The recorder holds an OS file lock for as long as it runs; the OS drops it when
the process dies, however it dies. So "state is recording and the lock is
free" means "interrupted": offer recovery. The lock file holds no data.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from minuta.store.fsutil import PRIVATE_FILE_MODE

LOCK_NAME = "recording.lock"


class LockHeldError(Exception):
    pass


class RecordingLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise LockHeldError(str(self.path)) from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __enter__(self) -> RecordingLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    @classmethod
    def is_held(cls, folder: Path) -> bool:
        """Whether some process is recording into ``folder`` right now."""
        if not (folder / LOCK_NAME).exists():
            return False
        probe = cls(folder)
        try:
            probe.acquire()
        except LockHeldError:
            return True
        probe.release()
        return False


def _lock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
