"""Unlock with the recovery key when the keyring entry or passphrase is gone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from minuta.ui.dialogs.base import StartupDialog, monospace_font, note_label, text_label
from minuta.ui.dialogs.passphrase import NewPassphraseFields

RECOVERY_PLACEHOLDER = "ABCDE-FGHIJ-KLMNO-…"


class UnlockDialog(StartupDialog):
    """``submitted(recovery_text, new_passphrase)``; the passphrase is "" in keyring mode."""

    submitted = Signal(str, str)
    back_requested = Signal()

    def __init__(
        self,
        problem: str | None,
        *,
        needs_new_passphrase: bool,
        can_go_back: bool = False,
    ) -> None:
        super().__init__("Unlock with your recovery key")
        self.problem: QLabel | None = None
        if problem:
            # The store's own message: what happened, and that nothing was changed.
            self.problem = text_label(problem, selectable=True)
            self.add_widget(self.problem)
        elif needs_new_passphrase:
            self.add_widget(
                text_label(
                    "Forgot your passphrase? The recovery key opens your meetings, and you "
                    "choose a new passphrase to use from now on."
                )
            )
        self.add_widget(
            text_label(
                "Type the recovery key you wrote down when you set up Minuta. It is 45 "
                "letters and digits in groups of five; case and dashes do not matter."
            )
        )
        self.key_field = QLineEdit()
        self.key_field.setFont(monospace_font(1.15))
        self.key_field.setPlaceholderText(RECOVERY_PLACEHOLDER)
        self.key_field.setAccessibleName("Recovery key")
        self.add_widget(self.key_field, is_input=True)

        self.new_passphrase: NewPassphraseFields | None = None
        if needs_new_passphrase:
            self.add_widget(text_label("Then choose a new passphrase:"))
            self.new_passphrase = NewPassphraseFields()
            self.new_passphrase.changed.connect(self._refresh_enabled)
            self.add_widget(self.new_passphrase, is_input=True)
        else:
            self.add_widget(
                note_label(
                    "Minuta puts the key back in your keyring, so next time it opens "
                    "without the recovery key."
                )
            )

        if can_go_back:
            back = self.add_button("Back", QDialogButtonBox.ButtonRole.ResetRole)
            back.clicked.connect(self.back_requested)
        self.add_quit_button()
        self.unlock_button = self.add_button(
            "Unlock", QDialogButtonBox.ButtonRole.AcceptRole, default=True
        )
        self.unlock_button.clicked.connect(self._submit)
        self.key_field.textChanged.connect(self._refresh_enabled)
        self.key_field.returnPressed.connect(self._submit)
        self._refresh_enabled()

    def _ready(self) -> bool:
        if not self.key_field.text().strip():
            return False
        return self.new_passphrase is None or self.new_passphrase.problem() is None

    def _refresh_enabled(self) -> None:
        self.unlock_button.setEnabled(self._ready() and not self.is_busy)

    def _submit(self) -> None:
        if not self._ready() or self.is_busy:
            return
        passphrase = self.new_passphrase.passphrase() if self.new_passphrase else None
        self.submitted.emit(self.key_field.text(), passphrase or "")

    def recovery_failed(self, message: str) -> None:
        """The key was refused: say why, and let the person correct it."""
        self.set_busy(None)
        self.show_message(message)
        self.key_field.setFocus()
        self.key_field.selectAll()
