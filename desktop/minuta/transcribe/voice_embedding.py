"""Voice embeddings: a 256-number fingerprint of who is speaking in a stretch of audio.

The model is the GE2E speaker encoder shipped in the ``resemblyzer`` 0.1.4 wheel
on PyPI (Apache-2.0; 3-layer LSTM, 1.4 M parameters, trained on LibriSpeech,
VoxCeleb 1 and 2). Its weights were converted once to ``data/voice_encoder.npz``
(float16, 2.8 MB; see :mod:`minuta.transcribe.voice_weights`) and the network
runs here in NumPy, so nothing is fetched at run time and PyTorch is never
needed. The other speaker-embedding packages on PyPI were ruled out because
they ship code but no weights and download a model on first use
(``speakeronnx`` and ``voice-fingerprint`` from a model hub, ``redimnet2-onnx``
from a release page, ``wespeakerruntime`` likewise), need PyTorch at run time
(``diarize``, ``resemblyzer`` itself), or cannot be installed from a wheel
(``polyvoice`` builds from Rust source). An ECAPA or ResNet embedding
separates voices better than GE2E, but none ships on these terms; on the
two- to four-voice conversations of ``bench/diarize.py`` GE2E reaches a median
diarization error rate of about 2%.

Front end, as in Resemblyzer: 16 kHz audio, 25 ms Hann windows every 10 ms,
40 Slaney mel bands of the power spectrum (not logged). Each window is first
brought to -30 dBFS so that a loud and a quiet talker are compared by voice,
not by level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

SAMPLE_RATE = 16_000
HOP = 160  # 10 ms
N_FFT = 400  # 25 ms
N_MELS = 40
EMBEDDING_SIZE = 256
_TARGET_DBFS = -30.0
_LAYERS = 3
_BATCH = 64  # windows per forward pass; bounds memory to a few tens of MB


def _hz_to_mel(frequency: float | np.ndarray) -> np.ndarray:
    # Slaney's scale: linear below 1 kHz, logarithmic above (librosa's default).
    hz = np.asarray(frequency, dtype=np.float64)
    mel = hz / (200.0 / 3)
    log_region = hz >= 1000.0
    return np.where(
        log_region, 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0), mel
    )


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    mel = np.asarray(mel, dtype=np.float64)
    hz = mel * (200.0 / 3)
    return np.where(mel >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0)), hz)


@cache
def mel_filterbank() -> np.ndarray:
    """(N_MELS, N_FFT // 2 + 1) Slaney-normalised triangular filters."""
    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, N_FFT // 2 + 1)
    mel_points = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2))
    widths = np.diff(mel_points)
    ramps = mel_points[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_points[2:] - mel_points[:-2]))[:, None]
    return weights.astype(np.float32)


@cache
def _window() -> np.ndarray:
    return (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)


def normalise_level(samples: np.ndarray) -> np.ndarray:
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0
    if rms < 1e-6:
        return samples.astype(np.float32)
    gain = 10 ** (_TARGET_DBFS / 20) / rms
    return (samples * gain).astype(np.float32)


