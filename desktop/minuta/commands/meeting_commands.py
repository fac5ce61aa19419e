"""``import``, ``list``, ``show``, ``search``, ``export`` and ``delete``."""

from __future__ import annotations

import argparse
import sys

from minuta.app.paths import AppPaths
from minuta.commands.support import confirm, fail, highlight, open_store
from minuta.core.crm import OutboxPush
from minuta.core.timecode import clock


def cmd_import(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.importer import import_file
    from minuta.app.transcription import engine_for, selected_model
    from minuta.cli_progress import ProgressBar
    from minuta.transcribe.languages import normalise_language

    language = normalise_language(args.language)  # a typo fails before any work
    if not args.file.is_file():
        fail(f"{args.file} does not exist or is not a file.")
    store = open_store(paths)
    bar = ProgressBar()
    try:
        engine = engine_for(paths, args.model or selected_model(store))
        bar.update(f"Loading {engine.model.name}", 0.0, None)
        engine.load()
        result = import_file(
            store,
            engine,
            args.file,
            title=args.title,
            language=language,
            allow_truncated=args.allow_truncated,
            progress=lambda stage, done, total: bar.update(stage.value, done, total),
        )
    finally:
        bar.close()
        store.close()
    print(
        f"Imported meeting #{result.meeting_id}: {clock(result.duration_s)}, "
        f"language {result.language or 'unknown'}, {_count(result.segment_count, 'segment')}."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_list(args: argparse.Namespace, paths: AppPaths) -> None:
    store = open_store(paths)
    try:
        meetings = store.meetings.list()
    finally:
        store.close()
    if not meetings:
        print("No meetings yet. Import one with `minuta import FILE`.")
        return
    print(f"{'ID':>4}  {'Date':<16}  {'Length':>8}  {'Lang':<4}  {'State':<10}  Title")
    for m in meetings:
        date = m.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"{m.id:>4}  {date:<16}  {clock(m.duration_s):>8}  {m.language or '-':<4}  "
            f"{m.state.value:<10}  {m.title}"
        )


def cmd_show(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.consent import describe_consent

    store = open_store(paths)
    try:
        meeting = store.meetings.get(args.meeting_id)
        segments = store.meetings.segments(meeting.id)
        pushes = store.outbox.for_meeting(meeting.id)
        consent = store.consent.get(meeting.id)
    finally:
        store.close()
    date = meeting.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"#{meeting.id}  {meeting.title}")
    print(
        f"{date} · {clock(meeting.duration_s)} · language {meeting.language or 'unknown'}"
        f" · model {meeting.transcript_model or '-'}"
    )
    print(f"Consent: {describe_consent(meeting, consent)}")
    for line in push_lines(pushes):
        print(line)
    if meeting.notes.strip():
        print(f"\nNotes:\n{meeting.notes.strip()}")
    print()
    for segment in segments:
        print(f"[{clock(segment.start)}] {segment.text}")
    if not segments:
        print("(no speech was recognised)")


def push_lines(pushes: list[OutboxPush]) -> list[str]:
    """ "Pushed to hubspot on 2026-11-23 14:05: https://…" for each push, sent or not."""
    from minuta.core.crm import PushState

    lines = []
    for push in pushes:
        crm = push.plan.connection
        if push.state is PushState.SENT and push.finished_at:
            record = push.first_record
            link = f": {record.url or record.remote_id}" if record else ""
            when = push.finished_at.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(f"Pushed to {crm} on {when}{link}")
        elif push.state in (PushState.QUEUED, PushState.SENDING):
            lines.append(f"Waiting to push to {crm}: {push.last_error or 'queued'}")
        elif push.state is PushState.FAILED:
            lines.append(f"Push to {crm} failed: {push.last_error}")
    return lines


def cmd_search(args: argparse.Namespace, paths: AppPaths) -> None:
    store = open_store(paths)
    try:
        hits = store.search.search(" ".join(args.words), limit=args.limit)
    finally:
        store.close()
    if not hits:
        print("No matches.")
        return
    for hit in hits:
        where = f"[{clock(hit.time_s)}]" if hit.time_s is not None else f"({hit.kind})"
        date = hit.started_at.astimezone().strftime("%Y-%m-%d")
        print(f"#{hit.meeting_id}  {date}  {hit.meeting_title}  {where}")
        print(f"    {highlight(hit.snippet, hit.highlights)}")


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> None:
    """The export, with consent and audit head, logged with its bytes before it is written."""
    from minuta.app.export import BINARY_FORMATS
    from minuta.app.export_service import STDOUT, export_meeting

    if args.output is None and args.format in BINARY_FORMATS:
        fail(f"A {args.format} file cannot be printed; give a file to write with -o FILE")
    if args.output is not None and args.output.exists():
        fail(f"{args.output} already exists; choose another name or remove it first")
    destination = STDOUT if args.output is None else str(args.output.resolve())
    store = open_store(paths)
    try:
        data = export_meeting(store, args.meeting_id, args.format, destination)
    finally:
        store.close()
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    args.output.write_bytes(data)
    print(f"Wrote {args.output}", file=sys.stderr)


def cmd_delete(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.meetings import delete_meeting

    store = open_store(paths)
    try:
        meeting = store.meetings.get(args.meeting_id)
        date = meeting.started_at.astimezone().strftime("%Y-%m-%d")
        question = (
            f'Delete meeting #{meeting.id} "{meeting.title}" ({date}, '
            f"{clock(meeting.duration_s)})? Its transcript, audio and key are destroyed "
            "and cannot be recovered. [y/N]"
        )
        if not args.yes and not confirm(question):
            print("Not deleted.")
            return
        report = delete_meeting(store, meeting.id)
    finally:
        store.close()
    print(f"Deleted meeting #{report.meeting_id}; its key is destroyed.")
    if report.leftover:
        print(f"minuta: could not remove {report.leftover}", file=sys.stderr)
