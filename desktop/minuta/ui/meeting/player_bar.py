"""The player's controls: play/pause, the seek bar, the time, speed, "Skip silence".

Bound to an :class:`~minuta.ui.meeting.player.AudioPlayer`: it shows the
player's state and passes the user's choices on. Until the audio is loaded the
controls are shown but play is off, with a line saying why.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.app.playback import SPEEDS
from minuta.core.timecode import clock
from minuta.ui.icons import icon
from minuta.ui.meeting.player import AudioPlayer
from minuta.ui.meeting.seek_bar import SeekBar

_SPEED_KEY = "meeting_view/speed"
_SKIP_KEY = "meeting_view/skip_silence"


def _speed_label(speed: float) -> str:
    return f"{speed:g}×"


class PlayerBar(QWidget):
    def __init__(
        self, player: AudioPlayer, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.player = player
        self._settings = settings

        self.play_button = QPushButton(icon("play"), self.tr("&Play"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(player.toggle)

        self.seek_bar = SeekBar()
        self.seek_bar.seek_requested.connect(player.seek)

        self.time_label = QLabel()
        self.time_label.setAccessibleName(self.tr("Time"))
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.speed_combo = QComboBox()
        self.speed_combo.setAccessibleName(self.tr("Speed"))
        self.speed_combo.setToolTip(self.tr("Playback speed"))
        for speed in SPEEDS:
            self.speed_combo.addItem(_speed_label(speed), speed)
        speed_label = QLabel(self.tr("Sp&eed"))
        speed_label.setBuddy(self.speed_combo)

        self.skip_box = QCheckBox(self.tr("S&kip silence"))
        self.skip_box.setAccessibleName(self.tr("Skip silence"))
        self.skip_box.setToolTip(self.tr("Leave out pauses longer than a second"))

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Player status"))
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek_bar, 1)
        controls.addWidget(self.time_label)
        controls.addSpacing(12)
        controls.addWidget(speed_label)
        controls.addWidget(self.speed_combo)
        controls.addWidget(self.skip_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)

        self._restore_choices()
        self.speed_combo.currentIndexChanged.connect(self._speed_chosen)
        self.skip_box.toggled.connect(self._skip_chosen)
        player.position_changed.connect(self._show_position)
        player.state_changed.connect(self._show_state)
        player.error.connect(self.show_status)
        self._show_position(player.position_s)

    # --- from the view ------------------------------------------------------------

    def set_duration(self, duration_s: float) -> None:
        self.seek_bar.set_duration(duration_s)
        self._show_position(self.player.position_s)

    def set_marks(self, marks: Sequence[tuple[float, str]]) -> None:
        self.seek_bar.set_marks(marks)

    def set_audio_ready(self, ready: bool) -> None:
        self.play_button.setEnabled(ready)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # --- the player's side --------------------------------------------------------

    def _show_position(self, t_s: float) -> None:
        self.seek_bar.set_position(t_s)
        self.time_label.setText(f"{clock(t_s)} / {clock(self.seek_bar.duration_s)}")

    def _show_state(self, playing: bool) -> None:
        if playing:
            self.play_button.setIcon(icon("pause"))
            self.play_button.setText(self.tr("&Pause"))
            self.play_button.setAccessibleName(self.tr("Pause"))
        else:
            self.play_button.setIcon(icon("play"))
            self.play_button.setText(self.tr("&Play"))
            self.play_button.setAccessibleName(self.tr("Play"))

    # --- the user's choices, remembered for the next meeting ----------------------

    def _restore_choices(self) -> None:
        try:
            speed = float(self._settings.value(_SPEED_KEY, 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            speed = 1.0
        index = self.speed_combo.findData(speed if speed in SPEEDS else 1.0)
        self.speed_combo.setCurrentIndex(index)
        self.player.set_speed(SPEEDS[index])
        skip = str(self._settings.value(_SKIP_KEY, "false")).lower() == "true"
        self.skip_box.setChecked(skip)
        self.player.set_skip_silence(skip)

    def _speed_chosen(self, index: int) -> None:
        speed = float(self.speed_combo.itemData(index))
        self.player.set_speed(speed)
        self._settings.setValue(_SPEED_KEY, speed)

    def _skip_chosen(self, skip: bool) -> None:
        self.player.set_skip_silence(skip)
        self._settings.setValue(_SKIP_KEY, skip)
