"""Who spoke when on one channel: speech regions, voice embeddings, clustering.

1. Silero VAD (shipped with faster-whisper) finds speech; pauses down to
   0.25 s split regions, because a change of speaker usually comes with one.
2. Each region is covered by windows of up to 1.6 s (the encoder's training
   length) every 0.8 s, and each window gets a voice embedding.
3. The windows are clustered: agglomerative, average linkage on cosine
   distance, cut at a distance threshold, or into the expected number of
   speakers when it is known. Without a known number, clusters whose centroids
   are nearly the same voice are then merged. Two passes of "move each window to its nearest
   centroid" then fix windows that average linkage placed by their neighbours.
   Tiny clusters (less talk than a short sentence) are folded into the nearest
   real speaker: they are nearly always a cough, a laugh or a window that
   straddles two voices, not a person.
4. Every window owns the time nearest to its centre, which gives speaker
   turns; a transcript segment takes the speaker it overlaps most.

Speakers are numbered by first appearance, so speaker 0 spoke first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from minuta.transcribe.voice_embedding import SAMPLE_RATE, VoiceEncoder, shared_encoder

WINDOW_S = 1.6
HOP_S = 0.8
MIN_WINDOW_S = 0.4  # shorter regions carry too little voice; they take a neighbour's label
# Average-linkage cosine distance above which two groups of windows are different people,
# then the centroid similarity above which two clusters are one voice after all. Tuned with
# bench/diarize.py: single windows of one voice sit about 0.25 apart, of two voices above
# 0.4; centroids of one voice split in two agree to 0.84-0.9, of two voices to 0.43-0.77.
DEFAULT_THRESHOLD = 0.35
MERGE_SIMILARITY = 0.80
MIN_SPEAKER_S = 2.5
MAX_SPEAKERS = 10
MAX_LINKAGE_WINDOWS = 8000


@dataclass(frozen=True, slots=True)
class SpeakerTurn:
    start: float
    end: float
    speaker: int


@dataclass(frozen=True, slots=True)
class Diarization:
    """Turns and one unit-length centroid embedding per speaker (row = speaker number)."""

    turns: tuple[SpeakerTurn, ...]
    centroids: np.ndarray

    @property
    def speaker_count(self) -> int:
        return int(self.centroids.shape[0])

    def talk_time(self, speaker: int) -> float:
        return sum(t.end - t.start for t in self.turns if t.speaker == speaker)

    def speaker_for(self, start: float, end: float) -> int | None:
        """The speaker who talks most in ``[start, end]``; the nearest turn's if none does."""
        return label_segments(self, [(start, end)])[0]


