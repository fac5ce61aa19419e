"""The selected line's words, each a link to its own moment.

Clicking a line plays it from its start; this lets the user start from any
word in it instead. Lines without word timings (corrected by hand, or from the
live pass) show nothing here.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from minuta.core.models import Segment


class WordStrip(QLabel):
    word_clicked = Signal(float)  # the word's start, meeting time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._starts: list[float] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Words of the selected line"))
        self.setToolTip(self.tr("Click a word to play from it"))
        self.linkActivated.connect(self._activated)
        self.hide()

    @property
    def starts(self) -> tuple[float, ...]:
        return tuple(self._starts)

    def set_segment(self, segment: Segment | None) -> None:
        words = [w for w in (segment.words if segment is not None else ()) if w.text.strip()]
        self._starts = [w.start for w in words]
        links = (
            f'<a href="{i}" style="text-decoration: none">{escape(w.text.strip())}</a>'
            for i, w in enumerate(words)
        )
        self.setText(" ".join(links))
        self.setVisible(bool(words))

    def _activated(self, href: str) -> None:
        try:
            start = self._starts[int(href)]
        except (ValueError, IndexError):
            return
        self.word_clicked.emit(start)
