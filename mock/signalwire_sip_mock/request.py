"""Stage one of the mock's pipeline: the checks a request passes before any handler runs.

In order: route (404 for an unknown path, 405 with ``Allow`` for a method the spec does not
declare), HTTP Basic auth (401), path parameters (404 when not a uuid), query parameters
(422), body media type (415), size (413), JSON syntax (400), the operation's request schema
(422). Each check is a function of the request's parts (or a small object built once from the
spec and the projects), so each is tested without a server (tests/test_mock_stages.py). A
check that fails raises ``Answer``; ``MockApp`` turns that into the response.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import orjson

from .errors import ErrorItem, error_list, request_error, simple_error, validation_error
from .limits import MAX_BODY_BYTES as MAX_BODY_BYTES
from .limits import MAX_JSON_DEPTH
from .spec import Operation, Route, body_problems, parameter_problem

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]


class Answer(Exception):
    """Raised by a stage to answer at once with STATUS, BODY and extra HEADERS."""

    def __init__(self, status: int, body: bytes = b"", headers: Headers | None = None):
        self.status, self.body, self.headers = status, body, headers or []


def problems(status: int, items: list[ErrorItem]) -> Answer:
    """An answer with SignalWire's ``{"errors": [...]}`` body."""
    return Answer(status, error_list(items))


def not_found() -> Answer:
    return Answer(404, simple_error(404))


@dataclass(slots=True)
class Matched:
    """What routing found: the operation, and the path's raw segments by parameter name."""

    operation: Operation
    segments: dict[str, str]


def route(routes: Sequence[Route], method: str, path: str) -> Matched:
    """The operation METHOD and PATH name; else 404 (unknown path) or 405 (with ``Allow``)."""
    for candidate in routes:
        match = candidate.pattern.match(path)
        if match:
            break
    else:
        raise not_found()
    operation = candidate.operations.get(method)
    if operation is None:
        raise Answer(405, simple_error(405), [(b"allow", candidate.allow.encode())])
    return Matched(operation, match.groupdict())


def path_parameters(matched: Matched) -> dict[str, Any]:
    """The path parameters as the spec types them; a segment that is not one names no
    resource (404, as SignalWire answers an id that is not a uuid)."""
    values = {}
    for parameter in matched.operation.path_parameters():
        value, problem = parameter_problem(parameter, matched.segments[parameter.name])
        if problem:
            raise not_found()
        # uuids are case-insensitive; the store holds them in lower case.
        values[parameter.name] = value.lower() if parameter.uuid else value
    return values


class Authenticator:
    """HTTP Basic against the projects the mock serves, compared in constant time; else 401."""

    def __init__(self, projects: Iterable[tuple[str, str]]) -> None:
        self.tokens = dict(projects)
        self._headers = [
            (project_id, b"Basic " + base64.b64encode(f"{project_id}:{token}".encode()))
            for project_id, token in self.tokens.items()
        ]

    def __call__(self, headers: Headers) -> str:
        """The project the request's credentials name; else 401."""
        project_id = self.identify(headers)
        if project_id is None:
            raise Answer(
                401, simple_error(401), [(b"www-authenticate", b'Basic realm="SignalWire"')]
            )
        return project_id

    def identify(self, headers: Headers) -> str | None:
        """The project the request's credentials name, or None when they name none."""
        value = next((v for k, v in headers if k == b"authorization"), b"")
        # The usual spelling first: the whole header against each project's, in constant time.
        for project_id, expected_header in self._headers:
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
        expected = self.tokens.get(project_id)
        # Compare against something even for an unknown project, so timing tells nothing.
        ok = hmac.compare_digest(token.encode(), (expected or "\x00" * 32).encode())
        return project_id if expected is not None and ok else None


def query(operation: Operation, query_string: bytes) -> dict[str, Any]:
    """The query parameters as the spec types them; unknown, malformed or missing ones: 422."""
    if not query_string and not operation.required_query:
        return {}
    pairs = (
        parse_qsl(query_string.decode("latin-1"), keep_blank_values=True) if query_string else []
    )
    given: dict[str, str] = {}
    for key, value in pairs:
        given.setdefault(key, value)
    values: dict[str, Any] = {}
    found = [
        validation_error("invalid_parameter", f"{name} is not a known parameter", name)
        for name in given
        if name not in operation.query_names
    ]
    for parameter in operation.query_parameters():
        if parameter.name in given:
            value, problem = parameter_problem(parameter, given[parameter.name])
            if problem:
                found.append(problem)
            values[parameter.name] = value
        elif parameter.required:
            message = f"{parameter.name} is required"
            found.append(validation_error("missing_required_parameter", message, parameter.name))
    if found:
        raise problems(422, found)
    return values


