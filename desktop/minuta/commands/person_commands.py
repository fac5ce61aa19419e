"""``person``: find, export or erase everything about one person (GDPR access and erasure).

``person find TEXT`` lists what is stored about them; ``person export TEXT --out DIR``
writes it as person-<name>.json and .html (readable by you only); ``person erase
TEXT`` erases (or with ``--redact`` redacts) it everywhere, after asking. A
script must say ``--yes``: without a terminal to ask on and without it, nothing
is changed. TEXT is a name, an e-mail address, or "Name <address>".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import UserFacingError, confirm, open_store
from minuta.core.timecode import clock

if TYPE_CHECKING:
    from minuta.app.person_data import CrmRecordHit, ErasureReport, PersonReport
    from minuta.store.store import Store


def add_person_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    person = sub.add_parser(
        "person", help="find, export or erase everything about one person (GDPR requests)"
    )
    person_sub = person.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    what = 'a name, an e-mail address, or "Name <address>"'
    find = person_sub.add_parser("find", help="list everything stored about a person")
    find.add_argument("text", metavar="TEXT", help=what)
    export = person_sub.add_parser(
        "export", help="write everything about a person as JSON and HTML (not encrypted)"
    )
    export.add_argument("text", metavar="TEXT", help=what)
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder")
    erase = person_sub.add_parser("erase", help="erase a person everywhere in the store")
    erase.add_argument("text", metavar="TEXT", help=what)
    erase.add_argument(
        "--redact",
        action="store_true",
        help="replace mentions with [redacted] and keep their lines, speaker anonymised "
        "(default: erase, which also deletes what they said)",
    )
    erase.add_argument(
        "--delete-audio",
        action="store_true",
        help="also delete the audio of meetings they spoke in",
    )
    erase.add_argument("--yes", action="store_true", help="do not ask (for scripts)")


def cmd_person(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.person_data import find_person

    store = open_store(paths)
    try:
        try:
            report = find_person(store, args.text)
        except ValueError as exc:
            raise UserFacingError(f"{args.text!r} is neither a name nor an e-mail address") from exc
        if args.person_command == "find":
            _print_report(report)
        elif args.person_command == "export":
            _export(store, report, args.out)
        else:
            _erase(store, report, args)
    finally:
        store.close()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary_line(report: PersonReport) -> str:
    counts = report.counts()
    return (
        f"{_count(counts['meetings'], 'meeting')}, "
        f"{_count(counts['segments'], 'transcript line')}, "
        f"{_count(counts['summary_items'], 'summary item')}, "
        f"{_count(counts['crm_records'], 'CRM record')}, {_count(counts['exports'], 'export')}"
    )


def _print_report(report: PersonReport) -> None:
    if report.is_empty:
        print(f"Nothing is stored about {report.query.display}.")
        return
    print(f"About {report.query.display}: {_summary_line(report)}.")
    titles = {m.id: m.title for m in report.meetings}
    if report.meetings:
        print("\nMeetings:")
        for m in report.meetings:
            day = m.started_at.astimezone().strftime("%Y-%m-%d")
            print(f"  #{m.id:<4} {day}  {m.title}  ({', '.join(m.reasons)})")
    if report.segments:
        print("\nTranscript lines:")
        for s in report.segments:
            said = " (said by them)" if s.spoken else ""
            print(f"  #{s.meeting_id} [{clock(s.start_s)}] {s.speaker}: {s.text}{said}")
    if report.summary_items or report.summary_texts:
        print("\nSummary items:")
        for i in report.summary_items:
            print(f"  #{i.meeting_id} {i.kind.replace('_', ' ')}: {i.text}")
        for t in report.summary_texts:
            print(f"  #{t.meeting_id} {t.field}: {t.text.splitlines()[0] if t.text else ''}")
    if report.crm_records:
        print("\nSent to CRM (change or delete these in the CRM itself):")
        _print_records(report.crm_records)
    unsent = [p for p in report.pushes if not p.sent_any]
    if unsent:
        ids = ", ".join(f"#{p.id}" for p in unsent)
        print(f"\nNot sent yet: CRM push {ids} holds their data.")
    if report.exports:
        print("\nExports that held their data:")
        for e in report.exports:
            where = titles.get(e.meeting_id or -1, "")
            print(f"  {e.at.astimezone():%Y-%m-%d %H:%M}  {e.format}  {e.destination}  {where}")


def _print_records(records: tuple[CrmRecordHit, ...]) -> None:
    for r in records:
        link = f"  {r.url}" if r.url else ""
        print(f"  {r.connection} ({r.vendor}): {r.what}, id {r.remote_id}{link}")


def _export(store: Store, report: PersonReport, folder: Path) -> None:
    from minuta.app.person_data import save_person_export

    if report.is_empty:
        print(f"Nothing is stored about {report.query.display}; nothing was written.")
        return
    if not folder.is_dir():
        raise UserFacingError(f"{folder} is not a folder")
    json_path, html_path = save_person_export(store, report, folder)
    print(f"Wrote {json_path} and {html_path} ({_summary_line(report)}).")
    print("These files are not encrypted: hand them over safely, then delete them.")


def _erase(store: Store, report: PersonReport, args: argparse.Namespace) -> None:
    from minuta.app.person_data import erase_person

    if report.is_empty:
        print(f"Nothing is stored about {report.query.display}; nothing was changed.")
        return
    verb = "Redact" if args.redact else "Erase"
    print(f"{verb} {report.query.display}: {_summary_line(report)}.")
    if not args.redact:
        spoken = sum(1 for s in report.segments if s.spoken)
        print(f"Erasing deletes the {_count(spoken, 'line')} they said.")
    if args.delete_audio:
        print("The audio of the meetings they spoke in is deleted as well.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserFacingError(
                "nothing was changed: confirm on a terminal, or pass --yes to change it without "
                "asking"
            )
        if not confirm(f"{verb} them everywhere? This cannot be undone. [y/N]"):
            print("Nothing was changed.")
            return
    result = erase_person(
        store, report, mode="redact" if args.redact else "erase", delete_audio=args.delete_audio
    )
    _print_erasure(result)


def _print_erasure(result: ErasureReport) -> None:
    done = "Redacted" if result.mode == "redact" else "Erased"
    print(
        f"{done}: {_count(result.meetings, 'meeting')} changed, "
        f"{_count(result.segments_deleted, 'line')} deleted, "
        f"{_count(result.segments_redacted, 'line')} redacted, "
        f"{_count(result.summaries, 'summary')} rewritten, "
        f"{_count(result.exports_deleted, 'export')} deleted."
    )
    if result.audio_deleted:
        print(f"Deleted the audio of {_count(len(result.audio_deleted), 'meeting')}.")
    withdrawn = result.pushes_withdrawn + result.pushes_partly_sent
    if withdrawn:
        pushes = "1 CRM push" if len(withdrawn) == 1 else f"{len(withdrawn)} CRM pushes"
        print(f"Withdrew {pushes} that had not been sent in full.")
    if result.follow_up:
        print("\nMinuta cannot erase what is in the CRM. Follow up on these records there:")
        _print_records(result.follow_up)
    for note in result.notes:
        print(f"Note: {note}")
