"""An import is an audit event that says what kind of file it was, never its name."""

from __future__ import annotations

import json

import pytest

from minuta.app.importer import import_file
from minuta.core.audit import AuditKind

pytestmark = pytest.mark.model


def test_an_import_is_logged_without_the_file_name_or_a_word_of_it(store, engine, speech, tmp_path):
    source = speech("The harbour office signed on Monday.", name="Kari Nordmann call.wav")
    result = import_file(store, engine, source, title="Harbour contract")

    (event,) = store.audit.events(kinds=[AuditKind.MEETING_IMPORTED])
    assert event.meeting_id == result.meeting_id
    assert event.detail["format"] == "wav"
    assert event.detail["duration_s"] == round(result.duration_s)
    assert event.detail["segments"] == result.segment_count
    stored = json.dumps(event.detail).lower()
    for personal in ("kari", "nordmann", "harbour", "monday", str(tmp_path).lower()):
        assert personal not in stored
    assert store.audit.verify().ok


def test_a_failed_import_leaves_no_event(store, engine, tmp_path):
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"not audio at all")
    with pytest.raises(Exception):  # noqa: B017, PT011 - which decode error is not the point
        import_file(store, engine, broken)
    assert store.audit.events(kinds=[AuditKind.MEETING_IMPORTED]) == []
