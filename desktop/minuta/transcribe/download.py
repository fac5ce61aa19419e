"""Downloading a named model: only ever as an explicit user action.

The model's CTranslate2 files come from its Hugging Face repository (see
:mod:`.hub_client`), pinned to one commit, into a staging folder in the model
cache:

* each file is first announced by the hub with its size and checksum (SHA-256
  for large LFS files, the git blob SHA-1 for small ones);
* an interrupted file stays as ``NAME.part`` and the next attempt continues it
  with an HTTP range request, in this run (a few retries while bytes keep
  coming) or the next one;
* every file is verified before it counts as downloaded; a file that fails is
  deleted from the staging folder (only that file) with a clear message;
* the staging folder becomes the model's folder only once all files are in.

A model that is already downloaded is replaced only with ``force``, after the
new copy is complete and verified.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from minuta.transcribe import hub_client
from minuta.transcribe.catalogue import (
    COMPLETE_MARKER,
    EMBEDDED_MODEL,
    ModelError,
    ModelInfo,
    check_model_dir,
    find,
    installed_dir,
    is_installed,
)
from minuta.transcribe.hub_client import (
    FileNotOnHub,
    HubError,
    HubUnreachable,
    RemoteFile,
    TransferInterrupted,
)

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) while a model downloads."""

_ATTEMPTS_PER_FILE = 3
_FREE_SPACE_MARGIN = 64 * 1024 * 1024
_HASH_BLOCK = 4 * 1024 * 1024


class OfflineError(ModelError):
    """The model server could not be reached."""


class DownloadInterrupted(ModelError):
    """The connection broke mid-file; the next attempt continues from there."""


class ChecksumError(ModelError):
    """A downloaded file is not the one the hub announced."""


@dataclass(frozen=True, slots=True)
class _Wanted:
    candidates: tuple[str, ...]  # paths in the repository, tried in order
    required: bool = True


def _wanted(info: ModelInfo) -> list[_Wanted]:
    """The repository paths a model needs.

    The CTranslate2 files come from the model's subfolder only. faster-whisper
    also reads ``tokenizer.json`` (without it, it would fetch one from the
    network at load time) and ``preprocessor_config.json`` (the mel settings
    large-v3-based models need); repositories with a subfolder keep those at
    the root, so the root is tried after the subfolder.
    """
    folder = info.subfolder

    def inside(name: str) -> str:
        return f"{folder}/{name}" if folder else name

    def inside_then_root(name: str) -> tuple[str, ...]:
        return (inside(name), name) if folder else (name,)

    return [
        _Wanted((inside("config.json"),)),
        _Wanted((inside("model.bin"),)),
        _Wanted((inside("vocabulary.json"), inside("vocabulary.txt"))),
        _Wanted(inside_then_root("tokenizer.json")),
        _Wanted(inside_then_root("preprocessor_config.json"), required=False),
    ]


def download(
    name: str, models_dir: Path, *, force: bool = False, progress: ProgressCallback | None = None
) -> Path:
    """The folder of model ``name``, downloading it (or with ``force``, again)."""
    info = find(name)
    if info is None:
        raise ModelError(f"There is no model called {name!r}; `minuta models` lists them.")
    if info.embedded:
        return reassemble_embedded(models_dir) if force else _embedded(models_dir)
    if is_installed(models_dir, info.name) and not force:
        return installed_dir(models_dir, info.name)
    try:
        return _download(info, models_dir, progress or (lambda done, total: None))
    except HubUnreachable as exc:
        raise OfflineError(
            f"Could not download {info.name!r}: the model server ({hub_client.endpoint()}) "
            "could not be reached. Check your network connection and try again. Until then "
            "the embedded 'base' model keeps working offline."
        ) from exc
    except FileNotOnHub as exc:
        raise ModelError(
            f"Could not download {info.name!r}: {exc}. The model may have been moved or "
            "removed from the hub."
        ) from exc
    except HubError as exc:
        raise ModelError(
            f"Could not download {info.name!r}: {exc}. Try again later; what was already "
            "downloaded is kept."
        ) from exc


def _embedded(models_dir: Path) -> Path:
    from minuta.transcribe.embedded import embedded_model_dir

    return embedded_model_dir(models_dir)


def reassemble_embedded(models_dir: Path) -> Path:
    """Rebuild the embedded model's cached copy from the installation.

    The copy is Minuta's own cache, made from files installed with Minuta, so
    it can always be rebuilt; without its completion marker it is.
    """
    from minuta.transcribe.embedded import bundled_model_dir, verify_bundled

    bundled = bundled_model_dir()
    if bundled is not None:  # read-only inside the installation: check it, never rewrite it
        return verify_bundled(bundled)
    marker = installed_dir(models_dir, EMBEDDED_MODEL) / COMPLETE_MARKER
    marker.unlink(missing_ok=True)
    return _embedded(models_dir)


class _Progress:
    def __init__(self, total: int, report: ProgressCallback) -> None:
        self.done = 0
        self.total = total
        self._report = report

    def add(self, count: int) -> None:
        self.done += count
        self._report(self.done, self.total)


