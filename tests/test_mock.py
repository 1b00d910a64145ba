"""The mock server over real HTTP on 127.0.0.1: behaviour, error bodies, pagination, test hooks."""

from __future__ import annotations

import base64
import json
import re
import socket
import uuid
from http import HTTPStatus
from typing import Any

import httpx
import jsonschema
import pytest

from signalwire_sip_mock import MockApp, MockControlError, MockServer, Project, RunningMock
from signalwire_sip_mock.store import Store

from .helpers import COLLECTION, RESOURCE_ID, SPEC_PATH, create_body

TIMEOUT = 10.0


@pytest.fixture
def mock(signalwire_sip_mock: RunningMock) -> RunningMock:
    return signalwire_sip_mock


@pytest.fixture
def http(mock: RunningMock) -> Any:
    with httpx.Client(
        base_url=mock.base_url, auth=(mock.project_id, mock.api_token), timeout=TIMEOUT
    ) as client:
        yield client


def response_validator(
    spec: dict[str, Any], method: str, path: str, status: int
) -> jsonschema.Validator | None:
    operation = spec["paths"][path][method.lower()]
    response = operation["responses"][str(status)]
    while "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    content = response.get("content")
    if not content:
        return None
    schema = {**content["application/json"]["schema"], "components": spec["components"]}
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_conforms(spec: dict[str, Any], response: httpx.Response, path: str) -> None:
    """The response's status is declared for the operation and its body has the declared shape."""
    validator = response_validator(spec, response.request.method, path, response.status_code)
    assert response.headers["x-request-id"]
    if validator is None:
        assert response.content == b""
    else:
        assert response.headers["content-type"] == "application/json"
        validator.validate(response.json())


def test_full_lifecycle_answers_as_the_spec_says(http: httpx.Client, spec: dict[str, Any]) -> None:
    item = f"{COLLECTION}/{{id}}"
    body = create_body(call_handler="resource", calling_handler_resource_id=RESOURCE_ID)
    created = http.post(COLLECTION, json=body)
    assert created.status_code == 200
    assert_conforms(spec, created, COLLECTION)
    record = created.json()
    assert record["type"] == "sip_endpoint" and {k: record[k] for k in body} == body
    fetched = http.get(f"{COLLECTION}/{body['id']}")
    assert fetched.json() == record
    assert_conforms(spec, fetched, item)
    updated = http.put(f"{COLLECTION}/{body['id']}", json={"caller_id": "Reception"})
    assert_conforms(spec, updated, item)
    assert updated.json() == record | {"caller_id": "Reception"}
    listed = http.get(COLLECTION)
    assert_conforms(spec, listed, COLLECTION)
    assert [r["id"] for r in listed.json()["data"]] == [body["id"]]
    deleted = http.delete(f"{COLLECTION}/{body['id']}")
    assert deleted.status_code == 204
    assert_conforms(spec, deleted, item)
    gone = http.get(f"{COLLECTION}/{body['id']}")
    assert gone.status_code == 404 and gone.json() == {"error": "Not Found"}
    assert http.get(COLLECTION).json()["data"] == []


def test_leaving_resource_clears_the_stored_id_and_a_body_without_handler_keeps_it(
    http: httpx.Client,
) -> None:
    body = create_body(call_handler="resource", calling_handler_resource_id=RESOURCE_ID)
    http.post(COLLECTION, json=body)
    kept = http.put(f"{COLLECTION}/{body['id']}", json={"send_as": "+1999"}).json()
    assert (kept["call_handler"], kept["calling_handler_resource_id"]) == ("resource", RESOURCE_ID)
    other = str(uuid.uuid4())
    moved = http.put(
        f"{COLLECTION}/{body['id']}",
        json={"call_handler": "resource", "calling_handler_resource_id": other},
    ).json()
    assert moved["calling_handler_resource_id"] == other
    cleared = http.put(f"{COLLECTION}/{body['id']}", json={"call_handler": "passthrough"}).json()
    assert (cleared["call_handler"], cleared["calling_handler_resource_id"]) == (
        "passthrough",
        None,
    )


