"""``retranscribe``: run the final pass again, with another model or language."""

from __future__ import annotations

import argparse
import threading
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import fail, open_store
from minuta.core.models import ChannelKind
from minuta.transcribe.catalogue import ModelError

if TYPE_CHECKING:
    from minuta.store.store import Store

_CHANNEL_NAMES = {
    "me": ChannelKind.MICROPHONE,
    "mic": ChannelKind.MICROPHONE,
    "them": ChannelKind.SYSTEM,
    "call": ChannelKind.SYSTEM,
}


def parse_language_choice(
    value: str | None,
) -> str | dict[ChannelKind, str | None] | None:
    """``auto``, a code, ``mixed``, or per channel: ``me=da,them=en``."""
    from minuta.app.recording_transcription import MIXED
    from minuta.transcribe.languages import normalise_language

    if value is None:
        return None

    def one(code: str) -> str | None:
        return MIXED if code.strip().lower() == MIXED else normalise_language(code)

    if "=" not in value:
        return one(value)
    choice: dict[ChannelKind, str | None] = {}
    for part in value.split(","):
        name, _, code = part.partition("=")
        kind = _CHANNEL_NAMES.get(name.strip().lower())
        if kind is None:
            raise ModelError(f"Unknown channel {name!r} in {value!r}: use me=CODE,them=CODE.")
        choice[kind] = one(code)
    return choice


def cmd_retranscribe(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.recording_transcription import transcribe_recording
    from minuta.app.transcription import engine_for, selected_model
    from minuta.cli_progress import ProgressBar
    from minuta.core.models import MeetingState
    from minuta.store.errors import MeetingNotFoundError

    language = parse_language_choice(args.language)  # a typo fails before any work
    store = open_store(paths)
    try:
        try:
            meeting = store.meetings.get(args.meeting_id)
        except MeetingNotFoundError:
            fail(f"There is no meeting #{args.meeting_id}; `minuta list` shows them.")
        if meeting.state is MeetingState.RECORDING:
            fail(
                f"Meeting #{meeting.id} is still recording, or was interrupted: "
                "`minuta recover` first."
            )
        engine = engine_for(paths, args.model or selected_model(store))
        bar = ProgressBar()
        cancel = threading.Event()
        try:
            bar.update(f"Loading {engine.model.name}", 0.0, None)
            engine.load()
            result = transcribe_recording(
                store,
                engine,
                meeting.id,
                language=language,
                cancel=cancel,
                speakers=_expected_speakers(store, meeting.id, args.speakers),
                progress=lambda done, total: bar.update("Transcribing", done, total),
            )
        finally:
            bar.close()
    finally:
        store.close()
    languages = ", ".join(
        f"{kind.default_label} {code or 'no speech'}" for kind, code in result.languages.items()
    )
    print(
        f"Transcribed meeting #{result.meeting_id} with {engine.model.name}: "
        f"{result.segment_count} lines ({languages})."
    )


def _expected_speakers(
    store: Store, meeting_id: int, count: int | None
) -> dict[ChannelKind, int] | None:
    """``--speakers N``: the call's (or an imported file's) number of people."""
    if count is None:
        return None
    if count < 1:
        raise ModelError("--speakers needs a number of people of at least 1.")
    kinds = store.meetings.channel_ids(meeting_id)
    target = ChannelKind.SYSTEM if ChannelKind.SYSTEM in kinds else ChannelKind.MIXED
    if target not in kinds:  # a recording of the microphone alone: an in-person meeting
        target = ChannelKind.MICROPHONE
    return {target: count}
