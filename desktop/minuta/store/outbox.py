"""The CRM outbox and its ledger, in the encrypted database.

A push is written here, with the exact approved requests, before anything is
sent. Its steps (one per request) move ``pending -> in_flight -> done``; each
change is its own committed transaction (the database syncs on commit), so after
a crash the ledger says, for every request, whether it certainly made its record
(``done``), certainly was never sent (``pending``), or might have been
(``in_flight``: the outbox searches the CRM before sending it again).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    OutboxPush,
    PlannedRequest,
    PushPlan,
    PushState,
    StepState,
    StepStatus,
    TargetKind,
)
from minuta.store.database import Database

_OPEN_STATES = (PushState.QUEUED.value, PushState.SENDING.value)


def target_to_json(target: CrmTarget) -> dict[str, Any]:
    return {
        "kind": target.kind.value,
        "remote_id": target.remote_id,
        "name": target.name,
        "detail": target.detail,
        "url": target.url,
        "related": [[kind.value, rid] for kind, rid in target.related],
    }


def target_from_json(data: dict[str, Any]) -> CrmTarget:
    return CrmTarget(
        kind=TargetKind(data["kind"]),
        remote_id=str(data["remote_id"]),
        name=str(data["name"]),
        detail=str(data.get("detail", "")),
        url=data.get("url"),
        related=tuple((TargetKind(k), str(r)) for k, r in data.get("related", [])),
    )


def plan_to_json(plan: PushPlan) -> str:
    return json.dumps(
        {
            "connection": plan.connection,
            "kind": plan.kind.value,
            "target": target_to_json(plan.target),
            "ref": plan.ref,
            "owners": [list(pair) for pair in plan.owners],
            "audit_head": plan.audit_head,
            # Bodies as base64: the stored bytes are exactly the approved bytes.
            "requests": [
                {
                    "step": r.step,
                    "record": r.record,
                    "method": r.method,
                    "url": r.url,
                    "headers": [list(h) for h in r.headers],
                    "body": base64.b64encode(r.body).decode("ascii"),
                }
                for r in plan.requests
            ],
        },
        ensure_ascii=False,
    )


def plan_from_json(text: str) -> PushPlan:
    data = json.loads(text)
    return PushPlan(
        connection=data["connection"],
        kind=CrmKind(data["kind"]),
        target=target_from_json(data["target"]),
        ref=data["ref"],
        owners=tuple((str(a), str(b)) for a, b in data.get("owners", [])),
        audit_head=str(data.get("audit_head") or ""),
        requests=tuple(
            PlannedRequest(
                step=r["step"],
                record=r["record"],
                method=r["method"],
                url=r["url"],
                headers=tuple((str(n), str(v)) for n, v in r["headers"]),
                body=base64.b64decode(r["body"]),
            )
            for r in data["requests"]
        ),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, meeting_id: int, plan: PushPlan) -> int:
        """Store an approved push with every step pending; returns its id."""
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO crm_pushes (meeting_id, connection, kind, target, ref, digest, "
                "plan, state, approved_at, audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    meeting_id,
                    plan.connection,
                    plan.kind.value,
                    json.dumps(target_to_json(plan.target), ensure_ascii=False),
                    plan.ref,
                    plan.digest(),
                    plan_to_json(plan),
                    PushState.QUEUED.value,
                    _now(),
                    plan.audit_head or None,
                ),
            )
            push_id = int(cursor.lastrowid)
            self._db.executemany(
                "INSERT INTO crm_push_steps (push_id, step, position, state) VALUES (?, ?, ?, ?)",
                [
                    (push_id, r.step, i, StepState.PENDING.value)
                    for i, r in enumerate(plan.requests)
                ],
            )
        return push_id

    def get(self, push_id: int) -> OutboxPush:
        row = self._db.query_one("SELECT * FROM crm_pushes WHERE id = ?", (push_id,))
        if row is None:
            raise KeyError(f"no push {push_id}")
        return self._push(row)

    def for_meeting(self, meeting_id: int) -> list[OutboxPush]:
        rows = self._db.query_all(
            "SELECT * FROM crm_pushes WHERE meeting_id = ? ORDER BY id", (meeting_id,)
        )
        return [self._push(row) for row in rows]

    def open_pushes(self) -> list[OutboxPush]:
        """Queued or interrupted pushes, oldest first."""
        rows = self._db.query_all(
            "SELECT * FROM crm_pushes WHERE state IN (?, ?) ORDER BY id", _OPEN_STATES
        )
        return [self._push(row) for row in rows]

    def all_pushes(self, limit: int = 500) -> list[OutboxPush]:
        rows = self._db.query_all("SELECT * FROM crm_pushes ORDER BY id DESC LIMIT ?", (limit,))
        return [self._push(row) for row in rows]

    def count_by_digest(self, meeting_id: int, digest: str) -> int:
        row = self._db.query_one(
            "SELECT count(*) FROM crm_pushes WHERE meeting_id = ? AND digest = ? AND state != ?",
            (meeting_id, digest, PushState.CANCELLED.value),
        )
        return int(row[0])

    # Ledger --------------------------------------------------------------------

    def start_attempt(self, push_id: int) -> None:
        self._db.execute(
            "UPDATE crm_pushes SET state = ?, attempts = attempts + 1 WHERE id = ?",
            (PushState.SENDING.value, push_id),
        )

    def step_in_flight(self, push_id: int, step: str) -> None:
        self._set_step(push_id, step, StepState.IN_FLIGHT, None)

    def step_done(self, push_id: int, step: str, record: CreatedRecord) -> None:
        self._set_step(push_id, step, StepState.DONE, record)

    def _set_step(
        self, push_id: int, step: str, state: StepState, record: CreatedRecord | None
    ) -> None:
        cursor = self._db.execute(
            "UPDATE crm_push_steps SET state = ?, remote_id = ?, url = ?, done_at = ? "
            "WHERE push_id = ? AND step = ?",
            (
                state.value,
                record.remote_id if record else None,
                record.url if record else None,
                _now() if record else None,
                push_id,
                step,
            ),
        )
        if cursor.rowcount != 1:
            raise KeyError(f"push {push_id} has no step {step!r}")

    def finish(self, push_id: int, state: PushState, error: str | None = None) -> None:
        self._db.execute(
            "UPDATE crm_pushes SET state = ?, last_error = ?, finished_at = ?, "
            "next_attempt_at = NULL WHERE id = ?",
            (state.value, error, _now(), push_id),
        )

    def postpone(self, push_id: int, until: datetime, error: str) -> None:
        self._db.execute(
            "UPDATE crm_pushes SET state = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
            (PushState.QUEUED.value, error, until.astimezone(UTC).isoformat(), push_id),
        )

    def requeue(self, push_id: int) -> None:
        """The user asks to try a failed push again (same approved requests)."""
        self._db.execute(
            "UPDATE crm_pushes SET state = ?, next_attempt_at = NULL, finished_at = NULL "
            "WHERE id = ? AND state = ?",
            (PushState.QUEUED.value, push_id, PushState.FAILED.value),
        )

    def cancel(self, push_id: int) -> bool:
        """Withdraw a push no request of which has been sent; False when too late."""
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT count(*) FROM crm_push_steps WHERE push_id = ? AND state != ?",
                (push_id, StepState.PENDING.value),
            )
            if int(row[0]) > 0:
                return False
            cursor = self._db.execute(
                "UPDATE crm_pushes SET state = ?, finished_at = ? "
                "WHERE id = ? AND state IN (?, ?, ?)",
                (PushState.CANCELLED.value, _now(), push_id, *_OPEN_STATES, PushState.FAILED.value),
            )
            return bool(cursor.rowcount == 1)

    def _push(self, row: Any) -> OutboxPush:
        steps = self._db.query_all(
            "SELECT step, state, remote_id, url FROM crm_push_steps WHERE push_id = ? "
            "ORDER BY position",
            (row["id"],),
        )
        return OutboxPush(
            id=row["id"],
            meeting_id=row["meeting_id"],
            plan=plan_from_json(row["plan"]),
            state=PushState(row["state"]),
            approved_at=datetime.fromisoformat(row["approved_at"]),
            steps=tuple(
                StepStatus(
                    s["step"],
                    StepState(s["state"]),
                    CreatedRecord(s["remote_id"], s["url"]) if s["remote_id"] else None,
                )
                for s in steps
            ),
            attempts=row["attempts"],
            next_attempt_at=_time(row["next_attempt_at"]),
            last_error=row["last_error"],
            finished_at=_time(row["finished_at"]),
            audit_head=row["audit_head"],
        )
