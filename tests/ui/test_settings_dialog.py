"""The settings dialog over the real store, the real sound server and a real download."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt
from settings_support import get_setting, set_setting
from tests.harness.pulse import play
from tests.transcribe.hub_server import HubState, ct2_files, run_hub
from ui_support import on_worker, open_store_on

from minuta.app.paths import AppPaths
from minuta.audio.capture import DeviceKind
from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.transcribe import catalogue
from minuta.transcribe.recommend import MachineProfile, recommend
from minuta.ui.settings.hotkey import DEFAULT_HOTKEY, HOTKEY_KEY
from minuta.ui.settings.language_page import language_choices
from minuta.ui.settings.model_list import ModelColumn, ModelListModel
from minuta.ui.settings.values import StoredSettings, load_settings
from minuta.ui.settings_dialog import Section, SettingsDialog

pytestmark = pytest.mark.gui

LAPTOP = MachineProfile(cpu_cores=8, ram_mb=16_000)
CHECK = Qt.ItemDataRole.CheckStateRole
CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
TINY = catalogue.find("tiny")
assert TINY is not None


@pytest.fixture
def store_worker(qtbot, worker, app_paths, pulse_server):
    return open_store_on(qtbot, worker, app_paths)


def open_dialog(qtbot, worker, paths, settings, machine=LAPTOP) -> SettingsDialog:
    dialog = SettingsDialog(worker, paths, qsettings=settings, machine=machine)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.open()
    return dialog


def wait_for_devices(qtbot, dialog: SettingsDialog) -> None:
    page = dialog.devices_page
    qtbot.waitUntil(
        lambda: page.microphone_combo.findData("pulse:virtual_mic") >= 0, timeout=10_000
    )


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_values_round_trip_through_the_store(qtbot, store_worker, app_paths, settings):
    set_setting(qtbot, store_worker, Setting.USER_NAME, "Kari Nordmann")
    set_setting(qtbot, store_worker, Setting.TRANSCRIPTION_LANGUAGE, "sv")
    set_setting(qtbot, store_worker, Setting.CONSENT_PRESELECT, "internal")
    set_setting(qtbot, store_worker, Setting.RECORDING_CALL_AUDIO, False)

    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    assert dialog.name_page.user_name == "Kari Nordmann"
    assert dialog.language_page.language == "sv"
    assert dialog.consent_page.preselect is Consent.INTERNAL
    assert not dialog.devices_page.call_audio
    assert not dialog.devices_page.output_combo.isEnabled()
    assert dialog.model_page.model == "base"
    assert dialog.hotkey_page.hotkey == DEFAULT_HOTKEY

    wait_for_devices(qtbot, dialog)
    page = dialog.devices_page
    choose(page.microphone_combo, "pulse:virtual_mic")
    page.call_audio_check.setChecked(True)
    choose(page.output_combo, "pulse:call")
    choose(dialog.language_page.combo, "da")
    dialog.name_page.name_edit.setText("  Anna   Berg ")
    dialog.consent_page.informed_radio.setChecked(True)
    dialog.hotkey_page.set_hotkey("Ctrl+Alt+M")
    with (
        qtbot.waitSignal(dialog.saved) as saved,
        qtbot.waitSignal(dialog.hotkey_changed) as hotkey,
    ):
        dialog.save_button.click()
    assert hotkey.args == ["Ctrl+Alt+M"]
    assert not dialog.isVisible()

    expected = StoredSettings(
        microphone="pulse:virtual_mic",
        output="pulse:call",
        call_audio=True,
        language="da",
        model="base",
        user_name="Anna Berg",
        consent_preselect=Consent.INFORMED,
    )
    assert saved.args == [expected]
    assert on_worker(qtbot, store_worker, load_settings) == expected
    assert get_setting(qtbot, store_worker, Setting.CONSENT_PRESELECT) == "informed"
    assert get_setting(qtbot, store_worker, Setting.SETUP_DONE) is False  # not the setup
    assert settings.value(HOTKEY_KEY) == "Ctrl+Alt+M"

    again = open_dialog(qtbot, store_worker, app_paths, settings)
    wait_for_devices(qtbot, again)
    assert again.values() == expected
    assert again.hotkey_page.hotkey == "Ctrl+Alt+M"


def test_cancel_changes_nothing(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    dialog.name_page.name_edit.setText("Someone")
    dialog.consent_page.internal_radio.setChecked(True)
    dialog.hotkey_page.edit.clear()
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert on_worker(qtbot, store_worker, load_settings) == StoredSettings()
    assert settings.value(HOTKEY_KEY) is None


def test_a_device_not_connected_now_stays_chosen(qtbot, store_worker, app_paths, settings):
    set_setting(qtbot, store_worker, Setting.RECORDING_MICROPHONE, "pulse:headset_unplugged")
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    wait_for_devices(qtbot, dialog)
    combo = dialog.devices_page.microphone_combo
    assert combo.currentData() == "pulse:headset_unplugged"
    assert "not connected" in combo.currentText()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    stored = get_setting(qtbot, store_worker, Setting.RECORDING_MICROPHONE)
    assert stored == "pulse:headset_unplugged"


def test_the_level_test_shows_what_the_devices_hear(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    wait_for_devices(qtbot, dialog)
    page = dialog.devices_page
    choose(page.microphone_combo, "pulse:virtual_mic")
    choose(page.output_combo, "pulse:call")
    page.test_button.click()
    assert page.test_button.isChecked()

    server = pulse_env()
    tone = (0.5 * np.sin(np.arange(16_000 * 4) * 2 * np.pi * 440 / 16_000)).astype(np.float32)
    players = [
        threading.Thread(target=play, args=(server, "mic_feed", tone, 16_000), daemon=True),
        threading.Thread(target=play, args=(server, "call", tone * 0.2, 16_000), daemon=True),
    ]
    for player in players:
        player.start()
    qtbot.waitUntil(lambda: page.level(DeviceKind.MICROPHONE) > -12, timeout=10_000)
    qtbot.waitUntil(lambda: page.level(DeviceKind.OUTPUT) > -25, timeout=10_000)
    qtbot.waitUntil(lambda: page.level(DeviceKind.OUTPUT) < -12, timeout=10_000)

    # Leaving the page stops the test (and closes the streams).
    dialog.show_section(Section.NAME)
    assert not page.test_button.isChecked()
    assert page.level(DeviceKind.MICROPHONE) == -60
    for player in players:
        player.join(timeout=10)


def pulse_env() -> dict[str, str]:
    import os

    return {"PULSE_SERVER": os.environ["PULSE_SERVER"]}


# --- models -------------------------------------------------------------------------


def test_the_model_list_marks_the_model_in_use_and_the_suggestion(app_paths):
    from minuta.app.transcription import model_rows

    model = ModelListModel()
    model.set_rows(model_rows(app_paths, "base"), "base")
    model.set_recommended("kb-whisper-small", "Swedish")
    base = model.row_of("base")
    kb = model.row_of("kb-whisper-small")
    assert model.index(base, ModelColumn.NAME).data(CHECK) == CHECKED
    assert model.index(kb, ModelColumn.NAME).data(CHECK) == UNCHECKED
    assert model.index(base, ModelColumn.STATUS).data() == "Built in, works offline"
    assert model.index(kb, ModelColumn.STATUS).data() == "Not downloaded"
    assert model.index(kb, ModelColumn.NOTE).data().startswith("Recommended for Swedish")
    assert model.index(kb, ModelColumn.SIZE).data() == "484 MB"

    # The person's own model folder is listed too, and in use.
    model.set_rows(model_rows(app_paths, "/models/my-whisper"), "/models/my-whisper")
    assert model.row_of("/models/my-whisper") == 0
    assert model.index(0, ModelColumn.NAME).data() == "my-whisper"
    assert model.index(0, ModelColumn.NAME).data(CHECK) == CHECKED


def test_the_suggestion_follows_the_language(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.model_page
    dialog.show_section(Section.LANGUAGE)
    choose(dialog.language_page.combo, "sv")
    assert page.list_model.recommended == recommend("sv", LAPTOP).model.name
    assert page.list_model.recommended.startswith("kb-whisper")
    assert "Swedish" in page.recommendation_label.text()
    choose(dialog.language_page.combo, "no")
    assert page.list_model.recommended.startswith("nb-whisper")
    choose(dialog.language_page.combo, "da")
    danish = recommend("da", LAPTOP).model
    assert page.list_model.recommended == danish.name
    assert danish.language_codes is None  # multilingual

    # Choosing a model that is not here offers its download, and keeps the one in use.
    dialog.show_section(Section.MODEL)
    page.use_recommended_button.click()
    assert page.model == "base"
    assert page.download_button.isVisible()
    assert f"{danish.name} is not on this computer yet ({danish.size_mb} MB)" in (
        page.offer_label.text()
    )


def test_languages_offer_detection_and_the_nordic_ones_first():
    codes = [code for code, _ in language_choices()]
    assert codes[:8] == ["auto", "mixed", "da", "sv", "no", "fi", "lt", "en"]
    assert "haw" in codes


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubState]:
    state = HubState()
    server = run_hub(state)
    monkeypatch.setenv("HF_ENDPOINT", next(server))
    yield state
    state.release.set()
    server.close()


@pytest.fixture
def own_cache(tmp_path, app_paths) -> AppPaths:
    """A model folder of this test's own: a download must not reach the shared one."""
    return AppPaths(data_dir=app_paths.data_dir, cache_dir=tmp_path / "own-cache")


