"""The OpenAPI document, read once at start-up, and the validators built from it.

The mock restates no enum, pattern or rule: every request body, query parameter and path
parameter is checked by a JSON Schema validator compiled from the spec, one per operation
(as stripe-mock does), and schema failures are translated into SignalWire's ``errors`` items.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

# The translation of schema failures into SignalWire's error items lives in problems.py;
# these names stay importable from here (1.x).
from .limits import MAX_ARRAY_ITEMS, MAX_STRING_CHARS
from .problems import body_problems as body_problems
from .problems import parameter_problem as parameter_problem

SPEC_FILE = "sip-credentials.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def spec_path() -> Path:
    """Where the spec is: inside the installed wheel, or in openapi/ of a source checkout."""
    packaged = Path(__file__).with_name(SPEC_FILE)
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "openapi" / SPEC_FILE
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"{SPEC_FILE} is neither installed beside {__name__} nor in a checkout")


@cache
def load_spec(path: Path | None = None) -> dict[str, Any]:
    """The parsed spec (cached: it is read once per process)."""
    with open(path or spec_path(), encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


def _find_operation(
    operation_id: str, document: Mapping[str, Any] | None
) -> tuple[str, Mapping[str, Any]]:
    """(path, operation) of OPERATION_ID in DOCUMENT (default: the packaged spec)."""
    for path, item in (document or load_spec())["paths"].items():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return str(path), operation
    raise KeyError(f"the spec declares no operation {operation_id!r}")


def operation_path(operation_id: str, document: Mapping[str, Any] | None = None) -> str:
    """The path the spec (DOCUMENT, default the packaged one) declares OPERATION_ID under: the
    one home of the API's paths for every part that needs to name one."""
    return _find_operation(operation_id, document)[0]


def request_example(
    operation_id: str, name: str, document: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A copy of the request body example NAME the spec gives OPERATION_ID: the one home of a
    valid body, for tests and benchmarks (``request_example("create_sip_credential",
    "default-handler")``)."""
    content = _find_operation(operation_id, document)[1]["requestBody"]["content"]
    return copy.deepcopy(dict(content["application/json"]["examples"][name]["value"]))


HOOKS_FILE = "hooks.yaml"


def hooks_path() -> Path:
    """The OpenAPI document of the test hooks under ``/__mock__/`` (beside this module)."""
    return Path(__file__).with_name(HOOKS_FILE)


@cache
def load_hooks() -> dict[str, Any]:
    """The parsed hooks document (read once per process)."""
    with open(hooks_path(), encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


@cache
def hook_operations() -> dict[str, Operation]:
    """The hooks' operations by operationId, their validators compiled once."""
    return {
        op.operation_id: op
        for route in build_routes(load_hooks())
        for op in route.operations.values()
    }


def collection_path(document: Mapping[str, Any] | None = None) -> str:
    """The SIP credential collection: where the spec lists and creates credentials."""
    return operation_path("list_sip_credentials", document)


def _compile(document: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    # Local "#/components/..." references resolve against a root that carries the components.
    root = {**schema, "components": document.get("components", {})}
    return jsonschema_rs.validator_for(root, validate_formats=True)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    integer: bool
    validator: Any
    #: A uuid (``format: uuid``): case-insensitive, so read in lower case.
    uuid: bool = False


@dataclass(frozen=True)
class Operation:
    """One operation of the spec with its compiled validators."""

    operation_id: str
    method: str
    path_template: str
    parameters: tuple[Parameter, ...]
    body_validator: Any | None
    body_root: dict[str, Any] | None
    #: Body fields the spec marks ``writeOnly`` (a password): a problem never quotes them.
    secret_fields: frozenset[str] = frozenset()

    # Cached: each is read by every request (a property recomputed them each time).
    @cached_property
    def query_names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.parameters if p.location == "query")

    @cached_property
    def _by_location(self) -> dict[str, tuple[Parameter, ...]]:
        return {
            where: tuple(p for p in self.parameters if p.location == where)
            for where in ("path", "query")
        }

    @cached_property
    def required_query(self) -> bool:
        """Whether a query parameter is required (else an empty query needs no check)."""
        return any(p.required for p in self._by_location["query"])

    def path_parameters(self) -> Iterator[Parameter]:
        return iter(self._by_location["path"])

    def query_parameters(self) -> Iterator[Parameter]:
        return iter(self._by_location["query"])


@dataclass
class Route:
    """A path of the spec: its matcher and the operations by HTTP method."""

    template: str
    pattern: re.Pattern[str]
    operations: dict[str, Operation] = field(default_factory=dict)

    @property
    def allow(self) -> str:
        return ", ".join(sorted(self.operations))

    def may_start(self, prefix: str) -> bool:
        """Whether a request path of this route can start with PREFIX (a fault's ``path``):
        segment by segment, a ``{parameter}`` takes any text, a fixed one its own."""
        wanted, fixed = prefix.split("/"), self.template.split("/")
        if len(wanted) > len(fixed):
            return False
        for index, (given, part) in enumerate(zip(wanted, fixed, strict=False)):
            if part.startswith("{") and part.endswith("}"):
                continue
            last = index == len(wanted) - 1
            if not (part.startswith(given) if last else part == given):
                return False
        return True


def fault_can_match(routes: list[Route], method: str | None, path: str | None) -> bool:
    """Whether a fault on METHOD and PATH (a prefix; None: any) can meet an API request."""
    return any(
        (path is None or route.may_start(path)) and (method is None or method in route.operations)
        for route in routes
    )


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{([^}]+)\}", template)
    regex = "".join(
        f"(?P<{part}>[^/]+)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$")


