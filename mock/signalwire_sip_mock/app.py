"""The mock SIP credential API as an ASGI application: the framing around its pipeline.

A request to the API goes through, in order (one module per stage):

1. ``request``: route (404/405), injected fault (``admin.Faults``), HTTP Basic auth (401),
   path parameters (404), query parameters (422), body media type (415), size (413), JSON
   syntax (400), the operation's request schema (422);
2. ``handlers``: the operation over the store (404, 409, the update's stored-handler 422);
3. here: the answer with ``X-Request-Id``, the journal entry and the log line.

``/__mock__/`` goes to the test controls (``admin.Controls``), ``/docs/`` and ``/openapi.*`` to
the public pages (``docs``). Nothing a client sends can make it answer 5xx.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from collections.abc import Mapping
from typing import Any

from . import admin, docs, request
from .errors import error_body, simple_error
from .fabric_hooks import FabricHooks
from .handlers import DEFAULT_PAGE_SIZE as DEFAULT_PAGE_SIZE
from .handlers import Call, Resources
from .limits import MAX_BODY_BYTES as MAX_BODY_BYTES
from .origin import SCOPE_KEY as ORIGIN_KEY
from .origin import public_origin
from .project import Project
from .request import Answer, Headers, Receive, Scope, Send
from .request import Answer as Response
from .request import Message as Message
from .spec import Route, build_routes, fault_can_match, load_spec
from .store import Store

__all__ = ["MockApp", "Project", "create_app"]
# DEFAULT_PAGE_SIZE, MAX_BODY_BYTES, Message and Response (the exception, ``request.Answer``
# now: ``Response`` read like a result) are names this module had before the pipeline was
# split into stages; they stay importable from here for 1.x.
_KEPT_FOR_1X = (Response,)


log = logging.getLogger("signalwire_sip_mock")

_JSON = (b"content-type", b"application/json")


class MockApp:
    """The ASGI callable: SignalWire's SIP credential API over a Store, driven by the spec."""

    def __init__(
        self,
        projects: list[Project],
        store: Store | None = None,
        spec: Mapping[str, Any] | None = None,
        hooks: admin.HookAccess | None = None,
        shape: str = "flat",
        public_url: str | None = None,
    ):
        if not projects:
            raise ValueError("the mock needs at least one project")
        self.projects = {p.id: p.token for p in projects}
        #: ``scheme://host`` list links name whatever the request says (``--public-url``).
        self.public_origin = public_origin(public_url, "public_url") if public_url else None
        self.store = store or Store()
        self.spec = spec or load_spec()
        self.routes: list[Route] = build_routes(self.spec)
        self.resources = Resources(self.store, self.spec, list(self.projects), shape)
        self.resource_fields = self.resources.fields
        self.faults = admin.Faults()
        self.journal = admin.Journal()
        self.controls = admin.Controls(
            self.journal,
            self.faults,
            reset=self.resources.reset,
            seed=lambda data: self.resources.seed_yielding(data, list(self.projects)),
            access=hooks,
            can_match=lambda method, path: fault_can_match(self.routes, method, path),
            fabric=FabricHooks(self.resources.fabric),
        )
        self._authenticate = request.Authenticator(self.projects.items())
        self._ids = itertools.count(1)
        self._id_prefix = os.urandom(4).hex()
        declared = {op.operation_id for r in self.routes for op in r.operations.values()}
        missing = declared - set(self.resources.handlers)
        if missing:
            raise ValueError(
                f"the spec declares operations the mock cannot serve: {sorted(missing)}"
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        request_id = f"{self._id_prefix}{next(self._ids):08x}"
        method: str = scope["method"]
        path: str = scope["path"]
        if path.startswith(admin.PREFIX):
            status, payload, headers = await self.controls(scope, receive)
        elif docs.is_public_page(path):
            status, payload, headers = docs.public_page(method, path)
        else:
            status, payload, headers = await self._answer(scope, receive, request_id)
            # Only requests of a project are kept: what anyone else sends costs no memory.
            if scope.get("mock.project") is not None:
                self.journal.record(
                    request_id,
                    method,
                    path,
                    scope.get("query_string", b""),
                    scope["headers"],
                    scope.get("mock.body", b""),
                    status,
                )
        await _send(send, status, payload, [(b"x-request-id", request_id.encode()), *headers])
        if log.isEnabledFor(logging.INFO):
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1fms id=%s", method, path, status, elapsed, request_id)

    async def _answer(
        self, scope: Scope, receive: Receive, request_id: str
    ) -> tuple[int, bytes, Headers]:
        try:
            status, payload = await self._serve(scope, receive)
        except Answer as answer:
            return answer.status, answer.body, answer.headers
        except Exception:
            log.exception("request %s failed", request_id)
            return 500, simple_error(500), []
        return status, payload, []

    async def _serve(self, scope: Scope, receive: Receive) -> tuple[int, bytes]:
        """The API pipeline: the request checks, then the operation's handler."""
        method, path = scope["method"], scope["path"]
        matched = request.route(self.routes, method, path)
        fault = self.faults.take(method, path) if self.faults else None
        if fault is not None and not fault.after:
            # The journal keeps what was sent even when the fault answers in its place.
            scope["mock.project"] = self._authenticate.identify(scope["headers"])
            await request.drain_body(scope, receive)
            await _apply(fault)
        operation = matched.operation
        scope["mock.project"] = project = self._authenticate(scope["headers"])
        path_params = request.path_parameters(matched)
        query = request.query(operation, scope.get("query_string", b""))
        body = None
        if operation.body_validator is not None:
            raw = await request.read_body(scope, receive)
            body = request.valid_body(operation, request.parse_json(raw), len(raw))
        if self.public_origin:
            scope[ORIGIN_KEY] = self.public_origin
        call = Call(project, path_params, query, body, scope)
        answer = self.resources.handlers[operation.operation_id](call)
        if fault is not None and fault.after:
            await _apply(fault)
        return answer

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.store.close()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _send(send: Send, status: int, payload: bytes, head: Headers) -> None:
    if payload:
        if len(head) == 1 or all(k != b"content-type" for k, _ in head):  # 1: the request id
            head.append(_JSON)
        head.append((b"content-length", str(len(payload)).encode()))
    elif status != 204:
        head.append((b"content-length", b"0"))
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": payload})


async def _apply(fault: admin.Fault) -> None:
    """Wait as the fault says, then answer with its status if it has one."""
    if fault.delay_ms:
        await asyncio.sleep(fault.delay_ms / 1000)
    if fault.status is not None:
        headers = []
        if fault.retry_after is not None:
            headers.append((b"retry-after", str(fault.retry_after).encode()))
        raise Answer(fault.status, error_body(fault.status), headers)


def create_app(
    projects: list[Project],
    db: str | None = None,
    hooks: admin.HookAccess | None = None,
    shape: str = "flat",
    public_url: str | None = None,
) -> MockApp:
    """The mock application serving PROJECTS, storing in DB (a file) or in memory, its test
    hooks open to HOOKS (default: anyone, as for a mock on loopback), its credentials answered
    in SHAPE (``flat``, the seed's, or ``fabric``, production's as observed), its list links
    naming PUBLIC_URL's scheme and host when given (a front the mock runs behind)."""
    return MockApp(projects, Store(db), hooks=hooks, shape=shape, public_url=public_url)
