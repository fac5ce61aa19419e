"""Start-up, as a person goes through it: real store, real keyring, offscreen Qt."""

from __future__ import annotations

import threading
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontInfo, QGuiApplication
from ui_support import (
    PASSPHRASE,
    add_meeting,
    confirm_recovery_key,
    create_store,
    forget_keyring_key,
    keyring_key,
    open_directly,
    shown_key,
    store_id,
    wait_for_dialog,
    wait_for_window,
)

from minuta.app.session import recover_store, store_exists
from minuta.store.errors import WrongRecoveryKeyError
from minuta.store.manifest import KeyMode, load_manifest
from minuta.store.recovery import RecoveryKey
from minuta.ui.dialogs import (
    PassphraseDialog,
    RecoveryKeyDialog,
    UnlockDialog,
)
from minuta.ui.startup import EXIT_OK

pytestmark = pytest.mark.gui


# --- first start ---------------------------------------------------------------------


def test_first_start_creates_the_store_and_shows_the_recovery_key(qtbot, make_app, app_paths):
    assert not store_exists(app_paths)
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, RecoveryKeyDialog)
    assert store_exists(app_paths)
    manifest = load_manifest(app_paths.store.manifest)
    assert manifest.key_mode is KeyMode.KEYRING
    assert not manifest.recovery_acknowledged
    assert app.window is None  # nothing else until the key is confirmed

    # The key is large, selectable and never put on the clipboard for the person.
    key_text = shown_key(dialog)
    assert len(key_text.split("\n")) == 3
    assert RecoveryKey.parse(key_text)
    assert dialog.key_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert QFontInfo(dialog.key_label.font()).fixedPitch()
    assert dialog.key_label.font().pointSizeF() > 1.5 * dialog.font().pointSizeF()
    assert QGuiApplication.clipboard().text() != key_text

    # Continue is disabled until the checkbox is ticked.
    assert not dialog.continue_button.isEnabled()
    dialog.continue_button.click()
    assert app.startup.dialog is dialog
    dialog.checkbox.setChecked(True)
    assert dialog.continue_button.isEnabled()
    dialog.checkbox.setChecked(False)
    assert not dialog.continue_button.isEnabled()

    confirm_recovery_key(dialog)
    window = wait_for_window(qtbot, app)
    assert app.startup.dialog is None
    assert window.pages.currentWidget() is window.empty_state
    assert load_manifest(app_paths.store.manifest).recovery_acknowledged

    # The shown key really unlocks the store, once the keyring has lost its entry.
    app.shutdown()
    forget_keyring_key(app_paths)
    store = recover_store(app_paths, key_text)
    store.close()
    assert keyring_key(app_paths) is not None


def test_escape_does_not_leave_the_recovery_key_dialog(qtbot, make_app):
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, RecoveryKeyDialog)
    with qtbot.assertNotEmitted(app.quit_requested):
        qtbot.keyClick(dialog, "\x1b")
    assert dialog.isVisible()


def test_closing_the_recovery_key_dialog_quits_and_the_next_start_shows_a_new_key(
    qtbot, make_app, app_paths
):
    first = make_app()
    dialog = wait_for_dialog(qtbot, first, RecoveryKeyDialog)
    old_key = shown_key(dialog)
    with qtbot.waitSignal(first.quit_requested) as quit_signal:
        dialog.close()
    assert quit_signal.args == [EXIT_OK]
    first.shutdown()

    second = make_app()
    dialog = wait_for_dialog(qtbot, second, RecoveryKeyDialog)
    new_key = shown_key(dialog)
    assert new_key != old_key
    confirm_recovery_key(dialog)
    wait_for_window(qtbot, second)
    second.shutdown()

    forget_keyring_key(app_paths)
    with pytest.raises(WrongRecoveryKeyError):
        recover_store(app_paths, old_key)
    recover_store(app_paths, new_key).close()


def test_a_store_whose_key_was_never_confirmed_gets_a_new_one(qtbot, make_app, app_paths):
    old_key = create_store(app_paths, acknowledge=False)
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, RecoveryKeyDialog)
    new_key = shown_key(dialog)
    assert RecoveryKey.parse(new_key) != RecoveryKey.parse(old_key)
    confirm_recovery_key(dialog)
    wait_for_window(qtbot, app)
    app.shutdown()
    assert load_manifest(app_paths.store.manifest).recovery_acknowledged


# --- second start --------------------------------------------------------------------


def test_second_start_opens_without_a_dialog_and_lists_meetings(qtbot, make_app, app_paths):
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        add_meeting(store, "Pipeline review", language="sv", duration_s=1800)
        add_meeting(store, "Customer call", language="da", duration_s=95)
    finally:
        store.close()

    app = make_app()
    opened: list[object] = []
    app.startup.dialog_opened.connect(opened.append)
    window = wait_for_window(qtbot, app)
    assert opened == []
    assert app.startup.dialog is None

    assert window.pages.currentWidget() is window.table
    titles = sorted(m.title for m in window.model.meetings)
    assert titles == ["Customer call", "Pipeline review"]
    assert window.model.rowCount() == 2
    assert window.count_label.text() == "2 meetings"
    assert "keyring" in window.key_label.text()
    assert "SecretService" in window.key_label.text()


