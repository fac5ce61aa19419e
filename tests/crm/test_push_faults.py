"""Pushes to a real BottleCRM through a faulty network: each record made exactly once.

A reverse proxy on loopback (:mod:`tests.crm.fault_proxy`) stands between the
app and the server and answers 500s, 429s with ``Retry-After``, stalls, drops
the answer after the server made the record, expires the sign-in, or serves a
certificate that must be refused. The records are counted on the server itself.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import trustme
from tests.crm.fault_proxy import FaultProxy, TokenIssuer
from tests.harness.meetings import create_meeting

from minuta.app import crm_connections, push
from minuta.core.crm import CrmKind, PushState, StepState
from minuta.core.summary import ItemKind, MeetingSummary, Provenance, SummaryItem
from minuta.crm.connectors.bottlecrm import BottleCrmConnector
from minuta.crm.http import CrmClient
from minuta.crm.oauth import OAuthProvider, TokenSet
from minuta.crm.outbox import Outcome
from minuta.crm.tokens import OAuthCredentials, TokenVault
from minuta.store.secret_store import system_keyring

pytestmark = pytest.mark.timeout(300)


def _summary() -> MeetingSummary:
    items = (
        SummaryItem(ItemKind.DECISION, "Start the pilot in March", approved=True),
        SummaryItem(ItemKind.ACTION_ITEM, "Send the signed order form", owner="Ola", approved=True),
        SummaryItem(ItemKind.ACTION_ITEM, "Plan the training days", owner="Ingrid", approved=True),
    )
    provenance = Provenance("builtin", "builtin-2", "p1", "h", datetime(2026, 11, 20, tzinfo=UTC))
    return MeetingSummary("Nordlys wants a pilot with two teams.", items, None, provenance)


@pytest.fixture
def proxy(bottlecrm):
    proxy = FaultProxy(bottlecrm.base_url, ("Authorization", f"Bearer {bottlecrm.token}"))
    yield proxy
    proxy.close()


def _connect(store, url: str, token: str):
    connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=url)
    crm_connections.save_connection(store, connection)
    crm_connections.save_token(crm_connections.vault(), connection, token)
    return connection


def _approve(store, connector, bottlecrm, planner=None) -> tuple[int, str]:
    """Approve a push found with ``connector``, planned (addressed) by ``planner``."""
    meeting_id, _, _ = create_meeting(store, title="Nordlys pilot")
    meeting = store.meetings.get(meeting_id)
    content = push.compose(meeting, _summary(), push.PushChoice())
    [target] = connector.search_targets(bottlecrm.contact_email)
    owners = push.match_owners(content.tasks, connector.list_users())
    plan = push.plan_push(planner or connector, content, target, owners)
    return push.approve(store, meeting_id, plan, plan.digest()), plan.ref


def _count(bottlecrm, ref: str) -> dict[str, int]:
    """Records on the server per step of one push, read with the server's own ORM."""
    counts: dict[str, int] = {}
    records = bottlecrm.records()
    for row in [*records["interactions"], *records["tasks"]]:
        text = str(row.get("description") or row.get("body") or "")
        for step in ("note", "task-1", "task-2"):
            if f"{ref}/{step}" in text:
                counts[step] = counts.get(step, 0) + 1
    return counts


ONCE = {"note": 1, "task-1": 1, "task-2": 1}


def _open(store, connection, **kwargs):
    return crm_connections.open_connector(connection, crm_connections.vault(), **kwargs)


def test_server_errors_and_rate_limits_are_retried_into_one_record_each(store, bottlecrm, proxy):
    connection = _connect(store, proxy.url, "unused: the proxy signs in")
    connector = _open(store, connection)
    push_id, ref = _approve(store, connector, bottlecrm)
    proxy.add("pass", "500", "429:7")  # note made; task 1 hits a 500

    first = push.deliver_push(store, push_id, connector)
    assert first.outcome is Outcome.RETRY_LATER and "500" in first.message
    second = push.deliver_push(store, push_id, connector)  # the search, then a 429
    assert second.outcome is Outcome.RETRY_LATER
    assert second.retry_at is not None
    assert second.retry_at - datetime.now(UTC) > timedelta(seconds=6)
    third = push.deliver_push(store, push_id, connector)

    assert third.outcome is Outcome.SENT
    assert _count(bottlecrm, ref) == ONCE
    assert store.outbox.get(push_id).state is PushState.SENT


def test_an_answer_lost_after_the_record_was_made_is_found_not_resent(store, bottlecrm, proxy):
    connection = _connect(store, proxy.url, "unused")
    connector = _open(store, connection)
    push_id, ref = _approve(store, connector, bottlecrm)
    proxy.add("pass", "drop-after")

    assert push.deliver_push(store, push_id, connector).outcome is Outcome.RETRY_LATER
    assert _count(bottlecrm, ref) == {"note": 1, "task-1": 1}
    assert push.deliver_push(store, push_id, connector).outcome is Outcome.SENT
    assert _count(bottlecrm, ref) == ONCE


