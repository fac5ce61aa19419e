"""The recording view: choose devices and start; then levels, time, controls, notes, text.

Idle, it shows the device pickers, an optional title and a big "Start
recording" button. Starting is not done here: the button emits
``start_requested`` with the choices, the app asks about consent and then
calls :meth:`RecordingController.start`. While recording, it shows the two
level meters, the time, Pause/Resume, Highlight (Ctrl+H), Stop, the notes
(saved as you type) and the live transcript; warnings show in a banner above.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minuta.app.recording import RecordingRequest
from minuta.core.models import ChannelKind, Consent
from minuta.core.timecode import clock
from minuta.ui.dialogs.base import heading_label, monospace_font
from minuta.ui.icons import icon
from minuta.ui.level_meter import LevelMeter
from minuta.ui.recording.controller import RecorderState, RecordingController
from minuta.ui.recording.device_pickers import DevicePickers
from minuta.ui.recording.live_transcript import LiveTranscriptModel, LiveTranscriptView
from minuta.ui.recording.recording_tasks import DeviceChoices
from minuta.ui.recording.warning_banner import WarningBanner

ELAPSED_EVERY_MS = 250
HIGHLIGHT_SHORTCUT = "Ctrl+H"


def elapsed_text(seconds: float) -> str:
    """``h:mm:ss``: a meeting's length reads the same from the first second on."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class RecordingView(QWidget):
    start_requested = Signal(object)  # RecordingRequest, consent still to be asked

    def __init__(self, controller: RecordingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._final_meeting: int | None = None
        self.banner = WarningBanner()
        self.idle_page = self._make_idle_page()
        self.live_page = self._make_live_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.idle_page)
        self.pages.addWidget(self.live_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)

        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(ELAPSED_EVERY_MS)
        self._elapsed_timer.timeout.connect(self._show_elapsed)
        self.highlight_shortcut = QShortcut(QKeySequence(HIGHLIGHT_SHORTCUT), self)
        self.highlight_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.highlight_shortcut.activated.connect(self._highlight)

        controller.state_changed.connect(self._show_state)
        controller.levels_changed.connect(self._show_levels)
        controller.warning.connect(self.banner.add)
        controller.live_lines.connect(self.transcript_model.add_lines)
        controller.started.connect(self._started)
        controller.failed.connect(self._start_failed)
        controller.highlighted.connect(self._highlighted)
        controller.devices_listed.connect(self._devices_listed)
        controller.final_pass_progress.connect(self._final_progress)
        controller.final_pass_done.connect(self._final_ended)
        controller.final_pass_failed.connect(self._final_failed)
        controller.final_pass_cancelled.connect(self._final_ended)
        self._show_state(controller.state)
        controller.refresh_devices()

    # --- building -----------------------------------------------------------------

    def _make_idle_page(self) -> QWidget:
        page = QWidget()
        self.pickers = DevicePickers()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Optional, for example: Nordlys pricing"))
        self.title_edit.setAccessibleName(self.tr("Meeting title"))
        title_form = QFormLayout()
        title_form.setContentsMargins(0, 0, 0, 0)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title_edit)
        title_form.addRow(title_label, self.title_edit)

        self.start_button = QPushButton(icon("record"), self.tr("&Start recording"))
        self.start_button.setAccessibleName(self.tr("Start recording"))
        self.start_button.setToolTip(self.tr("Start recording this meeting (Alt+S)"))
        self.start_button.setMinimumHeight(56)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self._request_start)
        self.start_message = QLabel()
        self.start_message.setWordWrap(True)
        self.start_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.final_label = QLabel()
        self.final_bar = QProgressBar()
        self.final_bar.setRange(0, 100)
        self.final_bar.setAccessibleName(self.tr("Full transcript progress"))
        self.final_cancel = QPushButton(self.tr("Cance&l transcript"))
        self.final_cancel.setAccessibleName(self.tr("Cancel the full transcript"))
        self.final_cancel.setToolTip(
            self.tr("Stop making the full transcript; the live transcript is kept (Alt+L)")
        )
        self.final_cancel.clicked.connect(self._cancel_final)
        final_row = QHBoxLayout()
        final_row.addWidget(self.final_bar, 1)
        final_row.addWidget(self.final_cancel)
        self.final_box = QWidget()
        final_layout = QVBoxLayout(self.final_box)
        final_layout.setContentsMargins(0, 0, 0, 0)
        final_layout.addWidget(self.final_label)
        final_layout.addLayout(final_row)
        self.final_box.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Record a meeting")))
        layout.addWidget(self.pickers)
        layout.addLayout(title_form)
        layout.addSpacing(12)
        layout.addWidget(self.start_button)
        layout.addWidget(self.start_message)
        layout.addStretch(1)
        layout.addWidget(self.final_box)
        QWidget.setTabOrder(self.pickers.microphone_combo, self.pickers.output_combo)
        QWidget.setTabOrder(self.pickers.output_combo, self.title_edit)
        QWidget.setTabOrder(self.title_edit, self.start_button)
        return page

    def _make_live_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(self._make_live_header())
        layout.addLayout(self._make_controls())
        layout.addWidget(self.highlight_note)
        layout.addWidget(self._make_texts(), 1)
        for first, second in (
            (self.pause_button, self.highlight_button),
            (self.highlight_button, self.highlight_edit),
            (self.highlight_edit, self.stop_button),
            (self.stop_button, self.notes_edit),
            (self.notes_edit, self.transcript),
        ):
            QWidget.setTabOrder(first, second)
        return page

    def _make_live_header(self) -> QHBoxLayout:
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Recording status"))
        self.elapsed_label = QLabel(elapsed_text(0))
        self.elapsed_label.setFont(monospace_font(1.6))
        self.elapsed_label.setAccessibleName(self.tr("Recorded time"))
        self.mic_meter = LevelMeter(self.tr("Microphone level"))
        self.call_meter = LevelMeter(self.tr("Call audio level"))
        meters = QGridLayout()
        meters.addWidget(QLabel(self.tr("Microphone")), 0, 0)
        meters.addWidget(self.mic_meter, 0, 1)
        self.call_meter_label = QLabel(self.tr("Call audio"))
        meters.addWidget(self.call_meter_label, 1, 0)
        meters.addWidget(self.call_meter, 1, 1)
        top = QHBoxLayout()
        times = QVBoxLayout()
        times.addWidget(self.status_label)
        times.addWidget(self.elapsed_label)
        top.addLayout(times)
        top.addSpacing(24)
        top.addLayout(meters, 1)
        return top

    def _make_controls(self) -> QHBoxLayout:
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.pause_button.clicked.connect(self.controller.toggle_pause)
        self.highlight_button = QPushButton(icon("highlight"), self.tr("&Highlight"))
        self.highlight_button.setAccessibleName(self.tr("Highlight this moment"))
        self.highlight_button.setToolTip(
            self.tr("Mark this moment to find it later ({shortcut})").format(
                shortcut=HIGHLIGHT_SHORTCUT
            )
        )
        self.highlight_button.clicked.connect(self._highlight)
        self.highlight_edit = QLineEdit()
        self.highlight_edit.setPlaceholderText(self.tr("Highlight label (optional)"))
        self.highlight_edit.setAccessibleName(self.tr("Highlight label"))
        self.highlight_edit.returnPressed.connect(self._highlight)
        self.stop_button = QPushButton(icon("stop"), self.tr("S&top"))
        self.stop_button.setAccessibleName(self.tr("Stop recording"))
        self.stop_button.setToolTip(self.tr("Stop and save the recording (Alt+T)"))
        self.stop_button.clicked.connect(self.controller.stop)
        self.highlight_note = QLabel()
        controls = QHBoxLayout()
        for widget in (self.pause_button, self.highlight_button):
            controls.addWidget(widget)
        controls.addWidget(self.highlight_edit, 1)
        controls.addWidget(self.stop_button)
        return controls

    def _make_texts(self) -> QSplitter:
        self.transcript_model = LiveTranscriptModel(self)
        self.transcript = LiveTranscriptView()
        self.transcript.setModel(self.transcript_model)
        self.transcript.setAccessibleName(self.tr("Live transcript"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Your notes. They are saved as you type."))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._notes_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._titled(self.tr("Live transcript"), self.transcript))
        splitter.addWidget(self._titled(self.tr("&Notes"), self.notes_edit))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # --- idle -------------------------------------------------------------------------

    def request(self) -> RecordingRequest:
        """The choices made here, as a request (consent not asked yet)."""
        return RecordingRequest(
            title=self.title_edit.text().strip() or None,
            microphone=self.pickers.microphone,
            output=self.pickers.output if self.pickers.call_audio else None,
            record_output=self.pickers.call_audio,
            consent=Consent.UNKNOWN,
        )

    def _request_start(self) -> None:
        self.start_message.clear()
        self.start_requested.emit(self.request())

    def _devices_listed(self, choices: DeviceChoices) -> None:
        self.pickers.fill(choices)

    def _start_failed(self, message: str) -> None:
        self.start_message.setText(message)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.controller.recording:
            self.controller.refresh_devices()  # a headset plugged in meanwhile

    # --- recording ----------------------------------------------------------------

    def _started(self, meeting_id: int) -> None:
        self.transcript_model.clear()
        self.transcript_model.set_user_name(self.controller.user_name)
        self.notes_edit.blockSignals(True)
        self.notes_edit.clear()
        self.notes_edit.blockSignals(False)
        self.highlight_note.clear()
        self.mic_meter.reset()
        self.call_meter.reset()
        request = self.controller.request  # from the tray or a hotkey, not these pickers
        call = request.record_output if request is not None else self.pickers.call_audio
        self.call_meter.setVisible(call)
        self.call_meter_label.setVisible(call)
        self.title_edit.clear()

    def _show_state(self, state: RecorderState) -> None:
        live = state in (RecorderState.RECORDING, RecorderState.PAUSED, RecorderState.STOPPING)
        self.pages.setCurrentWidget(self.live_page if live else self.idle_page)
        self.start_button.setEnabled(state in (RecorderState.IDLE, RecorderState.PROCESSING))
        if state is RecorderState.STARTING:
            self.start_message.setText(self.tr("Starting…"))
        elif state is RecorderState.RECORDING:
            self.start_message.clear()
        controls = state in (RecorderState.RECORDING, RecorderState.PAUSED)
        for widget in (self.pause_button, self.highlight_button, self.stop_button):
            widget.setEnabled(controls)
        self.highlight_shortcut.setEnabled(controls)
        paused = state is RecorderState.PAUSED
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_button.setAccessibleName(
            self.tr("Resume recording") if paused else self.tr("Pause recording")
        )
        self.pause_button.setToolTip(
            self.tr("Record again (Alt+R)") if paused else self.tr("Pause the recording (Alt+P)")
        )
        self.status_label.setText(
            {
                RecorderState.RECORDING: self.tr("● Recording"),
                RecorderState.PAUSED: self.tr("Paused"),
                RecorderState.STOPPING: self.tr("Saving…"),
            }.get(state, "")
        )
        if live and state is not RecorderState.STOPPING:
            self._elapsed_timer.start()
        else:
            self._elapsed_timer.stop()
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        self.elapsed_label.setText(elapsed_text(self.controller.elapsed_s))

    def _show_levels(self, peaks: dict[ChannelKind, float]) -> None:
        if ChannelKind.MICROPHONE in peaks:
            self.mic_meter.set_level(peaks[ChannelKind.MICROPHONE])
        if ChannelKind.SYSTEM in peaks:
            self.call_meter.set_level(peaks[ChannelKind.SYSTEM])

    def _highlight(self) -> None:
        self.controller.highlight(self.highlight_edit.text().strip())
        self.highlight_edit.clear()

    def _highlighted(self, t_s: float, label: str) -> None:
        if label:
            text = self.tr("Highlight at {time}: {label}").format(time=clock(t_s), label=label)
        else:
            text = self.tr("Highlight at {time}").format(time=clock(t_s))
        self.highlight_note.setText(text)

    def _notes_changed(self) -> None:
        self.controller.set_notes(self.notes_edit.toPlainText())

    # --- the final pass -----------------------------------------------------------

    def _final_progress(self, meeting_id: int, fraction: float) -> None:
        self._final_meeting = meeting_id
        self.final_label.setText(self.tr("Making the full transcript of the last recording…"))
        self.final_bar.setValue(round(fraction * 100))
        self.final_box.show()

    def _final_ended(self, meeting_id: int) -> None:
        if meeting_id == self._final_meeting:
            self._final_meeting = None
            self.final_box.hide()

    def _final_failed(self, meeting_id: int, message: str) -> None:
        self._final_ended(meeting_id)
        self.banner.add(message)

    def _cancel_final(self) -> None:
        if self._final_meeting is not None:
            self.controller.cancel_final_pass(self._final_meeting)
