"""Keeping Whisper's hallucinations out of a transcript.

Whisper was trained on subtitled video, so on audio without speech it tends to
write what subtitles say when nobody talks ("Thank you for watching",
"Undertekster af ...") or falls into a loop, repeating a phrase until its
window ends. faster-whisper's sequential decoder guards against this with its
no-speech, log-probability and compression-ratio thresholds, but its batched
pipeline (1.2.1), which imports and recordings use, records those thresholds
and applies none of them. :func:`clean_segments` applies them to the decoded
segments, and adds what the thresholds miss: known silence phrases, and loops
short enough to pass the compression test. It is a pure function of the
segments, so the final pass and live transcription share it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from minuta.transcribe.segmentation import SENTENCE_END, RawSegment, RawWord

# Whisper's own defaults: a window is silence when the model says "no speech"
# with more than 60 % and is not confident in the text it wrote anyway; a text
# that gzip shrinks more than 2.4x is a repetition, not speech.
NO_SPEECH_THRESHOLD = 0.6
LOG_PROB_THRESHOLD = -1.0
COMPRESSION_RATIO_THRESHOLD = 2.4

MAX_LOOP_WORDS = 12  # the longest phrase looked for as a loop
MIN_PHRASE_REPEATS = 3  # "we need to, we need to, we need to" is a loop
# A single word said three times is often real: "no, no, no", "ha ha ha".
MIN_WORD_REPEATS = 5

_NAME = r"(?: \S+){1,5}"  # a credit's name: one to five words
# Whole sentences (normalised: lower case, punctuation as spaces) that Whisper
# writes over silence, noise and music. Matched against complete sentences
# only, never as part of one, so real speech that contains the words stays.
_CREDITS: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?:thank you|thanks) (?:so much |very much )?for watching",
        r"please subscribe(?: to (?:my|our|the) channel)?",
        r"subtitles by" + _NAME,
        r"transcription by" + _NAME,
    ),
    "da": (
        r"(?:danske )?(?:under)?tekster af" + _NAME,
        r"tekstet af" + _NAME,
        r"tekstning" + _NAME,
        r"tak fordi du (?:så|kiggede) med",
    ),
    "no": (
        r"(?:norsk )?(?:tekstning|teksting) (?:av|ved)" + _NAME,
        r"tekst av" + _NAME,
    ),
    "sv": (
        r"(?:svensk )?(?:undertexter|undertextning|text) (?:från|av)" + _NAME,
        r"svensktextning nu",
        r"tack för att du tittade",
    ),
    "de": (
        r"untertitel(?:ung)? (?:der|des|von|im auftrag des)" + _NAME,
        r"vielen dank (?:fürs|für das|für's) zuschauen",
    ),
}
_CREDITS["nn"] = _CREDITS["nb"] = _CREDITS["no"]
# Whole segments, not sentences: Whisper's answer to pure silence, which as the
# only words of a decoding window are never a person talking.
_SEGMENT_ONLY = frozenset({"you"})
_patterns: dict[str | None, re.Pattern[str]] = {}


def compression_ratio(text: str) -> float:
    """Whisper's measure of repetition: text bytes over gzip-compressed bytes."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: words compared as said."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _credits(language: str | None) -> re.Pattern[str]:
    """The credit phrases for ``language``; English always, as it leaks into all."""
    if language not in _patterns:
        if language is None:
            phrases = {p for group in _CREDITS.values() for p in group}
        else:
            phrases = {*_CREDITS["en"], *_CREDITS.get(language, ())}
        _patterns[language] = re.compile("|".join(f"(?:{p})" for p in sorted(phrases)))
    return _patterns[language]


@dataclass(frozen=True, slots=True)
class _Token:
    """A word of a segment: its decoder word, or a word of its text when it has none."""

    text: str
    word: RawWord | None

    @property
    def key(self) -> str:
        return normalise(self.text)


def _tokens(segment: RawSegment) -> list[_Token]:
    if segment.words:
        return [_Token(w.text, w) for w in segment.words]
    return [_Token(part, None) for part in segment.text.split()]


def _not_speech(segment: RawSegment) -> bool:
    unsure = segment.avg_logprob < LOG_PROB_THRESHOLD
    ratio = segment.compression_ratio
    if ratio is None:
        ratio = compression_ratio(segment.text)
    return (segment.no_speech_prob > NO_SPEECH_THRESHOLD and unsure) or (
        ratio > COMPRESSION_RATIO_THRESHOLD
    )


def _min_repeats(length: int) -> int:
    return MIN_WORD_REPEATS if length == 1 else MIN_PHRASE_REPEATS


