"""Save the window on the X screen (``DISPLAY``) as a PNG once it is drawn.

No window manager runs there: the window is the part of the screen that is not
the empty screen's colour, and that part is what is saved.
"""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import QDeadlineTimer, QRect, QThread
from PySide6.QtGui import QGuiApplication, QImage

DRAWN_WITHIN_MS = 15_000
RETRY_MS = 100


def _window_area(image: QImage) -> QRect | None:
    """The smallest rectangle holding every pixel that is not the empty screen's colour.

    That colour is the commonest along the screen's edges: the window may touch
    one or two of them, never all four. None while nothing is drawn.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(
        image.height(), image.bytesPerLine() // 4
    )[:, : image.width()]
    edges = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    colours, counts = np.unique(edges, return_counts=True)
    window = pixels != colours[counts.argmax()]
    rows, columns = np.flatnonzero(window.any(axis=1)), np.flatnonzero(window.any(axis=0))
    if rows.size == 0:
        return None
    left, top = int(columns[0]), int(rows[0])
    return QRect(left, top, int(columns[-1]) - left + 1, int(rows[-1]) - top + 1)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    deadline = QDeadlineTimer(DRAWN_WITHIN_MS)
    image = screen.grabWindow(0).toImage()
    # The window maps a moment after it reports ready; poll the screen, not a clock.
    while (area := _window_area(image)) is None and not deadline.hasExpired():
        QThread.msleep(RETRY_MS)
        image = screen.grabWindow(0).toImage()
    if area is None:
        print("nothing was drawn on the screen", file=sys.stderr)
        return 1
    return 0 if image.copy(area).save(sys.argv[1]) else 1


if __name__ == "__main__":
    sys.exit(main())
