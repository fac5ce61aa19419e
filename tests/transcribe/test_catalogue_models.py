"""The curated catalogue, and a clear error for a model folder with damaged files."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from minuta.transcribe import catalogue
from minuta.transcribe.catalogue import Family, ModelError, ResolvedModel
from minuta.transcribe.embedded import EXPECTED_FILES
from minuta.transcribe.engine import WhisperEngine


def test_every_entry_says_size_languages_speed_and_licence():
    names = [info.name for info in catalogue.CATALOGUE]
    assert len(names) == len(set(names))
    for info in catalogue.CATALOGUE:
        assert info.size_mb > 0 and info.ram_mb > 0 and info.speed_x > 0, info.name
        assert info.licence in (catalogue.MIT, catalogue.APACHE), info.name
        assert info.languages, info.name
        assert info.revision == "main" or re.fullmatch(r"[0-9a-f]{40}", info.revision), info.name


def test_nordic_models_are_curated_with_their_layout():
    swedish = [i for i in catalogue.CATALOGUE if i.family is Family.SWEDISH]
    norwegian = [i for i in catalogue.CATALOGUE if i.family is Family.NORWEGIAN]
    assert {i.name for i in swedish} >= {"kb-whisper-small", "kb-whisper-large"}
    assert {i.name for i in norwegian} >= {"nb-whisper-small", "nb-whisper-large"}
    for info in swedish:
        assert info.repo_id.startswith("KBLab/kb-whisper-") and info.subfolder == ""
        assert info.language_codes == frozenset({"sv"}) and info.licence == catalogue.APACHE
    for info in norwegian:
        assert info.repo_id.startswith("NbAiLab/nb-whisper-") and info.subfolder == "ct2"
        assert info.language_codes == frozenset({"no", "nn"})
    assert catalogue.find("base").language_codes is None  # multilingual
    assert catalogue.find("distil-large-v3").language_codes == frozenset({"en"})


def damaged_copy(base_model: ResolvedModel, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy2(base_model.path / name, folder / name)
    with (base_model.path / "model.bin").open("rb") as source:
        (folder / "model.bin").write_bytes(source.read(5_000_000))  # an interrupted copy
    return folder


def test_a_damaged_downloaded_model_names_itself_and_the_fix(base_model, tmp_path):
    folder = damaged_copy(base_model, tmp_path / "models" / "small")
    (folder / catalogue.COMPLETE_MARKER).write_text("downloaded\n")
    resolved = catalogue.resolve("small", tmp_path / "models")
    assert resolved.downloaded

    with pytest.raises(ModelError) as caught:
        WhisperEngine(resolved, device="cpu").load()

    message = str(caught.value)
    assert "The model 'small'" in message and "its files are damaged" in message
    assert "invalid payload size" in message  # the underlying reason, in one line
    assert "`minuta models download small --force`" in message
    assert (folder / "model.bin").stat().st_size == 5_000_000  # nothing deleted


def test_a_damaged_folder_of_the_users_own_is_left_alone(base_model, tmp_path):
    folder = damaged_copy(base_model, tmp_path / "my-model")
    (folder / "config.json").write_text("{not json")
    resolved = catalogue.resolve(str(folder), tmp_path / "cache")

    with pytest.raises(ModelError, match="Minuta does not change your folder") as caught:
        WhisperEngine(resolved, device="cpu").load()

    assert "'my-model'" in str(caught.value) and "parse error" in str(caught.value)
    assert (folder / "config.json").read_text() == "{not json"


def test_a_damaged_embedded_copy_is_rebuilt_and_loads(base_model, tmp_path):
    cache = tmp_path / "models"
    shutil.copytree(base_model.path, cache / "base")
    with (cache / "base" / "model.bin").open("r+b") as handle:
        handle.write(b"\xff" * 64)  # same size, so only loading finds the damage

    engine = WhisperEngine(catalogue.resolve("base", cache), device="cpu")
    engine.load()

    assert engine.loaded
    rebuilt = hashlib.sha256((cache / "base" / "model.bin").read_bytes()).hexdigest()
    assert rebuilt == EXPECTED_FILES["model.bin"][0]
