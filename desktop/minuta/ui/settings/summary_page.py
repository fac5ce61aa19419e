"""Summaries: which language model drafts them, and what each kind of meeting focuses on.

Only a language model on this computer is ever used: an address typed here is
checked (on a thread of its own: a name may need looking up) and refused when
it could reach another machine. "Find servers on this computer" asks the usual
local ports. Meeting types' names and instructions can be edited and reset to
the built-in ones. Read and written on the store's worker
(:func:`load_summary_settings`, :func:`save_summary_settings`), with the rest
of the settings on Save.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.store.store import Store, require_store
from minuta.summarize.templates import DEFAULT_TEMPLATE, TEMPLATES, Template
from minuta.ui.background import run_in_background, when_done
from minuta.ui.dialogs.base import note_label
from minuta.ui.settings.summary_templates import TemplatesEditor

if TYPE_CHECKING:
    from minuta.app.summaries import SummaryConfig
    from minuta.summarize.llm.detect import DetectedServer

log = logging.getLogger(__name__)

SERVER_BACKENDS = ("ollama", "openai-compatible")
CHECK_DELAY_MS = 400
_SERVER_ROLE = Qt.ItemDataRole.UserRole + 1  # the DetectedServer


@dataclass(frozen=True, slots=True)
class SummarySettings:
    backend: str = "auto"
    server_url: str | None = None
    model: str | None = None
    default_template: str = DEFAULT_TEMPLATE
    # Meeting types the user changed: their edit, or None for "back to built-in".
    templates: Mapping[str, Template | None] = field(default_factory=dict)


def load_summary_settings(store: Store | None) -> SummaryConfig:
    from minuta.app.summaries import load_config

    return load_config(require_store(store))


def save_summary_settings(store: Store | None, values: SummarySettings) -> None:
    from minuta.app.summaries import SummaryConfig, save_config, save_template

    store = require_store(store)
    save_config(
        store,
        SummaryConfig(
            backend=values.backend,
            server_url=values.server_url,
            model=values.model,
            default_template=values.default_template,
        ),
    )
    for key, template in values.templates.items():
        save_template(store, template, key)


def _is_loopback(url: str) -> bool:
    from minuta.summarize.llm.loopback import is_loopback_url

    return is_loopback_url(url)


def _detect() -> list[DetectedServer]:
    from minuta.summarize.llm.detect import detect_servers

    return detect_servers()


class SummaryPage(QWidget):
    servers_found = Signal(int)  # how many servers answered
    address_checked = Signal(bool)  # whether the address is on this computer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checked: dict[str, bool] = {}  # address -> on this computer
        self.loaded = False  # set_config was called: values() are the stored ones, edited
        # How servers are found: plain Python, run on a thread of its own.
        self.detect: Callable[[], list[DetectedServer]] = _detect
        self._build()
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_address)
        self._backend_changed()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.backend_combo = QComboBox()
        self.backend_combo.setAccessibleName(self.tr("Summaries are drafted by"))
        # The first choice is long; the combo must not widen the dialog for it.
        self.backend_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.backend_combo.setMinimumContentsLength(24)
        choices = [
            (
                self.tr("Automatic (a language model on this computer if one runs, else built-in)"),
                "auto",
            ),
            (self.tr("Built-in summariser"), "builtin"),
            ("Ollama", "ollama"),
            (self.tr("OpenAI-compatible server"), "openai-compatible"),
            (self.tr("llama.cpp in the app"), "llama-cpp"),
        ]
        for label, key in choices:
            self.backend_combo.addItem(label, key)
        self.backend_combo.currentIndexChanged.connect(lambda _i: self._backend_changed())
        self.address_field = QLineEdit()
        self.address_field.setAccessibleName(self.tr("Server address"))
        self.address_field.setPlaceholderText(self.tr("Usual address, e.g. http://127.0.0.1:11434"))
        self.address_field.textChanged.connect(lambda _t: self._address_typed())
        self.address_message = QLabel()
        self.address_message.setWordWrap(True)
        self.address_message.hide()
        self.model_field = QLineEdit()
        self.model_field.setAccessibleName(self.tr("Model name"))
        self.model_field.setPlaceholderText(self.tr("The server's first model"))
        self.browse_button = QPushButton(self.tr("Choose fi&le…"))
        self.browse_button.setAccessibleName(self.tr("Choose a model file"))
        self.browse_button.clicked.connect(self._browse)
        self._build_finder()
        self.default_combo = QComboBox()
        self.default_combo.setAccessibleName(self.tr("Default meeting type"))

        model_row = QHBoxLayout()
        model_row.setContentsMargins(0, 0, 0, 0)
        model_row.addWidget(self.model_field, 1)
        model_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Drafted &by:"), self.backend_combo)
        address_label = QLabel(self.tr("Server &address:"))
        address_label.setBuddy(self.address_field)
        form.addRow(address_label, self.address_field)
        form.addRow("", self.address_message)
        model_label = QLabel(self.tr("&Model:"))
        model_label.setBuddy(self.model_field)
        form.addRow(model_label, model_row)
        form.addRow("", self.find_button)
        form.addRow("", self.servers_message)
        form.addRow("", self.servers_list)
        form.addRow(self.tr("Default meeting &type:"), self.default_combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(
            note_label(
                self.tr(
                    "Minuta only uses a language model on this computer: the meeting never "
                    "leaves it. Without one, the built-in summariser drafts the summary."
                )
            )
        )
        self.templates = TemplatesEditor()
        self.templates.renamed.connect(self._renamed)
        layout.addWidget(self.templates)
        layout.addStretch(1)

    def _build_finder(self) -> None:
        self.find_button = QPushButton(self.tr("&Find servers on this computer"))
        self.find_button.setAccessibleName(self.tr("Find language-model servers on this computer"))
        self.find_button.clicked.connect(self.find_servers)
        self.servers_list = QListWidget()
        self.servers_list.setAccessibleName(self.tr("Servers found"))
        self.servers_list.setToolTip(self.tr("Choose a server to use it"))
        self.servers_list.itemActivated.connect(self._server_chosen)
        self.servers_list.itemClicked.connect(self._server_chosen)
        self.servers_list.setMaximumHeight(90)
        self.servers_list.hide()
        self.servers_message = QLabel()
        self.servers_message.setWordWrap(True)
        self.servers_message.hide()

    # --- values -------------------------------------------------------------------

    def set_config(self, config: SummaryConfig) -> None:
        """Show what the store holds."""
        self.loaded = True
        self._select(self.backend_combo, config.backend)
        self.address_field.setText(config.server_url or "")
        self.model_field.setText(config.model or "")
        self.templates.set_templates(config.templates or TEMPLATES, config.default_template)
        self.default_combo.clear()
        for key in config.templates or TEMPLATES:
            self.default_combo.addItem(self.templates.name_of(key), key)
        self._select(self.default_combo, config.default_template)
        self._backend_changed()

    def values(self) -> SummarySettings:
        backend = str(self.backend_combo.currentData() or "auto")
        model = self.model_field.text().strip() or None
        return SummarySettings(
            backend=backend,
            server_url=self.address_field.text().strip() or None,
            model=model,
            default_template=str(self.default_combo.currentData() or DEFAULT_TEMPLATE),
            templates=self.templates.changed(),
        )

    def problem(self) -> str | None:
        """Why the settings cannot be saved as they are, or None."""
        address = self.address_field.text().strip()
        if not address:
            return None
        verdict = self._checked.get(address)
        if verdict is None:
            self._check_address()
            return self.tr("Minuta is still checking the server address. Try again in a moment.")
        return None if verdict else self._refusal()

    # --- the language model -------------------------------------------------------

    def find_servers(self) -> None:
        self.find_button.setEnabled(False)
        self.servers_message.setText(self.tr("Looking for servers on this computer…"))
        self.servers_message.show()
        when_done(
            run_in_background(self.detect, "minuta-find-servers"),
            self,
            self._servers_found,
            self._servers_failed,
        )

    def _servers_found(self, servers: list[DetectedServer]) -> None:
        self.find_button.setEnabled(True)
        self.servers_list.clear()
        for server in servers:
            models = ", ".join(server.models) or self.tr("no models yet")
            text = f"{server.product} · {server.base_url} · {models}"
            if not server.ready:
                text += " " + self.tr("(still loading its model)")
            item = QListWidgetItem(text)
            item.setData(_SERVER_ROLE, server)
            self.servers_list.addItem(item)
        self.servers_list.setVisible(bool(servers))
        self.servers_message.setText(
            self.tr("Choose one to use it.")
            if servers
            else self.tr(
                "No language-model server answers on this computer. The built-in summariser "
                "works without one."
            )
        )
        self.servers_found.emit(len(servers))

    def _servers_failed(self, exc: BaseException) -> None:
        log.warning("finding servers failed: %s", type(exc).__name__)
        self.find_button.setEnabled(True)
        self.servers_message.setText(self.tr("Looking for servers did not work."))
        self.servers_found.emit(0)

    def _server_chosen(self, item: QListWidgetItem) -> None:
        server = item.data(_SERVER_ROLE)
        if server is None:
            return
        self._select(self.backend_combo, server.kind)
        self.address_field.setText(server.base_url)
        self.model_field.setText(server.models[0] if server.models else "")

    def _backend_changed(self) -> None:
        backend = self.backend_combo.currentData()
        self.backend_combo.setToolTip(self.backend_combo.currentText())
        self.address_field.setEnabled(backend in SERVER_BACKENDS)
        self.model_field.setEnabled(backend in (*SERVER_BACKENDS, "llama-cpp"))
        self.browse_button.setVisible(backend == "llama-cpp")
        self.model_field.setPlaceholderText(
            self.tr("A .gguf model file")
            if backend == "llama-cpp"
            else self.tr("The server's first model")
        )

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file"), "", self.tr("GGUF models (*.gguf)")
        )
        if path:
            self.model_field.setText(path)

    def _address_typed(self) -> None:
        self.address_message.hide()
        self._check_timer.start()

    def _check_address(self) -> None:
        self._check_timer.stop()
        address = self.address_field.text().strip()
        if not address or address in self._checked:
            self._show_verdict(address)
            return
        when_done(
            run_in_background(partial(_is_loopback, address), "minuta-check-address"),
            self,
            lambda ok: self._address_verdict(address, bool(ok)),
            lambda _exc: self._address_verdict(address, False),
        )

    def _address_verdict(self, address: str, ok: bool) -> None:
        self._checked[address] = ok
        if address == self.address_field.text().strip():
            self._show_verdict(address)
            self.address_checked.emit(ok)

    def _show_verdict(self, address: str) -> None:
        refused = bool(address) and self._checked.get(address) is False
        self.address_message.setText(self._refusal() if refused else "")
        self.address_message.setVisible(refused)

    def _refusal(self) -> str:
        return self.tr(
            "Minuta only uses a language model on this computer. Use an address such as "
            "http://127.0.0.1:11434."
        )

    def _renamed(self, key: str, name: str) -> None:
        index = self.default_combo.findData(key)
        if index >= 0:
            self.default_combo.setItemText(index, name)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
