"""Who said what: finding the speakers of a meeting's channels, and naming them.

Each channel is separated on its own. The microphone ("me") is taken to be the
user alone unless the caller says more people shared it (an in-person meeting
on one microphone); the call audio ("them") and an imported file's single
channel may hold several people. The user's own speaker takes the name set
in settings, if any; everyone else stays an anonymous "Speaker N" until named.

:func:`assign_speakers` works on already-decoded channel audio, so the final
pass after transcription can call it with the audio it has in memory;
:func:`channel_audio` decodes a stored meeting's audio for a later re-run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from minuta.core.models import ChannelKind, Segment, Speaker
from minuta.store.crypto import SealError
from minuta.store.settings import Setting
from minuta.store.speakers import (
    NewSpeaker,
    SpeakerRepository,
    open_embedding,
    seal_embedding,
)
from minuta.store.store import Store
from minuta.transcribe.speakers import MERGE_SIMILARITY, Diarization, diarize, label_segments
from minuta.transcribe.voice_embedding import VoiceEncoder


@dataclass(frozen=True, slots=True)
class _Named:
    channel: ChannelKind
    name: str
    centroid: np.ndarray


def channel_audio(store: Store, meeting_id: int) -> dict[ChannelKind, np.ndarray]:
    """The meeting's stored audio, decoded: 16 kHz mono per channel.

    Raises :class:`~minuta.app.meetings.AudioDeletedError` when it was deleted.
    """
    from minuta.app.meetings import AudioDeletedError
    from minuta.audio.encrypted_audio import EncryptedAudioReader

    meeting = store.meetings.get(meeting_id)
    if meeting.audio_deleted_at is not None:
        raise AudioDeletedError(meeting)
    key = store.meeting_key(meeting.id, meeting.uid)
    return {
        record.channel: EncryptedAudioReader(store.audio_path(meeting.uid, record.file_uid), key)
        .read_all()
        .samples
        for record in store.meetings.audio_files(meeting_id)
    }


def _expected_count(kind: ChannelKind, expected: dict[ChannelKind, int] | None) -> int | None:
    count = (expected or {}).get(kind)
    if count is not None and count < 1:
        raise ValueError(f"the number of speakers on {kind.value} must be at least 1")
    if count is None and kind is ChannelKind.MICROPHONE:
        return 1  # the user's own microphone
    return count


def _vector_bytes(centroid: np.ndarray) -> bytes:
    return np.asarray(centroid, dtype="<f4").tobytes()


def _named_voices(repo: SpeakerRepository, meeting_id: int, uid: str, key: bytes) -> list[_Named]:
    """Voices the user already named, so that a re-run keeps their names."""
    named: list[_Named] = []
    for speaker in repo.list(meeting_id):
        sealed = repo.sealed_embedding(speaker.id)
        if speaker.name is None or sealed is None:
            continue
        try:
            vector = np.frombuffer(open_embedding(key, uid, speaker.label, sealed), dtype="<f4")
        except SealError:
            continue
        named.append(_Named(speaker.channel, speaker.name, vector))
    return named


def _carried_name(
    kind: ChannelKind, centroid: np.ndarray, named: list[_Named], used: set[str]
) -> str | None:
    """The name of an earlier, named voice this one matches, each name given once."""
    matches = [
        (float(n.centroid @ centroid), n.name)
        for n in named
        if n.channel is kind and n.name not in used
    ]
    best = max(matches, default=None)
    if best is None or best[0] < MERGE_SIMILARITY:
        return None
    used.add(best[1])
    return best[1]


def _labels(kind: ChannelKind, count: int, taken: set[str]) -> list[str]:
    if count == 1 and kind is ChannelKind.MICROPHONE and "me" not in taken:
        return ["me"]
    if count == 1 and kind is ChannelKind.SYSTEM and "them" not in taken:
        return ["them"]
    labels: list[str] = []
    number = 1
    while len(labels) < count:
        label = f"Speaker {number}"
        if label not in taken:
            labels.append(label)
            taken.add(label)
        number += 1
    return labels


def assign_speakers(
    store: Store,
    meeting_id: int,
    audio_by_channel: dict[ChannelKind, np.ndarray],
    expected: dict[ChannelKind, int] | None = None,
    *,
    encoder: VoiceEncoder | None = None,
) -> list[Speaker]:
    """Find the speakers in each given channel and label the meeting's segments with them.

    ``audio_by_channel`` is 16 kHz mono float audio; ``expected`` fixes the number of
    speakers per channel where it is known. Channels not given keep their speakers.
    Replaces earlier speakers of the given channels; names the user gave are kept
    for voices found again. Returns all the meeting's speakers.
    """
    from minuta.app.meetings import AudioDeletedError

    meeting = store.meetings.get(meeting_id)
    if meeting.audio_deleted_at is not None:
        raise AudioDeletedError(meeting)  # its key, which seals voices, is gone with it
    channel_ids = store.meetings.channel_ids(meeting_id)
    missing = [kind.value for kind in audio_by_channel if kind not in channel_ids]
    if missing:
        raise ValueError(f"meeting #{meeting_id} has no channel {', '.join(missing)}")
    # The slow part runs before the transaction, so the store is not held meanwhile.
    found: dict[ChannelKind, Diarization] = {
        kind: diarize(samples, speakers=_expected_count(kind, expected), encoder=encoder)
        for kind, samples in audio_by_channel.items()
    }
    key = store.meeting_key(meeting.id, meeting.uid)
    repo = SpeakerRepository(store.db)
    user_name = store.settings.get(Setting.USER_NAME) or None
    segments = store.meetings.segments(meeting_id)
    with store.db.transaction():
        named = _named_voices(repo, meeting_id, meeting.uid, key)
        for kind in found:
            repo.replace_channel(meeting_id, channel_ids[kind], [])
        taken = repo.labels(meeting_id)
        used_names: set[str] = set()
        for kind, diarization in found.items():
            labels = _labels(kind, diarization.speaker_count, taken)
            new: list[NewSpeaker] = []
            for label, centroid in zip(labels, diarization.centroids, strict=True):
                name = _carried_name(kind, centroid, named, used_names)
                if name is None and label == "me":
                    name = user_name
                sealed = seal_embedding(key, meeting.uid, label, _vector_bytes(centroid))
                new.append(NewSpeaker(label, name, sealed))
            ids = repo.replace_channel(meeting_id, channel_ids[kind], new)
            _label_channel_segments(
                repo, diarization, ids, [s for s in segments if s.channel is kind]
            )
    return repo.list(meeting_id)


def _label_channel_segments(
    repo: SpeakerRepository, diarization: Diarization, ids: list[int], segments: list[Segment]
) -> None:
    found = label_segments(diarization, [(s.start, s.end) for s in segments])
    repo.set_segment_speakers(
        (s.id, None if n is None else ids[n])
        for s, n in zip(segments, found, strict=True)
        if s.id is not None
    )


def rename_speaker(store: Store, speaker_id: int, name: str | None) -> Speaker:
    """Give a speaker a name (all their segments show it); empty or None: anonymous again."""
    repo = SpeakerRepository(store.db)
    with store.db.transaction():
        repo.rename(speaker_id, name)
    return repo.get(speaker_id)
