"""``retention`` and ``keep``: the rules that delete old audio and transcripts, and the
meetings they skip.

``retention show`` prints the rules, ``retention preview`` what they delete now and
in the next days, ``retention run`` deletes what is due now (as the app does at
start-up and daily). ``keep ID`` keeps a meeting out of the rules; ``--off`` lets
them apply again.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import open_store

if TYPE_CHECKING:
    from minuta.app.retention import RetentionReport
    from minuta.core.retention import Action, RetentionPolicy, RetentionSettings

DEFAULT_DAYS = 30


def add_retention_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    retention = sub.add_parser(
        "retention", help="the rules that delete old audio and transcripts: show, preview, run"
    )
    retention.add_argument(
        "action",
        nargs="?",
        choices=("show", "preview", "run"),
        default="show",
        help="show the rules (default), preview what they delete, or delete what is due now",
    )
    retention.add_argument(
        "--days",
        type=int,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"with preview: also list what falls due in the next N days ({DEFAULT_DAYS})",
    )
    keep = sub.add_parser("keep", help="keep a meeting out of the retention rules")
    keep.add_argument("meeting_id", type=int, metavar="ID")
    keep.add_argument("--off", action="store_true", help="let the rules apply to it again")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def describe(policy: RetentionPolicy) -> str:
    """One line: what the policy does with audio, transcripts and summaries."""
    if policy.audio_after_push and policy.audio_days is not None:
        audio = (
            "audio deleted once the summary is sent to the CRM, or "
            f"{_plural(policy.audio_days, 'day', 'days')} after the meeting if that is sooner"
        )
    elif policy.audio_after_push:
        audio = "audio deleted once the summary is sent to the CRM"
    elif policy.audio_days is not None:
        audio = f"audio deleted {_plural(policy.audio_days, 'day', 'days')} after the meeting"
    else:
        audio = "audio kept"
    if policy.transcript_months is None:
        transcript = "transcript kept"
    else:
        months = _plural(policy.transcript_months, "month", "months")
        transcript = f"transcript deleted {months} after the meeting"
    return f"{audio}; {transcript}; summaries kept until you delete them"


def cmd_retention(args: argparse.Namespace, paths: AppPaths) -> None:
    from datetime import UTC, datetime

    from minuta.app import retention

    if args.days < 0:
        from minuta.commands.support import fail

        fail("--days cannot be negative")
    store = open_store(paths)
    try:
        now = datetime.now(UTC)
        if args.action == "show":
            _show(retention.load_settings(store))
        elif args.action == "preview":
            shown = retention.preview(store, now, args.days)
            _print_actions("Due now (deleted by the next run):", shown.due, "Nothing is due now.")
            _print_actions(
                f"In the next {_plural(args.days, 'day', 'days')}:",
                shown.upcoming,
                f"Nothing else falls due in the next {_plural(args.days, 'day', 'days')}.",
            )
        else:
            _print_run(retention.run(store, now))
    finally:
        store.close()


def _show(settings: RetentionSettings) -> None:
    from minuta.summarize.templates import TEMPLATES

    print(f"All meetings: {describe(settings.global_policy)}.")
    for key, policy in sorted(settings.per_type.items()):
        name = TEMPLATES[key].name if key in TEMPLATES else key
        print(f"{name}: {describe(policy)}.")
    print("A meeting marked with `minuta keep ID` is never deleted by these rules.")


def _print_actions(heading: str, actions: tuple[Action, ...], empty: str) -> None:
    if not actions:
        print(empty)
        return
    print(heading)
    for action in actions:
        date = action.due_at.astimezone().strftime("%Y-%m-%d")
        print(f"  #{action.meeting_id:<4} {date}  {action.what:<10}  {action.title}")


def _print_run(report: RetentionReport) -> None:
    import sys

    audio, transcripts = report.audio_meetings, report.transcript_meetings
    parts = []
    if audio:
        ids = ", ".join(f"#{i}" for i in audio)
        parts.append(f"the audio of {_plural(len(audio), 'meeting', 'meetings')} ({ids})")
    if transcripts:
        ids = ", ".join(f"#{i}" for i in transcripts)
        count = _plural(len(transcripts), "meeting", "meetings")
        parts.append(f"the transcripts of {count} ({ids})")
    print(f"Deleted {' and '.join(parts)}." if parts else "Nothing was due.")
    for action, error in report.failed:
        print(
            f"minuta: could not delete the {action.what} of meeting #{action.meeting_id} "
            f"({error}); the next run tries again",
            file=sys.stderr,
        )
    for leftover in report.leftovers:
        print(f"minuta: could not remove {leftover}", file=sys.stderr)


def cmd_keep(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.meetings import set_keep

    store = open_store(paths)
    try:
        keep = not args.off
        set_keep(store, args.meeting_id, keep)
    finally:
        store.close()
    if keep:
        print(f"Meeting #{args.meeting_id} is kept: the retention rules skip it.")
    else:
        print(f"The retention rules apply to meeting #{args.meeting_id} again.")
