"""The draft's items, section by section, each a small card the user reviews.

A card shows an item's text, for an action item its owner and date (or a
"needs a date" badge), a warning when its quote was not found in the
transcript, a link that plays the moment it was said, an Approve box and an
Edit button. Cards are real widgets, so Tab reaches every box and button and a
screen reader names them; a summary has tens of items, not thousands.

The cards follow a :class:`SummaryItemsModel`: rebuilt when it is reset,
refreshed when an item changes. Approving goes straight to the model; editing
and playing come out as signals for the tab.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from minuta.core.summary import ItemKind, SummaryItem
from minuta.ui.meeting.summary.items_model import SummaryItemsModel
from minuta.ui.meeting.summary.texts import (
    SECTION_ORDER,
    evidence_label,
    section_title,
    unverified_tooltip,
)

WARNING_STYLE = "QLabel { color: palette(window); background: #b26a00; border-radius: 3px; }"
QUIET_STYLE = "QLabel { background: palette(midlight); border-radius: 3px; }"


def link_label(accessible_name: str) -> QLabel:
    """A label whose links the keyboard reaches too (Tab, then Enter)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(accessible_name)
    return label


def moment_link(t_s: float, text: str) -> str:
    return f'<a href="{t_s:.3f}">{escape(text)}</a>'


def badge(text: str, style: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(style)
    label.setContentsMargins(6, 1, 6, 1)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    label.setAccessibleName(text)
    return label


class ItemCard(QFrame):
    play_requested = Signal(float)
    edit_requested = Signal(int)  # row
    approve_toggled = Signal(int, bool)  # row, approved

    def __init__(self, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.needs_date_badge = badge(self.tr("Needs a date"), QUIET_STYLE)
        self.needs_date_badge.setToolTip(self.tr("No deadline was said. Edit to add one."))
        self.unverified_badge = badge(self.tr("Unverified"), WARNING_STYLE)
        self.unverified_badge.setToolTip(unverified_tooltip())
        self.evidence_label = link_label(self.tr("Play where this was said"))
        self.evidence_label.setToolTip(self.tr("Play the moment this was said"))
        self.evidence_label.linkActivated.connect(self._link)
        self.approve_box = QCheckBox(self.tr("Appro&ve"))
        self.approve_box.setAccessibleName(self.tr("Approve this item"))
        self.approve_box.toggled.connect(lambda on: self.approve_toggled.emit(self.row, on))
        self.edit_button = QPushButton(self.tr("Ed&it…"))
        self.edit_button.setAccessibleName(self.tr("Edit this item"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.row))

        badges = QHBoxLayout()
        badges.setContentsMargins(0, 0, 0, 0)
        badges.addWidget(self.needs_date_badge)
        badges.addWidget(self.unverified_badge)
        badges.addWidget(self.meta_label)
        badges.addStretch(1)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.approve_box)
        controls.addStretch(1)
        controls.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.text_label)
        layout.addLayout(badges)
        layout.addWidget(self.evidence_label)
        layout.addLayout(controls)

    def set_item(self, item: SummaryItem) -> None:
        self.text_label.setText(item.text)
        self.text_label.setAccessibleName(item.text)
        action = item.kind is ItemKind.ACTION_ITEM
        facts: list[str] = []
        if action:
            owner = item.owner or self.tr("no one yet")
            facts.append(self.tr("Owner: {name}").format(name=owner))
            if item.due_date is not None:
                due = QDate(item.due_date.year, item.due_date.month, item.due_date.day)
                # Weekday and month by name: "Fri 27 Nov 2026" cannot be misread.
                when = QLocale().toString(due, "ddd d MMM yyyy")
                facts.append(self.tr("Due {date}").format(date=when))
        self.meta_label.setText(" · ".join(facts))
        self.meta_label.setVisible(bool(facts))
        self.needs_date_badge.setVisible(item.needs_date)
        self.unverified_badge.setVisible(not item.verified)
        links = [
            moment_link(e.start_s, evidence_label(e))
            for e in item.evidence
            if e.verified and e.start_s is not None
        ]
        self.evidence_label.setText("<br>".join(links))
        self.evidence_label.setVisible(bool(links))
        self.approve_box.blockSignals(True)
        self.approve_box.setChecked(item.approved)
        self.approve_box.blockSignals(False)

    def _link(self, href: str) -> None:
        try:
            self.play_requested.emit(float(href))
        except ValueError:
            return


class ItemsView(QWidget):
    play_requested = Signal(float)
    edit_requested = Signal(int)  # row of the model

    def __init__(self, model: SummaryItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.cards: list[ItemCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        model.modelReset.connect(self.rebuild)
        model.dataChanged.connect(self._changed)
        self.rebuild()

    def rebuild(self) -> None:
        while self._layout.count():
            child = self._layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cards = []
        for kind in SECTION_ORDER:
            rows = self._model.rows_of(kind)
            if not rows:
                continue
            heading = QLabel(section_title(kind))
            font = heading.font()
            font.setWeight(QFont.Weight.DemiBold)
            heading.setFont(font)
            heading.setAccessibleName(section_title(kind))
            self._layout.addWidget(heading)
            for row in rows:
                card = ItemCard(row)
                card.set_item(self._model.item(row))
                card.play_requested.connect(self.play_requested)
                card.edit_requested.connect(self.edit_requested)
                card.approve_toggled.connect(self._model.set_approved)
                self._layout.addWidget(card)
                self.cards.append(card)
        self._order_tabs()

    def card(self, row: int) -> ItemCard:
        return next(card for card in self.cards if card.row == row)

    def _changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        for card in self.cards:
            if top.row() <= card.row <= bottom.row():
                card.set_item(self._model.item(card.row))

    def _order_tabs(self) -> None:
        # Card by card: its link, Approve, then Edit.
        chain: list[QWidget] = []
        for card in self.cards:
            chain += [card.evidence_label, card.approve_box, card.edit_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
