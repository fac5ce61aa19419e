"""Which model to suggest for a meeting language on this machine.

The choice is the most accurate model of the language's family that the
machine runs comfortably:

* fast enough: at least ``MIN_SPEED_X`` times real time (an hour of meeting in
  a quarter of an hour), by the catalogue's speed estimate for two laptop
  cores, scaled to the machine's cores; on a CUDA GPU faster-whisper runs
  float16 on the GPU and every model is fast enough;
* small enough: its estimated peak memory within half the machine's RAM, so
  the rest of the computer keeps working.

Swedish goes to KB-Whisper, Norwegian (Bokmål or Nynorsk) to NB-Whisper,
English to English-only and distilled models, every other language (Danish,
Finnish, Lithuanian, ...) and "detect the language" to the multilingual sizes.
The logic is pure: :meth:`MachineProfile.detect` is the only part that looks
at the machine.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from minuta.transcribe.catalogue import EMBEDDED_MODEL, ModelInfo, find

MIN_SPEED_X = 4.0
RAM_SHARE = 0.5
# The catalogue's speeds are for two cores; CTranslate2 gains less than
# linearly from more cores, and little past eight.
_REFERENCE_CORES = 2
_CORE_SCALING = 0.8
_MAX_USEFUL_CORES = 8
_GPU_SPEEDUP = 20.0

# Each family from the least to the most accurate.
_SWEDISH = ("kb-whisper-base", "kb-whisper-small", "kb-whisper-medium", "kb-whisper-large")
_NORWEGIAN = ("nb-whisper-base", "nb-whisper-small", "nb-whisper-large")
_ENGLISH = ("base", "small.en", "distil-medium.en", "distil-large-v3")
_MULTILINGUAL = ("base", "small", "medium", "large-v3-turbo", "large-v3")
_LANGUAGE_NAMES = {"sv": "Swedish", "no": "Norwegian", "nn": "Norwegian Nynorsk", "en": "English"}


@dataclass(frozen=True, slots=True)
class MachineProfile:
    cpu_cores: int
    ram_mb: int
    cuda_devices: int = 0

    @property
    def has_cuda(self) -> bool:
        return self.cuda_devices > 0

    @classmethod
    def detect(cls) -> MachineProfile:
        return cls(_cpu_cores(), _total_ram_mb(), _cuda_device_count())

    def describe(self) -> str:
        gpu = f", {self.cuda_devices} CUDA GPU(s)" if self.has_cuda else ", no CUDA GPU"
        return f"{self.cpu_cores} CPU cores, {self.ram_mb / 1024:.0f} GB RAM{gpu}"


@dataclass(frozen=True, slots=True)
class Recommendation:
    model: ModelInfo
    estimated_speed_x: float  # real-time factor on this machine, estimated
    reasons: tuple[str, ...]


def estimated_speed_x(info: ModelInfo, machine: MachineProfile) -> float:
    """How many times faster than real time ``info`` should run here (an estimate)."""
    if machine.has_cuda:
        return info.speed_x * _GPU_SPEEDUP
    cores = max(1, min(machine.cpu_cores, _MAX_USEFUL_CORES))
    return info.speed_x * float((cores / _REFERENCE_CORES) ** _CORE_SCALING)


def recommend(language: str | None, machine: MachineProfile) -> Recommendation:
    """The model to use for meetings in ``language`` (a Whisper code; None: detect)."""
    family, why_family = _family(language)
    candidates = [_info(name) for name in family]
    fitting = [info for info in candidates if _fits(info, machine)]
    chosen = fitting[-1] if fitting else _info(EMBEDDED_MODEL)
    speed = estimated_speed_x(chosen, machine)
    reasons = [why_family, f"This computer has {machine.describe()}."]
    if machine.has_cuda:
        reasons.append(
            "On a CUDA GPU faster-whisper runs the model in float16 on the GPU, so even the "
            "largest model transcribes many times faster than real time."
        )
    else:
        reasons.append(
            f"{chosen.name} should transcribe about {speed:.0f}x faster than real time here "
            f"and needs about {chosen.ram_mb / 1000:.1f} GB of memory (estimates)."
        )
    bigger = candidates[candidates.index(chosen) + 1 :] if chosen in candidates else []
    if bigger:
        reasons.append(_why_not_bigger(bigger[0], machine))
    if not fitting:
        reasons.append("No model of that family runs comfortably here; the embedded one does.")
    return Recommendation(chosen, speed, tuple(reasons))


def _family(language: str | None) -> tuple[tuple[str, ...], str]:
    if language == "sv":
        return _SWEDISH, (
            "Swedish: KB-Whisper from the National Library of Sweden (KBLab) is trained on "
            "50,000 hours of Swedish and makes far fewer errors than Whisper of the same size."
        )
    if language in ("no", "nn"):
        return _NORWEGIAN, (
            f"{_LANGUAGE_NAMES[language]}: NB-Whisper from the National Library of Norway is "
            "trained for Bokmål and Nynorsk."
        )
    if language == "en":
        return _ENGLISH, (
            "English: English-only and distilled models are faster than multilingual ones at "
            "the same accuracy."
        )
    if language is None:
        return _MULTILINGUAL, "Language not given: a multilingual model that detects it."
    return _MULTILINGUAL, (
        f"Language {language!r}: no model made for it is curated, so a multilingual "
        "Whisper model, the larger the more accurate."
    )


def _fits(info: ModelInfo, machine: MachineProfile) -> bool:
    if info.ram_mb > _usable_ram_mb(machine):
        return False
    return estimated_speed_x(info, machine) >= MIN_SPEED_X


def _usable_ram_mb(machine: MachineProfile) -> float:
    # On a GPU the model lives in GPU memory; main memory only holds it while loading.
    return machine.ram_mb * (1.0 if machine.has_cuda else RAM_SHARE)


def _why_not_bigger(info: ModelInfo, machine: MachineProfile) -> str:
    if info.ram_mb > _usable_ram_mb(machine):
        return f"{info.name} would need about {info.ram_mb / 1000:.1f} GB of memory: too much here."
    speed = estimated_speed_x(info, machine)
    return (
        f"{info.name} is more accurate but would run only about {speed:.1f}x real time here "
        f"(below {MIN_SPEED_X:.0f}x)."
    )


def _info(name: str) -> ModelInfo:
    info = find(name)
    if info is None:  # the families above name catalogue entries only
        raise LookupError(name)
    return info


def _cpu_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _total_ram_mb() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (AttributeError, ValueError, OSError):
        pass
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    return _windows_ram_mb() or 4096  # unknown: assume a modest laptop


def _windows_ram_mb() -> int:
    if sys.platform != "win32":
        return 0
    import ctypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("length", ctypes.c_ulong),
            ("memory_load", ctypes.c_ulong),
            ("total_physical", ctypes.c_ulonglong),
            ("available_physical", ctypes.c_ulonglong),
            ("total_page_file", ctypes.c_ulonglong),
            ("available_page_file", ctypes.c_ulonglong),
            ("total_virtual", ctypes.c_ulonglong),
            ("available_virtual", ctypes.c_ulonglong),
            ("available_extended_virtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.length = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return 0
    return int(status.total_physical // (1024 * 1024))


def _cuda_device_count() -> int:
    try:
        import ctranslate2

        return int(ctranslate2.get_cuda_device_count())
    except Exception:  # noqa: BLE001 - no CUDA runtime is the normal laptop case
        return 0
