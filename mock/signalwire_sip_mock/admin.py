"""Test controls under ``/__mock__/``, outside the public spec: a request journal and faults.

- ``GET /__mock__/requests`` lists what arrived (``Authorization`` redacted); ``DELETE`` clears it.
- ``POST /__mock__/faults`` with ``{"status": 503, "count": 2, "method": "GET",
  "path": "/api/fabric/resources/sip_endpoints", "retry_after": 1, "delay_ms": 0, "after": false}``
  makes the next COUNT matching requests fail with STATUS (or only wait DELAY_MS when STATUS is
  absent). With ``"after": true`` the request is carried out first and only its answer is
  delayed or replaced: a write that happened but whose response was lost.
  ``GET`` lists faults, ``DELETE`` removes them.
- ``POST /__mock__/seed`` with ``{"count": 100000}`` stores that many synthetic credentials
  (in the first project, or ``"project": ID``) in one transaction: for load and paging tests.
- ``POST /__mock__/reset`` empties the store, the journal and the faults.
- ``GET /__mock__/health`` answers 200 once the server serves.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

PREFIX = "/__mock__/"
# Statuses a fault may inject: those the spec declares for every operation.
FAULT_STATUSES = frozenset({429, 500, 503})
JOURNAL_BODY_LIMIT = 64 * 1024
REDACTED = "[redacted]"
# Headers that carry credentials; the journal keeps their names, never their values.
SECRET_HEADERS = frozenset({b"authorization", b"proxy-authorization", b"cookie"})


@dataclass
class Fault:
    """Make the next COUNT requests that match METHOD and PATH (a prefix) fail or wait."""

    count: int = 1
    status: int | None = None
    method: str | None = None
    path: str | None = None
    retry_after: int | None = None
    delay_ms: int = 0
    after: bool = False

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path is None or path.startswith(self.path)
        )

    @classmethod
    def parse(cls, data: Any) -> Fault:
        """A Fault from its JSON form; ValueError says what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("a fault is a JSON object")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        fault = cls(**data)
        if not (isinstance(fault.count, int) and fault.count >= 1):
            raise ValueError("count must be a positive integer")
        if fault.status is not None and fault.status not in FAULT_STATUSES:
            raise ValueError(f"status must be one of {sorted(FAULT_STATUSES)}")
        if fault.status is None and not fault.delay_ms:
            raise ValueError("give a status, a delay_ms, or both")
        if not (isinstance(fault.delay_ms, int) and 0 <= fault.delay_ms <= 60_000):
            raise ValueError("delay_ms must be an integer from 0 to 60000")
        if fault.retry_after is not None and not (
            isinstance(fault.retry_after, int) and fault.retry_after >= 0
        ):
            raise ValueError("retry_after must be a non-negative integer")
        if not isinstance(fault.after, bool):
            raise ValueError("after must be true or false")
        if fault.method is not None:
            fault.method = str(fault.method).upper()
        return fault

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    """Pending faults, consumed in the order they were added."""

    def __init__(self) -> None:
        self._pending: list[Fault] = []

    def __bool__(self) -> bool:
        return bool(self._pending)

    def add(self, fault: Fault) -> None:
        self._pending.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        for fault in self._pending:
            if fault.matches(method, path):
                fault.count -= 1
                if fault.count == 0:
                    self._pending.remove(fault)
                return fault
        return None

    def clear(self) -> None:
        self._pending.clear()

    def as_json(self) -> list[dict[str, Any]]:
        return [f.as_json() for f in self._pending]


class Journal:
    """The most recent requests, newest last. Entries are kept as received and rendered (with
    credentials redacted) only when asked for, so recording costs the hot path next to nothing."""

    def __init__(self, limit: int = 10_000) -> None:
        self._entries: deque[tuple[str, str, str, bytes, list[tuple[bytes, bytes]], bytes, int]]
        self._entries = deque(maxlen=limit)

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
        self._entries.append((request_id, method, path, query, headers, body, status))

    def clear(self) -> None:
        self._entries.clear()

    def as_json(self) -> list[dict[str, Any]]:
        return [
            {
                "request_id": request_id,
                "method": method,
                "path": path,
                "query": query.decode("latin-1"),
                "headers": {
                    k.decode("latin-1"): REDACTED if k in SECRET_HEADERS else v.decode("latin-1")
                    for k, v in headers
                },
                "body": body[:JOURNAL_BODY_LIMIT].decode("utf-8", "replace"),
                "status": status,
            }
            for request_id, method, path, query, headers, body, status in self._entries
        ]