@pytest.mark.parametrize(
    ("body", "attribute", "code"),
    [
        (
            create_body(call_handler="resource", calling_handler_resource_id=None),
            "calling_handler_resource_id",
            "invalid_parameter_value",
        ),
        (
            create_body(call_handler="default", calling_handler_resource_id=RESOURCE_ID),
            "calling_handler_resource_id",
            "invalid_parameter_value",
        ),
        (create_body(username="al ice"), "username", "invalid_parameter_value"),
        (create_body(username="al@ice"), "username", "invalid_parameter_value"),
        (create_body(codecs=["MP3"]), "codecs", "invalid_parameter_value"),
        (create_body(id="not-a-uuid"), "id", "invalid_parameter_value"),
        (create_body(surprise=1), "surprise", "invalid_parameter"),
        (
            {k: v for k, v in create_body().items() if k != "username"},
            "username",
            "missing_required_parameter",
        ),
    ],
)
def test_create_422_names_the_field_and_a_stable_code(
    http: httpx.Client, body: dict[str, Any], attribute: str, code: str
) -> None:
    response = http.post(COLLECTION, json=body)
    assert response.status_code == 422
    items = response.json()["errors"]
    assert [(i["attribute"], i["code"]) for i in items] == [(attribute, code)]
    assert items[0]["type"] == "validation_error" and items[0]["message"]
    assert items[0]["url"] == "https://signalwire.com/docs/apis/error-codes"


def test_every_problem_of_a_body_gets_its_own_item(http: httpx.Client) -> None:
    body = create_body(
        username="a b", codecs=["MP3"], call_handler="resource", calling_handler_resource_id=None
    )
    body["send_as"] = 7
    attributes = {i["attribute"] for i in http.post(COLLECTION, json=body).json()["errors"]}
    assert attributes == {"username", "codecs", "calling_handler_resource_id", "send_as"}


def test_a_minimal_create_takes_the_documented_defaults(http: httpx.Client) -> None:
    # What production accepted (api-facts): username, password, caller_id, encryption.
    minimal = {"username": "bob", "password": "pw-1", "caller_id": "Bob", "encryption": "optional"}
    created = http.post(COLLECTION, json=minimal)
    assert created.status_code == 200, created.text
    stored = created.json()
    assert uuid.UUID(stored["id"]) and "password" not in stored
    assert (stored["send_as"], stored["ciphers"], stored["codecs"]) == ("bob", [], [])
    assert (stored["call_handler"], stored["calling_handler_resource_id"]) == ("default", None)
    assert http.get(f"{COLLECTION}/{stored['id']}").json() == stored


@pytest.mark.parametrize(
    ("update", "attribute"),
    [
        (
            {"call_handler": "resource", "calling_handler_resource_id": None},
            "calling_handler_resource_id",
        ),
        ({"call_handler": "resource"}, "calling_handler_resource_id"),
        (
            {"call_handler": "block-pstn", "calling_handler_resource_id": RESOURCE_ID},
            "calling_handler_resource_id",
        ),
    ],
)
def test_update_rule_violations_are_422_and_change_nothing(
    http: httpx.Client, update: dict[str, Any], attribute: str
) -> None:
    body = create_body()
    http.post(COLLECTION, json=body)
    response = http.put(f"{COLLECTION}/{body['id']}", json=update)
    assert response.status_code == 422
    assert [i["attribute"] for i in response.json()["errors"]] == [attribute]
    stored = http.get(f"{COLLECTION}/{body['id']}").json()
    assert {k: stored[k] for k in body} == body


OTHER_RESOURCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.mark.parametrize(
    ("stored", "update", "expected"),
    [
        # SignalWire's own update shape: the resource id rides along in every update.
        ("default", {"caller_id": "Reception", "calling_handler_resource_id": None}, None),
        ("block-pstn", {"calling_handler_resource_id": None}, None),
        ("resource", {"calling_handler_resource_id": OTHER_RESOURCE}, OTHER_RESOURCE),  # re-points
        (
            "resource",
            {"caller_id": "Reception", "calling_handler_resource_id": RESOURCE_ID},
            RESOURCE_ID,
        ),
    ],
)
def test_a_resource_id_without_handler_that_fits_the_stored_one_is_accepted(
    http: httpx.Client, stored: str, update: dict[str, Any], expected: str | None
) -> None:
    resource_id = RESOURCE_ID if stored == "resource" else None
    body = create_body(call_handler=stored, calling_handler_resource_id=resource_id)
    assert http.post(COLLECTION, json=body).status_code == 200
    answer = http.put(f"{COLLECTION}/{body['id']}", json=update)
    assert answer.status_code == 200, answer.text
    saved = http.get(f"{COLLECTION}/{body['id']}").json()
    assert saved["call_handler"] == stored and saved["calling_handler_resource_id"] == expected
    assert saved["caller_id"] == update.get("caller_id", body["caller_id"])


