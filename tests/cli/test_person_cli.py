"""`minuta person find|export|erase`, in real subprocesses against a real store."""

from __future__ import annotations

import json
import stat

import pytest
from tests.harness import person_world
from tests.harness.person_world import EMAIL, NAME, PERSON

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def world(cli, app_paths):
    from minuta.app.session import open_app_store

    assert cli("init").code == 0
    store = open_app_store(app_paths)
    try:
        yield person_world.build(store)
    finally:
        store.close()


def test_find_lists_her_data_and_the_crm_records_to_follow_up(cli, world):
    result = cli("person", "find", EMAIL)
    assert result.code == 0, result.err
    out = result.out
    assert f"About {PERSON}: 5 meetings, 7 transcript lines, 4 summary items" in out
    assert "Takk for at du kom, Kari." in out
    assert "Vi starter piloten i mars. (said by them)" in out
    assert f"{person_world.SF_WEB}/00UD0000005Nq1aMAC" in out
    assert "Not sent yet: CRM push" in out
    for other in ("Kari Hansen tar budsjettet", "Karin fra økonomi", "Karianne", "Kundemøde"):
        assert other not in out


def test_find_says_when_nothing_is_stored_and_refuses_nonsense(cli, world):
    result = cli("person", "find", "Pekka Korhonen")
    assert (result.code, result.out.strip()) == (0, "Nothing is stored about Pekka Korhonen.")
    bad = cli("person", "find", "<>")
    assert bad.code == 1 and "neither a name nor an e-mail address" in bad.err


def test_export_writes_private_json_and_html(cli, world, tmp_path):
    result = cli("person", "export", NAME, "--out", str(tmp_path))
    assert result.code == 0, result.err
    json_path = tmp_path / "person-kari-nordmann.json"
    html_path = tmp_path / "person-kari-nordmann.html"
    for path in (json_path, html_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = json.loads(json_path.read_text())
    assert {s["id"] for s in doc["segments"]} == world.her_segments
    assert {m["id"] for m in doc["meetings"]} == world.her_meetings
    assert "<script" not in html_path.read_text().lower()
    assert cli("person", "export", NAME, "--out", str(tmp_path / "missing")).code == 1


def test_erase_without_a_terminal_and_without_yes_changes_nothing(cli, world):
    result = cli("person", "erase", NAME)
    assert result.code == 1
    assert "nothing was changed" in result.err
    assert "About Kari Nordmann" in cli("person", "find", NAME).out


def test_erase_with_yes_erases_her_and_lists_what_to_follow_up(cli, world):
    result = cli("person", "erase", PERSON, "--yes")
    assert result.code == 0, result.err
    assert "Erased: " in result.out and "3 lines deleted" in result.out
    assert "Withdrew 1 CRM push" in result.out
    assert "Follow up on these records there:" in result.out
    assert f"id {person_world.CONTACT_ID}" in result.out
    for typed in (NAME, EMAIL):
        assert cli("person", "find", typed).out.strip() == f"Nothing is stored about {typed}."
    searched = cli("search", NAME)
    assert searched.code == 0
    assert "Nordmann" not in searched.out


def test_redact_keeps_her_lines(cli, world):
    result = cli("person", "erase", NAME, "--redact", "--yes")
    assert result.code == 0, result.err
    assert "Redacted: " in result.out and "0 lines deleted" in result.out
    shown = cli("show", str(world.meetings["nordlys"]))
    assert "Vi starter piloten i mars." in shown.out
    assert "Kari" not in shown.out.replace("Karin", "")
