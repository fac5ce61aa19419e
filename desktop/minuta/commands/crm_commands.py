"""``crm`` and ``push``: connect a CRM, and send a meeting's approved summary to it.

``push`` prints every request exactly as it will be sent, flags personal data,
and asks before anything leaves the computer. A script must say ``--yes``
explicitly; without a terminal to ask on and without ``--yes``, nothing is sent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import UserFacingError, confirm, open_store, read_secret

if TYPE_CHECKING:
    from minuta.app.push import FlaggedText
    from minuta.core.crm import CrmTarget, PushContent, PushPlan
    from minuta.crm.connector import Connector
    from minuta.crm.outbox import Delivery


def _kind(name: str) -> object:
    from minuta.core.crm import CrmKind

    try:
        return CrmKind(name.lower())
    except ValueError:
        known = ", ".join(k.value for k in CrmKind)
        raise UserFacingError(f"unknown CRM {name!r}: use one of {known}") from None


def cmd_crm(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app import crm_connections as crm

    if args.crm_command == "connect":
        _connect(args, paths)
        return
    store = open_store(paths)
    try:
        if args.crm_command == "list":
            connections = crm.list_connections(store)
            if not connections:
                print("No CRM is connected. Use `minuta crm connect NAME`.")
            for c in connections:
                print(f"{c.name}\t{c.kind.value}\t{c.api_url}")
        elif args.crm_command == "disconnect":
            if not crm.remove_connection(store, args.name):
                raise UserFacingError(f"no CRM called {args.name!r} is connected")
            crm.vault().forget(args.name)
            print(f"Disconnected {args.name}; its token was removed from the keyring.")
        elif args.crm_command == "outbox":
            _outbox(args, store)
    finally:
        store.close()


def _connect(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app import crm_connections as crm
    from minuta.core.crm import CrmKind
    from minuta.crm.registry import TOKEN_KINDS, display_name

    kind = _kind(args.kind or args.name)
    assert isinstance(kind, CrmKind)
    options = dict(option.split("=", 1) for option in args.option or [] if "=" in option)
    try:
        connection = crm.new_connection(
            kind, name=args.name, api_url=args.url, web_url=args.web_url or "", options=options
        )
    except ValueError as exc:
        raise UserFacingError(str(exc)) from exc
    vault = crm.vault()
    if kind in TOKEN_KINDS:
        if not connection.api_url:
            raise UserFacingError(f"{display_name(kind)} needs its address: add --url https://…")
        what = "signing secret" if kind is CrmKind.WEBHOOK else "API token"
        token = read_secret(f"{display_name(kind)} {what}: ").strip()
        if not token:
            raise UserFacingError(f"no {what} given; nothing was connected")
        crm.save_token(vault, connection, token)
    else:
        print(
            f"Opening your browser to sign in to {display_name(kind)}. If it does not open, "
            "visit the address below.",
            file=sys.stderr,
        )

        def show(url: str) -> None:
            import webbrowser

            print(url, file=sys.stderr)
            webbrowser.open(url)

        try:
            connection = crm.sign_in(connection, vault, open_browser=show)
        except Exception as exc:  # OAuthError and keyring failures carry readable messages
            raise UserFacingError(f"sign-in failed: {exc}") from exc
    store = open_store(paths)
    try:
        crm.save_connection(store, connection)
    finally:
        store.close()
    print(f"Connected {display_name(kind)} as {connection.name!r}.")


def _outbox(args: argparse.Namespace, store: object) -> None:
    from minuta.app import crm_connections as crm
    from minuta.app.push import deliver_due
    from minuta.store.store import Store

    assert isinstance(store, Store)
    if args.send:
        vault = crm.vault()
        results = deliver_due(
            store, lambda name: crm.open_connector(crm.get_connection(store, name), vault)
        )
        for delivery in results:
            _print_delivery(delivery)
    for push in store.outbox.all_pushes():
        when = push.finished_at or push.next_attempt_at or push.approved_at
        line = f"{push.id}\tmeeting {push.meeting_id}\t{push.plan.connection}\t{push.state.value}"
        line += f"\t{when:%Y-%m-%d %H:%M}"
        if push.last_error and push.state.value != "sent":
            line += f"\t{push.last_error}"
        print(line)


def _print_delivery(delivery: Delivery) -> None:
    from minuta.crm.outbox import Outcome

    if delivery.outcome is Outcome.SENT:
        links = [r.url or r.remote_id for r in delivery.records]
        print(f"Sent (push {delivery.push_id}): " + ", ".join(links))
    elif delivery.outcome is Outcome.RETRY_LATER:
        at = delivery.retry_at.astimezone().strftime("%H:%M") if delivery.retry_at else "later"
        print(
            f"Not sent yet: {delivery.message} It stays in the outbox and is tried again at {at} "
            f"(or run `minuta crm outbox --send`).",
            file=sys.stderr,
        )
    else:
        print(f"The CRM refused the push: {delivery.message}", file=sys.stderr)


def _choose_target(connector: Connector, wanted: str) -> CrmTarget:
    from minuta.core.crm import TargetKind
    from minuta.crm.errors import CrmError

    kind_text, _, remote_id = wanted.partition(":")
    try:
        if remote_id and kind_text in {k.value for k in TargetKind}:
            matches = [
                t
                for t in connector.search_targets(remote_id)
                if t.remote_id == remote_id and t.kind.value == kind_text
            ]
            if not matches:
                from minuta.core.crm import CrmTarget

                return CrmTarget(TargetKind(kind_text), remote_id, remote_id)
        else:
            matches = connector.search_targets(wanted)
    except CrmError as exc:
        raise UserFacingError(exc.message) from exc
    if not matches:
        raise UserFacingError(f"nothing in the CRM matches {wanted!r}")
    if len(matches) > 1:
        lines = "\n".join(f"  {t.kind.value}:{t.remote_id}\t{t.name}\t{t.detail}" for t in matches)
        raise UserFacingError(
            f"several records match {wanted!r}; choose one with --target KIND:ID:\n{lines}"
        )
    return matches[0]


def print_plan(plan: PushPlan) -> None:
    print(f"To {plan.connection}, linked to {plan.target.name} ({plan.target.kind.value})")
    for number, request in enumerate(plan.requests, 1):
        print()
        print(f"── Request {number} of {len(plan.requests)}: {request.record}")
        print(f"{request.method} {request.url}")
        for name, value in request.headers:
            print(f"{name}: {value}")
        print()
        print(request.body.decode("utf-8", errors="replace"))
    print()
    print(f"Payload SHA-256: {plan.digest()}")


def cmd_push(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app import crm_connections as crm
    from minuta.app import push
    from minuta.app.summaries import latest_draft
    from minuta.crm.errors import CrmError
    from minuta.store.settings import Setting

    store = open_store(paths)
    try:
        meeting = store.meetings.get(args.meeting_id)
        draft = latest_draft(store, args.meeting_id)
        if draft is None:
            raise UserFacingError(f"meeting {args.meeting_id} has no summary yet: run summarize")
        summary = draft.summary
        indexes = _item_indexes(args.items, len(summary.items))
        if indexes is not None:
            # Choosing items on the command line is approving them; the
            # confirmation below approves the requests they become.
            items = tuple(
                item.approve() if i in indexes else item for i, item in enumerate(summary.items)
            )
            summary = replace(summary, items=items)
        choice = push.PushChoice(include_summary=not args.no_summary, item_indexes=indexes)
        content = push.compose(meeting, summary, choice)
        if not content.note.strip() and not content.tasks:
            raise UserFacingError(
                "nothing is approved to send: approve items in the app, or choose them with "
                "--items 1,3 (the numbers `minuta summarize` lists)"
            )
        connection = crm.get_connection(store, args.crm)
        user_name = store.settings.get(Setting.USER_NAME)
        flagged = push.personal_data(
            content,
            participants=meeting.participants,
            user_name=user_name,
            language=meeting.language,
        )
        content = _handle_personal_data(args, content, flagged)
        connector = crm.open_connector(connection, crm.vault())
        try:
            target = _choose_target(connector, args.target)
            owners = push.match_owners(content.tasks, connector.list_users())
        except CrmError as exc:
            raise UserFacingError(exc.message) from exc
        plan = push.plan_push(connector, content, target, owners, audit_head=store.audit.head())
        print_plan(plan)
        shown = plan.digest()
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserFacingError(
                    "nothing was sent: confirm on a terminal, or pass --yes to send without asking"
                )
            if not confirm(f"Send these {len(plan.requests)} requests to {connection.name}? [y/N]"):
                print("Nothing was sent.")
                return
        push_id = push.approve(store, args.meeting_id, plan, shown)
        delivery = push.deliver_push(store, push_id, connector)
        _print_delivery(delivery)
    finally:
        store.close()


def _item_indexes(text: str | None, count: int) -> frozenset[int] | None:
    if not text:
        return None
    try:
        numbers = {int(part) for part in text.replace(" ", "").split(",") if part}
    except ValueError:
        raise UserFacingError("--items takes item numbers separated by commas, like 1,3") from None
    bad = sorted(n for n in numbers if not 1 <= n <= count)
    if bad:
        raise UserFacingError(f"no item {bad[0]}: the summary has {count} items")
    return frozenset(n - 1 for n in numbers)


def _handle_personal_data(
    args: argparse.Namespace, content: PushContent, flagged: list[FlaggedText]
) -> PushContent:
    from minuta.app.push import redact_content

    if not flagged:
        return content
    print("Personal data in what would be sent:", file=sys.stderr)
    for item in flagged:
        detail = f" ({item.finding.detail})" if item.finding.detail else ""
        where = "note" if item.part == "note" else item.part.replace("-", " ")
        print(f"  {where}: {item.finding.kind.value}{detail}: {item.finding.text}", file=sys.stderr)
    if args.redact:
        return redact_content(content, flagged)
    if args.keep_personal_data:
        return content
    if not sys.stdin.isatty():
        raise UserFacingError(
            "personal data found: pass --redact to remove it, or --keep-personal-data to send it"
        )
    if confirm("Redact all of it? [y/N]"):
        return redact_content(content, flagged)
    return content


def add_crm_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    crm = sub.add_parser("crm", help="connect a CRM, list connections, see the outbox")
    crm_sub = crm.add_subparsers(dest="crm_command", required=True)
    connect = crm_sub.add_parser("connect", help="sign in to a CRM or store its API token")
    connect.add_argument(
        "name", help="superoffice, dynamics, hubspot, salesforce, pipedrive, bottlecrm or webhook"
    )
    connect.add_argument("--kind", help="the vendor, when NAME is your own name for it")
    connect.add_argument("--url", help="the API address (your own server, a Dynamics org)")
    connect.add_argument("--web-url", help="the address of the CRM's web app, for links")
    connect.add_argument(
        "--option", action="append", metavar="KEY=VALUE", help="vendor details: client_id=…"
    )
    crm_sub.add_parser("list", help="the connected CRMs")
    disconnect = crm_sub.add_parser("disconnect", help="forget a CRM and its token")
    disconnect.add_argument("name")
    outbox = crm_sub.add_parser("outbox", help="pushes waiting, sent and failed")
    outbox.add_argument("--send", action="store_true", help="send the pushes that are due now")

    push = sub.add_parser("push", help="send a meeting's approved summary to a CRM")
    push.add_argument("meeting_id", type=int, metavar="ID")
    push.add_argument("--crm", required=True, help="the connection's name (see `crm list`)")
    push.add_argument(
        "--target", required=True, help="an e-mail address or name to find, or KIND:ID"
    )
    push.add_argument("--items", help="item numbers to send (default: the approved ones)")
    push.add_argument("--no-summary", action="store_true", help="leave out the summary paragraph")
    push.add_argument("--redact", action="store_true", help="redact all personal data found")
    push.add_argument(
        "--keep-personal-data", action="store_true", help="send personal data found as it is"
    )
    push.add_argument(
        "--yes", action="store_true", help="send without asking (for scripts; review first)"
    )
