"""The "Your data" check on a real store: it proves encryption, and it can fail."""

from __future__ import annotations

import shutil
import sqlite3
import wave

import numpy as np
import pytest
from tests.harness.meetings import add_channel_audio, create_meeting

from minuta.app.data_check import (
    LeftoverKind,
    PlaceKind,
    Protection,
    check_data,
    check_database,
    is_encrypted_database,
)
from minuta.app.session import init_store
from minuta.core.models import ChannelKind
from minuta.logs import FILE_ENV
from minuta.store.audio_container import MAGIC
from minuta.store.paths import StorePaths

SECRET_WORDS = "purple elephant contract"


@pytest.fixture
def meeting_with_audio(store):
    """A meeting with one second of encrypted audio; its uid."""
    meeting_id, uid, key = create_meeting(store, title=SECRET_WORDS)
    store.paths.meeting_audio_dir(uid).mkdir(parents=True, exist_ok=True)
    with store.db.transaction():
        add_channel_audio(
            store, meeting_id, uid, key, ChannelKind.MICROPHONE, np.zeros(16000, dtype=np.float32)
        )
    return uid


def snapshot(folder):
    return {
        p: (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def plain_sqlite(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES (?)", (SECRET_WORDS,))
    conn.close()


def write_wav(path):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x01\x00" * 1600)


def test_a_real_store_is_reported_encrypted(store, app_paths, meeting_with_audio, monkeypatch):
    monkeypatch.delenv(FILE_ENV, raising=False)
    before = snapshot(app_paths.data_dir)

    report = check_data(store, app_paths)

    assert report.encrypted
    assert report.leftovers == ()
    kinds = [place.kind for place in report.places]
    assert kinds == [
        PlaceKind.DATA_FOLDER,
        PlaceKind.DATABASE,
        PlaceKind.AUDIO,
        PlaceKind.KEY,
        PlaceKind.MODELS,
    ]  # no settings file given, no log file set
    folder = report.place(PlaceKind.DATA_FOLDER)
    assert folder is not None
    assert folder.path == app_paths.data_dir
    assert folder.protection is Protection.ENCRYPTED
    database = report.place(PlaceKind.DATABASE)
    assert database is not None
    assert database.path == store.paths.database
    assert database.protection is Protection.ENCRYPTED
    assert database.size >= store.paths.database.stat().st_size > 0
    audio = report.place(PlaceKind.AUDIO)
    assert audio is not None
    [audio_file] = store.paths.meeting_audio_dir(meeting_with_audio).glob("*.mnta")
    assert (audio.files, audio.size, audio.failed) == (1, audio_file.stat().st_size, ())
    assert audio.protection is Protection.ENCRYPTED
    assert folder.size > database.size + audio.size  # the manifest and the lock too
    # The check changed nothing in the data folder.
    assert snapshot(app_paths.data_dir) == before


def test_the_key_and_the_recovery_key(store, app_paths):
    report = check_data(store, app_paths)
    key = report.place(PlaceKind.KEY)
    assert key is not None
    assert key.path is None  # in the keyring, not in a file
    assert key.protection is Protection.KEY
    assert key.detail == report.key_location == store.key_location
    assert key.detail.startswith("keyring")
    assert not report.recovery_key_confirmed  # just created, not yet confirmed as written down
    store.acknowledge_recovery_key()
    assert check_data(store, app_paths).recovery_key_confirmed


def test_a_passphrase_key_is_kept_wrapped_in_the_manifest(app_paths):
    store, _recovery = init_store(app_paths, passphrase="correct horse battery")
    try:
        key = check_data(store, app_paths).place(PlaceKind.KEY)
    finally:
        store.close()
    assert key is not None
    assert (key.path, key.detail) == (app_paths.store.manifest, "passphrase")


def test_models_settings_and_log_are_listed_as_holding_nothing_personal(
    store, app_paths, tmp_path, monkeypatch
):
    settings_file = tmp_path / "Minuta.conf"
    settings_file.write_text("[main_window]\ngeometry=@ByteArray()\n")
    log_file = tmp_path / "minuta.log"
    log_file.write_text("2026-11-20 minuta: WARNING: x\n")
    monkeypatch.setenv(FILE_ENV, str(log_file))

    report = check_data(store, app_paths, settings_file=settings_file)

    models = report.place(PlaceKind.MODELS)
    settings = report.place(PlaceKind.SETTINGS)
    log = report.place(PlaceKind.LOG)
    assert models is not None
    assert settings is not None
    assert log is not None
    assert models.path == app_paths.models_dir
    assert (settings.path, settings.size, settings.files) == (
        settings_file,
        settings_file.stat().st_size,
        1,
    )
    assert (log.path, log.size) == (log_file, log_file.stat().st_size)
    for place in (models, settings, log):
        assert place.protection is Protection.NO_PERSONAL_DATA
    assert report.encrypted


def test_a_plaintext_sqlite_database_is_not_encrypted(store, tmp_path):
    # A copy of a store whose database is a plain SQLite file: the check must say so.
    plain = StorePaths(tmp_path / "copy")
    plain.root.mkdir()
    plain_sqlite(plain.database)
    assert not is_encrypted_database(plain.database)
    assert check_database(plain).protection is Protection.NOT_ENCRYPTED
    # The real store's database, beside it, is encrypted.
    assert is_encrypted_database(store.paths.database)
    assert check_database(store.paths).protection is Protection.ENCRYPTED
    # Missing, empty or too short to tell: not proven encrypted.
    assert not is_encrypted_database(tmp_path / "absent.db")
    (tmp_path / "short.db").write_bytes(b"\x8f" * 10)
    assert not is_encrypted_database(tmp_path / "short.db")


def test_the_store_database_replaced_by_a_plain_one_fails_the_check(store, app_paths):
    # The open connection keeps its own file; the path now names a plain database.
    store.paths.database.rename(store.paths.root / "moved-away")
    plain_sqlite(store.paths.database)

    report = check_data(store, app_paths)

    database = report.place(PlaceKind.DATABASE)
    folder = report.place(PlaceKind.DATA_FOLDER)
    assert database is not None
    assert folder is not None
    assert database.protection is Protection.NOT_ENCRYPTED
    assert folder.protection is Protection.NOT_ENCRYPTED
    assert not report.encrypted
    (store.paths.root / "moved-away").rename(store.paths.database)


def test_an_audio_file_without_the_container_magic_is_reported(
    store, app_paths, meeting_with_audio, tmp_path
):
    folder = store.paths.meeting_audio_dir(meeting_with_audio)
    write_wav(tmp_path / "plain.wav")
    impostor = folder / "0123456789abcdef.mnta"
    shutil.copyfile(tmp_path / "plain.wav", impostor)
    assert impostor.read_bytes()[: len(MAGIC)] != MAGIC
    # A file a recording has only just created holds nothing yet: not a failure.
    (folder / "fedcba9876543210.mnta").touch()

    report = check_data(store, app_paths)

    audio = report.place(PlaceKind.AUDIO)
    assert audio is not None
    assert audio.files == 3
    assert audio.failed == (impostor,)
    assert audio.protection is Protection.NOT_ENCRYPTED
    assert not report.encrypted
    assert impostor.exists()  # reported, never deleted


def test_stray_plaintext_files_are_reported_and_kept(store, app_paths, meeting_with_audio):
    root = store.paths.root
    write_wav(root / "call.wav")
    plain_sqlite(root / "backup")  # no suffix: found by its first bytes
    (root / "audio" / meeting_with_audio / "transcript.txt").write_text(SECRET_WORDS)
    (root / "desktop.ini").write_text("[.ShellClassInfo]\n")

    report = check_data(store, app_paths)

    found = {leftover.path.name: leftover for leftover in report.leftovers}
    assert found.keys() == {"call.wav", "backup", "transcript.txt", "desktop.ini"}
    assert found["call.wav"].kind is LeftoverKind.AUDIO
    assert found["call.wav"].size == (root / "call.wav").stat().st_size
    assert found["backup"].kind is LeftoverKind.DATABASE
    assert found["transcript.txt"].kind is LeftoverKind.TEXT
    assert found["desktop.ini"].kind is LeftoverKind.OTHER
    assert not found["desktop.ini"].plaintext
    assert not report.encrypted
    folder = report.place(PlaceKind.DATA_FOLDER)
    assert folder is not None
    assert folder.protection is Protection.NOT_ENCRYPTED
    assert all(leftover.path.exists() for leftover in report.leftovers)


def test_an_unknown_file_alone_does_not_make_the_store_unencrypted(store, app_paths):
    (store.paths.root / "desktop.ini").write_text("[.ShellClassInfo]\n")
    report = check_data(store, app_paths)
    assert [leftover.kind for leftover in report.leftovers] == [LeftoverKind.OTHER]
    assert report.encrypted
