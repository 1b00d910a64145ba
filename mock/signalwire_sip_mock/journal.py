"""The request journal of the test hooks (``GET /__mock__/requests``): what arrived, bounded
in entries and bytes, rendered with credentials redacted only when asked for."""

from __future__ import annotations

import json
import sys
from collections import deque
from typing import Any, TypedDict

from .limits import JOURNAL_BODY_BYTES, JOURNAL_BYTES, JOURNAL_ENTRIES
from .request import json_problem

REDACTED = "[redacted]"
# Headers that carry credentials; the journal keeps their names, never their values.
SECRET_HEADERS = frozenset({b"authorization", b"proxy-authorization", b"cookie"})
# Body fields that carry secrets (the spec's writeOnly `password`): kept as REDACTED.
SECRET_FIELDS = frozenset({"password"})
# What an entry and each header cost in memory beyond their bytes (CPython's objects: a tuple
# of two bytes objects and the pointer to it). Counted, so the journal's bound is its memory:
# counting only the bytes let 5,500 requests of 3,900 empty headers hold 1.9 GB (#23).
ENTRY_OVERHEAD = sys.getsizeof((0,) * 7) + 4 * sys.getsizeof(b"") + 2 * sys.getsizeof("")
HEADER_OVERHEAD = sys.getsizeof((b"", b"")) + 2 * sys.getsizeof(b"") + 8


def without_secrets(body: bytes) -> bytes:
    """BODY with the value of every secret field, at any depth, replaced by REDACTED; a body
    that may name one (the word, or a JSON escape that could spell it) but is not JSON is
    kept as REDACTED whole. Done as the entry is recorded: the secret is never held."""
    if b"password" not in body and b"\\u" not in body:
        return body
    try:
        document = json.loads(body)
        if not _redact(document):
            return body
        # surrogatepass: an escaped lone surrogate must not make the redaction raise (a 500).
        return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except Exception:  # redaction is total: whatever it cannot read stays hidden
        return REDACTED.encode()


def _redact(node: Any) -> bool:
    """Replace secret values inside NODE in place; whether there was one."""
    found = False
    if isinstance(node, dict):
        for name, value in node.items():
            if name in SECRET_FIELDS:
                node[name], found = REDACTED, True
            else:
                found = _redact(value) or found
    elif isinstance(node, list):
        for value in node:
            found = _redact(value) or found
    return found


class JournalEntry(TypedDict):
    """One request as the mock received it (``GET /__mock__/requests``, ``RunningMock.requests()``).

    ``body`` is the text sent (at most 64 KiB, decoded as UTF-8), ``json`` the same body parsed
    (None when it is empty or not JSON); both are kept for requests an injected fault answered.
    ``headers`` hold names in lower case; credentials (Authorization, Cookie ...) read
    ``[redacted]``. ``status`` is the status the mock answered with.
    """

    request_id: str
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: str
    json: Any
    status: int


def _parsed(raw: bytes, text: str) -> Any:
    """TEXT as JSON, or None: empty, not JSON, or what the API would refuse (too deep ...)."""
    if not text.strip():
        return None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return None if json_problem(raw, document) else document


class Journal:
    """The most recent requests, newest last: at most LIMIT entries and JOURNAL_BYTES of them
    (the oldest go first), each body cut at JOURNAL_BODY_BYTES. Entries are kept as received and
    rendered (with credentials redacted) only when asked for, so recording costs the hot path
    next to nothing."""

    def __init__(self, limit: int = JOURNAL_ENTRIES, max_bytes: int = JOURNAL_BYTES) -> None:
        self._entries: deque[
            tuple[str, str, str, bytes, tuple[tuple[bytes, bytes], ...], bytes, int]
        ]
        self._entries = deque()
        self._sizes: deque[int] = deque()
        self._limit, self._max_bytes, self._bytes = limit, max_bytes, 0

    def record(
        self,
        request_id: str,
        method: str,
        path: str,
        query: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        status: int,
    ) -> None:
        body = without_secrets(body)[:JOURNAL_BODY_BYTES]
        size = ENTRY_OVERHEAD + len(path) + len(query) + len(body)
        size += sum(HEADER_OVERHEAD + len(k) + len(v) for k, v in headers)
        # A tuple of tuples of bytes, not the server's own list: the entry holds no reference
        # into the request, and the garbage collector can stop tracking it (a list is always
        # tracked). Its effect on throughput measured within the noise of wrk's rounds.
        self._entries.append((request_id, method, path, query, tuple(headers), body, status))
        self._sizes.append(size)
        self._bytes += size
        while len(self._entries) > self._limit or self._bytes > self._max_bytes:
            self._entries.popleft()
            self._bytes -= self._sizes.popleft()

    @property
    def size(self) -> int:
        """The bytes the entries hold (paths, queries, headers, bodies, and their objects)."""
        return self._bytes

    def clear(self) -> None:
        self._entries.clear()
        self._sizes.clear()
        self._bytes = 0

    def as_json(self) -> list[JournalEntry]:
        entries = []
        for request_id, method, path, query, headers, raw, status in self._entries:
            body = raw.decode("utf-8", "replace")
            entries.append(
                JournalEntry(
                    request_id=request_id,
                    method=method,
                    path=path,
                    query=query.decode("latin-1"),
                    headers={
                        k.decode("latin-1"): REDACTED
                        if k in SECRET_HEADERS
                        else v.decode("latin-1")
                        for k, v in headers
                    },
                    body=body,
                    json=_parsed(raw, body),
                    status=status,
                )
            )
        return entries
