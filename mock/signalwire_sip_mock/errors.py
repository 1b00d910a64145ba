"""SignalWire's error bodies: the one place that knows their shape.

Two shapes exist. 401, 404, 405, 429 and 5xx answer ``{"error": "<reason phrase>"}``; 400, 409,
413, 415 and 422 answer ``{"errors": [item, ...]}``, one item per problem.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from http import HTTPStatus

DOCS_URL = "https://signalwire.com/docs/apis/error-codes"


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One problem with a request, as SignalWire reports it in ``errors``."""

    type: str
    code: str
    message: str
    attribute: str | None
    url: str = DOCS_URL


def validation_error(code: str, message: str, attribute: str | None) -> ErrorItem:
    """A problem with one field (or the body as a whole when ATTRIBUTE is None)."""
    return ErrorItem("validation_error", code, message, attribute)


def simple_error(status: int) -> bytes:
    """The ``{"error": ...}`` body for STATUS, worded as HTTP's reason phrase."""
    return json.dumps({"error": HTTPStatus(status).phrase}).encode()


def error_list(items: list[ErrorItem]) -> bytes:
    """The ``{"errors": [...]}`` body listing ITEMS."""
    return json.dumps({"errors": [asdict(item) for item in items]}).encode()


def request_error(code: str, message: str) -> bytes:
    """An ``errors`` body for a problem with the request as a whole, not with one field."""
    return error_list([ErrorItem("invalid_request_error", code, message, None)])


# Statuses whose body lists problems (``errors``); every other failure answers ``{"error"}``.
LIST_STATUSES = frozenset({400, 409, 413, 415, 422})


def error_body(status: int, code: str = "injected_fault") -> bytes:
    """The body SignalWire sends with a failure STATUS, in the shape that status takes."""
    if status in LIST_STATUSES:
        return request_error(code, HTTPStatus(status).phrase)
    return simple_error(status)
