"""Addresses on this computer only: the promise that meeting content stays here.

Every request in :mod:`minuta.summarize.llm` goes through
:func:`require_loopback` first, so a server address typed into the settings,
found in a proxy variable or returned by a name lookup can never send a
transcript to another machine. Host names are resolved and every address they
resolve to must be a loopback address (127.0.0.0/8 or ::1).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

_SCHEMES = ("http", "https")


def _is_loopback_address(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _host_is_loopback(host: str) -> bool:
    if _is_loopback_address(host):
        return True
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    else:
        return False  # an address, and not a loopback one
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    addresses = {str(info[4][0]) for info in infos}
    return bool(addresses) and all(_is_loopback_address(a) for a in addresses)


def is_loopback_url(url: str) -> bool:
    """True when ``url`` is an http(s) address that can only reach this computer."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        return False
    return _host_is_loopback(parts.hostname)


def require_loopback(url: str) -> str:
    """``url`` without a trailing slash; ValueError when it could leave this computer."""
    if not is_loopback_url(url):
        raise ValueError(
            f"{url!r} is not an address on this computer. Minuta only talks to a "
            "language-model server on this computer (127.0.0.1, localhost or ::1), "
            "so that meeting content never leaves it."
        )
    return url.strip().rstrip("/")
