"""Finding speech that the decoder skipped.

Batched decoding without timestamps occasionally ends a 30-second window after
its first sentence, silently dropping the rest of the window's speech. The
voice activity detector still knows that speech was there, so every stretch of
detected speech that no recognised word covers is decoded a second time.
"""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[float, float]

MIN_GAP_S = 1.5  # shorter uncovered speech is breath, a cough, or timing jitter
WORD_TOLERANCE_S = 0.3  # word timestamps are approximate at their edges
CLIP_PADDING_S = 0.2
MAX_CLIP_S = 30.0  # Whisper's window


def uncovered_speech(
    speech: Sequence[Span],
    words: Sequence[Span],
    *,
    min_gap: float = MIN_GAP_S,
    tolerance: float = WORD_TOLERANCE_S,
) -> list[Span]:
    """Parts of ``speech`` at least ``min_gap`` long that no word overlaps."""
    covered = sorted((start - tolerance, end + tolerance) for start, end in words)
    gaps: list[Span] = []
    for region_start, region_end in speech:
        cursor = region_start
        for word_start, word_end in covered:
            if word_end <= cursor or word_start >= region_end:
                continue
            if word_start - cursor >= min_gap:
                gaps.append((cursor, word_start))
            cursor = max(cursor, word_end)
        if region_end - cursor >= min_gap:
            gaps.append((cursor, region_end))
    return gaps


def clips_for(gaps: Sequence[Span], duration: float) -> list[Span]:
    """Decoding windows for ``gaps``: padded, within the audio, at most 30 s each."""
    clips: list[Span] = []
    for gap_start, gap_end in gaps:
        start = max(0.0, gap_start - CLIP_PADDING_S)
        end = min(duration, gap_end + CLIP_PADDING_S)
        while end - start > 0.05:
            clips.append((start, min(end, start + MAX_CLIP_S)))
            start += MAX_CLIP_S
    return clips