async def read_body(scope: Scope, receive: Receive) -> bytes:
    """The JSON body's bytes: 415 for another media type, 413 past MAX_BODY_BYTES, 400 if cut."""
    content_type = declared = None
    for name, value in scope["headers"]:
        if name == b"content-type" and content_type is None:
            content_type = value
        elif name == b"content-length" and declared is None:
            declared = value
    if content_type != b"application/json":  # the usual spelling; any other is parsed
        media_type = (content_type or b"").split(b";")[0].strip().lower()
        if media_type != b"application/json":
            raise Answer(
                415, request_error("unsupported_media_type", "Send the body as application/json.")
            )
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        raise too_large()
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Answer(400, request_error("incomplete_body", "The request body ended early."))
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large()
        chunks.append(chunk)
        if not message.get("more_body"):
            scope["mock.body"] = body = b"".join(chunks)
            return body


async def drain_body(scope: Scope, receive: Receive) -> None:
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


def parse_json(raw: bytes) -> Any:
    """The JSON document RAW holds; 400 when it is empty, not JSON, not valid Unicode (a lone
    surrogate, raw or escaped), or nested deeper than MAX_JSON_DEPTH."""
    if not raw.strip():
        raise Answer(400, request_error("missing_request_body", "The request needs a JSON body."))
    if not is_utf8(raw):
        message = "The request body is not UTF-8 text (RFC 8259 8.1): no UTF-16 or UTF-32."
        raise Answer(400, request_error("invalid_encoding", message))
    raw = raw.removeprefix(_UTF8_BOM)
    try:
        document = decode(raw)
    except (ValueError, RecursionError):
        raise Answer(
            400, request_error("malformed_json", "The request body is not valid JSON.")
        ) from None
    problem = json_problem(raw, document)
    if problem:
        raise Answer(400, request_error(*problem))
    return document


_UTF8_BOM = b"\xef\xbb\xbf"


def is_utf8(raw: bytes) -> bool:
    """Whether RAW is UTF-8 text with no NUL byte and no UTF-16/32 byte order mark. RFC 8259
    (8.1): JSON exchanged between systems is UTF-8; a parser MAY ignore a UTF-8 BOM, and this
    one does (as 1.4 did), so ``parse_json`` drops it. A raw NUL is never JSON, so a
    NUL-interleaved UTF-16/32 body is refused too. One decision, taken before any other check,
    so a body the journal shows is always the text the API read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def json_problem(raw: bytes, document: Any) -> tuple[str, str] | None:
    """Why DOCUMENT (decoded from RAW) cannot be taken although it is JSON: nested deeper than
    MAX_JSON_DEPTH, or a string that is no Unicode text (an escaped lone surrogate). Cheap for
    the usual body: the walk runs only when RAW has more brackets than the depth limit, or a
    ``\\u`` escape."""
    brackets = raw.count(b"[") + raw.count(b"{")
    deep, escaped = brackets > MAX_JSON_DEPTH, b"\\u" in raw
    if not (deep or escaped):
        return None
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if escaped and not _is_text(value):
                return (
                    "invalid_unicode",
                    "The request body holds a lone surrogate (\\ud800-\\udfff).",
                )
        elif isinstance(value, dict | list):
            if depth > MAX_JSON_DEPTH:
                message = f"The request body is nested deeper than {MAX_JSON_DEPTH} levels."
                return "nesting_too_deep", message
            items = [*value, *value.values()] if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return None


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def valid_body(operation: Operation, body: Any, size: int = 0) -> Any:
    """BODY (SIZE bytes sent) when the operation's request schema accepts it; else 422 naming
    its problems (see ``spec.body_problems`` for how many)."""
    found = body_problems(operation, body, size)
    if found:
        raise problems(422, found)
    return body


def too_large() -> Answer:
    message = f"The request body is larger than {MAX_BODY_BYTES} bytes."
    return Answer(413, request_error("request_too_large", message))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# Built once: json.loads and json.dumps with options build a new coder on every call.
DECODER = json.JSONDecoder(parse_constant=_reject_constant)
ENCODER = json.JSONEncoder(separators=(",", ":"))


def decode(raw: bytes | str) -> Any:
    """The JSON document RAW holds (ValueError or RecursionError when none). orjson reads the
    usual body, UTF-8, in a third of the standard library's time (``make bench``); what it
    refuses (UTF-16/32, integers past 64 bits, escaped lone surrogates for ``json_problem`` to
    name) is read again by the standard library, whose answer stands."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
        return DECODER.decode(text)


def encode(document: Any) -> str:
    """DOCUMENT as compact JSON text (orjson; the standard library for what orjson cannot
    write, such as integers past 64 bits)."""
    try:
        return orjson.dumps(document).decode()
    except TypeError:
        return ENCODER.encode(document)
