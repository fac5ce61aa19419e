"""Downloading models from a real HTTP server on loopback that follows the hub's contract."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.transcribe.hub_server import HubState, ct2_files, run_hub

from minuta.transcribe import catalogue
from minuta.transcribe.download import (
    ChecksumError,
    DownloadInterrupted,
    OfflineError,
    download,
)

KB_LARGE = catalogue.find("kb-whisper-large")
KB_SMALL = catalogue.find("kb-whisper-small")
NB_BASE = catalogue.find("nb-whisper-base")
assert KB_LARGE is not None and KB_SMALL is not None and NB_BASE is not None
MAIN_COMMIT = "c0ffee" * 6 + "c0ff"


def other_weights() -> dict[str, bytes]:
    """What else such repositories hold; none of it may be fetched."""
    return {
        "model.safetensors": b"s" * 5000,
        "ggml-model.bin": b"g" * 5000,
        "onnx/encoder_model.onnx": b"o" * 5000,
        "README.md": b"# model card",
    }


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubState]:
    state = HubState()
    server = run_hub(state)
    monkeypatch.setenv("HF_ENDPOINT", next(server))
    yield state
    server.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_root_layout_model_is_fetched_at_its_pinned_commit(hub, tmp_path):
    files = ct2_files()
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, {**files, **other_weights()})
    reports: list[tuple[int, int]] = []

    folder = download("kb-whisper-large", tmp_path, progress=lambda d, t: reports.append((d, t)))

    assert folder == tmp_path / "kb-whisper-large"
    for name, content in files.items():
        assert (folder / name).read_bytes() == content, name
    assert sorted(p.name for p in folder.iterdir()) == sorted([*files, catalogue.COMPLETE_MARKER])
    assert catalogue.is_installed(tmp_path, "kb-whisper-large")
    assert (folder / catalogue.COMPLETE_MARKER).read_text().strip() == (
        f"{KB_LARGE.repo_id}@{KB_LARGE.revision}"
    )
    requested = {r.path for r in hub.log if "/resolve/" in r.path}
    assert all(f"/resolve/{KB_LARGE.revision}/" in path for path in requested)
    assert not any(
        word in path for path in requested for word in ("safetensors", "ggml", "onnx", "README")
    )
    total = sum(len(content) for content in files.values())
    assert reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert all(r.authorization is None for r in hub.log)  # no token, ever
    assert not list(tmp_path.glob(".*download*"))  # the staging folder became the model


def test_subfolder_model_fetches_only_that_folder_and_the_root_tokenizer(hub, tmp_path):
    files = ct2_files()
    repo_files = {f"ct2/{name}": files[name] for name in ("config.json", "model.bin")}
    repo_files["ct2/vocabulary.json"] = files["vocabulary.json"]
    repo_files |= {
        "tokenizer.json": files["tokenizer.json"],
        "preprocessor_config.json": files["preprocessor_config.json"],
        "config.json": b'{"transformers": "config, not for CTranslate2"}',
        "model.bin": b"x" * 5000,  # a root copy that must not be taken
        **other_weights(),
    }
    hub.add_repo(NB_BASE.repo_id, NB_BASE.revision, repo_files)

    folder = download("nb-whisper-base", tmp_path)

    for name, content in files.items():
        assert (folder / name).read_bytes() == content, name
    prefix = f"/{NB_BASE.repo_id}/resolve/{NB_BASE.revision}/"
    fetched = {r.path.removeprefix(prefix) for r in hub.gets() if r.path.startswith(prefix)}
    assert fetched == {
        "ct2/config.json",
        "ct2/vocabulary.json",
        "tokenizer.json",
        "preprocessor_config.json",
        "ct2/model.bin",
    }


def test_a_branch_is_pinned_to_one_commit_for_the_whole_download(hub, tmp_path):
    assert KB_SMALL.revision == "main"
    hub.add_repo(KB_SMALL.repo_id, MAIN_COMMIT, ct2_files())

    folder = download("kb-whisper-small", tmp_path)

    file_requests = [r.path for r in hub.log if "/resolve/" in r.path]
    assert file_requests[0].endswith("/resolve/main/config.json")
    assert all(f"/resolve/{MAIN_COMMIT}/" in path for path in file_requests[1:])
    assert MAIN_COMMIT in (folder / catalogue.COMPLETE_MARKER).read_text()


def test_a_cut_connection_is_resumed_with_a_range_request(hub, tmp_path):
    files = ct2_files(model_size=400_000)
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.faults["model.bin"] = ["cut"]

    folder = download("kb-whisper-large", tmp_path)

    assert (folder / "model.bin").read_bytes() == files["model.bin"]
    ranges = [r.range for r in hub.gets() if r.path.startswith("/cdn/")]
    assert f"bytes={400_000 // 2}-" in ranges


def test_a_download_that_keeps_breaking_continues_in_the_next_run(hub, tmp_path):
    files = ct2_files(model_size=400_000)
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.faults["model.bin"] = ["cut", "cut", "cut"]

    with pytest.raises(DownloadInterrupted, match="again to continue where it stopped"):
        download("kb-whisper-large", tmp_path)

    partial = tmp_path / ".kb-whisper-large.download" / "model.bin.part"
    kept = partial.stat().st_size
    assert 0 < kept < len(files["model.bin"])
    assert not catalogue.is_installed(tmp_path, "kb-whisper-large")
    first_run = len(hub.log)

    folder = download("kb-whisper-large", tmp_path)

    assert (folder / "model.bin").read_bytes() == files["model.bin"]
    second_run = [r for r in hub.log[first_run:] if r.method == "GET"]
    assert f"bytes={kept}-" in [r.range for r in second_run]
    # A file verified in the first run is not fetched again.
    assert not [r for r in second_run if r.path.endswith("/config.json")]


def test_a_server_that_ignores_the_range_gives_a_whole_file(hub, tmp_path):
    files = ct2_files(model_size=400_000)
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.faults["model.bin"] = ["cut", "ignore-range"]

    folder = download("kb-whisper-large", tmp_path)

    assert sha256(folder / "model.bin") == hashlib.sha256(files["model.bin"]).hexdigest()


def test_a_checksum_mismatch_deletes_only_the_bad_file(hub, tmp_path):
    files = ct2_files()
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.faults["model.bin"] = ["corrupt"]

    with pytest.raises(
        ChecksumError, match=r"model\.bin of 'kb-whisper-large' failed its checksum"
    ):
        download("kb-whisper-large", tmp_path)

    staging = tmp_path / ".kb-whisper-large.download"
    assert not (staging / "model.bin.part").exists()
    assert not (staging / "model.bin").exists()
    assert (staging / "config.json").read_bytes() == files["config.json"]
    assert not (tmp_path / "kb-whisper-large").exists()

    download("kb-whisper-large", tmp_path)  # the server is fine again
    assert (tmp_path / "kb-whisper-large" / "model.bin").read_bytes() == files["model.bin"]


def test_a_small_file_is_checked_against_its_git_blob_id(hub, tmp_path):
    files = ct2_files()
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.faults["config.json"] = ["corrupt"]

    with pytest.raises(ChecksumError, match=r"config\.json .*git SHA-1"):
        download("kb-whisper-large", tmp_path)


def test_server_errors_and_missing_files_are_explained(hub, tmp_path):
    files = ct2_files()
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    hub.head_faults["config.json"] = ["500"]
    with pytest.raises(catalogue.ModelError, match="HTTP 500"):
        download("kb-whisper-large", tmp_path)

    hub.faults["model.bin"] = ["500"]
    with pytest.raises(catalogue.ModelError, match=r"HTTP 500.*already downloaded is kept"):
        download("kb-whisper-large", tmp_path)

    del files["model.bin"]
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    with pytest.raises(catalogue.ModelError, match=r"model\.bin is not in KBLab/kb-whisper-large"):
        download("kb-whisper-large", tmp_path)


def test_without_a_network_the_error_says_so(tmp_path, monkeypatch):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")

    with pytest.raises(OfflineError, match=r"could not be reached.*embedded 'base'"):
        download("kb-whisper-small", tmp_path / "models")
    assert not (tmp_path / "models" / "kb-whisper-small").exists()


def test_force_replaces_a_damaged_download_only_when_asked(hub, tmp_path):
    files = ct2_files()
    hub.add_repo(KB_LARGE.repo_id, KB_LARGE.revision, files)
    folder = download("kb-whisper-large", tmp_path)
    with (folder / "model.bin").open("r+b") as handle:
        handle.truncate(1000)

    assert download("kb-whisper-large", tmp_path) == folder
    assert (folder / "model.bin").stat().st_size == 1000  # not touched without --force

    assert download("kb-whisper-large", tmp_path, force=True) == folder
    assert (folder / "model.bin").read_bytes() == files["model.bin"]
    assert catalogue.is_installed(tmp_path, "kb-whisper-large")
    assert not list(tmp_path.glob(".kb-whisper-large.*"))


def test_a_downloaded_model_loads_offline(hub, tmp_path, base_model):
    """End to end: real CTranslate2 files through the ct2/ layout, then faster-whisper."""
    from minuta.transcribe.engine import WhisperEngine

    real = {p.name: p.read_bytes() for p in base_model.path.iterdir() if p.is_file()}
    hub.add_repo(
        NB_BASE.repo_id,
        NB_BASE.revision,
        {
            "ct2/config.json": real["config.json"],
            "ct2/model.bin": real["model.bin"],
            "ct2/vocabulary.txt": real["vocabulary.txt"],
            "tokenizer.json": real["tokenizer.json"],
        },
    )
    folder = download("nb-whisper-base", tmp_path)

    resolved = catalogue.resolve("nb-whisper-base", tmp_path)
    assert resolved.path == folder and resolved.downloaded
    engine = WhisperEngine(resolved, device="cpu")
    engine.load()
    assert engine.loaded
