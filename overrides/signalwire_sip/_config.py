"""Client settings: where the API is, who is calling, and how patiently."""

from __future__ import annotations

import os
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from ._exceptions import ConfigurationError

ENV_SPACE = "SIGNALWIRE_SPACE"
ENV_PROJECT_ID = "SIGNALWIRE_PROJECT_ID"
ENV_API_TOKEN = "SIGNALWIRE_API_TOKEN"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_LOOPBACK = ("127.", "localhost", "[::1]")


def base_url_for_space(space: str) -> str:
    """The API origin of a space given as a name (``example``) or a host (``example.signalwire.com``).

    Loopback hosts (a mock server standing in for a space) use plain http.
    """
    host = space.strip().removeprefix("https://").removeprefix("http://").rstrip("/")
    if "." not in host and ":" not in host and host != "localhost":
        host = f"{host}.signalwire.com"
    return f"{'http' if host.startswith(_LOOPBACK) else 'https'}://{host}"


@dataclass(frozen=True)
class ClientConfig:
    """Where and as whom the client calls. ``repr`` never shows the token."""

    base_url: str
    project_id: str
    api_token: str = field(repr=False)
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)

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
        return cls(base_url.rstrip("/"), project_id, api_token, resolved)


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
