"""The recorder's decisions, on a scripted backend in real time."""

from __future__ import annotations

import time

import pytest
from tests.recording.scripted_backend import MemoryJournal, MemorySink, ScriptedBackend

from minuta.audio.capture import DeviceKind
from minuta.audio.recorder import ChannelPlan, Limits, Recorder, StopReason
from minuta.core.models import ChannelKind

MIC, SYSTEM = ChannelKind.MICROPHONE, ChannelKind.SYSTEM


def make(backend, listener, *, limits=None, mic=None, output=True, sinks=None):
    plans = [ChannelPlan(MIC, DeviceKind.MICROPHONE, mic)]
    if output:
        plans.append(ChannelPlan(SYSTEM, DeviceKind.OUTPUT, None))
    sinks = sinks or {plan.kind: MemorySink() for plan in plans}
    journal = MemoryJournal()
    recorder = Recorder(
        backend, plans, sinks, journal, listener=listener, limits=limits or Limits()
    )
    return recorder, sinks, journal


def test_levels_are_reported_at_ten_hertz_or_more(listener):
    backend = ScriptedBackend()
    backend.script("s:mic-a").level = 0.5
    recorder, _, _ = make(backend, listener)
    recorder.start()
    listener.wait_delivering(MIC, SYSTEM)
    counted_from, start = listener.level_updates, time.monotonic()
    listener.wait_for("audio_started", SYSTEM)
    recorder.wait(1.0)  # one second of recording, as the experiment
    rate = (listener.level_updates - counted_from) / (time.monotonic() - start)
    recorder.stop()
    assert rate >= 10, rate


def test_a_device_that_goes_quiet_is_noticed_within_two_seconds(listener):
    backend = ScriptedBackend()
    recorder, _, _ = make(backend, listener, mic=backend.microphones[1])
    recorder.start()
    listener.wait_delivering(MIC)
    backend.script("s:mic-b").quiet = True  # PortAudio: no callback, no error
    backend.microphones = backend.microphones[:1]  # unplugged: gone from the list too
    went_quiet = recorder.elapsed_s
    lost = listener.wait_for("device_lost", MIC)
    assert lost.t_s - went_quiet <= 2.0
    # The chosen device is not back, so the system default takes over.
    back = listener.wait_for("device_reopened", MIC)
    assert back.detail["device"] == "Mic A"
    result = recorder.stop()
    assert abs(result.durations[MIC] - result.durations[SYSTEM]) < 0.1


def test_a_failing_read_is_noticed_at_once(listener):
    backend = ScriptedBackend()
    recorder, _, _ = make(backend, listener)
    recorder.start()
    listener.wait_delivering(MIC)
    failed_at = recorder.elapsed_s
    backend.streams[0].fail.set()
    lost = listener.wait_for("device_lost", MIC)
    assert lost.t_s - failed_at < 0.5
    recorder.stop()


def test_following_the_system_default(listener):
    backend = ScriptedBackend()
    recorder, _, _ = make(backend, listener)  # mic=None: follow the default
    recorder.start()
    listener.wait_delivering(MIC)
    backend.make_default("s:mic-b")
    switched = listener.wait_for("device_switched", MIC)
    assert switched.detail["device"] == "Mic B"
    recorder.stop()


def test_pause_is_left_out_and_highlights_are_timed(listener):
    backend = ScriptedBackend()
    recorder, _, journal = make(backend, listener, output=False)
    recorder.start()
    listener.wait_delivering(MIC)
    first = recorder.highlight("price agreed")
    recorder.pause()
    paused_at = time.monotonic()
    assert recorder.paused
    recorder.wait(0.6)  # the pause itself is the experiment
    recorder.resume()
    paused_for = time.monotonic() - paused_at
    second = recorder.highlight()
    assert second - first < 0.3  # the paused time does not count
    result = recorder.stop()
    wall = time.monotonic() - recorder._clock.start
    assert result.durations[MIC] == pytest.approx(wall - paused_for, abs=0.1)
    assert [h.label for h in result.highlights] == ["price agreed", ""]
    kinds = [e["kind"] for e in journal.events]
    assert kinds.index("paused") < kinds.index("resumed")
    assert journal.final is True


def test_maximum_length_stops_by_itself(listener):
    backend = ScriptedBackend()
    recorder, sinks, _ = make(backend, listener, limits=Limits(max_length_s=1.0))
    recorder.start()
    result = recorder.wait(10)
    assert result is not None and result.reason is StopReason.MAX_LENGTH
    assert result.durations[MIC] == pytest.approx(1.0, abs=0.1)
    assert all(sink.finished for sink in sinks.values())


def test_silent_microphone_and_long_silence_are_flagged(listener):
    backend = ScriptedBackend()  # every device delivers digital silence
    limits = Limits(mic_silence_warning_s=0.5, silence_prompt_s=0.8)
    recorder, _, _ = make(backend, listener, limits=limits)
    recorder.start()
    warned = listener.wait_for("mic_silent", MIC)
    prompted = listener.wait_for("silence_prompt")
    assert warned.t_s >= 0.4 and prompted.t_s >= 0.7
    assert not recorder.done  # a prompt, never a stop of its own accord
    recorder.stop()


def test_overflows_are_counted(listener):
    backend = ScriptedBackend()
    backend.script("s:mic-a").overflow_every = 5
    recorder, _, _ = make(backend, listener, output=False)
    recorder.start()
    listener.wait_for("overflow", MIC)
    result = recorder.stop()
    assert result.overflows[MIC] >= 1


def test_a_full_disk_stops_and_keeps_what_was_written(listener):
    backend = ScriptedBackend()
    sinks = {MIC: MemorySink(fail_after_s=0.8), SYSTEM: MemorySink()}
    recorder, _, journal = make(backend, listener, sinks=sinks)
    recorder.start()
    result = recorder.wait(10)
    assert result is not None and result.reason is StopReason.DISK_FULL
    assert result.error == "The disk is full."
    assert all(sink.aborted and not sink.finished for sink in sinks.values())
    assert journal.final is False
    assert result.durations[MIC] == pytest.approx(0.8, abs=0.1)
