"""The words every connector writes into the CRM, in one place.

The meeting note and each task carry a reference marker, ``minuta-…/step``: it
is how a record is found again when an attempt's outcome is unknown, and it
tells a colleague reading the CRM where the note came from. It is random and
says nothing about the meeting. The note's reference line also carries the audit
log's head (``· audit 3f2a…``), so a log cut short later no longer holds it.
"""

from __future__ import annotations

import html
import re

from minuta.core.audit import short_hash
from minuta.core.crm import PushContent, PushTask


def ref_marker(ref: str, step: str) -> str:
    return f"{ref}/{step}"


def note_subject(content: PushContent) -> str:
    return f"{content.title} ({content.started_at:%Y-%m-%d})"


def reference_line(content: PushContent, ref: str, step: str) -> str:
    """``Ref. minuta-…/note``, with the audit head's first 16 digits when there is one.

    The head follows the marker after a space, so :func:`has_marker` still finds it.
    """
    line = f"Ref. {ref_marker(ref, step)}"
    return f"{line} · audit {short_hash(content.audit_head)}" if content.audit_head else line


def note_text(content: PushContent, ref: str, step: str = "note") -> str:
    """The meeting note: the user's approved text, then the reference line."""
    body = content.note.strip()
    return f"{body}\n\n{reference_line(content, ref, step)}"


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


def has_marker(text: str, marker: str) -> bool:
    """Whether ``text`` carries ``marker`` itself (``…/task-1`` is not ``…/task-10``)."""
    return re.search(re.escape(marker) + r"(?![\w-])", text) is not None


def fit(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, its last line (the reference) kept whole."""
    if len(text) <= limit:
        return text
    body, _, last = text.rpartition("\n")
    keep = max(limit - len(last) - 3, 0)
    return body[:keep].rstrip() + "…\n\n" + last if keep else text[-limit:]


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def html_text(text: str) -> str:
    """Plain text as the HTML a CRM's rich-text field takes: escaped, line breaks kept."""
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
