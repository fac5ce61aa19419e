"""What the command-line commands share: prompts, opening the store, printing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from minuta.app.paths import AppPaths
    from minuta.store.store import Store


class UserFacingError(Exception):
    """A failure whose message is for the user as it stands."""


def fail(message: str) -> NoReturn:
    raise UserFacingError(message)


def read_secret(prompt: str) -> str:
    """Read a secret without echo on a terminal; one line from a pipe otherwise."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        fail("expected input on standard input, got none")
    return line.rstrip("\r\n")


MIN_PASSPHRASE = 8


def new_passphrase() -> str:
    first = read_secret("New passphrase: ")
    if len(first) < MIN_PASSPHRASE:
        fail(f"a passphrase needs at least {MIN_PASSPHRASE} characters")
    if sys.stdin.isatty() and read_secret("Repeat it: ") != first:
        fail("the two passphrases differ; nothing was changed")
    return first


def confirm(question: str) -> bool:
    print(question, end=" ", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


def open_store(paths: AppPaths, *, quiet_about_interrupted: bool = False) -> Store:
    from minuta.app.recovery import find_interrupted
    from minuta.app.session import open_app_store

    store = open_app_store(paths, passphrase=lambda: read_secret("Passphrase: "))
    if store.recovery_key_pending:
        print(
            "minuta: note: no recovery key has been confirmed for this store yet. Run "
            "`minuta recovery-key --new` to get one and write it down.",
            file=sys.stderr,
        )
    interrupted = [] if quiet_about_interrupted else find_interrupted(store)
    if interrupted:
        ids = ", ".join(f"#{item.meeting_id}" for item in interrupted)
        print(
            f"minuta: note: {len(interrupted)} recording(s) were interrupted ({ids}) and can be "
            "recovered: `minuta recover`.",
            file=sys.stderr,
        )
    return store


def print_recovery_key(text: str) -> None:
    print(
        "\nRECOVERY KEY: write it down and keep it away from this computer.\n"
        "It is shown only this once. With it you can open your meetings if the keyring\n"
        "or passphrase is lost; without it, nobody can.\n"
    )
    print(f"    {text}\n")


def highlight(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Mark matched words: bold on a terminal, [brackets] elsewhere."""
    bold = sys.stdout.isatty()
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        word = text[start:end]
        out.append(f"\033[1m{word}\033[0m" if bold else f"[{word}]")
        last = end
    out.append(text[last:])
    return "".join(out)
