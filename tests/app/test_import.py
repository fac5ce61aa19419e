"""Importing a recording: stored encrypted, transcribed, searchable, all or nothing."""

from __future__ import annotations

import sys
import tempfile

import numpy as np
import pytest
from tests.app.conftest import DISTINCTIVE

from minuta.app.importer import ImportStage, import_file
from minuta.audio.decode import AudioDecodeError
from minuta.audio.encrypted_audio import EncryptedAudioReader

pytestmark = pytest.mark.model


def _all_rows(store) -> dict[str, int]:
    tables = ["meetings", "meeting_keys", "channels", "audio_files", "segments", "words"]
    return {t: store.db.query_one(f"SELECT count(*) FROM {t}")[0] for t in tables}


def _plaintext_hits(root, needles: list[bytes]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            hits += [f"{path}: {n!r}" for n in needles if n in data]
    return hits


def _needles(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def test_import_stores_meeting_transcript_and_encrypted_audio(store, engine, phrase_wav):
    stages = []
    result = import_file(
        store,
        engine,
        phrase_wav,
        title="Harbour contract",
        progress=lambda stage, done, total: stages.append(stage),
    )
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == list(ImportStage)

    meeting = store.meetings.get(result.meeting_id)
    assert meeting.title == "Harbour contract"
    assert meeting.language == "en"
    assert meeting.transcript_model == "base"
    segments = store.meetings.segments(meeting.id)
    text = " ".join(s.text for s in segments).lower()
    assert DISTINCTIVE in text
    assert all(s.words for s in segments)

    [audio] = store.meetings.audio_files(meeting.id)
    assert audio.finalised
    key = store.meeting_key(meeting.id, meeting.uid)
    decoded = EncryptedAudioReader(store.audio_path(meeting.uid, audio.file_uid), key).read_all()
    assert decoded.finalised
    assert decoded.duration_s == pytest.approx(meeting.duration_s, abs=0.001)

    hits = store.search.search("elephant")
    assert hits and hits[0].meeting_id == meeting.id


def test_no_plaintext_under_the_data_dir(
    store, engine, phrase_wav, app_paths, tmp_path, monkeypatch
):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    result = import_file(store, engine, phrase_wav)
    transcript = " ".join(s.text for s in store.meetings.segments(result.meeting_id)).lower()
    assert DISTINCTIVE in transcript  # the phrase really was transcribed...

    needles = _needles(DISTINCTIVE) + _needles("elephant contract")
    # ...and is nowhere on disk in the clear: database, WAL, audio, key file.
    assert _plaintext_hits(app_paths.data_dir, needles) == []
    store.db.checkpoint()
    assert _plaintext_hits(app_paths.data_dir, needles) == []
    assert list(scratch.iterdir()) == []  # no temp files either


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.wav", b"", "not an audio or video file"),
        ("notes.mp3", b"Action items: call the customer\n" * 40, "not an audio or video file"),
    ],
)
def test_bad_files_leave_no_half_meeting(
    store, engine, tmp_path, app_paths, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioDecodeError, match=message):
        import_file(store, engine, path)
    assert all(count == 0 for count in _all_rows(store).values())
    assert list(app_paths.store.audio_dir.iterdir()) == []


def test_truncated_file_leaves_no_half_meeting(store, engine, phrase_wav, tmp_path, app_paths):
    data = phrase_wav.read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(AudioDecodeError, match="cut short"):
        import_file(store, engine, cut)
    assert all(count == 0 for count in _all_rows(store).values())
    assert list(app_paths.store.audio_dir.iterdir()) == []


def test_cancel_during_transcription_leaves_nothing(store, engine, phrase_wav, app_paths):
    def cancel(stage, done, total):
        if stage is ImportStage.TRANSCRIBING:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(store, engine, phrase_wav, progress=cancel)
    assert all(count == 0 for count in _all_rows(store).values())
    assert list(app_paths.store.audio_dir.iterdir()) == []


def test_import_makes_no_network_connection(store, engine, phrase_wav):
    attempts: list[tuple] = []
    active = True

    def audit(event: str, args: tuple) -> None:
        if active and event in ("socket.connect", "socket.getaddrinfo"):
            attempts.append((event, args))

    sys.addaudithook(audit)  # audit hooks cannot be removed; this one goes quiet
    try:
        import_file(store, engine, phrase_wav)
    finally:
        active = False
    assert attempts == []


def test_silent_recording_imports_with_an_empty_transcript(store, engine, tmp_path):
    import av

    path = tmp_path / "silence.flac"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("flac", rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(
            np.zeros((1, 16000 * 2), dtype=np.int16), format="s16", layout="mono"
        )
        frame.sample_rate = 16000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    result = import_file(store, engine, path)
    assert result.segment_count == 0
    assert store.meetings.get(result.meeting_id).duration_s == pytest.approx(2.0, abs=0.01)
