"""Cross-channel echo gate: keep the far end out of the "me" transcript.

Without headphones the microphone also hears the call from the laptop speakers,
delayed, attenuated, coloured and reverberated; transcribed as it is, the far
end's words show up twice, as "them" and as "me". The stored audio stays as
recorded: this module makes a copy of the microphone signal for transcription in
which the stretches that the far end's echo explains are silenced and the user's
speech, alone or over the far end, is kept as it is. In band powers of 20 ms
frames every 10 ms:

1. Delay: far-end onsets (rises of log band power) are correlated with the
   microphone's over -40..500 ms, per 5 s block, in a 30 s window (stable) and a
   10 s one (follows a path that changes: people move, devices change, clocks
   drift). A block without a clear peak borrows its neighbour's delay; with none
   at all there is no echo (headphones) and the microphone comes back untouched.
2. Path: per band, a non-negative power-domain filter (direct path and three
   exponential reverberation tails), fitted by weighted least squares that drops
   the frames the echo cannot explain (the user).
3. Gate: a frame is silenced when its predicted echo is over the noise floor and
   little of its energy is left unexplained (with a margin). Frames next to clear
   speech of the user need less evidence (hysteresis); a majority vote, a little
   widening and 10 ms gain ramps keep word edges and avoid clicks.

bench/echo.py measures how often far-end words still reach the "me" transcript
with and without the gate. An hour of audio takes about 13 s on one core.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SAMPLE_RATE = 16_000
_TINY = 1e-12  # band power floor: about -120 dBFS
_FAR_ACTIVE = 1e-7  # total far power below -70 dBFS is silence
_CHUNK_FRAMES = 4096  # frames per FFT call: bounds memory on long meetings
_DIRECT_LAGS = (-1, 0, 1, 2)  # frames around the delay: window smear, fractional delay
_TAIL_START = 3  # frames after the delay where the reverberation terms start
_TAIL_RT60_S = (0.1, 0.3, 0.8)  # short, room-like and long decays, mixed by the fit
_Floors = tuple[np.ndarray, np.ndarray]  # noise floor per band: microphone, far end


@dataclass(frozen=True, slots=True)
class EchoGateConfig:
    """Tuning of :func:`suppress_echo`; the defaults are what bench/echo.py measured."""

    hop_s: float = 0.01
    n_bands: int = 32
    min_delay_s: float = -0.04  # capture timestamps may put the echo slightly early
    max_delay_s: float = 0.5
    block_s: float = 5.0
    context_s: float = 30.0  # window of the stable delay estimate
    fit_s: float = 10.0  # window of the path fit and of the fast delay estimate
    min_peak_z: float = 5.0  # how far the correlation peak must stand out (no echo: 2-5)
    min_audible_share: float = 0.1  # of far-end frames whose echo must be over the noise
    margin_db: float = 9.0  # mic energy this far over the predicted echo is the user ...
    near_share: float = 0.5  # ... when it is also this share of the frame's energy ...
    noise_margin_db: float = 6.0  # ... and this far above the microphone's noise floor
    hold_margin_db: float = 3.0  # weaker evidence that extends the user's stretches
    hold_share: float = 0.3
    smooth_frames: int = 5
    vote_frames: int = 5
    dilate_frames: int = 2  # the prediction covers +-2 frames of delay error
    keep_before_s: float = 0.03
    keep_after_s: float = 0.08  # longer lets echo through next to the user (measured)
    gate_gain: float = 0.0  # silence: Whisper transcribes even a faint echo


@dataclass(frozen=True, slots=True)
class EchoGateResult:
    """The gated copy of the microphone signal, for transcription only."""

    mic: np.ndarray
    delay_s: float | None  # median echo delay; None when no echo was found
    coupling_db: float | None  # echo energy at the mic relative to the far end's
    gated_fraction: float  # share of the microphone time that was silenced

    @property
    def echo_found(self) -> bool:
        return self.delay_s is not None


def suppress_echo(
    mic: np.ndarray,
    far: np.ndarray,
    sample_rate: int = SAMPLE_RATE,
    *,
    config: EchoGateConfig | None = None,
) -> EchoGateResult:
    """Silence the stretches of ``mic`` that are only the far end's echo.

    ``mic`` and ``far`` are mono float signals on one timeline starting together;
    where ``far`` is shorter it counts as silence. ``mic`` itself is never modified;
    without a far end or without an echo the result is an exact copy.
    """
    cfg = config or EchoGateConfig()
    mic = np.asarray(mic, dtype=np.float32).reshape(-1)
    far = np.asarray(far, dtype=np.float32).reshape(-1)
    untouched = EchoGateResult(mic.copy(), None, None, 0.0)
    if len(mic) == 0 or len(far) == 0:
        return untouched
    hop = max(1, round(sample_rate * cfg.hop_s))
    # Only the microphone's time matters; a far end that ended reads as silence.
    n_frames = len(mic) // hop + 2
    bands = _band_matrix(sample_rate, 2 * hop, cfg.n_bands)
    pf = _smooth(_band_powers(far, hop, n_frames, bands), cfg.smooth_frames)
    far_active = pf.sum(axis=1) > max(_FAR_ACTIVE, 10 * _noise_floor(pf).sum())
    if not far_active.any():
        return untouched
    block = max(1, round(cfg.block_s / cfg.hop_s))
    blocks = [(b0, min(n_frames, b0 + block)) for b0 in range(0, n_frames, block)]
    pm = _smooth(_band_powers(mic, hop, n_frames, bands), cfg.smooth_frames)
    frames = _Frames(pm, pf, far_active, blocks)
    # Blocks whose long window never hears the far end have nothing to gate.
    frames.blocks = [b for b in blocks if far_active[frames.window(b, cfg.context_s, cfg)].any()]
    verdict = _judge(frames, _block_delays(frames, cfg), cfg)
    # A correlation peak by chance fits an "echo" under the noise floor: not an echo.
    if not verdict.delays or verdict.audible < cfg.min_audible_share * verdict.heard:
        return untouched
    # Hysteresis: once the user is clearly heard, weaker evidence keeps the frames
    # next to it (soft word ends under a loud echo).
    keep = _tidy(verdict.quiet | _grow(verdict.user, verdict.held), cfg)
    gains = np.where(keep, 1.0, cfg.gate_gain)
    return EchoGateResult(
        mic=_apply_gains(mic, gains, hop),
        delay_s=float(np.median(verdict.delays) * cfg.hop_s),
        coupling_db=float(10 * np.log10(max(verdict.echo_power, _TINY) / verdict.far_power)),
        gated_fraction=float(np.mean(gains[:-1] < 0.5)),
    )


@dataclass
class _Frames:
    """Smoothed band powers (frames x bands) of both channels, in blocks."""

    pm: np.ndarray
    pf: np.ndarray
    far_active: np.ndarray
    blocks: list[tuple[int, int]]  # start and end frame of each block that hears the far end

    def window(self, block: tuple[int, int], seconds: float, cfg: EchoGateConfig) -> slice:
        """Frames of a window of ``seconds`` centred on the block (at least the block)."""
        side = max(0, round((seconds - cfg.block_s) / 2 / cfg.hop_s))
        return slice(max(0, block[0] - side), min(len(self.pm), block[1] + side))

    def floors(self, window: slice) -> _Floors:
        return _noise_floor(self.pm[window]), _noise_floor(self.pf[window])


def _block_delays(frames: _Frames, cfg: EchoGateConfig) -> list[tuple[float | None, ...]]:
    """Per block, the echo delay in (fractional) frames from the long window and from
    the short one; None where it does not show."""
    lags = np.arange(round(cfg.min_delay_s / cfg.hop_s), round(cfg.max_delay_s / cfg.hop_s) + 1)
    windows = [
        [frames.window(b, s, cfg) for s in (cfg.context_s, cfg.fit_s)] for b in frames.blocks
    ]
    return [
        tuple(
            _estimate_delay(frames.pm[w], frames.pf[w], frames.floors(w), lags, cfg.min_peak_z)
            for w in pair
        )
        for pair in windows
    ]


@dataclass
class _Verdict:
    quiet: np.ndarray  # per frame: no audible echo
    user: np.ndarray  # clearly the user
    held: np.ndarray  # possibly the user (kept next to clearly)
    echo_power: float = 0.0
    far_power: float = _TINY
    audible: int = 0  # far-end frames whose predicted echo is over the mic's noise
    heard: int = 0  # far-end frames
    delays: list[float] = field(default_factory=list)  # per block gated, in frames


def _judge(
    frames: _Frames, delays: list[tuple[float | None, ...]], cfg: EchoGateConfig
) -> _Verdict:
    n = len(frames.pm)
    verdict = _Verdict(np.ones(n, bool), np.zeros(n, bool), np.zeros(n, bool))
    stable = [(b[0], d[0]) for b, d in zip(frames.blocks, delays, strict=True) if d[0] is not None]
    history = round(1.2 * max(_TAIL_RT60_S) / cfg.hop_s)
    for (b0, b1), (own, short) in zip(frames.blocks, delays, strict=True):
        if not stable:  # no block shows an echo: headphones, or none to speak of
            break
        # A block whose own peak drowned (double talk, a quiet far end) borrows the
        # delay of the nearest block that had one: the path rarely jumps. When it
        # does, the short window sees another delay, and the better fit decides; on
        # its own a short window is too often fooled by the user's speech.
        candidates = [own if own is not None else min(stable, key=lambda x: abs(x[0] - b0))[1]]
        if short is not None and abs(short - candidates[0]) > cfg.dilate_frames:
            candidates.append(short)
        w = frames.window((b0, b1), cfg.fit_s, cfg)
        floors = frames.floors(w)
        t0 = max(0, w.start - history)  # the reverberation terms need the far end's past
        fits = [
            _fit_echo(frames.pm[w], frames.pf[t0 : w.stop], w.start - t0, round(d), floors, cfg=cfg)
            for d in candidates
        ]
        misfits = [_misfit(frames.pm[w], f, floors[0]) for f in fits]
        best = int(np.argmin(misfits))
        # A path that explains the microphone worse than no echo at all is wrong.
        if misfits[best] > _misfit(frames.pm[w], 0 * fits[best], floors[0]):
            continue
        s0, s1 = b0 - w.start, b1 - w.start
        predicted, echo = fits[best][s0:s1], _dilate(fits[best], cfg.dilate_frames)[s0:s1]
        pm, noise = frames.pm[b0:b1], float(floors[0].sum())
        verdict.quiet[b0:b1] = echo.sum(axis=1) <= noise
        least = 10 ** (cfg.noise_margin_db / 10) * noise
        verdict.user[b0:b1] = _unexplained(pm, echo, least, cfg.margin_db, cfg.near_share)
        verdict.held[b0:b1] = _unexplained(pm, echo, least, cfg.hold_margin_db, cfg.hold_share)
        active = frames.far_active[b0:b1]
        verdict.delays.append(candidates[best])
        verdict.echo_power += float(predicted[active].sum())
        verdict.far_power += float(frames.pf[b0:b1][active].sum())
        verdict.audible += int(np.count_nonzero(predicted[active].sum(axis=1) > 2 * noise))
        verdict.heard += int(np.count_nonzero(active))
    return verdict


def _misfit(pm: np.ndarray, fitted: np.ndarray, mic_floor: np.ndarray) -> float:
    """Mean log distance (capped at 20 dB) between measured and predicted power over
    the frames where the microphone hears something; the user's frames count alike
    for every fit."""
    noise = float(mic_floor.sum())
    total = pm.sum(axis=1)
    loud = total > 4 * noise
    if not loud.any():
        return 0.0
    distance = np.abs(np.log((total[loud] + noise) / (fitted.sum(axis=1)[loud] + noise)))
    return float(np.mean(np.minimum(distance, np.log(100.0))))


def _apply_gains(mic: np.ndarray, gains: np.ndarray, hop: int) -> np.ndarray:
    """``mic`` times the frame gains, interpolated linearly between frame centres
    (frame k is centred on sample k*hop): 10 ms ramps, no clicks. Samples whose gain
    is 1 are copied bit for bit."""
    audio = mic.copy()
    changed = np.flatnonzero(gains < 1.0)
    if len(changed) == 0:
        return audio
    # Each run of frames below 1 touches the samples between its neighbours' centres.
    breaks = np.flatnonzero(np.diff(changed) > 1)
    centres = np.arange(len(gains)) * hop
    for first, last in zip(
        changed[np.r_[0, breaks + 1]].tolist(), changed[np.r_[breaks, -1]].tolist(), strict=True
    ):
        lo, hi = max(0, first - 1), min(len(gains) - 1, last + 1)
        a, b = centres[lo], min(centres[hi], len(mic))
        if a < b:
            curve = np.interp(np.arange(a, b), centres[lo : hi + 1], gains[lo : hi + 1])
            audio[a:b] = (mic[a:b] * curve).astype(np.float32)
    return audio


# --- analysis ---------------------------------------------------------------------------


def _band_matrix(sample_rate: int, window: int, n_bands: int) -> np.ndarray:
    """Bins to bands, mel-spaced from 100 Hz (below: hum, rumble, and no bass from
    laptop speakers) to 8 kHz."""
    freqs = np.fft.rfftfreq(window, 1 / sample_rate)
    top = min(sample_rate / 2, 8000.0) * 0.97
    mel = np.linspace(2595 * np.log10(1 + 100 / 700), 2595 * np.log10(1 + top / 700), n_bands + 1)
    index = np.searchsorted(700.0 * (10 ** (mel / 2595.0) - 1), freqs, side="right") - 1
    inside = (index >= 0) & (index < n_bands)
    matrix = np.zeros((len(freqs), n_bands))
    matrix[np.flatnonzero(inside), index[inside]] = 1.0
    return matrix


def _band_powers(x: np.ndarray, hop: int, n_frames: int, bands: np.ndarray) -> np.ndarray:
    """Mean-square power per band of sqrt-Hann frames of 2*hop samples every hop; frame
    k is centred on sample k*hop, and samples outside ``x`` are silence."""
    window = 2 * hop
    taper = np.sqrt(0.5 - 0.5 * np.cos(2 * np.pi * np.arange(window) / window))
    scale = 4.0 / window**2  # Parseval for a one-sided spectrum and sum(taper^2) = hop
    out = np.empty((n_frames, bands.shape[1]), np.float32)
    for k0 in range(0, n_frames, _CHUNK_FRAMES):
        k1 = min(n_frames, k0 + _CHUNK_FRAMES)
        # Copy only this chunk's samples (zero outside x) and view them as frames.
        a, b = (k0 - 1) * hop, (k1 - 1) * hop + window
        piece = np.zeros(b - a, np.float32)
        lo, hi = max(a, 0), min(b, len(x))
        if hi > lo:
            piece[lo - a : hi - a] = x[lo:hi]
        frames = np.lib.stride_tricks.sliding_window_view(piece, window)[::hop][: k1 - k0]
        spec = np.fft.rfft(frames * taper, axis=1)
        out[k0:k1] = ((spec.real**2 + spec.imag**2) @ bands) * scale
    return out


def _smooth(p: np.ndarray, width: int) -> np.ndarray:
    """Centred moving average over frames: single 20 ms band powers of reverberant
    speech scatter by several dB around their mean."""
    padded = np.pad(p.astype(np.float64), ((width // 2 + 1, width - width // 2 - 1), (0, 0)))
    total = np.cumsum(padded, axis=0)
    return ((total[width:] - total[:-width]) / width).astype(np.float32)


def _shift(p: np.ndarray, lag: int) -> np.ndarray:
    """``p`` delayed by ``lag`` frames (advanced when negative), zero-filled."""
    out = np.zeros_like(p)
    if lag >= 0:
        out[lag:] = p[: len(p) - lag]
    else:
        out[:lag] = p[-lag:]
    return out


def _noise_floor(p: np.ndarray) -> np.ndarray:
    """Per band: the 10th percentile of the frames, but no lower than 60 dB under the
    loudest frames (digital silence would make every relative test explode)."""
    loud = float(np.percentile(p.sum(axis=1), 99))
    floor = np.maximum(np.percentile(p, 10, axis=0), loud * 1e-6 / p.shape[1]) + _TINY
    return np.asarray(floor, dtype=np.float64)


def _estimate_delay(
    pm: np.ndarray, pf: np.ndarray, floors: _Floors, lags: np.ndarray, min_peak_z: float
) -> float | None:
    """The lag where far-end onsets best match microphone onsets, or None when the
    peak does not stand out from the other lags (no echo, or drowned by the user).
    Onsets give a sharp peak; a reverberant echo's envelope is smeared, its onsets
    are not."""
    onsets = []
    for p, floor in ((pf, floors[1]), (pm, floors[0])):
        log_p = np.log(p + floor)
        rise = np.maximum(np.diff(log_p, axis=0, prepend=log_p[:1]), 0.0)
        onsets.append(rise - rise.mean(axis=0))
    size = 1 << int(len(pm) + lags.max() - lags.min()).bit_length()
    spectrum = np.conj(np.fft.rfft(onsets[0], size, axis=0)) * np.fft.rfft(onsets[1], size, axis=0)
    corr = np.fft.irfft(spectrum.sum(axis=1), size)[lags % size]
    peak = int(np.argmax(corr))
    rest = np.delete(corr, np.arange(max(0, peak - 3), min(len(corr), peak + 4)))
    spread = float(np.std(rest))
    if spread <= 0 or (corr[peak] - np.median(rest)) / spread < min_peak_z:
        return None
    offset = 0.0
    if 0 < peak < len(corr) - 1:  # parabolic interpolation: finer than a frame
        left, mid, right = corr[peak - 1], corr[peak], corr[peak + 1]
        if (curvature := left - 2 * mid + right) < 0:
            offset = float(np.clip(0.5 * (left - right) / curvature, -0.5, 0.5))
    return float(lags[peak]) + offset


def _fit_echo(
    pm: np.ndarray, pf: np.ndarray, skip: int, lag: int, floors: _Floors, *, cfg: EchoGateConfig
) -> np.ndarray:
    """Fit the per-band power path far -> mic on this stretch and predict the echo.
    ``pf`` starts ``skip`` frames before ``pm``, so that the tails have a past."""
    columns = [_shift(pf, lag + d)[skip:] for d in _DIRECT_LAGS]
    length = round(1.2 * max(_TAIL_RT60_S) / cfg.hop_s)
    size = 1 << int(len(pf) + length).bit_length()
    spectrum = np.fft.rfft(pf, size, axis=0)
    for rt60 in _TAIL_RT60_S:  # far-end power through normalised exponential decays
        kernel = 10 ** (-6 * cfg.hop_s * np.arange(length) / rt60)
        tail = np.fft.irfft(spectrum * np.fft.rfft(kernel / kernel.sum(), size)[:, None], size, 0)
        columns.append(_shift(tail[: len(pf)], lag + _TAIL_START)[skip:])
    x = np.stack(columns, axis=2).transpose(1, 0, 2).astype(np.float64)  # bands, frames, terms
    y = pm.T.astype(np.float64)
    # The mean noise of the quietest frames: a low percentile lies far under the mean
    # in narrow bands, and the fit would explain the rest of the noise with the far end.
    quiet = pm.sum(axis=1) <= np.percentile(pm.sum(axis=1), 20)
    noise = np.maximum(pm[quiet].mean(axis=0), floors[0])[:, None]
    target = np.maximum(y - noise, 0.0)
    # Only where the far end (or its tail) is clearly on, in that band, does a frame
    # say something about the path; elsewhere the fit would explain the mic's noise
    # with the far end's (a huge gain in a band the far end hardly uses).
    loud = float(np.percentile(pf[skip:].sum(axis=1), 99))
    heard = x.sum(axis=2) > np.maximum(10 * floors[1], 1e-4 * loud)[:, None]
    # Relative-error weights, so that quiet and loud frames count alike (as in dB),
    # relative to the larger of prediction and measurement so that no frame near the
    # floor can dominate. The first pass has no prediction and skips such frames.
    weight = np.where(heard & (y > 4 * noise), 1.0 / (y + noise) ** 2, 0.0)
    fitted = y
    for _ in range(3):
        weighted = x * weight[:, :, None]
        gram = weighted.transpose(0, 2, 1) @ x
        # A ridge per term, relative to its own scale: the terms' scales differ by
        # orders of magnitude, and one shared ridge would flatten the small ones.
        gram += np.eye(x.shape[2]) * (np.einsum("bkk->bk", gram) * 1e-3 + _TINY)[:, :, None]
        rhs = np.einsum("btk,bt->bk", weighted, target)
        coefficients = _nonnegative_solve(gram, rhs)
        # No band couples 10 dB more than the typical band: such a gain is noise fitted.
        total = coefficients.sum(axis=1)
        cap = 10 * np.median(total[total > 0]) if (total > 0).any() else 0.0
        coefficients *= np.minimum(1.0, cap / np.maximum(total, _TINY))[:, None]
        fitted = np.einsum("btk,bk->bt", x, coefficients)
        weight = np.where(heard, 1.0 / (np.maximum(y, fitted) + noise) ** 2, 0.0)
        # Frames far over the prediction are the user; frames far under it are the
        # far end on another path (it changed within the window) or a muted mic.
        off = np.abs(np.log((y + noise) / (fitted + noise))) > cfg.margin_db / 10 * np.log(10)
        weight[off] = 0.0
    return np.asarray(fitted.T)


def _nonnegative_solve(gram: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Batched least squares; terms that come out negative are dropped and the rest
    refitted (an echo path cannot take energy away)."""
    free = np.ones(rhs.shape, bool)
    solution = rhs
    for _ in range(rhs.shape[1]):
        system = np.where(free[:, :, None] & free[:, None, :], gram, 0.0)
        system += np.eye(rhs.shape[1]) * (~free)[:, :, None]
        solution = np.asarray(np.linalg.solve(system, np.where(free, rhs, 0.0)[..., None]))
        solution = solution[..., 0]
        if not (negative := solution < 0).any():
            break
        free &= ~negative
    return np.asarray(np.maximum(solution, 0.0))


