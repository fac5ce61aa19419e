"""The words of the "Your data" page, from a :class:`~minuta.app.data_check.DataReport`.

Plain functions of the report, so the wording is tested without widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from minuta.app.data_check import DataReport, Leftover, LeftoverKind, Place, PlaceKind, Protection

# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate

ENCRYPTED_MARK = "✓"


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def place_title(kind: PlaceKind) -> str:
    titles = {
        PlaceKind.DATA_FOLDER: translate("AboutData", "Data folder"),
        PlaceKind.DATABASE: translate("AboutData", "Meetings, transcripts and notes (database)"),
        PlaceKind.AUDIO: translate("AboutData", "Recordings"),
        PlaceKind.KEY: translate("AboutData", "The key that unlocks it"),
        PlaceKind.MODELS: translate("AboutData", "Speech models"),
        PlaceKind.SETTINGS: translate("AboutData", "Window settings"),
        PlaceKind.LOG: translate("AboutData", "Log file"),
    }
    return titles[kind]


def path_text(place: Place) -> str:
    if place.path is not None:
        return str(place.path)
    return translate("AboutData", "Not in a file: kept by your system keyring")


def amount_text(place: Place) -> str:
    """ "12 recordings, 48.2 MB"; empty for the key."""
    if place.kind is PlaceKind.KEY:
        return ""
    size = size_text(place.size)
    if place.kind is PlaceKind.AUDIO:
        if place.files == 0:
            return translate("AboutData", "No recordings yet")
        if place.files == 1:
            return translate("AboutData", "1 recording file, {size}").format(size=size)
        return translate("AboutData", "{count} recording files, {size}").format(
            count=place.files, size=size
        )
    if place.kind in (PlaceKind.SETTINGS, PlaceKind.LOG) and place.files == 0:
        return translate("AboutData", "Not created yet")
    return size


def status_text(place: Place, report: DataReport) -> str:
    """The line that says whether it is encrypted, or why it need not be."""
    if place.protection is Protection.ENCRYPTED:
        return translate("AboutData", "Encrypted {mark} — checked just now").format(
            mark=ENCRYPTED_MARK
        )
    if place.protection is Protection.NOT_ENCRYPTED:
        return _not_encrypted_text(place, report)
    if place.protection is Protection.KEY:
        return _key_text(report)
    notes = {
        PlaceKind.MODELS: translate(
            "AboutData", "Holds no personal data: only the speech models, as downloaded."
        ),
        PlaceKind.SETTINGS: translate(
            "AboutData", "Holds no personal data: only the window layout and the record shortcut."
        ),
        PlaceKind.LOG: translate(
            "AboutData",
            "Holds no personal data: technical messages only, with names and words removed.",
        ),
    }
    return notes.get(place.kind, "")


def _not_encrypted_text(place: Place, report: DataReport) -> str:
    if place.kind is PlaceKind.AUDIO and place.failed:
        return translate(
            "AboutData", "Not encrypted! {count} file(s) here are not Minuta's encrypted format:"
        ).format(count=len(place.failed))
    if place.kind is PlaceKind.DATA_FOLDER and any(lo.plaintext for lo in report.leftovers):
        return translate(
            "AboutData",
            "Not encrypted! Some files here can be read without the key: see the end of this list.",
        )
    if place.kind is PlaceKind.DATA_FOLDER:
        return translate("AboutData", "Not encrypted! Something here can be read without the key.")
    return translate("AboutData", "Not encrypted!")


def _key_text(report: DataReport) -> str:
    if report.key_location == "passphrase":
        where = translate(
            "AboutData", "Locked with your passphrase; only a locked copy is in this file."
        )
    else:
        where = translate("AboutData", "Kept in your {location}.").format(
            location=report.key_location
        )
    if report.recovery_key_confirmed:
        recovery = translate("AboutData", "You confirmed that your recovery key is written down.")
    else:
        recovery = translate("AboutData", "Your recovery key is not yet confirmed as written down.")
    return f"{where} {recovery}"


def summary_text(report: DataReport) -> str:
    checked = f"{report.checked_at.astimezone():%H:%M:%S}"
    if report.encrypted:
        return translate(
            "AboutData",
            "Everything Minuta keeps about your meetings is encrypted on this computer "
            "(checked at {time}).",
        ).format(time=checked)
    return translate(
        "AboutData",
        "Something is not encrypted (checked at {time}). See below: nothing was changed "
        "or deleted.",
    ).format(time=checked)


def leftover_text(leftover: Leftover) -> str:
    kinds = {
        LeftoverKind.AUDIO: translate("AboutData", "Audio, not encrypted"),
        LeftoverKind.DATABASE: translate("AboutData", "A database, not encrypted"),
        LeftoverKind.TEXT: translate("AboutData", "Text or a document, not encrypted"),
        LeftoverKind.OTHER: translate("AboutData", "Not a file Minuta makes"),
    }
    return translate("AboutData", "{path} ({kind}, {size})").format(
        path=leftover.path, kind=kinds[leftover.kind], size=size_text(leftover.size)
    )


def leftovers_heading() -> str:
    return translate(
        "AboutData",
        "Files in the data folder that Minuta did not make. Nothing was deleted: "
        "look at them, and delete them yourself if they are not needed.",
    )
