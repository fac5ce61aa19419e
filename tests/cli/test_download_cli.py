"""``minuta models`` with a recommendation, and ``models download`` against a local hub."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from tests.transcribe.hub_server import HubState, ct2_files, run_hub

from minuta.transcribe import catalogue

NB_BASE = catalogue.find("nb-whisper-base")
assert NB_BASE is not None


@pytest.fixture
def hub() -> Iterator[tuple[HubState, str]]:
    state = HubState()
    server = run_hub(state)
    yield state, next(server)
    server.close()


def serve_nb_base(state: HubState) -> None:
    """NB-Whisper base as its repository lays it out: CTranslate2 files under ct2/."""
    files = ct2_files()
    state.add_repo(
        NB_BASE.repo_id,
        NB_BASE.revision,
        {
            "ct2/config.json": files["config.json"],
            "ct2/model.bin": files["model.bin"],
            "ct2/vocabulary.json": files["vocabulary.json"],
            "tokenizer.json": files["tokenizer.json"],
        },
    )


def test_listing_marks_and_explains_the_recommendation(cli):
    swedish = cli("models", "--language", "sv")
    assert swedish.code == 0, swedish.err
    assert re.search(
        r"^  kb-whisper-\S+\s+\d+ MB\s+Swedish\s+not downloaded.*<- recommended$", swedish.out, re.M
    )
    assert re.search(r"^  nb-whisper-large\s+6170 MB\s+Norwegian .*Apache-2\.0", swedish.out, re.M)
    assert "Recommended for meetings in 'sv': kb-whisper-" in swedish.out
    assert "National Library of Sweden" in swedish.out
    assert "estimated times real time on 2 laptop cores" in swedish.out

    norwegian = cli("models", "list", "--language", "nb")
    assert "Recommended for meetings in 'no': nb-whisper-" in norwegian.out

    unknown = cli("models", "--language", "klingon")
    assert unknown.code == 1 and "Unknown language" in unknown.err


def test_download_shows_progress_and_force_fetches_again(cli, hub, tmp_path):
    state, endpoint = hub
    serve_nb_base(state)
    env = {"HF_ENDPOINT": endpoint, "MINUTA_CACHE_DIR": str(tmp_path / "cache")}

    fetched = cli("models", "download", "nb-whisper-base", extra_env=env)

    assert fetched.code == 0, fetched.err
    assert "nb-whisper-base is ready in" in fetched.out
    assert re.search(r"Downloading nb-whisper-base .*/ 0\.3 MB\s+100%", fetched.err)
    listing = cli("models", extra_env=env)
    assert re.search(r"^  nb-whisper-base\s+290 MB\s+Norwegian\s+downloaded", listing.out, re.M)
    model_gets = len(state.gets())

    again = cli("models", "download", "nb-whisper-base", extra_env=env)
    assert again.code == 0 and len(state.gets()) == model_gets  # already there: no traffic

    forced = cli("models", "download", "nb-whisper-base", "--force", extra_env=env)
    assert forced.code == 0, forced.err
    assert len(state.gets()) > model_gets


def test_ctrl_c_during_a_download_keeps_what_arrived(app_paths, hub, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    state, endpoint = hub
    serve_nb_base(state)
    state.faults["ct2/model.bin"].append("hold")
    env = {
        **os.environ,
        "HF_ENDPOINT": endpoint,
        "MINUTA_DATA_DIR": str(app_paths.data_dir),
        "MINUTA_CACHE_DIR": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-m", "minuta.cli", "models", "download", "nb-whisper-base"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert state.holding.wait(60), "the download never reached the model file"
        # The interrupt comes once the first half is on disk (nothing to wait on but the file).
        deadline = time.monotonic() + 30
        while not any(p.stat().st_size for p in (tmp_path / "cache").rglob("model.bin.part")):
            assert time.monotonic() < deadline, "nothing of the model file was written"
            state.release.wait(0.02)  # never set here: a short pause between looks
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        state.release.set()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert "what arrived is kept" in err
    partial = list((tmp_path / "cache").rglob("model.bin.part"))
    assert partial and partial[0].stat().st_size > 0, "the half that arrived is on disk"

    resumed = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    ranges = [r.range for r in state.gets() if r.range]
    assert any(r and r.startswith("bytes=") and r != "bytes=0-" for r in ranges), ranges
