"""The first-start setup over the real store and the real sound server."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from settings_support import get_setting, set_setting
from ui_support import on_worker, open_store_on

from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.transcribe.recommend import MachineProfile, recommend
from minuta.ui.settings.values import StoredSettings, load_settings
from minuta.ui.setup_wizard import SetupWizard, Step, check_setup_needed

pytestmark = pytest.mark.gui

LAPTOP = MachineProfile(cpu_cores=4, ram_mb=8_000)


@pytest.fixture
def store_worker(qtbot, worker, app_paths, pulse_server):
    return open_store_on(qtbot, worker, app_paths)


def open_wizard(qtbot, worker, paths) -> SetupWizard:
    wizard = SetupWizard(worker, paths, machine=LAPTOP)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.loaded, timeout=10_000):
        wizard.open()
    return wizard


def setup_needed(qtbot, worker) -> bool:
    needed: list[bool] = []
    check_setup_needed(worker, lambda: needed.append(True))
    on_worker(qtbot, worker, lambda store: None)  # tasks run in order: the answer is in
    return bool(needed)


def test_finish_stores_everything_and_the_setup_is_done(qtbot, store_worker, app_paths):
    set_setting(qtbot, store_worker, Setting.CONSENT_PRESELECT, "informed")  # kept as it is
    assert setup_needed(qtbot, store_worker)
    wizard = open_wizard(qtbot, store_worker, app_paths)
    assert wizard.currentId() == Step.WELCOME
    assert "stays" not in wizard.currentPage().title()

    wizard.next()
    assert wizard.currentId() == Step.DEVICES
    devices = wizard.devices
    qtbot.waitUntil(
        lambda: devices.microphone_combo.findData("pulse:virtual_mic") >= 0, timeout=10_000
    )
    devices.microphone_combo.setCurrentIndex(devices.microphone_combo.findData("pulse:virtual_mic"))
    devices.call_audio_check.setChecked(False)

    wizard.next()
    assert wizard.currentId() == Step.LANGUAGE_AND_MODEL
    combo = wizard.language.combo
    combo.setCurrentIndex(combo.findData("sv"))
    suggested = recommend("sv", LAPTOP).model.name
    assert wizard.models.list_model.recommended == suggested
    assert wizard.models.model == "base"  # works offline; a download is optional

    wizard.next()
    assert wizard.currentId() == Step.NAME
    wizard.name.name_edit.setText("Kari Nordmann")
    with qtbot.waitSignal(wizard.completed, timeout=10_000) as completed:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()

    expected = StoredSettings(
        microphone="pulse:virtual_mic",
        output=None,
        call_audio=False,
        language="sv",
        model="base",
        user_name="Kari Nordmann",
        consent_preselect=Consent.INFORMED,
    )
    assert completed.args == [expected]
    assert on_worker(qtbot, store_worker, load_settings) == expected
    assert get_setting(qtbot, store_worker, Setting.SETUP_DONE) is True
    assert not setup_needed(qtbot, store_worker)


def test_cancel_stores_nothing_and_asks_again_next_time(qtbot, store_worker, app_paths):
    wizard = open_wizard(qtbot, store_worker, app_paths)
    wizard.next()
    wizard.next()
    wizard.language.combo.setCurrentIndex(wizard.language.combo.findData("da"))
    wizard.next()
    wizard.name.name_edit.setText("Someone")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    assert on_worker(qtbot, store_worker, load_settings) == StoredSettings()
    assert get_setting(qtbot, store_worker, Setting.SETUP_DONE) is False
    assert setup_needed(qtbot, store_worker)


def test_the_setup_starts_from_what_is_stored(qtbot, store_worker, app_paths):
    # Set from the command line before the app was first started, say.
    set_setting(qtbot, store_worker, Setting.TRANSCRIPTION_LANGUAGE, "nb")
    set_setting(qtbot, store_worker, Setting.USER_NAME, "Ola")
    wizard = open_wizard(qtbot, store_worker, app_paths)
    assert wizard.language.language == "no"
    assert wizard.name.user_name == "Ola"
    assert wizard.models.list_model.recommended == recommend("no", LAPTOP).model.name


def test_the_device_step_tests_levels(qtbot, store_worker, app_paths):
    import os
    import threading

    import numpy as np
    from tests.harness.pulse import play

    from minuta.audio.capture import DeviceKind

    wizard = open_wizard(qtbot, store_worker, app_paths)
    wizard.next()
    devices = wizard.devices
    qtbot.waitUntil(
        lambda: devices.microphone_combo.findData("pulse:virtual_mic") >= 0, timeout=10_000
    )
    devices.microphone_combo.setCurrentIndex(devices.microphone_combo.findData("pulse:virtual_mic"))
    devices.test_button.click()
    tone = (0.5 * np.sin(np.arange(16_000 * 3) * 2 * np.pi * 300 / 16_000)).astype(np.float32)
    env = {"PULSE_SERVER": os.environ["PULSE_SERVER"]}
    player = threading.Thread(target=play, args=(env, "mic_feed", tone, 16_000), daemon=True)
    player.start()
    qtbot.waitUntil(lambda: devices.level(DeviceKind.MICROPHONE) > -12, timeout=10_000)
    wizard.next()  # moving on stops the test
    assert not devices.test_button.isChecked()
    player.join(timeout=10)
