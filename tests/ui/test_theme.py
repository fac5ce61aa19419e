"""Following the desktop's light or dark preference."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from minuta.ui.theme import (
    ThemeController,
    dark_palette,
    desktop_color_scheme,
    is_dark,
    portal_color_scheme,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qapp):
    """The test's QApplication, with its style and palette put back afterwards."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_dark_preference_on_a_light_platform_palette_switches_to_fusion_dark(qtbot, app):
    assert not is_dark(app.palette())  # offscreen hands out a light palette
    wanted = {"scheme": Qt.ColorScheme.Dark}
    theme = ThemeController(app, scheme=lambda: wanted["scheme"])
    with qtbot.waitSignal(theme.changed):
        theme.apply()
    assert theme.dark and theme.forced
    assert is_dark(QApplication.palette())
    assert app.style().name().lower() == "fusion"

    wanted["scheme"] = Qt.ColorScheme.Light
    with qtbot.waitSignal(theme.changed):
        theme.apply()
    assert not theme.dark and not theme.forced
    assert not is_dark(QApplication.palette())


def test_light_or_unknown_preference_leaves_the_platform_alone(qtbot, app):
    style = app.style().name()
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Unknown):
        theme = ThemeController(app, scheme=lambda scheme=scheme: scheme)
        theme.apply()
        assert not theme.forced
        assert app.style().name() == style


def test_dark_palette_is_dark_with_readable_text():
    palette = dark_palette()
    assert is_dark(palette)
    text = palette.color(QPalette.ColorRole.Text).lightness()
    base = palette.color(QPalette.ColorRole.Base).lightness()
    assert text - base > 150


def test_the_environment_can_choose(monkeypatch):
    monkeypatch.setenv("MINUTA_THEME", "dark")
    assert desktop_color_scheme() == Qt.ColorScheme.Dark
    monkeypatch.setenv("MINUTA_THEME", "light")
    assert desktop_color_scheme() == Qt.ColorScheme.Light


def test_no_portal_means_no_preference(qapp):
    # The test session's private bus has no desktop portal: the answer is "unknown", quickly.
    assert portal_color_scheme(timeout_ms=500) == Qt.ColorScheme.Unknown


# A stand-in for xdg-desktop-portal on the test session's private bus: it answers
# Read("org.freedesktop.appearance", "color-scheme") as the real one does, the
# value wrapped in two variants.
_FAKE_PORTAL = """
import sys
from jeepney import HeaderFields, MessageType, message_bus, new_error, new_method_return
from jeepney.io.blocking import open_dbus_connection

value = int(sys.argv[1])
conn = open_dbus_connection(bus="SESSION")
conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.portal.Desktop"))
print("ready", flush=True)
while True:
    msg = conn.receive()
    if msg.header.message_type != MessageType.method_call:
        continue
    member = msg.header.fields.get(HeaderFields.member)
    if member == "Read" and msg.body == ("org.freedesktop.appearance", "color-scheme"):
        conn.send(new_method_return(msg, "v", (("v", ("u", value)),)))
    else:
        conn.send(new_error(msg, "org.freedesktop.portal.Error.NotFound"))
"""


@pytest.mark.parametrize(
    ("value", "scheme"),
    [(1, Qt.ColorScheme.Dark), (2, Qt.ColorScheme.Light), (0, Qt.ColorScheme.Unknown)],
)
def test_the_portal_preference_is_read(qapp, value, scheme):
    portal = subprocess.Popen(
        [sys.executable, "-c", _FAKE_PORTAL, str(value)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert portal.stdout is not None
        assert portal.stdout.readline().strip() == "ready"
        assert portal_color_scheme(timeout_ms=2000) == scheme
    finally:
        portal.kill()
        portal.wait(timeout=10)
