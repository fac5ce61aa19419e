"""Signal level in dBFS, as level meters and silence detection need it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR_DBFS = -100.0


@dataclass(frozen=True, slots=True)
class Level:
    rms_dbfs: float
    peak_dbfs: float

    @property
    def silent(self) -> bool:
        """Below what any microphone picks up in a quiet room."""
        return self.peak_dbfs < SILENCE_PEAK_DBFS


SILENCE_PEAK_DBFS = -55.0
SILENT = Level(FLOOR_DBFS, FLOOR_DBFS)


def _db(value: float) -> float:
    return max(FLOOR_DBFS, 20 * math.log10(value)) if value > 0 else FLOOR_DBFS


def measure(samples: np.ndarray) -> Level:
    if len(samples) == 0:
        return SILENT
    peak = float(np.max(np.abs(samples)))
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return Level(_db(rms), _db(peak))


def louder(a: Level, b: Level) -> Level:
    """Combine two measurements of one period (for meters updated slower than blocks)."""
    return Level(max(a.rms_dbfs, b.rms_dbfs), max(a.peak_dbfs, b.peak_dbfs))
