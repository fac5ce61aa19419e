"""The rules for one kind of meeting, as the Retention settings page edits them:
what happens to its audio, to its transcript, and (always kept) to its summaries."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from minuta.core.retention import (
    DEFAULT_AUDIO_DAYS,
    MAX_DAYS,
    MAX_MONTHS,
    AudioRule,
    RetentionPolicy,
)

DEFAULT_MONTHS = 12


class PolicyEditor(QWidget):
    """The rules for one kind of meeting: what happens to its audio and its transcript."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep_audio_radio = QRadioButton(self.tr("&Keep it until I delete it"))
        self.days_radio = QRadioButton(self.tr("&Delete it this many days after the meeting:"))
        self.days_spin = self._spin(MAX_DAYS, self.tr("Days after the meeting"))
        self.push_radio = QRadioButton(self.tr("Delete it once the summary is sent to the &CRM"))
        self.push_days_box = QCheckBox(self.tr("…or this many days after the meeting, if soo&ner:"))
        self.push_days_spin = self._spin(MAX_DAYS, self.tr("Days after the meeting, at most"))
        self._audio = QButtonGroup(self)
        for radio in (self.keep_audio_radio, self.days_radio, self.push_radio):
            self._audio.addButton(radio)
        audio = QGroupBox(self.tr("Audio"))
        grid = QGridLayout(audio)
        grid.addWidget(self.keep_audio_radio, 0, 0, 1, 2)
        grid.addWidget(self.days_radio, 1, 0)
        grid.addWidget(self.days_spin, 1, 1)
        grid.addWidget(self.push_radio, 2, 0, 1, 2)
        grid.addWidget(self.push_days_box, 3, 0)
        grid.addWidget(self.push_days_spin, 3, 1)
        grid.setColumnStretch(2, 1)
        self.push_days_box.setStyleSheet("QCheckBox { margin-left: 20px; }")

        self.keep_transcript_radio = QRadioButton(self.tr("Kee&p it until I delete it"))
        self.months_radio = QRadioButton(self.tr("Delete it this many &months after the meeting:"))
        self.months_spin = self._spin(MAX_MONTHS, self.tr("Months after the meeting"))
        self._transcript = QButtonGroup(self)
        for radio in (self.keep_transcript_radio, self.months_radio):
            self._transcript.addButton(radio)
        transcript = QGroupBox(self.tr("Transcript"))
        grid = QGridLayout(transcript)
        grid.addWidget(self.keep_transcript_radio, 0, 0, 1, 2)
        grid.addWidget(self.months_radio, 1, 0)
        grid.addWidget(self.months_spin, 1, 1)
        grid.setColumnStretch(2, 1)

        self.summaries_label = QLabel(self.tr("Summaries: kept until you delete them."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(audio)
        layout.addWidget(transcript)
        layout.addWidget(self.summaries_label)

        for button in (*self._audio.buttons(), *self._transcript.buttons()):
            button.setAccessibleName(button.text().replace("&", ""))
            button.toggled.connect(self._edited)
        self.push_days_box.setAccessibleName(self.push_days_box.text().replace("&", ""))
        self.push_days_box.toggled.connect(self._edited)
        for spin in (self.days_spin, self.push_days_spin, self.months_spin):
            spin.valueChanged.connect(self._edited)
        self.set_policy(RetentionPolicy())

    @staticmethod
    def _spin(maximum: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, maximum)
        spin.setAccessibleName(name)
        return spin

    def policy(self) -> RetentionPolicy:
        """The rules as shown."""
        months = self.months_spin.value() if self.months_radio.isChecked() else None
        days: int | None
        if self.days_radio.isChecked():
            rule, days = AudioRule.DAYS_AFTER_MEETING, self.days_spin.value()
        elif self.push_radio.isChecked():
            rule = AudioRule.AFTER_PUSH
            days = self.push_days_spin.value() if self.push_days_box.isChecked() else None
        else:
            rule, days = AudioRule.KEEP, None
        return RetentionPolicy.from_rule(rule, days, transcript_months=months)

    def set_policy(self, policy: RetentionPolicy) -> None:
        """Show ``policy`` without reporting it as an edit."""
        widgets = (
            *self._audio.buttons(),
            *self._transcript.buttons(),
            self.push_days_box,
            self.days_spin,
            self.push_days_spin,
            self.months_spin,
        )
        for widget in widgets:
            widget.blockSignals(True)
        rule = policy.audio_rule
        {
            AudioRule.KEEP: self.keep_audio_radio,
            AudioRule.DAYS_AFTER_MEETING: self.days_radio,
            AudioRule.AFTER_PUSH: self.push_radio,
        }[rule].setChecked(True)
        days = policy.audio_days
        self.days_spin.setValue(days if days is not None else DEFAULT_AUDIO_DAYS)
        self.push_days_box.setChecked(rule is AudioRule.AFTER_PUSH and days is not None)
        self.push_days_spin.setValue(days if days is not None else DEFAULT_AUDIO_DAYS)
        months = policy.transcript_months
        (self.months_radio if months is not None else self.keep_transcript_radio).setChecked(True)
        self.months_spin.setValue(months if months is not None else DEFAULT_MONTHS)
        for widget in widgets:
            widget.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        self.days_spin.setEnabled(self.days_radio.isChecked())
        self.push_days_box.setEnabled(self.push_radio.isChecked())
        self.push_days_spin.setEnabled(
            self.push_radio.isChecked() and self.push_days_box.isChecked()
        )
        self.months_spin.setEnabled(self.months_radio.isChecked())

    def _edited(self, *_args: object) -> None:
        # A radio group reports the old button's toggle too: only the new state counts.
        self._enable()
        self.changed.emit()
