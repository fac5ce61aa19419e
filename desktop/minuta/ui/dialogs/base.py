"""What every start-up dialog shares: a heading, plain words, an inline message.

Start-up dialogs are opened with ``open()`` (never ``exec()``) and report what
the person chose through signals, so the start-up controller, and the tests,
drive them without nested event loops. Closing one of them means "quit":
nothing behind it can go on without an unlocked store.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.ui.theme import warning_colour

DIALOG_WIDTH = 560


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def text_label(text: str, *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        # Messages name folders and files; people copy them into a file manager.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def note_label(text: str) -> QLabel:
    """Secondary text: smaller and quieter than the explanation above it."""
    label = text_label(text, selectable=True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def form_with_note(page: QWidget, form: QFormLayout, note: str) -> QVBoxLayout:
    """Lay ``page`` out as a settings page: its form, a quiet note under it, space below."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(form)
    layout.addWidget(note_label(note))
    layout.addStretch(1)
    return layout


def monospace_font(scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * scale)
    return font


class StartupDialog(QDialog):
    """A heading, an explanation, the dialog's own fields, a message line, buttons."""

    quit_requested = Signal()

    def __init__(self, heading: str, body: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Minuta")
        self.setMinimumWidth(DIALOG_WIDTH)
        self._advancing = False
        self._is_busy = False
        self._inputs: list[QWidget] = []

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 24, 28, 20)
        self._layout.setSpacing(12)
        self.heading = heading_label(heading)
        self._layout.addWidget(self.heading)
        self.body: QLabel | None = None
        if body:
            self.body = text_label(body)
            self._layout.addWidget(self.body)

        # Filled by subclasses through add_widget()/add_layout().
        self._content = QVBoxLayout()
        self._content.setSpacing(10)
        self._layout.addLayout(self._content)

        self.message = text_label("", selectable=True)
        self.message.setObjectName("inlineMessage")
        self.message.setStyleSheet(f"color: {warning_colour(self.palette())};")
        self.message.hide()
        self._layout.addWidget(self.message)

        busy_row = QHBoxLayout()
        self.busy_label = QLabel()
        self._busy_bar = QProgressBar()
        self._busy_bar.setRange(0, 0)  # "working", without a fake percentage
        self._busy_bar.setTextVisible(False)
        self._busy_bar.setMaximumWidth(140)
        self._busy_bar.setMaximumHeight(8)
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self._busy_bar)
        busy_row.addStretch(1)
        self._busy = QWidget()
        self._busy.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self._busy.hide()
        self._layout.addWidget(self._busy)

        self._layout.addSpacing(4)
        self.buttons = QDialogButtonBox()
        self._layout.addWidget(self.buttons)

    # --- building -----------------------------------------------------------------

    def add_widget(self, widget: QWidget, *, is_input: bool = False) -> QWidget:
        self._content.addWidget(widget)
        if is_input:
            self._inputs.append(widget)
        return widget

    def add_button(
        self,
        text: str,
        role: QDialogButtonBox.ButtonRole,
        *,
        is_input: bool = True,
        default: bool = False,
    ) -> QPushButton:
        button = self.buttons.addButton(text, role)
        assert button is not None
        button.setAutoDefault(default)
        button.setDefault(default)
        if is_input:
            self._inputs.append(button)
        return button

    def add_quit_button(self) -> QPushButton:
        button = self.add_button("Quit", QDialogButtonBox.ButtonRole.RejectRole, is_input=False)
        button.clicked.connect(self.reject)
        return button

    # --- state --------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._refit()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()
        self._refit()

    def set_busy(self, text: str | None) -> None:
        """Show that work is under way (inputs off), or that it is over."""
        busy = text is not None
        self._is_busy = busy
        self.busy_label.setText(text or "")
        self._busy.setVisible(busy)
        for widget in self._inputs:
            widget.setEnabled(not busy)
        if busy:
            self.clear_message()
        else:
            self._refresh_enabled()
        self._refit()

    @property
    def is_busy(self) -> bool:
        return self._is_busy

    def _refresh_enabled(self) -> None:
        """Subclasses re-apply their own rules (a button that needs a checkbox)."""

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_height()
        super().showEvent(event)

    def fit_height(self) -> None:
        """As tall as the wrapped text needs at this width, and no taller.

        Qt sizes a dialog from its labels' unwrapped hints, which leaves gaps
        between wrapped paragraphs once the dialog has its real width.
        """
        width = max(self.width(), self.minimumWidth())
        height = self._layout.totalHeightForWidth(width)
        if height > 0:
            self.resize(width, height)

    def _refit(self) -> None:
        if self.isVisible():
            self._layout.activate()
            self.fit_height()

    def advance(self) -> None:
        """Close because the next step takes over (not because of "Quit")."""
        self._advancing = True
        self.accept()

    def reject(self) -> None:
        super().reject()
        if not self._advancing:
            self.quit_requested.emit()
