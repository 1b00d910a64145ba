"""The scheme and host a list's ``links`` name: the ones the client used to reach the mock.

A client behind a front (a TLS proxy, a CI service name) follows ``links.next`` as written, so
the links must name the front, not the address the mock saw. In order:

1. ``--public-url`` (``public_url=``): set outright by whoever runs the mock;
2. ``X-Forwarded-Proto`` / ``X-Forwarded-Host``, only when the direct peer is loopback (a proxy
   on the same machine: anyone else could name any host), each taken only when it is a scheme
   (``http``, ``https``) or a ``host[:port]``, else ignored; of a list, the last value (the one
   the trusted proxy itself wrote: Werkzeug's ``ProxyFix`` reads it so);
3. the request's own scheme and ``Host`` header (a malformed one: the address the mock bound).

Pure standard library: the CLI and ``MockProcess`` check a public URL without the server.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

#: A host as a URL may name it: a name or IPv4 address, or a bracketed IPv6 one; a port.
HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
SCHEMES = ("http", "https")
#: Where MockApp puts the public origin (``scheme://host``) for the handlers, when it has one.
SCOPE_KEY = "mock.public_origin"


def public_origin(url: str, argument: str = "--public-url") -> str:
    """``scheme://host[:port]`` of URL, or ValueError naming ARGUMENT and what is wrong."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is no number
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in SCHEMES or not HOST.fullmatch(parts.netloc):
        raise ValueError(
            f"{argument}: a URL as http://HOST[:PORT] or https://HOST[:PORT], not {url!r}"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{argument}: a scheme and host only (no path, query or fragment)")
    return f"{parts.scheme}://{parts.netloc}"


def is_loopback(peer: Any) -> bool:
    """Whether PEER (an ASGI ``client``: ``(host, port)`` or None) is this machine."""
    if not peer:
        return False
    try:
        address = ipaddress.ip_address(str(peer[0]))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def forwarded(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> str | None:
    """The last value of header NAME (its lines joined, then split at commas), or None."""
    values = [v.decode("latin-1") for k, v in headers if k == name]
    if not values:
        return None
    return ",".join(values).rsplit(",", 1)[-1].strip()


def origin(scope: Mapping[str, Any]) -> str:
    """``scheme://host[:port]`` the request reached the mock by (see the module's order)."""
    public: str | None = scope.get(SCOPE_KEY)
    if public:
        return public
    headers = scope.get("headers", [])
    scheme = str(scope.get("scheme", "http"))
    host = next((v.decode("latin-1") for k, v in headers if k == b"host"), "")
    if is_loopback(scope.get("client")):
        proto = (forwarded(headers, b"x-forwarded-proto") or "").lower()
        scheme = proto if proto in SCHEMES else scheme
        front = forwarded(headers, b"x-forwarded-host") or ""
        host = front if HOST.fullmatch(front) else host
    if not HOST.fullmatch(host):
        server = scope.get("server") or ("127.0.0.1", 80)
        name = str(server[0])
        host = f"[{name}]:{server[1]}" if ":" in name else f"{name}:{server[1]}"
    return f"{scheme}://{host}"
