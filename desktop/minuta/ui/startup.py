"""From launch to an unlocked store: create, open, unlock, and the recovery key.

:class:`StartupController` runs every store call on the :class:`StoreWorker`
and shows one dialog at a time (``controller.dialog``), opened with
``open()``; the dialogs' signals move the flow on. It ends with ``ready`` (the
store is open on the worker and its recovery key is acknowledged) or with
``quit_requested``.

The flow:

* no store: create one with its key in the keyring; if no safe keyring is
  usable, offer a passphrase instead (or quit);
* a store: open it (asking for the passphrase in passphrase mode); a missing or
  wrong keyring entry, or a forgotten passphrase, leads to the recovery key;
* a new store, or one whose recovery key was never confirmed (creation was
  interrupted), shows a recovery key until the person confirms it;
* anything else is explained, with Quit: nothing is ever deleted or recreated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from minuta.app.paths import AppPaths
from minuta.app.session import init_store, key_mode, open_app_store, recover_store, store_exists
from minuta.core.audit import AuditKind
from minuta.store.errors import (
    InsecureKeyringError,
    InvalidRecoveryKeyError,
    KeyMissingError,
    KeyringUnavailableError,
    StoreError,
    WrongKeyError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from minuta.store.manifest import KeyMode
from minuta.store.recovery import RecoveryKey
from minuta.store.store import Store, require_store
from minuta.ui.dialogs import (
    KeyringProblemDialog,
    NewPassphraseDialog,
    PassphraseDialog,
    RecoveryKeyDialog,
    StartupDialog,
    StoreErrorDialog,
    UnlockDialog,
)
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NO_STORE = 1

_KEYRING_ERRORS = (InsecureKeyringError, KeyringUnavailableError)


@dataclass(frozen=True, slots=True)
class StoreReady:
    """What the main window needs to know about the store it was given."""

    key_location: str


@dataclass(frozen=True, slots=True)
class _Probe:
    exists: bool
    mode: KeyMode | None


@dataclass(frozen=True, slots=True)
class _Opened:
    recovery: RecoveryKey | None  # to be shown now: a new store, or a pending one
    key_location: str


# --- on the worker thread ------------------------------------------------------------


def _probe(paths: AppPaths) -> _Probe:
    exists = store_exists(paths)
    return _Probe(exists, key_mode(paths) if exists else None)


def _settle(store: Store, recovery: RecoveryKey | None = None) -> tuple[Store, _Opened]:
    """Replace a recovery key that was never confirmed, so one can be shown now."""
    try:
        reason = "created"
        if recovery is None and store.recovery_key_pending:
            recovery = store.replace_recovery_key()
            reason = "replaced"
        if recovery is not None:  # it is shown next: every showing is in the audit log
            store.audit.add(
                AuditKind.RECOVERY_KEY_VIEWED, detail={"reason": reason, "shown_in": "app"}
            )
        return store, _Opened(recovery, store.key_location)
    except BaseException:
        store.close()
        raise


def _acknowledge(store: Store | None) -> None:
    require_store(store).acknowledge_recovery_key()


def unexpected_message(exc: Exception) -> str:
    return (
        f"Something unexpected went wrong ({type(exc).__name__}). Minuta has not deleted "
        "anything. Quit and start Minuta again; if this keeps happening, please report it."
    )


# --- on the GUI thread ---------------------------------------------------------------


class StartupController(QObject):
    ready = Signal(object)  # StoreReady
    quit_requested = Signal(int)  # exit status
    dialog_opened = Signal(object)  # each StartupDialog as it opens

    def __init__(self, paths: AppPaths, worker: StoreWorker, parent: QObject | None = None):
        super().__init__(parent)
        self._paths = paths
        self._worker = worker
        self._dialog: StartupDialog | None = None
        self._mode: KeyMode | None = None
        self._keyring_error: Exception | None = None

    @property
    def dialog(self) -> StartupDialog | None:
        """The dialog now open, for the person, and for tests to drive."""
        return self._dialog

    def start(self) -> None:
        paths = self._paths
        self._worker.submit(lambda _store: _probe(paths), self._probed, self._failed)

    def close(self) -> None:
        """Close any open dialog without asking to quit (the app is going away)."""
        self._replace_dialog(None)

    # --- steps --------------------------------------------------------------------

    def _probed(self, probe: _Probe) -> None:
        self._mode = probe.mode
        if not probe.exists:
            self._create(None)
        elif probe.mode is KeyMode.PASSPHRASE:
            self._ask_passphrase()
        else:
            self._open(None)

    def _create(self, passphrase: str | None) -> None:
        paths = self._paths
        self._set_busy("Setting up encryption…")

        def create() -> tuple[Store, _Opened]:
            return _settle(*init_store(paths, passphrase=passphrase))

        self._worker.open(create, self._opened, self._creation_failed)

    def _open(self, passphrase: str | None) -> None:
        paths = self._paths
        self._set_busy("Unlocking…")

        def open_() -> tuple[Store, _Opened]:
            secret = (lambda: passphrase) if passphrase is not None else None
            return _settle(open_app_store(paths, passphrase=secret))

        self._worker.open(open_, self._opened, self._open_failed)

    def _recover(self, text: str, new_passphrase: str) -> None:
        paths = self._paths
        self._set_busy("Unlocking…")

        def recover() -> tuple[Store, _Opened]:
            return _settle(recover_store(paths, text, new_passphrase=new_passphrase or None))

        self._worker.open(recover, self._opened, self._recovery_failed)

    def _opened(self, opened: _Opened) -> None:
        if opened.recovery is None:
            self._finish(opened.key_location)
            return
        dialog = RecoveryKeyDialog(opened.recovery.formatted())
        location = opened.key_location
        dialog.confirmed.connect(lambda: self._acknowledge(location))
        self._show(dialog)

    def _acknowledge(self, key_location: str) -> None:
        self._set_busy("Saving…")
        self._worker.submit(_acknowledge, lambda _: self._finish(key_location), self._failed)

    def _finish(self, key_location: str) -> None:
        self._replace_dialog(None)
        self.ready.emit(StoreReady(key_location))

    # --- dialogs ------------------------------------------------------------------

    def _ask_passphrase(self) -> None:
        dialog = PassphraseDialog()
        dialog.submitted.connect(self._open)
        dialog.recovery_requested.connect(lambda: self._ask_recovery(None, can_go_back=True))
        self._show(dialog)

    def _ask_recovery(self, problem: str | None, *, can_go_back: bool = False) -> None:
        dialog = UnlockDialog(
            problem,
            needs_new_passphrase=self._mode is KeyMode.PASSPHRASE,
            can_go_back=can_go_back,
        )
        dialog.submitted.connect(self._recover)
        dialog.back_requested.connect(self._ask_passphrase)
        self._show(dialog)

    def _offer_passphrase(self) -> None:
        error = self._keyring_error
        assert error is not None
        if isinstance(self._dialog, KeyringProblemDialog):
            # "Try again" did not help: say so where the person is looking.
            self._dialog.set_busy(None)
            self._dialog.show_message(
                "The keyring still can't be used. Start or unlock it and try again, or "
                "protect your meetings with a passphrase."
            )
            return
        dialog = KeyringProblemDialog(error)
        dialog.retry_requested.connect(lambda: self._create(None))
        dialog.passphrase_chosen.connect(self._choose_passphrase)
        self._show(dialog)

    def _choose_passphrase(self) -> None:
        dialog = NewPassphraseDialog()
        dialog.chosen.connect(self._create)
        dialog.back_requested.connect(self._offer_passphrase)
        self._show(dialog)

    def _show_error(self, message: str, *, retry: bool = False) -> None:
        current = self._dialog
        if isinstance(current, StoreErrorDialog) and (current.retry_button is not None) == retry:
            current.set_busy(None)
            current.details.setText(message)
            current.show_message("That did not work yet.")
            return
        dialog = StoreErrorDialog(message, can_retry=retry)
        if retry:
            dialog.retry_requested.connect(lambda: self._open(None))
        self._show(dialog, exit_status=EXIT_NO_STORE)

    def _show(self, dialog: StartupDialog, *, exit_status: int = EXIT_OK) -> None:
        dialog.quit_requested.connect(lambda: self.quit_requested.emit(exit_status))
        self._replace_dialog(dialog)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _replace_dialog(self, dialog: StartupDialog | None) -> None:
        old, self._dialog = self._dialog, dialog
        if old is not None:
            old.advance()
            old.deleteLater()

    def _set_busy(self, text: str) -> None:
        if self._dialog is not None:
            self._dialog.set_busy(text)

    # --- failures -----------------------------------------------------------------

    def _creation_failed(self, exc: Exception) -> None:
        if isinstance(exc, _KEYRING_ERRORS) and not isinstance(self._dialog, NewPassphraseDialog):
            log.warning("no usable keyring for a new store: %s", type(exc).__name__)
            self._keyring_error = exc
            self._offer_passphrase()
        else:
            self._failed(exc)

    def _open_failed(self, exc: Exception) -> None:
        log.warning("opening the store failed: %s", type(exc).__name__)
        if isinstance(exc, WrongPassphraseError) and isinstance(self._dialog, PassphraseDialog):
            self._dialog.wrong_passphrase()
        elif isinstance(exc, KeyMissingError | WrongKeyError):
            self._ask_recovery(str(exc))
        elif isinstance(exc, _KEYRING_ERRORS):
            self._show_error(str(exc), retry=True)
        else:
            self._failed(exc)

    def _recovery_failed(self, exc: Exception) -> None:
        log.warning("unlocking with the recovery key failed: %s", type(exc).__name__)
        recoverable = (InvalidRecoveryKeyError, WrongRecoveryKeyError, *_KEYRING_ERRORS)
        if isinstance(exc, recoverable) and isinstance(self._dialog, UnlockDialog):
            self._dialog.recovery_failed(str(exc))
        else:
            self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, StoreError):
            log.error("the store cannot be used: %s", type(exc).__name__)
            self._show_error(str(exc))
        else:
            log.error("unexpected failure during start-up", exc_info=exc)
            self._show_error(unexpected_message(exc))
