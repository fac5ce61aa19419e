"""Cutting recognised words into transcript lines a person can read and click.

Batched decoding returns one segment per window (up to 30 s). A transcript line
should be a sentence: it is what playback jumps to and what search shows. The
words carry their own timestamps, so lines are cut at sentence ends, at pauses,
and, for run-on speech, before they grow too long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from minuta.core.models import ChannelKind, Segment, Word

SENTENCE_END = (".", "?", "!", "…", "。", "？", "！")
PAUSE_S = 1.2  # a pause this long starts a new line even without punctuation
MAX_LINE_S = 20.0  # a line longer than this is cut at its longest pause
MIN_SPLIT_WORDS = 3  # never leave a line of one or two words by a forced cut


@dataclass(frozen=True, slots=True)
class RawWord:
    """A word as the decoder gives it: ``text`` keeps its leading space."""

    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True, slots=True)
class RawSegment:
    start: float
    end: float
    text: str
    words: tuple[RawWord, ...]
    avg_logprob: float
    # The decoder's own doubts, used by :mod:`.guards`: the probability that the
    # window held no speech, and the gzip ratio of the text (None: not given,
    # computed from the text when needed).
    no_speech_prob: float = 0.0
    compression_ratio: float | None = None


def _ends_sentence(word: RawWord, following: RawWord | None) -> bool:
    if not word.text.strip().endswith(SENTENCE_END):
        return False
    if following is None:
        return True
    # "kl. 14", "f.eks. at", "ca. 200": an abbreviation, not the end of a sentence.
    first = following.text.strip()[:1]
    return first.isupper() or not first.isalnum()


def _cut_points(words: Sequence[RawWord]) -> list[int]:
    """Indexes after which a new line begins."""
    cuts: list[int] = []
    line_start = 0
    for i, word in enumerate(words[:-1]):
        following = words[i + 1]
        if _ends_sentence(word, following) or following.start - word.end >= PAUSE_S:
            cuts.append(i)
            line_start = i + 1
        elif following.end - words[line_start].start > MAX_LINE_S:
            span = range(line_start + MIN_SPLIT_WORDS - 1, i + 1)
            if len(span) > 0:
                best = max(span, key=lambda k: words[k + 1].start - words[k].end)
                cuts.append(best)
                line_start = best + 1
    return cuts


def _line(
    words: Sequence[RawWord], raw: RawSegment, channel: ChannelKind, language: str | None
) -> Segment:
    return Segment(
        start=words[0].start,
        end=words[-1].end,
        text="".join(w.text for w in words).strip(),
        words=tuple(Word(w.start, w.end, w.text.strip(), w.probability) for w in words),
        channel=channel,
        language=language,
        avg_logprob=raw.avg_logprob,
    )


def split_into_lines(
    raw_segments: Sequence[RawSegment], channel: ChannelKind, language: str | None
) -> list[Segment]:
    lines: list[Segment] = []
    for raw in raw_segments:
        words = [w for w in raw.words if w.text.strip()]
        if not words:
            if raw.text.strip():
                lines.append(
                    Segment(
                        raw.start,
                        raw.end,
                        raw.text.strip(),
                        (),
                        channel,
                        None,
                        language,
                        raw.avg_logprob,
                    )
                )
            continue
        begin = 0
        for cut in [*_cut_points(words), len(words) - 1]:
            lines.append(_line(words[begin : cut + 1], raw, channel, language))
            begin = cut + 1
    lines.sort(key=lambda line: line.start)
    return lines