# --- decisions --------------------------------------------------------------------------


def _dilate(p: np.ndarray, frames: int) -> np.ndarray:
    """Running maximum over +-``frames``: a delay a frame off must not make the echo's
    onset look like the user."""
    out = p.copy()
    for d in range(1, frames + 1):
        out = np.maximum(out, np.maximum(_shift(p, d), _shift(p, -d)))
    return out


def _unexplained(
    pm: np.ndarray, echo: np.ndarray, least: float, margin_db: float, share: float
) -> np.ndarray:
    """Frames with energy the echo cannot explain: over the prediction by a margin,
    a share of the frame's energy, and more than ``least`` (over the noise)."""
    left = np.maximum(pm - 10 ** (margin_db / 10) * echo, 0.0).sum(axis=1)
    return np.asarray((left > least) & (left > share * pm.sum(axis=1)))


def _grow(seed: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """The runs of ``allowed | seed`` frames that contain at least one seed frame."""
    allowed = allowed | seed
    run = np.cumsum(allowed & ~np.r_[False, allowed[:-1]]) * allowed  # 0 outside runs
    seeded = np.zeros(int(run.max()) + 1, bool)
    seeded[run[seed]] = True
    seeded[0] = False
    return np.asarray(seeded[run])


def _tidy(keep: np.ndarray, cfg: EchoGateConfig) -> np.ndarray:
    """A majority vote over a few frames (a lone frame is noise, not speech), then
    the kept stretches widened a little so that word edges survive."""
    votes = np.convolve(keep.astype(np.float64), np.ones(cfg.vote_frames), mode="same")
    keep = keep & (votes > cfg.vote_frames / 2)
    out = keep.copy()
    for d in range(1, round(cfg.keep_after_s / cfg.hop_s) + 1):
        out[d:] |= keep[:-d]
    for d in range(1, round(cfg.keep_before_s / cfg.hop_s) + 1):
        out[:-d] |= keep[d:]
    return out
