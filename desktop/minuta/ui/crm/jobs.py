"""The CRM screens' work off the GUI thread: store tasks, and look-ups on threads of their own.

No Qt here, on purpose. Store tasks run on the store's worker; opening a
connector (the keyring) and asking the CRM (the network) run on a plain thread
(:func:`minuta.ui.background.run_in_background`). What crosses is plain values:
connections, targets, plans, ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from minuta.core.crm import CrmTarget, CrmUser, OutboxPush, PushPlan, PushState
from minuta.crm.connector import Connection, Connector
from minuta.store.settings import Setting
from minuta.store.store import Store, require_store
from minuta.ui.crm.draft import PushInputs

# Opens a connection's connector: keyring and network, so never on the GUI thread.
ConnectorFactory = Callable[[Connection], Connector]


def default_connector(connection: Connection) -> Connector:
    """The connector with the token from the system keyring, TLS checked as usual."""
    from minuta.app.crm_connections import open_connector, vault

    return open_connector(connection, vault())


def close_connector(connector: Connector | None) -> None:
    if connector is not None:
        connector.client.close()


# --- on the store's worker ------------------------------------------------------------


def load_inputs(meeting_id: int) -> Callable[[Store | None], PushInputs]:
    def task(store: Store | None) -> PushInputs:
        from minuta.app.crm_connections import list_connections

        store = require_store(store)
        return PushInputs(
            meeting=store.meetings.get(meeting_id),
            summary=store.summaries.latest(meeting_id),
            user_name=store.settings.get(Setting.USER_NAME),
            connections=tuple(list_connections(store)),
            last_used=store.settings.get(Setting.CRM_LAST_USED),
            audit_head=store.audit.head(),
        )

    return task


def approve(meeting_id: int, plan: PushPlan, shown_digest: str) -> Callable[[Store | None], int]:
    """Queue ``plan``, if it is the plan whose digest the user was shown."""

    def task(store: Store | None) -> int:
        from minuta.app.push import approve as approve_push

        return approve_push(require_store(store), meeting_id, plan, shown_digest)

    return task


def meeting_pushes(meeting_id: int) -> Callable[[Store | None], list[OutboxPush]]:
    """The meeting's pushes the user should know about (withdrawn ones are left out)."""

    def task(store: Store | None) -> list[OutboxPush]:
        pushes = require_store(store).outbox.for_meeting(meeting_id)
        return [p for p in pushes if p.state is not PushState.CANCELLED]

    return task


def requeue(push_id: int) -> Callable[[Store | None], None]:
    def task(store: Store | None) -> None:
        require_store(store).outbox.requeue(push_id)

    return task


# --- on a thread of their own ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenedCrm:
    """A connector, ready, with its users and the first search's results."""

    connector: Connector
    users: tuple[CrmUser, ...]
    query: str
    targets: tuple[CrmTarget, ...]


def open_crm(factory: ConnectorFactory, connection: Connection, query: str) -> OpenedCrm:
    connector = factory(connection)
    try:
        users = tuple(connector.list_users())
        targets = tuple(connector.search_targets(query)) if query.strip() else ()
    except BaseException:
        close_connector(connector)
        raise
    return OpenedCrm(connector, users, query, targets)


def search(connector: Connector, query: str) -> tuple[CrmTarget, ...]:
    return tuple(connector.search_targets(query)) if query.strip() else ()
