"""When the store cannot be created or opened: explain, and offer only safe ways on.

Nothing here ever offers to delete, reset or recreate data: the only choices
are to try again, to use a passphrase for a store not yet created, or to quit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox

from minuta.store.errors import InsecureKeyringError
from minuta.ui.dialogs.base import StartupDialog, note_label, text_label

KEYRING_ROLE = (
    "Minuta encrypts your meetings and normally keeps the key in this computer's "
    "keyring, so that you never have to type it."
)
INSECURE = (
    "The only keyring here keeps secrets without protection, so Minuta will not put the key there."
)
UNAVAILABLE = "The keyring could not be reached. It may be locked, or not running."
CHOICES = (
    "You can protect your meetings with a passphrase instead, and type it each time you "
    "open Minuta. Or start or unlock your keyring, then try again."
)


class KeyringProblemDialog(StartupDialog):
    """First start without a usable keyring: passphrase, try again, or quit."""

    passphrase_chosen = Signal()
    retry_requested = Signal()

    def __init__(self, error: Exception) -> None:
        insecure = isinstance(error, InsecureKeyringError)
        super().__init__(
            "Minuta can't use the keyring",
            f"{KEYRING_ROLE} {INSECURE if insecure else UNAVAILABLE}",
        )
        self.add_widget(text_label(CHOICES))
        self.add_widget(note_label(f"Details: {error}"))
        self.retry_button = self.add_button("Try again", QDialogButtonBox.ButtonRole.ResetRole)
        self.retry_button.clicked.connect(self.retry_requested)
        self.add_quit_button()
        self.passphrase_button = self.add_button(
            "Protect with a passphrase", QDialogButtonBox.ButtonRole.AcceptRole, default=True
        )
        self.passphrase_button.clicked.connect(self.passphrase_chosen)


class StoreErrorDialog(StartupDialog):
    """The store exists but cannot be opened: the message, and Quit (or Try again)."""

    retry_requested = Signal()

    def __init__(self, message: str, *, can_retry: bool = False) -> None:
        super().__init__("Minuta can't open your meetings")
        self.details = text_label(message, selectable=True)
        self.details.setObjectName("storeError")
        self.add_widget(self.details)
        if can_retry:
            next_step = "When that is done, choose Try again."
        else:
            next_step = "Quit Minuta, do what the message above says, then start Minuta again."
        self.add_widget(
            note_label(f"Minuta has not deleted or changed any of your files. {next_step}")
        )
        self.retry_button = None
        if can_retry:
            self.retry_button = self.add_button(
                "Try again", QDialogButtonBox.ButtonRole.AcceptRole, default=True
            )
            self.retry_button.clicked.connect(self.retry_requested)
        quit_button = self.add_quit_button()
        if not can_retry:
            quit_button.setDefault(True)
