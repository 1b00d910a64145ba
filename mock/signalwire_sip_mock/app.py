"""The mock SIP credential API as an ASGI application.

Request handling, in order: route (404 for unknown paths, 405 with ``Allow`` for methods the
spec does not declare), injected faults, HTTP Basic auth (401), path parameters (404 when not
a uuid), query parameters (422), body media type (415), size (413), JSON syntax (400), the
operation's request schema (422), then the store (404, 409). Every response carries
``X-Request-Id``; nothing a client sends can make it answer 5xx.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hmac
import itertools
import json
import logging
import os
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from . import admin, docs
from .errors import (
    ErrorItem,
    error_body,
    error_list,
    request_error,
    simple_error,
    validation_error,
)
from .spec import Operation, Route, body_problems, build_routes, load_spec, parameter_problem
from .store import Conflict, Store

log = logging.getLogger("signalwire_sip_mock")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_BODY_BYTES = 1024 * 1024
DEFAULT_PAGE_SIZE = 50
_JSON = (b"content-type", b"application/json")
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
# Stored credentials carry every field of the response; those the create body has no say in
# start as null (inbound routing is configured elsewhere).
_RESPONSE_ONLY = {"type": "sip_endpoint"}


@dataclass(frozen=True)
class Project:
    """A project the mock knows: its id (the Basic username) and API token (the password)."""

    id: str
    token: str = field(repr=False)

    @classmethod
    def parse(cls, text: str) -> Project:
        """A Project from ``PROJECT_ID:TOKEN``."""
        project_id, sep, token = text.partition(":")
        if not sep or not project_id or not token:
            raise ValueError("a project is given as PROJECT_ID:TOKEN")
        return cls(project_id, token)


class Response(Exception):
    """Raised to answer at once with STATUS, BODY and extra HEADERS."""

    def __init__(
        self, status: int, body: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None
    ):
        self.status, self.body, self.headers = status, body, headers or []


def _problems(status: int, items: list[ErrorItem]) -> Response:
    return Response(status, error_list(items))


class MockApp:
    """The ASGI callable: SignalWire's SIP credential API over a Store, driven by the spec."""

    def __init__(
        self,
        projects: list[Project],
        store: Store | None = None,
        spec: Mapping[str, Any] | None = None,
    ):
        if not projects:
            raise ValueError("the mock needs at least one project")
        self.projects = {p.id: p.token for p in projects}
        self._basic_headers = [
            (p.id, b"Basic " + base64.b64encode(f"{p.id}:{p.token}".encode())) for p in projects
        ]
        self.store = store or Store()
        self.spec = spec or load_spec()
        self.routes: list[Route] = build_routes(self.spec)
        self.resource_fields = self._response_fields()
        self._needs_uuid, self._needs_null = _rule_messages(self.spec)
        # A new credential: every response field null, then what the create body says.
        self._blank: dict[str, Any] = dict.fromkeys(self.resource_fields) | _RESPONSE_ONLY
        self.faults = admin.Faults()
        self.journal = admin.Journal()
        self._ids = itertools.count(1)
        self._id_prefix = os.urandom(4).hex()
        self._handlers: dict[str, Callable[..., Awaitable[tuple[int, bytes]]]] = {
            "list_sip_credentials": self._list,
            "create_sip_credential": self._create,
            "get_sip_credential": self._get,
            "update_sip_credential": self._update,
            "delete_sip_credential": self._delete,
        }
        missing = {op.operation_id for r in self.routes for op in r.operations.values()} - set(
            self._handlers
        )
        if missing:
            raise ValueError(
                f"the spec declares operations the mock cannot serve: {sorted(missing)}"
            )

    def _response_fields(self) -> tuple[str, ...]:
        schema = self.spec["components"]["schemas"]["SipCredential"]
        return tuple(schema["properties"])

    # ASGI entry point -----------------------------------------------------------------

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
            status, payload, headers = await self._admin(scope, receive)
        elif _is_public_page(path):
            status, payload, headers = _public_page(method, path)
        else:
            try:
                status, payload = await self._serve(scope, receive, method, path)
                headers = []
            except Response as answer:
                status, payload, headers = answer.status, answer.body, answer.headers
            except Exception:
                log.exception("request %s failed", request_id)
                status, payload, headers = 500, simple_error(500), []
            self.journal.record(
                request_id,
                method,
                path,
                scope.get("query_string", b""),
                scope["headers"],
                scope.get("mock.body", b""),
                status,
            )
        head = [(b"x-request-id", request_id.encode()), *headers]
        if payload:
            if not headers or all(k != b"content-type" for k, _ in headers):
                head.append(_JSON)
            head.append((b"content-length", str(len(payload)).encode()))
        elif status != 204:
            head.append((b"content-length", b"0"))
        await send({"type": "http.response.start", "status": status, "headers": head})
        await send({"type": "http.response.body", "body": payload})
        if log.isEnabledFor(logging.INFO):
            log.info(
                "%s %s %d %.1fms id=%s",
                method,
                path,
                status,
                (time.perf_counter() - started) * 1000,
                request_id,
            )

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.store.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    # The public API -------------------------------------------------------------------

    async def _serve(
        self, scope: Scope, receive: Receive, method: str, path: str
    ) -> tuple[int, bytes]:
        route, match = self._route(path)
        operation = route.operations.get(method)
        if operation is None:
            raise Response(405, simple_error(405), [(b"allow", route.allow.encode())])
        fault = self.faults.take(method, path) if self.faults else None
        if fault is not None and not fault.after:
            # The journal keeps what was sent even when the fault answers in its place.
            await self._drain_body(scope, receive)
            await _apply(fault)
        project = self._authenticate(scope["headers"])
        path_params = {}
        for parameter in operation.path_parameters():
            value, problem = parameter_problem(parameter, match[parameter.name])
            if problem:
                raise Response(404, simple_error(404))
            path_params[parameter.name] = value
        query = self._query(operation, scope.get("query_string", b""))
        body = None
        if operation.body_validator is not None:
            body = self._parse_json(await self._read_body(scope, receive))
            problems = body_problems(operation, body)
            if problems:
                raise _problems(422, problems)
        answer = await self._handlers[operation.operation_id](
            scope=scope, project=project, body=body, query=query, **path_params
        )
        if fault is not None and fault.after:
            await _apply(fault)
        return answer

    def _route(self, path: str) -> tuple[Route, dict[str, str]]:
        for route in self.routes:
            match = route.pattern.match(path)
            if match:
                return route, match.groupdict()
        raise Response(404, simple_error(404))

    def _authenticate(self, headers: list[tuple[bytes, bytes]]) -> str:
        """The project the Basic credentials name, compared in constant time; else 401."""
        value = next((v for k, v in headers if k == b"authorization"), b"")
        # The usual spelling first: the whole header against each project's, in constant time.
        for project_id, expected_header in self._basic_headers:
            if hmac.compare_digest(value, expected_header):
                return project_id
        scheme, _, encoded = value.partition(b" ")
        project_id = token = ""
        if scheme.lower() == b"basic":
            try:
                decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
                project_id, _, token = decoded.partition(":")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                pass
        expected = self.projects.get(project_id)
        # Compare against something even for an unknown project, so timing tells nothing.
        ok = hmac.compare_digest(token.encode(), (expected or "\x00" * 32).encode())
        if expected is None or not ok:
            raise Response(
                401, simple_error(401), [(b"www-authenticate", b'Basic realm="SignalWire"')]
            )
        return project_id

    def _query(self, operation: Operation, query_string: bytes) -> dict[str, Any]:
        pairs = (
            parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
            if query_string
            else []
        )
        given: dict[str, str] = {}
        for key, value in pairs:
            given.setdefault(key, value)
        values: dict[str, Any] = {}
        known = operation.query_names
        problems = [
            validation_error("invalid_parameter", f"{name} is not a known parameter", name)
            for name in given
            if name not in known
        ]
        for parameter in operation.query_parameters():
            if parameter.name in given:
                value, problem = parameter_problem(parameter, given[parameter.name])
                if problem:
                    problems.append(problem)
                values[parameter.name] = value
            elif parameter.required:
                message = f"{parameter.name} is required"
                problems.append(
                    validation_error("missing_required_parameter", message, parameter.name)
                )
        if problems:
            raise _problems(422, problems)
        return values

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        headers = dict(scope["headers"])
        media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if media_type != b"application/json":
            raise Response(
                415, request_error("unsupported_media_type", "Send the body as application/json.")
            )
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            raise _too_large()
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Response(
                    400, request_error("incomplete_body", "The request body ended early.")
                )
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise _too_large()
            chunks.append(chunk)
            if not message.get("more_body"):
                scope["mock.body"] = body = b"".join(chunks)
                return body

    async def _drain_body(self, scope: Scope, receive: Receive) -> None:
        """Read the body (up to MAX_BODY_BYTES) for the journal only, whatever it holds."""
        chunks, size, more = [], 0, True
        while more and size <= MAX_BODY_BYTES:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        scope["mock.body"] = b"".join(chunks)

    @staticmethod
    def _parse_json(raw: bytes) -> Any:
        if not raw.strip():
            raise Response(
                400, request_error("missing_request_body", "The request needs a JSON body.")
            )
        try:
            return _DECODER.decode(raw.decode(json.detect_encoding(raw), "surrogatepass"))
        except (ValueError, RecursionError):
            raise Response(
                400, request_error("malformed_json", "The request body is not valid JSON.")
            ) from None

    # Operations -----------------------------------------------------------------------

    async def _create(self, *, project: str, body: dict[str, Any], **_: Any) -> tuple[int, bytes]:
        document = self._blank | body
        encoded = _ENCODER.encode(document)
        try:
            self.store.insert(project, body["id"], _key(body["username"]), encoded)
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 200, encoded.encode()

    async def _get(self, *, project: str, id: str, **_: Any) -> tuple[int, bytes]:
        document = self.store.get(project, id)
        if document is None:
            raise Response(404, simple_error(404))
        return 200, document.encode()

    async def _update(
        self, *, project: str, id: str, body: dict[str, Any], **_: Any
    ) -> tuple[int, bytes]:
        stored = self.store.get(project, id)
        if stored is None:
            raise Response(404, simple_error(404))
        before = json.loads(stored)
        document = before | body
        if "call_handler" in body:
            # A body that sets the handler sets its resource id as well, absent meaning null.
            # The spec's schema already decided that the pair is valid.
            document["calling_handler_resource_id"] = body.get("calling_handler_resource_id")
        elif "calling_handler_resource_id" in body:
            # A resource id alone (SignalWire's own update shape) must fit the stored handler.
            self._check_stored_handler(before["call_handler"], body["calling_handler_resource_id"])
        encoded = _ENCODER.encode(document)
        try:
            self.store.replace(project, id, _key(document["username"]), encoded)
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 200, encoded.encode()

    def _check_stored_handler(self, handler: Any, resource_id: Any) -> None:
        """422 unless RESOURCE_ID, sent without a handler, keeps the rule with the stored HANDLER."""
        if handler == "resource" and resource_id is None:
            message = f"{self._needs_uuid} (the stored call_handler)"
        elif handler != "resource" and resource_id is not None:
            message = f"{self._needs_null} (the stored call_handler is {handler!r})"
        else:
            return
        item = validation_error("invalid_parameter_value", message, "calling_handler_resource_id")
        raise _problems(422, [item])

    async def _delete(self, *, project: str, id: str, **_: Any) -> tuple[int, bytes]:
        if not self.store.delete(project, id):
            raise Response(404, simple_error(404))
        return 204, b""

    async def _list(
        self, *, scope: Scope, project: str, query: dict[str, Any], **_: Any
    ) -> tuple[int, bytes]:
        size = query.get("page_size", DEFAULT_PAGE_SIZE)
        number = query.get("page_number", 0)
        token = query.get("page_token")
        after = before = None
        if token is not None:
            position = int(token[2:], 16)
            if token[1] == "A":
                after = position
            else:
                before = position
        page = self.store.page(project, size, after=after, before=before)
        base = _base_url(scope)

        def link(page_number: int, page_token: str | None) -> str:
            params: dict[str, Any] = {"page_number": max(page_number, 0), "page_size": size}
            if page_token:
                params["page_token"] = page_token
            return f"{base}?{urlencode(params)}"

        links = {"self": link(number, token), "first": link(0, None)}
        if page.has_next:
            cursor = page.last_seq if page.last_seq is not None else (before or 1) - 1
            links["next"] = link(number + 1, f"PA{cursor:016x}")
        if page.has_prev:
            cursor = page.first_seq if page.first_seq is not None else (after or 0) + 1
            links["prev"] = link(number - 1, f"PB{cursor:016x}")
        payload = (
            b'{"data":['
            + ",".join(page.documents).encode()
            + b'],"links":'
            + json.dumps(links).encode()
            + b"}"
        )
        return 200, payload

    # Test controls --------------------------------------------------------------------

    def _seed(self, data: Any) -> int:
        """Store COUNT synthetic credentials in PROJECT (default: the first) in one transaction."""
        if not isinstance(data, dict) or set(data) - {"count", "project"}:
            raise ValueError('seed takes {"count": N, "project": "ID"}')
        count, project = data.get("count"), data.get("project", next(iter(self.projects)))
        if not isinstance(count, int) or not 1 <= count <= 1_000_000:
            raise ValueError("count must be an integer from 1 to 1000000")
        if project not in self.projects:
            raise ValueError("unknown project")
        rows = [(project, *row) for row in _seed_documents(count, list(self.resource_fields))]
        self.store.bulk_insert(rows)
        return count

    async def _admin(
        self, scope: Scope, receive: Receive
    ) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
        method, name = scope["method"], scope["path"][len(admin.PREFIX) :].rstrip("/")
        if (method, name) == ("GET", ""):
            return 200, json.dumps({"hooks": admin.HOOKS}).encode(), []
        if (method, name) == ("GET", "health"):
            return 200, b'{"status":"ok"}', []
        if (method, name) == ("GET", "requests"):
            return 200, json.dumps({"requests": self.journal.as_json()}).encode(), []
        if (method, name) == ("DELETE", "requests"):
            self.journal.clear()
            return 204, b"", []
        if (method, name) == ("GET", "faults"):
            return 200, json.dumps({"faults": self.faults.as_json()}).encode(), []
        if (method, name) == ("DELETE", "faults"):
            self.faults.clear()
            return 204, b"", []
        if (method, name) == ("POST", "reset"):
            self.store.reset()
            self.faults.clear()
            self.journal.clear()
            return 204, b"", []
        if (method, name) == ("POST", "seed"):
            try:
                raw = await self._read_body(scope, receive)
                seeded = self._seed(self._parse_json(raw))
            except Response as answer:
                return answer.status, answer.body, answer.headers
            except (TypeError, ValueError) as error:
                return 422, request_error("invalid_seed", str(error)), []
            return 201, json.dumps({"seeded": seeded}).encode(), []
        if (method, name) == ("POST", "faults"):
            try:
                raw = await self._read_body(scope, receive)
                fault = admin.Fault.parse(self._parse_json(raw))
            except Response as answer:
                return answer.status, answer.body, answer.headers
            except (TypeError, ValueError) as error:
                return 422, request_error("invalid_fault", str(error)), []
            self.faults.add(fault)
            return 201, json.dumps(fault.as_json()).encode(), []
        return 404, simple_error(404), []


