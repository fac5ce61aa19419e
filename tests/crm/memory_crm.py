"""A minimal CRM for outbox tests: records in memory, served through httpx.MockTransport.

It is not a vendor's API (the contract tests and the real BottleCRM server cover
those); it lets the outbox's ledger logic be driven through every fault
deterministically: each request takes the next scripted action.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Mapping

import httpx

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    CrmUser,
    PlannedRequest,
    PushContent,
)
from minuta.crm.connector import Connection, Connector
from minuta.crm.http import CrmClient, Reply
from minuta.crm.text import note_text, ref_marker, task_step, task_text


class MemoryCrm:
    def __init__(self) -> None:
        self.records: dict[str, dict[str, str]] = {}
        self.script: deque[str] = deque()
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.method == "GET" and request.url.path == "/search":
            marker = request.url.params["q"]
            hits = [
                {"id": rid, **rec} for rid, rec in self.records.items() if marker in rec["text"]
            ]
            return httpx.Response(200, json={"results": hits})
        action = self.script.popleft() if self.script else "pass"
        if action == "500":
            return httpx.Response(500, json={"message": "boom"})
        if action.startswith("429"):
            return httpx.Response(
                429, json={"message": "slow"}, headers={"Retry-After": action[4:] or "1"}
            )
        if action == "400":
            return httpx.Response(400, json={"message": "Subject is required"})
        if action == "timeout":
            raise httpx.ReadTimeout("stalled", request=request)
        data = json.loads(request.content)
        record_id = f"r{len(self.records) + 1}"
        self.records[record_id] = {"path": request.url.path, "text": data["text"]}
        if action == "drop-after":
            raise httpx.RemoteProtocolError("connection closed", request=request)
        return httpx.Response(201, json={"id": record_id})


class MemoryConnector(Connector):
    kind = CrmKind.WEBHOOK
    display_name = "Memory"

    def search_targets(self, query: str) -> list[CrmTarget]:
        return []

    def list_users(self) -> list[CrmUser]:
        return []

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        requests = [
            self.json_request("note", "Note", "POST", "/notes", {"text": note_text(content, ref)})
        ]
        for index, task in enumerate(content.tasks):
            step = task_step(index)
            requests.append(
                self.json_request(
                    step,
                    f"Task: {task.text}",
                    "POST",
                    "/notes/{note.id}/tasks",
                    {"text": task_text(task, content, ref, step)},
                )
            )
        return requests

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        return CreatedRecord(str(reply.json()["id"]), f"https://crm.example/{reply.json()['id']}")

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        data = self.client.get_json(self.url("/search"), {"q": ref_marker(ref, request.step)})
        hits = data["results"]
        return CreatedRecord(hits[0]["id"], None) if hits else None


def memory_connector(crm: MemoryCrm) -> MemoryConnector:
    client = CrmClient(None, transport=httpx.MockTransport(crm.handler))
    connection = Connection("memory", CrmKind.WEBHOOK, "https://crm.example")
    return MemoryConnector(connection, client)