def loop_repeats(keys: Sequence[str]) -> set[int]:
    """Positions of the 2nd, 3rd, ... occurrence of every phrase repeated in a row.

    At each position the phrase whose repetition covers most words wins, so
    "a b a b a b" is one loop of "a b", not three of nothing.
    """
    repeated: set[int] = set()
    i = 0
    while i < len(keys):
        best_length, best_count = 0, 1
        for length in range(1, MAX_LOOP_WORDS + 1):
            if i + length * _min_repeats(length) > len(keys):
                break
            phrase = list(keys[i : i + length])
            count = 1
            while list(keys[i + count * length : i + (count + 1) * length]) == phrase:
                count += 1
            if count >= _min_repeats(length) and length * count > best_length * best_count:
                best_length, best_count = length, count
        if best_length:
            repeated.update(range(i + best_length, i + best_length * best_count))
            i += best_length * best_count
        else:
            i += 1
    return repeated


def _credit_positions(tokens: Sequence[_Token], credits: re.Pattern[str]) -> set[int]:
    """Positions of the words of every sentence that is a credit phrase."""
    found: set[int] = set()
    begin = 0
    for i, token in enumerate(tokens):
        if token.text.strip().endswith(SENTENCE_END) or i == len(tokens) - 1:
            if credits.fullmatch(normalise(" ".join(t.text for t in tokens[begin : i + 1]))):
                found.update(range(begin, i + 1))
            begin = i + 1
    return found


def _rebuilt(segment: RawSegment, tokens: Sequence[_Token]) -> RawSegment:
    words = tuple(t.word for t in tokens if t.word is not None)
    if not words:
        text = " " + " ".join(t.text for t in tokens)
        return replace(segment, text=text, words=(), compression_ratio=None)
    return replace(
        segment,
        start=words[0].start,
        end=words[-1].end,
        text="".join(w.text for w in words),
        words=words,
        compression_ratio=None,
    )


def clean_segments(segments: list[RawSegment], *, language: str | None) -> list[RawSegment]:
    """``segments`` without what is most likely not speech, and without loops.

    * drops segments the decoder itself marks as not speech (no-speech
      probability over 0.6 with an average log-probability under -1.0), and
      repetitions (gzip ratio over 2.4);
    * collapses a phrase repeated in a row, within a segment or across
      consecutive ones, to its first occurrence (words and text alike), and
      drops a segment that was mostly such a loop where the decoder doubted
      there was speech at all;
    * removes sentences that are subtitle credits Whisper writes over silence
      (for ``language``, or any language when it is None);
    * drops segments left without a letter or digit.

    Segments are expected in time order; the result keeps that order.
    """
    kept = [s for s in segments if not _not_speech(s)]
    tokens = [_tokens(s) for s in kept]
    flat = [(n, k) for n, segment_tokens in enumerate(tokens) for k in range(len(segment_tokens))]
    loops = loop_repeats([tokens[n][k].key for n, k in flat])
    removed: list[set[int]] = [set() for _ in kept]
    for position in loops:
        n, k = flat[position]
        removed[n].add(k)
    credits = _credits(language)
    cleaned: list[RawSegment] = []
    for segment, segment_tokens, looped in zip(kept, tokens, removed, strict=True):
        mostly_loop = bool(segment_tokens) and 2 * len(looped) >= len(segment_tokens)
        if mostly_loop and segment.no_speech_prob > NO_SPEECH_THRESHOLD:
            continue  # a loop where the decoder heard no speech: noise or music
        remaining = [t for k, t in enumerate(segment_tokens) if k not in looped]
        credit = _credit_positions(remaining, credits)
        remaining = [t for k, t in enumerate(remaining) if k not in credit]
        text = normalise(" ".join(t.text for t in remaining))
        if not text or text in _SEGMENT_ONLY:
            continue
        if len(remaining) == len(segment_tokens):
            cleaned.append(segment)
        else:
            cleaned.append(_rebuilt(segment, remaining))
    return cleaned


TAIL_DOUBT = 0.15  # below this probability the decoder itself doubts a word
MAX_TAIL_WORDS = 2


def without_doubtful_tail(words: Sequence[RawWord]) -> list[RawWord]:
    """``words`` less a short sentence after the last one that the decoder doubts.

    On a short utterance Whisper often adds a word after the speaker's last
    sentence, out of the silence that follows it ("Sunday. Hey.", "Disabled.
    Old."), and tells its doubt: such words have a probability under 0.05,
    where a real last word said clearly is near 1.
    """
    for size in range(1, min(MAX_TAIL_WORDS, len(words) - 1) + 1):
        if words[-size - 1].text.strip().endswith(SENTENCE_END):
            if all(word.probability < TAIL_DOUBT for word in words[-size:]):
                return list(words[:-size])
            break
    return list(words)
