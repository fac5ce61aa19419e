"""Help > About Minuta: the licence table (without widgets), the words of the data page,
and the dialog over a real store opened on the worker."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QAction, QDesktopServices
from ui_support import open_store_on

from minuta import __version__
from minuta.app.data_check import (
    DataReport,
    Leftover,
    LeftoverKind,
    Place,
    PlaceKind,
    Protection,
)
from minuta.app.licences import COMPONENTS
from minuta.ui.about.about_dialog import AboutDialog, settings_file
from minuta.ui.about.data_texts import amount_text, leftover_text, status_text, summary_text
from minuta.ui.about.licences_model import COMPONENT_ROLE, LicencesModel
from minuta.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


class UrlCatcher(QObject):
    """Stands in for the browser and the file manager: QDesktopServices' own hook."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[list[QUrl]]:
    catcher = UrlCatcher()
    for scheme in ("file", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher.urls
    for scheme in ("file", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def open_worker(qtbot, worker, app_paths):
    return open_store_on(qtbot, worker, app_paths)


def make_dialog(qtbot, worker, app_paths, settings) -> AboutDialog:
    dialog = AboutDialog(worker, paths=app_paths, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def show_data_page(qtbot, dialog: AboutDialog) -> DataReport:
    with qtbot.waitSignal(dialog.data_checked, timeout=10_000) as blocker:
        dialog.tabs.setCurrentWidget(dialog.data_page)
        # The check runs on the worker: the page is shown at once, still checking.
        assert dialog.data_page.checking
        assert dialog.data_page.report is None
    return blocker.args[0]


# --- the licence table, without widgets ---------------------------------------------------


def test_licences_model_lists_every_component(qapp):
    model = LicencesModel()
    assert (model.rowCount(), model.columnCount()) == (len(COMPONENTS), 3)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Component", "Licence", "Used for"]
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    row = rows["faster-whisper"]
    assert [model.index(row, c).data() for c in range(3)] == [
        "faster-whisper",
        "MIT",
        "Turns speech into text",
    ]
    assert model.index(row, 0).data(COMPONENT_ROLE) is model.component(row)
    assert model.homepage(row) == QUrl("https://github.com/SYSTRAN/faster-whisper")
    # SQLite's "blessing" is said in words.
    assert model.index(rows["SQLite"], 1).data() == "Public domain"
    qt_tip = model.index(rows["Qt 6"], 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "replace them" in qt_tip
    assert "pyside6-essentials" in qt_tip
    assert "https://www.qt.io" in qt_tip
    assert model.index(len(COMPONENTS), 0).data() is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree


# --- the data page's words, from a report ---------------------------------------------------


def report_of(*places: Place, leftovers: tuple[Leftover, ...] = ()) -> DataReport:
    return DataReport(places, leftovers, "keyring (Secret Service)", False, datetime.now(UTC))


def test_status_lines_say_what_was_found(qapp):
    database = Place(PlaceKind.DATABASE, Path("/d/minuta.db"), Protection.ENCRYPTED, 4096, 1)
    bad = Path("/d/audio/x/1.mnta")
    audio = Place(PlaceKind.AUDIO, Path("/d/audio"), Protection.NOT_ENCRYPTED, 10, 2, (bad,))
    key = Place(PlaceKind.KEY, None, Protection.KEY, detail="keyring (Secret Service)")
    settings = Place(PlaceKind.SETTINGS, Path("/c/Minuta.conf"), Protection.NO_PERSONAL_DATA)
    report = report_of(database, audio, key, settings)

    assert status_text(database, report) == "Encrypted ✓ — checked just now"
    assert status_text(audio, report).startswith("Not encrypted! 1 file(s)")
    assert amount_text(audio).startswith("2 recording files, ")
    key_text = status_text(key, report)
    assert "Kept in your keyring (Secret Service)." in key_text
    assert "not yet confirmed" in key_text
    assert amount_text(key) == ""
    assert "window layout and the record shortcut" in status_text(settings, report)
    assert amount_text(settings) == "Not created yet"
    assert summary_text(report).startswith("Something is not encrypted")
    assert summary_text(report_of(database)).startswith("Everything Minuta keeps")
    wav = Leftover(Path("/d/call.wav"), LeftoverKind.AUDIO, 2048)
    assert leftover_text(wav).startswith("/d/call.wav (Audio, not encrypted, ")


# --- the dialog ------------------------------------------------------------------------------


def test_about_tab_says_version_privacy_and_versions(qtbot, worker, app_paths, settings):
    dialog = make_dialog(qtbot, worker, app_paths, settings)
    assert dialog.tabs.currentWidget() is dialog.about_page
    assert __version__ in dialog.version_label.text()
    assert dialog.privacy_label.text() == (
        "Everything stays on this computer; nothing is sent anywhere unless you approve a CRM push."
    )
    versions = dialog.versions_label.text()
    assert platform.python_version() in versions
    assert qVersion() in versions
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["&About", "&Licences", "Your &Data"]
    # No store work until the data page is opened.
    assert dialog.data_page.report is None
    assert not dialog.data_page.checking


def test_licences_tab_opens_a_website_only_when_asked(
    qtbot, worker, app_paths, settings, opened_urls
):
    dialog = make_dialog(qtbot, worker, app_paths, settings)
    dialog.tabs.setCurrentWidget(dialog.licences_page)
    table = dialog.licences_table
    assert table.model().rowCount() == len(COMPONENTS)
    assert dialog.licence_texts_label.text() == (
        "Full licence texts are installed with each component."
    )
    assert not dialog.website_button.isEnabled()
    assert opened_urls == []

    table.selectRow(3)
    assert dialog.website_button.isEnabled()
    qtbot.mouseClick(dialog.website_button, Qt.MouseButton.LeftButton)
    assert opened_urls == [QUrl(COMPONENTS[3].homepage)]

    cell = table.visualRect(table.model().index(0, 0)).center()
    # As a person double-clicks: the first click selects, the second opens.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened_urls == [QUrl(COMPONENTS[3].homepage), QUrl(COMPONENTS[0].homepage)]


def test_data_page_shows_where_data_is_and_that_it_is_encrypted(
    qtbot, open_worker, app_paths, settings, opened_urls
):
    settings.setValue("main_window/geometry", b"x")
    settings.sync()
    dialog = make_dialog(qtbot, open_worker, app_paths, settings)

    report = show_data_page(qtbot, dialog)

    page = dialog.data_page
    assert report.encrypted
    assert report.recovery_key_confirmed  # the store was made as `minuta init` makes it
    assert page.summary_label.text().startswith("Everything Minuta keeps about your meetings")
    assert set(page.rows) == {
        PlaceKind.DATA_FOLDER,
        PlaceKind.DATABASE,
        PlaceKind.AUDIO,
        PlaceKind.KEY,
        PlaceKind.MODELS,
        PlaceKind.SETTINGS,
    }
    folder = page.rows[PlaceKind.DATA_FOLDER]
    assert folder.path_label.text() == str(app_paths.data_dir)
    assert folder.path_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    for kind in (PlaceKind.DATA_FOLDER, PlaceKind.DATABASE, PlaceKind.AUDIO):
        assert page.rows[kind].status_label.text() == "Encrypted ✓ — checked just now"
    assert page.rows[PlaceKind.SETTINGS].path_label.text() == settings.fileName()
    assert page.rows[PlaceKind.MODELS].path_label.text() == str(app_paths.models_dir)
    assert "Kept in your keyring" in page.rows[PlaceKind.KEY].status_label.text()
    assert page.leftovers_label.isHidden()

    assert page.show_folder_button.isEnabled()
    qtbot.mouseClick(page.show_folder_button, Qt.MouseButton.LeftButton)
    assert opened_urls == [QUrl.fromLocalFile(str(app_paths.data_dir))]


def test_check_again_finds_a_stray_recording(qtbot, open_worker, app_paths, settings):
    dialog = make_dialog(qtbot, open_worker, app_paths, settings)
    show_data_page(qtbot, dialog)
    stray = app_paths.data_dir / "call.wav"
    stray.write_bytes(b"RIFF" + bytes(100))

    page = dialog.data_page
    with qtbot.waitSignal(dialog.data_checked, timeout=10_000) as blocker:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        assert not page.check_button.isEnabled()  # one check at a time

    report = blocker.args[0]
    assert not report.encrypted
    assert page.check_button.isEnabled()
    assert page.summary_label.text().startswith("Something is not encrypted")
    assert page.rows[PlaceKind.DATA_FOLDER].status_label.text().startswith("Not encrypted!")
    assert page.rows[PlaceKind.DATABASE].status_label.text().startswith("Encrypted ✓")
    assert not page.leftovers_label.isHidden()
    assert str(stray) in page.leftovers_label.text()
    assert "Audio, not encrypted" in page.leftovers_label.text()
    assert stray.exists()  # reported, not deleted


def test_a_check_without_a_store_says_so(qtbot, worker, app_paths, settings):
    dialog = make_dialog(qtbot, worker, app_paths, settings)
    with qtbot.waitSignal(dialog.data_page.check_failed, timeout=10_000):
        dialog.tabs.setCurrentWidget(dialog.data_page)
    assert dialog.data_page.summary_label.text().startswith("The check could not be run")
    assert dialog.data_page.check_button.isEnabled()
    assert not dialog.data_page.show_folder_button.isEnabled()


def test_settings_kept_in_a_file_are_listed(settings):
    assert settings_file(settings) == Path(settings.fileName())


def test_help_about_opens_one_dialog(qtbot, open_worker, settings):
    window = MainWindow(open_worker, "keyring (test)", settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded):
        window.show()
    [about] = [a for a in window.findChildren(QAction) if a.text() == "&About Minuta"]

    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    assert dialog.isVisible()
    about.trigger()  # brought to the front, not opened twice
    assert window.findChildren(AboutDialog) == [dialog]

    with qtbot.waitSignal(dialog.data_checked, timeout=10_000) as blocker:
        dialog.tabs.setCurrentWidget(dialog.data_page)
    assert blocker.args[0].encrypted
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)
