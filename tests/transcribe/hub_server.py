"""A real HTTP server on 127.0.0.1 that follows the Hugging Face file contract.

* ``HEAD /{repo}/resolve/{revision}/{path}``: a file kept in "LFS" (larger than
  ``lfs_threshold``) answers 302 to ``/cdn/{sha256}`` with ``X-Linked-Etag``
  (its SHA-256) and ``X-Linked-Size``; a small file answers 200 with ``ETag``
  (its git blob SHA-1) and ``Content-Length``. Both carry ``X-Repo-Commit``.
* ``GET`` of the same URL: the redirect for LFS files, the content otherwise;
  ``GET /cdn/{sha256}`` serves LFS content. Both honour ``Range: bytes=N-``
  with 206 Partial Content.
* Unknown repositories, revisions or files: 404.

Faults are queued per file path and used up one request at a time: ``"cut"``
sends the headers for the whole remainder and half of it, then closes the
connection; ``"corrupt"`` serves the announced size with one byte changed;
``"ignore-range"`` answers 200 with the whole file; ``"500"`` answers 500;
``"hold"`` sends half, sets ``HubState.holding`` and waits for ``HubState.release``.
``head_faults`` does the same for HEAD requests (``"500"`` only).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<revision>[^/]+)/(?P<path>.+)$")
_CDN = re.compile(r"^/cdn/(?P<sha>[0-9a-f]{64})$")
_RANGE = re.compile(r"^bytes=(\d+)-$")


def ct2_files(model_size: int = 300_000) -> dict[str, bytes]:
    """The files of a CTranslate2 Whisper model, with random weights."""
    return {
        "config.json": b'{"alignment_heads": [], "lang_ids": []}',
        "model.bin": os.urandom(model_size),
        "tokenizer.json": b'{"model": {}}' + b" " * 3000,  # above the LFS threshold
        "vocabulary.json": b'["a", "b"]',
        "preprocessor_config.json": b'{"feature_size": 128}',
    }


def git_blob_sha1(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


@dataclass
class Request:
    method: str
    path: str
    range: str | None
    authorization: str | None


@dataclass
class HubState:
    # repo -> commit -> path -> content
    repos: dict[str, dict[str, dict[str, bytes]]] = field(default_factory=dict)
    # repo -> branch -> commit
    branches: dict[str, dict[str, str]] = field(default_factory=dict)
    lfs_threshold: int = 1024
    faults: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    head_faults: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    log: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def add_repo(
        self, repo: str, commit: str, files: dict[str, bytes], *, branch: str = "main"
    ) -> None:
        self.repos.setdefault(repo, {})[commit] = files
        self.branches.setdefault(repo, {})[branch] = commit

    def gets(self, path_suffix: str = "") -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.method == "GET" and r.path.endswith(path_suffix)]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def do_HEAD(self) -> None:
        self._handle(head=True)

    def do_GET(self) -> None:
        self._handle(head=False)

    def _handle(self, *, head: bool) -> None:
        state = self.server.state
        with state.lock:
            state.log.append(
                Request(
                    "HEAD" if head else "GET",
                    unquote(self.path),
                    self.headers.get("Range"),
                    self.headers.get("Authorization"),
                )
            )
        cdn = _CDN.match(self.path)
        if cdn and not head:
            content = self._lfs_content(cdn["sha"])
            if content is None:
                self._status(404)
            else:
                self._serve(content, self._fault(cdn["sha"]))
            return
        found = _RESOLVE.match(unquote(self.path))
        if not found:
            self._status(404)
            return
        self._resolve(found["repo"], found["revision"], found["path"], head=head)

    def _resolve(self, repo: str, revision: str, path: str, *, head: bool) -> None:
        state = self.server.state
        commits = state.repos.get(repo, {})
        commit = state.branches.get(repo, {}).get(revision, revision)
        content = commits.get(commit, {}).get(path)
        if content is None:
            self._status(404)
            return
        if head and self._take(state.head_faults, path) == "500":
            self._status(500)
            return
        if not head and state.faults[path] and state.faults[path][0] == "500":
            self._take(state.faults, path)
            self._status(500)
            return
        sha = hashlib.sha256(content).hexdigest()
        if len(content) > state.lfs_threshold:
            with state.lock:
                self.server.lfs[sha] = (content, path)
            self.send_response(302)
            self.send_header("Location", f"/cdn/{sha}")
            self.send_header("X-Linked-Etag", f'"{sha}"')
            self.send_header("X-Linked-Size", str(len(content)))
            self.send_header("X-Repo-Commit", commit)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if head:
            self.send_response(200)
            self.send_header("ETag", f'"{git_blob_sha1(content)}"')
            self.send_header("Content-Length", str(len(content)))
            self.send_header("X-Repo-Commit", commit)
            self.end_headers()
            return
        self._serve(content, self._take(state.faults, path))

    def _lfs_content(self, sha: str) -> bytes | None:
        entry = self.server.lfs.get(sha)
        return entry[0] if entry else None

    def _fault(self, sha: str) -> str | None:
        entry = self.server.lfs.get(sha)
        return self._take(self.server.state.faults, entry[1]) if entry else None

    def _take(self, faults: dict[str, list[str]], path: str) -> str | None:
        with self.server.state.lock:
            queue = faults.get(path)
            return queue.pop(0) if queue else None

    def _serve(self, content: bytes, fault: str | None) -> None:
        if fault == "500":
            self._status(500)
            return
        if fault == "corrupt":
            content = bytes([content[0] ^ 0xFF]) + content[1:]
        wanted = _RANGE.match(self.headers.get("Range") or "")
        start = int(wanted.group(1)) if wanted and fault != "ignore-range" else 0
        if start >= len(content) and start > 0:
            self._status(416)
            return
        body = content[start:]
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(content) - 1}/{len(content)}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if fault in ("cut", "hold"):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            if fault == "hold":
                self.server.state.holding.set()
                self.server.state.release.wait(30)
            self.close_connection = True
            return
        self.wfile.write(body)

    def _status(self, code: int) -> None:
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: HubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state
        self.lfs: dict[str, tuple[bytes, str]] = {}


def run_hub(state: HubState) -> Iterator[str]:
    """Serve ``state`` until the generator is closed; yields the endpoint URL."""
    server = _Server(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
