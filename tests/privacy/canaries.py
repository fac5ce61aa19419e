"""Canary strings, and where to look for them: files in the clear, and the decrypted store.

A canary is a made-up word that nothing else on the machine contains, put
where content lives (a title, notes, a participant, an e-mail address, the
user's name, a CRM secret). The spoken canaries are ordinary words the model
hears reliably; the tests check they were transcribed before relying on them.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path

TITLE = "Zephyrquill pricing"
NOTES = "Remember the Quorblenix discount for Vexbridge."
PERSON = "Ottoline Vexbridge"
EMAIL = "ottoline.vexbridge@fjordcanary.no"
PARTICIPANT = f"{PERSON} <{EMAIL}>"
USER = "Sigrid Marrowfeld"
RECORDED_TITLE = "Plumtrellis lease review"
RECORDED_NOTES = "Call Ottoline about the Snorkelbaum invoice."
# A webhook signing secret as Standard Webhooks serialises one; its bytes are a canary too.
WEBHOOK_SECRET = "whsec_" + base64.b64encode(b"canary-webhook-Wobbleglint-32byte").decode()
API_TOKEN = "canary-api-token-Grimblethorpe-7f3a9c"

# Said in the imported file and in the recorded call (espeak-ng), as the model hears them.
IMPORT_SPEECH = "We signed the purple elephant contract with the harbour office on Monday morning."
IMPORT_HEARD = "elephant"
RECORDED_SPEECH = (
    "The invoice for the warehouse lease will arrive on Thursday with the new spreadsheet."
)
RECORDED_HEARD = "warehouse"

WRITTEN = (
    "Zephyrquill",
    "Quorblenix",
    "Vexbridge",
    "Ottoline",
    "fjordcanary",
    "Marrowfeld",
    "Plumtrellis",
    "Snorkelbaum",
    WEBHOOK_SECRET,
    WEBHOOK_SECRET.removeprefix("whsec_"),
    API_TOKEN,
)
SPOKEN = (IMPORT_HEARD, RECORDED_HEARD)
ALL = (*WRITTEN, *SPOKEN)
# What the meetings themselves hold (the user's name and the CRM secret are the user's
# settings, and stay when meetings are deleted).
MEETING_CONTENT = (
    "Zephyrquill",
    "Quorblenix",
    "Vexbridge",
    "Ottoline",
    "fjordcanary",
    "Plumtrellis",
    "Snorkelbaum",
    *SPOKEN,
)


def needles(words: Iterable[str]) -> list[tuple[str, bytes]]:
    """Each word lower-cased, as UTF-8 and as UTF-16-LE bytes (compare with lower-cased data)."""
    found = []
    for word in words:
        low = word.lower()
        found += [(word, low.encode("utf-8")), (word, low.encode("utf-16-le"))]
    return found


def files_under(*roots: Path) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files += [p for p in root.rglob("*") if p.is_file()]
    return files


def file_hits(files: Iterable[Path], words: Iterable[str]) -> list[str]:
    """``path: word`` for every canary found in a file's bytes (any case)."""
    wanted = needles(words)
    hits = []
    for path in files:
        data = path.read_bytes().lower()
        hits += [f"{path}: {word!r}" for word, needle in wanted if needle in data]
    return sorted(set(hits))


def decrypted_hits(store, words: Iterable[str]) -> list[str]:
    """``table.column: word`` for every canary in any value of any table of the open store."""
    wanted = [(w, w.lower()) for w in words]
    tables = [
        row[0] for row in store.db.query_all("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    hits = set()
    for table in tables:
        cursor = store.db.execute(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            for column, value in zip(columns, tuple(row), strict=True):
                if isinstance(value, bytes | memoryview):
                    text = bytes(value).decode("utf-8", errors="replace").lower()
                elif isinstance(value, str):
                    text = value.lower()
                else:
                    continue
                hits.update(f"{table}.{column}: {w!r}" for w, low in wanted if low in text)
    return sorted(hits)
