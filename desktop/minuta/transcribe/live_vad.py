"""Voice activity for a live stream: Silero VAD run frame by frame, state carried over.

faster-whisper's :func:`get_speech_timestamps` looks at a whole file at once. A
live channel needs the same model on each new 32 ms frame as it arrives, with
the network's recurrent state and the previous frame's tail carried over, so
that deciding "is someone speaking right now" costs a few microseconds per
frame instead of a pass over the whole buffer.
"""

from __future__ import annotations

from typing import Any

import numpy as np

SAMPLE_RATE = 16_000
FRAME = 512  # samples per Silero frame (32 ms)
_CONTEXT = 64  # samples of the previous frame the model sees with each frame


class StreamingVad:
    """Speech probability per 32 ms frame, with hysteresis (Silero's own thresholds)."""

    def __init__(self, threshold: float = 0.5, neg_threshold: float | None = None) -> None:
        self.threshold = threshold
        self.neg_threshold = (
            neg_threshold if neg_threshold is not None else max(threshold - 0.15, 0.01)
        )
        self._session: Any = None
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)
        self.in_speech = False

    def _model(self) -> Any:
        if self._session is None:
            from faster_whisper.vad import get_vad_model

            self._session = get_vad_model().session
        return self._session

    def push(self, samples: np.ndarray) -> list[bool]:
        """Whether each completed frame is speech; leftover samples wait for the next call."""
        audio = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        count = len(audio) // FRAME
        self._pending = audio[count * FRAME :]
        if count == 0:
            return []
        frames = audio[: count * FRAME].reshape(count, FRAME)
        tails = np.vstack([self._context[None, :], frames[:-1, -_CONTEXT:]])
        batch = np.concatenate([tails, frames], axis=1)
        self._context = frames[-1, -_CONTEXT:].copy()
        probabilities, self._h, self._c = self._model().run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        decisions = []
        for probability in np.asarray(probabilities).reshape(-1):
            if probability >= self.threshold:
                self.in_speech = True
            elif probability < self.neg_threshold:
                self.in_speech = False
            decisions.append(self.in_speech)
        return decisions
