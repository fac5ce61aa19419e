"""Recording a meeting: the service the desktop app and ``minuta record`` share.

Order of operations, so that nothing is ever lost or half-known:

1. the meeting's metadata (title, start, participants, consent, devices), its
   consent record, its channels and its (empty, unfinished) audio file records
   are committed, with the "recorded" audit event;
2. the encrypted files are created and the recording lock is taken;
3. capture starts — only now does audio flow;
4. at the end, the files are finalised, and the journal's events and the
   highlights are committed with the meeting's length.

Steps 1–4 run on the thread that owns the store; the recorder's own worker
thread never touches the database. If the process dies during step 3, the
meeting stays in the "recording" state without a lock holder, and
:mod:`minuta.app.recovery` offers to recover it.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from minuta.app.consent import audit_detail, consent_record, require_consent
from minuta.audio.capture import AudioDevice, CaptureBackend, DeviceKind, find_device
from minuta.audio.encrypted_audio import SAMPLE_RATE, EncryptedAudioWriter
from minuta.audio.recorder import (
    ChannelPlan,
    Limits,
    Recorder,
    RecorderListener,
    RecorderResult,
    StopReason,
)
from minuta.audio.recording_plan import AudioSink
from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentRecord
from minuta.core.models import ChannelKind, Consent, MeetingSource, MeetingState, Segment
from minuta.store.fsutil import ensure_private_dir
from minuta.store.journal import JournalWriter
from minuta.store.meetings import NewMeeting
from minuta.store.recording_lock import RecordingLock
from minuta.store.store import Store
from minuta.transcribe.live import LiveTranscriber

# 28 kbit/s Opus is transparent for speech. Chunks of a quarter second (12
# packets of 20 ms) keep what a crash can take well under a second even when the
# machine is busy, for about 27 MB per hour for both channels.
RECORDING_BIT_RATE = 28_000
RECORDING_PACKETS_PER_CHUNK = 12


@dataclass(frozen=True, slots=True)
class RecordingRequest:
    title: str | None = None
    microphone: str | None = None  # a device id; None follows the system default
    output: str | None = None  # a device id; None follows the system default
    record_output: bool = True  # False: microphone only (an in-person meeting)
    participants: tuple[str, ...] = ()
    consent: Consent = Consent.UNKNOWN  # must allow recording: see minuta.app.consent
    limits: Limits = field(default_factory=Limits)
    language: str | None = None  # None: detected per channel
    # Who was told, how and when (the consent step's answer in full). Without one, a
    # record is made from ``consent``, the participants, and the usual method.
    consent_record: ConsentRecord | None = None

    @property
    def decision(self) -> Consent:
        """The consent answer: the record's, or ``consent``; UNKNOWN when the two disagree."""
        record = self.consent_record
        if record is None:
            return self.consent
        if self.consent is not Consent.UNKNOWN and self.consent != record.decision:
            return Consent.UNKNOWN  # two different answers are no clear answer
        return record.decision

    def full_consent_record(self) -> ConsentRecord:
        """The record to keep with the meeting (made now, when the request has none)."""
        if self.consent_record is not None:
            return self.consent_record
        return consent_record(self.decision, informed=self.participants)


@dataclass(frozen=True, slots=True)
class FinishedRecording:
    meeting_id: int
    duration_s: float
    reason: StopReason
    message: str | None  # for the user, when the recording did not end as asked
    overflows: int


def _default_title(now: datetime) -> str:
    return f"Recording {now.astimezone().strftime('%Y-%m-%d %H:%M')}"


