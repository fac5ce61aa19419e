"""Find in the transcript: a field, next and previous, and a close button.

Enter finds the next line, Shift+Enter the previous one, Esc closes the bar.
The bar only asks; the view searches the model and says whether anything was found.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from minuta.ui.icons import icon


class FindBar(QWidget):
    find_requested = Signal(str, bool)  # text, backwards
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in transcript"))
        self.field.setAccessibleName(self.tr("Find in transcript"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.text, False))
        self.field.installEventFilter(self)
        self.previous_button = self._button(
            "go-up", self.tr("Previous"), self.tr("Previous match (Shift+Enter)")
        )
        self.previous_button.clicked.connect(lambda: self.find_requested.emit(self.text, True))
        self.next_button = self._button("go-down", self.tr("Next"), self.tr("Next match (Enter)"))
        self.next_button.clicked.connect(lambda: self.find_requested.emit(self.text, False))
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Find result"))
        self.close_button = self._button("window-close", self.tr("Close"), self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_bar)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.close_button)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)

    def _button(self, icon_name: str, text: str, tooltip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    @property
    def text(self) -> str:
        return self.field.text()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.status_label.clear()
        self.closed.emit()

    def set_found(self, found: bool) -> None:
        self.status_label.setText("" if found else self.tr("No matches"))

    def eventFilter(self, watched: object, event: object) -> bool:
        # Shift+Enter in the field: QLineEdit's returnPressed does not tell Shift apart.
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_requested.emit(self.text, True)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
