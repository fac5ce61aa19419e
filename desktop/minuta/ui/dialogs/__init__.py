"""The dialogs of start-up: recovery key, passphrase, unlock, and problems."""

from minuta.ui.dialogs.base import StartupDialog
from minuta.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
from minuta.ui.dialogs.problems import KeyringProblemDialog, StoreErrorDialog
from minuta.ui.dialogs.recovery_key import RecoveryKeyDialog
from minuta.ui.dialogs.unlock import UnlockDialog

__all__ = [
    "KeyringProblemDialog",
    "NewPassphraseDialog",
    "PassphraseDialog",
    "RecoveryKeyDialog",
    "StartupDialog",
    "StoreErrorDialog",
    "UnlockDialog",
]
