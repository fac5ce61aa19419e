"""Settings: devices, language, model, your name, the consent default, the hotkey.

Everything personal is read from and written to the encrypted store on the
store's worker (never on the GUI thread); only the hotkey, which says nothing
about anyone, is kept in ``QSettings``. Nothing is written until Save; Cancel
leaves everything as it was (a model downloaded meanwhile stays downloaded).

Open it with ``open()``; ``saved`` and ``hotkey_changed`` report what changed.
"""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minuta.app.paths import AppPaths
from minuta.store.errors import StoreError
from minuta.store.store import Store
from minuta.transcribe.catalogue import ModelError
from minuta.transcribe.recommend import MachineProfile
from minuta.ui.dialogs.base import heading_label, text_label
from minuta.ui.settings.audio_probe import BackendFactory, default_backend
from minuta.ui.settings.crm_page import CrmPage
from minuta.ui.settings.devices_page import DevicesPage
from minuta.ui.settings.hotkey import HotkeyPage, quick_record_hotkey, set_quick_record_hotkey
from minuta.ui.settings.language_page import LanguagePage
from minuta.ui.settings.model_page import ModelPage
from minuta.ui.settings.personal_pages import ConsentPage, NamePage
from minuta.ui.settings.retention_page import (
    RetentionPage,
    load_retention_page,
    save_retention,
)
from minuta.ui.settings.summary_page import (
    SummaryPage,
    load_summary_settings,
    save_summary_settings,
)
from minuta.ui.settings.values import StoredSettings, load_settings, save_settings
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)


class Section(IntEnum):
    DEVICES = 0
    LANGUAGE = 1
    MODEL = 2
    NAME = 3
    CONSENT = 4
    HOTKEY = 5
    SUMMARIES = 6
    CRM = 7
    RETENTION = 8


