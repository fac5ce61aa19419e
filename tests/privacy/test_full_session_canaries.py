"""Acceptance: a full session with canaries leaves none in the clear, and none at all once deleted.

Import a file and record a call (real PulseAudio) whose speech holds canary
words, checked to be transcribed; canaries in titles, notes, participants, an
e-mail address, the user's name and the CRM's signing secret. Summarise, push
to a loopback CRM, export to a folder the user chose (plaintext by design,
outside the data folder). The temp folder is this test's own and the log is
written at DEBUG. Then every file under the data folder, the temp folder and
the log is searched (UTF-8 and UTF-16-LE, any case): no canary in the clear,
while the decrypted store does hold them. After deleting the meetings and
vacuuming and rekeying the store (:func:`minuta.app.shredding.shred_now`):
still none in any file, none in any table of the decrypted store, and the
database file from before the deletion does not open with the current key.
"""

from __future__ import annotations

import shutil

import pytest
from tests.harness.meetings import add_transcript
from tests.privacy import canaries
from tests.privacy.session_steps import (
    add_details,
    delete,
    export_to,
    import_meeting,
    push_to_crm,
    record_meeting,
    summarize,
    transcript,
)

from minuta.app.session import init_store
from minuta.app.shredding import shred_now
from minuta.logs import configure_logging
from minuta.store import keys
from minuta.store.database import Database
from minuta.store.errors import DatabaseDamagedError, WrongKeyError
from minuta.store.settings import Setting

pytestmark = [pytest.mark.model, pytest.mark.timeout(240)]


def test_a_full_session_leaves_no_canary_in_the_clear_and_none_after_deletion(
    logging_restored,
    private_tmp,
    monkeypatch,
    app_paths,
    engine,
    speech,
    pulse_server,
    receiver,
    webhook,
    tmp_path,
) -> None:
    log_file = tmp_path / "logs" / "minuta.log"
    monkeypatch.setenv("MINUTA_LOG_FILE", str(log_file))
    monkeypatch.setenv("MINUTA_LOG_LEVEL", "DEBUG")
    configure_logging()  # as the app and `minuta` start
    exports = tmp_path / "exports"  # the user's own folder: outside data and temp
    scanned = (app_paths.data_dir, private_tmp, log_file)

    store, _recovery = init_store(app_paths)
    try:
        store.settings.set(Setting.USER_NAME, canaries.USER)
        webhook(store)

        imported = import_meeting(
            store,
            engine,
            speech(canaries.IMPORT_SPEECH, name="session-import.wav"),
            title=canaries.TITLE,
        )
        assert canaries.IMPORT_HEARD in transcript(store, imported)  # heard, not injected
        add_details(store, imported, participants=(canaries.PARTICIPANT,), notes=canaries.NOTES)

        recorded = record_meeting(
            store,
            engine,
            pulse_server,
            speech(canaries.RECORDED_SPEECH, name="session-call.wav"),
            title=canaries.RECORDED_TITLE,
        )
        assert canaries.RECORDED_HEARD in transcript(store, recorded)  # heard, not injected
        add_details(
            store,
            recorded,
            participants=(canaries.PARTICIPANT, canaries.USER),
            notes=canaries.RECORDED_NOTES,
        )

        for meeting_id in (imported, recorded):
            summarize(store, meeting_id)
            export_to(store, meeting_id, exports, formats=("md", "docx", "json"))
        push_to_crm(store, imported)
        assert b"Zephyrquill" in receiver.received[0].body  # what was approved went

        store.db.checkpoint()
        # Nothing was decoded, exported or staged through the temp folder: the one file
        # there is onnxruntime's (faster-whisper's voice detector) session id, no content.
        assert {p.name for p in canaries.files_under(private_tmp)} <= {".ses"}
        files = canaries.files_under(*scanned)
        assert len(files) >= 4  # store.json, the database, audio files, the log
        assert canaries.file_hits(files, canaries.ALL) == []
        # The canaries are really there: in the decrypted store, and in the exports.
        found = canaries.decrypted_hits(store, canaries.ALL)
        for word in (*canaries.MEETING_CONTENT, "Marrowfeld"):
            assert any(repr(word) in hit for hit in found), f"{word} not in the store"
        assert store.search.search(canaries.IMPORT_HEARD)
        assert store.search.search(canaries.RECORDED_HEARD)
        assert "Quorblenix" in store.meetings.get(imported).notes
        exported = canaries.file_hits(canaries.files_under(exports), canaries.MEETING_CONTENT)
        assert len(exported) >= len(canaries.MEETING_CONTENT)

        before = tmp_path / "before" / app_paths.store.database.name
        before.parent.mkdir()
        shutil.copy2(app_paths.store.database, before)

        delete(store, imported)
        delete(store, recorded)
        shred_now(store)

        files = canaries.files_under(*scanned)
        assert canaries.file_hits(files, canaries.ALL) == []
        assert canaries.decrypted_hits(store, canaries.MEETING_CONTENT) == []
        for word in (canaries.IMPORT_HEARD, canaries.RECORDED_HEARD, "Zephyrquill"):
            assert store.search.search(word) == []
        current_key = keys.database_key(store.manifest, store._master)
    finally:
        store.close()

    # The file as it was before the deletion: its key is gone, the current one does not open it.
    with pytest.raises((WrongKeyError, DatabaseDamagedError)):
        Database.open(before, current_key, expected_salt=None).close()
    log_text = log_file.read_text(encoding="utf-8")
    assert "DEBUG" in log_text and "store vacuumed and rekeyed" in log_text


def test_a_push_to_a_person_leaves_nothing_of_them_after_deletion(
    app_paths, receiver, webhook
) -> None:
    store, _recovery = init_store(app_paths)
    try:
        webhook(store)
        meeting_id, _ids = add_transcript(
            store,
            [("Anna", "We agreed on the annual plan and the delivery date.")],
            title="Annual plan",
            participants=(canaries.PARTICIPANT,),
        )
        summarize(store, meeting_id)
        push_to_crm(store, meeting_id, target=canaries.EMAIL)  # the person, as typed
        delete(store, meeting_id)
        shred_now(store)
        assert canaries.decrypted_hits(store, canaries.MEETING_CONTENT) == []
    finally:
        store.close()
