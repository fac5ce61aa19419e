"""Editing what each kind of meeting's summary focuses on: its name and instructions.

Edits are kept here until the settings are saved; :meth:`TemplatesEditor.changed`
then says which meeting types changed (their edit) and which went back to
the built-in template (None). The privacy rules are not part of what is
edited: :attr:`~minuta.summarize.templates.Template.instructions` always adds
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.summarize.templates import MAX_NAME_CHARS, TEMPLATES, Template
from minuta.ui.dialogs.base import note_label
from minuta.ui.meeting.summary.texts import template_name


class TemplatesEditor(QWidget):
    renamed = Signal(str, str)  # meeting type, the name to show for it now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: dict[str, Template] = {}  # as stored
        self._working: dict[str, Template] = {}  # with the edits made here
        self._shown: str | None = None

        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Meeting type to edit"))
        self.template_combo.currentIndexChanged.connect(lambda _i: self._chosen())
        self.name_field = QLineEdit()
        self.name_field.setAccessibleName(self.tr("Meeting type name"))
        self.name_field.setMaxLength(MAX_NAME_CHARS)
        self.instructions_field = QPlainTextEdit()
        self.instructions_field.setAccessibleName(self.tr("Instructions for the language model"))
        self.instructions_field.setTabChangesFocus(True)
        self.reset_button = QPushButton(self.tr("&Reset to built-in"))
        self.reset_button.setAccessibleName(self.tr("Reset this meeting type to the built-in one"))
        self.reset_button.clicked.connect(self.reset_template)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Edit meeting type:"), self.template_combo)
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Instructions:"), self.instructions_field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(
            note_label(
                self.tr(
                    "The instructions tell a language model what matters in this kind of "
                    "meeting. Rules that keep personal matters out always apply."
                )
            )
        )

    def set_templates(self, templates: Mapping[str, Template], current: str) -> None:
        """Show the stored templates, ``current`` first."""
        self._loaded = dict(templates)
        self._working = dict(templates)
        self._shown = None
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for key in self._loaded:
            self.template_combo.addItem(self.name_of(key), key)
        index = self.template_combo.findData(current)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.template_combo.blockSignals(False)
        self._chosen()

    def name_of(self, key: str) -> str:
        """The name to show: the user's own, or the built-in one in the UI's language."""
        template = self._working.get(key)
        if template is None:
            return template_name(key)
        return template_name(key, template.name, template.edited)

    def changed(self) -> dict[str, Template | None]:
        """Meeting types to store: the user's edit, or None for "as built in"."""
        self._keep_edit()
        return {
            key: None if template == TEMPLATES.get(key) else template
            for key, template in self._working.items()
            if template != self._loaded.get(key)
        }

    def reset_template(self) -> None:
        """Put the shown meeting type back to the built-in one (stored on Save)."""
        key = self._shown
        builtin = TEMPLATES.get(key) if key is not None else None
        if key is None or builtin is None:
            return
        self._working[key] = builtin
        self._shown = None
        self._rename(key)
        self._chosen()

    def _chosen(self) -> None:
        self._keep_edit()
        key = self.template_combo.currentData()
        template = self._working.get(key) if isinstance(key, str) else None
        self._shown = key if template is not None else None
        self.name_field.setText(self.name_of(key) if template is not None else "")
        self.instructions_field.setPlainText(template.focus if template is not None else "")
        self.reset_button.setEnabled(template is not None)

    def _keep_edit(self) -> None:
        """Take what the fields show into the working copy of the meeting type shown."""
        key = self._shown
        template = self._working.get(key) if key is not None else None
        if key is None or template is None:
            return
        name = " ".join(self.name_field.text().split())
        if not name or name == self.name_of(key):
            name = template.name  # unchanged (perhaps shown translated): keep the stored one
        focus = self.instructions_field.toPlainText().strip() or template.focus
        if (name, focus) == (template.name, template.focus):
            return
        builtin = TEMPLATES.get(key)
        edited = builtin is None or (name, focus) != (builtin.name, builtin.focus)
        self._working[key] = replace(template, name=name, focus=focus, edited=edited)
        self._rename(key)

    def _rename(self, key: str) -> None:
        index = self.template_combo.findData(key)
        if index >= 0:
            self.template_combo.setItemText(index, self.name_of(key))
        self.renamed.emit(key, self.name_of(key))
