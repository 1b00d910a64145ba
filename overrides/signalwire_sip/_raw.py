"""Raw-response access, in openai-python's form (#26): ``client.with_raw_response.get(id)``
returns a ``RawResponse`` with the answer's status, headers and request id, and ``parse()``
for what ``client.get(id)`` returns. Errors raise as they always do.

How: the operation runs as usual, and ``_send`` hands every answer it reads to the capture
opened around the call (a context variable, so concurrent calls of one client, threads or
tasks, each see their own). The last answer is the operation's (a create recognised after a
lost answer ends with the read that found it).

The httpx response itself is not exposed: its request carries the ``Authorization`` header,
and nothing this package hands out holds the token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Generic, TypeVar

import httpx

T = TypeVar("T")

_CAPTURE: ContextVar[list[httpx.Response] | None] = ContextVar("signalwire_sip_raw", default=None)

#: What an operation of the async client returns (an awaitable of T), and of the sync one (T):
#: ``scripts/make_sync.py`` turns the first name into the second.
_AsyncResult = Awaitable
_SyncResult = Annotated[T, "returned as it is"]


def captured(response: httpx.Response) -> None:
    """Hand RESPONSE (an answer read whole) to the capture of the call it belongs to, if any."""
    seen = _CAPTURE.get()
    if seen is not None:
        seen.append(response)


@contextmanager
def capturing() -> Iterator[list[httpx.Response]]:
    """The answers read within the block, in order."""
    seen: list[httpx.Response] = []
    token = _CAPTURE.set(seen)
    try:
        yield seen
    finally:
        _CAPTURE.reset(token)


class RawResponse(Generic[T]):
    """One operation's answer as it came: ``status_code``, ``headers``, ``request_id``,
    ``method``, ``url``, ``content``; ``parse()`` is what the operation itself returns."""

    def __init__(self, response: httpx.Response, parsed: T) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = response.headers.get("x-request-id")
        self.method = response.request.method
        self.url = str(response.request.url)
        self.content = response.content
        self._parsed = parsed

    def parse(self) -> T:
        """The operation's own result (a model, a page, or None for a delete)."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.method} {self.url}>"
