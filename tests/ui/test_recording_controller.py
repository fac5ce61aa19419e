"""The recording controller on the real store, real PulseAudio devices and the real model."""

from __future__ import annotations

import time

import pytest

from minuta.app.consent import ConsentRequiredError
from minuta.app.recording import RecordingRequest
from minuta.app.recording_defaults import last_devices
from minuta.audio.recorder import Limits
from minuta.core.models import ChannelKind, Consent, MeetingState
from minuta.store.settings import Setting
from minuta.ui.recording.controller import RecorderState
from recording_support import (
    call_speech,
    on_worker,
    play_in_background,
    tone,
)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("devices_restored")]

BOTH = {"microphone": "pulse:virtual_mic", "output": "pulse:call"}


def _request(**changes) -> RecordingRequest:
    values = {"consent": Consent.INFORMED, "title": "Controller test", **BOTH}
    values.update(changes)
    return RecordingRequest(**values)


@pytest.mark.parametrize("consent", [Consent.UNKNOWN, Consent.DECLINED])
def test_without_consent_nothing_starts_and_the_rule_is_said(
    qtbot, make_controller, store_worker, consent
):
    controller = make_controller()
    states: list[RecorderState] = []
    controller.state_changed.connect(states.append)
    with qtbot.waitSignal(controller.failed, timeout=10_000) as failed:
        assert controller.start(_request(consent=consent))
    assert failed.args == [str(ConsentRequiredError(consent))]
    assert states == [RecorderState.STARTING, RecorderState.IDLE]
    assert controller.meeting_id is None
    assert on_worker(qtbot, store_worker, lambda store: store.meetings.list()) == []


def test_a_lost_microphone_is_told_in_plain_words(
    qtbot, make_controller, store_worker, pulse_server
):
    controller = make_controller(final_pass=False)
    warnings: list[str] = []
    controller.warning.connect(warnings.append)
    with qtbot.waitSignal(controller.started, timeout=20_000):
        controller.start(_request(), live=False)
    # Sound arrives from both devices before one is taken away.
    heard: dict[ChannelKind, float] = {}
    controller.levels_changed.connect(heard.update)
    play_in_background(pulse_server, "mic_feed", tone(0.5)).join()
    qtbot.waitUntil(lambda: heard.get(ChannelKind.MICROPHONE, -100) > -30, timeout=5_000)

    pulse_server.remove_virtual_mic()
    qtbot.waitUntil(lambda: any("stopped sending sound" in w for w in warnings), timeout=10_000)
    lost = next(w for w in warnings if "stopped sending sound" in w)
    assert lost.startswith("Your microphone (VirtualMic)")
    assert controller.state is RecorderState.RECORDING  # it goes on

    pulse_server.add_virtual_mic()
    qtbot.waitUntil(lambda: "Your microphone is back (VirtualMic)." in warnings, timeout=10_000)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as finished:
        controller.stop()
    meeting_id, message = finished.args
    assert message == ""
    assert controller.state is RecorderState.IDLE
    kinds = on_worker(
        qtbot, store_worker, lambda store: [e.kind for e in store.recordings.events(meeting_id)]
    )
    assert "device_lost" in kinds and "device_reopened" in kinds
    # Nothing technical reached the user.
    assert not any("pulse" in w.lower() or "errno" in w.lower() for w in warnings)


def test_devices_are_remembered_and_a_quick_start_uses_them(qtbot, make_controller, store_worker):
    controller = make_controller(final_pass=False)
    with qtbot.waitSignal(controller.started, timeout=20_000):
        controller.start(_request(record_output=False, output=None), live=False)
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        controller.stop()
    remembered = on_worker(qtbot, store_worker, last_devices)
    assert remembered.microphone == "pulse:virtual_mic"
    assert remembered.call_audio is False

    with qtbot.waitSignal(controller.started, timeout=20_000) as started:
        assert controller.start_quick(Consent.INTERNAL, title="Quick", live=False)
    assert controller.state is RecorderState.RECORDING
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        controller.stop()
    meeting_id = started.args[0]
    meeting, channels = on_worker(
        qtbot,
        store_worker,
        lambda store: (store.meetings.get(meeting_id), store.meetings.channel_ids(meeting_id)),
    )
    assert meeting.title == "Quick"
    assert meeting.consent == "internal"
    assert set(channels) == {ChannelKind.MICROPHONE}  # the remembered in-person choice


