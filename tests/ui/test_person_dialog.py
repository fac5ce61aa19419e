"""A person's data: search, see the counts, export, erase after confirming (real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tests.harness import person_world
from tests.harness.person_world import EMAIL, NAME
from ui_support import on_worker, open_store_on

from minuta.app.person_data import find_person
from minuta.store.store import require_store
from minuta.ui.privacy.person_dialog import PersonDialog, change_summary
from minuta.ui.privacy.person_results import GROUPS, PersonResultsModel


@pytest.fixture
def world(qtbot, worker, app_paths):
    open_store_on(qtbot, worker, app_paths)
    return on_worker(qtbot, worker, lambda store: person_world.build(require_store(store)))


@pytest.fixture
def dialog(qtbot, worker, world):
    view = PersonDialog(worker, None)
    qtbot.addWidget(view)
    view.show()
    return view


def search(qtbot, dialog, text):
    dialog.search_field.setText(text)
    with qtbot.waitSignal(dialog.searched, timeout=10_000):
        qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)


def test_results_model_groups_with_counts_without_widgets(qtbot, worker, world):
    report = on_worker(qtbot, worker, lambda store: find_person(require_store(store), NAME))
    model = PersonResultsModel()
    model.set_report(report)
    counts = {key: model.count(key) for key in GROUPS}
    assert counts == {
        "meetings": len(world.her_meetings),
        "segments": len(world.her_segments),
        "summary": len(world.her_items) + len(world.her_texts),
        "crm": len(world.her_pushes),
        "exports": len(world.her_exports),
    }
    meetings = model.index(model.group_row("meetings"), 0)
    assert meetings.data() == f"Meetings ({len(world.her_meetings)})"
    segments = model.index(model.group_row("segments"), 0)
    lines = [model.index(r, 0, segments).data() for r in range(model.rowCount(segments))]
    assert "Nordlys pilot [00:06] Kari Nordmann: Vi starter piloten i mars." in lines
    assert not any("Karin" in line or "Kari Hansen tar" in line for line in lines)
    summary = change_summary(report, "erase")
    assert "3 transcript lines they said are deleted; 4 lines about them" in summary
    assert "2 CRM pushes" in summary and "1 not yet sent are" in summary


def test_search_shows_counts_and_the_crm_follow_up_links(qtbot, dialog, world):
    assert not dialog.erase_button.isEnabled()
    search(qtbot, dialog, EMAIL)
    assert dialog.model.count("segments") == len(world.her_segments)
    assert dialog.message_label.text() == f"About {person_world.PERSON}:"
    assert dialog.erase_button.isEnabled() and dialog.export_button.isEnabled()
    assert dialog.follow_up_label.isVisible()
    assert f'href="{person_world.SF_WEB}/00UD0000005Nq1aMAC"' in dialog.follow_up_label.text()
    assert dialog.follow_up_label.openExternalLinks()

    search(qtbot, dialog, "Pekka Korhonen")
    assert dialog.message_label.text() == "Nothing is stored about Pekka Korhonen."
    assert not dialog.erase_button.isEnabled()
    assert not dialog.follow_up_label.isVisible()


def test_export_writes_both_files_off_the_gui_thread(qtbot, dialog, world, tmp_path, monkeypatch):
    search(qtbot, dialog, NAME)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as signal:
        dialog.export_button.click()
    json_path, html_path = signal.args[0]
    doc = json.loads(Path(json_path).read_text(encoding="utf-8"))
    assert {s["id"] for s in doc["segments"]} == world.her_segments
    assert html_path.endswith("person-kari-nordmann.html")
    assert "person-kari-nordmann.json" in dialog.message_label.text()


def test_cancel_is_the_default_and_changes_nothing(qtbot, dialog, world):
    search(qtbot, dialog, NAME)
    dialog.erase_button.click()
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert "Erase Kari Nordmann <kari.nordmann@nordlys.no> everywhere?" in box.text()
    assert "3 transcript lines they said are deleted" in box.informativeText()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.confirm_box is None)
    search(qtbot, dialog, NAME)
    assert dialog.model.count("segments") == len(world.her_segments)


def test_erase_after_confirming_then_nothing_is_found(qtbot, dialog, world):
    search(qtbot, dialog, NAME)
    dialog.erase_button.click()
    box = dialog.confirm_box
    erase = next(b for b in box.buttons() if b.text() == "&Erase")
    with qtbot.waitSignal(dialog.erased, timeout=15_000) as signal:
        erase.click()
    result = signal.args[0]
    assert result.segments_deleted == len(world.her_spoken)
    assert "3 lines deleted" in dialog.message_label.text()
    # The CRM records stay listed, to follow up in the CRM.
    assert dialog.follow_up_label.isVisible()
    assert person_world.CONTACT_ID in dialog.follow_up_label.text()
    assert not dialog.erase_button.isEnabled()

    for typed in (NAME, EMAIL):
        search(qtbot, dialog, typed)
        assert dialog.message_label.text() == f"Nothing is stored about {typed}."
        assert all(dialog.model.count(key) == 0 for key in ("meetings", "segments", "crm"))
