"""Write translations into the .ts files from a JSON file, instead of by hand in Linguist.

Usage::

    packaging/update_translations.sh            # new texts appear, unfinished
    python packaging/fill_translations.py new.json
    packaging/update_translations.sh            # tidies the .ts files, builds the .qm

``new.json`` maps language, then context, then English source to the translation::

    {"da": {"MainWindow": {"&Quit": "&Afslut"}}, "sv": {"MainWindow": {"&Quit": "&Avsluta"}}}

A translation replaces what the .ts file had (also a finished one) and is marked
finished. Entries the .ts files do not have are listed, not added: lupdate owns which
texts exist. A translation whose placeholders or mnemonic count differ from the source
is refused.

``python packaging/fill_translations.py --carry OLD.ts NEW.ts`` is what
update_translations.sh runs after lupdate: a text that moved to another class (a new
context, so lupdate sees a new message) keeps the translation it had, when the old file
translated that same English text one way only. What it carried is listed for review.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "assets" / "translations"

# {name} / {done:.0f} (str.format) and %1 / %n (Qt): must survive translation unchanged.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:n|L?\d+)")


def _parse(path: Path) -> ET.Element:
    """The root of a .ts file (the project's own, not outside input)."""
    return ET.parse(path).getroot()  # noqa: S314


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def mnemonics(text: str) -> int:
    """How many keyboard mnemonics ("&Save"); "&&" is a literal ampersand."""
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def problem(source: str, translation: str) -> str | None:
    if not translation.strip():
        return "empty translation"
    if placeholders(source) != placeholders(translation):
        return f"placeholders differ: {placeholders(source)} vs {placeholders(translation)}"
    if mnemonics(source) != mnemonics(translation):
        return "the source has a mnemonic (&) and the translation not, or the other way"
    return None


def fill(ts_path: Path, by_context: dict[str, dict[str, str | list[str]]]) -> tuple[int, list[str]]:
    """Fill ``ts_path``; returns how many were filled and the problems found."""
    root = _parse(ts_path)
    wanted: dict[tuple[str, str], str | list[str]] = {
        (ctx, src): text for ctx, texts in by_context.items() for src, text in texts.items()
    }
    used: set[tuple[str, str]] = set()
    problems: list[str] = []
    filled = 0
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            key = (name, source)
            if key not in wanted:
                continue
            used.add(key)
            text = wanted[key]
            texts = [text] if isinstance(text, str) else list(text)
            trouble = next((p for p in (problem(source, t) for t in texts) if p), None)
            if not isinstance(text, str) and message.get("numerus") != "yes":
                trouble = "several forms for a text without plurals"
            if trouble:
                problems.append(f"{ts_path.name} [{name}] {source!r}: {trouble}")
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                # Plurals ("%n meetings"): a list, one text per form of the language.
                forms = [text] if isinstance(text, str) else list(text)
                for form in translation.findall("numerusform"):
                    translation.remove(form)
                for form_text in forms:
                    ET.SubElement(translation, "numerusform").text = form_text
            elif isinstance(text, str):
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    for name, source in sorted(set(wanted) - used):
        problems.append(f"{ts_path.name} [{name}] {source!r}: not in the .ts file (skipped)")
    _write(root, ts_path)
    return filled, problems


def _write(root: ET.Element, ts_path: Path) -> None:
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _is_open(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished" or not translation.text


def carry(old_path: Path, new_path: Path) -> list[str]:
    """Give new, untranslated messages the translation the old file had for the same text."""
    known: dict[str, set[str]] = {}
    for message in _parse(old_path).iter("message"):
        translation = message.find("translation")
        if _is_open(message) or translation is None or translation.findall("numerusform"):
            continue
        known.setdefault(message.findtext("source", ""), set()).add(translation.text or "")
    root = _parse(new_path)
    carried: list[str] = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            choices = known.get(source, set())
            if not _is_open(message) or len(choices) != 1 or message.get("numerus") == "yes":
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = next(iter(choices))
            translation.attrib.pop("type", None)
            carried.append(f"[{context.findtext('name', '')}] {source!r} -> {translation.text!r}")
    if carried:
        _write(root, new_path)
    return carried


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--carry":
        for line in carry(Path(argv[1]), Path(argv[2])):
            print(f"{Path(argv[2]).name}: carried over {line}", file=sys.stderr)
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data: dict[str, dict[str, dict[str, str | list[str]]]] = json.loads(
        Path(argv[0]).read_text("utf-8")
    )
    failed = False
    for language, by_context in sorted(data.items()):
        filled, problems = fill(TRANSLATIONS / f"minuta_{language}.ts", by_context)
        print(f"minuta_{language}.ts: {filled} filled")
        for line in problems:
            print(f"  {line}", file=sys.stderr)
            failed = failed or "skipped" not in line
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
