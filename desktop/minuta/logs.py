"""Logging for the app and the command line: nothing personal or secret ever reaches a log.

:func:`configure_logging` replaces ``logging.basicConfig``. Every handler it
makes carries a :class:`RedactingFilter` and a :class:`RedactingFormatter`, so
whatever logs through them (Minuta, httpx, httpcore, faster-whisper, Qt) is
redacted, exception tracebacks included: e-mail addresses, authorisation
values, tokens and secrets in ``key=value`` or JSON form, JWTs, webhook
secrets, SQLCipher key literals, long hex and base64 strings, telephone and
national identity numbers, and the names registered with
:func:`register_sensitive` (the open meeting's participants, the user's name).

Minuta's own log lines carry ids, counts, timings and exception class names
only; the filter is the second line of defence, for libraries and for
mistakes. Redaction errs towards too much: a log that loses a number is
better than one that keeps a person's.

``MINUTA_LOG_LEVEL`` (DEBUG, INFO, WARNING, ...; default WARNING) selects the
level and ``MINUTA_LOG_FILE`` adds a log file, created readable by the user
only. Importing this module costs only ``logging`` and ``re``; the number
detectors of :mod:`minuta.crm` load on the first message with enough digits.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

LEVEL_ENV = "MINUTA_LOG_LEVEL"
FILE_ENV = "MINUTA_LOG_FILE"
DEFAULT_LEVEL = logging.WARNING
_STDERR_FD = 2
REDACTED = "[redacted]"
STDERR_FORMAT = "minuta: %(levelname)s: %(message)s"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Registered words kept at most (the oldest go first): a long-running app opens many meetings.
MAX_SENSITIVE = 4000

# --- what is redacted ----------------------------------------------------------------------

# Values after a name that says what they are: "Authorization: Bearer …",
# "token=…", '"refresh_token": "…"', "client_secret=…", "?code=…".
_CREDENTIAL_FIELDS = (
    r"(?:proxy-)?authorization|cookie|set-cookie"
    r"|[\w-]*(?:token|secret|password|passwd|api[_-]?key|apikey)"
    r"|code|code_verifier|state|signature|webhook-signature|key"
)
# Substrings of every name above, lower-cased: the cheap test before the pattern.
_CREDENTIAL_WORDS = (
    "auth", "cookie", "token", "secret", "passw", "key", "code", "state", "signature",
)  # fmt: skip
_KEY_VALUE = re.compile(
    r"(?P<name>[\"']?\b(?:" + _CREDENTIAL_FIELDS + r")\b[\"']?\s*[:=]\s*[\"']?)"
    r"(?P<scheme>(?:bearer|basic|token|digest)\s+)?"
    r"(?P<value>[^\s\"'&,;}\]]+)",
    re.IGNORECASE,
)
_AUTH_SCHEME = re.compile(r"\b(?P<scheme>bearer|basic)\s+(?P<value>[A-Za-z0-9._~+/=-]{6,})", re.I)
_EVERYDAY_NAMES = frozenset({"code", "key", "signature", "state"})
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_WEBHOOK_SECRET = re.compile(r"\bwhsec_[A-Za-z0-9+/=_-]+")
_KEY_LITERAL = re.compile(r"\b[xX](?P<q>['\"])[0-9a-fA-F]{16,}(?P=q)")
_LONG_HEX = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])")
# Base64 and random tokens: long, and mixing digits with both cases (a file
# path or a Python name seldom does all three).
_BASE64ISH = re.compile(
    r"(?<![A-Za-z0-9+/_=-])"
    r"(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])"
    r"[A-Za-z0-9+/_-]{32,}={0,2}"
)
# An address as crm.redaction reads it, outwards from its "@" (also URL-encoded, %40):
# one pattern over the whole text would backtrack quadratically on a long word.
_AT = re.compile(r"@|%40")
_LOCAL_PART = re.compile(r"[\w.%+\-]+$")
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,}")
# Telephone and identity numbers: six digits or more, apart by spaces, hyphens or brackets
# at most ("127.0.0.1" and "1.2.3" are neither; a phone number written with dots is missed).
_SIX_DIGITS = re.compile(r"\d(?:[ \-\u00a0()+]{0,3}\d){5}")

_WORD = re.compile(r"\w+")
_lock = threading.Lock()
_registered: dict[str, None] = {}  # casefolded words, oldest first
# What redact() reads: replaced whole under the lock, never changed in place.
_sensitive_words: frozenset[str] = frozenset()


def register_sensitive(*texts: str | None) -> None:
    """Redact these people's names from every log line from now on.

    Takes participants as typed ("Kari Nordmann <kari@nordlys.no>"), names
    and e-mail addresses. Every word of two letters or more of the name and of
    the address's local part is redacted wherever it stands alone, in any case
    ("Kari", "NORDMANN"; not "Karina"); addresses are redacted anyway. Cheap
    enough for the GUI thread: a set of words, no pattern to compile.
    """
    global _sensitive_words  # noqa: PLW0603 - one registry for the process
    from minuta.core.participants import split_participant

    wanted: list[str] = []
    for text in texts:
        if not text or not text.strip():
            continue
        name, email = split_participant(text)
        wanted += _WORD.findall(name) + _WORD.findall(email.partition("@")[0])
    words = [w.casefold() for w in wanted if len(w) >= 2 and any(c.isalpha() for c in w)]
    with _lock:
        before = len(_registered)
        _registered.update(dict.fromkeys(words))
        if len(_registered) == before:
            return
        while len(_registered) > MAX_SENSITIVE:  # forget the oldest
            del _registered[next(iter(_registered))]
        _sensitive_words = frozenset(_registered)


def clear_sensitive() -> None:
    """Forget every registered name (the store was locked, or a test ends)."""
    global _sensitive_words  # noqa: PLW0603
    with _lock:
        _registered.clear()
        _sensitive_words = frozenset()


def redact(text: str) -> str:
    """``text`` with everything personal or secret replaced by ``[redacted]``.

    Each check runs only when a cheap test says it could match: most log lines
    pass through a few substring searches.
    """
    if len(text) < 2:
        return text
    low = text.lower()
    if ("=" in text or ":" in text) and any(word in low for word in _CREDENTIAL_WORDS):
        text = _KEY_VALUE.sub(_keep_name, text)
    if "bearer" in low or "basic" in low:
        text = _AUTH_SCHEME.sub(_auth_value, text)
    if "@" in text or "%40" in text:
        text = _redact_spans(text, _email_spans(text))
    if "eyJ" in text:
        text = _JWT.sub(REDACTED, text)
    if "whsec_" in text:
        text = _WEBHOOK_SECRET.sub(REDACTED, text)
    if "x'" in low or 'x"' in low:
        text = _KEY_LITERAL.sub(REDACTED, text)
    if len(text) >= 32:
        text = _LONG_HEX.sub(REDACTED, text)
        text = _BASE64ISH.sub(REDACTED, text)
    words = _sensitive_words  # after the addresses, which may hold a registered name
    if words and not words.isdisjoint(_WORD.findall(text.casefold())):
        text = _WORD.sub(lambda m: REDACTED if m.group().casefold() in words else m.group(), text)
    if _SIX_DIGITS.search(text):
        text = _redact_spans(text, _number_spans(text))
    return text


def _keep_name(match: re.Match[str]) -> str:
    name = match.group("name")
    if match.group("value").startswith(REDACTED[:-1]):  # the value stops before "]"
        return match.group(0)
    # "code", "key", "signature" and "state" are everyday words: only as a parameter
    # ("code=…") or a JSON name ('"code": "…"'), not in "the key: …".
    if name.strip(" \t\"':=").lower() in _EVERYDAY_NAMES and not any(c in name for c in "='\""):
        return match.group(0)
    return f"{match.group('name')}{match.group('scheme') or ''}{REDACTED}"


def _email_spans(text: str) -> Iterator[tuple[int, int]]:
    for at in _AT.finditer(text):
        local = _LOCAL_PART.search(text, max(0, at.start() - 64), at.start())
        domain = _DOMAIN.match(text, at.end())
        if local and domain:
            yield local.start(), domain.end()


def _auth_value(match: re.Match[str]) -> str:
    value = match.group("value")
    # A credential has digits or base64 padding, or is long; "basic questions" is not one.
    if len(value) < 20 and not any(c.isdigit() or c in "=+/" for c in value):
        return match.group(0)
    return f"{match.group('scheme')} {REDACTED}"


def _number_spans(text: str) -> Iterator[tuple[int, int]]:
    from minuta.crm import identity_numbers, phone_numbers

    yield from phone_numbers.scan(text)
    for start, end, _detail, _strength in identity_numbers.scan(text):
        yield start, end


def _redact_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        text = text[:start] + REDACTED + text[end:]
    return text


# --- records -------------------------------------------------------------------------------

_plain = logging.Formatter()


def redact_record(record: logging.LogRecord) -> None:
    """Redact ``record`` in place, once: its message, traceback and stack.

    The message is formatted with its arguments first, so a secret passed as
    ``log.debug("x %s", secret)`` is caught; the traceback is rendered to text
    and the exception itself dropped, so no later handler can render it again.
    """
    if getattr(record, "minuta_redacted", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string must not hide the record
        message = f"{record.msg!s} {record.args!r}"
    record.msg, record.args = redact(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = _plain.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    record.exc_info = None
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record.minuta_redacted = True


class RedactingFilter(logging.Filter):
    """A handler filter that redacts every record passing through (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


class RedactingFormatter(logging.Formatter):
    """Redacts what it formats, also when a record did not pass a :class:`RedactingFilter`."""

    def format(self, record: logging.LogRecord) -> str:
        redact_record(record)
        return super().format(record)

    def formatException(self, ei: Any) -> str:
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


# --- set-up --------------------------------------------------------------------------------


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to a copy of the process's stderr, taken when it is made.

    python-sounddevice points file descriptor 2 at /dev/null while PortAudio
    starts (to hide ALSA's chatter), and the app imports it on a thread while
    the GUI thread logs: a line written to descriptor 2 meanwhile would be lost.
    The copy still reaches the terminal or the pipe. Where ``sys.stderr`` is not
    the process's own (a test's capture, a Windows GUI's None), it is used as is.
    """

    def __init__(self) -> None:
        self._owned = _stderr_copy()
        super().__init__(self._owned or sys.stderr)

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._owned is not None:
                self._owned.close()
                self._owned = None


def _stderr_copy() -> TextIO | None:
    try:
        if sys.stderr is None or sys.stderr.fileno() != _STDERR_FD:
            return None
        sys.stderr.flush()
        copy = os.dup(_STDERR_FD)
    except (AttributeError, OSError, ValueError):  # no descriptor behind it (io.StringIO)
        return None
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    return open(copy, "w", encoding=encoding, errors="backslashreplace", buffering=1)


_installed: list[logging.Handler] = []
_saved_hooks: list[tuple[Any, Any]] = []


def configure_logging(
    level: int | str | None = None, log_file: Path | str | None = None, *, uncaught: bool = True
) -> None:
    """Log to stderr (and to ``log_file``, or ``MINUTA_LOG_FILE``), redacted, at ``level``.

    ``level`` defaults to ``MINUTA_LOG_LEVEL``, else WARNING. The log file is
    appended to; it is created readable by the user only, in a folder created
    private if it does not exist. ``uncaught`` sends uncaught exceptions (of
    the main thread, other threads and Qt slots) through the same redaction
    instead of Python printing them raw. Calling it again replaces what the
    previous call set up.
    """
    reset_logging()
    root = logging.getLogger()
    root.setLevel(_level(level))
    stderr = _StderrHandler()
    stderr.setFormatter(RedactingFormatter(STDERR_FORMAT))
    handlers: list[logging.Handler] = [stderr]
    file_name = log_file if log_file is not None else os.environ.get(FILE_ENV)
    if file_name:
        path = _private_log_file(Path(file_name).expanduser())
        file_handler = logging.FileHandler(path, mode="a", encoding="utf-8")
        file_handler.setFormatter(RedactingFormatter(FILE_FORMAT))
        handlers.append(file_handler)
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
        _installed.append(handler)
    # httpx logs every request's full URL at INFO (a CRM look-up's carries the name
    # searched for): keep it out at any level; httpcore's lines carry no content.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if uncaught:
        _saved_hooks.append((sys.excepthook, threading.excepthook))
        sys.excepthook = _log_uncaught
        threading.excepthook = _log_uncaught_in_thread


def reset_logging() -> None:
    """Undo :func:`configure_logging`: its handlers closed, Python's exception hooks back."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    while _saved_hooks:
        sys.excepthook, threading.excepthook = _saved_hooks.pop()


def _level(level: int | str | None) -> int:
    wanted: int | str | None = level if level is not None else os.environ.get(LEVEL_ENV)
    if isinstance(wanted, int):
        return wanted
    if wanted and wanted.strip().isdigit():
        return int(wanted)
    if wanted:
        found = logging.getLevelName(wanted.strip().upper())
        if isinstance(found, int):
            return found
    return DEFAULT_LEVEL


def _private_log_file(path: Path) -> Path:
    if not path.parent.exists():
        from minuta.store.fsutil import ensure_private_dir

        ensure_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)  # a file that was there before may have been readable
    return path


_log = logging.getLogger("minuta")


def _log_uncaught(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, traceback)
        return
    _log.critical("uncaught exception", exc_info=(kind, value, traceback))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    _log.critical(
        "uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