class RecordingSession:
    """A running recording. Control it from any thread; finish it on the store's."""

    def __init__(
        self,
        store: Store,
        *,
        meeting_id: int,
        meeting_uid: str,
        recorder: Recorder,
        lock: RecordingLock,
        file_ids: dict[ChannelKind, int],
        live: LiveTranscriber | None = None,
    ) -> None:
        self.meeting_id = meeting_id
        self.meeting_uid = meeting_uid
        self.recorder = recorder
        self.live = live
        self._store = store
        self._lock = lock
        self._file_ids = file_ids
        self._channel_ids = store.meetings.channel_ids(meeting_id)

    def pause(self) -> None:
        self.recorder.pause()

    def resume(self) -> None:
        self.recorder.resume()

    def highlight(self, label: str = "") -> float:
        return self.recorder.highlight(label)

    def save_live(self) -> list[Segment]:
        """Store the live lines confirmed since the last call (so a crash keeps them)."""
        if self.live is None:
            return []
        closed = self.live.take_closed()
        if closed:
            with self._store.db.transaction():
                for kind in {segment.channel for segment in closed}:
                    self._store.meetings.add_segments(
                        self.meeting_id,
                        self._channel_ids[kind],
                        [s for s in closed if s.channel is kind],
                    )
        return closed

    def stop(self) -> FinishedRecording:
        """Stop (if the recorder has not stopped by itself) and save everything."""
        result = self.recorder.stop()
        try:
            if self.live is not None:
                # The last phrase is still being decoded; it belongs with the rest.
                self.live.finish()
                self.save_live()
            return self._save(result)
        finally:
            if self.live is not None:
                self.live.close()
            self._lock.release()

    def _save(self, result: RecorderResult) -> FinishedRecording:
        duration = max(result.durations.values(), default=0.0)
        overflows = sum(result.overflows.values())
        if result.reason in (StopReason.DISK_FULL, StopReason.FAILED):
            # The files hold everything sealed so far, but were not finalised:
            # recovery (with free space) turns them into a finished recording.
            failure = (
                f"{result.error} The recording stopped at {duration:.0f} s; everything up to "
                "then is kept. Free some space, then recover it (`minuta recover`)."
            )
            return FinishedRecording(self.meeting_id, duration, result.reason, failure, overflows)
        store = self._store
        with store.db.transaction():
            for kind, file_id in self._file_ids.items():
                store.recordings.finish_audio_file(file_id, duration_s=result.durations[kind])
            store.recordings.add_events(self.meeting_id, result.events)
            store.recordings.add_highlights(self.meeting_id, result.highlights)
            store.recordings.set_state(
                self.meeting_id, MeetingState.PROCESSING, duration_s=duration
            )
        _drop_journal(store, self.meeting_id, self.meeting_uid)
        message = None
        if result.reason is StopReason.MAX_LENGTH:
            message = "The recording reached its maximum length and was stopped."
        return FinishedRecording(self.meeting_id, duration, result.reason, message, overflows)


def _drop_journal(store: Store, meeting_id: int, meeting_uid: str) -> None:
    """The journal's events are in the database now; the file has served its purpose."""
    journal_uid = store.recordings.journal_uid(meeting_id)
    with store.db.transaction():
        store.db.execute("DELETE FROM journal_files WHERE meeting_id = ?", (meeting_id,))
    if journal_uid is not None:
        store.audio_path(meeting_uid, journal_uid).unlink(missing_ok=True)


def _plans(backend: CaptureBackend, request: RecordingRequest) -> list[ChannelPlan]:
    def choose(kind: DeviceKind, device_id: str | None) -> AudioDevice | None:
        return find_device(backend, kind, device_id) if device_id else None

    plans = [
        ChannelPlan(
            ChannelKind.MICROPHONE,
            DeviceKind.MICROPHONE,
            choose(DeviceKind.MICROPHONE, request.microphone),
        )
    ]
    if request.record_output:
        plans.append(
            ChannelPlan(
                ChannelKind.SYSTEM, DeviceKind.OUTPUT, choose(DeviceKind.OUTPUT, request.output)
            )
        )
    return plans


