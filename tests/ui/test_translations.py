"""The Danish and Swedish UI: complete, current with the source, and really shown.

The .ts files are the translations' source; the .qm files are what the app loads.
Both are committed, and packaging/update_translations.sh makes both from the code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from ui_support import open_store_on

from minuta.ui.i18n import SHIPPED, install_translator, remove_translators, translations_dir
from minuta.ui.main_window import MainWindow
from minuta.ui.tray import OPEN, PAUSE, QUICK_RECORD, QUIT, STOP, TrayIcon, TrayState

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
UPDATE_SCRIPT = ROOT / "packaging" / "update_translations.sh"
UPDATE_COMMAND = "packaging/update_translations.sh"
TRANSLATIONS = Path(translations_dir())

# str.format fields ({count}, {done:.0f}) and Qt's %1 / %n.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:n|L?\d+)")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")

Message = tuple[str, str]  # (context, English source)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"minuta_{language}.ts"


def messages(path: Path) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()  # noqa: S314 (the project's own files)
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form's."""
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def tool(name: str) -> str:
    """The PySide6 tool installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    assert found, f"{name} is missing: it comes with PySide6-Essentials"
    return found


def run_update(folder: Path) -> None:
    env = {
        **os.environ,
        "TRANSLATIONS_DIR": str(folder),
        "LUPDATE": tool("pyside6-lupdate"),
        "LRELEASE": tool("pyside6-lrelease"),
    }
    subprocess.run(["bash", str(UPDATE_SCRIPT)], check=True, env=env, capture_output=True)


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """Copies of the committed .ts files, updated from the source as it is now."""
    folder = tmp_path_factory.mktemp("translations")
    for language in SHIPPED:
        shutil.copy(ts_path(language), ts_path(language, folder))
    run_update(folder)
    return folder


@pytest.fixture
def translate_ui(qapp: QApplication) -> Iterator[Callable[[list[str]], str]]:
    """install_translator() for one test; English again afterwards for the others."""

    def install(languages: list[str]) -> str:
        return install_translator(qapp, languages)

    yield install
    remove_translators(qapp)


@pytest.fixture
def tray(qtbot) -> Iterator[TrayIcon]:
    icon = TrayIcon()
    yield icon
    icon.hide()
    icon.deleteLater()


def tray_texts(tray: TrayIcon, state: TrayState) -> dict[str, str]:
    tray.set_state(state)
    tray.build_menu()
    names = [QUICK_RECORD, OPEN, QUIT] if state is TrayState.IDLE else [PAUSE, STOP]
    return {name: tray.action(name).text() for name in names}


def cancel_text() -> str:
    """A Qt standard button: Qt's own translation, not Minuta's."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    box.deleteLater()
    return text


# --- the files --------------------------------------------------------------------------


@pytest.mark.parametrize("language", SHIPPED)
def test_ts_files_hold_every_text_of_the_source(refreshed, language):
    committed = set(messages(ts_path(language)))
    current = set(messages(ts_path(language, refreshed)))
    missing = sorted(current - committed)
    stale = sorted(committed - current)
    assert not missing and not stale, (
        f"minuta_{language}.ts is not up to date with the source. Run {UPDATE_COMMAND}, "
        f"translate what it adds, and commit the .ts and .qm files.\n"
        f"New texts: {missing}\nTexts no longer used: {stale}"
    )


@pytest.mark.parametrize("language", SHIPPED)
def test_qm_files_are_built_from_the_ts_files(tmp_path, language):
    shutil.copy(ts_path(language), tmp_path / "minuta.ts")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(tmp_path / "minuta.ts")],
        check=True,
        capture_output=True,
    )
    built = (tmp_path / "minuta.qm").read_bytes()
    assert built == (TRANSLATIONS / f"minuta_{language}.qm").read_bytes(), (
        f"minuta_{language}.qm is older than minuta_{language}.ts: run {UPDATE_COMMAND}"
    )


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_is_translated(language):
    found = messages(ts_path(language))
    assert len(found) > 300  # the whole UI, not an empty file
    open_ones = [
        key
        for key, message in found.items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in translations(message))
    ]
    assert not open_ones, f"not translated in minuta_{language}.ts: {open_ones}"


@pytest.mark.parametrize("language", SHIPPED)
def test_placeholders_tags_and_mnemonics_survive_translation(language):
    problems = []
    for (context, source), message in messages(ts_path(language)).items():
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"[{context}] {source!r} -> {text!r}: placeholders")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                problems.append(f"[{context}] {source!r} -> {text!r}: HTML tags")
            if text.replace("&&", "").count("&") != source.replace("&&", "").count("&"):
                problems.append(f"[{context}] {source!r} -> {text!r}: mnemonic (&)")
    assert not problems, "\n".join(problems)


