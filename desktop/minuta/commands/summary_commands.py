"""``summarize`` and ``ask``: a meeting's summary draft, and questions about a meeting."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from minuta.app.paths import AppPaths
from minuta.commands.support import UserFacingError, open_store
from minuta.core.timecode import clock

if TYPE_CHECKING:
    from minuta.app.summaries import SummaryConfig
    from minuta.core.summary import MeetingSummary, SummaryItem
    from minuta.summarize.backend import ChatBackend
    from minuta.summarize.pipeline import Progress

_HEADINGS = {
    "decision": "Decisions",
    "action_item": "Action items",
    "risk": "Risks",
    "next_step": "Next steps",
    "crm_suggestion": "CRM suggestions",
}

_STAGES = {
    "model": "summarising",
    "repair": "asking the model again",
    "fallback": "using the built-in summariser",
    "merge": "merging the parts",
    "check": "checking quotes",
}


def _config(args: argparse.Namespace, stored: SummaryConfig) -> SummaryConfig:
    from dataclasses import replace

    from minuta.app.summaries import BACKENDS

    config = stored
    if args.backend:
        if args.backend not in BACKENDS:
            raise UserFacingError(f"unknown backend {args.backend!r}: use {', '.join(BACKENDS)}")
        config = replace(config, backend=args.backend)
    if args.server:
        from minuta.summarize.llm.detect import is_loopback_url

        if not is_loopback_url(args.server):
            raise UserFacingError(
                "the language-model server must run on this computer (a loopback address), "
                "so that the meeting does not leave it"
            )
        config = replace(config, server_url=args.server)
    if args.model:
        config = replace(config, model=args.model)
    return config


def _backend(config: SummaryConfig) -> ChatBackend | None:
    from minuta.app.summaries import choose_backend
    from minuta.summarize.backend import BackendError

    try:
        return choose_backend(config)
    except (BackendError, ValueError) as exc:
        raise UserFacingError(f"no language model to use: {exc}") from exc


def _progress(progress: Progress) -> None:
    stage = _STAGES.get(progress.stage)
    if stage is None or not sys.stderr.isatty():
        return
    part = f" part {progress.step + 1} of {progress.total}," if progress.total > 1 else ""
    print(f"\r{part} {stage}…".ljust(48), end="", file=sys.stderr, flush=True)


def _item_line(item: SummaryItem) -> str:
    text = f"  • {item.text}"
    if item.owner:
        text += f" — {item.owner}"
    if item.kind.value == "action_item":
        if item.due_date:
            text += f", due {item.due_date.isoformat()}"
            if item.due_raw:
                text += f" ({item.due_raw})"
        else:
            text += f", needs a date{f' ({item.due_raw})' if item.due_raw else ''}"
    where = f"{clock(item.start_s)}" if item.start_s is not None else "no verified quote"
    mark = "" if item.verified else " UNVERIFIED: check before approving"
    return f"{text}  [{where}]{mark}"


def print_summary(summary: MeetingSummary, template_name: str) -> None:
    p = summary.provenance
    who = "built-in summariser" if p.backend == "builtin" else f"{p.backend} ({p.model})"
    print(f"Drafted by the {who}, template: {template_name}")
    for note in p.notes:
        print(f"Note: {note}")
    print()
    if summary.summary:
        print(summary.summary)
        print()
    for kind, heading in _HEADINGS.items():
        items = [item for item in summary.items if item.kind.value == kind]
        if items:
            print(heading)
            for item in items:
                print(_item_line(item))
            print()
    if summary.flagged_topics:
        count = len(summary.flagged_segment_ids)
        topics = ", ".join(t.replace("_", " ") for t in summary.flagged_topics)
        print(f"Left out of the summary (sensitive): {topics} ({count} lines)")
        print()
    if summary.email:
        print("E-mail draft")
        print(f"Subject: {summary.email.subject}")
        print()
        print(summary.email.body)


def cmd_summarize(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.summaries import generate, load_config, load_request, save_summary
    from minuta.summarize.backend import CancelToken

    store = open_store(paths)
    try:
        stored = load_config(store)
        if args.template and args.template not in (stored.templates or {}):
            known = ", ".join(stored.templates or {})
            raise UserFacingError(f"unknown template {args.template!r}: use one of {known}")
        config = _config(args, stored)
        request = load_request(store, args.meeting_id, args.template)
        if not request.segments:
            raise UserFacingError(f"meeting {args.meeting_id} has no transcript to summarise yet")
        backend = _backend(config)
        summary = generate(request, backend, cancel=CancelToken(), progress=_progress)
        if sys.stderr.isatty():
            print("\r".ljust(48), end="\r", file=sys.stderr)
        save_summary(store, args.meeting_id, summary)
    finally:
        store.close()
    print_summary(summary, config.template(args.template).name)


def cmd_ask(args: argparse.Namespace, paths: AppPaths) -> None:
    from minuta.app.summaries import ask, load_config, load_request
    from minuta.summarize.backend import CancelToken

    store = open_store(paths)
    try:
        config = _config(args, load_config(store))
        request = load_request(store, args.meeting_id)
    finally:
        store.close()
    answer = ask(request, " ".join(args.question), _backend(config), cancel=CancelToken())
    print(answer.text)
    for citation in answer.citations:
        where = clock(citation.start_s) if citation.start_s is not None else "?"
        mark = "" if citation.verified else " (quote not found: check it)"
        print(f"  [{where}] “{citation.quote}”{mark}")
