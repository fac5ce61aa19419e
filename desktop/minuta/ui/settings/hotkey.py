"""The quick-record hotkey: a per-user preference with nothing personal in it.

So it is kept in ``QSettings`` (the platform's preferences), not in the
encrypted store: the hotkey must be known before the store is unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QWidget,
)

from minuta.ui.dialogs.base import form_with_note

HOTKEY_KEY = "hotkey/quick_record"
DEFAULT_HOTKEY = "Ctrl+Alt+R"


def quick_record_hotkey(settings: QSettings) -> str:
    """The hotkey in portable text ("Ctrl+Alt+R"); "" when the person turned it off."""
    value = settings.value(HOTKEY_KEY, DEFAULT_HOTKEY)
    return str(value) if value is not None else DEFAULT_HOTKEY


def set_quick_record_hotkey(settings: QSettings, value: str) -> None:
    settings.setValue(HOTKEY_KEY, value)
    settings.sync()


class HotkeyPage(QWidget):
    """One key combination; empty means no hotkey."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QKeySequenceEdit()
        self.edit.setMaximumSequenceLength(1)
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Quick record hotkey"))
        self.edit.setToolTip(self.tr("Click, then press the keys you want to use"))
        self.reset_button = QPushButton(self.tr("Use &default"))
        self.reset_button.setAccessibleName(self.tr("Use the default hotkey"))
        self.reset_button.setToolTip(
            self.tr("Back to {keys}").format(keys=self._shown(DEFAULT_HOTKEY))
        )
        self.reset_button.clicked.connect(lambda: self.set_hotkey(DEFAULT_HOTKEY))
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.reset_button)
        form = QFormLayout()
        form.addRow(self.tr("Start &recording:"), row)
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(self.edit)
        form_with_note(
            self,
            form,
            self.tr(
                "Works from any program while Minuta runs. Minuta still asks about consent "
                "before it records. Clear the field to turn the hotkey off."
            ),
        )
        self.edit.keySequenceChanged.connect(lambda _seq: self.changed.emit(self.hotkey))

    @staticmethod
    def _shown(portable: str) -> str:
        return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)

    @property
    def hotkey(self) -> str:
        return self.edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def set_hotkey(self, portable: str) -> None:
        self.edit.setKeySequence(QKeySequence(portable))
