"""Schema failures as SignalWire's ``errors`` items: what a request body or a parameter the
spec's validators refused becomes (at most ``MAX_PROBLEMS``, never quoting a secret)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from .errors import ErrorItem, validation_error
from .limits import FULL_SCAN_BODY_BYTES, MAX_PROBLEMS

if TYPE_CHECKING:
    from .spec import Operation, Parameter


# Branches of a conditional, and negations, may carry a `description`; it is the message.
_EXPLAINED = ("then", "else", "not")


def _explanation(root: Mapping[str, Any], schema_path: list[str | int]) -> str | None:
    node: Any = root
    found = None
    for key in schema_path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if key in _EXPLAINED and isinstance(node, Mapping) and "description" in node:
            found = str(node["description"])
    return found


def body_problems(operation: Operation, body: Any, size: int = 0) -> list[ErrorItem]:
    """The ways BODY (SIZE bytes as sent) breaks the operation's request schema, as SignalWire
    ``errors`` items: at most MAX_PROBLEMS, and only the first for a body over
    FULL_SCAN_BODY_BYTES (the validator finds every error before it yields one)."""
    validator = operation.body_validator
    assert validator is not None and operation.body_root is not None
    if validator.is_valid(body):
        return []
    items: list[ErrorItem] = []
    seen: set[tuple[str, str | None]] = set()
    if size > FULL_SCAN_BODY_BYTES:
        try:
            validator.validate(body)
        except jsonschema_rs.ValidationError as first:
            errors: Iterable[Any] = [first]
        else:  # pragma: no cover - is_valid said otherwise
            return []
    else:
        errors = validator.iter_errors(body)
    for error in errors:
        if len(items) >= MAX_PROBLEMS:
            break
        kind = error.kind
        path = list(error.instance_path)
        top = str(path[0]) if path else None
        explained = _explanation(operation.body_root, list(error.schema_path))
        if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
            attribute = str(kind.property) if top is None else top
            new = [
                validation_error(
                    "missing_required_parameter", explained or f"{attribute} is required", attribute
                )
            ]
        elif isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
            new = [
                validation_error("invalid_parameter", f"{name} is not a known parameter", str(name))
                for name in kind.unexpected
            ]
        elif operation.secret_fields and (top is None or top in operation.secret_fields):
            # The validator's message quotes the value (the whole body, for a problem of the
            # body itself): a secret is never repeated.
            new = [
                validation_error(
                    "invalid_parameter_value", f"{top or 'the body'} is not valid", top
                )
            ]
        else:
            message = _shortened(error.message)
            detail = f"{top}: {message}" if top else message
            new = [validation_error("invalid_parameter_value", explained or detail, top)]
        for item in new:
            if (item.code, item.attribute) not in seen:
                seen.add((item.code, item.attribute))
                items.append(item)
    return items[:MAX_PROBLEMS]


def _shortened(message: str, limit: int = 200) -> str:
    """A validator's message, which quotes the value (a megabyte, maybe), cut to LIMIT."""
    return message if len(message) <= limit else message[: limit - 3] + "..."


def parameter_problem(parameter: Parameter, raw: str) -> tuple[Any, ErrorItem | None]:
    """Parse one query or path value as its schema types it; the value, or what is wrong."""
    value: Any = raw
    if parameter.integer and re.fullmatch(r"-?[0-9]{1,20}", raw):
        value = int(raw)
    if parameter.validator.is_valid(value):
        return value, None
    for error in parameter.validator.iter_errors(value):
        return value, validation_error(
            "invalid_parameter_value",
            f"{parameter.name}: {_shortened(error.message)}",
            parameter.name,
        )
    return value, None
