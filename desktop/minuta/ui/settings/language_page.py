"""The meeting language: detected, or one chosen from Whisper's languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from minuta.transcribe.catalogue import ModelError
from minuta.transcribe.languages import PREFERRED, WHISPER_LANGUAGES, normalise_language
from minuta.ui import meetings_model
from minuta.ui.dialogs.base import form_with_note

AUTO = "auto"
# As minuta.app.recording_transcription.MIXED (not imported: it loads the
# transcription stack): the meeting switches language, detected for every part.
MIXED = "mixed"


def language_name(code: str) -> str:
    """ "Danish (dansk)" for the languages Minuta's users speak most, "Basque" for others."""
    name = meetings_model.language_name(code)  # as the meetings list names it
    native = QLocale(code).nativeLanguageName()
    if code in PREFERRED and native and native.casefold() != name.casefold() and code != "en":
        return f"{name} ({native})"
    return name


def language_choices() -> list[tuple[str, str]]:
    """``(code, label)``: "detect" first, then the preferred languages, then the rest by name."""
    detect = QCoreApplication.translate("LanguagePage", "Detect automatically")
    mixed = QCoreApplication.translate("LanguagePage", "Several languages in one meeting")
    others = sorted(
        ((code, language_name(code)) for code in WHISPER_LANGUAGES if code not in PREFERRED),
        key=lambda item: item[1].casefold(),
    )
    preferred = [(code, language_name(code)) for code in PREFERRED]
    return [(AUTO, detect), (MIXED, mixed), *preferred, *others]


class LanguagePage(QWidget):
    """``language_changed(code)`` with a Whisper code or ``"auto"``."""

    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Meeting language"))
        self.combo.setMaxVisibleItems(16)
        choices = language_choices()
        for index, (code, label) in enumerate(choices):
            self.combo.addItem(label, code)
            if index in (1, len(PREFERRED) + 1):
                self.combo.insertSeparator(self.combo.count())
        form = QFormLayout()
        form.addRow(self.tr("Meetings are &in:"), self.combo)
        form_with_note(
            self,
            form,
            self.tr(
                "Choosing the language you usually meet in makes transcripts more accurate "
                "and lets Minuta suggest the best model for it. You can still change it "
                "for a single meeting."
            ),
        )
        self.combo.currentIndexChanged.connect(lambda _i: self.language_changed.emit(self.language))

    @property
    def language(self) -> str:
        return str(self.combo.currentData() or AUTO)

    def set_language(self, value: str | None) -> None:
        """A stored value: a code (or what people type for one), "auto" or "mixed"."""
        code = (value or AUTO).strip().lower()
        if code not in (AUTO, MIXED):
            try:
                code = normalise_language(code) or AUTO
            except ModelError:
                code = AUTO  # a setting from a newer version, say: detecting is safe
        index = self.combo.findData(code)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