async def _apply(fault: admin.Fault) -> None:
    """Wait as the fault says, then answer with its status if it has one."""
    if fault.delay_ms:
        await asyncio.sleep(fault.delay_ms / 1000)
    if fault.status is not None:
        headers = []
        if fault.retry_after is not None:
            headers.append((b"retry-after", str(fault.retry_after).encode()))
        raise Response(fault.status, error_body(fault.status), headers)


# Pages outside the API (no auth, not journalled): the spec and its reference page.
_DOCS = "/docs/"
_REDIRECTS = frozenset({"/", "/docs"})
_SPEC_PAGES: dict[str, tuple[bytes, Callable[[], bytes]]] = {
    "/openapi.yaml": (b"application/yaml", docs.spec_yaml),
    "/openapi.json": (b"application/json", docs.spec_json),
}


def _is_public_page(path: str) -> bool:
    return path in _REDIRECTS or path in _SPEC_PAGES or path.startswith(_DOCS)


def _public_page(method: str, path: str) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """The answer to a request for one of the pages outside the API."""
    if method != "GET":
        return 405, simple_error(405), [(b"allow", b"GET")]
    if path in _REDIRECTS:
        return 308, b"", [(b"location", _DOCS.encode())]
    if path in _SPEC_PAGES:
        media_type, content = _SPEC_PAGES[path]
        return 200, content(), [(b"content-type", media_type)]
    name = path[len(_DOCS) :] or docs.PAGE
    body = docs.page() if name == docs.PAGE else docs.asset(name)
    if body is None:
        return 404, simple_error(404), []
    return 200, body, [(b"content-type", docs.ASSETS.get(name, b"text/html; charset=utf-8"))]


