"""Conversations of distinct synthetic voices, with the truth of who spoke when.

espeak-ng's variants of one synthesiser sound alike to a speaker encoder; these
three (a low male American voice, a high female voice, a German female voice
reading English at its own pace) are as far apart as its voices get.
"""

from __future__ import annotations

import subprocess
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr
from scipy.optimize import linear_sum_assignment

RATE = 16_000
VOICES: dict[str, tuple[str, ...]] = {
    "low": ("-v", "en-us+m3", "-p", "35", "-s", "155"),
    "high": ("-v", "en+f4", "-p", "75", "-s", "170"),
    "third": ("-v", "de+f2", "-p", "60", "-s", "150"),
}
LINES = (
    "We should move the launch to the second week of March.",
    "I think the budget is fine, but the timeline worries me.",
    "Can you send the draft to everyone before Friday?",
    "The customer asked for a second demo next Tuesday.",
    "Let me check with the finance team and come back to you.",
    "That works for me, as long as legal has signed off.",
    "We also need a new contact person for the northern region.",
    "Good point, I will add it to the list of open questions.",
)


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    voice: str


@dataclass(frozen=True)
class Conversation:
    audio: np.ndarray
    turns: tuple[Turn, ...]


def say(folder: Path, voice: str, text: str) -> np.ndarray:
    """``text`` in ``voice`` as 16 kHz float audio, silence at both ends trimmed."""
    path = folder / f"{voice}-{abs(hash(text))}.wav"
    if not path.exists():
        subprocess.run(["espeak-ng", *VOICES[voice], "-w", str(path), text], check=True)
    with wave.open(str(path)) as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float32)
    audio = soxr.resample(samples / 32768, rate, RATE).astype(np.float32)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0] : loud[-1] + 1]


def conversation(folder: Path, voices: Sequence[str], pause_s: float = 0.4) -> Conversation:
    """One line per turn, voices in the order given; every third change is a quick 80 ms one."""
    pieces = [np.zeros(RATE // 4, np.float32)]
    turns: list[Turn] = []
    t = 0.25
    for index, voice in enumerate(voices):
        line = say(folder, voice, LINES[index % len(LINES)])
        turns.append(Turn(t, t + len(line) / RATE, voice))
        pause = 0.08 if index % 3 == 2 else pause_s
        pieces += [line, np.zeros(round(pause * RATE), np.float32)]
        t += len(line) / RATE + pause
    return Conversation(np.concatenate(pieces), tuple(turns))


def best_mapping_accuracy(
    reference: Sequence[Turn], found: Sequence[tuple[float, float, object]]
) -> float:
    """Share of reference speech time labelled with its speaker, after the best one-to-one
    mapping of found labels to voices (10 ms frames; unlabelled speech counts as wrong)."""
    voices = sorted({t.voice for t in reference})
    labels = sorted({label for _, _, label in found}, key=str)
    end = max(t.end for t in reference)
    frames = np.arange(0, end, 0.01) + 0.005
    truth = np.full(len(frames), -1)
    for turn in reference:
        truth[(frames >= turn.start) & (frames < turn.end)] = voices.index(turn.voice)
    guess = np.full(len(frames), -1)
    for start, stop, label in found:
        guess[(frames >= start) & (frames < stop)] = labels.index(label)
    speech = truth >= 0
    overlap = np.zeros((len(voices), max(1, len(labels))))
    for v in range(len(voices)):
        for g in range(len(labels)):
            overlap[v, g] = np.sum(speech & (truth == v) & (guess == g))
    rows, cols = linear_sum_assignment(-overlap)
    return float(overlap[rows, cols].sum() / speech.sum())
