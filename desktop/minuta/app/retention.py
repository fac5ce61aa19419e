"""Applying the retention rules to the store: the preview, and the run that deletes.

:func:`preview` and :func:`run` compute what is due with the same function
(:func:`minuta.core.retention.due_actions`) over the same facts, so a preview
at a given time lists exactly what a run at that time deletes. A run is
idempotent: what it deleted is no longer there to be due. The app runs it at
start-up and daily (:mod:`minuta.ui.retention_runner`); ``minuta retention run``
runs it from the command line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from minuta.app.meetings import delete_audio, delete_transcript
from minuta.core.audit import AuditKind
from minuta.core.retention import (
    AUDIO,
    TRANSCRIPT,
    Action,
    RetentionSettings,
    due_actions,
    upcoming,
)
from minuta.store.errors import StoreError
from minuta.store.settings import Setting
from minuta.store.store import Store

log = logging.getLogger(__name__)

DEFAULT_HORIZON_DAYS = 30


class RetentionSettingsError(StoreError):
    def __init__(self, problem: str) -> None:
        super().__init__(
            f"The retention rules in the store cannot be read ({problem}). Nothing was deleted. "
            "Open Settings → Retention and save the rules again."
        )


def load_settings(store: Store) -> RetentionSettings:
    """The stored rules; raises :class:`RetentionSettingsError` if they cannot be read
    (never a guess: a wrong guess could delete what the user meant to keep)."""
    try:
        return RetentionSettings.from_dict(store.settings.get(Setting.RETENTION))
    except ValueError as exc:
        raise RetentionSettingsError(str(exc)) from None


def save_settings(store: Store, settings: RetentionSettings) -> None:
    """Store the rules (a change is an audit event, naming the setting: see Settings)."""
    with store.db.transaction():
        store.settings.set(Setting.RETENTION, settings.to_dict())


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    """What a run at ``now`` deletes (``due``), and what falls due within the horizon after."""

    now: datetime
    horizon_days: int
    due: tuple[Action, ...]
    upcoming: tuple[Action, ...]

    @property
    def actions(self) -> tuple[Action, ...]:
        return self.due + self.upcoming

    @property
    def meeting_ids(self) -> frozenset[int]:
        return frozenset(action.meeting_id for action in self.actions)


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """What a run deleted, and what it could not (with the error's type, never content)."""

    at: datetime
    done: tuple[Action, ...] = ()
    failed: tuple[tuple[Action, str], ...] = ()
    shredded: bool = False  # the store was compacted afterwards
    leftovers: tuple[str, ...] = field(default=())  # folders that could not be removed

    @property
    def audio_meetings(self) -> tuple[int, ...]:
        return tuple(a.meeting_id for a in self.done if a.what == AUDIO)

    @property
    def transcript_meetings(self) -> tuple[int, ...]:
        return tuple(a.meeting_id for a in self.done if a.what == TRANSCRIPT)

    @property
    def changed(self) -> bool:
        return bool(self.done)


def preview(
    store: Store,
    now: datetime,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    *,
    settings: RetentionSettings | None = None,
) -> RetentionPreview:
    """What the rules (the stored ones, or ``settings`` being edited) delete now and soon."""
    rules = settings if settings is not None else load_settings(store)
    facts = store.meetings.retention_facts()
    return RetentionPreview(
        now=now,
        horizon_days=horizon_days,
        due=tuple(due_actions(facts, rules, now)),
        upcoming=tuple(upcoming(facts, rules, now, horizon_days)),
    )


def run(store: Store, now: datetime) -> RetentionReport:
    """Delete everything due at ``now`` under the stored rules; then shred if it is time.

    Each deletion is its own transaction with its audit event; one that fails is
    reported and the others go on. The run itself is one more audit event, with counts.
    """
    from minuta.app.shredding import shred_if_due

    actions = due_actions(store.meetings.retention_facts(), load_settings(store), now)
    done: list[Action] = []
    failed: list[tuple[Action, str]] = []
    leftovers: list[str] = []
    for action in actions:
        try:
            if action.what == AUDIO:
                deletion = delete_audio(store, action.meeting_id, reason="retention", at=now)
                if deletion.leftover:
                    leftovers.append(deletion.leftover)
            else:
                delete_transcript(store, action.meeting_id, reason="retention", at=now)
        except (StoreError, OSError) as exc:
            log.error(
                "retention: deleting a meeting's %s failed: %s", action.what, type(exc).__name__
            )
            failed.append((action, type(exc).__name__))
        else:
            done.append(action)
    store.audit.add(
        AuditKind.RETENTION_RUN,
        detail={
            "audio_deleted": sum(1 for a in done if a.what == AUDIO),
            "transcripts_deleted": sum(1 for a in done if a.what == TRANSCRIPT),
            "failed": len(failed),
        },
    )
    shredded = shred_if_due(store, now) is not None
    return RetentionReport(now, tuple(done), tuple(failed), shredded, tuple(leftovers))


__all__ = [
    "DEFAULT_HORIZON_DAYS",
    "RetentionPreview",
    "RetentionReport",
    "RetentionSettingsError",
    "load_settings",
    "preview",
    "run",
    "save_settings",
]
