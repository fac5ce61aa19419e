"""``minuta``: the app's services from the command line.

Only ``argparse`` is imported at start-up; each command imports what it needs,
so ``minuta --help`` answers at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minuta",
        description="Minuta: local-first meeting recorder and notes. Everything stays "
        "encrypted on this computer.",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="the store's folder (default: the platform data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_store_commands(sub)
    _add_meeting_commands(sub)
    _add_recording_commands(sub)
    _add_model_commands(sub)
    _add_summary_commands(sub)
    from minuta.commands.crm_commands import add_crm_commands

    add_crm_commands(sub)
    from minuta.commands.retention_commands import add_retention_commands

    add_retention_commands(sub)
    from minuta.commands.audit_commands import add_audit_commands

    add_audit_commands(sub)
    from minuta.commands.person_commands import add_person_commands

    add_person_commands(sub)
    return parser


def _add_store_commands(sub: Any) -> None:
    init = sub.add_parser("init", help="create the encrypted store and show its recovery key")
    init.add_argument(
        "--passphrase",
        action="store_true",
        help="protect the store with a passphrase instead of the system keyring",
    )
    sub.add_parser("status", help="where the store is and how it is protected")

    unlock = sub.add_parser("unlock", help="unlock the store when its key is lost")
    unlock.add_argument(
        "--recovery", action="store_true", required=True, help="use the recovery key you wrote down"
    )

    recovery = sub.add_parser("recovery-key", help="replace the recovery key")
    recovery.add_argument(
        "--new",
        action="store_true",
        required=True,
        help="make a new recovery key; the old one stops working",
    )
    sub.add_parser(
        "shred",
        help="vacuum the store and give it a new database key, so deleted meetings leave "
        "no trace (the store must not be open elsewhere)",
    )


def _add_meeting_commands(sub: Any) -> None:
    imp = sub.add_parser("import", help="import and transcribe an audio or video file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--title", help="meeting title (default: the file name)")
    imp.add_argument(
        "--language", default=None, help="auto (default), or a code: da, sv, no, fi, lt, en, …"
    )
    imp.add_argument("--model", help="a model name from `minuta models`, or a model folder")
    imp.add_argument(
        "--allow-truncated", action="store_true", help="import a file that ends early as it is"
    )

    sub.add_parser("list", help="list meetings")
    show = sub.add_parser("show", help="show a meeting and its transcript")
    show.add_argument("meeting_id", type=int, metavar="ID")

    search = sub.add_parser("search", help="search all transcripts, titles and notes")
    search.add_argument("words", nargs="+")
    search.add_argument("--limit", type=int, default=20)

    export = sub.add_parser("export", help="export a transcript")
    export.add_argument("meeting_id", type=int, metavar="ID")
    export.add_argument(
        "--format", required=True, choices=("md", "txt", "srt", "vtt", "docx", "json")
    )
    export.add_argument("-o", "--output", type=Path, help="file to write (default: print)")

    speakers = sub.add_parser("speakers", help="who spoke in a meeting: list, name, find again")
    speakers.add_argument("meeting_id", type=int, metavar="ID")
    speakers.add_argument(
        "--rename", nargs=2, metavar=("LABEL", "NAME"), help='name a speaker, e.g. "Speaker 2" Ana'
    )
    speakers.add_argument(
        "--detect", action="store_true", help="separate the voices again from the stored audio"
    )
    speakers.add_argument(
        "--speakers",
        type=int,
        metavar="N",
        help="there were N people (on the call, or in the imported file); implies --detect",
    )
    speakers.add_argument(
        "--channel", choices=("me", "them", "mixed"), help="only this channel (with --detect)"
    )

    delete = sub.add_parser("delete", help="delete a meeting, its audio and its key")
    delete.add_argument("meeting_id", type=int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _add_recording_commands(sub: Any) -> None:
    sub.add_parser("devices", help="list microphones and outputs that can be recorded")
    record = sub.add_parser("record", help="record a meeting until Ctrl+C")
    record.add_argument("--mic", help="microphone id from `minuta devices` (default: system's)")
    output = record.add_mutually_exclusive_group()
    output.add_argument("--output", help="output to record the call from (default: system's)")
    output.add_argument(
        "--no-output", action="store_true", help="microphone only (an in-person meeting)"
    )
    record.add_argument("--title", help="meeting title")
    record.add_argument(
        "--participant", action="append", help="a participant's name (repeat for several)"
    )
    record.add_argument(
        "--consent",
        choices=("informed", "internal", "declined"),
        help="everyone was informed and agreed, an internal meeting, or someone declined "
        "(nothing is recorded); asked before recording when not given",
    )
    record.add_argument(
        "--consent-method",
        choices=("spoken", "chat", "invitation", "email", "written", "policy"),
        help="how they were told: said at the start (default), in the call's chat, in the "
        "invitation, by e-mail, in writing, or the workplace's policy (default for internal)",
    )
    record.add_argument(
        "--informed",
        metavar="PEOPLE",
        help='who was told, e.g. "Kari Nordmann <kari@nordlys.no>, Ola Hansen" '
        "(default: the --participant names)",
    )
    record.add_argument(
        "--max-minutes", type=float, default=240, help="stop by itself after this long"
    )
    record.add_argument(
        "--language", help="the meeting language (da, sv, no, fi, lt, en, ...; default: detect)"
    )
    record.add_argument("--no-live", action="store_true", help="no live transcript while recording")
    record.add_argument(
        "--no-transcribe",
        action="store_true",
        help="record only: no live transcript and no transcription after",
    )
    again = sub.add_parser(
        "retranscribe", help="transcribe a meeting again (another model or language)"
    )
    again.add_argument("meeting_id", type=int, metavar="ID")
    again.add_argument("--model", help="a model name from `minuta models`, or a model folder")
    again.add_argument(
        "--language",
        help="auto (default), a code (da, sv, no, fi, lt, en, ...), mixed (the meeting "
        "switches language), or per channel: me=da,them=en",
    )
    again.add_argument(
        "--speakers",
        type=int,
        help="how many people spoke on the call (or in an in-person meeting), if known",
    )
    recover = sub.add_parser("recover", help="recover recordings a crash or full disk interrupted")
    recover.add_argument("meeting_id", type=int, nargs="?", metavar="ID")
    recover.add_argument("--yes", action="store_true", help="do not ask")
    recover.add_argument("--transcribe", action="store_true", help="transcribe what is recovered")


def _add_model_commands(sub: Any) -> None:
    models = sub.add_parser("models", help="list, download or select transcription models")
    language_help = "the meeting language (sv, no, da, ...): recommend a model for it"
    models.add_argument("--language", help=language_help)
    models_sub = models.add_subparsers(dest="models_command", metavar="ACTION")
    listing = models_sub.add_parser("list", help="list models (the default action)")
    listing.add_argument("--language", help=language_help, default=argparse.SUPPRESS)
    download = models_sub.add_parser("download", help="download a model (needs the network)")
    download.add_argument("name")
    download.add_argument(
        "--force", action="store_true", help="download again, replacing a damaged copy"
    )
    use = models_sub.add_parser("use", help="make a model, or a model folder, the default")
    use.add_argument("name_or_path")


def _add_summary_commands(sub: Any) -> None:
    def backend_options(command: Any) -> None:
        command.add_argument(
            "--backend",
            help="auto (a language model on this computer, else built-in), builtin, ollama, "
            "openai-compatible or llama-cpp (default: as in Settings)",
        )
        command.add_argument("--server", help="the local model server's address (loopback only)")
        command.add_argument("--model", help="the language model's name on that server")

    summarize = sub.add_parser(
        "summarize", help="draft a meeting's summary: decisions, action items, risks, e-mail"
    )
    summarize.add_argument("meeting_id", type=int, metavar="ID")
    summarize.add_argument(
        "--template",
        help="sales_discovery, customer_follow_up, recruiting_interview, project_status "
        "or internal (default: as in Settings)",
    )
    backend_options(summarize)

    ask = sub.add_parser("ask", help="ask a question about a meeting; answers cite the moment")
    ask.add_argument("meeting_id", type=int, metavar="ID")
    ask.add_argument("question", nargs="+")
    backend_options(ask)


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    # Everything this process creates (store files, exports) is private to the user.
    os.umask(0o077)
    _configure_logging()

    from minuta.app.paths import default_paths
    from minuta.commands import COMMANDS

    paths = default_paths(args.data_dir)
    handler = COMMANDS[args.command]
    try:
        handler(args, paths)
    except KeyboardInterrupt:
        print("\nInterrupted; nothing was saved from the unfinished step.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # translate the failures we understand, re-raise the rest
        message = _user_message(exc)
        if message is None:
            raise
        print(f"minuta: {message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _user_message(exc: Exception) -> str | None:
    """The message to show for a failure we understand; None for a bug."""
    import errno

    from minuta.audio.decode import AudioDecodeError
    from minuta.commands.support import UserFacingError
    from minuta.store.errors import StoreError
    from minuta.transcribe.catalogue import ModelError

    if isinstance(exc, StoreError | AudioDecodeError | ModelError | UserFacingError):
        return str(exc)
    disk_full = (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or (
        "disk is full" in str(exc)
    )
    if disk_full:
        return "the disk is full. Nothing from the unfinished step was saved; free some space."
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return None


def _configure_logging() -> None:
    from minuta.logs import configure_logging

    # Logs carry ids, counts and timings only, never meeting content; what a
    # library logs is redacted (MINUTA_LOG_LEVEL, MINUTA_LOG_FILE: see minuta.logs).
    configure_logging()


if __name__ == "__main__":
    sys.exit(main())