def test_store_work_of_start_up_runs_on_the_worker_thread(qtbot, make_app, app_paths):
    create_store(app_paths, meetings=("Standup",))
    app = make_app()
    window = wait_for_window(qtbot, app)
    threads: list[int] = []
    # The connection refuses use from any thread but its opener's: this query
    # succeeding on the worker shows start-up opened the store there too.
    app.worker.submit(
        lambda store: (threads.append(threading.get_ident()), store.meetings.list())[1],
        threads.append,
    )
    qtbot.waitUntil(lambda: len(threads) == 2)
    assert threads[0] != threading.get_ident()
    assert window.model.rowCount() == 1


# --- keyring entry missing or wrong ----------------------------------------------------


def test_missing_keyring_entry_leads_to_unlock_and_the_recovery_key_unlocks(
    qtbot, make_app, app_paths
):
    key = create_store(app_paths, meetings=("Board meeting",))
    forget_keyring_key(app_paths)

    app = make_app()
    dialog = wait_for_dialog(qtbot, app, UnlockDialog)
    assert dialog.problem is not None
    assert "not in your keyring" in dialog.problem.text()
    assert dialog.new_passphrase is None
    assert not dialog.unlock_button.isEnabled()

    dialog.key_field.setText("ABCDE-FGHIJ")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog) and not dialog.is_busy)
    assert "not a valid recovery key" in dialog.message.text()

    dialog.key_field.setText(RecoveryKey.generate().formatted())
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "does not belong" in dialog.message.text())
    assert app.startup.dialog is dialog

    dialog.key_field.setText(key.lower().replace("-", " "))
    dialog.unlock_button.click()
    window = wait_for_window(qtbot, app)
    assert [m.title for m in window.model.meetings] == ["Board meeting"]
    assert keyring_key(app_paths) is not None  # put back for next time


def test_wrong_keyring_entry_leads_to_unlock(qtbot, make_app, app_paths):
    from minuta.store import keys
    from minuta.store.secret_store import system_keyring

    key = create_store(app_paths)
    account = keys.keyring_account(store_id(app_paths))
    system_keyring().set(account, "00" * 32)

    app = make_app()
    dialog = wait_for_dialog(qtbot, app, UnlockDialog)
    assert dialog.problem is not None
    assert "does not match" in dialog.problem.text()
    dialog.key_field.setText(key)
    qtbot.keyClick(dialog.key_field, "\r")
    wait_for_window(qtbot, app)
    assert keyring_key(app_paths) != "00" * 32


# --- passphrase ----------------------------------------------------------------------


def test_passphrase_store_asks_for_it_and_says_when_it_is_wrong(qtbot, make_app, app_paths):
    create_store(app_paths, passphrase=PASSPHRASE, meetings=("Retro",))
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, PassphraseDialog)
    assert not dialog.unlock_button.isEnabled()

    dialog.field.setText("not the passphrase")
    dialog.unlock_button.click()
    assert dialog.is_busy
    qtbot.waitUntil(lambda: not dialog.is_busy)
    assert "does not unlock" in dialog.message.text()
    assert dialog.field.text() == ""
    assert app.startup.dialog is dialog

    # While Argon2id runs on the worker, the GUI thread keeps handling events.
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(5)
    dialog.field.setText(PASSPHRASE)
    dialog.unlock_button.click()
    window = wait_for_window(qtbot, app)
    heartbeat.stop()
    assert len(ticks) >= 5
    assert max(b - a for a, b in pairwise(ticks)) < 0.25

    assert [m.title for m in window.model.meetings] == ["Retro"]
    assert window.key_label.text().endswith("unlocked with your passphrase")


def test_forgotten_passphrase_is_replaced_with_the_recovery_key(qtbot, make_app, app_paths):
    key = create_store(app_paths, passphrase=PASSPHRASE)
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, PassphraseDialog)
    dialog.recovery_requested.emit()
    unlock = wait_for_dialog(qtbot, app, UnlockDialog)
    assert unlock.new_passphrase is not None

    unlock.key_field.setText(key)
    unlock.new_passphrase.first.setText("a brand new passphrase")
    unlock.new_passphrase.second.setText("a different one")
    assert not unlock.unlock_button.isEnabled()
    unlock.new_passphrase.second.setText("a brand new passphrase")
    assert unlock.unlock_button.isEnabled()
    unlock.unlock_button.click()
    wait_for_window(qtbot, app)
    app.shutdown()

    open_directly(app_paths, "a brand new passphrase").close()


def test_back_from_recovery_to_the_passphrase(qtbot, make_app, app_paths):
    create_store(app_paths, passphrase=PASSPHRASE)
    app = make_app()
    wait_for_dialog(qtbot, app, PassphraseDialog).recovery_requested.emit()
    wait_for_dialog(qtbot, app, UnlockDialog).back_requested.emit()
    dialog = wait_for_dialog(qtbot, app, PassphraseDialog)
    dialog.field.setText(PASSPHRASE)
    qtbot.keyClick(dialog.field, "\r")
    wait_for_window(qtbot, app)
