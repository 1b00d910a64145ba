"""Every bound the spec states on what a caller sends, checked before sending (#26): a value
past one is refused naming its argument, rather than sent to come back as the server's 422.

Keyed by argument name: the spec gives each name the same bounds in every operation, and
tests/test_bounds.py derives this table from the spec and requires it to be equal, so a bound
changed there and not here fails the suite. Ids are not here: ``uuid_argument`` reads them,
and a UUID is always sent in its 36-character form. ``page_token`` is not here either: its
pattern describes the mock's cursors, and SignalWire's tokens are opaque (the spec's x-source),
so a token production hands out in ``links.next`` must go back as it came.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signalwire_sip_client.types import Unset

from ._exceptions import REDACTED, InvalidArgumentError


@dataclass(frozen=True)
class Bound:
    """The spec's limits on one argument: a number's range, or a text's length in characters."""

    minimum: int | None = None
    maximum: int | None = None
    min_length: int | None = None
    max_length: int | None = None


BOUNDS: dict[str, Bound] = {
    "page_size": Bound(minimum=1, maximum=1000),
    "page_number": Bound(minimum=0, maximum=1_000_000_000),
    "username": Bound(min_length=1),
    "password": Bound(min_length=1, max_length=128),
    "hold_music_url": Bound(min_length=1, max_length=2048),
}
#: Names the spec bounds that are deliberately left to the server (see the module's note).
NOT_CHECKED = frozenset({"page_token"})
SECRET = frozenset({"password"})


def within(name: str, value: Any) -> Any:
    """VALUE if it keeps the bounds the spec states for NAME (none: VALUE as it is)."""
    bound = BOUNDS.get(name)
    if bound is None or isinstance(value, Unset) or value is None:
        return value
    shown = REDACTED if name in SECRET else value
    if bound.minimum is not None or bound.maximum is not None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgumentError(name, shown, "must be a whole number")
        if bound.minimum is not None and value < bound.minimum:
            raise InvalidArgumentError(name, shown, f"must be at least {bound.minimum}")
        if bound.maximum is not None and value > bound.maximum:
            raise InvalidArgumentError(name, shown, f"must be at most {bound.maximum}")
    if isinstance(value, str):
        if bound.min_length is not None and len(value) < bound.min_length:
            problem = (
                "must not be empty"
                if bound.min_length == 1
                else f"must be at least {bound.min_length} characters"
            )
            raise InvalidArgumentError(name, shown, problem)
        if bound.max_length is not None and len(value) > bound.max_length:
            raise InvalidArgumentError(
                name, shown, f"must be at most {bound.max_length} characters"
            )
    return value


def page_arguments(**arguments: Any) -> dict[str, Any]:
    """A list call's page arguments (page_size, page_token, page_number), each checked."""
    checked = {name: within(name, value) for name, value in arguments.items()}
    token = checked.get("page_token")
    if token is not None and not isinstance(token, Unset) and not isinstance(token, str):
        raise InvalidArgumentError("page_token", token, "must be a string (from links.next)")
    return checked
