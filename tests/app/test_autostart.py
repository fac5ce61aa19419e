"""Start at login: the XDG autostart file, the Windows Run value, the macOS LaunchAgent."""

from __future__ import annotations

import configparser
import os
import plistlib
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from minuta.app import autostart
from minuta.app.autostart import (
    LAUNCH_AGENT_LABEL,
    RUN_KEY,
    RUN_VALUE,
    STARTUP_APPROVED_KEY,
    LaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    autostart_for_platform,
    desktop_entry,
    exec_argument,
    launch_command,
)

# --- the command ---------------------------------------------------------------------


def test_the_bundle_starts_itself_in_the_tray(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/minuta/minuta-app")
    assert launch_command(tray=True) == ["/opt/minuta/minuta-app", "--tray"]
    assert launch_command(tray=False) == ["/opt/minuta/minuta-app"]


def test_a_source_install_starts_this_python_with_the_module(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert launch_command(tray=True) == [sys.executable, "-m", "minuta.ui.main", "--tray"]


def test_each_platform_gets_its_own_switch(tmp_path):
    assert isinstance(autostart_for_platform("linux", home=tmp_path), XdgAutostart)
    assert isinstance(autostart_for_platform("darwin", home=tmp_path), LaunchAgent)
    assert isinstance(autostart_for_platform("win32", winreg=FakeWinreg()), WindowsRunKey)


def test_xdg_config_home_is_followed_and_a_relative_one_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    switch = autostart_for_platform("linux", home=tmp_path)
    assert isinstance(switch, XdgAutostart)
    assert switch.path == tmp_path / "config" / "autostart" / "minuta.desktop"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    switch = autostart_for_platform("linux", home=tmp_path)
    assert isinstance(switch, XdgAutostart)
    assert switch.path == tmp_path / ".config" / "autostart" / "minuta.desktop"


# --- Linux ---------------------------------------------------------------------------


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_enabling_writes_a_valid_desktop_entry(tmp_path):
    command = ["/opt/minuta/minuta-app", "--tray"]
    switch = XdgAutostart(tmp_path / "config", command)
    assert not switch.is_enabled()
    switch.enable()
    path = tmp_path / "config" / "autostart" / "minuta.desktop"
    assert switch.path == path
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n") and text.endswith("\n")
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Minuta"
    assert entry["Exec"] == "/opt/minuta/minuta-app --tray"
    assert entry["Icon"] == "minuta"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Comment"]
    assert entry["Version"] == "1.5"
    assert switch.is_enabled()
    # Written whole, and nothing left beside it.
    assert sorted(p.name for p in path.parent.iterdir()) == ["minuta.desktop"]


def test_enable_and_disable_round_trip(tmp_path):
    switch = XdgAutostart(tmp_path, ["/usr/bin/minuta-app", "--tray"])
    switch.disable()  # nothing there: nothing to do
    for _ in range(2):
        switch.enable()
        assert switch.is_enabled()
        switch.enable()  # again: still one file, still on
        assert switch.is_enabled()
        switch.disable()
        assert not switch.is_enabled()
        assert not switch.path.exists()


@pytest.mark.parametrize(
    "line", ["Hidden=true", "X-GNOME-Autostart-enabled=false", "X-GNOME-Autostart-enabled=False"]
)
def test_an_entry_switched_off_by_the_desktop_reads_as_off(tmp_path, line):
    switch = XdgAutostart(tmp_path, ["/usr/bin/minuta-app", "--tray"])
    switch.path.parent.mkdir(parents=True)
    switch.path.write_text(f"[Desktop Entry]\nType=Application\nName=Minuta\n{line}\n")
    assert not switch.is_enabled()
    switch.enable()  # switching it on here replaces it with an entry that runs
    assert switch.is_enabled()


def test_exec_quotes_a_path_with_spaces(tmp_path):
    switch = XdgAutostart(tmp_path, ["/home/kari/My Apps/Minuta/minuta-app", "--tray"])
    switch.enable()
    assert read_entry(switch.path)["Exec"] == '"/home/kari/My Apps/Minuta/minuta-app" --tray'


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/usr/bin/minuta-app", "/usr/bin/minuta-app"),
        ("--tray", "--tray"),
        ("/opt/a b/app", '"/opt/a b/app"'),
        ("/opt/100%/app", "/opt/100%%/app"),  # % starts a field code
        ("/opt/$HOME/app", '"/opt/\\\\$HOME/app"'),  # "\\$" after the string escapes
        ('/opt/say "hi"/app', '"/opt/say \\\\"hi\\\\"/app"'),
        ("/opt/back\\slash/app", '"/opt/back\\\\\\\\slash/app"'),  # four backslashes
        ("/opt/it's/app", '"/opt/it\'s/app"'),
        ("/opt/`tick`/app", '"/opt/\\\\`tick\\\\`/app"'),
    ],
)
def test_exec_arguments_follow_the_desktop_entry_quoting_rules(argument, written):
    assert exec_argument(argument) == written


