"""The words every connector writes into the CRM, in one place.

The meeting note and each task carry a reference marker, ``minuta-…/step``: it
is how a record is found again when an attempt's outcome is unknown, and it
tells a colleague reading the CRM where the note came from. It is random and
says nothing about the meeting.
"""

from __future__ import annotations

from minuta.core.crm import PushContent, PushTask


def ref_marker(ref: str, step: str) -> str:
    return f"{ref}/{step}"


def note_subject(content: PushContent) -> str:
    return f"{content.title} ({content.started_at:%Y-%m-%d})"


def note_text(content: PushContent, ref: str, step: str = "note") -> str:
    """The meeting note: the user's approved text, then the reference line."""
    body = content.note.strip()
    return f"{body}\n\nRef. {ref_marker(ref, step)}"


def task_subject(task: PushTask) -> str:
    # CRMs show the subject in lists; the full text goes in the description.
    text = " ".join(task.text.split())
    return text if len(text) <= 120 else text[:119].rstrip() + "…"


def task_text(task: PushTask, content: PushContent, ref: str, step: str) -> str:
    lines = [task.text.strip(), "", f"From the meeting: {note_subject(content)}"]
    if task.owner:
        lines.append(f"Owner in the meeting: {task.owner}")
    lines += ["", f"Ref. {ref_marker(ref, step)}"]
    return "\n".join(lines)


def task_step(index: int) -> str:
    return f"task-{index + 1}"
