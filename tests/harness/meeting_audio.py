"""A meeting with real encrypted audio on two channels, a transcript and highlights."""

from __future__ import annotations

import numpy as np
from tests.harness.meetings import add_channel_audio, create_meeting

from minuta.core.models import ChannelKind, Highlight, MeetingSource, Segment, Word

RATE = 16_000
DURATION_S = 12.0
# (channel, start, end, text, tone in Hz): each line is a tone while it is "spoken".
LINES = (
    (ChannelKind.MICROPHONE, 1.0, 3.0, "Vi mødes på torsdag.", 440.0),
    (ChannelKind.SYSTEM, 6.0, 8.0, "Then we sign the purple elephant contract.", 880.0),
    (ChannelKind.MICROPHONE, 9.5, 11.0, "Tak for i dag.", 660.0),
)
HIGHLIGHT_S = 6.5


def tone(duration_s: float, lines: list[tuple[float, float, float]]) -> np.ndarray:
    signal = np.zeros(round(duration_s * RATE), dtype=np.float32)
    for start, end, hz in lines:
        first, last = round(start * RATE), round(end * RATE)
        t = np.arange(last - first) / RATE
        signal[first:last] = 0.3 * np.sin(2 * np.pi * hz * t)
    return signal


def add_meeting_with_audio(store, *, title: str = "Nordlys pricing") -> int:
    meeting_id, uid, key = create_meeting(store, title=title, source=MeetingSource.RECORDING)
    store.paths.meeting_audio_dir(uid).mkdir(parents=True, exist_ok=True)
    with store.db.transaction():
        store.db.execute(
            "UPDATE meetings SET duration_s = ? WHERE id = ?", (DURATION_S, meeting_id)
        )
        for kind in (ChannelKind.MICROPHONE, ChannelKind.SYSTEM):
            mine = [line for line in LINES if line[0] is kind]
            samples = tone(DURATION_S, [(s, e, hz) for _, s, e, _, hz in mine])
            channel = add_channel_audio(store, meeting_id, uid, key, kind, samples)
            store.meetings.add_segments(
                meeting_id,
                channel,
                [
                    Segment(s, e, text, (Word(s, s + 0.4, text.split()[0], 0.9),), channel=kind)
                    for _, s, e, text, _ in mine
                ],
            )
        store.recordings.add_highlights(meeting_id, [Highlight(HIGHLIGHT_S, "Price")])
    return meeting_id
