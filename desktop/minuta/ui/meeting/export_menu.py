"""Export…: the formats to choose from, then where the file goes.

An export is a plain, unencrypted copy: it is only ever written where the user
picks a file, and the dialog says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from minuta.app.export import FORMATS

# The folder of the last export, for this run only: a folder's name can be a
# customer's ("Kunder/Nordlys"), so it is not written to the plain settings file.
_last_folder: Path | None = None
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_name(title: str, fmt: str) -> str:
    """A file name from the meeting's title that every file system accepts."""
    stem = _UNSAFE.sub(" ", title).strip(" .") or "meeting"
    return f"{stem[:80]}.{fmt}"


class ExportMenu(QMenu):
    format_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Export formats"))
        for fmt in FORMATS:
            action = self.addAction(self.format_name(fmt))
            action.setData(fmt)
            action.triggered.connect(lambda _checked=False, f=fmt: self.format_chosen.emit(f))

    def format_name(self, fmt: str) -> str:
        names = {
            "md": self.tr("&Markdown (.md)"),
            "txt": self.tr("Plain &text (.txt)"),
            "srt": self.tr("&Subtitles (.srt)"),
            "vtt": self.tr("&Web subtitles (.vtt)"),
            "docx": self.tr("W&ord document (.docx)"),
            "json": self.tr("&JSON, with word timings (.json)"),
        }
        return names.get(fmt, fmt)

    def ask_path(self, fmt: str, title: str) -> Path | None:
        """Ask where to write the export; None if the user cancels."""
        global _last_folder  # noqa: PLW0603 - one folder for the whole run, by design
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = _last_folder or Path(documents)
        path, _filter = QFileDialog.getSaveFileName(
            self.parentWidget(),
            self.tr("Export meeting (the file is not encrypted)"),
            str(folder / suggested_name(title, fmt)),
            self.format_name(fmt).replace("&", "") + f" (*.{fmt})",
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != f".{fmt}":
            chosen = chosen.with_name(chosen.name + f".{fmt}")
        _last_folder = chosen.parent
        return chosen
