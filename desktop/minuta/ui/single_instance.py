"""One Minuta per person and data folder: a second launch brings the first forward.

The first launch takes a lock file (``QLockFile``) and then listens on a local
socket (``QLocalServer``). A later launch finds the lock taken, sends one short
line to the socket, ``show`` (or ``tray`` when it was started with ``--tray``,
which asks for nothing visible) and ends. The lock, not the socket, decides
who is first: after a crash the socket's file is left behind, but the lock's
process is gone, so ``QLockFile`` calls it stale and the next launch takes it
over and removes the old socket (only then: removing a live one would cut off
the running Minuta).

Both names come from the user and a hash of the data folder, so two stores
(``MINUTA_DATA_DIR``: a test, a second profile) each get their own Minuta.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = "show"
TRAY = "tray"
MESSAGES = frozenset({SHOW, TRAY})
_MAX_LINE = 64  # anything longer is not from Minuta
# A later launch that finds the lock taken waits this long for the first to listen
# (it may be starting up itself), trying again every _RETRY_S.
CONNECT_WITHIN_S = 5.0
_RETRY_S = 0.1
_WAIT_MS = 1000  # each blocking wait of a later launch (no window exists yet)
_MAX_SOCKET_PATH = 100  # a Unix socket's path holds 104-108 bytes, by system


def _user() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name at all (a bare container): the id will do
        name = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:32] or "user"


def instance_name(data_dir: Path) -> str:
    """``minuta-<user>-<hash of the data folder>``: the same for every launch on it."""
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"minuta-{_user()}-{digest}"


def _private_dir() -> Path:
    """Where the lock (and on Linux the socket) live: per user, emptied at logout."""
    if sys.platform.startswith("linux"):
        runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
        if runtime:
            return Path(runtime)
    # macOS's and Windows' temporary folders are the user's own.
    return Path(QDir.tempPath())


def server_address(name: str, folder: Path) -> str:
    """The socket: in the user's runtime folder on Linux (0700), a named pipe elsewhere."""
    if sys.platform.startswith("linux"):
        path = str(folder / f"{name}.socket")
        if len(path.encode()) <= _MAX_SOCKET_PATH:
            return path
    return name  # Qt places it: the temporary folder on Unix, a pipe on Windows


class SingleInstance(QObject):
    """``claim()`` once; the first launch then hears later ones as ``message_received``."""

    message_received = Signal(str)  # SHOW or TRAY

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(data_dir)
        folder = _private_dir()
        self.address = server_address(self.name, folder)
        self.lock_path = folder / f"{self.name}.lock"
        self._lock = QLockFile(str(self.lock_path))
        # Held for the whole run: only a dead process makes it stale, never its age.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    @property
    def is_first(self) -> bool:
        return self._lock.isLocked()

    def claim(self) -> bool:
        """Take the lock; True if this is the first launch (it then listens)."""
        try:
            self.lock_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("no folder for the single-instance lock: %s", type(exc).__name__)
        if not self._lock.tryLock(0):
            if self._lock.error() is not QLockFile.LockError.LockFailedError:
                # The lock cannot be made at all (a read-only folder): run, as before.
                log.warning("single-instance lock unusable: %s", self._lock.error().name)
                return True
            return False
        # Ours now: a socket still there was left by a Minuta that crashed.
        QLocalServer.removeServer(self.address)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if server.listen(self.address):
            self._server = server
        else:
            log.warning("later launches cannot reach this one: %s", server.errorString())
        return True

    def close(self) -> None:
        """Stop listening and give up the lock (the app is ending)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    # --- the first launch ---------------------------------------------------------

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                return
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, r=received: self._read(s, r))
            # A sender that wrote and hung up at once: what it wrote is still read.
            socket.disconnected.connect(lambda s=socket, r=received: self._read(s, r, ended=True))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable() > 0:
                self._read(socket, received)

    def _read(self, socket: QLocalSocket, received: bytearray, *, ended: bool = False) -> None:
        received += bytes(socket.readAll().data())
        if not received or (b"\n" not in received and len(received) <= _MAX_LINE and not ended):
            return  # the rest is on its way
        line = bytes(received).partition(b"\n")[0][:_MAX_LINE]
        received.clear()
        if not ended:
            socket.disconnectFromServer()
        message = line.decode("ascii", "replace").strip()
        if message in MESSAGES:
            self.message_received.emit(message)
        else:
            log.info("ignored a message on the single-instance socket")

    # --- a later launch -------------------------------------------------------------

    def send(self, message: str, within_s: float = CONNECT_WITHIN_S) -> bool:
        """Tell the first launch ``message``; False if it could not be reached in time.

        Blocks for a moment at most: it runs before any window exists.
        """
        deadline = time.monotonic() + within_s
        while True:
            if self._send_once(message):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(_RETRY_S)  # the first may have the lock and not listen yet

    def _send_once(self, message: str) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.address)
        if not socket.waitForConnected(_WAIT_MS):
            return False
        socket.write(message.encode("ascii") + b"\n")
        socket.waitForBytesWritten(_WAIT_MS)
        written = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() is not QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(_WAIT_MS)
        return written
