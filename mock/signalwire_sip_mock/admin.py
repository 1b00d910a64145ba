"""Test controls under ``/__mock__/``, outside the public spec: a request journal and faults.

- ``GET /__mock__/`` lists these hooks.
- ``GET /__mock__/requests`` lists what arrived, oldest first, as ``JournalEntry`` objects
  (credentials redacted); ``DELETE`` clears it.
- ``POST /__mock__/faults`` with ``{"status": 503, "count": 2, "method": "GET",
  "path": "/api/fabric/resources/sip_endpoints", "retry_after": 1, "delay_ms": 0, "after": false}``
  makes the next COUNT matching requests fail with STATUS, any failure status from 400 to 599
  (or only wait DELAY_MS when STATUS is absent), with the error body SignalWire sends for that
  status. With ``"after": true`` the request is carried out first and only its answer is
  delayed or replaced: a write that happened but whose response was lost.
  ``GET`` lists faults, ``DELETE`` removes them.
- ``POST /__mock__/seed`` with ``{"count": 100000}`` stores that many synthetic credentials
  (in the first project, or ``"project": ID``) in one transaction: for load and paging tests.
- ``POST /__mock__/reset`` empties the store, the journal and the faults (every project gets
  its subscriber and resource back).
- ``/__mock__/subscribers`` and ``/__mock__/resources`` add, list and remove Fabric
  subscribers and resources (``fabric_hooks.py``).
- ``GET /__mock__/health`` answers 200 once the server serves.

``hooks.yaml`` (served as ``/openapi-hooks.yaml``, rendered on ``/docs/``) is their OpenAPI
document; fault and seed bodies are validated against it as the API's are against its spec.

Access (WireMock's admin auth is the model): open by default, for a mock on loopback; with a
hook token, every hook but ``health`` needs ``Authorization: Bearer TOKEN`` (401 otherwise);
closed (403, ``health`` only) for a mock that listens beyond loopback without a token.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

from .access import HookAccess as HookAccess
from .errors import request_error, simple_error
from .fabric_hooks import HOOKS as FABRIC_HOOKS
from .fabric_hooks import FabricHooks
from .journal import REDACTED as REDACTED
from .journal import SECRET_HEADERS as SECRET_HEADERS
from .journal import Journal as Journal
from .journal import JournalEntry as JournalEntry
from .limits import JOURNAL_BODY_BYTES, MAX_FAULTS
from .request import Answer, Headers, Receive, Scope, parse_json, read_body, valid_body
from .spec import body_problems, hook_operations

PREFIX = "/__mock__/"
# A fault may carry any failure status: the spec's own (401, 404, 422, 429, 500, 503 ...) and
# those a gateway in front of the API answers and the client retries (502, 504).
FAULT_STATUSES = range(400, 600)
HOOKS = {
    "requests": "GET: the request journal, oldest first; DELETE: clear it",
    "faults": "POST: add a fault; GET: list pending faults; DELETE: remove them",
    "seed": 'POST {"count": N}: store N synthetic credentials',
    "reset": "POST: empty the store, the journal and the faults",
    "health": "GET: 200 once the server serves",
}
# 1.x names of this module: the journal and its facts live in journal.py, access in access.py.
JOURNAL_BODY_LIMIT = JOURNAL_BODY_BYTES


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
        """A Fault from its JSON form; ValueError says what is wrong. Fields, types and bounds
        are the hooks document's (``Fault`` in hooks.yaml, the one place they are stated)."""
        found = body_problems(hook_operations()["add_fault"], data)
        if found:
            raise ValueError("; ".join(item.message for item in found))
        return cls.from_valid(data)

    @classmethod
    def from_valid(cls, data: dict[str, Any]) -> Fault:
        """A Fault from a body the hooks document accepts; ValueError for what no schema says."""
        fault = cls(**data)
        if fault.status is not None and not _is_http_status(fault.status):
            raise ValueError(
                "status must be a failure status with a reason phrase "
                f"(429, 500, 502, 503, 504 ...), not {fault.status}"
            )
        if fault.status is None and not fault.delay_ms:
            raise ValueError("give a status, a delay_ms, or both")
        if fault.method is not None:
            fault.method = fault.method.upper()
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
        if len(self._pending) >= MAX_FAULTS:
            raise ValueError(f"at most {MAX_FAULTS} faults may be pending; DELETE some first")
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


