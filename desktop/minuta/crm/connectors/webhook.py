"""A generic webhook: one signed JSON document to a URL the user chose.

For teams whose CRM Minuta has no connector: their own receiver (Zapier, Make,
n8n, a small script) gets the approved note and tasks and files them.

Signed per Standard Webhooks 1.0.0 (https://www.standardwebhooks.com,
spec/standard-webhooks.md): headers ``webhook-id``, ``webhook-timestamp``
(Unix seconds) and ``webhook-signature: v1,<base64 HMAC-SHA256>`` over
``{webhook-id}.{webhook-timestamp}.{body}``, keyed with the secret the user
pasted, ``whsec_<base64 of 24 to 64 random bytes>``. The secret is stored as
the connection's API token and reaches the connector through
:meth:`WebhookConnector.use_secret`; the HTTP client sends no credentials
(``token_header`` has no name), so the secret itself never leaves the computer.

The ``webhook-id`` is fixed when the push is planned and shown with the other
headers; the timestamp and signature are computed for each attempt
(:meth:`WebhookConnector.send_headers`) and not shown.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import ClassVar

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    CrmUser,
    PlannedRequest,
    PushContent,
    TargetKind,
)
from minuta.crm.connector import JSON_HEADERS, Connection, Connector, json_body
from minuta.crm.errors import CrmNotConnected
from minuta.crm.http import CrmClient, Reply, default_error_message, json_or_none
from minuta.crm.text import note_subject, note_text, ref_marker, task_step, task_subject, task_text
from minuta.crm.wire import aware

EVENT_TYPE = "minuta.meeting.pushed"
STEP = "push"
SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
# "Random. At least 24 bytes (192 bits, 512 maximum)."
MIN_SECRET_BYTES = 24
MAX_SECRET_BYTES = 64
NEW_SECRET_BYTES = 32


def webhook_id(ref: str, step: str) -> str:
    """The message id: the same for every attempt, so the receiver can drop repeats.

    The spec asks that it hold no ``.`` (the signed content is dot-delimited);
    refs and steps never do.
    """
    message_id = f"{ref}_{step}"
    if "." in message_id:
        raise ValueError("a webhook id may not contain '.'")
    return message_id


def decode_secret(secret: str) -> bytes:
    """The key in a ``whsec_…`` secret; ValueError, in words for the user, if it is not one."""
    text = secret.strip()
    if not text.startswith(SECRET_PREFIX):
        raise ValueError("A webhook secret starts with whsec_.")
    try:
        key = base64.b64decode(text[len(SECRET_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(
            "The webhook secret is not valid: the part after whsec_ is not base64."
        ) from None
    if not MIN_SECRET_BYTES <= len(key) <= MAX_SECRET_BYTES:
        raise ValueError(
            f"The webhook secret must hold {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} bytes; "
            f"this one holds {len(key)}."
        )
    return key


def new_secret() -> str:
    """A fresh secret to give the receiver, in the spec's serialisation."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(NEW_SECRET_BYTES)).decode()


