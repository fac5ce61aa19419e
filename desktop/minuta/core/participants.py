"""A meeting participant as typed: "Anna Berg", "Anna Berg <anna@x.dk>" or "anna@x.dk"."""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"^\s*(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AROUND_NAME = " <>\"',"


def split_participant(participant: str) -> tuple[str, str]:
    """(name, e-mail address) of one participant; "" for the part they did not give."""
    address = _ADDRESS.match(participant)
    if address:
        return address.group("name").strip(_AROUND_NAME), address.group("email").strip()
    found = _EMAIL.search(participant)
    if found is None:
        return participant.strip(_AROUND_NAME), ""
    rest = participant[: found.start()] + participant[found.end() :]
    return rest.strip(_AROUND_NAME), found.group()
