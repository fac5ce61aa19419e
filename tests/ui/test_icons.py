"""Icons come from assets/icons and stay visible on a dark desktop."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from minuta.ui.icons import icon, icon_path
from minuta.ui.theme import dark_palette

NAMES = ("minuta", "record", "stop", "pause", "play", "highlight", "search", "settings")


def ink_lightness(name: str) -> float:
    """The mean lightness of the icon's drawn (opaque) pixels."""
    image = icon(name).pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert values, f"{name} draws nothing"
    return sum(values) / len(values)


@pytest.mark.parametrize("name", NAMES)
def test_every_icon_the_app_uses_is_shipped(qapp, name):
    assert icon_path(name).is_file()
    assert not icon(name).isNull()


def test_grey_icons_turn_light_on_a_dark_palette(qapp):
    light = ink_lightness("search")
    saved = QGuiApplication.palette()
    QGuiApplication.setPalette(dark_palette())
    try:
        dark = ink_lightness("search")
    finally:
        QGuiApplication.setPalette(saved)
    assert light < 100
    assert dark > 180
