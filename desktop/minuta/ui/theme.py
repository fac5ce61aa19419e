"""Light or dark, as the desktop has it.

Qt 6.5+ reports the desktop's preference (``QStyleHints.colorScheme()``), and
most platform themes then hand over a matching palette. Where the preference is
dark but the palette is still light (the Fusion style on a Linux desktop with
no Qt platform theme, older Windows styles), Minuta switches to Fusion with a
dark palette itself. On Linux, when Qt knows no preference, the freedesktop
settings portal (``org.freedesktop.appearance color-scheme``) is asked once,
with a short timeout: this runs at start-up. ``MINUTA_THEME=light|dark``
overrides both.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

PORTAL_TIMEOUT_MS = 150
_PORTAL = (
    "org.freedesktop.portal.Desktop",
    "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.Settings",
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_colour(palette: QPalette) -> str:
    """The red of a problem said in words, readable on this palette."""
    return "#ff8a80" if is_dark(palette) else "#b3261e"


def dark_palette() -> QPalette:
    """Fusion's colours for a dark desktop: calm greys, the app's blue for selection."""
    window, base, text = QColor("#2b2d31"), QColor("#1f2023"), QColor("#e6e6e6")
    disabled = QColor("#7c7f85")
    accent = QColor("#4c7be0")
    palette = QPalette()
    role = QPalette.ColorRole
    for which, color in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor("#26282c")),
        (role.ToolTipBase, QColor("#3a3d42")),
        (role.ToolTipText, text),
        (role.PlaceholderText, QColor("#9a9da3")),
        (role.Text, text),
        (role.Button, QColor("#35383d")),
        (role.ButtonText, text),
        (role.BrightText, QColor("#ff6b6b")),
        (role.Light, QColor("#46494f")),
        (role.Midlight, QColor("#3a3d42")),
        (role.Mid, QColor("#4b4e54")),
        (role.Dark, QColor("#18191b")),
        (role.Shadow, QColor("#000000")),
        (role.Highlight, accent),
        (role.HighlightedText, QColor("#ffffff")),
        (role.Link, QColor("#7aa2f7")),
        (role.LinkVisited, QColor("#b48ef0")),
    ):
        palette.setColor(which, color)
    for which in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, role.Highlight, QColor("#4b4e54"))
    return palette


def portal_color_scheme(timeout_ms: int = PORTAL_TIMEOUT_MS) -> Qt.ColorScheme:
    """The freedesktop portal's answer: 1 prefers dark, 2 prefers light, else unknown."""
    try:
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant
    except ImportError:
        return Qt.ColorScheme.Unknown
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return Qt.ColorScheme.Unknown
    message = QDBusMessage.createMethodCall(*_PORTAL, "Read")
    message.setArguments(["org.freedesktop.appearance", "color-scheme"])
    reply = bus.call(message, QDBus.CallMode.Block, timeout_ms)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return Qt.ColorScheme.Unknown
    value: object = reply.arguments()[0]
    while isinstance(value, QDBusVariant):  # Read wraps the value in a variant, or two
        value = value.variant()
    if value == 1:
        return Qt.ColorScheme.Dark
    if value == 2:
        return Qt.ColorScheme.Light
    return Qt.ColorScheme.Unknown


def desktop_color_scheme() -> Qt.ColorScheme:
    """What the desktop prefers, as far as can be told cheaply."""
    override = os.environ.get("MINUTA_THEME", "").lower()
    if override in ("dark", "light"):
        return Qt.ColorScheme.Dark if override == "dark" else Qt.ColorScheme.Light
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown and sys.platform.startswith("linux"):
        scheme = portal_color_scheme()
    return scheme


class ThemeController(QObject):
    """Keeps the app's palette in step with the desktop's light or dark preference."""

    changed = Signal()  # the app switched between light and dark

    def __init__(
        self,
        app: QApplication,
        *,
        scheme: Callable[[], Qt.ColorScheme] = desktop_color_scheme,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._scheme = scheme
        self._forced = False
        self._platform_style = app.style().name()
        self._platform_palette = QPalette(app.palette())
        self._dark = is_dark(self._platform_palette)

    @property
    def dark(self) -> bool:
        return self._dark

    @property
    def forced(self) -> bool:
        """Whether Minuta set the dark palette itself (the platform gave a light one)."""
        return self._forced

    def watch(self) -> None:
        """Apply again whenever the desktop's preference changes."""
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())

    def apply(self) -> None:
        if not self._forced:
            # What the platform gives now: it may have followed the change by itself.
            self._platform_style = self._app.style().name()
            self._platform_palette = QPalette(self._app.palette())
        want_dark = self._scheme() == Qt.ColorScheme.Dark
        if want_dark and not is_dark(self._platform_palette):
            if not self._forced:
                self._app.setStyle("Fusion")
                self._app.setPalette(dark_palette())
                self._forced = True
        elif self._forced and not want_dark:
            style = QStyleFactory.create(self._platform_style)
            if style is not None:
                self._app.setStyle(style)
            self._app.setPalette(self._platform_palette)
            self._forced = False
        dark = is_dark(self._app.palette())
        if dark != self._dark:
            self._dark = dark
            self.changed.emit()


def apply_theme(app: QApplication) -> ThemeController:
    """Follow the desktop's light or dark preference from now on."""
    controller = ThemeController(app)
    controller.apply()
    controller.watch()
    return controller
