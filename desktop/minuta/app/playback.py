"""What the meeting view plays: the meeting's audio, mixed, with silence skipped and sped up.

No Qt here. :func:`decode_mix` turns a meeting's encrypted channels into one mono
16 kHz int16 signal, in memory only (nothing is written to disk).
:class:`SilenceMap` says which stretches of the meeting are played when silence
is skipped, and converts between meeting time and playback time.
:class:`~minuta.app.time_stretch.TimeStretcher` changes the speed without changing
the pitch, hop by hop, so a new speed applies to the very next hop. :class:`PlaybackSource`
puts them together behind one ``read(n)`` that an audio callback can call from
its own thread.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from minuta.app.time_stretch import TimeStretcher, stretch
from minuta.store.store import Store

SAMPLE_RATE = 16_000
SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
MIN_GAP_S = 1.0  # silences longer than this are skipped…
MARGIN_S = 0.3  # …keeping this much of them next to the speech, so words are not clipped


# --- decoding ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChannelFile:
    """Where one channel's encrypted audio is, and the key that opens it."""

    path: Path
    key: bytes
    duration_s: float


def channel_files(store: Store, meeting_id: int) -> list[ChannelFile]:
    """The meeting's audio files (a quick read: run it on the store's thread).

    Empty when its audio was deleted (the key went with it): see ``Meeting.audio_deleted_at``.
    """
    meeting = store.meetings.get(meeting_id)
    if meeting.audio_deleted_at is not None:
        return []
    key = store.meeting_key(meeting.id, meeting.uid)
    return [
        ChannelFile(store.audio_path(meeting.uid, record.file_uid), key, record.duration_s)
        for record in store.meetings.audio_files(meeting_id)
    ]


def decode_mix(files: Sequence[ChannelFile]) -> np.ndarray:
    """All channels decoded and summed into one mono int16 16 kHz signal.

    Decoding takes a while for a long meeting and needs no database, so it can
    run on any thread. Each decoded second is added into one int16 mix at once:
    an hour of meeting takes 115 MB, never the float copies of every channel.
    """
    from minuta.audio.encrypted_audio import EncryptedAudioReader

    expected = round(max((f.duration_s for f in files), default=0.0) * SAMPLE_RATE)
    mix = np.zeros(expected, dtype=np.int16)
    for file in files:
        reader = EncryptedAudioReader(file.path, file.key)
        if reader.sample_rate != SAMPLE_RATE:
            raise ValueError(f"unexpected sample rate {reader.sample_rate}")
        position = 0
        for block in reader.blocks():
            end = position + len(block)
            if end > len(mix):
                mix = np.concatenate((mix, np.zeros(end - len(mix), dtype=np.int16)))
            summed = mix[position:end].astype(np.float32) / 32768 + block
            # Two people talking at once can sum past full scale: clip rather than wrap.
            np.clip(summed, -1.0, 32767 / 32768, out=summed)
            mix[position:end] = np.rint(summed * 32768).astype(np.int16)
            position = end
    return mix


# --- skipping silence -------------------------------------------------------------------


