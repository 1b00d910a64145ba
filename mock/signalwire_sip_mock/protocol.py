"""The mock's HTTP/1.1 connection: uvicorn's httptools protocol with the limits a server in
front of an API would set, so a client cannot hold memory or a connection without bound.

- The request line past MAX_REQUEST_LINE_BYTES: 414; the head past MAX_HEAD_BYTES, counted as
  bytes arrive (before httptools accumulates a header, which it does without a limit): 431.
- A connection that sends no request, or a request whose head and body do not arrive within
  the read timeout: 408, and the connection is closed (uvicorn has no such timer; its
  keep-alive timer only runs between requests).
- What uvicorn answers as plain text (a request httptools cannot parse) carries SignalWire's
  error body instead.

Each answer here closes the connection: after a refused head nothing else on it can be read.
"""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import request_error, simple_error
from .limits import MAX_HEAD_BYTES, MAX_REQUEST_LINE_BYTES, Timeouts


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def _answer(status: int) -> bytes:
    if status == 400:
        body = request_error("malformed_request", "The request is not valid HTTP/1.1.")
    else:
        body = simple_error(status)
    reason = HTTPStatus(status).phrase.encode()
    head = b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\n" % (status, reason)
    return head + b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body)


class _CoalescingTransport:
    """A transport that sends a response's head and body in one write: uvicorn writes the head
    on ``http.response.start`` and the body on ``http.response.body``, two system calls (and
    two TCP segments) per answer. The head is held until the body follows (in the same turn
    of the event loop, as the mock sends them) or the loop turns; everything else is the
    transport's own."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport, self._loop = transport, loop
        self._held: bytes | None = None
        self._flush_handle: asyncio.Handle | None = None

    def write(self, data: bytes) -> None:
        if self._held is None:
            self._held = data
            self._flush_handle = self._loop.call_soon(self.flush)
            return
        held, self._held = self._held, None
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        self._transport.write(held + data)

    def flush(self) -> None:
        self._flush_handle = None
        if self._held is not None:
            held, self._held = self._held, None
            self._transport.write(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` with a head-size limit, a URL limit and a read timeout."""

    timeouts = Timeouts()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0
        self._in_head = self._large_chunk = False
        # When the request being received must be in (None between requests), and the one
        # timer per connection that watches it: per request only a float is set, not a timer.
        self._deadline: float | None = None
        self._watch: asyncio.TimerHandle | None = None

    @classmethod
    def with_timeouts(cls, timeouts: Timeouts) -> type[GuardedHttpToolsProtocol]:
        """This protocol with other TIMEOUTS (uvicorn takes a class, and makes one per connection)."""
        return type(cls.__name__, (cls,), {"timeouts": timeouts})

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(_CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]
        self._deadline = self.loop.time() + self.timeouts.read
        self._watch = self.loop.call_at(self._deadline, self._check)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_watching()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self._unset_keepalive_if_required()
        continuing = self._in_head
        self._large_chunk = len(data) > MAX_HEAD_BYTES
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self.refuse(400)  # the mock speaks no WebSocket, nor any other upgrade
        except httptools.HttpParserError as error:
            cause = error.__context__
            self.refuse(cause.status if isinstance(cause, _Refused) else 400)
            return
        # A head spread over chunks is counted as they come (a chunk in which a head starts
        # is left to on_headers_complete: it may hold the end of the request before).
        if continuing and self._in_head:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES:
                self.refuse(431)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head, self._head_bytes = True, 0
        self._deadline = self.loop.time() + self.timeouts.read

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > MAX_REQUEST_LINE_BYTES:
            raise _Refused(414)

    def on_headers_complete(self) -> None:
        self._in_head = False
        # A head that ended in a chunk no larger than the limit is within it (the chunks before
        # were counted as they came); only a large chunk needs the head measured.
        if self._large_chunk or self._head_bytes:
            size = len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)
            if size > MAX_HEAD_BYTES:
                raise _Refused(431)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._deadline = None
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        self.refuse(400)

    def refuse(self, status: int) -> None:
        """Answer STATUS with SignalWire's body and close: nothing more is read on this connection."""
        self._stop_watching()
        if not self.transport.is_closing():
            self.transport.write(_answer(status))
            self.transport.close()

    def _check(self) -> None:
        """The watch: time the request out once its deadline passed, else look again then."""
        now, deadline = self.loop.time(), self._deadline
        if deadline is None or deadline > now:
            self._watch = self.loop.call_at(deadline or now + self.timeouts.read, self._check)
            return
        self._watch = None
        receiving = self._in_head or (self.cycle is not None and not self.cycle.response_started)
        if receiving:
            self.refuse(408)
        else:  # a connection that never sent a byte is closed without a word, as nginx does
            self.transport.close()

    def _stop_watching(self) -> None:
        self._deadline = None
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
