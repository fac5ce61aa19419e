"""The model catalogue, the embedded model and local model folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minuta.transcribe import catalogue
from minuta.transcribe.catalogue import ModelError, check_model_dir, resolve
from minuta.transcribe.embedded import EXPECTED_FILES, _assemble, embedded_model_dir
from minuta.transcribe.languages import WHISPER_LANGUAGES, normalise_language


def test_catalogue_names_resolve_like_faster_whisper():
    from faster_whisper.utils import _MODELS

    for info in catalogue.CATALOGUE:
        if info.family is catalogue.Family.STANDARD:
            assert _MODELS[info.name] == info.repo_id, info.name
    for alias, target in catalogue.ALIASES.items():
        assert _MODELS[alias] == catalogue.find(target).repo_id
    standard = {"tiny", "base", "small", "medium", "large-v3", "large-v3-turbo", "distil-large-v3"}
    assert standard <= {info.name for info in catalogue.CATALOGUE}


def test_language_codes_match_whisper():
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    assert frozenset(_LANGUAGE_CODES) == WHISPER_LANGUAGES
    assert normalise_language("auto") is None
    assert normalise_language("NB") == "no"
    assert normalise_language("da") == "da"
    with pytest.raises(ModelError, match="Unknown language"):
        normalise_language("xx")


def test_embedded_model_is_assembled_once_and_verified(base_model, models_dir):
    path = base_model.path
    assert base_model.embedded
    for name, (_, size) in EXPECTED_FILES.items():
        assert (path / name).stat().st_size == size
    marker = path / catalogue.COMPLETE_MARKER
    stamp = marker.stat().st_mtime_ns
    assert embedded_model_dir(models_dir) == path
    assert marker.stat().st_mtime_ns == stamp  # not assembled again


def test_damaged_cache_is_rebuilt(tmp_path, base_model):
    cache = tmp_path / "models"
    shutil.copytree(base_model.path, cache / "base")
    with (cache / "base" / "model.bin").open("r+b") as handle:
        handle.truncate(1000)  # an interrupted copy
    rebuilt = embedded_model_dir(cache)
    assert (rebuilt / "model.bin").stat().st_size == EXPECTED_FILES["model.bin"][1]


def test_checksum_mismatch_is_refused(tmp_path):
    bogus = tmp_path / "config.json"
    bogus.write_text('{"not": "the model"}')
    with pytest.raises(ModelError, match="failed its checksum"):
        _assemble(tmp_path / "out.json", [bogus], "config.json")
    assert not (tmp_path / "out.json").exists()


def test_named_model_not_downloaded_says_how(tmp_path):
    with pytest.raises(ModelError, match="minuta models download small"):
        resolve("small", tmp_path)
    with pytest.raises(ModelError, match="no model called"):
        resolve("gigantic", tmp_path)


def test_local_model_folder_is_accepted(base_model, tmp_path):
    local = tmp_path / "my-model"
    shutil.copytree(base_model.path, local)
    resolved = resolve(str(local), tmp_path / "cache")
    assert resolved.path == local.resolve()
    assert not resolved.embedded


def test_incomplete_model_folder_is_explained(tmp_path):
    folder = tmp_path / "half"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    with pytest.raises(ModelError, match=r"missing model\.bin, tokenizer\.json"):
        check_model_dir(folder)
    with pytest.raises(ModelError, match="is not a folder"):
        check_model_dir(Path(tmp_path / "nothing"))