def _is_http_status(status: int) -> bool:
    """Whether STATUS has a reason phrase (the body of a fault is worded with it)."""
    try:
        HTTPStatus(status)
    except ValueError:
        return False
    return True


Reply = tuple[int, bytes, Headers]


class Controls:
    """The routes under PREFIX as a table, ``(method, name) -> handler``, over the mock's
    journal and faults, its store's reset and its seeding, behind its ACCESS rule."""

    def __init__(
        self,
        journal: Journal,
        faults: Faults,
        reset: Callable[[], None],
        seed: Callable[[Any], Awaitable[int] | int],
        access: HookAccess | None = None,
        can_match: Callable[[str | None, str | None], bool] | None = None,
        fabric: FabricHooks | None = None,
    ) -> None:
        self.journal, self.faults, self._reset, self._seed = journal, faults, reset, seed
        self.access = access or HookAccess()
        # Whether a fault's method and path can meet a request of the API (app: the spec's routes).
        self._can_match = can_match or (lambda method, path: True)
        self.routes: dict[tuple[str, str], Callable[[Scope, Receive], Awaitable[Reply]]] = {
            ("GET", ""): self.list_hooks,
            ("GET", "health"): self.health,
            ("GET", "requests"): self.requests,
            ("DELETE", "requests"): self.clear_requests,
            ("GET", "faults"): self.list_faults,
            ("POST", "faults"): self.add_fault,
            ("DELETE", "faults"): self.clear_faults,
            ("POST", "reset"): self.reset,
            ("POST", "seed"): self.seed,
        }
        # The subscriber and resource hooks (fabric_hooks.py), when the app has a Fabric.
        self.fabric = fabric
        if fabric is not None:
            self.routes |= fabric.routes()

    async def __call__(self, scope: Scope, receive: Receive) -> Reply:
        name = scope["path"][len(PREFIX) :].rstrip("/")
        handler = self.routes.get((scope["method"], name))
        if handler is None and self.fabric is not None:
            handler = self.fabric.removal(scope["method"], name)
        if handler is None:
            return 404, simple_error(404), []
        if name != "health":
            refused = self.access.refusal(scope["headers"])
            if refused is not None:
                return refused
        try:
            return await handler(scope, receive)
        except Answer as answer:
            return answer.status, answer.body, answer.headers

    async def list_hooks(self, scope: Scope, receive: Receive) -> Reply:
        hooks = HOOKS | FABRIC_HOOKS if self.fabric is not None else HOOKS
        return 200, json.dumps({"hooks": hooks}).encode(), []

    async def health(self, scope: Scope, receive: Receive) -> Reply:
        return 200, b'{"status":"ok"}', []

    async def requests(self, scope: Scope, receive: Receive) -> Reply:
        return 200, json.dumps({"requests": self.journal.as_json()}).encode(), []

    async def clear_requests(self, scope: Scope, receive: Receive) -> Reply:
        self.journal.clear()
        return 204, b"", []

    async def list_faults(self, scope: Scope, receive: Receive) -> Reply:
        return 200, json.dumps({"faults": self.faults.as_json()}).encode(), []

    async def add_fault(self, scope: Scope, receive: Receive) -> Reply:
        raw = await read_body(scope, receive)
        data = valid_body(hook_operations()["add_fault"], parse_json(raw), len(raw))
        try:
            fault = Fault.from_valid(data)
            if not self._can_match(fault.method, fault.path):
                raise ValueError(
                    f"no request of the API can match method {fault.method!r} and path "
                    f"{fault.path!r}: the fault would never be used"
                )
            self.faults.add(fault)
        except (TypeError, ValueError) as error:
            return 422, request_error("invalid_fault", str(error)), []
        return 201, json.dumps(fault.as_json()).encode(), []

    async def clear_faults(self, scope: Scope, receive: Receive) -> Reply:
        self.faults.clear()
        return 204, b"", []

    async def reset(self, scope: Scope, receive: Receive) -> Reply:
        self._reset()
        self.faults.clear()
        self.journal.clear()
        return 204, b"", []

    async def seed(self, scope: Scope, receive: Receive) -> Reply:
        raw = await read_body(scope, receive)
        data = valid_body(hook_operations()["seed"], parse_json(raw), len(raw))
        try:
            seeded = self._seed(data)
            if inspect.isawaitable(seeded):  # a 1.x Controls may be given a plain function
                seeded = await seeded
        except (TypeError, ValueError) as error:
            return 422, request_error("invalid_seed", str(error)), []
        return 201, json.dumps({"seeded": seeded}).encode(), []