def test_a_model_is_downloaded_with_progress_then_used(
    qtbot, hub, store_worker, own_cache, settings
):
    assert TINY is not None
    files = ct2_files(model_size=2_000_000)
    hub.add_repo(TINY.repo_id, "1" * 40, files)
    dialog = open_dialog(qtbot, store_worker, own_cache, settings)
    dialog.show_section(Section.MODEL)
    page = dialog.model_page
    page.table.selectRow(page.list_model.row_of("tiny"))
    assert page.download_button.isVisible()
    with qtbot.waitSignal(page.download_ended, timeout=30_000):
        page.download_button.click()
        assert page.progress.isVisible()
        assert page.cancel_button.isVisible()
        assert not page.download_button.isVisible()
    assert page.model == "tiny"
    assert not page.download_status.isVisible()
    assert catalogue.is_installed(own_cache.models_dir, "tiny")
    assert (own_cache.models_dir / "tiny" / "model.bin").read_bytes() == files["model.bin"]
    assert page.progress.value() == page.progress.maximum()  # the last report: all of it
    assert not page.progress.isVisible()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert get_setting(qtbot, store_worker, Setting.TRANSCRIPTION_MODEL) == "tiny"


def test_a_download_can_be_cancelled_and_continued(qtbot, hub, store_worker, own_cache, settings):
    assert TINY is not None
    files = ct2_files(model_size=2_000_000)
    hub.add_repo(TINY.repo_id, "2" * 40, files)
    hub.faults["model.bin"].append("hold")  # sends half, then waits
    dialog = open_dialog(qtbot, store_worker, own_cache, settings)
    page = dialog.model_page
    dialog.show_section(Section.MODEL)
    page.table.selectRow(page.list_model.row_of("tiny"))
    page.download_button.click()
    assert hub.holding.wait(10)

    page.cancel_button.click()
    assert not page.cancel_button.isEnabled()
    assert "Stopping" in page.offer_label.text()
    hub.release.set()
    qtbot.waitUntil(lambda: not page.downloading, timeout=30_000)
    assert "Download stopped" in page.download_status.text()
    assert page.model == "base"
    assert not catalogue.is_installed(own_cache.models_dir, "tiny")
    partial = own_cache.models_dir / ".tiny.download" / "model.bin.part"
    assert partial.exists()
    # Stopped at the first block after the cancel; what arrived before it is kept.
    assert 0 < partial.stat().st_size < len(files["model.bin"])

    before = len(hub.gets())
    with qtbot.waitSignal(page.download_ended, timeout=30_000):
        page.download_button.click()
    assert page.model == "tiny"
    ranges = [r.range for r in hub.gets()[before:] if r.range]
    assert ranges, "the second download continued from what was kept"
