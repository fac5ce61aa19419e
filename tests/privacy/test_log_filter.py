"""The redacting log filter: every kind of secret and personal datum, and harmless text kept."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import time

import pytest

from minuta.logs import (
    REDACTED,
    RedactingFilter,
    RedactingFormatter,
    clear_sensitive,
    configure_logging,
    redact,
    register_sensitive,
)

JWT = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
KEY_HEX = "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99"


@pytest.fixture(autouse=True)
def no_registered_names():
    clear_sensitive()
    yield
    clear_sensitive()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("lookup kari.nordmann@nordlys.no failed", "kari.nordmann@nordlys.no"),
        ("GET /contacts?email=kari%40nordlys.no&limit=5", "kari%40nordlys.no"),
        ("Authorization: Bearer pd-4f9a1c2b77e0", "pd-4f9a1c2b77e0"),
        ("authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        ("headers={'Authorization': 'Bearer abc123def456'}", "abc123def456"),
        ('{"access_token": "at-5521-xyz", "expires_in": 3600}', "at-5521-xyz"),
        ('{"refresh_token":"rt-0099-qq"}', "rt-0099-qq"),
        ("POST /token client_secret=s3cr3t-v4lue&grant_type=refresh", "s3cr3t-v4lue"),
        ("GET /callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj", "SplxlOBeZQQYbYS6WxSbIA"),
        ("token=abc&x=1", "abc"),
        ("x-api-token: 9c1f2e3d", "9c1f2e3d"),
        (f"id_token {JWT} received", JWT),
        (
            "secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw loaded",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ),
        (f"PRAGMA key = \"x'{KEY_HEX}'\"", KEY_HEX),
        (f"PRAGMA rekey x'{KEY_HEX.upper()}'", KEY_HEX.upper()),
        (f"master {KEY_HEX} in use", KEY_HEX),
        ("blob QWxhZGRpbjpvcGVuIHNlc2FtZQ9xYWJjZGVmZ2hpamtsbW5v== sent", "QWxhZGRpbjpvcGVu"),
        ("call her on +47 912 34 567 today", "912 34 567"),
        ("mobil 070-123 45 67", "070-123 45 67"),
        ("CPR 150385-1004 on file", "150385-1004"),
        ("personnummer 19811218-9876", "19811218-9876"),
    ],
)
def test_each_kind_of_secret_is_redacted(text: str, secret: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert REDACTED in redacted


@pytest.mark.parametrize(
    "text",
    [
        "push 12: retry in 30 s (CrmUnavailable)",
        "GET /api/tags: HTTP 200 in 0.1 s",
        "POST /v1/chat/completions: HTTP 503 in 1.2 s",
        "store task failed: ValueError",
        "40 000 kr on 2026-11-20 at 10:30, version 1.2.3, 12 500 000 users",
        "Signed in at crm.example.com",
        "connect_tcp.started host='127.0.0.1' port=45123 local_address=None timeout=30.0",
        "send_request_headers.started request=<Request [b'POST']>",
        'File "/work/main/desktop/minuta/crm/tokens.py", line 176, in _save',
        "Processing audio with duration 00:05.230",
        "Detected language 'en' with probability 0.98",
        "the key: we agreed basic questions about the code",
        "PytestUnraisableExceptionWarning raised in test_no_plaintext_under_the_data_dir",
        "",
        "x",
    ],
)
def test_harmless_text_is_untouched(text: str) -> None:
    assert redact(text) == text


def test_registered_names_are_redacted_whole_word_and_any_case() -> None:
    register_sensitive("Kari Nordmann <kari@nordlys.no>", "Åsa Öberg", None, "")

    redacted = redact("Kari Nordmann called; later NORDMANN and åsa öberg, not Karina")
    r = REDACTED
    assert redacted == f"{r} {r} called; later {r} and {r} {r}, not Karina"
    assert "åsa öberg" not in redacted
    assert "Karina" in redacted  # a registered word inside another word is left
    assert redact("mail kari@nordlys.no") == f"mail {REDACTED}"

    clear_sensitive()
    assert redact("Kari Nordmann") == "Kari Nordmann"


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("minuta.test", logging.DEBUG, __file__, 1, msg, args, exc_info)


def _formatted(record: logging.LogRecord) -> str:
    assert RedactingFilter().filter(record) is True  # redacts, never drops
    return RedactingFormatter("%(levelname)s %(name)s: %(message)s").format(record)


def test_arguments_are_redacted_after_formatting() -> None:
    record = _record("looked up %s with %r", "kari@nordlys.no", {"token": "abc123"})
    text = _formatted(record)
    assert "kari@nordlys.no" not in text
    assert "abc123" not in text
    assert text.startswith("DEBUG minuta.test: looked up [redacted] with")


def test_a_traceback_with_an_address_in_its_message_is_redacted() -> None:
    try:
        raise ValueError("no contact kari@nordlys.no, token=tk-778899")
    except ValueError as exc:
        record = _record("lookup failed", exc=exc)
    text = _formatted(record)
    assert "Traceback (most recent call last)" in text
    assert "ValueError: no contact [redacted], token=[redacted]" in text
    assert "kari@nordlys.no" not in text
    assert "tk-778899" not in text
    # The exception itself is gone from the record: no later handler can render it raw.
    assert record.exc_info is None


def test_a_formatter_alone_redacts_too() -> None:
    try:
        raise RuntimeError("Bearer 0a1b2c3d4e5f")
    except RuntimeError as exc:
        record = _record("failed for %s", "kari@nordlys.no", exc=exc)
    text = RedactingFormatter().format(record)
    assert "kari@nordlys.no" not in text
    assert "0a1b2c3d4e5f" not in text


def test_stack_info_is_redacted() -> None:
    record = _record("here")
    record.stack_info = 'Stack (most recent call last):\n  x = "kari@nordlys.no"'
    assert "kari@nordlys.no" not in _formatted(record)


def test_a_broken_format_string_still_logs_redacted() -> None:
    text = _formatted(_record("%d items for %s", "kari@nordlys.no"))
    assert "kari@nordlys.no" not in text
    assert "items" in text


def test_registering_stays_cheap_with_many_people() -> None:
    """The meeting view registers on the GUI thread: no pattern to compile, however many."""
    people = [f"Person{n} Surname{n} <person{n}@example.org>" for n in range(3000)]
    for person in people:
        register_sensitive(person)
    started = time.perf_counter()
    register_sensitive("Kari Nordmann <kari@nordlys.no>")
    assert time.perf_counter() - started < 0.005
    assert redact("Kari and Surname2999 called") == f"{REDACTED} and {REDACTED} called"
    line = "push 12: retry in 30 s (CrmUnavailable) for meeting 7"
    started = time.perf_counter()
    for _ in range(1000):
        assert redact(line) == line
    assert (time.perf_counter() - started) / 1000 < 100e-6


def test_redaction_is_fast_on_ordinary_lines() -> None:
    lines = [
        "push 12: retry in 30 s (CrmUnavailable)",
        "connect_tcp.started host='127.0.0.1' port=45123 local_address=None timeout=30.0",
        "GET /api/tags: HTTP 200 in 0.1 s",
    ] * 1000
    redact("warm-up +47 912 34 567")  # the number detectors load on first use
    started = time.perf_counter()
    for line in lines:
        redact(line)
    per_line_us = (time.perf_counter() - started) / len(lines) * 1e6
    assert per_line_us < 100, f"{per_line_us:.1f} µs a line"


def test_configure_logging_reads_the_environment_and_makes_a_private_file(
    tmp_path, monkeypatch, logging_restored
) -> None:
    log_file = tmp_path / "new-folder" / "minuta.log"
    monkeypatch.setenv("MINUTA_LOG_LEVEL", "debug")
    monkeypatch.setenv("MINUTA_LOG_FILE", str(log_file))

    configure_logging()
    logging.getLogger("minuta.test").debug("mail to %s", "kari@nordlys.no")
    logging.getLogger("some.library").info("Authorization: Bearer 5e3c9a7b11")

    assert logging.getLogger().level == logging.DEBUG
    text = log_file.read_text()
    assert "minuta.test: mail to [redacted]" in text
    assert "some.library: Authorization: Bearer [redacted]" in text
    assert "kari@nordlys.no" not in text and "5e3c9a7b11" not in text
    if os.name == "posix":
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700

    # Configuring again replaces the handlers instead of adding more.
    configure_logging(level="WARNING", log_file=log_file)
    ours = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactingFilter) for f in h.filters)
    ]
    assert len(ours) == 2
    assert logging.getLogger().level == logging.WARNING


def test_an_uncaught_exception_reaches_stderr_redacted(tmp_path) -> None:
    """The command line as it runs: ``minuta`` crashing in a real process."""
    code = (
        "from minuta.logs import configure_logging\n"
        "configure_logging()\n"
        "raise RuntimeError('could not reach kari@nordlys.no with token=tk-31337')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert "minuta: CRITICAL: uncaught exception" in result.stderr
    assert "RuntimeError: could not reach [redacted] with token=[redacted]" in result.stderr
    assert "kari@nordlys.no" not in result.stderr and "tk-31337" not in result.stderr


def test_a_line_logged_while_a_library_silences_stderr_still_arrives() -> None:
    """python-sounddevice points descriptor 2 at /dev/null while PortAudio starts.

    The app imports it on a thread while the GUI thread logs (the bundle's test
    waits for such a line): the log writes to its own copy of stderr.
    """
    code = (
        "import logging, os\n"
        "from minuta.logs import configure_logging\n"
        "configure_logging(level='INFO')\n"
        "saved = os.dup(2)\n"
        "null = os.open(os.devnull, os.O_WRONLY)\n"
        "os.dup2(null, 2)\n"
        "logging.getLogger('minuta').info('said while silenced')\n"
        "os.dup2(saved, 2)\n"
        "logging.getLogger('minuta').info('said afterwards')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "minuta: INFO: said while silenced",
        "minuta: INFO: said afterwards",
    ]
