"""``speakers``: list a meeting's speakers, name one, or separate the voices again."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import fail, open_store
from minuta.core.timecode import clock

if TYPE_CHECKING:
    from minuta.core.models import ChannelKind, Speaker

_CHANNEL_NAMES = {"me": "microphone", "them": "system", "mixed": "mixed"}


def cmd_speakers(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.store.speakers import SpeakerRepository

    if args.speakers is not None and args.speakers < 1:
        fail("--speakers needs a number of at least 1")
    store = open_store(paths)
    try:
        meeting = store.meetings.get(args.meeting_id)
        if args.detect or args.speakers is not None:
            from minuta.app.speakers import assign_speakers, channel_audio

            audio = channel_audio(store, meeting.id)
            if not audio:
                fail(f"meeting #{meeting.id} has no stored audio to find speakers in")
            if args.channel is not None:
                kind = _channel(args.channel, audio)
                audio = {kind: audio[kind]}
            expected = None
            if args.speakers is not None:
                expected = {_counted_channel(audio): args.speakers}
            assign_speakers(store, meeting.id, audio, expected)
        if args.rename:
            from minuta.app.speakers import rename_speaker

            label, name = args.rename
            speaker = SpeakerRepository(store.db).find(meeting.id, label)
            renamed = rename_speaker(store, speaker.id, name)
            print(f"{renamed.label} is now called {renamed.display_name}.")
        speakers = SpeakerRepository(store.db).list(meeting.id)
    finally:
        store.close()
    _print(meeting.id, speakers)


def _channel(name: str, present: Iterable[ChannelKind]) -> ChannelKind:
    from minuta.core.models import ChannelKind

    kind = ChannelKind(_CHANNEL_NAMES[name])
    if kind not in set(present):
        fail(f"this meeting has no {name!r} channel")
    return kind


def _counted_channel(audio: Mapping[ChannelKind, object]) -> ChannelKind:
    """The channel ``--speakers`` counts: the call's or the imported file's, unless only one."""
    from minuta.core.models import ChannelKind

    for kind in (ChannelKind.MIXED, ChannelKind.SYSTEM, ChannelKind.MICROPHONE):
        if kind in audio:
            return kind
    fail("this meeting has no audio channel")


def _print(meeting_id: int, speakers: list[Speaker]) -> None:
    if not speakers:
        print(
            f"No speakers found yet in meeting #{meeting_id}: "
            f"`minuta speakers {meeting_id} --detect` finds them."
        )
        return
    print(f"{'Label':<12}  {'Name':<20}  {'Channel':<10}  {'Talk':>8}  Lines")
    for s in speakers:
        print(
            f"{s.label:<12}  {s.name or '-':<20}  {s.channel.value:<10}  "
            f"{clock(s.talk_time_s):>8}  {s.segment_count}"
        )
