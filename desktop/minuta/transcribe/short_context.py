"""Whisper's encoder on the audio there is, not on 30 seconds of it.

Whisper always encodes a 30-second window; a live utterance is 1 to 20 seconds
of speech, and on two laptop cores the encoder's pass over the whole window is
most of a decode (0.43 of 0.55 s for the base model). The CTranslate2 encoder
accepts a shorter window, and its cost falls faster than the window: 20 s cost
0.13 s, 10 s cost 0.06 s. The live decoder encodes the utterance followed by a
few seconds of real silence (digital zeros before the mel spectrogram, as in
Whisper's training), which on 191 dev-set utterances took the median decode
from 0.53 s to 0.14 s for a WER of 4.6 % instead of 4.2 %.

The model was trained on full windows, though, and on a short one it sometimes
does not stop where the speech stops: it says the utterance again ("Mary rolled
the barrel. Mary rolled the barrel."), mostly when the audio ends mid-word as an
interim decode's does. So a short-window decode is only a first try: its length
is capped, and when its text looks like such a loop (a phrase said again, more
words than anyone speaks, a segment squeezed against the end), the end of a
phrase is decoded again on the full window, and an interim decode is dropped:
the next one comes within a second, and a full-window retry would hold up the
other channel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from minuta.transcribe.guards import compression_ratio, normalise
from minuta.transcribe.segmentation import RawSegment

FULL_WINDOW_S = 30.0
FRAMES_PER_S = 100  # Whisper's mel frames
MAX_WORDS_PER_S = 4.5  # fast speech is about 3.5; more is repeated text
MAX_COMPRESSION = 2.0  # stricter than the final pass's 2.4: a retry costs little
MIN_SEGMENT_S = 0.15  # a segment squeezed shorter than this is a repeat at the end
TOKENS_PER_S = 6  # a cap on the tokens of a short-window decode: a loop stays short
EXTRA_TOKENS = 12
MAX_TOKENS = 400  # Whisper's limit is 448 with the prompt


def short_window_s(duration_s: float, margin_s: float) -> int | None:
    """The encoder window (whole seconds) for ``duration_s`` of audio; None: the full one."""
    window_s = math.ceil(duration_s + margin_s)
    return window_s if window_s < FULL_WINDOW_S else None


def token_cap(duration_s: float) -> int:
    return min(int(duration_s * TOKENS_PER_S) + EXTRA_TOKENS, MAX_TOKENS)


def _repeats(words: Sequence[str]) -> bool:
    """A word said three times in a row, or a phrase said again at once.

    The repeat may be cut short by the token cap ("to reset the volume to the
    default level to reset the volume"); three words of it are enough.
    """
    count = len(words)
    for i in range(count - 2):
        if words[i] == words[i + 1] == words[i + 2]:
            return True
    for size in range(2, count - 1):
        for i in range(count - size - 1):
            again = min(size, count - i - size)
            if again >= min(size, 3) and words[i + size : i + size + again] == words[i : i + again]:
                return True
    return False


def looks_looped(segments: Sequence[RawSegment], duration_s: float) -> bool:
    """Whether a short-window decode may have run past the speech: decode it again."""
    text = " ".join(segment.text for segment in segments)
    words = normalise(text).split()
    if not words:
        return False
    if len(words) > max(duration_s, 1.0) * MAX_WORDS_PER_S:
        return True
    for segment in segments:
        ratio = segment.compression_ratio
        if ratio is None:
            ratio = compression_ratio(segment.text)
        if ratio > MAX_COMPRESSION or segment.end - segment.start < MIN_SEGMENT_S:
            return True
    return _repeats(words)


def short_window_model(base: type[Any]) -> type[Any]:
    """``base`` (faster-whisper's WhisperModel) with an encoder window that can be set.

    Made from the class given, so faster-whisper is imported only where a
    model is loaded (the live worker), never by whoever imports this module.
    """

    class ShortWindowModel(base):  # type: ignore[misc]
        window_frames: int | None = None

        def encode(self, features: Any) -> Any:
            if self.window_frames is not None:
                features = features[..., : self.window_frames]
            return super().encode(features)

    return ShortWindowModel