# --- the app ----------------------------------------------------------------------------


@pytest.fixture
def open_worker(qtbot, worker, app_paths):
    return open_store_on(qtbot, worker, app_paths)


@pytest.mark.parametrize(
    ("language", "record", "file_menu", "encrypted", "cancel"),
    [
        ("da", "&Optag", "&Filer", "Krypteret", "Annuller"),
        ("sv", "&Spela in", "&Arkiv", "Krypterat", "Avbryt"),
    ],
)
def test_main_window_speaks_the_chosen_language(
    qtbot, open_worker, settings, translate_ui, language, record, file_menu, encrypted, cancel
):
    assert translate_ui([language]) == language
    window = MainWindow(open_worker, "passphrase", settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded):
        window.show()
    assert window.record_button.text() == record
    assert window.menuBar().actions()[0].text() == file_menu
    assert window.key_label.text().startswith(encrypted)  # module-level translate() too
    assert cancel_text() == cancel  # Qt's standard buttons follow along


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", {QUICK_RECORD: "Start &hurtig optagelse", OPEN: "&Åbn Minuta"}),
        ("sv", {QUICK_RECORD: "Starta &snabbinspelning", OPEN: "&Öppna Minuta"}),
    ],
)
def test_tray_menu_speaks_the_chosen_language(tray, translate_ui, language, expected):
    translate_ui([language])
    texts = tray_texts(tray, TrayState.IDLE)
    assert {name: texts[name] for name in expected} == expected
    assert tray.tooltip().startswith("Minuta: ")
    assert tray.tooltip() != "Minuta: Not recording"


def test_an_unknown_language_falls_back_to_english(tray, translate_ui):
    assert translate_ui(["fr", "de"]) == "en"
    assert tray_texts(tray, TrayState.IDLE)[QUICK_RECORD] == "Start &Quick Recording"
    assert tray_texts(tray, TrayState.RECORDING) == {PAUSE: "&Pause", STOP: "&Stop Recording"}
    assert cancel_text() == "&Cancel" or cancel_text() == "Cancel"


def test_the_first_shipped_language_wins(tray, translate_ui):
    assert translate_ui(["fr", "sv", "da"]) == "sv"
    assert tray_texts(tray, TrayState.IDLE)[OPEN] == "&Öppna Minuta"
    assert translate_ui(["en", "da"]) == "en"  # English preferred over Danish: the source
    assert tray_texts(tray, TrayState.IDLE)[OPEN] == "&Open Minuta"


def test_switching_language_replaces_the_earlier_one(tray, translate_ui):
    translate_ui(["da"])
    translate_ui(["sv"])
    assert tray_texts(tray, TrayState.IDLE)[QUIT] == "&Avsluta Minuta"


def test_the_environment_overrides_the_system_language(tray, translate_ui, qapp, monkeypatch):
    monkeypatch.setenv("MINUTA_UI_LANGUAGE", "da")
    assert install_translator(qapp) == "da"
    assert tray_texts(tray, TrayState.IDLE)[QUIT] == "&Afslut Minuta"
    monkeypatch.setenv("MINUTA_UI_LANGUAGE", "en")
    assert install_translator(qapp) == "en"
    assert tray_texts(tray, TrayState.IDLE)[QUIT] == "Q&uit Minuta"


def test_removing_the_translators_brings_english_back(tray, translate_ui, qapp):
    translate_ui(["sv"])
    remove_translators(qapp)
    assert tray_texts(tray, TrayState.IDLE)[OPEN] == "&Open Minuta"
    assert cancel_text() in ("&Cancel", "Cancel")


# minuta-app's main() with a stand-in for the app it starts: it only reports which
# language the UI got, then quits.
ENTRY_DRIVER = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
import minuta.ui.main as entry

class Reporter(QObject):
    quit_requested = Signal()

    def __init__(self, paths, **_options):
        super().__init__()

    def start(self):
        print(QCoreApplication.translate("TrayIcon", "&Open Minuta"))
        QTimer.singleShot(0, self.quit_requested.emit)

    def shutdown(self):
        pass

entry.MinutaApp = Reporter
sys.exit(entry.main(["minuta-app"]))
"""


@pytest.mark.parametrize(("language", "expected"), [("da", "&Åbn Minuta"), ("en", "&Open Minuta")])
def test_minuta_app_starts_in_the_chosen_language(tmp_path, language, expected):
    env = {
        **os.environ,
        "MINUTA_UI_LANGUAGE": language,
        "MINUTA_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", ENTRY_DRIVER],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
