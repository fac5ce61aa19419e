"""The top of the meeting view: back, the title (edited in place), find, export, delete;
and the final pass's progress while it runs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QWidget

from minuta.ui.dialogs.base import heading_label
from minuta.ui.icons import icon


class MeetingHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton(icon("back"), self.tr("&Meetings"))
        self.back_button.setToolTip(self.tr("Back to the meetings (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back to the meetings"))
        self.title_field = QLineEdit()
        self.title_field.setFont(heading_label("").font())
        self.title_field.setFrame(False)
        self.title_field.setAccessibleName(self.tr("Title"))
        self.title_field.setToolTip(self.tr("Click to change the title"))
        self.find_button = QPushButton(icon("search"), self.tr("Fi&nd"))
        self.find_button.setToolTip(self.tr("Find in the transcript (Ctrl+F)"))
        self.find_button.setAccessibleName(self.tr("Find in the transcript"))
        self.export_button = QPushButton(icon("export"), self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save a copy as a document or subtitles"))
        self.delete_button = QPushButton(icon("delete"), self.tr("&Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete meeting"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_button)
        layout.addWidget(self.title_field, 1)
        for button in (self.find_button, self.export_button, self.delete_button):
            layout.addWidget(button)
        QWidget.setTabOrder(self.back_button, self.title_field)
        QWidget.setTabOrder(self.title_field, self.find_button)
        QWidget.setTabOrder(self.find_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.delete_button)


class FinalPassBar(QWidget):
    """ "Improving the transcript…", a progress bar and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Improving the transcript…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Transcript progress"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel improving the transcript"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def set_progress(self, fraction: float | None) -> None:
        """0–1 while the pass runs; None hides the bar."""
        self.setVisible(fraction is not None)
        if fraction is not None:
            self.progress.setValue(round(min(1.0, max(0.0, fraction)) * 1000))
