"""Client settings: where the API is, who is calling, and how patiently."""

from __future__ import annotations

import ipaddress
import os
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._exceptions import ConfigurationError, InvalidArgumentError

ENV_SPACE = "SIGNALWIRE_SPACE"
ENV_PROJECT_ID = "SIGNALWIRE_PROJECT_ID"
ENV_API_TOKEN = "SIGNALWIRE_API_TOKEN"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: Seconds one call may take in all, retries and their waits included. ``timeout`` bounds each
#: read, so a server dripping its answer a byte at a time never trips it; this does. 120 s
#: leaves room for the default three attempts of a slow answer and their backoff.
DEFAULT_DEADLINE = 120.0
#: Bytes of one answer the client reads (decoded, so a gzip bomb counts as what it unpacks
#: to). A page of 1,000 usual credentials is under 2 MiB; the mock's largest possible page, every
#: field at its limit, under 24 MiB (its limits.MAX_ANSWER_BYTES).
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024


def is_loopback(host: str) -> bool:
    """Whether HOST (a host name or IP literal, without port) is this machine's loopback:
    ``localhost`` itself, or an address in 127.0.0.0/8 or ::1. Names that merely start like
    one (``localhostdev``, ``127.example.com``, ``localhost.example``) are not."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def base_url_for_space(space: str) -> str:
    """The API origin of a space given as a name (``example``) or a host (``example.signalwire.com``).

    Plain http is used for a loopback host (a mock server standing in for a space:
    ``127.0.0.1:8080``, ``localhost:8080``, ``[::1]:8080``), and for a bare host name with a
    port written with ``http://`` (a mock a CI service names: ``http://mock:8080``); every other
    host gets https, whatever scheme it was written with, so a typo never sends the token in
    clear (``localhostdev``, ``http://example.signalwire.com``).
    """
    written = space.strip()
    # A scheme is case-insensitive (RFC 3986 3.1): ``HTTP://mock:8080`` is ``http://mock:8080``.
    scheme, sep, rest = written.partition("://")
    scheme = scheme.lower() if sep else ""
    if sep and scheme not in ("http", "https"):
        raise ConfigurationError(
            f"a space is a name or a host, with http:// or https:// at most, not {scheme!r}://"
        )
    written = f"{scheme}://{rest}" if sep else written
    host = (rest if sep else written).rstrip("/")
    if "." not in host and ":" not in host and host != "localhost":
        host = f"{host}.signalwire.com"
    try:
        parts = urlsplit(f"//{host}")
        hostname, port = parts.hostname or "", parts.port
    except ValueError:
        hostname, port = "", None
    # A CI service's name: http:// written, a port, and a bare name (no dot, not an IPv6 literal).
    service = written.startswith("http://") and port is not None and not set(".:") & set(hostname)
    plain = is_loopback(hostname) or service
    return f"{'http' if plain else 'https'}://{host}"


@dataclass(frozen=True)
class ClientConfig:
    """Where and as whom the client calls. ``repr`` never shows the token."""

    base_url: str
    project_id: str
    api_token: str = field(repr=False)
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    #: Seconds a whole call may take (every attempt and wait); None: no bound beyond ``timeout``.
    deadline: float | None = DEFAULT_DEADLINE
    #: Bytes of one answer read at most; past it the call raises ResponseTooLargeError.
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @classmethod
    def resolve(
        cls,
        *,
        space: str | None = None,
        project_id: str | None = None,
        api_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        environ: Mapping[str, str] | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> ClientConfig:
        """Settings from the arguments, falling back to SignalWire's environment variables."""
        env = os.environ if environ is None else environ
        project_id = project_id or env.get(ENV_PROJECT_ID)
        api_token = api_token or env.get(ENV_API_TOKEN)
        if not base_url:
            space = space or env.get(ENV_SPACE)
            if not space:
                raise ConfigurationError(f"no space: pass space= or base_url=, or set {ENV_SPACE}")
            base_url = base_url_for_space(space)
        _check_origin(base_url)
        if not project_id:
            raise ConfigurationError(f"no project ID: pass project_id= or set {ENV_PROJECT_ID}")
        if not api_token:
            raise ConfigurationError(f"no API token: pass api_token= or set {ENV_API_TOKEN}")
        if timeout is None:
            resolved = DEFAULT_TIMEOUT
        elif isinstance(timeout, httpx.Timeout):
            resolved = timeout
        else:
            resolved = httpx.Timeout(timeout)
        return cls(
            base_url.rstrip("/"),
            project_id,
            api_token,
            resolved,
            checked_deadline(deadline),
            checked_max_response_bytes(max_response_bytes),
        )


def checked_deadline(deadline: Any) -> float | None:
    """DEADLINE if it is a number of seconds above zero (or None: no deadline)."""
    if deadline is None:
        return None
    if isinstance(deadline, bool) or not isinstance(deadline, int | float) or not deadline > 0:
        raise InvalidArgumentError("deadline", deadline, "must be seconds above zero, or None")
    if deadline == float("inf"):
        return None
    return float(deadline)


def checked_max_response_bytes(limit: Any) -> int:
    """LIMIT if it is a whole number of bytes above zero."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidArgumentError("max_response_bytes", limit, "must be a whole number above 0")
    return limit


def _check_origin(base_url: str) -> None:
    """Refuse an origin the client cannot call safely: no http(s), or credentials in the URL
    (they would travel beside the project's own and show in every error's URL)."""
    try:
        parts = urlsplit(base_url)
    except ValueError as error:
        raise ConfigurationError(f"base_url is not a URL: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError("base_url must be an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError(
            "base_url must not hold credentials: pass project_id= and api_token="
        )


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying a request again.

    Retried: 429, 502, 503 and 504 answers and failed connections, at most MAX_RETRIES times,
    waiting ``Retry-After`` when the server sends it (up to MAX_RETRY_AFTER seconds; longer
    asks are not waited for) and exponential backoff with jitter otherwise.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ATTEMPT (1-based), with jitter."""
        base = min(self.max_delay, self.initial_delay * 2.0 ** (attempt - 1))
        return base * (1 - 0.25 * random.random())

    def delay(self, attempt: int, asked: float | None) -> float | None:
        """Seconds to wait before the next attempt (ASKED: the server's Retry-After, parsed),
        or None when the server asked for longer than MAX_RETRY_AFTER."""
        if asked is None:
            return self.backoff(attempt)
        return asked if asked <= self.max_retry_after else None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date); None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)
