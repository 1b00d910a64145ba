"""The SIP family over HTTP against the mock: addresses, assignment, subscribers' credentials.

Every example of the spec succeeds against a fresh mock; unknown subscribers, resources and
credentials are SignalWire's 404; an assignment shows in the credential's addresses; deleting
a credential, a subscriber or a resource leaves nothing dangling; projects stay apart on every
path; and a subscriber credential's password never comes back, in an answer, the journal or a
log line (tested by generation).
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any, cast

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signalwire_sip_mock import MockApp, Project, RunningMock, load_spec, operation_path

from .helpers import COLLECTION, RESOURCE_ID, create_body

TIMEOUT = 10
SPEC = load_spec()
PARAMETERS = SPEC["components"]["parameters"]
SUBSCRIBER_ID = PARAMETERS["SubscriberId"]["example"]
SUBSCRIBERS = operation_path("list_subscriber_sip_credentials")
ASSIGN = operation_path("assign_resource_to_sip_credential")
ADDRESSES = operation_path("list_sip_credential_addresses")
NOT_FOUND = {"error": "Not Found"}


def subscriber_path(subscriber: str = SUBSCRIBER_ID) -> str:
    return SUBSCRIBERS.format(fabric_subscriber_id=subscriber)


@pytest.fixture
def mock(signalwire_sip_mock: RunningMock) -> RunningMock:
    return signalwire_sip_mock


@pytest.fixture
def http(mock: RunningMock) -> Any:
    with httpx.Client(
        base_url=mock.base_url, auth=(mock.project_id, mock.api_token), timeout=TIMEOUT
    ) as client:
        yield client


# The order a fresh mock is walked in: creates first, deletes last.
ORDER = [
    "list_sip_credentials",
    "create_sip_credential",
    "get_sip_credential",
    "update_sip_credential",
    "assign_resource_to_sip_credential",
    "list_sip_credential_addresses",
    "list_subscriber_sip_credentials",
    "create_subscriber_sip_credential",
    "get_subscriber_sip_credential",
    "update_subscriber_sip_credential",
    "delete_subscriber_sip_credential",
    "list_fabric_resources",
    "list_subscribers",
    "delete_sip_credential",
]


def test_every_example_of_the_spec_succeeds_against_a_fresh_mock(http: httpx.Client) -> None:
    operations = {
        op["operationId"]: (method, path, item, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict)
    }
    assert sorted(ORDER) == sorted(operations)
    for operation_id in ORDER:
        method, path, item, op = operations[operation_id]
        values = {}
        for reference in item.get("parameters", []) + op.get("parameters", []):
            parameter = PARAMETERS[reference["$ref"].rsplit("/", 1)[-1]]
            if parameter["in"] == "path":
                values[parameter["name"]] = parameter["example"]
        success = min(int(s) for s in op["responses"] if s.startswith("2"))
        content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        bodies = [e["value"] for e in content.get("examples", {}).values()] or [None]
        for body in bodies:
            answer = http.request(method.upper(), path.format(**values), json=body)
            assert answer.status_code == success, (operation_id, body, answer.text)


def test_an_assignment_shows_in_the_addresses_and_replaces_the_last(
    mock: RunningMock, http: httpx.Client
) -> None:
    credential = http.post(COLLECTION, json=create_body()).json()
    addresses = ADDRESSES.format(id=credential["id"])
    assert http.get(addresses).json()["data"] == []
    assigned = http.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": credential["id"]})
    assert assigned.status_code == 200
    assert assigned.json()["id"] == credential["id"]
    assert assigned.json()["name"] == credential["username"]
    [address] = http.get(addresses).json()["data"]
    assert address["name"] == credential["username"] and address["type"] == "call"
    assert address["display_name"] == "Front Desk Agent"
    assert address["channels"] == {"audio": f"/public/{credential['username']}?channel=audio"}
    assert address["channels"] == assigned.json()["channels"]
    # The same resource again changes nothing; another replaces it.
    http.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": credential["id"]})
    assert http.get(addresses).json()["data"] == [address]
    other = mock.add_resource(name="sales-bot", display_name="Sales")
    http.post(ASSIGN.format(id=other["id"]), json={"sip_endpoint_id": credential["id"]})
    [replaced] = http.get(addresses).json()["data"]
    assert replaced["display_name"] == "Sales" and replaced["id"] != address["id"]
    # A new username renames the address.
    http.put(f"{COLLECTION}/{credential['id']}", json={"username": "renamed-desk"})
    [renamed] = http.get(addresses).json()["data"]
    assert renamed["name"] == "renamed-desk" and renamed["id"] == replaced["id"]


def test_unknown_resources_credentials_and_subscribers_are_404(http: httpx.Client) -> None:
    credential = http.post(COLLECTION, json=create_body()).json()
    unknown = str(uuid.uuid4())
    answers = [
        http.get(ADDRESSES.format(id=unknown)),
        http.post(ASSIGN.format(id=unknown), json={"sip_endpoint_id": credential["id"]}),
        http.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": unknown}),
        http.get(subscriber_path(unknown)),
        http.post(subscriber_path(unknown), json={"username": "u", "password": "p"}),
        http.get(f"{subscriber_path()}/{unknown}"),
        http.patch(f"{subscriber_path()}/{unknown}", json={"caller_id": "x"}),
        http.delete(f"{subscriber_path()}/{unknown}"),
        http.get(f"{subscriber_path()}/not-a-uuid"),
    ]
    assert [(a.status_code, a.json()) for a in answers] == [(404, NOT_FOUND)] * len(answers)


def test_subscriber_credentials_round_trip_with_defaults_paging_and_conflicts(
    http: httpx.Client,
) -> None:
    made = [
        http.post(subscriber_path(), json={"username": f"bob-{i}", "password": f"pw-{i}"})
        for i in range(3)
    ]
    assert [m.status_code for m in made] == [201] * 3
    first = made[0].json()
    assert first == {
        "id": first["id"],
        "username": "bob-0",
        "caller_id": None,
        "send_as": None,
        "ciphers": [],
        "codecs": [],
        "encryption": "default",
    }
    again = http.post(subscriber_path(), json={"username": "bob-0", "password": "x"})
    assert again.status_code == 409 and again.json()["errors"][0]["attribute"] == "username"
    # The fixture's credential and the three, two to a page.
    names, url = [], f"{subscriber_path()}?page_size=2"
    while url:
        page = http.get(url).json()
        names += [c["username"] for c in page["data"]]
        url = page["links"].get("next")
    assert names == ["bob-desk", "bob-0", "bob-1", "bob-2"]
    item = f"{subscriber_path()}/{first['id']}"
    updated = http.patch(item, json={"caller_id": "Bob", "password": "rotated"})
    assert updated.status_code == 200 and updated.json()["caller_id"] == "Bob"
    assert http.get(item).json() == updated.json()
    assert http.delete(item).status_code == 204
    assert http.get(item).status_code == 404


def test_the_422s_name_the_field_and_never_quote_the_password(http: httpx.Client) -> None:
    secret = "s3cret-" + "x" * 200
    cases = [
        ({"username": "bob-x"}, "missing_required_parameter", "password"),
        ({"username": "bob-x", "password": secret}, "invalid_parameter_value", "password"),
        ({"username": "bob-x", "password": 7}, "invalid_parameter_value", "password"),
        ({"password": "p"}, "missing_required_parameter", "username"),
    ]
    for body, code, attribute in cases:
        answer = http.post(subscriber_path(), json=body)
        assert answer.status_code == 422, body
        [item] = answer.json()["errors"]
        assert (item["code"], item["attribute"]) == (code, attribute)
        assert "s3cret" not in answer.text
    missing = http.post(ASSIGN.format(id=RESOURCE_ID), json={})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["attribute"] == "sip_endpoint_id"


def test_nothing_dangles_after_a_delete(mock: RunningMock, http: httpx.Client) -> None:
    body = create_body()
    http.post(COLLECTION, json=body)
    http.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": body["id"]})
    # A deleted credential takes its address with it: made again, it has none.
    http.delete(f"{COLLECTION}/{body['id']}")
    http.post(COLLECTION, json=body)
    assert http.get(ADDRESSES.format(id=body["id"])).json()["data"] == []
    # A removed resource takes the addresses assigned from it.
    resource = mock.add_resource()
    http.post(ASSIGN.format(id=resource["id"]), json={"sip_endpoint_id": body["id"]})
    assert len(http.get(ADDRESSES.format(id=body["id"])).json()["data"]) == 1
    mock.remove_resource(resource["id"])
    assert http.get(ADDRESSES.format(id=body["id"])).json()["data"] == []
    assert (
        http.post(
            ASSIGN.format(id=resource["id"]), json={"sip_endpoint_id": body["id"]}
        ).status_code
        == 404
    )
    # A removed subscriber takes its credentials: added again, it has none.
    subscriber = mock.add_subscriber(email="carol@example.com")
    http.post(subscriber_path(subscriber["id"]), json={"username": "carol", "password": "pw"})
    mock.remove_subscriber(subscriber["id"])
    assert http.get(subscriber_path(subscriber["id"])).status_code == 404
    mock.add_subscriber(subscriber["id"])
    assert http.get(subscriber_path(subscriber["id"])).json()["data"] == []
    # A reset gives the project its subscriber and resource back.
    mock.reset()
    assert [s["id"] for s in mock.subscribers()] == [SUBSCRIBER_ID]
    assert [r["id"] for r in mock.resources()] == [RESOURCE_ID]


def test_an_outbound_resource_id_need_not_name_a_resource_of_the_project(
    http: httpx.Client,
) -> None:
    # The decision in openapi/decisions.md: the rule checks the uuid, not the resource.
    unknown = str(uuid.uuid4())
    body = create_body(call_handler="resource", calling_handler_resource_id=unknown)
    created = http.post(COLLECTION, json=body)
    assert created.status_code == 200
    assert created.json()["calling_handler_resource_id"] == unknown


def test_projects_stay_apart_on_every_new_path() -> None:
    alice, bob = Project("alice-project", "ta"), Project("bob-project", "tb")
    app = MockApp([alice, bob])

    async def run() -> None:
        transport = httpx.ASGITransport(app=cast(Any, app))
        async with (
            httpx.AsyncClient(
                transport=transport, base_url="http://t", auth=("alice-project", "ta")
            ) as a,
            httpx.AsyncClient(
                transport=transport, base_url="http://t", auth=("bob-project", "tb")
            ) as b,
        ):
            body = create_body()
            await a.post(COLLECTION, json=body)
            await a.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": body["id"]})
            made = await a.post(
                subscriber_path(), json={"username": "alice-desk", "password": "pw"}
            )
            item = f"{subscriber_path()}/{made.json()['id']}"
            # Bob's project has its own subscriber of the same id, and none of Alice's things.
            answers = [
                await b.get(ADDRESSES.format(id=body["id"])),
                await b.post(ASSIGN.format(id=RESOURCE_ID), json={"sip_endpoint_id": body["id"]}),
                await b.get(item),
                await b.patch(item, json={"caller_id": "x"}),
                await b.delete(item),
            ]
            assert [r.status_code for r in answers] == [404] * 5
            listed = (await b.get(subscriber_path())).json()["data"]
            assert [c["username"] for c in listed] == ["bob-desk"]
            assert (await a.get(item)).status_code == 200

    asyncio.run(run())


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


passwords = st.text(
    st.characters(codec="utf-8", exclude_characters='"\\'), min_size=6, max_size=40
).map(lambda text: f"pw{text}")


@settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(password=passwords, rotated=passwords)
def test_a_password_never_comes_back(password: str, rotated: str) -> None:
    app = MockApp([Project("p", "t")])
    captured = _Captured()
    logger = logging.getLogger("signalwire_sip_mock")
    logger.addHandler(captured)
    logger.setLevel(logging.DEBUG)

    async def run() -> list[str]:
        transport = httpx.ASGITransport(app=cast(Any, app))
        async with httpx.AsyncClient(
            transport=transport, base_url="http://t", auth=("p", "t")
        ) as c:
            made = await c.post(subscriber_path(), json={"username": "bob-x", "password": password})
            item = f"{subscriber_path()}/{made.json().get('id', uuid.uuid4())}"
            answers = [
                made,
                await c.patch(item, json={"password": rotated}),
                await c.patch(item, json={"password": rotated + "x" * 200}),  # a 422
                await c.post(subscriber_path(), json={"username": "bob-x", "password": password}),
                await c.get(item),
                await c.get(subscriber_path()),
                await c.get("/__mock__/requests"),
            ]
            return [a.text for a in answers]

    try:
        seen = asyncio.run(run())
    finally:
        logger.removeHandler(captured)
    stored = app.store.secret(
        "p",
        json.loads(seen[0])["id"],
        collection="subscriber_sip_credentials",
        parent=SUBSCRIBER_ID,
    )
    assert stored == rotated  # kept, for a device to register with
    journal = json.dumps(app.journal.as_json(), ensure_ascii=False)
    for text in [*map(_decoded, seen), *captured.lines, journal]:
        assert password not in text and rotated not in text


def _decoded(text: str) -> str:
    """TEXT with its JSON escapes undone (a password escaped as \\uXXXX is still there)."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def test_the_fabric_hooks_validate_what_they_are_given(mock: RunningMock) -> None:
    from signalwire_sip_mock import MockControlError

    for call in (
        lambda: mock.add_resource(name="Bad Name"),
        lambda: mock.add_resource(id="not-a-uuid"),
        lambda: mock.add_subscriber(SUBSCRIBER_ID),  # already there
        lambda: mock.add_subscriber(project="no-such-project"),
        lambda: mock.subscribers(project="no-such-project"),
    ):
        with pytest.raises(MockControlError):
            call()
    with pytest.raises(MockControlError, match=r"Not Found"):
        mock.remove_resource(str(uuid.uuid4()))
    added = mock.add_resource(name="sales-bot")
    assert added == {
        "id": added["id"],
        "name": "sales-bot",
        "display_name": "sales-bot",
        "type": "ai_agent",
    }
    assert [r["name"] for r in mock.resources()] == ["front-desk-agent", "sales-bot"]