@pytest.mark.parametrize(
    ("stored", "update", "says"),
    [
        (
            "default",
            {"calling_handler_resource_id": RESOURCE_ID},
            "the stored call_handler is 'default'",
        ),
        (
            "passthrough",
            {"caller_id": "x", "calling_handler_resource_id": RESOURCE_ID},
            "is 'passthrough'",
        ),
        ("resource", {"caller_id": "x", "calling_handler_resource_id": None}, "must be a uuid"),
    ],
)
def test_a_resource_id_without_handler_that_breaks_the_stored_one_is_422_and_changes_nothing(
    http: httpx.Client, stored: str, update: dict[str, Any], says: str
) -> None:
    resource_id = RESOURCE_ID if stored == "resource" else None
    body = create_body(call_handler=stored, calling_handler_resource_id=resource_id)
    http.post(COLLECTION, json=body)
    answer = http.put(f"{COLLECTION}/{body['id']}", json=update)
    assert answer.status_code == 422
    [item] = answer.json()["errors"]
    assert item["attribute"] == "calling_handler_resource_id" and says in item["message"]
    saved = http.get(f"{COLLECTION}/{body['id']}").json()
    assert {k: saved[k] for k in body} == body  # nothing stored changed, caller_id included


def test_the_update_422_examples_are_what_the_mock_answers(
    http: httpx.Client, spec: dict[str, Any]
) -> None:
    examples = spec["components"]["responses"]["UpdateValidationFailed"]["content"][
        "application/json"
    ]["examples"]
    for name, example in examples.items():
        body = create_body(**example["x-stored"])
        http.post(COLLECTION, json=body)
        answer = http.put(f"{COLLECTION}/{body['id']}", json=example["x-request-body"])
        assert answer.status_code == 422 and answer.json() == example["value"], name


def test_duplicate_ids_and_usernames_conflict(http: httpx.Client) -> None:
    first = create_body()
    assert http.post(COLLECTION, json=first).status_code == 200
    same_id = http.post(COLLECTION, json=create_body(id=first["id"]))
    same_name = http.post(COLLECTION, json=create_body(username=first["username"]))
    assert same_id.status_code == same_name.status_code == 409
    assert same_id.json()["errors"][0]["attribute"] == "id"
    assert same_name.json()["errors"][0]["attribute"] == "username"
    second = create_body()
    http.post(COLLECTION, json=second)
    renamed = http.put(f"{COLLECTION}/{second['id']}", json={"username": first["username"]})
    assert renamed.status_code == 409 and renamed.json()["errors"][0]["code"] == "already_exists"


def test_unknown_ids_are_404_and_non_uuid_ids_too(http: httpx.Client) -> None:
    for method in ("GET", "PUT", "DELETE"):
        for key in (str(uuid.uuid4()), "not-a-uuid", "..%2F..%2Fetc", "%00"):
            kwargs: dict[str, Any] = {"json": {"caller_id": "x"}} if method == "PUT" else {}
            response = http.request(method, f"{COLLECTION}/{key}", **kwargs)
            assert (response.status_code, response.json()) == (404, {"error": "Not Found"}), (
                method,
                key,
            )


# Auth ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Basic",
        "Basic !!!notbase64",
        "Bearer abc",
        "Basic " + base64.b64encode(b"no-colon").decode(),
        "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(),
    ],
)
def test_missing_or_malformed_credentials_are_401_with_a_challenge(
    mock: RunningMock, header: str | None
) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = httpx.get(mock.base_url + COLLECTION, headers=headers, timeout=TIMEOUT)
    assert response.status_code == 401 and response.json() == {"error": "Unauthorized"}
    assert response.headers["www-authenticate"].startswith("Basic")


def test_a_wrong_token_is_401(mock: RunningMock) -> None:
    response = httpx.get(
        mock.base_url + COLLECTION, auth=(mock.project_id, mock.api_token + "x"), timeout=TIMEOUT
    )
    assert response.status_code == 401


def test_projects_see_only_their_own_credentials() -> None:
    mine, theirs = Project("project-a", "token-a"), Project("project-b", "token-b")
    with MockServer([mine, theirs]) as server:
        a = httpx.Client(base_url=server.base_url, auth=(mine.id, mine.token), timeout=TIMEOUT)
        b = httpx.Client(base_url=server.base_url, auth=(theirs.id, theirs.token), timeout=TIMEOUT)
        body = create_body()
        assert a.post(COLLECTION, json=body).status_code == 200
        for method in ("GET", "PUT", "DELETE"):
            kwargs: dict[str, Any] = {"json": {"caller_id": "x"}} if method == "PUT" else {}
            assert b.request(method, f"{COLLECTION}/{body['id']}", **kwargs).status_code == 404
        assert b.get(COLLECTION).json()["data"] == []
        # Uniqueness is per project: the same username (and id) is free in another project.
        assert b.post(COLLECTION, json=body).status_code == 200
        assert a.get(f"{COLLECTION}/{body['id']}").json()["caller_id"] == body["caller_id"]


