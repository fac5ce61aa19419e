"""The push being put together in the dialog: choices in, one exact plan out.

No Qt here: the dialog keeps a :class:`PushDraft`, changes it as the user
picks items, a target or a redaction, and asks it for the plan to show. Every
call of :meth:`PushDraft.plan` composes the content again from the approved
summary, redacts what the user chose and plans fresh requests, so the plan
shown is always made from what the dialog shows now. Tested without widgets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from minuta.app.push import (
    FlaggedText,
    PushChoice,
    compose,
    match_owners,
    personal_data,
    plan_push,
    redact_content,
    suggested_queries,
)
from minuta.core.crm import CrmTarget, CrmUser, PushContent, PushPlan
from minuta.core.models import Meeting
from minuta.core.summary import ItemKind, MeetingSummary
from minuta.crm.connector import Connection, Connector
from minuta.crm.redaction import FindingKind

# A finding as the user redacts it: that piece of text wherever it appears.
FindingKey = tuple[str, str]  # (kind, text)


@dataclass(frozen=True, slots=True)
class PushInputs:
    """What the dialog reads from the store when it opens."""

    meeting: Meeting
    summary: MeetingSummary | None
    user_name: str | None
    connections: tuple[Connection, ...]
    last_used: str | None = None
    audit_head: str = ""  # the audit log's head, carried in the note


@dataclass(frozen=True, slots=True)
class ItemOption:
    """An approved summary item the user may leave out."""

    index: int  # into summary.items
    kind: ItemKind
    text: str


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One piece of personal data, where it appears, and whether it is redacted."""

    key: FindingKey
    kind: FindingKind
    text: str
    parts: tuple[str, ...]  # "note", "task-1", ...
    detail: str = ""
    redacted: bool = False


@dataclass(frozen=True, slots=True)
class OwnerRow:
    """A task and who will own it in the CRM (None: the CRM's default owner)."""

    task: str
    owner: str | None
    user: CrmUser | None


def finding_key(flagged: FlaggedText) -> FindingKey:
    return (flagged.finding.kind.value, flagged.finding.text)


@dataclass(slots=True)
class PushDraft:
    meeting: Meeting
    summary: MeetingSummary
    user_name: str | None = None
    include_summary: bool = True
    item_indexes: set[int] = field(default_factory=set)
    redacted: set[FindingKey] = field(default_factory=set)
    connector: Connector | None = None
    users: tuple[CrmUser, ...] = ()
    target: CrmTarget | None = None
    audit_head: str = ""  # written into the note's reference line (PushInputs.audit_head)
    _flagged: tuple[PushContent, list[FlaggedText]] | None = None

    @classmethod
    def start(
        cls, meeting: Meeting, summary: MeetingSummary, user_name: str | None = None
    ) -> PushDraft:
        """Everything approved is chosen at first; the summary paragraph when there is one."""
        draft = cls(meeting, summary, user_name)
        draft.include_summary = bool(summary.summary.strip())
        draft.item_indexes = {option.index for option in draft.items()}
        return draft

    # --- what goes -------------------------------------------------------------------

    def items(self) -> list[ItemOption]:
        """The approved items, in the summary's order: only these can go."""
        return [
            ItemOption(index, item.kind, item.text)
            for index, item in enumerate(self.summary.items)
            if item.approved
        ]

    @property
    def has_summary_text(self) -> bool:
        return bool(self.summary.summary.strip())

    @property
    def choice(self) -> PushChoice:
        return PushChoice(self.include_summary, frozenset(self.item_indexes))

    def set_item(self, index: int, chosen: bool) -> None:
        if chosen:
            self.item_indexes.add(index)
        else:
            self.item_indexes.discard(index)

    def content(self) -> PushContent:
        """The note and tasks before redaction."""
        return compose(self.meeting, self.summary, self.choice)

    @property
    def is_empty(self) -> bool:
        content = self.content()
        return not content.note.strip() and not content.tasks

    # --- personal data ---------------------------------------------------------------

    def flagged(self) -> list[FlaggedText]:
        """Personal data in the chosen content (scanned once per content)."""
        content = self.content()
        if self._flagged is None or self._flagged[0] != content:
            found = personal_data(
                content,
                participants=self.meeting.participants,
                user_name=self.user_name,
                language=self.meeting.language,
            )
            self._flagged = (content, found)
        return self._flagged[1]

    def finding_rows(self) -> list[FindingRow]:
        rows: dict[FindingKey, FindingRow] = {}
        for flagged in self.flagged():
            key = finding_key(flagged)
            row = rows.get(key)
            if row is None:
                finding = flagged.finding
                rows[key] = FindingRow(
                    key,
                    finding.kind,
                    finding.text,
                    (flagged.part,),
                    finding.detail,
                    key in self.redacted,
                )
            elif flagged.part not in row.parts:
                rows[key] = FindingRow(
                    key,
                    row.kind,
                    row.text,
                    (*row.parts, flagged.part),
                    row.detail,
                    row.redacted,
                )
        return list(rows.values())

    def set_redacted(self, key: FindingKey, redacted: bool = True) -> None:
        if redacted:
            self.redacted.add(key)
        else:
            self.redacted.discard(key)

    def redact_all(self) -> None:
        self.redacted.update(finding_key(flagged) for flagged in self.flagged())

    def sendable_content(self) -> PushContent:
        """The content with the chosen findings replaced by "[redacted]"."""
        chosen = [f for f in self.flagged() if finding_key(f) in self.redacted]
        return redact_content(self.content(), chosen)

    # --- where it goes ---------------------------------------------------------------

    def queries(self) -> list[str]:
        return suggested_queries(self.meeting, self.user_name)

    def set_connector(self, connector: Connector | None, users: Sequence[CrmUser] = ()) -> None:
        """Another CRM: its users, and no target until one is chosen there."""
        self.connector = connector
        self.users = tuple(users)
        self.target = None

    def owners(self) -> Mapping[str, str]:
        return match_owners(self.content().tasks, self.users)

    def owner_rows(self) -> list[OwnerRow]:
        by_id = {user.remote_id: user for user in self.users}
        owners = self.owners()
        return [
            OwnerRow(task.text, task.owner, by_id.get(owners.get(task.owner or "", "")))
            for task in self.sendable_content().tasks
        ]

    def plan(self) -> PushPlan | None:
        """The exact requests for what is chosen now; None until a CRM and a target are."""
        if self.connector is None or self.target is None or self.is_empty:
            return None
        return plan_push(
            self.connector,
            self.sendable_content(),
            self.target,
            self.owners(),
            audit_head=self.audit_head,
        )


__all__ = [
    "FindingKey",
    "FindingRow",
    "ItemOption",
    "OwnerRow",
    "PushDraft",
    "PushInputs",
    "finding_key",
]