def start_recording(
    store: Store,
    backend: CaptureBackend,
    request: RecordingRequest,
    *,
    listener: RecorderListener | None = None,
    live: LiveTranscriber | None = None,
) -> RecordingSession:
    """Commit the meeting, create its encrypted files, and start capturing.

    With ``live``, every piece of audio written is also handed to the live
    transcriber (which never blocks the recorder). Refuses with
    :class:`~minuta.app.consent.ConsentRequiredError` unless the request records
    consent that allows recording.
    """
    consent = require_consent(request.decision)
    record = request.full_consent_record()  # its decision is ``consent``, checked just now
    plans = _plans(backend, request)
    device_names = {}
    for plan in plans:
        device = plan.device or backend.default_device(plan.device_kind)
        device_names[plan.kind.value] = device.name if device else "none"
    now = datetime.now(UTC)
    meeting_uid = uuid.uuid4().hex
    key, wrapped = store.new_meeting_key(meeting_uid)
    folder = store.paths.meeting_audio_dir(meeting_uid)
    file_uids = {plan.kind: uuid.uuid4().hex for plan in plans}
    journal_uid = uuid.uuid4().hex

    ensure_private_dir(folder)
    lock = RecordingLock(folder)
    lock.acquire()
    meeting_id: int | None = None
    opened: list[EncryptedAudioWriter | JournalWriter] = []
    try:
        with store.db.transaction():
            meeting_id = store.meetings.create(
                NewMeeting(
                    uid=meeting_uid,
                    title=request.title or _default_title(now),
                    started_at=now,
                    source=MeetingSource.RECORDING,
                    state=MeetingState.RECORDING,
                    participants=request.participants,
                    consent=consent.value,
                    devices=device_names,
                ),
                wrapped,
            )
            store.consent.save(meeting_id, record)
            store.audit.add(
                AuditKind.RECORDING_STARTED, meeting_id=meeting_id, detail=audit_detail(record)
            )
            file_ids = {}
            for plan in plans:
                channel_id = store.meetings.add_channel(
                    meeting_id, plan.kind, plan.kind.default_label
                )
                file_ids[plan.kind] = store.meetings.add_audio_file(
                    meeting_id,
                    channel_id,
                    file_uids[plan.kind],
                    SAMPLE_RATE,
                    0.0,
                    finalised=False,
                )
            store.recordings.add_journal(meeting_id, journal_uid)
        sinks: dict[ChannelKind, AudioSink] = {}
        for kind, file_uid in file_uids.items():
            writer = EncryptedAudioWriter(
                store.audio_path(meeting_uid, file_uid),
                key,
                meeting_uid=meeting_uid,
                file_uid=file_uid,
                durable=True,
                bit_rate=RECORDING_BIT_RATE,
                packets_per_chunk=RECORDING_PACKETS_PER_CHUNK,
            )
            sinks[kind] = writer
            opened.append(writer)
        journal = JournalWriter(
            store.audio_path(meeting_uid, journal_uid),
            key,
            meeting_uid=meeting_uid,
            file_uid=journal_uid,
        )
        opened.append(journal)
        if live is not None:
            sinks = {kind: _LiveTap(sink, live, kind) for kind, sink in sinks.items()}
            live.start()
        recorder = Recorder(
            backend, plans, sinks, journal, listener=listener, limits=request.limits
        )
        recorder.start()
    except BaseException:
        if live is not None:
            live.close()
        # Nothing was captured: this meeting never existed for the user.
        for item in opened:
            with contextlib.suppress(Exception):
                item.abort() if isinstance(item, EncryptedAudioWriter) else item.close(final=False)
        lock.release()
        if meeting_id is not None:
            _forget_unstarted(store, meeting_id)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return RecordingSession(
        store,
        meeting_id=meeting_id,
        meeting_uid=meeting_uid,
        recorder=recorder,
        lock=lock,
        file_ids=file_ids,
        live=live,
    )


def _forget_unstarted(store: Store, meeting_id: int) -> None:
    with contextlib.suppress(Exception), store.db.transaction():
        store.meetings.delete(meeting_id)
        # The log said "recorded"; it says what became of it too.
        store.audit.add(
            AuditKind.MEETING_DELETED,
            meeting_id=meeting_id,
            detail={"reason": "recording_not_started"},
        )


class _LiveTap:
    """An audio sink that also hands what it writes to the live transcriber."""

    def __init__(self, sink: AudioSink, live: LiveTranscriber, kind: ChannelKind) -> None:
        self._sink = sink
        self._live = live
        self._kind = kind

    def write(self, samples: np.ndarray) -> None:
        self._sink.write(samples)
        self._live.feed(self._kind, samples)

    def finish(self) -> float:
        return self._sink.finish()

    def abort(self) -> None:
        self._sink.abort()
