"""Your name in transcripts, and the consent answer to pre-select."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minuta.core.models import Consent
from minuta.ui.dialogs.base import form_with_note, note_label, text_label
from minuta.ui.settings.values import clean_name

NAME_MAX = 80


class NamePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("Optional"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setClearButtonEnabled(True)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form_with_note(
            self,
            form,
            self.tr(
                "Transcripts show it for what you say, instead of \u201cme\u201d. It stays "
                "in Minuta's encrypted store on this computer."
            ),
        )

    @property
    def user_name(self) -> str | None:
        return clean_name(self.name_edit.text())

    def set_user_name(self, name: str | None) -> None:
        self.name_edit.setText(name or "")


class ConsentPage(QWidget):
    """No pre-selected answer, "everyone informed", or "internal meeting"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_radio = QRadioButton(self.tr("&Nothing: I choose each time"))
        self.informed_radio = QRadioButton(self.tr("Everyone is &informed and agreed"))
        self.internal_radio = QRadioButton(self.tr("Internal &meeting"))
        self._group = QButtonGroup(self)
        self._choices: dict[Consent | None, QRadioButton] = {
            None: self.none_radio,
            Consent.INFORMED: self.informed_radio,
            Consent.INTERNAL: self.internal_radio,
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text_label(self.tr("Before each recording, pre-select this answer:")))
        for radio in self._choices.values():
            radio.setAccessibleName(radio.text().replace("&", ""))
            self._group.addButton(radio)
            layout.addWidget(radio)
        layout.addWidget(
            note_label(
                self.tr(
                    "Minuta still asks before every recording; a pre-selected answer only "
                    "makes it one press of Enter. Choose it only if it is nearly always true."
                )
            )
        )
        layout.addStretch(1)
        self.none_radio.setChecked(True)

    @property
    def preselect(self) -> Consent | None:
        for consent, radio in self._choices.items():
            if radio.isChecked():
                return consent
        return None

    def set_preselect(self, consent: Consent | None) -> None:
        self._choices.get(consent, self.none_radio).setChecked(True)
