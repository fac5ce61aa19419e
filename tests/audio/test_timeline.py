"""The recording clock: alignment under drift, jitter, bursts, stalls and pauses."""

from __future__ import annotations

import numpy as np
import pytest

from minuta.audio.capture import CapturedBlock
from minuta.audio.timeline import OUT_RATE, ChannelTimeline, RecordingClock

RATE = 48_000
BLOCK = 960  # 20 ms


def simulate(
    seconds: float,
    *,
    ppm: float = 0.0,
    jitter_s: float = 0.0,
    start_delay_s: float = 0.0,
    stall: tuple[float, float] | None = None,  # (at, length): input dropped
    burst: tuple[float, float] | None = None,  # (at, length): delivered late, nothing lost
    seed: int = 0,
    clock: RecordingClock | None = None,
) -> tuple[ChannelTimeline, np.ndarray]:
    """Feed a timeline blocks from a device whose clock runs ``ppm`` fast."""
    rng = np.random.default_rng(seed)
    clock = clock or RecordingClock(start=100.0)
    timeline = ChannelTimeline(clock)
    device_rate = RATE * (1 + ppm * 1e-6)  # samples per real second
    out = []
    produced = 0
    t_capture = clock.start + start_delay_s
    tone = np.sin(np.arange(BLOCK) * 2 * np.pi * 440 / RATE).astype(np.float32) * 0.1
    while t_capture < clock.start + seconds:
        t_capture += BLOCK / device_rate
        produced += BLOCK
        if stall and stall[0] <= t_capture - clock.start < stall[0] + stall[1]:
            continue  # dropped by the device: never delivered
        arrival = t_capture + abs(rng.normal(0, jitter_s)) if jitter_s else t_capture
        if burst and burst[0] <= t_capture - clock.start < burst[0] + burst[1]:
            arrival = clock.start + burst[0] + burst[1]  # held back, then all at once
        for piece in timeline.push(CapturedBlock(tone, RATE, end_time=arrival)):
            out.append(piece)
    return timeline, np.concatenate(out)


@pytest.mark.parametrize("ppm", [-300.0, -50.0, 0.0, 50.0, 300.0])
def test_ten_minutes_of_drifting_device_stay_within_half_a_percent(ppm):
    _, audio = simulate(600, ppm=ppm, jitter_s=0.004)
    duration = len(audio) / OUT_RATE
    assert abs(duration - 600) / 600 < 0.005, duration
    # ...and much better than that: within the correction's dead band.
    assert abs(duration - 600) < 0.06, duration


def test_two_devices_stay_aligned_with_each_other():
    clock = RecordingClock(start=100.0)
    _, audio_a = simulate(600, ppm=120, jitter_s=0.003, seed=1, clock=clock)
    _, audio_b = simulate(600, ppm=-80, jitter_s=0.006, seed=2, start_delay_s=0.8, clock=clock)
    assert abs(len(audio_a) - len(audio_b)) / OUT_RATE < 0.06


def test_late_start_is_filled_with_silence_not_reported_as_a_gap():
    timeline, audio = simulate(5, start_delay_s=1.3)
    first_sound = np.argmax(np.abs(audio) > 0.01) / OUT_RATE
    assert first_sound == pytest.approx(1.3, abs=0.03)
    assert timeline.gaps == []


def test_dropped_input_becomes_a_recorded_gap_and_alignment_holds():
    timeline, audio = simulate(30, stall=(10.0, 1.0))
    assert len(timeline.gaps) == 1
    assert timeline.gaps[0].length_s == pytest.approx(1.0, abs=0.05)
    assert len(audio) / OUT_RATE == pytest.approx(30, abs=0.05)


def test_late_delivery_loses_nothing_and_inserts_no_gap():
    timeline, audio = simulate(30, burst=(10.0, 0.8))
    assert timeline.gaps == []
    assert len(audio) / OUT_RATE == pytest.approx(30, abs=0.05)


def test_pause_removes_the_paused_time_from_the_recording():
    clock = RecordingClock(start=0.0)
    clock.pause(10.0)
    clock.resume(25.0)
    assert clock.seconds_at(30.0) == pytest.approx(15.0)
    clock.pause(40.0)
    assert clock.seconds_at(50.0) == pytest.approx(25.0)


def test_resampling_keeps_the_signal():
    clock = RecordingClock(start=0.0)
    timeline = ChannelTimeline(clock)
    t = np.arange(RATE * 2) / RATE
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    pieces = []
    for i in range(0, len(tone), BLOCK):
        pieces += timeline.push(CapturedBlock(tone[i : i + BLOCK], RATE, (i + BLOCK) / RATE))
    audio = np.concatenate(pieces)[OUT_RATE // 2 :]
    spectrum = np.abs(np.fft.rfft(audio))
    peak_hz = np.argmax(spectrum) * OUT_RATE / len(audio)
    assert peak_hz == pytest.approx(440, abs=2)
