"""The mock's field limits and the largest answer they let it build (#23, item 11).

Each string a request body may carry has a maximum (the spec's, or limits.MAX_STRING_CHARS
where the spec states none), each array one too (limits.MAX_ARRAY_ITEMS), so a stored row is
bounded, and so is a page of the most rows a list allows: the bound is derived here from the
spec and a real row at every limit is measured, in both shapes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from signalwire_sip import DEFAULT_MAX_RESPONSE_BYTES
from signalwire_sip_mock import MockServer, Project, load_spec
from signalwire_sip_mock.limits import MAX_ANSWER_BYTES, MAX_ARRAY_ITEMS, MAX_STRING_CHARS
from signalwire_sip_mock.spec import bounded

from .helpers import COLLECTION, create_body

PROJECT = Project("5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6", "PT" + "cd" * 20)
WIDEST = 6  # bytes of one character at its widest in JSON text: a \u escape
ROW_OVERHEAD = 4096  # keys, ids, timestamps, the wrapper: measured below, under a quarter of it


def _resolved(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _write_schemas() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(operationId, bounded root, resolved properties) of every operation with a JSON body."""
    document = load_spec()
    for item in document["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "requestBody" not in op:
                continue
            body = op["requestBody"]["content"]["application/json"]["schema"]
            root = bounded({**body, "components": document["components"]})
            top = _resolved(root, root)
            yield (
                op["operationId"],
                root,
                {k: _resolved(root, v) for k, v in top.get("properties", {}).items()},
            )


def _widest_value(root: dict[str, Any], schema: dict[str, Any]) -> int:
    """Bytes the widest value SCHEMA allows takes in JSON (a string: quotes included)."""
    if "enum" in schema:
        return max(len(json.dumps(v)) for v in schema["enum"])
    kind = schema.get("type")
    if kind == "string" or (isinstance(kind, list) and "string" in kind):
        return 2 + WIDEST * int(schema["maxLength"])
    if kind == "array":
        item = _resolved(root, schema["items"])
        return 2 + int(schema["maxItems"]) * (_widest_value(root, item) + 1)
    return 64  # a uuid, a null, a boolean, a number


def _row_bound() -> int:
    """Bytes of the widest row any write can store (the widest value of each field, summed)."""
    widest: dict[str, int] = {}
    for _, root, properties in _write_schemas():
        for name, schema in properties.items():
            if schema.get("writeOnly"):
                continue  # never in an answer
            widest[name] = max(widest.get(name, 0), len(name) + 3 + _widest_value(root, schema))
    return ROW_OVERHEAD + sum(widest.values())


def test_every_string_and_array_a_write_takes_has_a_maximum() -> None:
    found = 0
    for operation, _root, properties in _write_schemas():
        for name, schema in properties.items():
            if schema.get("type") == "string" and "enum" not in schema:
                assert "maxLength" in schema or schema.get("format") == "uuid", (operation, name)
                found += 1
            if schema.get("type") == "array":
                assert schema["maxItems"] <= MAX_ARRAY_ITEMS, (operation, name)
                found += 1
    assert found >= 10  # the walk saw the fields: it cannot pass on nothing


def test_the_largest_page_the_mock_can_build_stays_under_the_clients_limit() -> None:
    largest_page = 1000 * _row_bound()
    assert largest_page <= MAX_ANSWER_BYTES <= DEFAULT_MAX_RESPONSE_BYTES, largest_page


@pytest.fixture(scope="module", params=["flat", "fabric"])
def http(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    with (
        MockServer([PROJECT], shape=request.param) as mock,
        httpx.Client(base_url=mock.base_url, auth=(PROJECT.id, PROJECT.token)) as client,
    ):
        yield client


@pytest.mark.parametrize("field", ["username", "caller_id", "send_as"])
def test_a_string_past_its_limit_is_422_naming_it_and_one_at_it_is_stored(
    http: httpx.Client, field: str
) -> None:
    at = create_body(**{field: "u" * MAX_STRING_CHARS})
    assert http.post(COLLECTION, json=at).status_code in (200, 201)
    past = create_body(**{field: "u" * (MAX_STRING_CHARS + 1)})
    answer = http.post(COLLECTION, json=past)
    assert answer.status_code == 422, answer.text
    assert [e["attribute"] for e in answer.json()["errors"]] == [field]


def test_an_array_past_its_limit_is_422(http: httpx.Client) -> None:
    answer = http.post(COLLECTION, json=create_body(codecs=["OPUS"] * (MAX_ARRAY_ITEMS + 1)))
    assert answer.status_code == 422 and answer.json()["errors"][0]["attribute"] == "codecs"


def test_a_row_at_every_limit_measures_under_the_derived_bound(http: httpx.Client) -> None:
    control = "\x01"  # written \u0001: each character at its widest
    widest = create_body(
        username="w" * MAX_STRING_CHARS,
        caller_id=control * MAX_STRING_CHARS,
        send_as=control * MAX_STRING_CHARS,
        codecs=["OPUS@48000H@20I"] * MAX_ARRAY_ITEMS,
        ciphers=["AEAD_AES_256_GCM_8"] * MAX_ARRAY_ITEMS,
        hold_music_url="https://h.example/" + "m" * (2048 - 18),
    )
    created = http.post(COLLECTION, json=widest)
    assert created.status_code in (200, 201), created.text
    listed = http.get(COLLECTION, params={"page_size": 1000}).json()["data"]
    (row,) = [r for r in listed if r["id"] == created.json()["id"]]
    size = len(json.dumps(row, separators=(",", ":")))
    assert size < _row_bound(), (size, _row_bound())
    assert size > WIDEST * MAX_STRING_CHARS * 2  # the row really is at its limits
