"""Checks of what a caller passes, before anything is sent: each failure names the argument.

The allowed values come from the generated enums (made from the spec), never from a list here.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, TypeVar
from uuid import UUID

from ._exceptions import REDACTED, InvalidArgumentError

E = TypeVar("E", bound=Enum)


def uuid_argument(name: str, value: Any) -> UUID:
    """VALUE as a UUID (a UUID, or its text in any spelling ``uuid.UUID`` reads)."""
    if isinstance(value, UUID):
        return value
    if isinstance(value, str):
        try:
            return UUID(value)
        except ValueError:
            pass
    raise InvalidArgumentError(name, value, "must be a uuid")


def text_argument(name: str, value: Any) -> str:
    """VALUE when it is text that can be sent: a str that UTF-8 can encode (no lone surrogate)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(name, value, "must be a string")
    if not _encodable(value):
        raise InvalidArgumentError(name, value, "must be valid Unicode text (no lone surrogates)")
    return value


def secret_argument(name: str, value: Any) -> str:
    """VALUE (a password) when it is text that can be sent; a refusal never shows it."""
    if not isinstance(value, str) or not value or not _encodable(value):
        raise InvalidArgumentError(
            name, REDACTED, "must be a non-empty string of valid Unicode text (no lone surrogates)"
        )
    return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def sendable_model(fields: dict[str, Any]) -> None:
    """Refuse, naming the field, text in a generated model's ``to_dict()`` that cannot be sent
    (a lone surrogate would only fail inside httpx, with no name attached)."""
    for name, value in fields.items():
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, str) and not _encodable(item):
                shown = f"{name}[{index}]" if isinstance(value, list) else name
                raise InvalidArgumentError(
                    shown, item, "must be valid Unicode text (no lone surrogates)"
                )


def enum_argument(name: str, kind: type[E], value: Any) -> E:
    """VALUE as a member of KIND (a member, or its value)."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(str(member.value) for member in kind)
        raise InvalidArgumentError(name, value, f"must be one of {allowed}") from None


def enum_list_argument(name: str, kind: type[E], values: Any) -> list[E]:
    """VALUES (a list or tuple) as members of KIND; the failing item is named by its index."""
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise InvalidArgumentError(name, values, f"must be a list of {kind.__name__} values")
    return [enum_argument(f"{name}[{i}]", kind, value) for i, value in enumerate(values)]
