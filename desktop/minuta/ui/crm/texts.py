"""The words the CRM screens show for stored values: record kinds, findings, push states.

Stored values (``"person"``, ``"phone"``, ``"task-2"``) stay English keys; the
user sees them in the UI's language. Messages from :mod:`minuta.crm.errors` are
already written for people and are shown as they are. Plain functions, so the
dialog, the Summary tab's lines and the tests name things alike.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from minuta.core.crm import OutboxPush, PushState, TargetKind
from minuta.core.summary import ItemKind
from minuta.crm.connector import Connection
from minuta.crm.registry import display_name

# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate

OPEN_PREFIX = "open:"  # a link that opens a record in the browser
RETRY_PREFIX = "retry:"  # a link that queues a failed push again


def item_kind_name(kind: ItemKind) -> str:
    names = {
        ItemKind.DECISION: translate("CrmTexts", "Decision"),
        ItemKind.ACTION_ITEM: translate("CrmTexts", "Action item"),
        ItemKind.RISK: translate("CrmTexts", "Risk"),
        ItemKind.NEXT_STEP: translate("CrmTexts", "Next step"),
        ItemKind.CRM_SUGGESTION: translate("CrmTexts", "For the CRM"),
    }
    return names.get(kind, str(kind))


def connection_label(connection: Connection) -> str:
    """ "HubSpot (api.hubapi.com)"; the connection's own name too when it has one."""
    vendor = display_name(connection.kind)
    name = vendor if connection.name == connection.kind.value else f"{vendor}: {connection.name}"
    host = urlsplit(connection.api_url).hostname or ""
    return f"{name} ({host})" if host else name


def target_kind_name(kind: TargetKind | str) -> str:
    names = {
        TargetKind.PERSON.value: translate("CrmTexts", "Person"),
        TargetKind.COMPANY.value: translate("CrmTexts", "Company"),
        TargetKind.DEAL.value: translate("CrmTexts", "Deal"),
    }
    value = kind.value if isinstance(kind, TargetKind) else str(kind)
    return names.get(value, value)


def finding_kind_name(kind: object) -> str:
    """ "Phone number", "E-mail address", …; an unknown kind by its own name."""
    value = str(getattr(kind, "value", kind))
    names = {
        "email": translate("CrmTexts", "E-mail address"),
        "phone": translate("CrmTexts", "Phone number"),
        "iban": translate("CrmTexts", "Bank account"),
        "national_id": translate("CrmTexts", "Identity number"),
        "name": translate("CrmTexts", "Name"),
        "sensitive": translate("CrmTexts", "Sensitive topic"),
    }
    return names.get(value, value.replace("_", " ").capitalize())


def part_name(part: str) -> str:
    """ "note" -> "Meeting note", "task-2" -> "Task 2"."""
    if part == "note":
        return translate("CrmTexts", "Meeting note")
    if part.startswith("task-") and part[5:].isdigit():
        return translate("CrmTexts", "Task {number}").format(number=int(part[5:]))
    return part


def error_text(exc: BaseException) -> str:
    """Words for a failure: the CRM layer's messages are written for people; others are named."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    from minuta.crm.tokens import TokenStoreError
    from minuta.store.errors import StoreError

    if isinstance(exc, TokenStoreError | StoreError | ValueError) and str(exc):
        return str(exc)
    return translate("CrmTexts", "Something went wrong ({error}).").format(error=type(exc).__name__)


def day_text(moment: datetime) -> str:
    """ "23 Nov 2026", in the UI's language, local time."""
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def time_text(moment: datetime) -> str:
    """ "14:05" (local time), with the day when it is not today."""
    local = moment.astimezone()
    clock = f"{local:%H:%M}"
    if local.date() == datetime.now().astimezone().date():
        return clock
    return f"{day_text(local)} {clock}"


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>'


def push_line(push: OutboxPush) -> str:
    """One push as the Summary tab shows it (rich text with its links); "" for none."""
    crm = display_name(push.plan.kind)
    if push.state is PushState.SENT:
        when = push.finished_at or push.approved_at
        text = escape(
            translate("CrmTexts", "Sent to {crm} on {date}").format(crm=crm, date=day_text(when))
        )
        record = push.first_record
        if record is not None and record.url:
            opener = translate("CrmTexts", "Open in {crm}").format(crm=crm)
            text += " · " + _link(OPEN_PREFIX + record.url, opener)
        return text
    if push.state is PushState.FAILED:
        reason = push.last_error or translate("CrmTexts", "the CRM refused it")
        text = escape(translate("CrmTexts", "Failed: {reason}").format(reason=reason))
        retry = translate("CrmTexts", "Try again")
        return text + " · " + _link(f"{RETRY_PREFIX}{push.id}", retry)
    if push.state in (PushState.QUEUED, PushState.SENDING):
        if push.next_attempt_at is not None:
            words = translate("CrmTexts", "Queued: waiting to retry at {time}").format(
                time=time_text(push.next_attempt_at)
            )
            if push.last_error:
                words += f" ({push.last_error})"
            return escape(words)
        if push.state is PushState.SENDING:
            return escape(translate("CrmTexts", "Sending to {crm}…").format(crm=crm))
        return escape(translate("CrmTexts", "Queued for {crm}").format(crm=crm))
    return ""
