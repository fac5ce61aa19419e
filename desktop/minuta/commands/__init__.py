"""The command-line commands, each ``(args, paths) -> None``; imported on demand."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from minuta.app.paths import AppPaths
from minuta.commands.audit_commands import cmd_audit
from minuta.commands.crm_commands import cmd_crm, cmd_push
from minuta.commands.meeting_commands import (
    cmd_delete,
    cmd_export,
    cmd_import,
    cmd_list,
    cmd_search,
    cmd_show,
)
from minuta.commands.model_commands import cmd_models
from minuta.commands.person_commands import cmd_person
from minuta.commands.recording_commands import cmd_devices, cmd_record, cmd_recover
from minuta.commands.retention_commands import cmd_keep, cmd_retention
from minuta.commands.speaker_commands import cmd_speakers
from minuta.commands.store_commands import (
    cmd_init,
    cmd_recovery_key,
    cmd_shred,
    cmd_status,
    cmd_unlock,
)
from minuta.commands.summary_commands import cmd_ask, cmd_summarize
from minuta.commands.transcript_commands import cmd_retranscribe

Command = Callable[[argparse.Namespace, AppPaths], None]

COMMANDS: dict[str, Command] = {
    "init": cmd_init,
    "status": cmd_status,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "export": cmd_export,
    "delete": cmd_delete,
    "speakers": cmd_speakers,
    "models": cmd_models,
    "devices": cmd_devices,
    "record": cmd_record,
    "recover": cmd_recover,
    "retranscribe": cmd_retranscribe,
    "crm": cmd_crm,
    "push": cmd_push,
    "unlock": cmd_unlock,
    "recovery-key": cmd_recovery_key,
    "shred": cmd_shred,
    "summarize": cmd_summarize,
    "ask": cmd_ask,
    "retention": cmd_retention,
    "keep": cmd_keep,
    "audit": cmd_audit,
    "person": cmd_person,
}
