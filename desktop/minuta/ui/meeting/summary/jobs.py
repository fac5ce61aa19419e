"""The Summary tab's work off the GUI thread: store tasks and background jobs.

No Qt here, on purpose. The store tasks run on the store's worker, the jobs on
a plain thread of their own (:func:`minuta.ui.background.run_in_background`),
and a Qt object held or freed on either thread crashes the app. So everything
that crosses is a plain value: ids, dataclasses, a
:class:`~minuta.summarize.backend.CancelToken`, a :class:`ProgressBox`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from minuta.core.summary import MeetingSummary
from minuta.store.store import Store, require_store

if TYPE_CHECKING:
    from minuta.app.summaries import SummaryConfig
    from minuta.summarize.ask import Answer
    from minuta.summarize.backend import CancelToken, SummaryRequest
    from minuta.summarize.pipeline import Progress

StoreTask = Callable[[Store | None], object]


@dataclass(frozen=True, slots=True)
class SummaryData:
    """What the tab shows when it opens."""

    summary: MeetingSummary | None
    config: SummaryConfig
    line_starts: dict[int, float]  # transcript line id -> its start (for flagged lines)
    meeting_date: date  # the day it was held, local time (a deadline's first guess)
    transcript_changed: bool = False  # since the draft was made


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a summary or an answer is made from."""

    request: SummaryRequest
    config: SummaryConfig


class ProgressBox:
    """The newest progress report, written by the job's thread, read by a GUI timer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Progress | None = None

    def put(self, progress: Progress) -> None:
        with self._lock:
            self._latest = progress

    def take(self) -> Progress | None:
        """The report not yet taken, if any."""
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


# --- on the store's worker ----------------------------------------------------------


def load(meeting_id: int) -> Callable[[Store | None], SummaryData]:
    def task(store: Store | None) -> SummaryData:
        from minuta.app import summaries

        store = require_store(store)
        segments = store.meetings.segments(meeting_id)
        starts = {s.id: s.start for s in segments if s.id is not None}
        meeting = store.meetings.get(meeting_id)
        draft = summaries.latest_draft(store, meeting_id, segments)
        return SummaryData(
            draft.summary if draft else None,
            summaries.load_config(store),
            starts,
            meeting.started_at.astimezone().date(),
            draft is not None and draft.transcript_changed,
        )

    return task


def prepare(meeting_id: int, template_key: str | None) -> Callable[[Store | None], Prepared]:
    def task(store: Store | None) -> Prepared:
        from minuta.app import summaries

        store = require_store(store)
        request = summaries.load_request(store, meeting_id, template_key)
        return Prepared(request, summaries.load_config(store))

    return task


def save(meeting_id: int, summary: MeetingSummary) -> Callable[[Store | None], None]:
    def task(store: Store | None) -> None:
        from minuta.app import summaries

        summaries.save_summary(require_store(store), meeting_id, summary)

    return task


# --- on a thread of their own -------------------------------------------------------


def generate(prepared: Prepared, cancel: CancelToken, box: ProgressBox) -> MeetingSummary:
    """Find the backend (a local server may take a moment to answer), then summarise."""
    from minuta.app import summaries
    from minuta.summarize.pipeline import Progress

    if prepared.config.backend != "builtin":
        box.put(Progress(0, 0, "detect"))
    backend = summaries.choose_backend(prepared.config)
    cancel.raise_if_cancelled()
    return summaries.generate(prepared.request, backend, cancel=cancel, progress=box.put)


def ask(prepared: Prepared, question: str, cancel: CancelToken) -> Answer:
    from minuta.app import summaries

    backend = summaries.choose_backend(prepared.config)
    cancel.raise_if_cancelled()
    return summaries.ask(prepared.request, question, backend, cancel=cancel)
