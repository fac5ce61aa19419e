"""A system-wide shortcut (start a quick recording from any application).

On X11 the key is grabbed on the root window with python-xlib, over a
connection of our own, and a small daemon thread waits for it; ``activated``
reaches the GUI thread through a queued signal. Wayland, Windows and macOS
have no such grab that Minuta supports: there ``register`` returns False and
``unavailable_reason`` says, in plain words, to use the tray icon.
"""

from __future__ import annotations

import itertools
import logging
import os
import select
import sys
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence

log = logging.getLogger(__name__)

# X11 modifier masks (X.h).
SHIFT_MASK = 1 << 0
LOCK_MASK = 1 << 1
CONTROL_MASK = 1 << 2
MOD1_MASK = 1 << 3  # Alt
MOD2_MASK = 1 << 4  # NumLock, on nearly every keyboard map
MOD4_MASK = 1 << 6  # Super ("Meta" to Qt)
_MODIFIER_NAMES = ("Shift", "Lock", "Control", "Mod1", "Mod2", "Mod3", "Mod4", "Mod5")

_QT_MODIFIERS = {
    Qt.KeyboardModifier.ShiftModifier: SHIFT_MASK,
    Qt.KeyboardModifier.ControlModifier: CONTROL_MASK,
    Qt.KeyboardModifier.AltModifier: MOD1_MASK,
    Qt.KeyboardModifier.MetaModifier: MOD4_MASK,
}

# Qt keys whose X11 keysyms are not their Latin-1 code (keysymdef.h).
_SPECIAL_KEYSYMS: dict[int, int] = {
    key.value: keysym
    for key, keysym in {
        Qt.Key.Key_Escape: 0xFF1B,
        Qt.Key.Key_Tab: 0xFF09,
        Qt.Key.Key_Backspace: 0xFF08,
        Qt.Key.Key_Return: 0xFF0D,
        Qt.Key.Key_Enter: 0xFF8D,
        Qt.Key.Key_Insert: 0xFF63,
        Qt.Key.Key_Delete: 0xFFFF,
        Qt.Key.Key_Pause: 0xFF13,
        Qt.Key.Key_Print: 0xFF61,
        Qt.Key.Key_Home: 0xFF50,
        Qt.Key.Key_End: 0xFF57,
        Qt.Key.Key_Left: 0xFF51,
        Qt.Key.Key_Up: 0xFF52,
        Qt.Key.Key_Right: 0xFF53,
        Qt.Key.Key_Down: 0xFF54,
        Qt.Key.Key_PageUp: 0xFF55,
        Qt.Key.Key_PageDown: 0xFF56,
    }.items()
}
_XK_F1 = 0xFFBE
_XK_NUM_LOCK = 0xFF7F
_XK_SCROLL_LOCK = 0xFF14


@dataclass(frozen=True, slots=True)
class KeyCombo:
    """One key and its X11 modifier mask, as XGrabKey takes them."""

    keysym: int
    modifiers: int


def x11_keysym(key: int) -> int | None:
    """The keysym for a Qt key: letters by their lower case, F-keys, arrows and so on."""
    if key in _SPECIAL_KEYSYMS:
        return _SPECIAL_KEYSYMS[key]
    if Qt.Key.Key_F1.value <= key <= Qt.Key.Key_F35.value:
        return _XK_F1 + key - Qt.Key.Key_F1.value
    if 0x20 <= key <= 0xFF:
        # Latin-1 keysyms are the characters' codes; X names a letter key by its lower case.
        lower = chr(key).lower()
        return ord(lower) if len(lower) == 1 and ord(lower) <= 0xFF else key
    return None


