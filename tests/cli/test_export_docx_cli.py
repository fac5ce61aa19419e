"""`minuta export --format docx` writes a Word file, and will not print one."""

from __future__ import annotations

import zipfile

from tests.harness.meeting_audio import add_meeting_with_audio


def test_docx_needs_a_file_and_is_written_there(cli, app_paths, tmp_path):
    from minuta.app.session import init_store

    store, _ = init_store(app_paths)
    try:
        meeting_id = add_meeting_with_audio(store)
    finally:
        store.close()
    printed = cli("export", str(meeting_id), "--format", "docx")
    assert printed.code == 1 and "-o FILE" in printed.err
    target = tmp_path / "meeting.docx"
    written = cli("export", str(meeting_id), "--format", "docx", "-o", str(target))
    assert written.code == 0, written.err
    with zipfile.ZipFile(target) as package:
        assert "purple elephant contract" in package.read("word/document.xml").decode()
