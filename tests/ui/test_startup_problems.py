"""Start-up when something is wrong: no safe keyring, or a store that cannot be opened."""

from __future__ import annotations

import pytest
from ui_support import (
    PASSPHRASE,
    confirm_recovery_key,
    create_store,
    open_directly,
    wait_for_dialog,
    wait_for_window,
)

from minuta.app.session import store_exists
from minuta.store.manifest import KeyMode, load_manifest
from minuta.ui.dialogs import (
    KeyringProblemDialog,
    NewPassphraseDialog,
    RecoveryKeyDialog,
    StoreErrorDialog,
)
from minuta.ui.startup import EXIT_NO_STORE, EXIT_OK

pytestmark = pytest.mark.gui


# --- no safe keyring ----------------------------------------------------------------


def test_without_a_safe_keyring_the_store_can_be_protected_by_a_passphrase(
    qtbot, make_app, app_paths, keyrings
):
    keyrings.use_null()
    app = make_app()
    problem = wait_for_dialog(qtbot, app, KeyringProblemDialog)
    assert not store_exists(app_paths)  # nothing was written
    assert problem.body is not None
    assert "without protection" in problem.body.text()

    problem.retry_button.click()
    qtbot.waitUntil(lambda: not problem.is_busy and problem.message.text() != "")
    assert app.startup.dialog is problem
    assert "still can't be used" in problem.message.text()

    problem.passphrase_button.click()
    choose = wait_for_dialog(qtbot, app, NewPassphraseDialog)
    choose.fields.first.setText("short")
    choose.fields.second.setText("short")
    assert not choose.create_button.isEnabled()
    assert "at least 8" in choose.fields.hint.text()
    choose.fields.first.setText(PASSPHRASE)
    choose.fields.second.setText(PASSPHRASE)
    choose.create_button.click()

    recovery = wait_for_dialog(qtbot, app, RecoveryKeyDialog)
    assert load_manifest(app_paths.store.manifest).key_mode is KeyMode.PASSPHRASE
    confirm_recovery_key(recovery)
    window = wait_for_window(qtbot, app)
    assert "passphrase" in window.key_label.text()
    app.shutdown()
    open_directly(app_paths, PASSPHRASE).close()


def test_back_from_choosing_a_passphrase(qtbot, make_app, keyrings):
    keyrings.use_null()
    app = make_app()
    wait_for_dialog(qtbot, app, KeyringProblemDialog).passphrase_button.click()
    wait_for_dialog(qtbot, app, NewPassphraseDialog).back_requested.emit()
    wait_for_dialog(qtbot, app, KeyringProblemDialog)


def test_quit_from_the_keyring_problem(qtbot, make_app, keyrings):
    keyrings.use_null()
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, KeyringProblemDialog)
    with qtbot.waitSignal(app.quit_requested) as quit_signal:
        dialog.reject()
    assert quit_signal.args == [EXIT_OK]


def test_keyring_gone_for_an_existing_store_offers_try_again(qtbot, make_app, app_paths, keyrings):
    create_store(app_paths)
    keyrings.use_null()
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, StoreErrorDialog)
    assert dialog.retry_button is not None
    assert "does not protect secrets" in dialog.details.text()

    dialog.retry_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy and dialog.message.text() != "")
    assert app.startup.dialog is dialog  # still the same problem, said in place

    keyrings.use_real()
    dialog.retry_button.click()
    wait_for_window(qtbot, app)


# --- a store that cannot be opened -----------------------------------------------------


def test_damaged_key_file_is_explained_and_nothing_is_touched(qtbot, make_app, app_paths):
    create_store(app_paths)
    app_paths.store.manifest.write_text("{ not json")
    before = {p.name: p.read_bytes() for p in app_paths.data_dir.iterdir() if p.is_file()}

    app = make_app()
    dialog = wait_for_dialog(qtbot, app, StoreErrorDialog)
    assert "damaged" in dialog.details.text()
    assert dialog.retry_button is None
    buttons = [b.text() for b in dialog.buttons.buttons()]
    assert buttons == ["Quit"]
    with qtbot.waitSignal(app.quit_requested) as quit_signal:
        dialog.buttons.buttons()[0].click()
    assert quit_signal.args == [EXIT_NO_STORE]
    app.shutdown()

    after = {p.name: p.read_bytes() for p in app_paths.data_dir.iterdir() if p.is_file()}
    assert after == before


def test_database_without_key_file_is_never_replaced(qtbot, make_app, app_paths):
    create_store(app_paths)
    app_paths.store.manifest.unlink()
    app = make_app()
    dialog = wait_for_dialog(qtbot, app, StoreErrorDialog)
    assert "store.json is missing" in dialog.details.text()
    app.shutdown()
    assert not app_paths.store.manifest.exists()
    assert app_paths.store.database.exists()
