"""Asking for a passphrase: a new one (twice), or the one that opens the store."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from minuta.ui.dialogs.base import StartupDialog, note_label

MIN_PASSPHRASE = 8  # as `minuta init --passphrase` asks


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(False)
    return field


class NewPassphraseFields(QWidget):
    """A passphrase and its repetition, with a hint that says what is missing."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.first = password_field(f"At least {MIN_PASSPHRASE} characters")
        self.second = password_field()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("New passphrase:", self.first)
        form.addRow("Repeat it:", self.second)
        self.hint = note_label("")
        form.addRow("", self.hint)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str | None:
        """What keeps these fields from being a usable passphrase, in plain words."""
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE:
            return f"Use at least {MIN_PASSPHRASE} characters."
        if first != second:
            return "Type the same passphrase in both fields."
        return None

    def passphrase(self) -> str | None:
        return None if self.problem() else self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        problem = self.problem()
        self.hint.setText(problem or "The two passphrases match.")
        self.changed.emit()


class NewPassphraseDialog(StartupDialog):
    """First start without a usable keyring: protect the store with a passphrase."""

    chosen = Signal(str)
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__(
            "Choose a passphrase",
            "You will type this passphrase each time you open Minuta. A few unrelated words "
            "are easy to remember and hard to guess.",
        )
        self.fields = NewPassphraseFields()
        self.add_widget(self.fields, is_input=True)
        self.add_widget(
            note_label(
                "If you forget it, only the recovery key you will see next can open your meetings."
            )
        )
        back = self.add_button("Back", QDialogButtonBox.ButtonRole.ResetRole)
        back.clicked.connect(self.back_requested)
        self.add_quit_button()
        self.create_button = self.add_button(
            "Protect with passphrase", QDialogButtonBox.ButtonRole.AcceptRole, default=True
        )
        self.create_button.clicked.connect(self._submit)
        self.fields.changed.connect(self._refresh_enabled)
        self.fields.second.returnPressed.connect(self._submit)
        self._refresh_enabled()

    def _refresh_enabled(self) -> None:
        self.create_button.setEnabled(self.fields.problem() is None and not self.is_busy)

    def _submit(self) -> None:
        passphrase = self.fields.passphrase()
        if passphrase is not None and not self.is_busy:
            self.chosen.emit(passphrase)


class PassphraseDialog(StartupDialog):
    """Unlock a passphrase-protected store, or switch to the recovery key."""

    submitted = Signal(str)
    recovery_requested = Signal()

    def __init__(self) -> None:
        super().__init__(
            "Enter your passphrase",
            "Your meetings are encrypted with a passphrase. Enter it to open them.",
        )
        self.field = password_field("Passphrase")
        self.field.setAccessibleName("Passphrase")
        self.add_widget(self.field, is_input=True)
        recovery = self.add_button(
            "Use recovery key instead", QDialogButtonBox.ButtonRole.ResetRole
        )
        recovery.clicked.connect(self.recovery_requested)
        self.add_quit_button()
        self.unlock_button = self.add_button(
            "Unlock", QDialogButtonBox.ButtonRole.AcceptRole, default=True
        )
        self.unlock_button.clicked.connect(self._submit)
        self.field.returnPressed.connect(self._submit)
        self.field.textChanged.connect(self._refresh_enabled)
        self._refresh_enabled()

    def _refresh_enabled(self) -> None:
        self.unlock_button.setEnabled(bool(self.field.text()) and not self.is_busy)

    def _submit(self) -> None:
        if self.field.text() and not self.is_busy:
            self.submitted.emit(self.field.text())

    def wrong_passphrase(self) -> None:
        self.set_busy(None)
        self.field.clear()
        self.field.setFocus()
        self.show_message(
            "That passphrase does not unlock your meetings. Check Caps Lock and try again, "
            "or use your recovery key."
        )
