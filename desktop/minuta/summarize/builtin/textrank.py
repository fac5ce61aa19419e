"""Key sentences by TextRank over a sparse word-overlap graph.

Two sentences are linked by the folded words they share (case and accents
ignored, :func:`minuta.core.text.words`), weighted as in Mihalcea and Tarau's
TextRank: overlap / (log |a| + log |b|). Function words would link everything
to everything, so words shorter than four letters, a short stop list, and words
found in a large share of the sentences are left out. The graph is built from
each word's list of sentences, never from all pairs, and ranked by power
iteration in numpy, so an hour-long meeting (a few thousand sentences) takes
milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from minuta.core.text import words

DAMPING = 0.85
ITERATIONS = 40
MIN_WORD_CHARS = 4
# A word in more than this share of sentences says nothing about any of them; and a
# word's sentences are linked pairwise, so their number is capped for long meetings.
MAX_SHARE = 0.15
MAX_POSTINGS = 200
MIN_SENTENCE_WORDS = 5

# Folded function words of four letters or more, all languages together.
_STOP_WORDS = """
that this with have from they them then there their what when which would could should
about just like really think know yeah okay well also some were been will your into more
than very much only here these those because maybe sure right thing things going want
ogsa eller ikke noget nogen hvad hvor hvis skal kunne ville bare lige altsa sadan meget
rigtig godt bliver blev efter inden mellem vores deres hende hans
ocksa inte nagot nagon vill skulle kunna bara liksom sedan mycket alltsa deras hennes
ikkje noen noko mykje veldig
mutta myos sitten koska joka jotka niin vaan kanssa meidan teidan heidan olla ollaan
siis tama siita sita joten vain viela kylla mita mika
"""
STOP = frozenset(_STOP_WORDS.split())


def _vocabulary(sentences: Sequence[str]) -> list[list[int]]:
    """For each kept word, the sentences it occurs in."""
    postings: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        for word in set(words(sentence)):
            if len(word) >= MIN_WORD_CHARS and word not in STOP and not word.isdigit():
                postings.setdefault(word, []).append(index)
    limit = max(2, min(int(MAX_SHARE * len(sentences)), MAX_POSTINGS))
    return [found for found in postings.values() if 2 <= len(found) <= limit]


def rank(sentences: Sequence[str]) -> npt.NDArray[np.float64]:
    """A TextRank score per sentence (higher is more central); zeros for isolated ones."""
    count = len(sentences)
    scores: npt.NDArray[np.float64] = np.zeros(count)
    if count < 2:
        return scores
    lists = _vocabulary(sentences)
    if not lists:
        return scores
    rows = np.concatenate([np.repeat(np.asarray(p), len(p)) for p in lists])
    cols = np.concatenate([np.tile(np.asarray(p), len(p)) for p in lists])
    keep = rows != cols
    keys, overlap = np.unique(rows[keep] * count + cols[keep], return_counts=True)
    if keys.size == 0:
        return scores
    source, target = np.divmod(keys, count)
    lengths = np.array([max(len(words(s)), 2) for s in sentences], dtype=float)
    weight = overlap / (np.log(lengths[source]) + np.log(lengths[target]))
    out = np.bincount(source, weights=weight, minlength=count)
    share = weight / out[source]
    scores = np.ones(count, dtype=np.float64)
    for _ in range(ITERATIONS):
        spread = np.bincount(target, weights=share * scores[source], minlength=count)
        scores = np.asarray((1 - DAMPING) + DAMPING * spread, dtype=np.float64)
    linked = np.zeros(count, dtype=bool)
    linked[source] = True
    return np.where(linked, scores, 0.0)


def key_sentences(sentences: Sequence[str], limit: int) -> list[int]:
    """The indexes of the ``limit`` most central sentences, in their original order.

    Questions and sentences under five words are never chosen; when nothing is
    linked (a very short meeting), the longest statements stand in.
    """
    candidates = [
        i
        for i, s in enumerate(sentences)
        if len(words(s)) >= MIN_SENTENCE_WORDS and not s.rstrip().endswith("?")
    ]
    if not candidates or limit <= 0:
        return []
    scores = rank(sentences)
    ordered = sorted(candidates, key=lambda i: (-scores[i], -len(sentences[i]), i))
    return sorted(ordered[:limit])
