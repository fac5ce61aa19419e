"""The live transcriber's core: channels in, one decode at a time, updates out.

:class:`LiveEngine` owns a :class:`~.streaming.ChannelStream` per channel and a
decoder, and decides which channel's utterance is decoded next (the end of a
phrase before a growing one; the longest-waiting first). It runs inside the
live worker process (:mod:`.live_worker`); the benchmark runs it on a
simulated clock. :class:`LiveDecoder` is faster-whisper tuned for short
utterances: an encoder window of the utterance and a few seconds of silence
instead of 30 s (:mod:`.short_context`), greedy search, word timestamps, the
channel's settled words as context.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from minuta.core.models import ChannelKind
from minuta.transcribe.engine import raw_segment
from minuta.transcribe.guards import clean_segments, without_doubtful_tail
from minuta.transcribe.live_vad import SAMPLE_RATE
from minuta.transcribe.segmentation import RawSegment, RawWord
from minuta.transcribe.short_context import (
    FRAMES_PER_S,
    looks_looped,
    short_window_model,
    short_window_s,
    token_cap,
)
from minuta.transcribe.streaming import (
    ChannelStream,
    DecodeJob,
    JobKind,
    LiveUpdate,
    StreamingPolicy,
)

# A channel's language is settled after a decode this sure of it.
_LANGUAGE_SETTLED = 0.7
_DEFERRED_STATE_S = 30.0  # how long "deferred" stays the shown state after a deferral
# Silence after the audio in a short encoder window. An interim decode's audio
# stops in the middle of speech, and the model, seeing speech cut off, is more
# likely to start the utterance over when little silence follows.
_SILENCE_AFTER_S = {JobKind.FLUSH: 3.0, JobKind.INTERIM: 8.0}


class LiveState(enum.Enum):
    STARTING = "starting"
    LIVE = "live"
    CATCHING_UP = "catching_up"
    DEFERRED = "deferred"  # some speech is left to the final pass
    FAILED = "failed"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class LiveStatus:
    state: LiveState
    backlog_s: float = 0.0
    deferred_s: float = 0.0  # speech left to the final pass so far
    message: str = ""


class Decoder(Protocol):
    # None: an interim decode gave nothing worth showing; the open line stays as it is.
    def decode(self, job: DecodeJob) -> tuple[list[RawWord], str | None] | None: ...


class LiveDecoder:
    """faster-whisper on short utterances; load it in the process that uses it."""

    def __init__(
        self,
        model_path: Path,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        cpu_threads: int = 2,
        short_windows: bool = True,
    ) -> None:
        self.model_path = model_path
        self.device = device
        self.compute_type = compute_type
        self.cpu_threads = cpu_threads
        # Encode the utterance and some silence, not 30 s (see :mod:`.short_context`).
        self.short_windows = short_windows
        self.retries = 0  # short-window decodes done again on the full window
        self.passed_over = 0  # looped interim decodes left for the next one
        self._model: Any = None

    def load(self) -> None:
        from faster_whisper import WhisperModel

        self._model = short_window_model(WhisperModel)(
            str(self.model_path),
            device=self.device,
            compute_type=self.compute_type,
            cpu_threads=self.cpu_threads,
            local_files_only=True,
        )

    def decode(self, job: DecodeJob) -> tuple[list[RawWord], str | None] | None:
        if self._model is None:
            self.load()
        duration = len(job.audio) / SAMPLE_RATE
        window_s = None
        # The language is detected on the full window: a short one is a guess.
        if self.short_windows and job.language is not None:
            window_s = short_window_s(duration, _SILENCE_AFTER_S[job.kind])
        segments, info = self._transcribe(job, window_s)
        if window_s is not None and looks_looped(segments, duration):
            if job.kind is JobKind.INTERIM:
                # The next interim decode comes in under a second; a full-window
                # retry now would hold up the other channel's phrase ends.
                self.passed_over += 1
                return None
            self.retries += 1
            segments, info = self._transcribe(job, None)
        kept = clean_segments(segments, language=info.language)
        words = without_doubtful_tail([word for segment in kept for word in segment.words])
        sure = job.language is not None or info.language_probability >= _LANGUAGE_SETTLED
        return words, (info.language if sure else None)

    def _transcribe(self, job: DecodeJob, window_s: int | None) -> tuple[list[RawSegment], Any]:
        audio = job.audio
        duration = len(audio) / SAMPLE_RATE
        self._model.window_frames = None
        if window_s is not None:
            # Real silence after the speech, as the model saw in training.
            audio = np.pad(audio, (0, window_s * SAMPLE_RATE - len(audio)))
            self._model.window_frames = window_s * FRAMES_PER_S
        segments, info = self._model.transcribe(
            audio,
            language=job.language,
            # Greedy: on two cores two beams cost a fifth more per decode (the
            # queue, and so the latency, grows) for no measurable accuracy gain.
            beam_size=1,
            # A fallback to sampling would double the cost of a hard phrase; the
            # final pass has the time for it, the live text does not.
            temperature=0.0,
            word_timestamps=True,
            condition_on_previous_text=False,
            initial_prompt=job.prompt or None,
            vad_filter=False,
            max_new_tokens=token_cap(duration) if window_s is not None else None,
        )
        return [raw_segment(segment) for segment in segments], info


class LiveEngine:
    def __init__(
        self,
        decoder: Decoder,
        channels: Iterable[ChannelKind],
        *,
        policy: StreamingPolicy | None = None,
        language: str | None = None,
        clock: Any = time.monotonic,
    ) -> None:
        policy = policy or StreamingPolicy()
        self._decoder = decoder
        self._clock = clock
        self.channels = {
            kind: ChannelStream(kind, policy=policy, language=language) for kind in channels
        }
        self._deferred_s = 0.0
        self._deferred_at: float | None = None
        self.decodes = 0

    def push(self, channel: ChannelKind, start_s: float, samples: np.ndarray) -> list[LiveUpdate]:
        """Audio for ``channel`` from ``start_s``; a jump forward means audio was dropped."""
        stream = self.channels[channel]
        updates = []
        if start_s > stream.received_s + 1.0 / SAMPLE_RATE:
            skipped = stream.skip_to(start_s)
            if skipped is not None:
                updates.append(self._note_deferral(skipped))
        stream.push(samples)
        return updates

    def step(self) -> tuple[bool, list[LiveUpdate]]:
        """Run at most one decode; (whether one ran, what changed)."""
        updates = [
            self._note_deferral(stream.defer())
            for stream in self.channels.values()
            if stream.must_defer()
        ]
        jobs = [job for stream in self.channels.values() if (job := stream.next_job())]
        if not jobs:
            return False, updates
        job = min(jobs, key=lambda j: (j.kind is not JobKind.FLUSH, j.urgency_s))
        updates.append(self._run(job))
        return True, updates

    def finish(self) -> list[LiveUpdate]:
        """Flush every open utterance (the recording has ended)."""
        updates = []
        for stream in self.channels.values():
            job = stream.finish()
            if job is not None:
                updates.append(self._run(job))
        return updates

    def status(self) -> LiveStatus:
        backlog = max((s.backlog_s for s in self.channels.values()), default=0.0)
        recently_deferred = (
            self._deferred_at is not None and self._clock() - self._deferred_at < _DEFERRED_STATE_S
        )
        if recently_deferred:
            state = LiveState.DEFERRED
        elif any(s.catching_up for s in self.channels.values()):
            state = LiveState.CATCHING_UP
        else:
            state = LiveState.LIVE
        return LiveStatus(state, round(backlog, 2), round(self._deferred_s, 2))

    def _run(self, job: DecodeJob) -> LiveUpdate:
        result = self._decoder.decode(job)
        self.decodes += 1
        stream = self.channels[job.channel]
        if result is None:
            return stream.pass_over(job)
        return stream.apply(job, *result)

    def _note_deferral(self, update: LiveUpdate) -> LiveUpdate:
        self._deferred_s += sum(end - start for start, end in update.deferred)
        if update.deferred:
            self._deferred_at = self._clock()
        return update
