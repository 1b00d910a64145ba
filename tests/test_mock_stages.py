"""The mock's pipeline stage by stage, in process, without a server: request checks, the
handlers over a real (in-memory SQLite) store, page tokens, and the admin route table."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

import pytest

from signalwire_sip_mock import Project, admin, load_spec, request
from signalwire_sip_mock.handlers import Call, PageToken, Resources
from signalwire_sip_mock.request import Answer
from signalwire_sip_mock.spec import build_routes
from signalwire_sip_mock.store import Store

from .helpers import COLLECTION, RESOURCE_ID, create_body

SPEC = load_spec()
ROUTES = build_routes(SPEC)
ID = "0b7c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b"


def answer_of(call: Any) -> Answer:
    with pytest.raises(Answer) as raised:
        call()
    return raised.value


def errors(answer: Answer) -> list[dict[str, Any]]:
    return list(json.loads(answer.body)["errors"])


# Request checks ------------------------------------------------------------------------


def test_routing_names_the_operation_or_answers_404_and_405() -> None:
    assert request.route(ROUTES, "GET", COLLECTION).operation.operation_id == (
        "list_sip_credentials"
    )
    matched = request.route(ROUTES, "PUT", f"{COLLECTION}/{ID}")
    assert matched.operation.operation_id == "update_sip_credential"
    assert str(request.path_parameters(matched)["id"]) == ID
    assert answer_of(lambda: request.route(ROUTES, "GET", "/api/other")).status == 404
    refused = answer_of(lambda: request.route(ROUTES, "PATCH", COLLECTION))
    assert (refused.status, dict(refused.headers)[b"allow"]) == (405, b"GET, POST")
    bad_id = request.route(ROUTES, "GET", f"{COLLECTION}/not-a-uuid")
    assert answer_of(lambda: request.path_parameters(bad_id)).status == 404


def test_authentication_takes_each_project_and_refuses_the_rest() -> None:
    check = request.Authenticator([("p1", "t1"), ("p2", "t2")])

    def basic(text: str) -> list[tuple[bytes, bytes]]:
        return [(b"authorization", b"Basic " + base64.b64encode(text.encode()))]

    assert check(basic("p1:t1")) == "p1" and check(basic("p2:t2")) == "p2"
    for refused in (basic("p1:t2"), basic("nobody:t1"), [(b"authorization", b"Basic !!")], []):
        answer = answer_of(lambda refused=refused: check(refused))
        assert answer.status == 401
        assert dict(answer.headers)[b"www-authenticate"] == b'Basic realm="SignalWire"'


def test_query_parameters_are_typed_and_unknown_or_bad_ones_named() -> None:
    operation = request.route(ROUTES, "GET", COLLECTION).operation
    assert request.query(operation, b"page_size=5&page_number=2") == {
        "page_size": 5,
        "page_number": 2,
    }
    answer = answer_of(lambda: request.query(operation, b"page_size=0&colour=red"))
    assert answer.status == 422
    assert {e["attribute"] for e in errors(answer)} == {"page_size", "colour"}


def receive_from(*messages: dict[str, Any]) -> Any:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    return receive


def read(headers: dict[bytes, bytes], *messages: dict[str, Any]) -> bytes:
    scope: dict[str, Any] = {"headers": list(headers.items())}
    return asyncio.run(request.read_body(scope, receive_from(*messages)))


JSON = {b"content-type": b"application/json"}


def test_bodies_are_refused_by_media_type_size_and_truncation() -> None:
    assert read(JSON, {"type": "http.request", "body": b"{}"}) == b"{}"
    assert answer_of(lambda: read({b"content-type": b"text/plain"})).status == 415
    too_big = str(request.MAX_BODY_BYTES + 1).encode()
    assert answer_of(lambda: read(JSON | {b"content-length": too_big})).status == 413
    chunk = {"type": "http.request", "body": b" " * 600_000, "more_body": True}
    assert answer_of(lambda: read(JSON, chunk, chunk)).status == 413
    cut = answer_of(lambda: read(JSON, chunk, {"type": "http.disconnect"}))
    assert (cut.status, json.loads(cut.body)["errors"][0]["code"]) == (400, "incomplete_body")


@pytest.mark.parametrize(
    ("raw", "code"), [(b"", "missing_request_body"), (b"{", "malformed_json"), (b"NaN", None)]
)
def test_json_syntax_is_checked(raw: bytes, code: str | None) -> None:
    answer = answer_of(lambda: request.parse_json(raw))
    assert answer.status == 400
    assert errors(answer)[0]["code"] == (code or "malformed_json")


def test_the_request_schema_names_each_problem() -> None:
    operation = request.route(ROUTES, "POST", COLLECTION).operation
    body = create_body()
    assert request.valid_body(operation, body) is body
    answer = answer_of(lambda: request.valid_body(operation, create_body(call_handler="resource")))
    assert answer.status == 422
    assert "calling_handler_resource_id" in {e["attribute"] for e in errors(answer)}


# Handlers ------------------------------------------------------------------------------


@pytest.fixture
def resources() -> Resources:
    return Resources(Store(), SPEC)


def test_handlers_create_read_update_and_delete(resources: Resources) -> None:
    body = create_body()
    status, created = resources.create(Call("p", body=body))
    assert status == 200 and json.loads(created)["username"] == body["username"]
    same_id = answer_of(lambda: resources.create(Call("p", body=create_body(id=body["id"]))))
    assert (same_id.status, errors(same_id)[0]["attribute"]) == (409, "id")
    at = {"id": body["id"]}
    assert resources.get(Call("p", path_params=at))[1] == created
    assert answer_of(lambda: resources.get(Call("other", path_params=at))).status == 404
    status, updated = resources.update(Call("p", path_params=at, body={"caller_id": "new"}))
    assert json.loads(updated)["caller_id"] == "new"
    assert resources.delete(Call("p", path_params=at)) == (204, b"")
    assert answer_of(lambda: resources.delete(Call("p", path_params=at))).status == 404


def test_a_lone_resource_id_is_judged_against_the_stored_handler(resources: Resources) -> None:
    body = create_body()
    resources.create(Call("p", body=body))
    at = {"id": body["id"]}
    lone = {"calling_handler_resource_id": RESOURCE_ID}
    refused = answer_of(lambda: resources.update(Call("p", path_params=at, body=lone)))
    assert refused.status == 422
    assert "the stored call_handler is 'default'" in errors(refused)[0]["message"]
    stored = json.loads(resources.get(Call("p", path_params=at))[1])
    assert (stored["call_handler"], stored["calling_handler_resource_id"]) == ("default", None)
    null = {"calling_handler_resource_id": None}
    assert resources.update(Call("p", path_params=at, body=null))[0] == 200


def test_pages_link_to_their_neighbours_with_tokens_that_round_trip(resources: Resources) -> None:
    assert PageToken.decode(PageToken(True, 42).encode()) == PageToken(True, 42)
    assert PageToken(False, 7).encode() == "PB0000000000000007"
    for _ in range(5):
        resources.create(Call("p", body=create_body()))
    seen: list[str] = []
    query: dict[str, Any] = {"page_size": 2}
    scope = {"scheme": "http", "headers": [(b"host", b"mock:8080")], "path": COLLECTION}
    while True:
        page = json.loads(resources.page(Call("p", query=query, scope=scope))[1])
        seen += [c["id"] for c in page["data"]]
        if "next" not in page["links"]:
            break
        assert page["links"]["first"].startswith(f"http://mock:8080{COLLECTION}?")
        token = page["links"]["next"].split("page_token=")[1]
        query = {"page_size": 2, "page_token": token}
    assert len(seen) == len(set(seen)) == 5


# Admin routes --------------------------------------------------------------------------


def test_every_documented_hook_has_its_routes() -> None:
    controls = admin.Controls(admin.Journal(), admin.Faults(), reset=lambda: None, seed=len)
    named = {name for _, name in controls.routes}
    assert set(admin.HOOKS) <= named and "" in named

    def call(method: str, name: str, body: bytes = b"") -> tuple[int, bytes, Any]:
        scope = {"method": method, "path": admin.PREFIX + name, "headers": list(JSON.items())}
        receive = receive_from({"type": "http.request", "body": body})
        return asyncio.run(controls(scope, receive))

    assert call("GET", "health")[0] == 200
    assert call("POST", "faults", b'{"status": 503}')[0] == 201
    assert json.loads(call("GET", "faults")[1])["faults"][0]["status"] == 503
    assert call("POST", "faults", b'{"status": 302}')[0] == 422
    assert call("POST", "faults", b"{")[0] == 400
    assert call("GET", "nothing-here")[0] == 404
    assert call("POST", "reset")[0] == 204 and not controls.faults


def test_projects_parse_from_the_command_line_form() -> None:
    assert Project.parse("id:tok:en") == Project("id", "tok:en")
    with pytest.raises(ValueError):
        Project.parse("no-token")


def test_the_specs_facts_are_read_by_operation_id() -> None:
    from signalwire_sip_mock import operation_path, request_example

    assert operation_path("get_sip_credential") == f"{COLLECTION}/{{id}}"
    example = request_example("create_sip_credential", "resource-handler")
    assert example["call_handler"] == "resource" and example["calling_handler_resource_id"]
    example["codecs"].append("changed")  # a copy: the spec is untouched
    assert "changed" not in request_example("create_sip_credential", "resource-handler")["codecs"]
    with pytest.raises(KeyError, match="no operation 'nope'"):
        operation_path("nope")


def test_a_store_file_of_1_3_is_moved_into_the_collections(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE sip_credentials (seq INTEGER PRIMARY KEY AUTOINCREMENT, project_id TEXT,"
        " id TEXT, username TEXT, document TEXT);"
        "INSERT INTO sip_credentials (project_id, id, username, document)"
        " VALUES ('p', 'a', '\"alice\"', '{\"id\": \"a\"}'), ('p', 'b', '\"bob\"', '{\"id\": \"b\"}');"
    )
    old.commit()
    old.close()
    store = Store(path)
    assert store.get("p", "a") == '{"id": "a"}' and store.count("p") == 2
    assert store.page("p", 10).documents == ['{"id": "a"}', '{"id": "b"}']
    store.close()
