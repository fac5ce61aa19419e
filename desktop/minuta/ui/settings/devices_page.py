"""Which microphone and which output to record, with a level test.

Used by the settings dialog and by the first-start setup. The device lists
arrive from a background thread (``devices_listed`` says when); a device that
was chosen before but is not connected now stays chosen, marked as such, so
plugging a headset in later needs no new visit here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minuta.audio.capture import AudioDevice, DeviceKind, DeviceList
from minuta.audio.levels import FLOOR_DBFS
from minuta.ui.background import when_done
from minuta.ui.dialogs.base import note_label
from minuta.ui.level_meter import FLOOR_DB, LevelMeter
from minuta.ui.settings.audio_probe import (
    BackendFactory,
    LevelProbe,
    default_backend,
    list_devices,
)


class DevicesPage(QWidget):
    devices_listed = Signal()

    def __init__(
        self, backend_factory: BackendFactory = default_backend, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = backend_factory
        self._wanted: dict[DeviceKind, str | None] = {
            DeviceKind.MICROPHONE: None,
            DeviceKind.OUTPUT: None,
        }
        self._listed: DeviceList | None = None

        self.microphone_combo = QComboBox()
        self.microphone_combo.setAccessibleName(self.tr("Microphone"))
        self.output_combo = QComboBox()
        self.output_combo.setAccessibleName(self.tr("Call audio from"))
        self.call_audio_check = QCheckBox(self.tr("Record the &call audio too"))
        self.call_audio_check.setAccessibleName(self.tr("Record the call audio too"))
        self.call_audio_check.setToolTip(
            self.tr(
                "What this computer plays: the other people in a Teams, Meet or Zoom call. "
                "Turn it off for meetings in a room."
            )
        )
        self.call_audio_check.setChecked(True)
        self.microphone_meter = LevelMeter(self.tr("Microphone level"))
        self.output_meter = LevelMeter(self.tr("Call audio level"))
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.setCheckable(True)
        self.test_button.setAccessibleName(self.tr("Test the devices"))
        self.test_button.setToolTip(
            self.tr("Speak, or play a sound: the bars show what Minuta hears (Alt+T)")
        )
        self.status = note_label(self.tr("Looking for devices…"))
        self.status.setObjectName("devicesStatus")

        form = QFormLayout()
        form.addRow(self.tr("&Microphone:"), self.microphone_combo)
        form.addRow("", self.microphone_meter)
        form.addRow("", self.call_audio_check)
        form.addRow(self.tr("Call audio &from:"), self.output_combo)
        form.addRow("", self.output_meter)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self._probe = LevelProbe(backend_factory, self)
        self._probe.levels.connect(self._show_levels)
        self._probe.problem.connect(self._show_problem)
        self.test_button.toggled.connect(self._toggle_test)
        self.call_audio_check.toggled.connect(self._call_audio_toggled)
        self.microphone_combo.currentIndexChanged.connect(self._restart_test)
        self.output_combo.currentIndexChanged.connect(self._restart_test)
        self._fill(DeviceList())
        self.refresh()

    # --- values -------------------------------------------------------------------

    def set_values(self, microphone: str | None, output: str | None, call_audio: bool) -> None:
        self._wanted = {DeviceKind.MICROPHONE: microphone, DeviceKind.OUTPUT: output}
        self.call_audio_check.setChecked(call_audio)
        self._fill(self._listed or DeviceList())

    @property
    def microphone(self) -> str | None:
        return self._current(self.microphone_combo)

    @property
    def output(self) -> str | None:
        return self._current(self.output_combo)

    @property
    def call_audio(self) -> bool:
        return self.call_audio_check.isChecked()

    @staticmethod
    def _current(combo: QComboBox) -> str | None:
        value = combo.currentData()
        return str(value) if value else None

    # --- devices ------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the sound system for its devices again."""
        when_done(list_devices(self._factory), self, self._listed_now, self._listing_failed)

    def _listed_now(self, devices: DeviceList) -> None:
        # The combos hold the person's choice (or the stored one): keep it.
        self._wanted = {DeviceKind.MICROPHONE: self.microphone, DeviceKind.OUTPUT: self.output}
        self._listed = devices
        self._fill(devices)
        self.status.setText(devices.problem or "")
        self.status.setVisible(bool(devices.problem))
        self.devices_listed.emit()

    def _listing_failed(self, exc: BaseException) -> None:
        self._listed_now(DeviceList(problem=str(exc)))

    def _fill(self, devices: DeviceList) -> None:
        self._fill_combo(self.microphone_combo, devices.microphones, DeviceKind.MICROPHONE)
        self._fill_combo(self.output_combo, devices.outputs, DeviceKind.OUTPUT)
        self._call_audio_toggled(self.call_audio)

    def _fill_combo(
        self, combo: QComboBox, devices: tuple[AudioDevice, ...], kind: DeviceKind
    ) -> None:
        wanted = self._wanted[kind]
        combo.blockSignals(True)
        combo.clear()
        default = next((d.name for d in devices if d.is_default), None)
        if default:
            combo.addItem(self.tr("System default ({name})").format(name=default), None)
        else:
            combo.addItem(self.tr("System default"), None)
        for device in devices:
            combo.addItem(device.name, device.id)
        if wanted and combo.findData(wanted) < 0:
            # Chosen before, not plugged in now: kept, and used when it is back.
            combo.addItem(self.tr("Chosen device (not connected now)"), wanted)
        combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted else 0)
        combo.blockSignals(False)

    def _call_audio_toggled(self, on: bool) -> None:
        self.output_combo.setEnabled(on)
        self.output_meter.setEnabled(on)
        self._restart_test()

    # --- level test ---------------------------------------------------------------

    def _toggle_test(self, on: bool) -> None:
        if on:
            self.test_button.setText(self.tr("Stop &test"))
            self._start_test()
        else:
            self.test_button.setText(self.tr("&Test"))
            self._probe.stop()
            self.microphone_meter.set_level(FLOOR_DBFS)
            self.output_meter.set_level(FLOOR_DBFS)

    def _start_test(self) -> None:
        self.status.hide()
        wanted: list[tuple[DeviceKind, str | None]] = [(DeviceKind.MICROPHONE, self.microphone)]
        if self.call_audio:
            wanted.append((DeviceKind.OUTPUT, self.output))
        self._probe.start(wanted)

    def _restart_test(self) -> None:
        if self._probe.running:
            self._start_test()

    def stop_test(self) -> None:
        self.test_button.setChecked(False)

    def _show_levels(self, peaks: dict[DeviceKind, float]) -> None:
        self.microphone_meter.set_level(peaks.get(DeviceKind.MICROPHONE, FLOOR_DBFS))
        self.output_meter.set_level(peaks.get(DeviceKind.OUTPUT, FLOOR_DBFS))

    def _show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def hideEvent(self, event: QHideEvent) -> None:
        # A test left running would keep the microphone open for nothing.
        self.stop_test()
        super().hideEvent(event)

    def level(self, kind: DeviceKind) -> int:
        """The meter's value now (for tests and accessibility)."""
        meter = self.microphone_meter if kind is DeviceKind.MICROPHONE else self.output_meter
        return int(max(FLOOR_DB, min(0.0, meter.level_db)))
