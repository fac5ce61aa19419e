"""``minuta-app``: start the desktop app.

Kept light to import: Qt and the store only. Transcription (faster-whisper,
NumPy) is loaded by the features that need it, not at start-up.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from minuta import APP_NAME, __version__
from minuta.app.paths import default_paths
from minuta.logs import configure_logging
from minuta.ui.application import MinutaApp
from minuta.ui.garbage import GuiThreadCollector
from minuta.ui.i18n import install_translator
from minuta.ui.icons import icon
from minuta.ui.theme import apply_theme


def main(argv: list[str] | None = None) -> int:
    # Everything Minuta writes (store.json, the database, audio) is private.
    os.umask(0o077)
    configure_logging()  # redacted; MINUTA_LOG_LEVEL and MINUTA_LOG_FILE (see minuta.logs)
    qInstallMessageHandler(_qt_message)  # Qt's own warnings through the same redaction

    app = QApplication(argv if argv is not None else sys.argv)
    collector = GuiThreadCollector(app)  # cycles are freed on this thread only
    install_translator(app)  # the system's language where Minuta has it (da, sv), else English
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("minuta")
    app.setWindowIcon(icon("minuta"))
    apply_theme(app)  # follows the desktop's light or dark preference (owned by app)
    # Start-up dialogs come and go before the main window exists; the app ends
    # when the person quits, not when the last of them closes.
    app.setQuitOnLastWindowClosed(False)

    minuta = MinutaApp(default_paths())
    minuta.quit_requested.connect(app.exit)
    minuta.start()
    try:
        return app.exec()
    finally:
        minuta.shutdown()
        collector.stop()


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


if __name__ == "__main__":
    sys.exit(main())
