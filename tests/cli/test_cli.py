"""The command line, end to end, in real subprocesses."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from tests.app.conftest import PHRASE

RECOVERY = re.compile(r"\b([A-Z2-7]{5}(?:-[A-Z2-7]{5}){8})\b")
HEAVY = (
    "numpy",
    "faster_whisper",
    "ctranslate2",
    "sqlcipher3",
    "av",
    "PySide6",
    "keyring",
    "cryptography",
    "onnxruntime",
    "platformdirs",
)


def test_help_imports_nothing_heavy():
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "minuta.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "import" in proc.stdout and "search" in proc.stdout
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert not imported & set(HEAVY), imported & set(HEAVY)


def test_commands_before_init_explain_what_to_do(cli):
    result = cli("list")
    assert result.code == 1
    assert "minuta init" in result.err
    assert "Traceback" not in result.err


@pytest.mark.model
def test_full_session(cli, speech, tmp_path):
    init = cli("init")
    assert init.code == 0, init.err
    assert "keyring" in init.out
    recovery = RECOVERY.search(init.out)
    assert recovery, init.out

    wav = speech(PHRASE, name="phrase.wav")
    imported = cli("import", str(wav), "--title", "Harbour contract", "--language", "en")
    assert imported.code == 0, imported.err
    assert "Imported meeting #1" in imported.out
    assert "Transcribing" in imported.err  # progress goes to stderr

    listing = cli("list")
    assert re.search(
        r"^\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+00:0\d\s+en\s+ready\s+Harbour contract$",
        listing.out,
        re.M,
    ), listing.out

    shown = cli("show", "1")
    assert "purple elephant" in shown.out.lower()
    assert "[00:00]" in shown.out

    found = cli("search", "elephant")
    assert "#1" in found.out and "Harbour contract" in found.out
    assert "[elephant]" in found.out.lower()
    assert re.search(r"\[\d\d:\d\d\]", found.out)
    assert cli("search", "zanzibar").out.strip() == "No matches."

    for fmt, marker in [
        ("srt", "-->"),
        ("vtt", "WEBVTT"),
        ("md", "# Harbour contract"),
        ("txt", "Harbour contract"),
        ("json", '"minuta-transcript"'),
    ]:
        exported = cli("export", "1", "--format", fmt)
        assert exported.code == 0 and marker in exported.out, fmt
    target = tmp_path / "out.srt"
    assert cli("export", "1", "--format", "srt", "-o", str(target)).code == 0
    assert "-->" in target.read_text()
    again = cli("export", "1", "--format", "srt", "-o", str(target))
    assert again.code == 1 and "already exists" in again.err

    kept = cli("delete", "1", stdin="n\n")
    assert "Not deleted" in kept.out
    assert "Harbour contract" in cli("list").out
    deleted = cli("delete", "1", stdin="yes\n")
    assert deleted.code == 0 and "key is destroyed" in deleted.out
    assert "No meetings yet" in cli("list").out
    assert cli("show", "1").code == 1


def test_unlock_with_recovery_key_after_losing_the_keyring(cli, app_paths):
    from minuta.store.keys import keyring_account
    from minuta.store.manifest import load_manifest
    from minuta.store.secret_store import system_keyring

    init = cli("init")
    key = RECOVERY.search(init.out).group(1)
    store_id = load_manifest(app_paths.store.manifest).store_id
    system_keyring().delete(keyring_account(store_id))

    locked = cli("list")
    assert locked.code == 1
    assert "not in your keyring" in locked.err and "Traceback" not in locked.err
    bad = cli("unlock", "--recovery", stdin="AAAAA-AAAAA\n")
    assert bad.code == 1 and "not a valid recovery key" in bad.err
    unlocked = cli("unlock", "--recovery", stdin=key.lower() + "\n")
    assert unlocked.code == 0, unlocked.err
    assert cli("list").code == 0


def test_passphrase_store_from_the_command_line(cli):
    created = cli("init", "--passphrase", stdin="a long passphrase\n")
    assert created.code == 0, created.err
    assert "passphrase" in created.out
    assert cli("list", stdin="a long passphrase\n").code == 0
    wrong = cli("list", stdin="not the passphrase\n")
    assert wrong.code == 1 and "does not unlock" in wrong.err
    assert cli("init", "--passphrase", stdin="short\n").code == 1


def test_bad_import_input_is_explained(cli, tmp_path):
    assert cli("init").code == 0
    missing = cli("import", str(tmp_path / "nope.wav"))
    assert missing.code == 1 and "does not exist" in missing.err
    text = tmp_path / "agenda.m4a"
    text.write_text("1. Budget\n2. Hiring\n" * 20)
    bad = cli("import", str(text))
    assert bad.code == 1 and "not an audio or video file" in bad.err
    assert "Traceback" not in bad.err
    lang = cli("import", str(text), "--language", "klingon")
    assert lang.code == 1 and "Unknown language" in lang.err
    assert "No meetings yet" in cli("list").out


def test_models_list_use_and_offline_download(cli, tmp_path):
    listing = cli("models")
    assert listing.code == 0
    assert re.search(r"^\* base\s+145 MB\s+multilingual\s+embedded", listing.out, re.M)
    for name in ("tiny", "small", "medium", "large-v3", "large-v3-turbo", "distil-large-v3"):
        assert re.search(rf"^  {re.escape(name)}\s", listing.out, re.M), name

    assert cli("init").code == 0
    not_a_model = tmp_path / "folder"
    not_a_model.mkdir()
    refused = cli("models", "use", str(not_a_model))
    assert refused.code == 1 and "not a CTranslate2 Whisper model folder" in refused.err
    missing = cli("models", "use", "small")
    assert missing.code == 1 and "minuta models download small" in missing.err

    offline = cli(
        "models",
        "download",
        "tiny",
        extra_env={"HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_ETAG_TIMEOUT": "2"},
    )
    assert offline.code == 1
    assert "could not be reached" in offline.err and "Traceback" not in offline.err


def test_status_says_how_the_store_is_protected(cli):
    assert "none yet" in cli("status").out
    cli("init")
    status = cli("status")
    assert "Key:          keyring (SecretService" in status.out
    assert "Meetings:     0" in status.out


def test_retranscribe_with_another_language_choice(cli, speech):
    assert cli("init").code == 0
    wav = speech(PHRASE, name="phrase.wav")
    assert cli("import", str(wav), "--language", "en").code == 0

    again = cli("retranscribe", "1", "--model", "base", "--language", "mixed")
    assert again.code == 0, again.err
    assert "Transcribed meeting #1 with base" in again.out
    assert "mixed" in again.out
    assert "purple elephant" in cli("show", "1").out.lower()

    per_channel = cli("retranscribe", "1", "--language", "them=xx")
    assert per_channel.code == 1 and "Unknown channel 'them'" not in per_channel.err
    assert "Unknown language 'xx'" in per_channel.err
    missing = cli("retranscribe", "7")
    assert missing.code == 1 and "no meeting #7" in missing.err


def test_retranscribe_with_a_known_number_of_speakers(cli, speech, tmp_path):
    import wave

    parts = [
        speech("The first quarter closed above our forecast for the region.", "en-us"),
        speech("Then we should raise the budget for the autumn campaign.", "en-gb+m3"),
        speech("I agree, and marketing needs the new numbers by Friday.", "en-us+f4"),
    ]
    joined = tmp_path / "three.wav"
    with wave.open(str(joined), "wb") as out:
        for i, part in enumerate(parts):
            with wave.open(str(part)) as piece:
                if i == 0:
                    out.setparams(piece.getparams())
                out.writeframes(piece.readframes(piece.getnframes()))
    assert cli("init").code == 0
    assert cli("import", str(joined), "--language", "en").code == 0
    again = cli("retranscribe", "1", "--speakers", "3")
    assert again.code == 0, again.err
    listed = cli("speakers", "1")
    assert listed.code == 0, listed.err
    for label in ("Speaker 1", "Speaker 2", "Speaker 3"):
        assert label in listed.out, listed.out
    assert cli("retranscribe", "1", "--speakers", "0").code == 1
