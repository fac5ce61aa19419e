"""Recording a meeting through the recording view: real devices, store and model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minuta.app.recording_defaults import last_devices
from minuta.core.models import ChannelKind, Consent, MeetingState, Segment
from minuta.store.settings import Setting
from minuta.ui.level_meter import LevelMeter, fraction_for
from minuta.ui.recording.controller import RecorderState
from minuta.ui.recording.device_pickers import NO_CALL_AUDIO
from minuta.ui.recording.live_transcript import LiveTranscriptModel, LiveTranscriptView
from minuta.ui.recording.view import RecordingView, elapsed_text
from recording_support import (
    CALL_TEXT,
    call_speech,
    on_worker,
    play_in_background,
    tone,
)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("devices_restored")]


def show_view(qtbot, controller) -> RecordingView:
    view = RecordingView(controller)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    pickers = view.pickers
    qtbot.waitUntil(lambda: pickers.microphone_combo.findData("pulse:virtual_mic") >= 0)
    return view


def choose(combo, device_id: str) -> None:
    combo.setCurrentIndex(combo.findData(device_id))


@pytest.mark.model
def test_record_a_meeting_from_the_view(
    qtbot, make_controller, store_worker, pulse_server, speech, base_model
):
    controller = make_controller()
    view = show_view(qtbot, controller)
    assert view.pages.currentWidget() is view.idle_page
    choose(view.pickers.microphone_combo, "pulse:virtual_mic")
    choose(view.pickers.output_combo, "pulse:call")
    view.title_edit.setText("Nordlys pricing")
    # The app asks about consent, then starts; here the answer is given directly.
    asked: list[object] = []
    view.start_requested.connect(asked.append)
    view.start_requested.connect(
        lambda request: controller.start(replace(request, consent=Consent.INFORMED, language="en"))
    )
    with qtbot.waitSignal(controller.started, timeout=30_000) as started:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    meeting_id = started.args[0]
    assert asked[0].consent is Consent.UNKNOWN  # the view itself never answers for anyone
    assert view.pages.currentWidget() is view.live_page
    assert view.mic_meter.fraction == 0.0 and view.call_meter.fraction == 0.0

    # Sound on both channels: the meters move, a live line appears.
    mic = play_in_background(pulse_server, "mic_feed", tone(1.0))
    call = play_in_background(pulse_server, "call", call_speech(speech))
    qtbot.waitUntil(lambda: view.mic_meter.level_db > -30, timeout=10_000)
    qtbot.waitUntil(lambda: view.call_meter.level_db > -40, timeout=10_000)
    assert view.mic_meter.accessibleDescription() != "Silent"
    mic.join()
    call.join()
    qtbot.waitUntil(lambda: view.transcript_model.rowCount() > 0, timeout=60_000)
    line = view.transcript_model.line_text(0)
    assert line.startswith("[00:0") and "] them: " in line
    assert "report" in line.lower() or "denmark" in line.lower()
    qtbot.waitUntil(lambda: view.elapsed_label.text() != "0:00:00")

    # Pause and resume from the button.
    with qtbot.waitSignal(controller.state_changed, timeout=5_000):
        qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    assert controller.state is RecorderState.PAUSED
    assert view.pause_button.text() == "&Resume"
    paused_at = view.elapsed_label.text()
    with qtbot.waitSignal(controller.state_changed, timeout=5_000):
        qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    assert controller.state is RecorderState.RECORDING
    assert paused_at.startswith("0:00:")

    # A highlight with its shortcut, and notes typed as the meeting goes on.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.highlight_edit.setText("Price question")
    with qtbot.waitSignal(controller.highlighted, timeout=5_000) as marked:
        qtbot.keyClick(view.notes_edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert marked.args[1] == "Price question"
    assert "Highlight at" in view.highlight_note.text()
    qtbot.keyClicks(view.notes_edit, "Send the offer on Friday")

    with qtbot.waitSignal(controller.finished, timeout=60_000):
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.idle_page
    with qtbot.waitSignal(controller.final_pass_done, timeout=180_000):
        qtbot.waitUntil(view.final_box.isVisible, timeout=20_000)
    assert not view.final_box.isVisible()
    assert controller.state is RecorderState.IDLE

    def saved(store):
        return (
            store.meetings.get(meeting_id),
            store.meetings.segments(meeting_id),
            store.recordings.highlights(meeting_id),
            last_devices(store),
        )

    meeting, segments, highlights, devices = on_worker(qtbot, store_worker, saved)
    assert meeting.title == "Nordlys pricing"
    assert meeting.state is MeetingState.READY
    assert meeting.notes == "Send the offer on Friday"
    assert segments and "denmark" in " ".join(s.text for s in segments).lower()
    assert [h.label for h in highlights] == ["Price question"]
    assert (devices.microphone, devices.output, devices.call_audio) == (
        "pulse:virtual_mic",
        "pulse:call",
        True,
    )
    assert CALL_TEXT  # the words played were these


def test_pickers_offer_the_default_first_and_remember_the_last_choice(
    qtbot, make_controller, store_worker
):
    def remember(store):
        store.settings.set(Setting.RECORDING_MICROPHONE, "pulse:virtual_mic")
        store.settings.set(Setting.RECORDING_CALL_AUDIO, False)

    on_worker(qtbot, store_worker, remember)
    view = show_view(qtbot, make_controller())
    pickers = view.pickers
    microphones = [
        pickers.microphone_combo.itemText(i) for i in range(pickers.microphone_combo.count())
    ]
    assert microphones[0] == "Computer's default (VirtualMic)"
    assert "VirtualMic" in microphones[1:]
    outputs = [pickers.output_combo.itemData(i) for i in range(pickers.output_combo.count())]
    assert outputs[-1] == NO_CALL_AUDIO
    assert "pulse:call" in outputs
    # Remembered: this microphone, and an in-person meeting (no call audio).
    assert pickers.microphone == "pulse:virtual_mic"
    assert not pickers.call_audio
    request = view.request()
    assert (request.microphone, request.output, request.record_output) == (
        "pulse:virtual_mic",
        None,
        False,
    )
    assert request.consent is Consent.UNKNOWN

    # A choice made here survives a refresh of the lists.
    choose(pickers.output_combo, "pulse:call")
    with qtbot.waitSignal(view.controller.devices_listed):
        view.controller.refresh_devices()
    assert pickers.output == "pulse:call" and pickers.call_audio


def test_a_refused_start_is_shown_on_the_start_page(qtbot, make_controller):
    controller = make_controller()
    view = show_view(qtbot, controller)
    view.start_requested.connect(controller.start)  # no consent given
    with qtbot.waitSignal(controller.failed, timeout=10_000):
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert "tell everyone they are being recorded" in view.start_message.text()
    assert view.pages.currentWidget() is view.idle_page
    assert view.start_button.isEnabled()


def test_warnings_show_in_the_banner_newest_first_and_can_be_dismissed(qtbot, make_controller):
    controller = make_controller()
    view = show_view(qtbot, controller)
    assert not view.banner.isVisible()
    for text in ("First", "Second", "Third", "Fourth"):
        controller.warning.emit(text)
    assert view.banner.isVisible()
    assert view.banner.messages == ["Fourth", "Third", "Second"]
    qtbot.mouseClick(view.banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not view.banner.isVisible()
    assert view.banner.messages == []


def test_level_meter_reads_dbfs_and_falls_back_gently(qtbot):
    meter = LevelMeter("Microphone level")
    qtbot.addWidget(meter)
    assert meter.accessibleName() == "Microphone level"
    assert meter.accessibleDescription() == "Silent"
    assert fraction_for(-60.0) == 0.0 and fraction_for(0.0) == 1.0
    meter.set_level(-6.0)
    assert meter.fraction == pytest.approx(0.9)
    assert meter.accessibleDescription() == "Loud"
    meter.set_level(-100.0)
    assert 0.0 < meter.fraction < 0.9  # falls, not drops
    assert meter.accessibleDescription() == "Silent"
    meter.grab()  # paints without errors


def test_elapsed_time_reads_hours_minutes_seconds():
    assert elapsed_text(0) == "0:00:00"
    assert elapsed_text(61.9) == "0:01:01"
    assert elapsed_text(3725) == "1:02:05"


def test_call_meter_is_hidden_for_an_in_person_meeting(qtbot, make_controller):
    controller = make_controller(final_pass=False)
    view = show_view(qtbot, controller)
    choose(view.pickers.output_combo, NO_CALL_AUDIO)
    view.start_requested.connect(
        lambda request: controller.start(replace(request, consent=Consent.INTERNAL), live=False)
    )
    with qtbot.waitSignal(controller.started, timeout=20_000):
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert not view.call_meter.isVisible() and view.mic_meter.isVisible()
    heard: dict[ChannelKind, float] = {}
    controller.levels_changed.connect(heard.update)
    qtbot.waitUntil(lambda: ChannelKind.MICROPHONE in heard)
    assert ChannelKind.SYSTEM not in heard
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        view.stop_button.click()


def test_the_transcript_follows_new_lines_unless_scrolled_up(qtbot):
    model = LiveTranscriptModel()
    view = LiveTranscriptView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(320, 120)
    view.show()
    bar = view.verticalScrollBar()
    model.add_lines([spoken(float(i), f"Line number {i}.") for i in range(40)])
    assert bar.maximum() > 0 and view.at_bottom()

    bar.setValue(0)  # the user scrolls up to read
    before = bar.maximum()
    model.add_lines([spoken(100.0, "Something new.")])
    qtbot.waitUntil(lambda: bar.maximum() > before)  # the list has laid out the new line
    assert bar.value() == 0 and not view.following

    bar.setValue(bar.maximum())  # and back down: it follows again
    model.add_lines([spoken(101.0, "Newer still."), spoken(102.0, "And more.")])
    assert view.following and view.at_bottom()
    assert model.line_text(model.rowCount() - 1) == "[01:42] them: And more."


def spoken(start: float, text: str) -> Segment:
    return Segment(start=start, end=start + 1.0, text=text, channel=ChannelKind.SYSTEM)
