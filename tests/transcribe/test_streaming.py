"""The live streaming policy, with a scripted decoder and a loudness-based voice detector."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from minuta.core.models import ChannelKind
from minuta.transcribe.live_engine import LiveEngine, LiveState
from minuta.transcribe.segmentation import RawWord
from minuta.transcribe.streaming import ChannelStream, DecodeJob, JobKind, StreamingPolicy

RATE = 16_000
FRAME = 512


class LoudnessVad:
    """Speech wherever the signal is not silent: the policy is under test, not Silero."""

    def __init__(self) -> None:
        self._pending = np.zeros(0, dtype=np.float32)

    def push(self, samples: np.ndarray) -> list[bool]:
        audio = np.concatenate([self._pending, samples])
        count = len(audio) // FRAME
        self._pending = audio[count * FRAME :]
        frames = audio[: count * FRAME].reshape(count, FRAME)
        return [bool(np.abs(frame).max() > 0.01) for frame in frames]


class ScriptedDecoder:
    """Returns the script's words that lie inside the job's audio; the word at the
    very end of the audio is still being spoken and comes out differently each time."""

    def __init__(self, words: list[tuple[float, float, str]]) -> None:
        self.words = words
        self.jobs: list[DecodeJob] = []

    def decode(self, job: DecodeJob) -> tuple[list[RawWord], str | None]:
        self.jobs.append(job)
        end = job.offset_s + len(job.audio) / RATE
        result = []
        for start, stop, spoken in self.words:
            if start < job.offset_s - 0.05 or start >= end:
                continue
            # A word cut off by the end of the audio is a guess that changes every time.
            heard = spoken if stop <= end else f"{spoken[:2]}{len(self.jobs)}"
            result.append(RawWord(start - job.offset_s, min(stop, end) - job.offset_s, heard, 0.9))
        return result, "en"


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def stream(policy: StreamingPolicy | None = None) -> ChannelStream:
    return ChannelStream(ChannelKind.SYSTEM, policy=policy or StreamingPolicy(), vad=LoudnessVad())


def feed(engine: LiveEngine, channel: ChannelKind, audio: np.ndarray, run: bool = True):
    """Push audio in 100 ms pieces, decoding whenever the engine wants to; all updates."""
    updates = []
    step = RATE // 10
    stream_ = engine.channels[channel]
    for i in range(0, len(audio), step):
        updates += engine.push(channel, stream_.received_s, audio[i : i + step])
        while run:
            worked, more = engine.step()
            updates += more
            if not worked:
                break
    return updates


def engine_with(words, policy=None, channels=(ChannelKind.SYSTEM,)):
    decoder = ScriptedDecoder(words)
    engine = LiveEngine(decoder, channels, policy=policy)
    for kind in channels:
        engine.channels[kind] = ChannelStream(
            kind, policy=policy or StreamingPolicy(), vad=LoudnessVad()
        )
    return engine, decoder


SENTENCE = [(1.0, 1.4, " We"), (1.5, 1.9, " ship"), (2.0, 2.5, " on"), (2.6, 2.9, " Monday.")]


def test_silence_is_never_decoded():
    engine, decoder = engine_with(SENTENCE)
    updates = feed(engine, ChannelKind.SYSTEM, silence(30))
    assert decoder.jobs == []
    assert updates == []


def test_a_phrase_is_confirmed_whole_when_the_speaker_pauses():
    engine, decoder = engine_with(SENTENCE)
    updates = feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(2), silence(1)]))
    closed = [segment for update in updates for segment in update.closed]
    assert [s.text for s in closed] == ["We ship on Monday."]
    assert closed[0].words[0].start == pytest.approx(1.0)
    assert closed[0].channel is ChannelKind.SYSTEM and closed[0].language == "en"
    kinds = [job.kind for job in decoder.jobs]
    assert kinds[-1] is JobKind.FLUSH and JobKind.INTERIM in kinds
    # The flush ran after half a second of silence, not at the end of the feed.
    flush = decoder.jobs[-1]
    assert flush.offset_s + len(flush.audio) / RATE == pytest.approx(3.25, abs=0.05)
    assert updates[-1].settled_until_s >= 3.0


def test_only_words_two_decodes_agree_on_are_confirmed():
    # Decodes at 2.0 s and 3.0 s: the first ends inside "ship", the second inside "Monday".
    engine, _ = engine_with(SENTENCE, policy=StreamingPolicy(interim_every_s=1.0))
    updates = feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(2.3)]))
    interim = [u for u in updates if not u.closed]
    assert interim, "a growing phrase is shown while it is spoken"
    last = interim[-1]
    assert last.confirmed_text.startswith("We ship")
    # The word being spoken changes between decodes, so it is never confirmed.
    assert "on" not in last.confirmed_text.split()
    for update in interim:
        assert update.confirmed_text in "We ship on Monday."


def test_a_short_burst_is_not_decoded():
    engine, decoder = engine_with(SENTENCE)
    feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(0.1), silence(2)]))
    assert decoder.jobs == []


def test_falling_behind_means_fewer_longer_decodes_then_deferring_to_the_final_pass():
    policy = StreamingPolicy(catch_up_s=3.0, defer_s=6.0)
    engine, decoder = engine_with(SENTENCE, policy)
    # Nobody decodes while 4 s of speech arrive: the channel is catching up.
    feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(4)]), run=False)
    channel = engine.channels[ChannelKind.SYSTEM]
    job = channel.next_job()
    assert engine.status().state is LiveState.CATCHING_UP
    assert job is not None and job.kind is JobKind.INTERIM
    assert len(job.audio) / RATE >= 4.0  # everything waiting, in one decode
    # Still nothing decoded at 7 s behind: the open speech is left to the final pass.
    feed(engine, ChannelKind.SYSTEM, tone(3), run=False)
    _, updates = engine.step()
    deferred = [span for update in updates for span in update.deferred]
    assert deferred and deferred[0][1] - deferred[0][0] == pytest.approx(7.0, abs=0.1)
    status = engine.status()
    assert status.state is LiveState.DEFERRED and status.deferred_s == pytest.approx(7.0, abs=0.1)
    assert channel.backlog_s == 0.0
    assert decoder.jobs == []


def test_dropped_audio_closes_the_phrase_and_is_deferred():
    engine, _ = engine_with(SENTENCE)
    feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(1.0)]), run=False)
    updates = engine.push(ChannelKind.SYSTEM, 10.0, tone(0.1))
    assert updates and updates[0].deferred
    assert engine.channels[ChannelKind.SYSTEM].received_s == pytest.approx(10.1)


def test_a_long_monologue_is_closed_at_confirmed_sentence_ends():
    words = []
    t = 0.5
    for n in range(40):
        text = f" word{n}." if n % 6 == 5 else f" word{n}"
        words.append((t, t + 0.3, text))
        t += 0.4
    policy = StreamingPolicy(sentence_cut_s=5.0)
    engine, _ = engine_with(words, policy)
    updates = feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(0.5), tone(16)]))
    closed = [s for u in updates for s in u.closed]
    assert len(closed) >= 2
    assert all(s.text.endswith(".") for s in closed)
    # Lines follow each other without losing or repeating words.
    joined = " ".join(s.text for s in closed).split()
    assert joined == [w[2].strip() for w in words[: len(joined)]]


def test_the_end_of_a_phrase_is_decoded_before_a_growing_phrase():
    both = (ChannelKind.MICROPHONE, ChannelKind.SYSTEM)
    engine, decoder = engine_with(SENTENCE, channels=both)
    feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(2), silence(0.6)]), run=False)
    feed(engine, ChannelKind.MICROPHONE, np.concatenate([silence(1), tone(2.6)]), run=False)
    engine.step()
    assert decoder.jobs[0].channel is ChannelKind.SYSTEM
    assert decoder.jobs[0].kind is JobKind.FLUSH


def test_finish_flushes_an_open_phrase():
    engine, _ = engine_with(SENTENCE)
    feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(2)]), run=False)
    closed = [s for u in engine.finish() for s in u.closed]
    assert [s.text for s in closed] == ["We ship on Monday."]


def test_settled_words_become_the_next_decode_context():
    engine, decoder = engine_with([*SENTENCE, (4.5, 4.9, " Good.")])
    feed(
        engine,
        ChannelKind.SYSTEM,
        np.concatenate([silence(1), tone(2), silence(1.2), tone(1), silence(1)]),
    )
    assert decoder.jobs[-1].prompt.startswith("We ship on Monday.")


class LoopingInterims(ScriptedDecoder):
    """Every second interim decode is unusable (a short-window loop left for the next one)."""

    def decode(self, job: DecodeJob) -> tuple[list[RawWord], str | None] | None:
        result = super().decode(job)
        if job.kind is JobKind.INTERIM and len(self.jobs) % 2 == 0:
            return None
        return result


def test_an_unusable_interim_decode_keeps_the_open_line_and_the_next_one_follows():
    decoder = LoopingInterims(SENTENCE)
    engine = LiveEngine(decoder, (ChannelKind.SYSTEM,))
    engine.channels[ChannelKind.SYSTEM] = stream()
    updates = feed(engine, ChannelKind.SYSTEM, np.concatenate([silence(1), tone(2), silence(1)]))
    interims = [job for job in decoder.jobs if job.kind is JobKind.INTERIM]
    assert len(interims) >= 2, "interim decodes go on after an unusable one"
    ends = [job.offset_s + len(job.audio) / RATE for job in interims]
    assert ends == sorted(set(ends)), "no interim decode is repeated on the same audio"
    shown = [u for u in updates if not u.closed]
    for before, after in itertools.pairwise(shown):
        # Confirmed words never disappear because a decode was passed over.
        assert after.confirmed_text.startswith(before.confirmed_text)
    closed = [segment for update in updates for segment in update.closed]
    assert [s.text for s in closed] == ["We ship on Monday."]