def mel_frames(samples: np.ndarray) -> np.ndarray:
    """(frames, N_MELS) mel power spectrogram, one frame per 10 ms (centred windows)."""
    padded = np.pad(samples.astype(np.float32), N_FFT // 2)
    count = 1 + (len(padded) - N_FFT) // HOP
    frames = np.lib.stride_tricks.sliding_window_view(padded, N_FFT)[::HOP][:count]
    power = np.abs(np.fft.rfft(frames * _window(), axis=1)) ** 2
    mels: np.ndarray = power.astype(np.float32) @ mel_filterbank().T
    return mels.astype(np.float32)


class VoiceEncoder:
    """The GE2E LSTM in NumPy. Thread-compatible: no state between calls."""

    def __init__(self, weights: dict[str, np.ndarray] | None = None) -> None:
        w = weights if weights is not None else _shipped_weights()
        hidden = w["lstm.weight_hh_l0"].shape[1]
        # PyTorch stores the gates as input, forget, cell, output; reordered to input,
        # forget, output, cell so that the three sigmoid gates are one contiguous slice.
        order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]

        def param(name: str) -> np.ndarray:
            return np.asarray(w[name], dtype=np.float32)[order]

        self._w_ih = [param(f"lstm.weight_ih_l{i}").T.copy() for i in range(_LAYERS)]
        self._w_hh = [param(f"lstm.weight_hh_l{i}").T.copy() for i in range(_LAYERS)]
        self._bias = [
            param(f"lstm.bias_ih_l{i}") + param(f"lstm.bias_hh_l{i}") for i in range(_LAYERS)
        ]
        self._proj_w = w["linear.weight"].astype(np.float32).T.copy()
        self._proj_b = w["linear.bias"].astype(np.float32)

    def embed_mels(self, mels: np.ndarray) -> np.ndarray:
        """(batch, frames, N_MELS) -> (batch, EMBEDDING_SIZE) unit vectors."""
        x = mels.astype(np.float32)
        batch, steps, _ = x.shape
        hidden = self._w_hh[0].shape[0]
        for layer in range(_LAYERS):
            # The input projection for every step at once; only the recurrence is a loop.
            gates_in = x @ self._w_ih[layer] + self._bias[layer]
            h: np.ndarray = np.zeros((batch, hidden), dtype=np.float32)
            c: np.ndarray = np.zeros((batch, hidden), dtype=np.float32)
            outputs = np.empty((batch, steps, hidden), dtype=np.float32)
            w_hh = self._w_hh[layer]
            for t in range(steps):
                gates = gates_in[:, t] + h @ w_hh
                # sigmoid(x) = (1 + tanh(x / 2)) / 2, one transcendental call instead of two.
                ifo = 0.5 + 0.5 * np.tanh(0.5 * gates[:, : 3 * hidden])
                g = np.tanh(gates[:, 3 * hidden :])
                c = ifo[:, hidden : 2 * hidden] * c + ifo[:, :hidden] * g
                h = ifo[:, 2 * hidden :] * np.tanh(c)
                outputs[:, t] = h
            x = outputs
        raw: np.ndarray = np.maximum(x[:, -1] @ self._proj_w + self._proj_b, 0.0)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return np.asarray(raw / np.maximum(norms, 1e-9), dtype=np.float32)

    def embed_windows(self, samples: np.ndarray, windows: Sequence[tuple[int, int]]) -> np.ndarray:
        """One embedding per ``(start, end)`` sample range of 16 kHz ``samples``."""
        result = np.zeros((len(windows), EMBEDDING_SIZE), dtype=np.float32)
        by_length: dict[int, list[tuple[int, np.ndarray]]] = defaultdict(list)
        for index, (start, end) in enumerate(windows):
            mels = mel_frames(normalise_level(samples[start:end]))
            by_length[len(mels)].append((index, mels))
        from threadpoolctl import threadpool_limits

        # Windows of equal length run as one batch; most share the full window length.
        # One BLAS thread: the recurrent products are too small to share, and threads
        # that wait on each other on a busy two-core machine cost several times more.
        with threadpool_limits(limits=1, user_api="blas"):
            self._embed_groups(list(by_length.values()), result)
        return result

    def _embed_groups(self, groups: list[list[tuple[int, np.ndarray]]], result: np.ndarray) -> None:
        for group in groups:
            for first in range(0, len(group), _BATCH):
                chunk = group[first : first + _BATCH]
                embedded = self.embed_mels(np.stack([mels for _, mels in chunk]))
                for (index, _), vector in zip(chunk, embedded, strict=True):
                    result[index] = vector


def _shipped_weights() -> dict[str, np.ndarray]:
    source = resources.files("minuta.transcribe").joinpath("data", "voice_encoder.npz")
    with source.open("rb") as file, np.load(file) as archive:
        return {key.replace("__", "."): archive[key] for key in archive.files}


@cache
def shared_encoder() -> VoiceEncoder:
    """The encoder with the shipped weights, loaded once per process."""
    return VoiceEncoder()
