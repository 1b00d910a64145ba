"""Who may call the test hooks under ``/__mock__/`` (WireMock's admin auth is the model).

Open by default, for a mock on loopback; with a hook token, every hook but ``health`` needs
``Authorization: Bearer TOKEN`` (401 otherwise); closed (403, ``health`` only) for a mock that
listens beyond loopback without a token.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass, field

from .errors import request_error
from .request import Headers

Reply = tuple[int, bytes, Headers]


@dataclass(frozen=True)
class HookAccess:
    """Who may call the hooks: anyone (OPEN, a mock on loopback), the holder of TOKEN, or
    nobody (neither: a mock beyond loopback without a token). ``health`` is always served."""

    open: bool = True
    token: str | None = field(default=None, repr=False)

    @classmethod
    def for_host(cls, host: str, token: str | None) -> HookAccess:
        """The default for a mock bound to HOST: a token when given, else open on loopback only."""
        return cls(open=token is None and is_loopback_address(host), token=token or None)

    def describe(self) -> str:
        if self.token:
            return "token required (Authorization: Bearer ...)"
        if self.open:
            return "open to anyone who reaches this port"
        return "closed: the mock listens beyond loopback; --hooks-token TOKEN opens them"

    def refusal(self, headers: Headers) -> Reply | None:
        """The answer for a hook call these HEADERS may not make, or None when they may."""
        if self.token:
            given = next((v for k, v in headers if k == b"authorization"), b"")
            given = given[:7].lower() + given[7:]  # the scheme is case-insensitive (RFC 9110)
            if hmac.compare_digest(given, b"bearer " + self.token.encode()):
                return None
            message = "The test hooks need the mock's hook token: Authorization: Bearer TOKEN."
            challenge = [(b"www-authenticate", b'Bearer realm="signalwire-sip-mock"')]
            return 401, request_error("hook_token_required", message), challenge
        if self.open:
            return None
        message = "The test hooks are closed: start the mock with --hooks-token TOKEN to use them."
        return 403, request_error("hooks_closed", message), []


def is_loopback_address(host: str) -> bool:
    """Whether HOST, an address to listen on, is loopback only (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