def build_routes(document: Mapping[str, Any]) -> list[Route]:
    """One Route per spec path, with validators compiled once for every operation."""
    routes = []
    for template, item in document["paths"].items():
        route = Route(template, _path_pattern(template))
        shared = [_resolve(document, p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = []
            for p in shared + [_resolve(document, p) for p in op.get("parameters", [])]:
                schema = _resolve(document, p["schema"])
                params.append(
                    Parameter(
                        p["name"],
                        p["in"],
                        bool(p.get("required")),
                        schema.get("type") == "integer",
                        _compile(document, p["schema"]),
                        schema.get("format") == "uuid",
                    )
                )
            body_validator = body_root = None
            if "requestBody" in op:
                body_schema = _resolve(document, op["requestBody"])["content"]["application/json"][
                    "schema"
                ]
                body_root = bounded({**body_schema, "components": document.get("components", {})})
                body_validator = jsonschema_rs.validator_for(body_root, validate_formats=True)
            route.operations[method.upper()] = Operation(
                op["operationId"],
                method.upper(),
                template,
                tuple(params),
                body_validator,
                body_root,
                _write_only(document, body_root),
            )
        routes.append(route)
    return routes


def bounded(root: Mapping[str, Any]) -> dict[str, Any]:
    """ROOT (a request body's schema with the components) copied, every string it leaves
    unbounded given ``maxLength: MAX_STRING_CHARS`` and every array ``maxItems:
    MAX_ARRAY_ITEMS`` (limits.py says why): the mock's own limits, so that no field can make a
    stored row, or a page of them, unbounded. What the spec bounds already (an enum, a uuid, a
    maxLength) keeps the spec's word."""
    copied: dict[str, Any] = copy.deepcopy(dict(root))
    stack: list[Any] = [copied]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        types = node.get("type")
        is_string = types == "string" or (isinstance(types, list) and "string" in types)
        unbounded = not {"maxLength", "enum", "const"} & node.keys()
        if is_string and unbounded and node.get("format") != "uuid":
            node["maxLength"] = MAX_STRING_CHARS
        if types == "array" and "maxItems" not in node:
            node["maxItems"] = MAX_ARRAY_ITEMS
        stack.extend(v for k, v in node.items() if k not in ("examples", "example", "default"))
    return copied


def _write_only(document: Mapping[str, Any], body: Mapping[str, Any] | None) -> frozenset[str]:
    properties = _resolve(document, body).get("properties", {}) if body is not None else {}
    return frozenset(
        n for n, node in properties.items() if _resolve(document, node).get("writeOnly")
    )
