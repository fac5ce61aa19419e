"""The Summaries page of the settings dialog, over the real store and real local servers."""

from __future__ import annotations

import socket
from functools import partial

import pytest
from PySide6.QtCore import Qt
from settings_support import get_setting, set_setting
from tests.summarize.llm_server import FakeLLMServer
from ui_support import on_worker, open_store_on

from minuta.app.summaries import load_config
from minuta.store.settings import Setting
from minuta.summarize.llm.detect import detect_servers
from minuta.summarize.templates import TEMPLATES
from minuta.ui.settings_dialog import Section, SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def store_worker(qtbot, worker, app_paths, pulse_server):
    return open_store_on(qtbot, worker, app_paths)


@pytest.fixture
def ollama():
    server = FakeLLMServer("ollama", models=("llama3.2:latest", "qwen2.5:7b")).start()
    yield server
    server.stop()
    assert server.problems == []


def open_dialog(qtbot, worker, paths, settings) -> SettingsDialog:
    dialog = SettingsDialog(worker, paths, qsettings=settings)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.open()
    dialog.show_section(Section.SUMMARIES)
    return dialog


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def type_address(qtbot, page, address: str, *, on_this_computer: bool) -> None:
    with qtbot.waitSignal(page.address_checked) as checked:
        page.address_field.setText(address)
    assert checked.args == [on_this_computer]


def save(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_page_shows_the_defaults(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    assert page.backend_combo.currentData() == "auto"
    assert page.backend_combo.currentText().startswith("Automatic (a language model")
    assert not page.address_field.isEnabled()
    assert page.default_combo.currentData() == "customer_follow_up"
    assert [page.default_combo.itemText(i) for i in range(page.default_combo.count())] == [
        "Sales discovery call",
        "Customer follow-up",
        "Recruiting interview",
        "Project status meeting",
        "Internal meeting",
    ]
    assert page.templates.instructions_field.toPlainText() == TEMPLATES["customer_follow_up"].focus


def test_choices_and_an_edited_meeting_type_are_stored(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    choose(page.backend_combo, "ollama")
    assert page.address_field.isEnabled()
    type_address(qtbot, page, "http://127.0.0.1:11434", on_this_computer=True)
    assert not page.address_message.isVisible()
    page.model_field.setText("llama3.2:latest")
    choose(page.default_combo, "internal")
    choose(page.templates.template_combo, "project_status")
    page.templates.name_field.setText("Weekly status")
    page.templates.instructions_field.setPlainText("Progress and blockers per team.")
    choose(page.templates.template_combo, "internal")  # looking at another type keeps the edit
    choose(page.templates.template_combo, "project_status")
    assert page.templates.name_field.text() == "Weekly status"
    save(qtbot, dialog)

    config = on_worker(qtbot, store_worker, load_config)
    assert (config.backend, config.server_url, config.model, config.default_template) == (
        "ollama",
        "http://127.0.0.1:11434",
        "llama3.2:latest",
        "internal",
    )
    edited = config.templates["project_status"]
    assert (edited.name, edited.focus, edited.edited) == (
        "Weekly status",
        "Progress and blockers per team.",
        True,
    )
    assert not any(t.edited for key, t in config.templates.items() if key != "project_status")
    # The privacy rules stay, whatever the instructions say.
    assert "Never summarise health" in edited.instructions

    again_dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    again = again_dialog.summary_page
    choose(again.templates.template_combo, "project_status")
    assert again.templates.template_combo.currentText() == "Weekly status"
    assert again.default_combo.currentData() == "internal"
    assert again.model_field.text() == "llama3.2:latest"


def test_an_address_off_this_computer_is_refused(qtbot, store_worker, app_paths, settings):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    choose(page.backend_combo, "openai-compatible")
    type_address(qtbot, page, "http://192.0.2.10:8080", on_this_computer=False)
    assert page.address_message.isVisible()
    assert page.address_message.text().startswith(
        "Minuta only uses a language model on this computer."
    )
    dialog.show_section(Section.NAME)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.current_section is Section.SUMMARIES
    assert dialog.message.text() == page.address_message.text()
    assert get_setting(qtbot, store_worker, Setting.SUMMARY_BACKEND) == "auto"
    assert get_setting(qtbot, store_worker, Setting.SUMMARY_SERVER_URL) is None

    type_address(qtbot, page, "http://localhost:8080", on_this_computer=True)
    save(qtbot, dialog)
    assert get_setting(qtbot, store_worker, Setting.SUMMARY_SERVER_URL) == "http://localhost:8080"


def test_a_meeting_type_is_reset_to_the_built_in_one(qtbot, store_worker, app_paths, settings):
    set_setting(qtbot, store_worker, Setting.SUMMARY_TEMPLATES, {"internal": {"name": "Huddle"}})
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    choose(page.templates.template_combo, "internal")
    assert page.templates.template_combo.currentText() == "Huddle"
    assert page.templates.name_field.text() == "Huddle"
    qtbot.mouseClick(page.templates.reset_button, Qt.MouseButton.LeftButton)
    assert page.templates.name_field.text() == "Internal meeting"
    assert page.templates.template_combo.currentText() == "Internal meeting"
    assert page.templates.instructions_field.toPlainText() == TEMPLATES["internal"].focus
    save(qtbot, dialog)
    assert get_setting(qtbot, store_worker, Setting.SUMMARY_TEMPLATES) == {}


def test_servers_on_this_computer_are_found_and_chosen(
    qtbot, store_worker, app_paths, settings, ollama
):
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    page.detect = partial(detect_servers, ollama_ports=[ollama.port], openai_ports=[])
    with qtbot.waitSignal(page.servers_found, timeout=10_000) as found:
        qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert found.args == [1]
    item = page.servers_list.item(0)
    assert item.text() == f"Ollama · {ollama.url} · llama3.2:latest, qwen2.5:7b"
    page.servers_list.itemClicked.emit(item)
    assert page.backend_combo.currentData() == "ollama"
    assert page.address_field.text() == ollama.url
    assert page.model_field.text() == "llama3.2:latest"


def test_no_server_found_says_the_built_in_one_works(qtbot, store_worker, app_paths, settings):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        free = int(probe.getsockname()[1])
    dialog = open_dialog(qtbot, store_worker, app_paths, settings)
    page = dialog.summary_page
    page.detect = partial(detect_servers, ollama_ports=[free], openai_ports=[free])
    with qtbot.waitSignal(page.servers_found, timeout=10_000) as found:
        qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert found.args == [0]
    assert not page.servers_list.isVisible()
    assert "built-in summariser works without one" in page.servers_message.text()