def parse_sequence(sequence: str) -> KeyCombo | None:
    """ "Ctrl+Alt+R" -> keysym and modifiers; None for what cannot be a global shortcut.

    One chord only, and with Ctrl, Alt or Meta (F-keys may stand alone): a
    shortcut of a plain letter would take that letter from every program.
    """
    keys = QKeySequence.fromString(sequence, QKeySequence.SequenceFormat.PortableText)
    if keys.count() != 1:
        return None
    combination = keys[0]  # type: ignore[index]  # PySide6 has __getitem__; its stubs lack it
    key = combination.key().value
    keysym = x11_keysym(key)
    if keysym is None:
        return None
    modifiers = 0
    qt_modifiers = combination.keyboardModifiers()
    for qt_modifier, mask in _QT_MODIFIERS.items():
        if qt_modifiers & qt_modifier:
            modifiers |= mask
    is_function_key = _XK_F1 <= keysym < _XK_F1 + 35
    if not modifiers & (CONTROL_MASK | MOD1_MASK | MOD4_MASK) and not is_function_key:
        return None
    return KeyCombo(keysym, modifiers)


def lock_variants(lock_masks: tuple[int, ...]) -> list[int]:
    """Every combination of the lock modifiers: the grab must hold with NumLock on, too."""
    variants = {0}
    for count in range(1, len(lock_masks) + 1):
        for combo in itertools.combinations(lock_masks, count):
            mask = 0
            for bit in combo:
                mask |= bit
            variants.add(mask)
    return sorted(variants)


