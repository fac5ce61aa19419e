"""A small HTTP client for the Hugging Face hub's file contract, nothing more.

A file is at ``{endpoint}/{repo}/resolve/{revision}/{path}``. A HEAD request
there answers without following the redirect to the content store and carries:

* ``X-Repo-Commit``: the commit ``revision`` points at;
* ``X-Linked-Etag`` and ``X-Linked-Size`` for a file kept in LFS: its SHA-256
  and size (the redirect's own length says nothing about the file);
* ``ETag`` and ``Content-Length`` for a small file kept in git: the git blob
  SHA-1 of its content, and its size.

A GET follows the redirect and honours ``Range: bytes=N-`` (206 Partial
Content), which makes an interrupted download resumable.

The endpoint is ``HF_ENDPOINT`` if set (as in the hub's own client), so a
mirror or a local test server can stand in. Requests carry no token and no
telemetry: Minuta only downloads public models, when the user asks.
"""

from __future__ import annotations

import http.client
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote, urljoin

DEFAULT_ENDPOINT = "https://huggingface.co"
USER_AGENT = "minuta-model-download/1"
TIMEOUT_S = 30.0
_BLOCK = 1024 * 1024
_MAX_REDIRECTS = 5
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")


class HubError(Exception):
    """The hub answered, but not with the file."""


class FileNotOnHub(HubError):
    pass


class HubUnreachable(Exception):
    """No answer at all: offline, DNS failure, refused or timed-out connection."""


class TransferInterrupted(Exception):
    """The connection broke while a file was coming; what arrived is kept."""


@dataclass(frozen=True, slots=True)
class RemoteFile:
    path: str
    size: int
    sha256: str | None  # LFS files
    git_sha1: str | None  # files kept in git itself
    commit: str | None


def endpoint() -> str:
    value = os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")
    if not value.startswith(("https://", "http://")):
        raise HubError(f"HF_ENDPOINT must be an http(s) address, not {value!r}")
    return value


def resolve_url(repo_id: str, revision: str, path: str) -> str:
    return f"{endpoint()}/{repo_id}/resolve/{quote(revision, safe='')}/{quote(path)}"


def is_commit_hash(revision: str) -> bool:
    return bool(_HEX40.match(revision))


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Hands a HEAD's redirect back as it is: its headers describe the file."""

    def redirect_request(  # noqa: PLR0917 - urllib's signature
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if req.get_method() == "HEAD":
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_KeepRedirects())


def _request(
    url: str, method: str, headers: dict[str, str] | None = None
) -> urllib.request.Request:
    # Every URL starts with endpoint(), which is checked to be http(s).
    return urllib.request.Request(  # noqa: S310
        url, method=method, headers={"User-Agent": USER_AGENT, **(headers or {})}
    )


def _unquote_etag(value: str | None) -> str:
    value = (value or "").strip()
    if value.startswith("W/"):
        value = value[2:]
    return value.strip('"').lower()


def _describe(url: str, code: int) -> str:
    return f"the model server answered HTTP {code} for {url}"


def head(repo_id: str, revision: str, path: str) -> RemoteFile:
    """Size, checksum and commit of one file, from its resolve URL."""
    url = resolve_url(repo_id, revision, path)
    for _ in range(_MAX_REDIRECTS):
        try:
            with _opener.open(_request(url, "HEAD"), timeout=TIMEOUT_S) as response:
                status, headers = response.status, response.headers
        except urllib.error.HTTPError as error:
            status, headers = error.code, error.headers
            error.close()
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise HubUnreachable(str(error)) from error
        if 300 <= status < 400 and not headers.get("X-Linked-Etag"):
            # A renamed repository answers with a redirect to its new name.
            url = urljoin(url, headers.get("Location", ""))
            continue
        if status == 404:
            raise FileNotOnHub(f"{path} is not in {repo_id} at revision {revision}")
        if status >= 400:
            raise HubError(_describe(url, status))
        return _remote_file(path, headers)
    raise HubError(f"too many redirects for {url}")


def _remote_file(path: str, headers: http.client.HTTPMessage) -> RemoteFile:
    linked = _unquote_etag(headers.get("X-Linked-Etag"))
    etag = linked or _unquote_etag(headers.get("ETag"))
    size_header = headers.get("X-Linked-Size") if linked else headers.get("Content-Length")
    try:
        size = int(size_header or "")
    except ValueError as exc:
        raise HubError(f"the model server did not say how large {path} is") from exc
    return RemoteFile(
        path=path,
        size=size,
        sha256=etag if _HEX64.match(etag) else None,
        git_sha1=etag if _HEX40.match(etag) else None,
        commit=headers.get("X-Repo-Commit"),
    )


def fetch(
    repo_id: str, revision: str, path: str, partial: Path, on_bytes: Callable[[int], None]
) -> None:
    """Append the rest of the file to ``partial``, resuming from its current size.

    If the server ignores the range and sends the whole file, ``partial`` is
    started again. ``on_bytes`` is told of every block written, and of a
    restart as a negative count.
    """
    url = resolve_url(repo_id, revision, path)
    offset = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    try:
        response = _opener.open(_request(url, "GET", headers), timeout=TIMEOUT_S)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 416:  # nothing left to send: the partial file is whole
            return
        if error.code == 404:
            raise FileNotOnHub(f"{path} is not in {repo_id} at revision {revision}") from error
        raise HubError(_describe(url, error.code)) from error
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise HubUnreachable(str(error)) from error
    with response:
        mode = "ab"
        if offset and response.status != 206:
            on_bytes(-offset)
            mode = "wb"
        elif offset and not response.headers.get("Content-Range", "").startswith(
            f"bytes {offset}-"
        ):
            raise HubError(f"the model server sent the wrong part of {path}")
        announced = response.headers.get("Content-Length")
        received = 0
        with partial.open(mode) as out:
            while True:
                try:
                    # read1: what has arrived, not a full block, so that a stalled or
                    # interrupted transfer keeps (and shows) every byte received.
                    block = response.read1(_BLOCK)
                except (OSError, http.client.HTTPException) as error:
                    raise TransferInterrupted(str(error) or type(error).__name__) from error
                if not block:
                    break
                out.write(block)
                received += len(block)
                on_bytes(len(block))
        # http.client ends a body that stops short quietly, without an error.
        if announced is not None and announced.isdigit() and received < int(announced):
            raise TransferInterrupted(f"connection closed after {received} of {announced} bytes")