def test_a_stalled_server_times_out_and_the_push_waits_in_the_outbox(store, bottlecrm, proxy):
    connection = _connect(store, proxy.url, "unused")
    quick = httpx.Timeout(2.0, connect=2.0)
    connector = _open(store, connection, timeout=quick)
    push_id, ref = _approve(store, connector, bottlecrm)
    proxy.add("stall")

    result = push.deliver_push(store, push_id, connector)
    assert result.outcome is Outcome.RETRY_LATER
    assert result.message.endswith("did not answer in time.")
    assert [p.id for p in store.outbox.open_pushes()] == [push_id]
    proxy.release.set()
    assert push.deliver_push(store, push_id, connector).outcome is Outcome.SENT
    assert _count(bottlecrm, ref) == ONCE


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


def _tls_proxy(bottlecrm, cert) -> FaultProxy:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return FaultProxy(
        bottlecrm.base_url, ("Authorization", f"Bearer {bottlecrm.token}"), tls=context
    )


def _trusting(ca) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def test_a_trusted_certificate_is_accepted(store, bottlecrm, ca):
    server = _tls_proxy(bottlecrm, ca.issue_cert("127.0.0.1"))
    try:
        connection = _connect(store, server.url, "unused")
        connector = _open(store, connection, verify=_trusting(ca))
        push_id, ref = _approve(store, connector, bottlecrm)
        assert push.deliver_push(store, push_id, connector).outcome is Outcome.SENT
        assert _count(bottlecrm, ref) == ONCE
    finally:
        server.close()


@pytest.mark.parametrize("problem", ["self-signed", "expired", "wrong host"])
def test_a_bad_certificate_is_refused_before_anything_is_sent(store, bottlecrm, proxy, ca, problem):
    now = datetime.now(UTC)
    if problem == "self-signed":
        cert = trustme.CA().issue_cert("127.0.0.1")  # an authority nobody trusts
    elif problem == "expired":
        cert = ca.issue_cert(
            "127.0.0.1", not_before=now - timedelta(days=30), not_after=now - timedelta(days=1)
        )
    else:
        cert = ca.issue_cert("crm.example.com")
    server = _tls_proxy(bottlecrm, cert)
    try:
        # The contact is looked up through a good connection; the push goes to the bad one.
        good = _open(store, _connect(store, proxy.url, "unused"))
        connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=server.url)
        bad = _open(store, connection, verify=_trusting(ca))
        push_id, ref = _approve(store, good, bottlecrm, planner=bad)
        assert all(r.url.startswith(server.url) for r in store.outbox.get(push_id).plan.requests)

        result = push.deliver_push(store, push_id, bad)

        assert result.outcome is Outcome.FAILED
        assert "certificate" in result.message
        assert server.seen == []  # no request reached the server
        assert _count(bottlecrm, ref) == {}
        assert store.outbox.get(push_id).state is PushState.FAILED
    finally:
        server.close()


def test_a_sign_in_that_expires_mid_push_is_renewed_and_the_push_completes(store, bottlecrm):
    issuer = TokenIssuer()
    proxy = FaultProxy(
        bottlecrm.base_url, ("Authorization", f"Bearer {bottlecrm.token}"), issuer=issuer
    )
    try:
        provider = OAuthProvider(
            authorize_url=f"{proxy.url}/oauth/authorize",
            token_url=f"{proxy.url}/oauth/token",
            client_id="minuta-test",
            scopes=("crm",),
        )
        vault = TokenVault(system_keyring())
        vault.save_tokens(
            "bottlecrm-oauth",
            TokenSet(issuer.access, issuer.refresh, expires_at=None),
        )
        credentials = OAuthCredentials(vault, "bottlecrm-oauth", provider)
        connection = crm_connections.new_connection(CrmKind.BOTTLECRM, api_url=proxy.url)
        connector = BottleCrmConnector(connection, CrmClient(credentials))
        push_id, ref = _approve(store, connector, bottlecrm)
        proxy.add("pass", "expire")  # the token expires after the note

        result = push.deliver_push(store, push_id, connector)

        assert result.outcome is Outcome.SENT
        assert issuer.refreshes == 1
        assert _count(bottlecrm, ref) == ONCE
        # The rotated tokens were kept, in the keyring.
        saved = vault.load_tokens("bottlecrm-oauth")
        assert saved is not None and saved.refresh_token == issuer.refresh
    finally:
        proxy.close()


@pytest.mark.parametrize(
    "moment", ["task-1:after_send", "note:after_in_flight", "task-2:after_send"]
)
def test_the_app_killed_between_send_and_ledger_makes_each_record_once(
    store, bottlecrm, app_paths, moment
):
    connection = _connect(store, bottlecrm.base_url, bottlecrm.token)
    connector = _open(store, connection)
    push_id, ref = _approve(store, connector, bottlecrm)
    store.close()

    def worker(*extra: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "tests.crm.push_worker", str(app_paths.data_dir), *extra]
        return subprocess.run(
            command, env=os.environ.copy(), capture_output=True, timeout=120, check=False
        )

    killed = worker("--die-at", moment)
    assert killed.returncode == -9, killed.stderr.decode()
    finished = worker()
    assert finished.returncode == 0, finished.stderr.decode()

    assert _count(bottlecrm, ref) == ONCE
    from minuta.app.session import open_app_store

    reopened = open_app_store(app_paths)
    try:
        stored = reopened.outbox.get(push_id)
        assert stored.state is PushState.SENT
        assert all(s.state is StepState.DONE for s in stored.steps)
    finally:
        reopened.close()