def test_the_final_pass_leaves_the_worker_free_and_notes_are_saved_meanwhile(
    qtbot, make_controller, store_worker, pulse_server, speech, base_model
):
    controller = make_controller()
    with qtbot.waitSignal(controller.started, timeout=20_000):
        controller.start(_request(language="en"), live=False)
    play_in_background(pulse_server, "call", call_speech(speech)).join()
    progress: list[float] = []
    controller.final_pass_progress.connect(lambda _id, fraction: progress.append(fraction))
    with qtbot.waitSignal(controller.finished, timeout=20_000) as finished:
        controller.stop()
    meeting_id = finished.args[0]
    assert controller.state is RecorderState.PROCESSING
    assert controller.final_passes == [meeting_id]
    qtbot.waitUntil(lambda: bool(progress), timeout=10_000)

    # The store's worker answers at once while the final pass works on its own
    # connection, and both write to the same database without "database is locked".
    asked = time.monotonic()
    on_worker(qtbot, store_worker, lambda store: store.meetings.list())
    assert time.monotonic() - asked < 1.0
    controller.set_notes("Send the Finland figures")
    controller.save_notes()
    notes = on_worker(qtbot, store_worker, lambda store: store.meetings.get(meeting_id).notes)
    assert notes == "Send the Finland figures"
    assert controller.final_passes == [meeting_id]  # still working meanwhile
    with qtbot.waitSignal(controller.final_pass_done, timeout=180_000):
        pass
    assert controller.state is RecorderState.IDLE
    meeting, segments = on_worker(
        qtbot,
        store_worker,
        lambda store: (store.meetings.get(meeting_id), store.meetings.segments(meeting_id)),
    )
    assert meeting.state is MeetingState.READY
    assert meeting.notes == "Send the Finland figures"
    assert "denmark" in " ".join(s.text for s in segments).lower()
    assert progress == sorted(progress)
    assert progress[-1] == 1.0


def test_a_cancelled_final_pass_keeps_the_recording_as_it_was(
    qtbot, make_controller, store_worker, pulse_server
):
    controller = make_controller()
    controller.finished.connect(lambda meeting_id, _: controller.cancel_final_pass(meeting_id))
    with qtbot.waitSignal(controller.started, timeout=20_000):
        controller.start(_request(), live=False)
    play_in_background(pulse_server, "mic_feed", tone(0.5)).join()
    with qtbot.waitSignal(controller.final_pass_cancelled, timeout=60_000) as cancelled:
        controller.stop()
    meeting_id = cancelled.args[0]
    assert controller.state is RecorderState.IDLE
    assert controller.final_passes == []
    meeting = on_worker(qtbot, store_worker, lambda store: store.meetings.get(meeting_id))
    assert meeting.state is MeetingState.PROCESSING  # saved, waiting for a transcript
    assert meeting.duration_s > 0


def test_the_user_name_comes_with_the_recording(qtbot, make_controller, store_worker):
    on_worker(qtbot, store_worker, lambda store: store.settings.set(Setting.USER_NAME, "Anna"))
    controller = make_controller(final_pass=False)
    with qtbot.waitSignal(controller.started, timeout=20_000):
        controller.start(_request(), live=False)
    assert controller.user_name == "Anna"
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        controller.stop()


def test_a_recording_that_ends_by_itself_is_saved_and_said(qtbot, make_controller, store_worker):
    controller = make_controller(final_pass=False)
    warnings: list[str] = []
    controller.warning.connect(warnings.append)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as finished:
        controller.start(_request(limits=Limits(max_length_s=1.0)), live=False)
    meeting_id, message = finished.args
    assert message.startswith("The recording reached its maximum length and was stopped at 00:0")
    assert "The recording reached its maximum length, so it stops now." in warnings
    assert controller.state is RecorderState.IDLE
    meeting = on_worker(qtbot, store_worker, lambda store: store.meetings.get(meeting_id))
    assert meeting.state is MeetingState.PROCESSING
    assert meeting.duration_s == pytest.approx(1.0, abs=0.3)


def test_quitting_while_recording_saves_the_recording(qtbot, make_controller, store_worker):
    controller = make_controller()
    with qtbot.waitSignal(controller.started, timeout=20_000) as started:
        controller.start(_request())  # with a live transcript, which must not hold it up
    meeting_id = started.args[0]
    controller.shutdown()
    assert not controller.start(_request())  # nothing new starts after that
    # The worker ran the queued stop before this question.
    meeting, files = on_worker(
        qtbot,
        store_worker,
        lambda store: (store.meetings.get(meeting_id), store.meetings.audio_files(meeting_id)),
        timeout=30_000,
    )
    assert meeting.state is MeetingState.PROCESSING  # saved; the final pass waits for later
    assert files and all(f.finalised for f in files)
