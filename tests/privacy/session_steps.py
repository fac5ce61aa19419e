"""The steps of a meeting's life, through the app's own services, for the privacy tests.

Import, record (real PulseAudio), summarise, push to a loopback CRM, export and
delete, each as the app and ``minuta`` do it (no Qt: the store is used on the
test's thread).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from tests.recording.conftest import Listener, record_while_playing

from minuta.app import crm_connections as crm
from minuta.app import push
from minuta.app.export_service import export_meeting
from minuta.app.importer import import_file
from minuta.app.meetings import delete_meeting
from minuta.app.recording_transcription import transcribe_recording
from minuta.app.summaries import generate, latest_draft, load_request, save_summary
from minuta.audio.decode import decode_file
from minuta.crm.outbox import Outcome
from minuta.store.store import Store
from minuta.summarize.backend import CancelToken, ChatBackend


def transcript(store: Store, meeting_id: int) -> str:
    return " ".join(s.text for s in store.meetings.segments(meeting_id)).lower()


def add_details(
    store: Store, meeting_id: int, *, participants: tuple[str, ...], notes: str
) -> None:
    with store.db.transaction():
        store.meetings.update_details(meeting_id, participants=participants)
        store.meetings.set_notes(meeting_id, notes)


def import_meeting(store: Store, engine, wav: Path, *, title: str) -> int:
    return import_file(store, engine, wav, title=title, language="en").meeting_id


def record_meeting(store: Store, engine, pulse_server, wav: Path, *, title: str) -> int:
    """Record ``wav`` played as the far end of a call (real PulseAudio), then the final pass."""
    from minuta.audio.pulse_backend import PulseBackend

    call = decode_file(wav).samples
    mic = np.zeros(len(call), dtype=np.float32)
    finished = record_while_playing(
        store, PulseBackend(), pulse_server, Listener(), call=call, mic=mic, title=title
    )
    transcribe_recording(store, engine, finished.meeting_id, language="en")
    return finished.meeting_id


def summarize(store: Store, meeting_id: int, backend: ChatBackend | None = None) -> None:
    """A draft from the built-in summariser (``backend`` None) or a language model."""
    request = load_request(store, meeting_id)
    save_summary(store, meeting_id, generate(request, backend, cancel=CancelToken()))


def llm_answer() -> str:
    """A valid summary answer for the fake language-model server."""
    return json.dumps(
        {
            "summary": "The contract was agreed.",
            "decisions": [],
            "action_items": [],
            "risks": [],
            "next_steps": [],
            "crm_suggestions": [],
            "email_draft": {"subject": "Follow-up", "body": "Thank you for today."},
        }
    )


def push_to_crm(store: Store, meeting_id: int, target: str = "Nordlys AS") -> None:
    """Approve every item of the latest draft and send it to the connected webhook."""
    draft = latest_draft(store, meeting_id)
    assert draft is not None
    summary = replace(draft.summary, items=tuple(i.approve() for i in draft.summary.items))
    content = push.compose(store.meetings.get(meeting_id), summary, push.PushChoice())
    assert content.note.strip()
    connector = crm.open_connector(crm.get_connection(store, "webhook"), crm.vault())
    [chosen] = connector.search_targets(target)
    plan = push.plan_push(connector, content, chosen, {})
    push_id = push.approve(store, meeting_id, plan, plan.digest())
    delivery = push.deliver_push(store, push_id, connector)
    assert delivery.outcome is Outcome.SENT, delivery.message


def export_to(store: Store, meeting_id: int, folder: Path, formats=("md", "docx")) -> list[Path]:
    """Exports as the app writes them: to a folder the user chose, readable by the user only."""
    from minuta.ui.meeting.store_tasks import write_private

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"meeting-{meeting_id}.{fmt}"
        written.append(write_private(path, export_meeting(store, meeting_id, fmt, str(path))))
    return written


def delete(store: Store, meeting_id: int) -> None:
    report = delete_meeting(store, meeting_id)
    assert report.leftover is None