# Malformed requests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type", "status", "code"),
    [
        (b"{", "application/json", 400, "malformed_json"),
        (b'{"id": "x"', "application/json", 400, "malformed_json"),
        (b"", "application/json", 400, "missing_request_body"),
        (b'{"a": NaN}', "application/json", 400, "malformed_json"),
        (b"[" * 100_000, "application/json", 400, "malformed_json"),
        (b"\xff\xfe", "application/json", 400, "invalid_encoding"),
        (b"{}", "text/plain", 415, "unsupported_media_type"),
        (b"{}", "", 415, "unsupported_media_type"),
        (b"username=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b"[]", "application/json", 422, "invalid_parameter_value"),
        (b'"text"', "application/json", 422, "invalid_parameter_value"),
    ],
)
def test_malformed_bodies_get_a_4xx_in_signalwire_format(
    http: httpx.Client, content: bytes, content_type: str, status: int, code: str
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = http.post(COLLECTION, content=content, headers=headers)
    assert response.status_code == status
    assert response.json()["errors"][0]["code"] == code


def test_charset_parameters_are_accepted(http: httpx.Client) -> None:
    response = http.post(
        COLLECTION,
        content=json.dumps(create_body()),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 200


def test_bodies_over_a_mebibyte_are_413(http: httpx.Client) -> None:
    huge = json.dumps(create_body(caller_id="x" * (1024 * 1024))).encode()
    response = http.post(COLLECTION, content=huge, headers={"Content-Type": "application/json"})
    assert (
        response.status_code == 413 and response.json()["errors"][0]["code"] == "request_too_large"
    )

    def chunks() -> Any:  # no Content-Length: the limit holds while streaming
        for _ in range(20):
            yield b" " * 65536
        yield b"{}"

    streamed = http.post(COLLECTION, content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize("method", ["PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "PURGE"])
def test_undeclared_methods_are_405_with_allow(http: httpx.Client, method: str) -> None:
    for path, allowed in (
        (COLLECTION, "GET, POST"),
        (f"{COLLECTION}/{uuid.uuid4()}", "DELETE, GET, PUT"),
    ):
        response = http.request(method, path)
        assert response.status_code == 405 and response.headers["allow"] == allowed
        if method != "HEAD":
            assert response.json() == {"error": "Method Not Allowed"}


def test_unknown_paths_are_404(http: httpx.Client) -> None:
    for path in (
        "/nope",
        "/docs/nope.js",
        "/api",
        f"{COLLECTION}/",
        f"{COLLECTION}/{uuid.uuid4()}/extra",
        "/api/fabric/resources/",
        "/api/fabric/resources/subscribers/",
    ):
        assert http.get(path).status_code == 404


def test_query_parameters_are_validated_against_the_spec(http: httpx.Client) -> None:
    for query, attribute in (
        ("page_size=0", "page_size"),
        ("page_size=1001", "page_size"),
        ("page_size=ten", "page_size"),
        ("page_token=nope", "page_token"),
        ("page_number=-1", "page_number"),
        ("colour=blue", "colour"),
    ):
        response = http.get(f"{COLLECTION}?{query}")
        assert response.status_code == 422, query
        assert [i["attribute"] for i in response.json()["errors"]] == [attribute]


def test_a_truncated_request_does_not_hang_or_kill_the_server(mock: RunningMock) -> None:
    host, port = mock.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT) as raw:
        raw.sendall(
            b"POST "
            + COLLECTION.encode()
            + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"id":'
        )
        raw.shutdown(socket.SHUT_WR)
        raw.settimeout(TIMEOUT)
        raw.recv(1024)  # the server answers or closes; it never hangs
    assert httpx.get(mock.base_url + "/__mock__/health", timeout=TIMEOUT).status_code == 200


# Pagination ----------------------------------------------------------------------------


def pages(http: httpx.Client, size: int) -> list[list[str]]:
    result = []
    response = http.get(COLLECTION, params={"page_size": size}).json()
    while True:
        result.append([r["id"] for r in response["data"]])
        if "next" not in response["links"]:
            return result
        response = http.get(response["links"]["next"]).json()


def test_pages_cover_every_credential_once_in_creation_order(http: httpx.Client) -> None:
    ids = [http.post(COLLECTION, json=create_body()).json()["id"] for _ in range(7)]
    assert pages(http, 3) == [ids[0:3], ids[3:6], ids[6:7]]
    first = http.get(COLLECTION, params={"page_size": 3}).json()
    links = first["links"]
    assert links["self"].startswith("http://127.0.0.1:") and "page_size=3" in links["first"]
    assert "prev" not in links
    second = http.get(links["next"]).json()
    assert [r["id"] for r in http.get(second["links"]["prev"]).json()["data"]] == ids[0:3]
    assert "page_number=1" in links["next"] and "page_number=0" in second["links"]["prev"]


def test_the_cursor_keeps_its_place_while_others_insert_and_delete(http: httpx.Client) -> None:
    ids = [http.post(COLLECTION, json=create_body()).json()["id"] for _ in range(6)]
    first = http.get(COLLECTION, params={"page_size": 2}).json()
    http.delete(f"{COLLECTION}/{ids[0]}")  # before the cursor
    late = http.post(COLLECTION, json=create_body()).json()["id"]  # after everything
    second = http.get(first["links"]["next"]).json()
    assert [r["id"] for r in second["data"]] == ids[2:4]
    rest = http.get(second["links"]["next"]).json()
    assert [r["id"] for r in rest["data"]] == [*ids[4:6]]
    assert [r["id"] for r in http.get(rest["links"]["next"]).json()["data"]] == [late]


def test_a_token_past_the_end_gives_an_empty_page(http: httpx.Client) -> None:
    page = http.get(COLLECTION, params={"page_token": "PA7fffffffffffffff"})
    assert page.status_code == 200 and page.json()["data"] == []


# Test hooks ----------------------------------------------------------------------------


def test_the_journal_records_requests_with_credentials_redacted(
    mock: RunningMock, http: httpx.Client
) -> None:
    http.post(COLLECTION, json=create_body(), headers={"Cookie": "session=s3cret"})
    [entry] = mock.requests()
    assert entry["method"] == "POST" and entry["path"] == COLLECTION and entry["status"] == 200
    assert entry["headers"]["authorization"] == entry["headers"]["cookie"] == "[redacted]"
    assert mock.api_token not in json.dumps(entry) and "s3cret" not in json.dumps(entry)
    assert json.loads(entry["body"])["username"].startswith("user-")


def test_faults_fail_the_next_matching_requests_then_stop(
    mock: RunningMock, http: httpx.Client
) -> None:
    mock.inject_fault(429, count=2, method="GET", retry_after=3)
    first, second, third = (http.get(COLLECTION) for _ in range(3))
    assert (first.status_code, second.status_code, third.status_code) == (429, 429, 200)
    assert first.headers["retry-after"] == "3" and first.json() == {"error": "Too Many Requests"}
    assert http.post(COLLECTION, json=create_body()).status_code == 200
    mock.inject_fault(503, path=f"{COLLECTION}/")
    assert http.get(COLLECTION).status_code == 200
    assert http.get(f"{COLLECTION}/{uuid.uuid4()}").status_code == 503


@pytest.mark.parametrize("status", [422, 429, 500, 502, 503, 504])
def test_a_fault_answers_any_failure_status_with_the_body_that_status_takes(
    mock: RunningMock, http: httpx.Client, status: int
) -> None:
    mock.inject_fault(status, method="GET")
    answer = http.get(COLLECTION)
    assert answer.status_code == status
    body = answer.json()
    if status == 422:
        assert [item["code"] for item in body["errors"]] == ["injected_fault"]
    else:
        assert body == {"error": HTTPStatus(status).phrase}


def test_a_refused_fault_says_what_is_allowed(mock: RunningMock) -> None:
    with pytest.raises(MockControlError, match=r"status: 302 is less than the minimum of 400"):
        mock.inject_fault(302)
    with pytest.raises(MockControlError, match=r"with a reason phrase.*not 499"):
        mock.inject_fault(499)
    with pytest.raises(ValueError, match="count: 0 is less than the minimum of 1"):
        mock.inject_fault(500, count=0)


def test_the_journal_keeps_the_body_of_a_request_a_fault_answered(
    mock: RunningMock, http: httpx.Client
) -> None:
    body = create_body()
    mock.inject_fault(503, method="POST")
    assert http.post(COLLECTION, json=body).status_code == 503
    assert http.post(COLLECTION, json=body).status_code == 200
    faulted, stored = mock.requests()
    assert faulted["status"] == 503 and stored["status"] == 200
    assert faulted["json"] == stored["json"] == body  # the retry re-sent the same id
    assert json.loads(faulted["body"]) == body
    http.get(COLLECTION)
    assert mock.requests()[-1]["body"] == "" and mock.requests()[-1]["json"] is None


def test_the_hooks_list_themselves(mock: RunningMock) -> None:
    hooks = httpx.get(f"{mock.base_url}/__mock__/", timeout=TIMEOUT).json()["hooks"]
    assert set(hooks) == {
        "requests",
        "faults",
        "seed",
        "reset",
        "health",
        "subscribers",
        "resources",
    }


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 302},
        {"status": 600},
        {"status": 499},
        {"status": "500"},
        {"count": 0, "status": 500},
        {},
        {"status": 500, "x": 1},
        {"delay_ms": -1},
        [],
    ],
)
def test_bad_faults_are_refused(mock: RunningMock, fault: Any) -> None:
    assert (
        httpx.post(mock.base_url + "/__mock__/faults", json=fault, timeout=TIMEOUT).status_code
        == 422
    )


def test_reset_empties_everything(mock: RunningMock, http: httpx.Client) -> None:
    http.post(COLLECTION, json=create_body())
    mock.inject_fault(500)
    mock.reset()
    assert http.get(COLLECTION).json()["data"] == [] and len(mock.requests()) == 1


def test_every_response_carries_a_unique_request_id(http: httpx.Client) -> None:
    ids = {
        http.get(path).headers["x-request-id"]
        for path in (COLLECTION, "/nope", f"{COLLECTION}/x", COLLECTION)
    }
    assert len(ids) == 4


# The API shown: the spec and its reference page ------------------------------------------


def test_the_spec_is_served_as_yaml_byte_for_byte_and_as_the_same_document_in_json(
    mock: RunningMock, spec: dict[str, Any]
) -> None:
    as_yaml = httpx.get(f"{mock.base_url}/openapi.yaml", timeout=TIMEOUT)
    assert as_yaml.status_code == 200 and as_yaml.headers["content-type"] == "application/yaml"
    assert as_yaml.content == SPEC_PATH.read_bytes()
    as_json = httpx.get(f"{mock.base_url}/openapi.json", timeout=TIMEOUT)
    assert as_json.headers["content-type"] == "application/json" and as_json.json() == spec


def test_the_docs_page_and_its_assets_are_served_without_credentials(mock: RunningMock) -> None:
    for start in ("/", "/docs"):
        page = httpx.get(mock.base_url + start, follow_redirects=True, timeout=TIMEOUT)
        assert str(page.url).endswith("/docs/") and page.headers["content-type"].startswith(
            "text/html"
        )
    # No CDN: every script and style sheet the page loads is served from here.
    loaded = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', page.text)
    assert loaded == ["./swagger-ui.css", "./swagger-ui-bundle.js"]
    for asset, media_type in (
        ("swagger-ui-bundle.js", "text/javascript"),
        ("swagger-ui.css", "text/css"),
    ):
        answer = httpx.get(f"{mock.base_url}/docs/{asset}", timeout=TIMEOUT)
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(media_type)
        assert len(answer.content) > 10_000
    assert httpx.post(f"{mock.base_url}/openapi.yaml", timeout=TIMEOUT).status_code == 405
    assert mock.requests() == []  # pages are not API requests: the journal stays empty


def test_a_query_parameter_the_spec_requires_is_enforced(spec: dict[str, Any]) -> None:
    # No list parameter is required today; a spec that makes one so must be obeyed.
    strict = json.loads(json.dumps(spec))
    strict["components"]["parameters"]["PageSize"]["required"] = True
    project = Project(str(uuid.uuid4()), "PT-required")
    server = MockServer([project])
    server.app = MockApp([project], Store(), strict)
    with (
        server,
        httpx.Client(
            base_url=server.base_url, auth=(project.id, project.token), timeout=TIMEOUT
        ) as http,
    ):
        missing = http.get(COLLECTION)
        assert missing.status_code == 422
        assert [(e["code"], e["attribute"]) for e in missing.json()["errors"]] == [
            ("missing_required_parameter", "page_size")
        ]
        assert http.get(COLLECTION, params={"page_size": 5}).status_code == 200
