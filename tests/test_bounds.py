"""The client checks every bound the spec states before sending (#26): the table in
``signalwire_sip._bounds`` is derived again here from the spec and must be equal to it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from signalwire_sip import InvalidArgumentError
from signalwire_sip._bounds import BOUNDS, NOT_CHECKED, Bound

from .helpers import SPEC_PATH
from .test_client_unit import CREATE, ClientFactory, Recorder, client, ok, record

__all__ = ["client"]  # the fixture: the tests here run on both clients

_KEYWORDS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
}


def _spec_bounds() -> dict[str, set[Bound]]:
    """Every bound the spec states on a parameter or a top-level body field, by name."""
    document = yaml.safe_load(SPEC_PATH.read_text())

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = document
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    found: dict[str, set[Bound]] = {}

    def note(name: str, schema: dict[str, Any]) -> None:
        if schema.get("format") == "uuid" or name in NOT_CHECKED:
            return
        limits = {_KEYWORDS[k]: v for k, v in schema.items() if k in _KEYWORDS}
        if schema.get("minLength") == 36 and schema.get("maxLength") == 36:
            return  # a uuid spelled as a pattern: uuid_argument reads it
        if limits:
            found.setdefault(name, set()).add(Bound(**limits))

    for item in document["paths"].values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for parameter in item.get("parameters", []) + op.get("parameters", []):
                parameter = resolved(parameter)
                note(parameter["name"], resolved(parameter["schema"]))
            if "requestBody" in op:
                body = resolved(op["requestBody"]["content"]["application/json"]["schema"])
                for name, schema in body.get("properties", {}).items():
                    note(name, resolved(schema))
    return found


def test_the_table_is_what_the_spec_states() -> None:
    stated = _spec_bounds()
    assert all(len(bounds) == 1 for bounds in stated.values()), stated  # one per name
    assert {name: next(iter(b)) for name, b in stated.items()} == BOUNDS


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"page_size": 0}, "page_size"),
        ({"page_size": 1001}, "page_size"),
        ({"page_size": True}, "page_size"),
        ({"page_size": "10"}, "page_size"),
        ({"page_number": -1}, "page_number"),
        ({"page_number": 1_000_000_001}, "page_number"),
        ({"page_token": 7}, "page_token"),
    ],
)
def test_a_page_argument_past_the_spec_is_refused_before_sending(
    client: ClientFactory, arguments: dict[str, Any], argument: str
) -> None:
    recorder = Recorder(ok({"data": [], "links": {}}))
    c, _ = client(recorder)
    for call in (
        lambda: c.list(**arguments),
        lambda: c.list_addresses(uuid.uuid4(), **arguments),
        lambda: c.subscriber(uuid.uuid4()).list(**arguments),
    ):
        with pytest.raises(InvalidArgumentError) as raised:
            call()
        assert raised.value.argument == argument
    assert recorder.requests == []


def test_page_arguments_at_the_bounds_are_sent(client: ClientFactory) -> None:
    recorder = Recorder(ok({"data": [], "links": {"self": "x", "first": "x"}}))
    c, _ = client(recorder)
    c.list(page_size=1000, page_number=1_000_000_000)
    c.list(page_size=1, page_number=0, page_token="opaque-token-from-production")
    assert [dict(r.url.params) for r in recorder.requests] == [
        {"page_size": "1000", "page_number": "1000000000"},
        {"page_size": "1", "page_number": "0", "page_token": "opaque-token-from-production"},
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("password", "p" * 129),
        ("hold_music_url", "https://h.example/" + "m" * 2031),
        ("username", ""),
    ],
)
def test_a_body_field_past_the_spec_is_refused_naming_it_never_showing_a_password(
    client: ClientFactory, field: str, value: str
) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    given: dict[str, Any] = {field: value}
    calls: list[Callable[[], object]] = [
        lambda: c.create(**(CREATE | given)),
        lambda: c.update(uuid.uuid4(), **given),
    ]
    if field in ("password", "username"):
        subscriber = c.subscriber(uuid.uuid4())
        fields: dict[str, Any] = {"username": "alice", "password": "Pw-Subscriber-1"} | given
        calls.append(lambda: subscriber.create(**fields))
    for call in calls:
        with pytest.raises(InvalidArgumentError) as raised:
            call()
        assert raised.value.argument == field
        if field == "password":
            assert value not in str(raised.value) and value not in repr(raised.value.value)
    assert recorder.requests == []
