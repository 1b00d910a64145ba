"""Exceptions of the client: one base, one class per status family.

Every exception names the method, URL, status and request id, and keeps the response body;
none carries credentials: the URL never holds them, headers are not kept, and a body that
echoes them (a proxy's 401 page, say) has them replaced by ``[redacted]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

REDACTED = "[redacted]"


class SignalWireError(Exception):
    """Base of every exception this package raises."""


class ConfigurationError(SignalWireError):
    """The client lacks a setting (say, an environment variable that is not set)."""


class ResourceIdRuleError(SignalWireError, ValueError):
    """A body breaks the resource-ID rule; raised before anything is sent."""


class InvalidArgumentError(SignalWireError, ValueError):
    """An argument the client cannot send (a malformed uuid, an unknown enum value, a wrong
    type); raised before anything is sent. ``argument`` names it, ``value`` is what was given."""

    def __init__(self, argument: str, value: Any, problem: str) -> None:
        self.argument, self.value = argument, value
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{argument} {problem}, not {shown}")


@dataclass(frozen=True)
class ErrorDetail:
    """One item of a SignalWire ``errors`` body."""

    type: str
    code: str
    message: str
    attribute: str | None
    url: str | None = None


class APIConnectionError(SignalWireError):
    """The request got no response: the connection failed or broke."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(f"{message} ({method} {url})")
        self.method, self.url = method, url


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(SignalWireError):
    """The API answered with a status that is not a success."""

    def __init__(
        self,
        *,
        status: int,
        method: str,
        url: str,
        body: bytes,
        request_id: str | None = None,
        attempts: int = 1,
        retry_after: float | None = None,
        problem: str | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self.status, self.method, self.url = status, method, url
        hidden = [s for s in secrets if s]
        #: What was wrong beyond the status (a success body the spec does not allow), if known.
        self.problem = redact(problem, hidden) if problem is not None else None
        #: Seconds the server asked to wait (its ``Retry-After``), if it said.
        self.retry_after = retry_after
        self.body = redact(body.decode("utf-8", "replace"), hidden)
        self.request_id = request_id
        self.attempts = attempts
        #: Whether an earlier attempt of this call may have been carried out although its
        #: answer was lost (a 5xx or a broken connection before this one was retried).
        self.earlier_attempt_may_have_applied = False
        self.errors = _error_details(self.body)
        super().__init__(self._describe())

    @property
    def status_code(self) -> int:
        """The HTTP status (httpx's and openai-python's name; ``status`` is the same)."""
        return self.status

    def _describe(self) -> str:
        text = f"{self.status} from {self.method} {self.url}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        if self.errors:
            # SignalWire's messages usually name their field ("username is required"): once.
            text += ": " + "; ".join(
                f"{e.attribute}: {e.message}"
                if e.attribute and e.attribute not in e.message
                else e.message
                for e in self.errors
            )
        elif self.body:
            text += f": {self.body[:200]}"
        if self.problem:
            text += f" ({self.problem})"
        return text


def redact(text: str, secrets: Iterable[str]) -> str:
    """TEXT with every occurrence of each of SECRETS replaced by ``[redacted]``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class BadRequestError(APIStatusError):
    """400, 413 or 415: the request itself was malformed."""


class AuthenticationError(APIStatusError):
    """401: the project ID or API token was refused."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials are valid but may not do this (a token without the scope)."""


class NotFoundError(APIStatusError):
    """404: no such SIP credential in this project."""


class ConflictError(APIStatusError):
    """409: a credential with this id, or this username, already exists."""


class ValidationError(APIStatusError):
    """422: the server refused the body or a parameter; see ``errors``."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` says how long the server asked to wait."""


class ServerError(APIStatusError):
    """5xx: the server failed."""


class UnexpectedResponseError(APIStatusError):
    """A success status whose body does not have the shape the spec promises: ``status``,
    ``body`` and ``request_id`` are the answer's, ``problem`` says what the parser found."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: BadRequestError,
    415: BadRequestError,
    422: ValidationError,
    429: RateLimitError,
}


def error_class(status: int) -> type[APIStatusError]:
    """The exception class for an unsuccessful STATUS."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, APIStatusError)


def _error_details(body: str) -> list[ErrorDetail]:
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError):
        return []
    items = data.get("errors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [
        ErrorDetail(
            str(i.get("type", "")),
            str(i.get("code", "")),
            str(i.get("message", "")),
            i.get("attribute"),
            i.get("url"),
        )
        for i in items
        if isinstance(i, dict)
    ]
