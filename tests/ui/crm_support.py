"""Helpers for the CRM UI tests: a real loopback receiver, a meeting with an approved summary.

:class:`WebhookReceiver` is a stdlib HTTP server on 127.0.0.1 in a thread of
its own. It records every request's method, path, headers and *raw* body
bytes exactly as they arrived, and answers as told (200 with a record id and
link by default).
"""

from __future__ import annotations

import base64
import json
import ssl
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.harness.meetings import add_transcript

from minuta.app.crm_connections import new_connection, save_connection, save_token, vault
from minuta.core.crm import CrmKind
from minuta.core.summary import Evidence, ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.crm.connector import Connection
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.summarize.evidence import transcript_hash

PHONE = "+47 912 34 567"
CALL_KARI = f"Call Kari on {PHONE} about the offer"
DECISION = "Nordlys goes with the annual plan"
USER = "Anna Berg"
KARI = "Kari Nordmann <kari@nordlys.no>"
LINES = [
    ("Anna Berg", "Thanks for taking the time today."),
    ("Kari Nordmann", "We need the offer by Friday, and we go with the annual plan."),
    ("Anna Berg", f"I will call Kari on {PHONE} about the offer."),
]
# A signing secret as Standard Webhooks serialises one: whsec_ + base64 of 32 bytes.
SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class WebhookReceiver:
    """Records what arrives; answers ``status`` with ``answer`` (JSON)."""

    status: int = 200
    answer: dict[str, Any] = field(
        default_factory=lambda: {"id": "rec-1", "url": "https://crm.example.com/records/rec-1"}
    )
    received: list[Received] = field(default_factory=list)
    # Set when a request has come in; while ``hold`` is clear, the answer waits.
    arrived: threading.Event = field(default_factory=threading.Event)
    hold: threading.Event | None = None
    tls: ssl.SSLContext | None = None  # serve HTTPS with this context
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_port}/hook"

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                receiver.received.append(
                    Received(self.command, self.path, dict(self.headers.items()), body)
                )
                receiver.arrived.set()
                if receiver.hold is not None:
                    receiver.hold.wait(30)
                payload = json.dumps(receiver.answer).encode()
                self.send_response(receiver.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self.hold is not None:
            self.hold.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)


def approved_summary(store: Store, meeting_id: int, owner: str = "Anna") -> MeetingSummary:
    """A stored draft: the summary paragraph, two approved items and one not approved."""
    lines = [s for s in store.meetings.segments(meeting_id) if s.text.strip()]
    said = Evidence(
        (lines[2].id,), "call Kari", verified=True, start_s=lines[2].start, end_s=lines[2].end
    )
    plan = Evidence(
        (lines[1].id,), "annual plan", verified=True, start_s=lines[1].start, end_s=lines[1].end
    )
    return MeetingSummary(
        summary="Nordlys wants the offer by Friday.",
        items=(
            SummaryItem(
                ItemKind.DECISION, "Nordlys goes with the annual plan", (plan,), approved=True
            ),
            SummaryItem(ItemKind.ACTION_ITEM, CALL_KARI, (said,), owner=owner, approved=True),
            SummaryItem(ItemKind.RISK, "The budget may be cut", (), approved=False),
        ),
        email=None,
        provenance=Provenance(
            "builtin",
            "builtin-1",
            "1",
            transcript_hash(lines),
            datetime(2026, 11, 20, 10, tzinfo=UTC),
            template="customer_follow_up",
        ),
    )


def add_meeting_with_summary(store: Store, *, kari: str = KARI, owner: str = "Anna") -> int:
    """A meeting with Kari, its summary's approved action item ``owner``'s."""
    meeting_id, _ids = add_transcript(
        store, LINES, title="Nordlys follow-up", participants=(USER, kari)
    )
    with store.db.transaction():
        store.summaries.save(meeting_id, approved_summary(store, meeting_id, owner))
    store.settings.set(Setting.USER_NAME, USER)
    return meeting_id


def connect_webhook(store: Store, url: str, secret: str = SECRET) -> Connection:
    """A webhook connection in the store, its secret in the real keyring."""
    connection = new_connection(CrmKind.WEBHOOK, api_url=url)
    save_token(vault(), connection, secret)
    save_connection(store, connection)
    return connection


def forget_tokens(*names: str) -> None:
    tokens = vault()
    for name in names:
        tokens.forget(name)
