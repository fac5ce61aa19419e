"""The streaming policy for one live channel: when to decode, which words are settled.

Audio arrives in small pieces. Voice activity (:mod:`.live_vad`) opens an
*utterance* when someone starts speaking. While they speak, the utterance is
decoded again every :attr:`StreamingPolicy.interim_every_s`; a word is
*confirmed* once two decodes in a row agree on it (LocalAgreement-2), so only
the last unconfirmed words can still change on screen. When the speaker pauses
for :attr:`StreamingPolicy.end_silence_s`, the utterance is decoded once more
and all of it is confirmed: the end of a phrase is where latency is felt.

Silence is never decoded, which is why Whisper gets no chance to invent text
for it, and why two channels fit on two laptop cores. When decoding falls
behind, interim decodes stop first (*catching up*); if the channel is still
too far behind, the audio not yet transcribed is left to the final pass
(*deferred*) so the live text never lags without bound.

This module holds no model and no clock: the caller decodes and says when.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

import numpy as np

from minuta.core.models import ChannelKind, Segment, Word
from minuta.transcribe.live_vad import FRAME, SAMPLE_RATE, StreamingVad
from minuta.transcribe.segmentation import SENTENCE_END, RawWord


@dataclass(frozen=True, slots=True)
class StreamingPolicy:
    interim_every_s: float = 0.75  # decode a growing utterance this often
    end_silence_s: float = 0.35  # a pause this long ends the utterance
    min_speech_s: float = 0.25  # shorter bursts (a cough, a click) are not decoded
    pre_roll_s: float = 0.3  # audio kept before detected speech (soft word onsets)
    tail_s: float = 0.25  # audio kept after the last speech frame
    sentence_cut_s: float = 8.0  # past this, close a line at a confirmed sentence end
    max_utterance_s: float = 20.0  # past this, close a line at the last confirmed word
    catch_up_s: float = 3.0  # this far behind: interim decodes only every catch_up_every_s
    catch_up_every_s: float = 2.5
    defer_s: float = 10.0  # this far behind: leave the audio to the final pass
    prompt_words: int = 24  # words of earlier lines given to the decoder as context


class JobKind(enum.Enum):
    INTERIM = "interim"
    FLUSH = "flush"


@dataclass(frozen=True, slots=True)
class DecodeJob:
    channel: ChannelKind
    kind: JobKind
    audio: np.ndarray
    offset_s: float  # channel time of audio[0]
    prompt: str
    language: str | None
    urgency_s: float  # the earlier, the sooner it should run

    @property
    def end_s(self) -> float:
        """Channel time of the end of the job's audio."""
        return self.offset_s + len(self.audio) / SAMPLE_RATE


@dataclass(frozen=True, slots=True)
class LiveUpdate:
    """What changed on a channel: lines closed for good, and the open line's text."""

    channel: ChannelKind
    closed: tuple[Segment, ...] = ()
    confirmed_text: str = ""  # the open line's settled words
    tentative_text: str = ""  # words that may still change
    deferred: tuple[tuple[float, float], ...] = ()  # spans left to the final pass
    settled_until_s: float = 0.0  # the channel's text up to here will not change


_WORD_CHARS = re.compile(r"[\W_]+", re.UNICODE)


def _norm(word: RawWord) -> str:
    return _WORD_CHARS.sub("", word.text.lower())


