"""Exceptions of the client: one base, one class per status family.

Every exception names the method, URL, status and request id, and keeps the response body;
none carries credentials: the URL never holds them, headers are not kept, and a body that
echoes them (a proxy's 401 page, a 422 quoting the password) has them replaced by
``[redacted]``, compared by decoded value: JSON, Python, percent or HTML escaping, or a mix, do
not hide a secret from the redaction (#23).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus, unquote_plus

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
        self.problem = redact(problem, hidden)[:300] if problem is not None else None
        #: Seconds the server asked to wait (its ``Retry-After``), if it said.
        self.retry_after = retry_after
        self.body = redact_body(body.decode("utf-8", "replace"), hidden)
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
    """TEXT with each of SECRETS replaced by ``[redacted]`` however it is written: as it is,
    escaped as JSON or Python writes strings, percent-encoded, or as HTML entities. Text in
    which a secret can still be read after undoing those escapings (a mix of them, say) is
    replaced whole: the redaction compares decoded values, so it is total."""
    hidden = [s for s in secrets if s]
    for secret in hidden:
        for form in _written_forms(secret):
            text = text.replace(form, REDACTED)
    if any(secret in view for view in _decoded_views(text) for secret in hidden):
        return REDACTED
    return text


def redact_body(body: str, secrets: Iterable[str]) -> str:
    """BODY (an answer's text) with SECRETS redacted. A JSON body is compared by its decoded
    values, keys and strings at any depth: one that holds a secret, however escaped, is written
    again with it replaced; one that holds none is kept exactly as it came."""
    hidden = [s for s in secrets if s]
    if not hidden:
        return body
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return redact(body, hidden)
    try:
        cleaned, changed = _redacted_document(document, hidden)
    except RecursionError:  # deeper than a walk can go: the text's own redaction is total too
        return redact(body, hidden)
    if changed:
        return json.dumps(cleaned, ensure_ascii=False)
    return redact(body, hidden)


def _redacted_document(node: Any, secrets: list[str]) -> tuple[Any, bool]:
    """NODE with every string (key or value) holding one of SECRETS redacted; and whether any did."""
    if isinstance(node, str):
        cleaned = redact(node, secrets)
        return cleaned, cleaned != node
    if isinstance(node, list):
        pairs = [_redacted_document(item, secrets) for item in node]
        return [item for item, _ in pairs], any(changed for _, changed in pairs)
    if isinstance(node, dict):
        result, any_changed = {}, False
        for key, value in node.items():
            new_key, key_changed = _redacted_document(key, secrets)
            new_value, value_changed = _redacted_document(value, secrets)
            result[new_key] = new_value
            any_changed = any_changed or key_changed or value_changed
        return result, any_changed
    return node, False


def _written_forms(secret: str) -> list[str]:
    """The ways an echo usually writes SECRET, longest first (a longer form holds a shorter)."""
    forms = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret)[1:-1].replace("/", "\\/"),
        json.dumps(secret, ensure_ascii=False)[1:-1],
        _UPPER_HEX.sub(
            lambda m: m.group(0).upper().replace("\\U", "\\u"), json.dumps(secret)[1:-1]
        ),
        repr(secret)[1:-1],
        ascii(secret)[1:-1],
        quote(secret, safe=""),
        quote_plus(secret, safe=""),
        html.escape(secret),
    }
    return sorted(forms, key=len, reverse=True)


def _decoded_views(text: str) -> list[str]:
    """TEXT with each usual escaping undone: JSON's and Python's backslash escapes, percent
    encoding, HTML entities."""
    views = [text]
    if "\\" in text:
        views.append(_BACKSLASH.sub(_unescape, text))
    if "%" in text or "+" in text:
        views.append(unquote_plus(text))
    if "&" in text:
        views.append(html.unescape(text))
    return views


_UPPER_HEX = re.compile(r"\\u[0-9a-f]{4}")
_BACKSLASH = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}"
    r"|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)",
    re.DOTALL,
)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "0": "\0"}


def _unescape(match: re.Match[str]) -> str:
    """The text one backslash escape of JSON or Python stands for (an unknown one: its char)."""
    escape = match.group(0)[1:]
    if escape[0] in "uUx" and len(escape) > 1:
        if len(escape) == 11:  # a surrogate pair written as two \u escapes
            high, low = int(escape[1:5], 16), int(escape[7:11], 16)
            return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        code = int(escape[1:], 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)
    return _SIMPLE.get(escape, escape)


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
    ``body`` and ``request_id`` are the answer's, ``problem`` says what the parser found.
    Also an answer of any status whose body could not be read (a corrupt ``Content-Encoding``):
    the server did answer, so the request may have been carried out."""


class ResponseTooLargeError(UnexpectedResponseError):
    """An answer larger than the client's ``max_response_bytes``: it was not read past the
    limit (``body`` is empty), and the request may have been carried out."""


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
            _text(i.get("type")) or "",
            _text(i.get("code")) or "",
            _text(i.get("message")) or "",
            _text(i.get("attribute")),
            _text(i.get("url")),
        )
        for i in items
        if isinstance(i, dict)
    ]


def _text(value: Any) -> str | None:
    """An error item's field as text: a string as it is, None as None, any other JSON value
    (an object, a list, a number) as its JSON, so a server's odd item never breaks the client."""
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return repr(value)
