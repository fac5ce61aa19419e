"""Icons from ``assets/icons``: SVG, so they are sharp at any scale factor.

``icon("record")`` loads ``assets/icons/record.svg``; a name with no file falls
back to the desktop theme's icon of that name (or an empty icon), so a missing
asset never stops the app. The single-colour icons are drawn in ``INK``; on a
dark palette that grey is swapped for a light one, so they stay visible.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from minuta.ui.resources import assets_dir

INK = "#4a4a4a"
INK_ON_DARK = "#d6d6d6"
_SIZES = (16, 24, 32, 48, 64)


def icon_path(name: str) -> Path:
    return assets_dir() / "icons" / f"{name}.svg"


def palette_is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.palette().window().color().lightness() < 128


def icon(name: str) -> QIcon:
    return _icon(name, palette_is_dark())


@cache
def _icon(name: str, dark: bool) -> QIcon:
    path = icon_path(name)
    if not path.is_file():
        return QIcon.fromTheme(name)
    svg = path.read_text(encoding="utf-8")
    if not dark or INK not in svg:
        return QIcon(str(path))
    return _rendered(svg.replace(INK, INK_ON_DARK))


def _rendered(svg: str) -> QIcon:
    # Imported here: QtSvg is only needed on a dark desktop.
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