def _rule_messages(spec: Mapping[str, Any]) -> tuple[str, str]:
    """The spec's wording of the rule (its update schema's branch descriptions): what a
    `resource` handler needs, and what any other handler needs."""
    update = spec["components"]["schemas"]["SipCredentialUpdate"]
    needs_uuid = update.get("then", {}).get("description")
    needs_null = update.get("else", {}).get("then", {}).get("description")
    return (
        str(needs_uuid or "calling_handler_resource_id must be a uuid"),
        str(needs_null or "calling_handler_resource_id must be null"),
    )


def _seed_documents(count: int, fields: list[str]) -> Iterator[tuple[str, str, str]]:
    """COUNT valid credentials (id, username key, document) for load and pagination tests."""
    base: dict[str, Any] = {name: None for name in fields} | _RESPONSE_ONLY
    base |= {
        "caller_id": "seed",
        "send_as": "seed",
        "ciphers": [],
        "codecs": [],
        "encryption": "default",
        "call_handler": "default",
    }
    for _ in range(count):
        key = str(uuid.uuid4())
        username = f"seed-{key}"
        yield key, _key(username), json.dumps(base | {"id": key, "username": username})


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# Built once: json.loads and json.dumps with options build a new coder on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_ENCODER = json.JSONEncoder(separators=(",", ":"))


def _too_large() -> Response:
    message = f"The request body is larger than {MAX_BODY_BYTES} bytes."
    return Response(413, request_error("request_too_large", message))


def _key(username: str) -> str:
    # Usernames are compared as their JSON text: identical strings give identical keys, and
    # text SQLite could not encode (lone surrogates) is stored escaped.
    return json.dumps(username)


def _conflict(conflict: Conflict) -> Response:
    message = {
        "id": "a SIP credential with this id already exists",
        "username": "username is already in use in this project",
    }[conflict.field]
    return _problems(409, [validation_error("already_exists", message, conflict.field)])


def _base_url(scope: Scope) -> str:
    host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
    if not _HOST.fullmatch(host):
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"


def create_app(projects: list[Project], db: str | None = None) -> MockApp:
    """The mock application serving PROJECTS, storing in DB (a file) or in memory."""
    return MockApp(projects, Store(db))
