"""Run inside ``dbus-run-session``: a real Secret Service for the test suite.

Starts gnome-keyring-daemon (secrets component) on the session bus that
dbus-run-session created, unlocks a fresh "login" keyring in the test's own
XDG folders, waits until the service owns its bus name, prints the bus address
on stdout, and keeps the bus alive until its stdin is closed.
"""

from __future__ import annotations

import os
import subprocess
import sys

from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
from jeepney.io.blocking import open_dbus_connection

KEYRING_PASSWORD = b"minuta-test-keyring"
SECRET_SERVICE = "org.freedesktop.secrets"


def _has_owner(connection: object, name: str) -> bool:
    bus = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    reply = connection.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (name,)))
    return bool(reply.body[0])


def main() -> int:
    daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input=KEYRING_PASSWORD,
        capture_output=True,
        check=False,
    )
    if daemon.returncode != 0:
        sys.stderr.write(daemon.stderr.decode(errors="replace"))
        return 1
    connection = open_dbus_connection(bus="SESSION")
    # The daemon forks before it registers on the bus: wait for the bus to say so.
    rule = MatchRule(
        type="signal",
        sender="org.freedesktop.DBus",
        interface="org.freedesktop.DBus",
        member="NameOwnerChanged",
        path="/org/freedesktop/DBus",
    )
    rule.add_arg_condition(0, SECRET_SERVICE)
    connection.send_and_get_reply(message_bus.AddMatch(rule))
    with connection.filter(rule) as signals:
        if not _has_owner(connection, SECRET_SERVICE):
            try:
                connection.recv_until_filtered(signals, timeout=15)
            except TimeoutError:
                sys.stderr.write("gnome-keyring did not register the Secret Service\n")
                return 1
    print(os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    sys.stdin.read()  # until the test session closes our stdin
    return 0


if __name__ == "__main__":
    sys.exit(main())
