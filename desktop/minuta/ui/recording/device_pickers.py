"""Choosing the microphone and the call audio before a recording starts.

The computer's default comes first (it follows the system when the user
changes it there); then every device by name; for the call audio, last, the
choice to record the microphone only, for a meeting in a room. What was used
last time is pre-selected; a choice the user has made in this window is kept
when the lists are refreshed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from minuta.audio.capture import AudioDevice
from minuta.ui.recording.recording_tasks import DeviceChoices

NO_CALL_AUDIO = "\x00no-call-audio"  # the output picker's "microphone only" entry
_DEFAULT = ""  # the pickers' "computer's default" entry (the request gets None)


class DevicePickers(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filled = False
        self.microphone_combo = QComboBox()
        self.microphone_combo.setAccessibleName(self.tr("Microphone"))
        self.microphone_combo.setToolTip(self.tr("The microphone you speak into"))
        self.output_combo = QComboBox()
        self.output_combo.setAccessibleName(self.tr("Call audio"))
        self.output_combo.setToolTip(
            self.tr("What this computer plays: the other people in a Teams, Meet or Zoom call")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        microphone_label = QLabel(self.tr("&Microphone:"))
        microphone_label.setBuddy(self.microphone_combo)
        output_label = QLabel(self.tr("&Call audio:"))
        output_label.setBuddy(self.output_combo)
        form.addRow(microphone_label, self.microphone_combo)
        form.addRow(output_label, self.output_combo)
        form.addRow(self.note)
        self._placeholder()

    # --- what is chosen ---------------------------------------------------------------

    @property
    def microphone(self) -> str | None:
        """The chosen microphone's id; None: the computer's default."""
        return _id(self.microphone_combo.currentData())

    @property
    def output(self) -> str | None:
        """The chosen output's id; None: the default, or no call audio at all."""
        return _id(self.output_combo.currentData())

    @property
    def call_audio(self) -> bool:
        return bool(self.output_combo.currentData() != NO_CALL_AUDIO)

    def select(self, microphone: str | None, output: str | None, call_audio: bool) -> None:
        _select(self.microphone_combo, microphone or _DEFAULT)
        _select(self.output_combo, (output or _DEFAULT) if call_audio else NO_CALL_AUDIO)

    # --- filling --------------------------------------------------------------------

    def fill(self, choices: DeviceChoices) -> None:
        if self._filled:
            wanted = (self.microphone, self.output, self.call_audio)
        else:
            remembered = choices.remembered
            wanted = (remembered.microphone, remembered.output, remembered.call_audio)
        self._filled = True
        self._fill_combo(self.microphone_combo, choices.microphones)
        self._fill_combo(self.output_combo, choices.outputs)
        self.output_combo.addItem(
            self.tr("Don't record call audio (in-person meeting)"), NO_CALL_AUDIO
        )
        self.select(*wanted)
        self.note.setText(choices.problem)
        self.note.setVisible(bool(choices.problem))

    def _fill_combo(self, combo: QComboBox, devices: tuple[AudioDevice, ...]) -> None:
        combo.clear()
        default = next((d for d in devices if d.is_default), None)
        if default is not None:
            label = self.tr("Computer's default ({device})").format(device=default.name)
        else:
            label = self.tr("Computer's default")
        combo.addItem(label, _DEFAULT)
        for device in devices:
            combo.addItem(device.name, device.id)

    def _placeholder(self) -> None:
        for combo in (self.microphone_combo, self.output_combo):
            combo.addItem(self.tr("Computer's default"), _DEFAULT)


def _id(data: object) -> str | None:
    if not isinstance(data, str) or data in (_DEFAULT, NO_CALL_AUDIO):
        return None
    return data


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)
