"""A calm banner above the recording with what went wrong, newest first.

It keeps the last few messages (a device lost and then back reads as a
story), and Dismiss clears them. Nothing here blocks the recording.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

KEPT = 3  # messages shown at once


class WarningBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages: list[str] = []
        self.setObjectName("recordingWarnings")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#recordingWarnings { background: rgba(224, 160, 48, 0.16);"
            " border: 1px solid rgba(224, 160, 48, 0.6); border-radius: 6px; }"
        )
        self.setAccessibleName(self.tr("Recording messages"))

        self.newest = QLabel()
        self.newest.setWordWrap(True)
        self.newest.setTextFormat(Qt.TextFormat.PlainText)
        font = self.newest.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.newest.setFont(font)
        self.earlier = QLabel()
        self.earlier.setWordWrap(True)
        self.earlier.setTextFormat(Qt.TextFormat.PlainText)
        self.earlier.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the messages"))
        self.dismiss_button.setToolTip(self.tr("Hide these messages (Alt+D)"))
        self.dismiss_button.clicked.connect(self.dismiss)

        texts = QVBoxLayout()
        texts.addWidget(self.newest)
        texts.addWidget(self.earlier)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def messages(self) -> list[str]:
        """What is shown, newest first."""
        return list(self._messages)

    def add(self, text: str) -> None:
        if not text:
            return
        if text in self._messages:
            self._messages.remove(text)  # said again: it moves to the top, once
        self._messages.insert(0, text)
        del self._messages[KEPT:]
        self._show()

    def dismiss(self) -> None:
        self._messages.clear()
        self.hide()

    def _show(self) -> None:
        self.newest.setText(self._messages[0])
        self.newest.setAccessibleName(self._messages[0])
        self.earlier.setText("\n".join(self._messages[1:]))
        self.earlier.setVisible(len(self._messages) > 1)
        self.show()