def signature(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">``."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


class WebhookConnector(Connector):
    kind: ClassVar[CrmKind] = CrmKind.WEBHOOK
    display_name: ClassVar[str] = "Webhook"
    # No header: the stored token is the signing secret, used here, never sent.
    token_header: ClassVar[tuple[str, str]] = ("", "")

    def __init__(
        self,
        connection: Connection,
        client: CrmClient,
        *,
        clock: Callable[[], float] = time.time,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(connection, client)
        self._secret: str | None = None
        self._clock = clock  # the signing time, Unix seconds
        self._now = now  # when the push is planned: the event's timestamp

    def use_secret(self, secret: str | None) -> None:
        """The signing secret from the keyring (``crm_connections.open_connector`` calls this)."""
        self._secret = secret

    # Look-ups -----------------------------------------------------------------

    def search_targets(self, query: str) -> list[CrmTarget]:
        """The text as the user typed it: the receiver decides what it names."""
        text = " ".join(query.split())
        if not text:
            return []
        kind = TargetKind.PERSON if "@" in text else TargetKind.COMPANY
        return [CrmTarget(kind, text, text)]

    def list_users(self) -> list[CrmUser]:
        return []  # owners go by the names the meeting gave them

    # Planning -----------------------------------------------------------------

    def plan_requests(
        self,
        content: PushContent,
        target: CrmTarget,
        owners: Mapping[str, str],
        ref: str,
    ) -> list[PlannedRequest]:
        tasks = []
        for index, task in enumerate(content.tasks):
            step = task_step(index)
            tasks.append(
                {
                    "marker": ref_marker(ref, step),
                    "subject": task_subject(task),
                    "text": task_text(task, content, ref, step),
                    "owner": task.owner,
                    "owner_id": owners.get(task.owner) if task.owner else None,
                    "due": task.due.isoformat() if task.due else None,
                }
            )
        document = {
            "type": EVENT_TYPE,
            "timestamp": _iso(self._now()),
            "data": {
                "ref": ref,
                "target": {"kind": target.kind.value, "text": target.name},
                "meeting": {
                    "title": content.title,
                    "started_at": _iso(content.started_at),
                    "duration_s": round(content.duration_s),
                },
                "note": {
                    "marker": ref_marker(ref, "note"),
                    "subject": note_subject(content),
                    "text": note_text(content, ref),
                },
                "tasks": tasks,
                # The sender's audit log head when this was planned: a receiver that
                # keeps it can later show that the sender's log was not cut short.
                "audit_head": content.audit_head or None,
            },
        }
        headers = (*JSON_HEADERS, ("webhook-id", webhook_id(ref, STEP)))
        count = len(tasks)
        record = "Meeting note" if not count else f"Meeting note and {count} task(s)"
        # The user's URL exactly as given: a receiver may route on a trailing slash.
        return [
            PlannedRequest(
                STEP, record, "POST", self.connection.api_url, headers, json_body(document)
            )
        ]

    # Sending ----------------------------------------------------------------------

    def send_headers(self, request: PlannedRequest, body: bytes) -> list[tuple[str, str]]:
        """A fresh timestamp and its signature for this attempt; the id stays."""
        message_id = dict(request.headers)["webhook-id"]  # set when the push was planned
        timestamp = int(self._clock())
        return [
            ("webhook-timestamp", str(timestamp)),
            ("webhook-signature", signature(self._signing_key(), message_id, timestamp, body)),
        ]

    def _signing_key(self) -> bytes:
        if not self._secret:
            raise CrmNotConnected("No signing secret is stored for this webhook. Connect it again.")
        try:
            return decode_secret(self._secret)
        except ValueError as exc:
            raise CrmNotConnected(f"{exc} Connect the webhook again.") from None

    # After sending --------------------------------------------------------------

    def created_record(self, request: PlannedRequest, reply: Reply) -> CreatedRecord:
        """The receiver's id when it answers ``{"id": …}``; else the webhook-id."""
        answer = json_or_none(reply.body)
        if isinstance(answer, Mapping):
            found = answer.get("id")
            link = answer.get("url")
            url = link if isinstance(link, str) and link.startswith("https://") else None
            if isinstance(found, str | int) and not isinstance(found, bool) and str(found):
                return CreatedRecord(str(found), url)
        return CreatedRecord(dict(request.headers).get("webhook-id", ""), None)

    def find_created(
        self, request: PlannedRequest, ref: str, target: CrmTarget
    ) -> CreatedRecord | None:
        """Always None: the same message is simply sent again.

        A webhook receiver cannot be asked what it has. Standard Webhooks makes
        the ``webhook-id`` the idempotency key instead: it "remains the same no
        matter how many times a webhook that has failed is retried", and the
        receiver should "use the webhook-id header as an idempotency key to
        prevent accidentally processing the same webhook more than once". The
        outbox resends the planned bytes with the planned id, so a receiver that
        follows the spec files the push exactly once.
        """
        return None

    def error_message(self, reply: Reply) -> str:
        if reply.status == 410:
            # "410 Gone: ... no longer interested in receiving webhooks from this source."
            return "The receiving server no longer accepts these messages (410 Gone)."
        if json_or_none(reply.body) is None:
            return f"The receiving server answered {reply.status}."
        return default_error_message(reply)


def _iso(moment: datetime) -> str:
    return aware(moment).isoformat()
