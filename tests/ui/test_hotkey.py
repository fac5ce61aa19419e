"""The global shortcut: parsing, and the real X11 grab on a private Xvfb server.

Key presses come from the XTEST extension, as from a keyboard: the grab on the
root window sees them whatever has the focus.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from tests.harness.x_server import private_x_server

from minuta.ui.hotkey import (
    CONTROL_MASK,
    LOCK_MASK,
    MOD1_MASK,
    MOD2_MASK,
    MOD4_MASK,
    SHIFT_MASK,
    GlobalHotkey,
    KeyCombo,
    lock_variants,
    parse_sequence,
)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("sequence", "combo"),
    [
        ("Ctrl+Alt+R", KeyCombo(ord("r"), CONTROL_MASK | MOD1_MASK)),
        ("Ctrl+Shift+M", KeyCombo(ord("m"), CONTROL_MASK | SHIFT_MASK)),
        ("Meta+F9", KeyCombo(0xFFC6, MOD4_MASK)),
        ("F12", KeyCombo(0xFFC9, 0)),
        ("Ctrl+Alt+5", KeyCombo(ord("5"), CONTROL_MASK | MOD1_MASK)),
        ("Ctrl+Alt+Å", KeyCombo(ord("å"), CONTROL_MASK | MOD1_MASK)),
        ("Ctrl+Alt+Space", KeyCombo(0x20, CONTROL_MASK | MOD1_MASK)),
        ("Alt+Home", KeyCombo(0xFF50, MOD1_MASK)),
    ],
)
def test_sequences_become_keysyms_and_modifiers(sequence, combo):
    assert parse_sequence(sequence) == combo


@pytest.mark.parametrize("sequence", ["", "R", "Shift+R", "Ctrl+K, Ctrl+R", "Ctrl+Alt+Volume Up"])
def test_what_cannot_be_a_global_shortcut(sequence):
    assert parse_sequence(sequence) is None


def test_lock_variants_cover_numlock_and_capslock():
    assert lock_variants((LOCK_MASK, MOD2_MASK)) == [
        0,
        LOCK_MASK,
        MOD2_MASK,
        LOCK_MASK | MOD2_MASK,
    ]


def test_wayland_has_no_global_shortcut(qtbot, monkeypatch):
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    hotkey = GlobalHotkey(display=":0")
    assert hotkey.register("Ctrl+Alt+R") is False
    assert "use the tray icon" in hotkey.unavailable_reason
    assert not hotkey.registered


def test_without_a_display_there_is_no_global_shortcut(qtbot, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    hotkey = GlobalHotkey()
    assert hotkey.register("Ctrl+Alt+R") is False
    assert "not available on this desktop" in hotkey.unavailable_reason


# --- on a real X server -----------------------------------------------------------


@pytest.fixture
def x_display(monkeypatch) -> Iterator[str]:
    """A private Xvfb server, on a display number it picks itself."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (packaging/linux/system-deps.sh test installs it)")
    for name in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    with private_x_server("320x240x24") as display:
        yield display


class Keyboard:
    """Presses keys on the X server through XTEST, on a connection of its own."""

    def __init__(self, name: str) -> None:
        from Xlib import display

        self.display = display.Display(name)

    def tap(self, *keys: str) -> None:
        from Xlib import XK, X
        from Xlib.ext import xtest

        codes = [self.display.keysym_to_keycode(XK.string_to_keysym(key)) for key in keys]
        assert all(codes), keys
        for code in codes:
            xtest.fake_input(self.display, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self.display, X.KeyRelease, code)
        self.display.sync()

    def close(self) -> None:
        self.display.close()


@pytest.fixture
def keyboard(x_display) -> Iterator[Keyboard]:
    keys = Keyboard(x_display)
    yield keys
    keys.close()


@pytest.fixture
def hotkey(qtbot, x_display) -> Iterator[GlobalHotkey]:
    grab = GlobalHotkey(display=x_display)
    yield grab
    grab.unregister()


def test_the_keys_activate_it_from_anywhere(qtbot, hotkey, keyboard):
    assert hotkey.register("Ctrl+Alt+R"), hotkey.unavailable_reason
    assert hotkey.registered
    assert hotkey.unavailable_reason == ""
    assert hotkey.sequence == "Ctrl+Alt+R"
    with qtbot.waitSignal(hotkey.activated):
        keyboard.tap("Control_L", "Alt_L", "r")


def test_it_works_with_numlock_and_capslock_on(qtbot, hotkey, keyboard):
    assert hotkey.register("Ctrl+Alt+R")
    keyboard.tap("Num_Lock")
    keyboard.tap("Caps_Lock")
    with qtbot.waitSignal(hotkey.activated):
        keyboard.tap("Control_L", "Alt_L", "r")


def test_other_keys_do_not_activate_it(qtbot, hotkey, keyboard):
    assert hotkey.register("Ctrl+Alt+R")
    count: list[int] = []
    hotkey.activated.connect(lambda: count.append(1))
    keyboard.tap("Control_L", "r")  # not grabbed: not ours
    keyboard.tap("Control_L", "Alt_L", "r")  # ours: arrives after the one above
    qtbot.waitUntil(lambda: count == [1])
    with qtbot.waitSignal(hotkey.activated):
        keyboard.tap("Control_L", "Alt_L", "r")
    assert count == [1, 1]


def test_keys_another_program_holds_are_refused(qtbot, hotkey, x_display):
    assert hotkey.register("Ctrl+Alt+R")
    other = GlobalHotkey(display=x_display)  # its own X connection: another client
    assert other.register("Ctrl+Alt+R") is False
    assert "Another program already uses" in other.unavailable_reason
    assert not other.registered

    hotkey.unregister()  # let go, and the keys are free again
    assert not hotkey.registered
    assert other.register("Ctrl+Alt+R")
    other.unregister()


def test_registering_again_replaces_the_keys(qtbot, hotkey, keyboard, x_display):
    assert hotkey.register("Ctrl+Alt+R")
    assert hotkey.register("Ctrl+Alt+M")
    free = GlobalHotkey(display=x_display)
    assert free.register("Ctrl+Alt+R"), "the old keys were let go"
    free.unregister()
    with qtbot.waitSignal(hotkey.activated):
        keyboard.tap("Control_L", "Alt_L", "m")


def test_a_plain_letter_is_refused(qtbot, hotkey):
    assert hotkey.register("R") is False
    assert "cannot be a global shortcut" in hotkey.unavailable_reason
