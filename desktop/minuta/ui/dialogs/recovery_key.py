"""Shows a new recovery key, once, until the person says it is written down."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFrame, QLabel, QVBoxLayout

from minuta.ui.dialogs.base import StartupDialog, monospace_font, note_label, text_label

GROUPS_PER_LINE = 3

INTRO = (
    "Minuta encrypts your meetings on this computer. If the key in your keyring, or your "
    "passphrase, is ever lost, this recovery key is the only way back in. Nobody else, "
    "not even Minuta's makers, can open your meetings without it."
)
ADVICE = (
    "•  Write it on paper now and keep it somewhere safe, away from this computer.\n"
    "•  Do not save it in a file, a note or a photo on this computer.\n"
    "•  It is shown only this once."
)
CONFIRM = "I have written down my recovery key"


def key_lines(formatted: str) -> str:
    """``AAAAA-BBBBB-…`` in lines of three groups, easier to copy out by hand."""
    groups = formatted.split("-")
    lines = [
        "-".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


class RecoveryKeyDialog(StartupDialog):
    """Continue is enabled only once the checkbox is ticked; then ``confirmed``."""

    confirmed = Signal()

    def __init__(self, formatted_key: str) -> None:
        super().__init__("Write down your recovery key", INTRO)

        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setBackgroundRole(QPalette.ColorRole.Base)
        box.setAutoFillBackground(True)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(16, 14, 16, 14)
        self.key_label = QLabel(key_lines(formatted_key))
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setFont(monospace_font(1.9))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Selectable so it can be read back or copied by hand; never copied for the user.
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setAccessibleName("Recovery key")
        box_layout.addWidget(self.key_label)
        self.add_widget(box)

        self.add_widget(text_label(ADVICE))
        self.add_widget(
            note_label(
                "Letters and digits are easy to tell apart: the key never contains 0, 1, 8 or 9."
            )
        )

        self.checkbox = QCheckBox(CONFIRM)
        self.add_widget(self.checkbox, is_input=True)

        self.continue_button = self.add_button(
            "Continue", QDialogButtonBox.ButtonRole.AcceptRole, default=True
        )
        self.continue_button.clicked.connect(self._continue)
        self.checkbox.toggled.connect(self._refresh_enabled)
        self._refresh_enabled()

    def _refresh_enabled(self) -> None:
        self.continue_button.setEnabled(self.checkbox.isChecked() and not self.is_busy)

    def _continue(self) -> None:
        if self.checkbox.isChecked() and not self.is_busy:
            self.confirmed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would quit, and the key would have to be replaced next time:
        # leaving this dialog takes a deliberate click.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
