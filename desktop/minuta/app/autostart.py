"""Starting Minuta when the person logs in, in the tray only.

One switch, three ways the systems keep it:

* Linux: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/minuta.desktop``
  (the Desktop Application Autostart and Desktop Entry specifications);
* Windows: the value ``Minuta`` under ``HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run``, the same value the installer's "Start Minuta when
  Windows starts" writes, so either place turns the other on or off;
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.minuta.Minuta.plist``.

Each is read afresh by ``is_enabled()``: a person may have changed it in the
system's own settings meanwhile. Nothing here is secret. No Qt.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from pathlib import Path
from typing import Any, Protocol

from minuta.store.fsutil import write_atomic

TRAY_FLAG = "--tray"
DESKTOP_FILE_NAME = "minuta.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's "Disabled" mark for a Run value. Microsoft does not document it; a
# value here whose first byte is odd keeps the Run value from starting anything.
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE = "Minuta"
LAUNCH_AGENT_LABEL = "org.minuta.Minuta"


def launch_command(tray: bool) -> list[str]:
    """How to start this Minuta again: the bundle's executable, or this Python."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "minuta.ui.main"]
    return [*command, TRAY_FLAG] if tray else command


class Autostart(Protocol):
    """The start-at-login switch; ``enable`` and ``disable`` raise ``OSError`` on failure."""

    def is_enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


# --- Linux: XDG autostart ------------------------------------------------------------

# Characters that make the Desktop Entry specification's Exec key quote an argument.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')
# The "string" value type's own escapes, undone by readers before the Exec quoting.
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def exec_argument(argument: str) -> str:
    """``argument`` written for an Exec key: quoted where needed, ``%`` doubled.

    The Exec rule (backslash before ``"`$\\`` inside double quotes) applies
    first, then the string type's escapes, which a reader undoes first: a
    literal backslash ends up as four.
    """
    argument = argument.replace("%", "%%")  # "%x" would be a field code
    if argument and not _EXEC_RESERVED.intersection(argument):
        return argument
    quoted = "".join("\\" + c if c in _EXEC_ESCAPED_IN_QUOTES else c for c in argument)
    return "".join(_STRING_ESCAPES.get(c, c) for c in f'"{quoted}"')


def _string_value(text: str) -> str:
    return "".join(_STRING_ESCAPES.get(c, c) for c in text)


def desktop_entry(command: list[str]) -> str:
    """The autostart file's text for ``command``."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Minuta",
        f"Comment={_string_value('Starts Minuta in the tray when you log in')}",
        f"Exec={' '.join(exec_argument(a) for a in command)}",
        "Icon=minuta",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return "\n".join(lines) + "\n"


def _entry_values(text: str) -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys (enough to tell whether it is switched off)."""
    values: dict[str, str] = {}
    in_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_group = line == "[Desktop Entry]"
        elif in_group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


class XdgAutostart:
    """``minuta.desktop`` in the user's autostart folder."""

    def __init__(self, config_home: Path, command: list[str] | None = None) -> None:
        self.path = config_home / "autostart" / DESKTOP_FILE_NAME
        self._command = command

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        values = _entry_values(text)
        # Hidden=true is the specification's "deleted"; GNOME has its own off switch too.
        return (
            values.get("Hidden", "false").lower() != "true"
            and values.get("X-GNOME-Autostart-enabled", "true").lower() != "false"
        )

    def enable(self) -> None:
        command = self._command if self._command is not None else launch_command(tray=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, desktop_entry(command).encode("utf-8"))

    def disable(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


# --- Windows: the Run key -----------------------------------------------------------


def windows_command_line(command: list[str]) -> str:
    """The Run value's data: the program in double quotes, then its arguments.

    A Windows path cannot hold a double quote, so quoting the program is always safe;
    the arguments follow the C runtime's rules, as ``subprocess`` writes them.
    """
    import subprocess

    program, *arguments = command
    return " ".join([f'"{program}"', subprocess.list2cmdline(arguments)]).rstrip()


class WindowsRunKey:
    """The ``Minuta`` value of the current user's Run key.

    ``winreg`` is imported when first needed (only Windows has it); tests pass
    an object with the same functions and constants.
    """

    def __init__(self, winreg: Any = None, command: list[str] | None = None) -> None:
        self._winreg = winreg
        self._command = command

    @property
    def _reg(self) -> Any:
        if self._winreg is None:
            import winreg

            self._winreg = winreg
        return self._winreg

    def command_line(self) -> str | None:
        """The Run value's data now, or None when there is none."""
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_QUERY_VALUE) as key:
                value, _kind = reg.QueryValueEx(key, RUN_VALUE)
        except FileNotFoundError:
            return None
        return str(value)

    def is_enabled(self) -> bool:
        return bool(self.command_line()) and not self._disabled_in_task_manager()

    def enable(self) -> None:
        reg = self._reg
        command = self._command if self._command is not None else launch_command(tray=True)
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, windows_command_line(command))
        # Switched on here means on: Task Manager's "Disabled" would keep it from running.
        self._delete_value(STARTUP_APPROVED_KEY)

    def disable(self) -> None:
        self._delete_value(RUN_KEY)

    def _delete_value(self, path: str) -> None:
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            return  # no key or no value: nothing to switch off

    def _disabled_in_task_manager(self) -> bool:
        reg = self._reg
        try:
            with reg.OpenKey(
                reg.HKEY_CURRENT_USER, STARTUP_APPROVED_KEY, 0, reg.KEY_QUERY_VALUE
            ) as key:
                value, _kind = reg.QueryValueEx(key, RUN_VALUE)
        except FileNotFoundError:
            return False
        return isinstance(value, bytes | bytearray) and bool(value) and bool(value[0] & 1)


# --- macOS: a LaunchAgent -----------------------------------------------------------


class LaunchAgent:
    """``~/Library/LaunchAgents/org.minuta.Minuta.plist``, loaded by launchd at login."""

    def __init__(self, home: Path, command: list[str] | None = None) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        self._command = command

    def is_enabled(self) -> bool:
        try:
            with self.path.open("rb") as file:
                agent = plistlib.load(file)
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(agent, dict) and not agent.get("Disabled", False)

    def enable(self) -> None:
        command = self._command if self._command is not None else launch_command(tray=True)
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, plistlib.dumps(agent, fmt=plistlib.FMT_XML))

    def disable(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


# --- choosing -----------------------------------------------------------------------


def autostart_for_platform(
    platform: str = sys.platform,
    *,
    home: Path | None = None,
    config_home: Path | None = None,
    winreg: Any = None,
    command: list[str] | None = None,
) -> Autostart:
    """The switch for ``platform``; folders and the registry can be given (tests)."""
    if platform == "win32":
        return WindowsRunKey(winreg, command)
    home = home if home is not None else Path.home()
    if platform == "darwin":
        return LaunchAgent(home, command)
    if config_home is None:
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        # The specification: a relative XDG_CONFIG_HOME is invalid and ignored.
        config_home = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".config"
    return XdgAutostart(config_home, command)
