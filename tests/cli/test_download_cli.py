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