class GlobalHotkey(QObject):
    """``register("Ctrl+Alt+R")``, then ``activated`` each time the keys are pressed."""

    activated = Signal()
    _fired = Signal()  # from the X thread; queued to the GUI thread

    def __init__(self, parent: QObject | None = None, *, display: str | None = None) -> None:
        super().__init__(parent)
        self._display_name = display
        self._display: Any = None
        self._thread: threading.Thread | None = None
        self._wake: tuple[int, int] | None = None
        self._keycode = 0
        self._grabbed: list[int] = []  # the modifier masks grabbed
        self._sequence = ""
        self.unavailable_reason = ""
        self._fired.connect(self.activated, Qt.ConnectionType.QueuedConnection)

    # --- availability ---------------------------------------------------------------

    def platform_unavailable_reason(self) -> str:
        """Why this desktop cannot have a global shortcut; "" when it can."""
        tray_hint = self.tr(
            "Global shortcuts are not available on this desktop; use the tray icon instead."
        )
        if sys.platform in ("win32", "darwin"):
            return tray_hint
        session = os.environ.get("XDG_SESSION_TYPE", "").lower()
        if (
            os.environ.get("WAYLAND_DISPLAY")
            or session == "wayland"
            or QGuiApplication.platformName() == "wayland"
        ):
            # Under Wayland an X11 grab only sees keys typed into X11 windows.
            return tray_hint
        if not (self._display_name or os.environ.get("DISPLAY")):
            return tray_hint
        try:
            import Xlib.display  # noqa: F401 - only whether it is there
        except ImportError:
            return tray_hint
        return ""

    @property
    def registered(self) -> bool:
        return self._thread is not None

    @property
    def sequence(self) -> str:
        return self._sequence

    # --- grabbing -----------------------------------------------------------------

    def register(self, sequence: str) -> bool:
        """Grab ``sequence`` (portable text, "Ctrl+Alt+R"), replacing any earlier one."""
        self.unregister()
        self.unavailable_reason = self.platform_unavailable_reason()
        if self.unavailable_reason:
            return False
        combo = parse_sequence(sequence)
        if combo is None:
            self.unavailable_reason = self.tr(
                "{keys} cannot be a global shortcut: use Ctrl, Alt or Super with a key."
            ).format(keys=_shown(sequence))
            return False
        try:
            return self._grab(sequence, combo)
        except Exception as exc:  # noqa: BLE001 - any X failure means: no shortcut, say so
            log.warning("global shortcut unavailable: %s", type(exc).__name__)
            self._close_display()
            self.unavailable_reason = self.tr(
                "Minuta could not set up the global shortcut; use the tray icon instead."
            )
            return False

    def _grab(self, sequence: str, combo: KeyCombo) -> bool:
        from Xlib import X
        from Xlib.display import Display
        from Xlib.error import BadAccess, CatchError

        self._display = display = Display(self._display_name)
        keycode = display.keysym_to_keycode(combo.keysym)
        if not keycode:
            self._close_display()
            self.unavailable_reason = self.tr("Your keyboard has no key for {keys}.").format(
                keys=_shown(sequence)
            )
            return False
        root = display.screen().root
        catch = CatchError(BadAccess)
        variants = [combo.modifiers | lock for lock in lock_variants(_lock_masks(display))]
        for modifiers in variants:
            root.grab_key(keycode, modifiers, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catch)
        display.sync()
        if catch.get_error() is not None:
            for modifiers in variants:
                root.ungrab_key(keycode, modifiers)
            self._close_display()
            self.unavailable_reason = self.tr(
                "Another program already uses {keys}. Choose other keys."
            ).format(keys=_shown(sequence))
            return False

        self._keycode, self._grabbed, self._sequence = keycode, variants, sequence
        self._wake = os.pipe()
        self._thread = threading.Thread(
            target=self._listen, args=(display, keycode, self._wake[0]), daemon=True
        )
        self._thread.name = "minuta-hotkey"
        self._thread.start()
        return True

    def unregister(self) -> None:
        """Let go of the keys; safe to call when nothing is grabbed."""
        thread, wake = self._thread, self._wake
        self._thread = self._wake = None
        if thread is not None and wake is not None:
            os.write(wake[1], b"x")
            thread.join(timeout=2.0)
            os.close(wake[0])
            os.close(wake[1])
        display = self._display
        if display is not None and self._grabbed:
            try:
                root = display.screen().root
                for modifiers in self._grabbed:
                    root.ungrab_key(self._keycode, modifiers)
                display.sync()
            except Exception as exc:  # noqa: BLE001 - the X server may be gone already
                log.debug("ungrab failed: %s", type(exc).__name__)
        self._grabbed = []
        self._sequence = ""
        self._close_display()

    def _close_display(self) -> None:
        display, self._display = self._display, None
        if display is not None:
            try:
                display.close()
            except Exception as exc:  # noqa: BLE001 - closing a dead connection
                log.debug("closing the X connection failed: %s", type(exc).__name__)

    # --- the X thread ---------------------------------------------------------------

    def _listen(self, display: Any, keycode: int, wake_fd: int) -> None:
        from Xlib import X

        down = False
        try:
            while True:
                readable, _, _ = select.select([display.fileno(), wake_fd], [], [])
                if wake_fd in readable:
                    return
                events = []
                while display.pending_events():
                    events.append(display.next_event())
                for position, event in enumerate(events):
                    if getattr(event, "detail", None) != keycode:
                        continue
                    if event.type == X.KeyPress and not down:
                        down = True  # a held key repeats: one press, one activation
                        self._fired.emit()
                    elif event.type == X.KeyRelease:
                        down = _is_repeat(event, events[position + 1 : position + 2])
        except Exception as exc:  # noqa: BLE001 - the X connection closed under us
            log.warning("global shortcut stopped: %s", type(exc).__name__)


def _is_repeat(release: Any, following: list[Any]) -> bool:
    """X repeats a held key as a release and a press with the same time."""
    from Xlib import X

    return bool(
        following
        and following[0].type == X.KeyPress
        and following[0].detail == release.detail
        and following[0].time == release.time
    )


def _lock_masks(display: Any) -> tuple[int, ...]:
    """CapsLock's mask, and whichever modifiers NumLock and ScrollLock sit on."""
    masks = [LOCK_MASK]
    wanted = {
        display.keysym_to_keycode(_XK_NUM_LOCK),
        display.keysym_to_keycode(_XK_SCROLL_LOCK),
    } - {0}
    for index, keycodes in enumerate(display.get_modifier_mapping()):
        if index > 2 and wanted.intersection(keycodes):  # Mod1..Mod5 only
            masks.append(1 << index)
    if len(masks) == 1:
        masks.append(MOD2_MASK)
    return tuple(masks)


def _shown(sequence: str) -> str:
    keys = QKeySequence.fromString(sequence, QKeySequence.SequenceFormat.PortableText)
    return keys.toString(QKeySequence.SequenceFormat.NativeText) or sequence