class SettingsDialog(QDialog):
    loaded = Signal()  # the stored values are shown; Save is possible from now on
    saved = Signal(object)  # StoredSettings, once they are in the store
    hotkey_changed = Signal(str)  # the new quick-record hotkey (portable text; "" = none)

    def __init__(  # noqa: PLR0915 - one page after another
        self,
        worker: StoreWorker,
        paths: AppPaths,
        *,
        qsettings: QSettings | None = None,
        backend_factory: BackendFactory = default_backend,
        machine: MachineProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Minuta Settings"))
        self.setMinimumSize(760, 480)
        self._worker = worker
        self._paths = paths
        self._qsettings = qsettings if qsettings is not None else QSettings()
        self._stored: StoredSettings | None = None
        self._saving = False

        self.devices_page = DevicesPage(backend_factory)
        self.language_page = LanguagePage()
        self.model_page = ModelPage(paths, machine)
        self.name_page = NamePage()
        self.consent_page = ConsentPage()
        self.hotkey_page = HotkeyPage()
        self.summary_page = SummaryPage()
        self.crm_page = CrmPage(worker)  # takes effect at once, not on Save
        self.retention_page = RetentionPage(worker)
        self.hotkey_page.set_hotkey(quick_record_hotkey(self._qsettings))
        self.language_page.language_changed.connect(self.model_page.set_language)

        pages: list[tuple[str, QWidget]] = [
            (self.tr("Recording devices"), self.devices_page),
            (self.tr("Language"), self.language_page),
            (self.tr("Transcription model"), self.model_page),
            (self.tr("Your name"), self.name_page),
            (self.tr("Consent"), self.consent_page),
            (self.tr("Hotkey"), self.hotkey_page),
            (self.tr("Summaries"), self.summary_page),
            (self.tr("CRM"), self.crm_page),
            (self.tr("Retention"), self.retention_page),
        ]
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.sections.setMaximumWidth(190)
        self.sections.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        for title, page in pages:
            self.sections.addItem(title)
            self.stack.addWidget(self._framed(title, page))
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.message = text_label("", selectable=True)
        self.message.setObjectName("settingsMessage")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        save = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert save is not None
        assert cancel is not None
        self.save_button = save
        self.cancel_button = cancel
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.sections, self.stack)
        self.sections.setCurrentRow(Section.DEVICES)
        self._load()

    @staticmethod
    def _framed(title: str, page: QWidget) -> QWidget:
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 4, 8, 4)
        layout.addWidget(heading_label(title))
        layout.addWidget(page, 1)
        return frame

    def show_section(self, section: Section) -> None:
        self.sections.setCurrentRow(section)

    @property
    def current_section(self) -> Section:
        return Section(self.stack.currentIndex())

    # --- loading and saving -------------------------------------------------------

    def _load(self) -> None:
        # First: the worker answers in order, so the page is filled before ``loaded``.
        self._worker.submit(
            load_summary_settings, self.summary_page.set_config, self._summary_failed
        )
        self._worker.submit(
            load_retention_page, self.retention_page.set_data, self._retention_failed
        )
        self._worker.submit(load_settings, self._show, self._load_failed)

    def _summary_failed(self, exc: Exception) -> None:
        log.error("reading the summary settings failed: %s", type(exc).__name__)
        self.summary_page.setEnabled(False)

    def _retention_failed(self, exc: Exception) -> None:
        log.error("reading the retention rules failed: %s", type(exc).__name__)
        self.retention_page.setEnabled(False)

    def _show(self, stored: StoredSettings) -> None:
        self._stored = stored
        self.devices_page.set_values(stored.microphone, stored.output, stored.call_audio)
        self.language_page.set_language(stored.language)
        self.model_page.set_language(self.language_page.language)
        self.model_page.set_model(stored.model)
        self.name_page.set_user_name(stored.user_name)
        self.consent_page.set_preselect(stored.consent_preselect)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        log.error("reading the settings failed: %s", type(exc).__name__)
        self._show_message(
            self.tr("Minuta could not read your settings ({error}).").format(
                error=type(exc).__name__
            )
        )

    def values(self) -> StoredSettings:
        """What the dialog shows now."""
        return StoredSettings(
            microphone=self.devices_page.microphone,
            output=self.devices_page.output,
            call_audio=self.devices_page.call_audio,
            language=self.language_page.language,
            model=self.model_page.model,
            user_name=self.name_page.user_name,
            consent_preselect=self.consent_page.preselect,
        )

    def save(self) -> None:
        if self._stored is None or self._saving:
            return
        problem = self.summary_page.problem() if self.summary_page.loaded else None
        if problem:
            self._show_message(problem)
            self.show_section(Section.SUMMARIES)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        values, models_dir = self.values(), self._paths.models_dir
        summary = self.summary_page.values() if self.summary_page.loaded else None
        retention = self.retention_page.changed_settings()

        def write(store: Store | None) -> StoredSettings:
            saved = save_settings(store, values, models_dir)
            if summary is not None:
                save_summary_settings(store, summary)
            if retention is not None:
                save_retention(store, retention)
            return saved

        self._worker.submit(write, self._saved, self._save_failed)

    def _saved(self, values: StoredSettings) -> None:
        self._saving = False
        hotkey = self.hotkey_page.hotkey
        if hotkey != quick_record_hotkey(self._qsettings):
            set_quick_record_hotkey(self._qsettings, hotkey)
            self.hotkey_changed.emit(hotkey)
        self._stored = values
        self.saved.emit(values)
        self.accept()

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, StoreError | ModelError):
            log.error("saving the settings failed: %s", type(exc).__name__)
            self._show_message(str(exc))
        else:
            log.error("saving the settings failed", exc_info=exc)
            self._show_message(
                self.tr("Minuta could not save your settings ({error}).").format(
                    error=type(exc).__name__
                )
            )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def done(self, result: int) -> None:
        # A running test keeps a microphone open; a download would go on unseen.
        self.devices_page.stop_test()
        self.model_page.cancel_download()
        super().done(result)


__all__ = ["Section", "SettingsDialog"]