_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def _unescape_string(value: str) -> str:
    """The "string" value type's escapes, undone first."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append(_STRING_ESCAPES.get(value[i + 1], "\\" + value[i + 1]))
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def desktop_entry_argv(exec_value: str) -> list[str]:
    """Read an Exec value back as the specification says a launcher does."""
    text = _unescape_string(exec_value)
    # Arguments: split on spaces, double quotes group, a backslash escapes inside them.
    argv: list[str] = []
    current: list[str] | None = None  # None: between arguments
    quoted, i = False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and text[i + 1] in '"`$\\':
            current = [*(current or []), text[i + 1]]
            i += 1
        elif c == '"':
            quoted = not quoted
            current = current or []
        elif c == " " and not quoted:
            if current is not None:
                argv.append("".join(current))
            current = None
        else:
            current = [*(current or []), c]
        i += 1
    if current is not None:
        argv.append("".join(current))
    return [arg.replace("%%", "%") for arg in argv]  # "%%" is a literal percent


def test_an_awkward_command_reads_back_as_written():
    command = ['/home/o\'neil/100% $pecial \\ "apps"/minuta-app', "--tray"]
    entry = desktop_entry(command)
    exec_value = next(line[5:] for line in entry.splitlines() if line.startswith("Exec="))
    assert desktop_entry_argv(exec_value) == command


@pytest.mark.skipif(shutil.which("gio") is None, reason="GLib's gio tool is not installed")
def test_glib_launches_the_entry_with_the_exact_arguments(tmp_path):
    # The desktop's own reader (GLib, as GNOME's session uses it) runs the Exec line.
    folder = tmp_path / "My Apps" / "it's $here"
    folder.mkdir(parents=True)
    program = folder / "minuta-app"
    out = tmp_path / "argv.txt"
    program.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"pathlib.Path({str(out)!r}).write_text(repr(sys.argv[1:]))\n"
    )
    program.chmod(0o755)
    switch = XdgAutostart(tmp_path / "config", [str(program), "--tray"])
    switch.enable()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    subprocess.run(["gio", "launch", str(switch.path)], check=True, env=env, timeout=30)
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the launched program writes it; gio does not wait for it
    assert out.read_text() == "['--tray']"


def test_a_folder_that_cannot_be_made_raises_oserror(tmp_path):
    (tmp_path / "autostart").write_text("not a folder")
    switch = XdgAutostart(tmp_path, ["/usr/bin/minuta-app", "--tray"])
    with pytest.raises(FileExistsError):
        switch.enable()
    assert not switch.is_enabled()


# --- macOS ---------------------------------------------------------------------------


def test_the_launch_agent_round_trip(tmp_path):
    command = ["/Applications/Minuta.app/Contents/MacOS/Minuta", "--tray"]
    switch = LaunchAgent(tmp_path, command)
    assert not switch.is_enabled()
    switch.enable()
    path = tmp_path / "Library" / "LaunchAgents" / "org.minuta.Minuta.plist"
    assert switch.path == path
    with path.open("rb") as file:
        agent = plistlib.load(file)
    assert agent == {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert switch.is_enabled()
    switch.disable()
    assert not path.exists()
    assert not switch.is_enabled()
    switch.disable()


def test_a_disabled_or_broken_launch_agent_reads_as_off(tmp_path):
    switch = LaunchAgent(tmp_path, ["/Applications/Minuta.app/Contents/MacOS/Minuta"])
    switch.path.parent.mkdir(parents=True)
    agent = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": ["x"], "Disabled": True}
    switch.path.write_bytes(plistlib.dumps(agent))
    assert not switch.is_enabled()
    switch.path.write_text("not a plist")
    assert not switch.is_enabled()
    switch.enable()
    assert switch.is_enabled()


# --- Windows -------------------------------------------------------------------------


class FakeKey:
    """A handle as winreg returns it: a context manager, with the rights it was opened with."""

    def __init__(self, values: dict[str, tuple[Any, int]], access: int) -> None:
        self.values = values
        self.access = access
        self.closed = False

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.Close()

    def Close(self) -> None:
        self.closed = True


class FakeWinreg:
    """The part of ``winreg`` the Run key needs, with winreg's errors and access checks."""

    HKEY_CURRENT_USER = 0x80000001
    KEY_QUERY_VALUE = 0x0001
    KEY_SET_VALUE = 0x0002
    KEY_READ = 0x20019
    KEY_WRITE = 0x20006
    REG_SZ = 1
    REG_BINARY = 3

    def __init__(self) -> None:
        self.keys: dict[tuple[int, str], dict[str, tuple[Any, int]]] = {
            (self.HKEY_CURRENT_USER, RUN_KEY): {}
        }
        self.handles: list[FakeKey] = []

    def _open(self, root: int, sub_key: str, access: int, create: bool) -> FakeKey:
        where = (root, sub_key.lower())
        found = next((k for k in self.keys if (k[0], k[1].lower()) == where), None)
        if found is None:
            if not create:
                raise FileNotFoundError(2, "The system cannot find the file specified")
            found = (root, sub_key)
            self.keys[found] = {}
        handle = FakeKey(self.keys[found], access)
        self.handles.append(handle)
        return handle

    def OpenKey(self, key: int, sub_key: str, reserved: int = 0, access: int = 0x20019) -> FakeKey:
        assert reserved == 0
        return self._open(key, sub_key, access, create=False)

    def CreateKeyEx(
        self, key: int, sub_key: str, reserved: int = 0, access: int = 0x20006
    ) -> FakeKey:
        assert reserved == 0
        return self._open(key, sub_key, access, create=True)

    @staticmethod
    def _check(key: FakeKey, right: int) -> None:
        assert not key.closed, "a closed handle"
        if not key.access & right:
            raise PermissionError(5, "Access is denied")

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        self._check(key, self.KEY_QUERY_VALUE)
        found = next((v for n, v in key.values.items() if n.lower() == name.lower()), None)
        if found is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return found

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: Any) -> None:
        self._check(key, self.KEY_SET_VALUE)
        assert reserved == 0
        if kind == self.REG_SZ and not isinstance(value, str):
            raise ValueError("Could not convert the data to the specified type.")
        key.values[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        self._check(key, self.KEY_SET_VALUE)
        for existing in list(key.values):
            if existing.lower() == name.lower():
                del key.values[existing]
                return
        raise FileNotFoundError(2, "The system cannot find the file specified")

    def value(self, sub_key: str, name: str = RUN_VALUE) -> tuple[Any, int] | None:
        return self.keys.get((self.HKEY_CURRENT_USER, sub_key), {}).get(name)


EXE = r"C:\Program Files\Minuta\Minuta.exe"


def test_the_run_value_is_written_and_removed():
    registry = FakeWinreg()
    switch = WindowsRunKey(registry, [EXE, "--tray"])
    assert not switch.is_enabled()
    switch.disable()  # no value: nothing to do
    switch.enable()
    assert registry.value(RUN_KEY) == (f'"{EXE}" --tray', registry.REG_SZ)
    assert switch.command_line() == f'"{EXE}" --tray'
    assert switch.is_enabled()
    switch.disable()
    assert registry.value(RUN_KEY) is None
    assert not switch.is_enabled()
    assert all(handle.closed for handle in registry.handles)


def test_a_path_without_spaces_is_quoted_too():
    registry = FakeWinreg()
    WindowsRunKey(registry, [r"C:\Minuta\Minuta.exe", "--tray"]).enable()
    assert registry.value(RUN_KEY) == (r'"C:\Minuta\Minuta.exe" --tray', registry.REG_SZ)


def test_the_installers_value_is_the_same_switch():
    registry = FakeWinreg()
    # What the installer's "Start Minuta when Windows starts" leaves.
    registry.keys[(registry.HKEY_CURRENT_USER, RUN_KEY)]["Minuta"] = (
        f'"{EXE}" --tray',
        registry.REG_SZ,
    )
    switch = WindowsRunKey(registry, [EXE, "--tray"])
    assert switch.is_enabled()
    switch.disable()
    assert registry.value(RUN_KEY) is None


def test_task_managers_disabled_mark_reads_as_off_and_enabling_clears_it():
    registry = FakeWinreg()
    switch = WindowsRunKey(registry, [EXE, "--tray"])
    switch.enable()
    approved = registry.keys.setdefault((registry.HKEY_CURRENT_USER, STARTUP_APPROVED_KEY), {})
    approved["Minuta"] = (bytes([3]) + bytes(11), registry.REG_BINARY)  # "Disabled"
    assert not switch.is_enabled()
    approved["Minuta"] = (bytes([2]) + bytes(11), registry.REG_BINARY)  # "Enabled"
    assert switch.is_enabled()
    approved["Minuta"] = (bytes([3]) + bytes(11), registry.REG_BINARY)
    switch.enable()
    assert registry.value(STARTUP_APPROVED_KEY) is None
    assert switch.is_enabled()


def test_without_write_access_the_failure_is_an_oserror():
    class ReadOnly(FakeWinreg):
        def CreateKeyEx(self, key, sub_key, reserved=0, access=0x20006):
            return self._open(key, sub_key, self.KEY_QUERY_VALUE, create=True)

    switch = WindowsRunKey(ReadOnly(), [EXE, "--tray"])
    with pytest.raises(PermissionError):
        switch.enable()
    assert not switch.is_enabled()


def test_the_default_command_is_used_when_none_is_given(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", EXE)
    registry = FakeWinreg()
    autostart.WindowsRunKey(registry).enable()
    assert registry.value(RUN_KEY) == (f'"{EXE}" --tray', registry.REG_SZ)
