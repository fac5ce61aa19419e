"""``minuta-app``: start the desktop app.

Kept light to import: Qt and the store only. Transcription (faster-whisper,
NumPy) is loaded by the features that need it, not at start-up.

``minuta-app --tray`` starts with only the tray icon (start at login uses it).
A second launch on the same data folder brings the running Minuta forward and
ends at once (see :mod:`minuta.ui.single_instance`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from minuta import APP_NAME, __version__
from minuta.app.autostart import TRAY_FLAG
from minuta.app.paths import default_paths
from minuta.logs import configure_logging
from minuta.ui.application import MinutaApp
from minuta.ui.garbage import GuiThreadCollector
from minuta.ui.i18n import install_translator
from minuta.ui.icons import icon
from minuta.ui.single_instance import SHOW, TRAY, SingleInstance
from minuta.ui.termination import TerminationWatch
from minuta.ui.theme import apply_theme
from minuta.ui.unexpected import UnexpectedErrors

log = logging.getLogger(__name__)

EXIT_NOT_REACHED = 1  # another Minuta holds the lock but did not answer


def parse_arguments(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Minuta's own options, and the rest (the program name first) for Qt."""
    parser = argparse.ArgumentParser(
        prog="minuta-app", description="Start Minuta.", allow_abbrev=False
    )
    parser.add_argument(
        TRAY_FLAG,
        action="store_true",
        help="start with only the tray icon; the window opens from the tray",
    )
    parser.add_argument("--version", action="version", version=f"Minuta {__version__}")
    program, *rest = argv or ["minuta-app"]
    # Qt's own options (-platform, -style, …) are Qt's: only known ones are taken here.
    options, qt_arguments = parser.parse_known_args(rest)
    return options, [program, *qt_arguments]


def main(argv: list[str] | None = None) -> int:
    # Everything Minuta writes (store.json, the database, audio) is private.
    os.umask(0o077)
    configure_logging()  # redacted; MINUTA_LOG_LEVEL and MINUTA_LOG_FILE (see minuta.logs)
    qInstallMessageHandler(_qt_message)  # Qt's own warnings through the same redaction
    options, qt_arguments = parse_arguments(list(argv if argv is not None else sys.argv))

    app = QApplication(qt_arguments)
    collector = GuiThreadCollector(app)  # cycles are freed on this thread only
    install_translator(app)  # the system's language where Minuta has it (da, sv), else English
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("minuta")
    app.setWindowIcon(icon("minuta"))

    paths = default_paths()
    instance = SingleInstance(paths.data_dir)
    if not instance.claim():
        status = _hand_over(instance, TRAY if options.tray else SHOW)
        collector.stop()
        return status

    apply_theme(app)  # follows the desktop's light or dark preference (owned by app)
    # Start-up dialogs come and go before the main window exists; the app ends
    # when the person quits, not when the last of them closes.
    app.setQuitOnLastWindowClosed(False)
    errors = UnexpectedErrors(app)  # a calm message box instead of a traceback
    errors.install()

    minuta = MinutaApp(paths, show_window=not options.tray)
    minuta.quit_requested.connect(app.exit)
    instance.message_received.connect(lambda message: _launched_again(minuta, message))
    # Log-out, shutdown or Ctrl+C: the same orderly quit as the menu's (recording saved).
    termination = TerminationWatch(lambda: minuta.quit_requested.emit(0))
    minuta.start()
    try:
        return app.exec()
    finally:
        termination.close()
        minuta.shutdown()
        instance.close()
        errors.uninstall()
        collector.stop()


def _hand_over(instance: SingleInstance, message: str) -> int:
    """This is a second launch: tell the first, then end."""
    if instance.send(message):
        log.info("Minuta is already running: asked it to %s", message)
        return 0
    log.warning("Minuta is already running but did not answer")
    if message == SHOW:
        QMessageBox.warning(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "main",
                "Minuta is already running, but it does not answer. Wait a moment and start "
                "it again. If that does not help, log out and back in.",
            ),
        )
    return EXIT_NOT_REACHED


def _launched_again(minuta: MinutaApp, message: str) -> None:
    if message == SHOW:
        minuta.show_requested()
    else:
        log.info("another launch asked for the tray only: nothing to do")


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
