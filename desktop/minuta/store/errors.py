"""Errors of the store, each with a message a person can act on.

``str(error)`` is shown to the user as it is, so every message says what
happened, that nothing was changed, and what to do next. Messages never carry
keys, passphrases or meeting content.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: the store refused an operation and changed nothing."""


class NoStoreError(StoreError):
    def __init__(self, root: Path) -> None:
        super().__init__(
            f"There is no Minuta store in {root} yet. Start the app, or run `minuta init`, "
            "to create one."
        )


class StoreExistsError(StoreError):
    def __init__(self, root: Path, what: str) -> None:
        super().__init__(
            f"{root} already holds Minuta data ({what}). Minuta never creates a new store over "
            "existing files: open it, unlock it with `minuta unlock --recovery`, or choose "
            "another data folder."
        )


class ManifestMissingError(StoreError):
    def __init__(self, root: Path) -> None:
        super().__init__(
            f"The database in {root} exists but its key file store.json is missing. "
            "Nothing was changed. Restore store.json from your backup of this folder; "
            "Minuta will not create a new store over the existing database."
        )


class ManifestDamagedError(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The key file {path} is damaged ({reason}). Nothing was changed. "
            "Restore it from your backup of the data folder."
        )


class DatabaseMissingError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The database file {path} is missing, although this folder's key file says a "
            "store was created here. Nothing was changed. Restore minuta.db from your "
            "backup, or move the folder away to start a new store."
        )


class KeyringUnavailableError(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The system keyring could not be used: {reason}. Minuta keeps its database "
            "key there. Unlock or start your keyring (GNOME Keyring, KWallet, macOS "
            "Keychain, Windows Credential Manager) and try again, or use "
            "`minuta unlock --recovery`."
        )


class InsecureKeyringError(StoreError):
    def __init__(self, backend: str) -> None:
        super().__init__(
            f"The only keyring available here ({backend}) does not protect secrets, so "
            "Minuta will not keep its database key in it. Start a Secret Service keyring "
            "(GNOME Keyring or KWallet), or protect the store with a passphrase instead: "
            "`minuta init --passphrase`."
        )


class KeyMissingError(StoreError):
    def __init__(self, root: Path) -> None:
        super().__init__(
            f"The key for the Minuta store in {root} is not in your keyring. The database "
            "is still there and nothing was changed. Unlock it with the recovery key you "
            "wrote down when Minuta was set up: `minuta unlock --recovery` (or the Unlock "
            "button in the app)."
        )


class StoreNotReadyError(StoreError):
    def __init__(self, root: Path) -> None:
        super().__init__(
            f"The Minuta store in {root} is still being set up. Nothing was changed. "
            "Start the app, or run `minuta list`, to finish setting it up, then try again."
        )


class StoreBusyError(StoreError):
    """The store is open elsewhere, so it cannot be vacuumed and rekeyed now."""

    def __init__(self, root: Path, *, waiting_to_open: bool = False) -> None:
        if waiting_to_open:
            message = (
                f"The Minuta store in {root} is being cleaned up (vacuumed and given a new "
                "key) by another Minuta process, and that is taking long. Nothing was changed. "
                "Try again in a minute."
            )
        else:
            message = (
                f"The Minuta store in {root} is open in another Minuta window or command "
                "(or a transcription still running), so it cannot be vacuumed and given a new "
                "key now. Nothing was changed. Close the other one and try again."
            )
        super().__init__(message)


class RekeyCheckError(StoreError):
    """The re-encrypted copy a rekey made failed its checks; it was discarded."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Vacuuming the store stopped: {detail}. Nothing was changed; the store and its "
            "key are as they were. If this happens again, the database may be damaged: "
            "make a backup of the data folder."
        )


class RekeyPendingError(StoreNotReadyError):
    """A rekey was interrupted; only a full open (:func:`open_store`) finishes it."""

    def __init__(self, root: Path) -> None:
        StoreError.__init__(
            self,
            f"The Minuta store in {root} was interrupted while it was being given a new key. "
            "Nothing was changed. Start the app, or run `minuta list`, to finish that, then "
            "try again.",
        )


class WrongKeyError(StoreError):
    def __init__(self, detail: str = "") -> None:
        extra = f" {detail}" if detail else ""
        super().__init__(
            "This database is locked with a different key than the one Minuta was given."
            f"{extra} Nothing was changed. Unlock it with its recovery key: "
            "`minuta unlock --recovery`."
        )


class WrongPassphraseError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not unlock this store. Nothing was changed. Try again, "
            "or use your recovery key: `minuta unlock --recovery`."
        )


class PassphraseRequiredError(StoreError):
    def __init__(self) -> None:
        super().__init__("This store is protected by a passphrase; enter it to unlock.")


class InvalidRecoveryKeyError(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"That is not a valid recovery key: {reason}. A recovery key is 45 letters and "
            "digits in groups of five, like ABCDE-FGHIJ-…; check for typos."
        )


class WrongRecoveryKeyError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "That recovery key is well-formed but does not belong to this store. "
            "Nothing was changed."
        )


class DatabaseDamagedError(StoreError):
    def __init__(self, path: Path, page: int | None, detail: str) -> None:
        self.page = page
        where = f" at page {page}" if page is not None else ""
        super().__init__(
            f"The database file {path} is damaged{where} ({detail}). The key is correct and "
            "nothing was changed. Restore the data folder from a backup; keep the damaged "
            "copy until you have."
        )


class MeetingNotFoundError(StoreError):
    def __init__(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        super().__init__(f"There is no meeting #{meeting_id}. `minuta list` shows all meetings.")


class ContainerError(StoreError):
    """An encrypted audio file could not be read as written."""


class ContainerFormatError(ContainerError):
    pass


class ContainerTamperedError(ContainerError):
    pass