@dataclass
class ChannelStream:
    channel: ChannelKind
    policy: StreamingPolicy = field(default_factory=StreamingPolicy)
    language: str | None = None
    vad: StreamingVad = field(default_factory=StreamingVad)

    def __post_init__(self) -> None:
        self._audio = np.zeros(0, dtype=np.float32)
        self._buffer_start = 0.0  # channel time of self._audio[0]
        self._frames_s = 0.0  # channel time up to which voice activity is known
        self._speech_start: float | None = None  # the open utterance's first speech
        self._last_speech = 0.0
        self._decoded_until = 0.0
        self._committed: list[RawWord] = []  # confirmed words of the open line
        self._hypothesis: list[RawWord] = []  # the last decode's unconfirmed words
        self._history: list[str] = []  # confirmed words of earlier lines (prompt)
        self._settled_until = 0.0
        self.catching_up = False

    # --- audio in -------------------------------------------------------------------

    @property
    def received_s(self) -> float:
        return self._buffer_start + len(self._audio) / SAMPLE_RATE

    @property
    def backlog_s(self) -> float:
        """Speech received but not decoded yet."""
        if self._speech_start is None:
            return 0.0
        return max(0.0, self.received_s - max(self._decoded_until, self._speech_start))

    def push(self, samples: np.ndarray) -> None:
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        self._audio = np.concatenate([self._audio, samples])
        for speech in self.vad.push(samples):
            frame_start = self._frames_s
            self._frames_s += FRAME / SAMPLE_RATE
            if speech:
                if self._speech_start is None:
                    self._speech_start = frame_start
                self._last_speech = self._frames_s
        if self._speech_start is None:
            self._trim_to(self.received_s - self.policy.pre_roll_s)

    def skip_to(self, position_s: float) -> LiveUpdate | None:
        """Audio before ``position_s`` never arrived (dropped): close and defer."""
        update = self.defer() if self._speech_start is not None else None
        self._audio = np.zeros(0, dtype=np.float32)
        self._buffer_start = self._frames_s = self._decoded_until = position_s
        return update

    # --- decisions -----------------------------------------------------------------

    def next_job(self) -> DecodeJob | None:
        if self._speech_start is None:
            return None
        policy = self.policy
        speech_s = self._last_speech - self._speech_start
        if self._frames_s - self._last_speech >= policy.end_silence_s:
            if speech_s < policy.min_speech_s and not self._committed:
                self._close_utterance(self._last_speech)
                return None
            end = min(self._last_speech + policy.tail_s, self.received_s)
            return self._job(JobKind.FLUSH, end, urgency=self._last_speech)
        self.catching_up = self.backlog_s > policy.catch_up_s
        if speech_s < policy.min_speech_s:
            return None
        # Behind: fewer, longer interim decodes, so the decoder catches up without
        # leaving the phrase unconfirmed until the speaker pauses.
        every = policy.catch_up_every_s if self.catching_up else policy.interim_every_s
        if self.received_s - max(self._decoded_until, self._speech_start) >= every:
            return self._job(JobKind.INTERIM, self.received_s, urgency=self._decoded_until + 1.0)
        return None

    def must_defer(self) -> bool:
        return self.backlog_s > self.policy.defer_s

    def _job(self, kind: JobKind, end_s: float, urgency: float) -> DecodeJob:
        stop = round((end_s - self._buffer_start) * SAMPLE_RATE)
        # Only earlier lines: the open line's settled words are still in the audio,
        # and Whisper skips speech that its prompt already contains.
        prompt_words = self._history[-self.policy.prompt_words :]
        return DecodeJob(
            self.channel,
            kind,
            self._audio[:stop].copy(),
            self._buffer_start,
            " ".join(prompt_words),
            self.language,
            urgency,
        )

    # --- results -------------------------------------------------------------------

    def apply(self, job: DecodeJob, words: list[RawWord], language: str | None) -> LiveUpdate:
        """Take a decode of ``job`` (word times relative to its audio)."""
        if self.language is None and language is not None and words:
            self.language = language
        end_s = job.end_s
        self._decoded_until = max(self._decoded_until, end_s)
        # Whisper puts the first word at the start of the audio it is given, which
        # begins with the pre-roll; nobody spoke before the voice detector heard it.
        floor = (self._speech_start or job.offset_s) - 0.1
        absolute = [
            RawWord(
                max(w.start + job.offset_s, min(floor, w.end + job.offset_s)),
                w.end + job.offset_s,
                w.text,
                w.probability,
            )
            for w in words
            if w.text.strip()
        ]
        fresh = self._after_committed(absolute)
        if job.kind is JobKind.FLUSH:
            self._committed += fresh
            self._hypothesis = []
            closed = self._close_utterance(end_s)
            return LiveUpdate(self.channel, closed=closed, settled_until_s=end_s)
        agreed = 0
        for new, old in zip(fresh, self._hypothesis, strict=False):
            if _norm(new) != _norm(old):
                break
            agreed += 1
        self._committed += fresh[:agreed]
        self._hypothesis = fresh[agreed:]
        if fresh[:agreed]:
            self._settled_until = max(self._settled_until, fresh[agreed - 1].end)
        return self._open_line(closed=self._close_long_line())

    def pass_over(self, job: DecodeJob) -> LiveUpdate:
        """An interim decode of ``job`` gave nothing usable: wait for the next one."""
        self._decoded_until = max(self._decoded_until, job.end_s)
        return self._open_line()

    def _open_line(self, closed: tuple[Segment, ...] = ()) -> LiveUpdate:
        return LiveUpdate(
            self.channel,
            closed=closed,
            confirmed_text=_text(self._committed),
            tentative_text=_text(self._hypothesis),
            settled_until_s=self._settled_until,
        )

    def defer(self) -> LiveUpdate:
        """Give up on the open utterance's undecoded audio: the final pass will do it."""
        start = max(self._decoded_until, self._speech_start or self._buffer_start)
        end = self.received_s
        closed = self._close_utterance(end)
        self.catching_up = False
        self._settled_until = max(self._settled_until, end)
        return LiveUpdate(
            self.channel, closed=closed, deferred=((start, end),), settled_until_s=end
        )

    def finish(self) -> DecodeJob | None:
        """The last job at the end of the recording: flush whatever is open."""
        if self._speech_start is None:
            return None
        if self._last_speech - self._speech_start < self.policy.min_speech_s:
            return None
        return self._job(JobKind.FLUSH, self.received_s, urgency=self._last_speech)

    def _after_committed(self, words: list[RawWord]) -> list[RawWord]:
        if not self._committed:
            return words
        last = self._committed[-1]
        fresh = [w for w in words if w.start > last.end - 0.1]
        # A re-decode repeats the end of what is settled; drop that overlap.
        for size in range(min(5, len(fresh), len(self._committed)), 0, -1):
            tail = [_norm(w) for w in self._committed[-size:]]
            if [_norm(w) for w in fresh[:size]] == tail:
                return fresh[size:]
        return fresh

    def _close_long_line(self) -> tuple[Segment, ...]:
        if not self._committed:
            return ()
        length = self.received_s - self._buffer_start
        if length < self.policy.sentence_cut_s:
            return ()
        cut = None
        for i, word in enumerate(self._committed):
            if word.text.strip().endswith(SENTENCE_END):
                cut = i
        if cut is None and length >= self.policy.max_utterance_s:
            cut = len(self._committed) - 1
        if cut is None:
            return ()
        line, self._committed = self._committed[: cut + 1], self._committed[cut + 1 :]
        self._history = (self._history + [w.text.strip() for w in line])[-64:]
        self._trim_to(line[-1].end)
        return (self._segment(line),)

    def _close_utterance(self, end_s: float) -> tuple[Segment, ...]:
        line = self._committed
        self._committed, self._hypothesis = [], []
        self._speech_start = None
        self._decoded_until = max(self._decoded_until, end_s)
        self._settled_until = max(self._settled_until, end_s)
        self._trim_to(end_s)
        if not line:
            return ()
        self._history = (self._history + [w.text.strip() for w in line])[-64:]
        return (self._segment(line),)

    def _trim_to(self, position_s: float) -> None:
        drop = round((position_s - self._buffer_start) * SAMPLE_RATE)
        if drop <= 0:
            return
        drop = min(drop, len(self._audio))
        self._audio = self._audio[drop:]
        self._buffer_start += drop / SAMPLE_RATE

    def _segment(self, words: list[RawWord]) -> Segment:
        return Segment(
            start=words[0].start,
            end=words[-1].end,
            text=_text(words),
            words=tuple(Word(w.start, w.end, w.text.strip(), w.probability) for w in words),
            channel=self.channel,
            language=self.language,
        )


def _text(words: list[RawWord]) -> str:
    return "".join(w.text for w in words).strip()
