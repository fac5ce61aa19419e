"""``audit verify``, ``audit list`` and ``audit left``: the audit log from the command line.

``verify`` walks the hash chain and checks it against the heads that exports and
pushes carried (as recorded here, and any given with ``--expect``); it exits 1
when anything was changed, removed or cut off. ``left`` is "what left this
machine": every push and export, and with ``--show`` the exact bytes of one.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from minuta.app.paths import AppPaths
from minuta.commands.support import UserFacingError, open_store

if TYPE_CHECKING:
    from minuta.core.audit import AuditEvent


def add_audit_commands(sub: Any) -> None:
    audit = sub.add_parser("audit", help="check and read the audit log; what left this computer")
    commands = audit.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = commands.add_parser(
        "verify", help="check that no entry was changed, removed or cut off; print the head"
    )
    verify.add_argument(
        "--expect",
        action="append",
        default=[],
        metavar="HASH",
        help="a head seen outside (an export's footer, a CRM note): it must be in the log "
        "(the 64 digits, or the first 16); may be given more than once",
    )
    listing = commands.add_parser("list", help="the log's entries, newest first")
    listing.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (50)")
    listing.add_argument("--meeting", type=int, metavar="ID", help="only this meeting's entries")
    left = commands.add_parser("left", help="every push and export that left this computer")
    left.add_argument(
        "--show", metavar="ID", help="print the exact bytes of one: push-N or export-N"
    )


def cmd_audit(args: argparse.Namespace, paths: AppPaths) -> None:
    store = open_store(paths, quiet_about_interrupted=True)
    try:
        if args.audit_command == "verify":
            _verify(store, tuple(args.expect))
        elif args.audit_command == "list":
            _list(store, args.limit, args.meeting)
        elif args.audit_command == "left":
            if args.show:
                _show(store, args.show)
            else:
                _left(store)
    finally:
        store.close()


def _verify(store: Any, expected: tuple[str, ...]) -> None:
    from minuta.app.left_machine import verify_audit

    result = verify_audit(store, expected)
    if result.ok:
        print(f"Audit log: {result.count} entries, intact. Head: {result.head}")
        return
    print(f"Audit log: {result.count} entries. Head: {result.head}")
    for problem in result.problems:
        where = f"entry {problem.event_id}" if problem.event_id is not None else "head"
        print(f"PROBLEM ({problem.kind.value}, {where}): {problem.message}")
    raise UserFacingError(
        f"the audit log is not intact: {len(result.problems)} problem(s), listed above"
    )


def detail_text(event: AuditEvent) -> str:
    """``key=value`` pairs, lists joined with commas."""
    parts = []
    for key, value in sorted(event.detail.items()):
        shown = ",".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{key}={shown}")
    return " ".join(parts)


def _list(store: Any, limit: int, meeting_id: int | None) -> None:
    if limit < 1:
        raise UserFacingError("--limit takes a number of entries, 1 or more")
    events = store.audit.events(meeting_id=meeting_id, limit=limit)
    if not events:
        print("The audit log has no entries" + (" for that meeting." if meeting_id else "."))
    for event in events:
        meeting = f"#{event.meeting_id}" if event.meeting_id is not None else "-"
        when = f"{event.at.astimezone():%Y-%m-%d %H:%M:%S}"
        print(f"{event.id}\t{when}\t{event.kind.value}\t{meeting}\t{detail_text(event)}")


def _left(store: Any) -> None:
    from minuta.app.left_machine import left_items

    items = left_items(store)
    if not items:
        print("Nothing has left this computer: no pushes, no exports.")
        return
    for item in items:
        when = f"{item.at.astimezone():%Y-%m-%d %H:%M}"
        meeting = f"#{item.meeting_id}" if item.meeting_id is not None else "-"
        what = f"{item.what} (a person's data)" if item.person else item.what
        line = f"{item.key}\t{when}\t{meeting}\t{what}\t{item.where}\t{item.state}"
        line += f"\tsha256={item.digest}"
        if item.kind == "push":
            records = ", ".join(r.url or r.remote_id for r in item.records)
            line += f"\trecords: {records or 'none yet'}"
        else:
            line += f"\t{item.size} bytes"
        print(line)
    print("\nShow exactly what went: minuta audit left --show push-N (or export-N)")


def _show(store: Any, key: str) -> None:
    from minuta.app import left_machine as left

    try:
        kind, number = left.parse_key(key)
    except ValueError as exc:
        raise UserFacingError(f"{exc}: use an id from `minuta audit left`") from None
    if kind == "push":
        try:
            payload = left.plan_bytes(left.push_plan(store, number))
        except KeyError:
            raise UserFacingError(f"there is no push {number}") from None
        _write(payload)
        return
    try:
        entry = left.export_entry(store, number)
    except LookupError:
        raise UserFacingError(f"there is no export {number}") from None
    data = entry.payload or b""
    if left.is_binary(entry.format, data) and sys.stdout.isatty():
        print(left.describe_binary(entry.format, len(data), entry.digest))
        print(f"To get its bytes, redirect them to a file: minuta audit left --show {key} > FILE")
        return
    _write(data)


def _write(payload: bytes) -> None:
    """The bytes themselves, not re-encoded by the terminal's text layer."""
    sys.stdout.flush()
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()
