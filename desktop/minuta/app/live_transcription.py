"""Which model transcribes live, and with what, for a recording about to start."""

from __future__ import annotations

import os

from minuta.app.paths import AppPaths
from minuta.core.models import ChannelKind
from minuta.transcribe import catalogue
from minuta.transcribe.catalogue import ModelError, ResolvedModel
from minuta.transcribe.engine import cuda_available
from minuta.transcribe.live import LiveTranscriber

# Live text has to keep up with two people talking on two laptop cores: on the
# CPU it always uses the embedded base model, whatever the final pass uses.
_CPU_LIVE_MODEL = catalogue.EMBEDDED_MODEL


def live_model(paths: AppPaths, selected: str, *, cuda: bool) -> ResolvedModel:
    """The selected model on a GPU (fast enough for anything); the embedded one on a CPU."""
    if cuda:
        try:
            return catalogue.resolve(selected, paths.models_dir)
        except ModelError:
            pass  # the final pass reports a missing model; live text falls back
    return catalogue.resolve(_CPU_LIVE_MODEL, paths.models_dir)


def live_transcriber_for(
    paths: AppPaths,
    selected: str,
    channels: tuple[ChannelKind, ...],
    *,
    language: str | None = None,
) -> LiveTranscriber:
    cuda = cuda_available()
    model = live_model(paths, selected, cuda=cuda)
    return LiveTranscriber(
        model,
        channels,
        language=language,
        cpu_threads=max(1, min(os.cpu_count() or 1, 4)),
        device="cuda" if cuda else "cpu",
        compute_type="float16" if cuda else "int8",
    )
