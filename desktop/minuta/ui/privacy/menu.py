"""The main window's Privacy menu: a person's data, the audit log, what left this machine.

Each window is imported when its item is chosen, not when the app starts. A
window already open is brought to the front rather than opened twice.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from minuta.ui.store_worker import StoreWorker

DialogFactory = Callable[[StoreWorker, QWidget], QDialog]


def _person_dialog(worker: StoreWorker, parent: QWidget) -> QDialog:
    from minuta.ui.privacy.person_dialog import PersonDialog

    dialog: QDialog = PersonDialog(worker, parent)
    return dialog


def _audit_dialog(worker: StoreWorker, parent: QWidget) -> QDialog:
    from minuta.ui.privacy.audit_view import AuditDialog

    return AuditDialog(worker, parent)


def _left_machine_dialog(worker: StoreWorker, parent: QWidget) -> QDialog:
    from minuta.ui.privacy.left_machine import LeftMachineDialog

    return LeftMachineDialog(worker, parent)


class PrivacyMenu(QMenu):
    """ "&Privacy", with one item per privacy window; :attr:`dialogs` holds the open ones."""

    def __init__(self, window: QMainWindow, worker: StoreWorker) -> None:
        super().__init__(QCoreApplication.translate("PrivacyMenu", "&Privacy"), window)
        self._window = window
        self._worker = worker
        self.dialogs: dict[str, QDialog] = {}
        self.person_action = self._item(
            self.tr("A &Person's Data…"),
            self.tr("Find, export or erase what Minuta holds about one person"),
            "person",
            _person_dialog,
        )
        self.audit_action = self._item(
            self.tr("&Audit Log…"),
            self.tr("Everything that matters for privacy, and a check that nothing was changed"),
            "audit",
            _audit_dialog,
        )
        self.left_action = self._item(
            self.tr("&What Left This Machine…"),
            self.tr("Every push to a CRM and every export, with exactly what went"),
            "left",
            _left_machine_dialog,
        )

    def _item(self, text: str, tip: str, name: str, factory: DialogFactory) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: self.open_dialog(name, factory))
        self.addAction(action)
        return action

    def open_dialog(self, name: str, factory: DialogFactory) -> QDialog:
        dialog = self.dialogs.get(name)
        if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
            dialog = factory(self._worker, self._window)
            self.dialogs[name] = dialog
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return dialog


def add_privacy_menu(window: QMainWindow, worker: StoreWorker) -> PrivacyMenu:
    """Append the Privacy menu to ``window``'s menu bar."""
    menu = PrivacyMenu(window, worker)
    window.menuBar().addMenu(menu)
    return menu