def speech_regions(samples: np.ndarray) -> list[tuple[int, int]]:
    """Speech as ``(start, end)`` sample ranges of 16 kHz audio."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=250, speech_pad_ms=60, min_speech_duration_ms=200)
    return [(r["start"], r["end"]) for r in get_speech_timestamps(samples, options)]


def _windows(regions: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """``(start, end, region index)`` windows covering each region evenly."""
    full, hop, shortest = (round(s * SAMPLE_RATE) for s in (WINDOW_S, HOP_S, MIN_WINDOW_S))
    step = SAMPLE_RATE // 10
    windows: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(regions):
        length = end - start
        if length < shortest:
            continue
        # Lengths rounded down to 0.1 s so that windows batch together in a few sizes.
        size = min(full, length - length % step)
        count = max(1, int(np.ceil((length - size) / hop)) + 1)
        for offset in np.linspace(start, end - size, count).round().astype(int):
            windows.append((int(offset), int(offset) + size, index))
    return windows


def _normalise(vectors: np.ndarray) -> np.ndarray:
    return np.asarray(vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-9))


def _centroids(embeddings: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    return _normalise(np.stack([embeddings[labels == k].mean(axis=0) for k in range(count)]))


def _relabel(labels: np.ndarray) -> tuple[np.ndarray, int]:
    """Labels renumbered 0..k-1 in order of first appearance."""
    order: dict[int, int] = {}
    for label in labels.tolist():
        order.setdefault(label, len(order))
    return np.array([order[label] for label in labels.tolist()], dtype=int), len(order)


def cluster(
    embeddings: np.ndarray,
    durations: np.ndarray,
    *,
    speakers: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    max_speakers: int = MAX_SPEAKERS,
) -> np.ndarray:
    """A speaker number per embedding (first appearance = 0)."""
    count = len(embeddings)
    if count == 0:
        return np.zeros(0, dtype=int)
    if count == 1 or speakers == 1:
        return np.zeros(count, dtype=int)
    from scipy.cluster.hierarchy import fcluster, linkage

    # Linkage needs memory quadratic in the windows: past about two hours of speech, the
    # tree is built on an even sample and the rest join their nearest cluster below.
    sample = np.linspace(0, count - 1, min(count, MAX_LINKAGE_WINDOWS)).round().astype(int)
    tree = linkage(embeddings[sample].astype(np.float64), method="average", metric="cosine")
    if speakers is not None:
        sampled = fcluster(tree, t=min(speakers, len(sample)), criterion="maxclust")
    else:
        sampled = fcluster(tree, t=threshold, criterion="distance")
        if len(set(sampled.tolist())) > max_speakers:
            sampled = fcluster(tree, t=max_speakers, criterion="maxclust")
    sampled, k = _relabel(sampled)
    centroids = _centroids(embeddings[sample], sampled, k)
    labels = (embeddings @ centroids.T).argmax(axis=1)
    labels[sample] = sampled
    labels, k = _relabel(labels)
    if speakers is None:
        labels, k = _merge_close(embeddings, labels, k)
    for _ in range(2):
        centroids = _centroids(embeddings, labels, k)
        labels, k = _relabel((embeddings @ centroids.T).argmax(axis=1))
    if speakers is None:
        labels, k = _fold_small(embeddings, durations, labels, k)
    return labels


def _merge_close(embeddings: np.ndarray, labels: np.ndarray, k: int) -> tuple[np.ndarray, int]:
    """Merge clusters whose centroids are as alike as one voice's two halves usually are.

    Average linkage over single windows splits a long meeting's voice in several
    clusters (a voice drifts with mood and loudness); their centroids, averaged
    over many windows, still agree closely, more than two different voices do.
    """
    while k > 1:
        centroids = _centroids(embeddings, labels, k)
        similarity = centroids @ centroids.T
        np.fill_diagonal(similarity, -1.0)
        a, b = np.unravel_index(int(similarity.argmax()), similarity.shape)
        if similarity[a, b] < MERGE_SIMILARITY:
            break
        labels, k = _relabel(np.where(labels == b, a, labels))
    return labels, k


def _fold_small(
    embeddings: np.ndarray, durations: np.ndarray, labels: np.ndarray, k: int
) -> tuple[np.ndarray, int]:
    talk = np.array([durations[labels == c].sum() for c in range(k)])
    keep = [c for c in range(k) if talk[c] >= MIN_SPEAKER_S]
    if not keep or len(keep) == k:
        return labels, k
    centroids = _centroids(embeddings, labels, k)[keep]
    nearest = np.array(keep)[(embeddings @ centroids.T).argmax(axis=1)]
    moved = np.where(np.isin(labels, keep), labels, nearest)
    return _relabel(moved)


def _turns(
    regions: Sequence[tuple[int, int]], windows: Sequence[tuple[int, int, int]], labels: np.ndarray
) -> list[SpeakerTurn]:
    centres = np.array([(start + end) / 2 for start, end, _ in windows])
    by_region: dict[int, list[int]] = {}
    for i, (_, _, region) in enumerate(windows):
        by_region.setdefault(region, []).append(i)
    pieces: list[SpeakerTurn] = []
    for index, (start, end) in enumerate(regions):
        own = by_region.get(index, [])
        if not own:
            # Too short for a window of its own: the speaker nearest in time.
            nearest = int(np.abs(centres - (start + end) / 2).argmin())
            own_labels, cuts = [int(labels[nearest])], [start, end]
        else:
            own_labels = [int(labels[i]) for i in own]
            middles = [(centres[a] + centres[b]) / 2 for a, b in itertools.pairwise(own)]
            cuts = [start, *middles, end]
        for speaker, a, b in zip(own_labels, cuts, cuts[1:], strict=False):
            if (
                pieces
                and pieces[-1].speaker == speaker
                and abs(pieces[-1].end - a / SAMPLE_RATE) < 1e-6
            ):
                pieces[-1] = SpeakerTurn(pieces[-1].start, b / SAMPLE_RATE, speaker)
            else:
                pieces.append(SpeakerTurn(a / SAMPLE_RATE, b / SAMPLE_RATE, speaker))
    return pieces


def diarize(
    samples: np.ndarray,
    *,
    speakers: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    encoder: VoiceEncoder | None = None,
    regions: Sequence[tuple[int, int]] | None = None,
) -> Diarization:
    """Who spoke when in 16 kHz mono ``samples``; ``speakers`` fixes how many there are."""
    if speakers is not None and speakers < 1:
        raise ValueError("the number of speakers must be at least 1")
    found = list(regions) if regions is not None else speech_regions(samples)
    windows = _windows(found)
    if not windows:
        return Diarization((), np.zeros((0, 256), dtype=np.float32))
    embeddings = (encoder or shared_encoder()).embed_windows(
        samples, [(start, end) for start, end, _ in windows]
    )
    durations = np.array([(end - start) / SAMPLE_RATE for start, end, _ in windows]) * (
        HOP_S / WINDOW_S
    )
    labels = cluster(embeddings, durations, speakers=speakers, threshold=threshold)
    count = int(labels.max()) + 1
    return Diarization(
        tuple(_turns(found, windows, labels)),
        _centroids(embeddings, labels, count).astype(np.float32),
    )


def label_segments(
    diarization: Diarization, spans: Sequence[tuple[float, float]]
) -> list[int | None]:
    """The speaker of each ``(start, end)`` transcript segment, by largest overlap.

    A segment that overlaps no turn (it lies in a pause) takes the nearest turn's speaker.
    """
    if not diarization.turns:
        return [None] * len(spans)
    starts = np.array([t.start for t in diarization.turns])
    ends = np.array([t.end for t in diarization.turns])
    who = np.array([t.speaker for t in diarization.turns])
    middles = (starts + ends) / 2
    found: list[int | None] = []
    for start, end in spans:
        overlap = np.clip(np.minimum(end, ends) - np.maximum(start, starts), 0.0, None)
        if overlap.max() > 0:
            per_speaker = np.bincount(who, weights=overlap, minlength=diarization.speaker_count)
            found.append(int(per_speaker.argmax()))
        else:
            found.append(int(who[np.abs(middles - (start + end) / 2).argmin()]))
    return found
