"""The first-start setup: devices, language and model, your name.

Shown once, after the store is ready, while ``Setting.SETUP_DONE`` is false
(:func:`check_setup_needed`). Finish stores everything on the store's worker
and marks the setup done; Cancel stores nothing, and the setup is offered
again next start. Minuta works either way: every step has a sensible default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget, QWizard, QWizardPage

from minuta.app.paths import AppPaths
from minuta.store.store import Store
from minuta.transcribe.recommend import MachineProfile
from minuta.ui.dialogs.base import note_label, text_label
from minuta.ui.settings.audio_probe import BackendFactory, default_backend
from minuta.ui.settings.devices_page import DevicesPage
from minuta.ui.settings.language_page import LanguagePage
from minuta.ui.settings.model_page import ModelPage
from minuta.ui.settings.personal_pages import NamePage
from minuta.ui.settings.values import StoredSettings, load_settings, save_settings, setup_done
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)


def check_setup_needed(worker: StoreWorker, on_needed: Callable[[], None]) -> None:
    """Call ``on_needed()`` on the GUI thread if the first-start setup was never finished."""

    def answered(done: bool) -> None:
        if not done:
            on_needed()

    def failed(exc: Exception) -> None:
        # The setup is a convenience: without an answer, it waits for the next start.
        log.warning("could not tell whether the setup was done: %s", type(exc).__name__)

    worker.submit(setup_done, answered, failed)


class Step(IntEnum):
    WELCOME = 0
    DEVICES = 1
    LANGUAGE_AND_MODEL = 2
    NAME = 3


def _page(title: str, subtitle: str, *widgets: QWidget) -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    if subtitle:
        page.setSubTitle(subtitle)
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    return page


class SetupWizard(QWizard):
    """``completed(StoredSettings)`` once Finish has stored everything."""

    completed = Signal(object)
    loaded = Signal()  # the stored values are shown

    def __init__(
        self,
        worker: StoreWorker,
        paths: AppPaths,
        *,
        backend_factory: BackendFactory = default_backend,
        machine: MachineProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up Minuta"))
        self.setMinimumSize(720, 520)
        self._worker = worker
        self._paths = paths
        self._stored = StoredSettings()
        self._saving = False

        self.devices = DevicesPage(backend_factory)
        self.language = LanguagePage()
        self.models = ModelPage(paths, machine)
        self.name = NamePage()
        self.language.language_changed.connect(self.models.set_language)
        # On one page with the model list, which takes the height that is left.
        self.language.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.message = text_label("", selectable=True)
        self.message.setObjectName("setupMessage")
        self.message.hide()

        welcome = text_label(
            self.tr(
                "Minuta records your meetings, writes down what was said, and keeps it all on "
                "this computer, encrypted. Nothing is sent anywhere unless you ask. The next "
                "steps take a minute; every one of them can be changed later in Settings."
            )
        )
        self.setPage(Step.WELCOME, _page(self.tr("Welcome to Minuta"), "", welcome))
        self.setPage(
            Step.DEVICES,
            _page(
                self.tr("Your microphone and the call"),
                self.tr("Choose what to record, then press Test and say something."),
                self.devices,
            ),
        )
        self.setPage(
            Step.LANGUAGE_AND_MODEL,
            _page(
                self.tr("Language and transcription"),
                self.tr(
                    "The built-in model works offline right away. A model suggested for your "
                    "language can be more accurate; downloading it is optional."
                ),
                self.language,
                self.models,
            ),
        )
        self.setPage(
            Step.NAME,
            _page(
                self.tr("Your name"),
                self.tr("Optional."),
                self.name,
                note_label(self.tr("Finish saves these choices.")),
                self.message,
            ),
        )
        self.setStartId(Step.WELCOME)
        self._worker.submit(load_settings, self._show, self._load_failed)

    # --- values -------------------------------------------------------------------

    def _show(self, stored: StoredSettings) -> None:
        self._stored = stored
        self.devices.set_values(stored.microphone, stored.output, stored.call_audio)
        self.language.set_language(stored.language)
        self.models.set_language(self.language.language)
        self.models.set_model(stored.model)
        self.name.set_user_name(stored.user_name)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        # The defaults are shown instead; Finish stores whatever is chosen.
        log.warning("reading the settings for the setup failed: %s", type(exc).__name__)

    def values(self) -> StoredSettings:
        return StoredSettings(
            microphone=self.devices.microphone,
            output=self.devices.output,
            call_audio=self.devices.call_audio,
            language=self.language.language,
            model=self.models.model,
            user_name=self.name.user_name,
            consent_preselect=self._stored.consent_preselect,  # not asked here: kept
        )

    # --- finishing ----------------------------------------------------------------

    def accept(self) -> None:
        """Finish: store everything and mark the setup done, then close."""
        if self._saving:
            return
        self._saving = True
        self._set_buttons_enabled(False)
        values, models_dir = self.values(), self._paths.models_dir

        def write(store: Store | None) -> StoredSettings:
            return save_settings(store, values, models_dir, setup_done=True)

        self._worker.submit(write, self._saved, self._save_failed)

    def _saved(self, values: StoredSettings) -> None:
        self._saving = False
        self._stop_work()
        super().accept()
        self.completed.emit(values)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self._set_buttons_enabled(True)
        log.error("saving the setup failed: %s", type(exc).__name__)
        self.message.setText(
            self.tr("Minuta could not save these choices: {error}").format(error=str(exc))
        )
        self.message.show()

    def reject(self) -> None:
        if self._saving:
            return
        self._stop_work()
        super().reject()

    def _stop_work(self) -> None:
        self.devices.stop_test()
        self.models.cancel_download()

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for which in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = self.button(which)
            if button is not None:
                button.setEnabled(enabled)