class SilenceMap:
    """The stretches of a meeting that are played, and the time on both sides of them.

    Meeting time counts from the start of the recording; playback time counts
    only the kept stretches. Without skipping, the two are the same.
    """

    def __init__(self, kept: Sequence[tuple[float, float]], duration_s: float) -> None:
        self.duration_s = max(0.0, duration_s)
        self.kept: tuple[tuple[float, float], ...] = tuple(kept)
        starts = [0.0]
        for start, end in self.kept:
            starts.append(starts[-1] + (end - start))
        self._playback_starts = starts[:-1]
        self.playback_duration_s = starts[-1]
        self._meeting_starts = [start for start, _ in self.kept]
        self._sample_spans = tuple(
            (round(s * SAMPLE_RATE), round(e * SAMPLE_RATE)) for s, e in self.kept
        )
        self._sample_starts = [0]
        for first, last in self._sample_spans:
            self._sample_starts.append(self._sample_starts[-1] + last - first)

    @classmethod
    def identity(cls, duration_s: float) -> SilenceMap:
        return cls([(0.0, duration_s)] if duration_s > 0 else [], duration_s)

    @classmethod
    def from_speech(
        cls,
        speech: Iterable[tuple[float, float]],
        duration_s: float,
        *,
        min_gap_s: float = MIN_GAP_S,
        margin_s: float = MARGIN_S,
    ) -> SilenceMap:
        """Skip the gaps in speech longer than ``min_gap_s``, keeping ``margin_s`` at each edge.

        ``speech`` is (start, end) of the transcript's lines; they may overlap
        (two channels). With no speech at all nothing is skipped: there is no
        transcript to say what is silence.
        """
        spans = sorted((max(0.0, s), min(duration_s, e)) for s, e in speech if e > s)
        if not spans or duration_s <= 0:
            return cls.identity(duration_s)
        merged: list[list[float]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        kept: list[tuple[float, float]] = []
        cursor = 0.0  # the meeting time up to which everything is kept
        gaps = [(0.0, merged[0][0], False, True)]
        gaps += [(a[1], b[0], True, True) for a, b in itertools.pairwise(merged)]
        gaps.append((merged[-1][1], duration_s, True, False))
        for gap_start, gap_end, after_speech, before_speech in gaps:
            if gap_end - gap_start <= min_gap_s:
                continue
            cut_start = gap_start + margin_s if after_speech else gap_start
            cut_end = gap_end - margin_s if before_speech else gap_end
            if cut_end <= cut_start:
                continue
            if cut_start > cursor:
                kept.append((cursor, cut_start))
            cursor = cut_end
        if cursor < duration_s:
            kept.append((cursor, duration_s))
        return cls(kept, duration_s)

    def to_playback(self, t_s: float) -> float:
        """Playback time of meeting time ``t_s``; a skipped moment maps to where playing resumes."""
        if not self.kept:
            return 0.0
        i = bisect.bisect_right(self._meeting_starts, t_s) - 1
        if i < 0:
            return 0.0
        start, end = self.kept[i]
        if t_s < end:
            return self._playback_starts[i] + (t_s - start)
        if i + 1 < len(self.kept):
            return self._playback_starts[i + 1]
        return self.playback_duration_s

    def to_meeting(self, p_s: float) -> float:
        """Meeting time of playback time ``p_s``."""
        if not self.kept or p_s <= 0:
            return self.kept[0][0] if self.kept else 0.0
        if p_s >= self.playback_duration_s:
            return self.kept[-1][1]
        i = bisect.bisect_right(self._playback_starts, p_s) - 1
        return self.kept[i][0] + (p_s - self._playback_starts[i])

    def sample_spans(self) -> tuple[tuple[int, int], ...]:
        """The kept stretches as sample ranges of the 16 kHz signal."""
        return self._sample_spans

    @property
    def playback_samples(self) -> int:
        return self._sample_starts[-1] if self._sample_starts else 0

    def locate(self, playback_sample: int) -> int:
        """Index of the kept stretch that holds ``playback_sample`` (the last one past the end)."""
        return max(0, bisect.bisect_right(self._sample_starts, playback_sample) - 1)

    def span_start(self, index: int) -> int:
        """Playback sample where kept stretch ``index`` begins."""
        return self._sample_starts[index]


# --- the source an audio output pulls from ----------------------------------------------


class PlaybackSource:
    """The audio the listener hears, pulled block by block; safe to call from any thread.

    Positions are kept in *playback* samples (silence skipped or not). ``read``
    is called by the audio output's thread; ``seek``, ``set_speed`` and
    ``set_skip_silence`` by the GUI; a lock keeps them apart.
    """

    def __init__(
        self, samples: np.ndarray, speech: Sequence[tuple[float, float]], duration_s: float
    ) -> None:
        self._samples = np.asarray(samples, dtype=np.int16)
        duration = max(duration_s, len(self._samples) / SAMPLE_RATE)
        self._maps = {
            False: SilenceMap.identity(duration),
            True: SilenceMap.from_speech(speech, duration),
        }
        self._lock = threading.Lock()
        self._skip = False
        self._speed = 1.0
        self._stretcher = TimeStretcher(1.0)
        self._fed = 0  # playback samples pushed into the stretcher since the last jump
        self._base = 0  # playback sample where the stretcher started
        self._pending = np.zeros(0, dtype=np.float32)  # output made but not read yet
        self._read_to = 0.0  # playback sample at the end of what read() returned
        self._flushed = False
        self._silence = 0.0  # playback samples of silence read after the end

    # --- control (GUI thread) ---------------------------------------------------------

    @property
    def silence_map(self) -> SilenceMap:
        return self._maps[self._skip]

    @property
    def samples(self) -> np.ndarray:
        return self._samples

    @property
    def speed(self) -> float:
        return self._speed

    def seek(self, t_s: float) -> None:
        with self._lock:
            self._jump(round(self.silence_map.to_playback(t_s) * SAMPLE_RATE))

    def set_speed(self, speed: float) -> None:
        if not 0.5 <= speed <= 3.0:
            raise ValueError(f"speed {speed} is out of range")
        with self._lock:
            self._speed = speed
            self._stretcher.speed = speed

    def set_skip_silence(self, skip: bool) -> None:
        with self._lock:
            if skip == self._skip:
                return
            t_s = self.silence_map.to_meeting(self._read_to / SAMPLE_RATE)
            self._skip = skip
            self._jump(round(self.silence_map.to_playback(t_s) * SAMPLE_RATE))

    def position_s(self, behind_s: float = 0.0) -> float:
        """Meeting time of what is heard now: ``behind_s`` of output before the end of the
        last read (the output device's latency)."""
        with self._lock:
            return self.silence_map.to_meeting(self._heard(behind_s) / SAMPLE_RATE)

    def finished(self, behind_s: float = 0.0) -> bool:
        """Whether the end has been heard (or read, with ``behind_s`` 0)."""
        with self._lock:
            return self._read_to - behind_s * SAMPLE_RATE * self._speed >= self._end()

    def _heard(self, behind_s: float) -> float:
        played = self._read_to - behind_s * SAMPLE_RATE * self._speed
        return min(float(self._end()), max(float(self._base), played))

    # --- the output's side ------------------------------------------------------------

    def read(self, count: int) -> np.ndarray:
        """The next ``count`` int16 samples; silence once the end is reached."""
        with self._lock:
            while len(self._pending) < count:
                if self._flushed and self._stretcher.buffered_end < self._stretcher.needed():
                    break  # everything there is has been let out
                missing = count - len(self._pending)
                if self._stretcher.buffered_end < self._stretcher.needed():
                    self._feed()
                self._pending = np.concatenate((self._pending, self._stretcher.pull(missing)))
            block, self._pending = self._pending[:count], self._pending[count:]
            # Past the end the output is silence, and time goes on through it.
            self._silence += (count - len(block)) * self._speed
            consumed = self._base + self._stretcher.consumed - len(self._pending) * self._speed
            self._read_to = max(self._read_to, consumed + self._silence)
        out = np.zeros(count, dtype=np.int16)
        out[: len(block)] = np.clip(block * 32768, -32768, 32767).astype(np.int16)
        return out

    def _end(self) -> int:
        return self.silence_map.playback_samples

    def _jump(self, playback_sample: int) -> None:
        self._base = max(0, min(playback_sample, self._end()))
        self._fed = 0
        self._stretcher.reset()
        self._stretcher.speed = self._speed
        self._pending = np.zeros(0, dtype=np.float32)
        self._read_to = float(self._base)
        self._silence = 0.0
        self._flushed = False

    def _feed(self, block: int = TimeStretcher.FRAME) -> None:
        chunk = self._program(self._base + self._fed, block)
        self._fed += len(chunk)
        if len(chunk) < block:
            # The end: silence after it lets the stretcher's last frames out.
            pad = block - len(chunk) + 2 * TimeStretcher.FRAME
            chunk = np.concatenate((chunk, np.zeros(pad, dtype=np.float32)))
            self._flushed = True
        self._stretcher.push(chunk)

    def _program(self, start: int, count: int) -> np.ndarray:
        """Up to ``count`` playback samples from ``start``, gathered from the kept stretches."""
        silence_map = self.silence_map
        spans = silence_map.sample_spans()
        parts: list[np.ndarray] = []
        index = silence_map.locate(start)
        while count > 0 and index < len(spans):
            first, last = spans[index]
            offset = first + start - silence_map.span_start(index)
            take = min(last - offset, count)
            if take > 0:
                part = self._samples[offset : offset + take]
                if len(part) < take:
                    # The audio may end a little before the meeting's stated length.
                    part = np.concatenate((part, np.zeros(take - len(part), dtype=np.int16)))
                parts.append(part)
                start += take
                count -= take
            index += 1
        if not parts:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(parts).astype(np.float32) / 32768


__all__ = [
    "SAMPLE_RATE",
    "SPEEDS",
    "ChannelFile",
    "PlaybackSource",
    "SilenceMap",
    "TimeStretcher",
    "channel_files",
    "decode_mix",
    "stretch",
]