def _download(info: ModelInfo, models_dir: Path, report: ProgressCallback) -> Path:
    commit, files = _plan(info)
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = models_dir / f".{info.name}.download"
    staging.mkdir(exist_ok=True)
    already = sum(_usable_bytes(staging, remote) for remote in files)
    progress = _Progress(sum(remote.size for remote in files), report)
    _check_free_space(models_dir, progress.total - already, info.name)
    progress.add(already)
    for remote in files:
        _fetch_verified(info, commit, remote, staging, progress)
    for sidecar in staging.glob(".*.expected"):
        sidecar.unlink()
    check_model_dir(staging)
    (staging / COMPLETE_MARKER).write_text(f"{info.repo_id}@{commit}\n")
    return _install(staging, installed_dir(models_dir, info.name))


def _plan(info: ModelInfo) -> tuple[str, list[RemoteFile]]:
    """The commit to fetch from and the files to fetch, as the hub describes them."""
    revision = info.revision
    files: list[RemoteFile] = []
    for wanted in _wanted(info):
        for candidate in wanted.candidates:
            try:
                remote = hub_client.head(info.repo_id, revision, candidate)
            except FileNotOnHub:
                continue
            if not hub_client.is_commit_hash(revision) and remote.commit:
                # Every further file comes from the same commit, even if the
                # branch moves while the download runs.
                revision = remote.commit
            files.append(remote)
            break
        else:
            if wanted.required:
                raise FileNotOnHub(
                    f"{' or '.join(wanted.candidates)} is not in {info.repo_id} "
                    f"at revision {revision}"
                )
    return revision, files


def _expected(remote: RemoteFile) -> str:
    return remote.sha256 or remote.git_sha1 or f"size-{remote.size}"


def _paths(staging: Path, remote: RemoteFile) -> tuple[Path, Path, Path]:
    name = PurePosixPath(remote.path).name
    return staging / name, staging / f"{name}.part", staging / f".{name}.expected"


def _usable_bytes(staging: Path, remote: RemoteFile) -> int:
    """How much of ``remote`` a previous attempt left that this one can keep.

    A file or part meant for a different version of the file, or longer than
    the file can be, is removed: it could only fail the checksum.
    """
    final, partial, sidecar = _paths(staging, remote)
    recorded = sidecar.read_text().strip() if sidecar.exists() else None
    if recorded != _expected(remote):
        final.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
        sidecar.write_text(_expected(remote) + "\n")
        return 0
    if final.exists() and final.stat().st_size == remote.size:
        return remote.size
    final.unlink(missing_ok=True)
    if partial.exists() and partial.stat().st_size > remote.size:
        partial.unlink()
    return partial.stat().st_size if partial.exists() else 0


def _check_free_space(folder: Path, needed: int, name: str) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + _FREE_SPACE_MARGIN:
        raise ModelError(
            f"Downloading {name!r} needs {_mb(needed)} MB more disk space in {folder}, "
            f"but only {_mb(free)} MB is free."
        )


def _fetch_verified(
    info: ModelInfo, commit: str, remote: RemoteFile, staging: Path, progress: _Progress
) -> None:
    final, partial, _ = _paths(staging, remote)
    if final.exists():
        return  # verified by an earlier run: only verified files get their final name
    for attempt in range(1, _ATTEMPTS_PER_FILE + 1):
        before = partial.stat().st_size if partial.exists() else 0
        try:
            hub_client.fetch(info.repo_id, commit, remote.path, partial, progress.add)
            break
        except TransferInterrupted as exc:
            now = partial.stat().st_size if partial.exists() else 0
            if attempt == _ATTEMPTS_PER_FILE or now <= before:
                raise DownloadInterrupted(
                    f"The download of {info.name!r} stopped at {_mb(progress.done)} of "
                    f"{_mb(progress.total)} MB: the connection was lost ({exc}). Run "
                    f"`minuta models download {info.name}` again to continue where it stopped."
                ) from exc
    _verify(info, remote, partial)
    partial.rename(final)


def _verify(info: ModelInfo, remote: RemoteFile, partial: Path) -> None:
    name = PurePosixPath(remote.path).name
    size = partial.stat().st_size if partial.exists() else 0
    if remote.sha256:
        kind, got = "SHA-256", _sha256(partial)
        good = size == remote.size and got == remote.sha256
        expected = remote.sha256
    elif remote.git_sha1:
        kind, got = "git SHA-1", _git_sha1(partial)
        good = size == remote.size and got == remote.git_sha1
        expected = remote.git_sha1
    else:
        kind, got, expected = "size", str(size), str(remote.size)
        good = size == remote.size
    if good:
        return
    partial.unlink(missing_ok=True)
    raise ChecksumError(
        f"{name} of {info.name!r} failed its checksum ({kind}: expected {expected[:16]}, got "
        f"{got[:16]}; {size} of {remote.size} bytes). The damaged file was deleted; run "
        f"`minuta models download {info.name}` again to fetch it afresh."
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _git_sha1(path: Path) -> str:
    """The git blob id of a file: what the hub's ETag is for files kept in git."""
    digest = hashlib.sha1(f"blob {path.stat().st_size}\0".encode(), usedforsecurity=False)
    with path.open("rb") as handle:
        while block := handle.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _install(staging: Path, target: Path) -> Path:
    """Make the complete staging folder the model's folder."""
    if target.exists():
        # Only reached on an explicit (re-)download: the old copy goes once the
        # new one is in place.
        old = target.with_name(f".{target.name}.replaced")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)
    return target


def _mb(count: int) -> str:
    return f"{count / 1_000_000:,.0f}" if count >= 10_000_000 else f"{count / 1_000_000:.1f}"
