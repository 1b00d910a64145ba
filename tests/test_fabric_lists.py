"""The Fabric resource and subscriber lists (``list_fabric_resources``, ``list_subscribers``): what
SignalWire's CLI finds ids through, served from what the mock holds, in both shapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from signalwire_sip import generated_client
from signalwire_sip_mock import MockServer, Project, RunningMock, operation_path

from .helpers import COLLECTION, RESOURCE_ID, create_body
from .test_spec import named

RESOURCES = operation_path("list_fabric_resources")
SUBSCRIBERS = operation_path("list_subscribers")
SPEC_SUBSCRIBER = "d369a402-7b43-4512-8735-9d5e1f387814"
OTHER = Project("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "PT" + "cd" * 20)


@pytest.fixture(scope="module", params=["flat", "fabric"])
def served(request: pytest.FixtureRequest) -> Iterator[RunningMock]:
    with MockServer(
        [Project("0d6b5c4e-3f2a-4b1c-9d8e-7f6a5b4c3d2e", "PT" + "ab" * 20), OTHER],
        shape=request.param,
    ) as server:
        running = RunningMock(server.base_url, server.project, server.app, shape=request.param)
        yield running
        running.close()


@pytest.fixture
def http(served: RunningMock) -> Iterator[httpx.Client]:
    served.reset()
    auth = (served.project_id, served.api_token)
    with httpx.Client(base_url=served.base_url, auth=auth, timeout=10) as client:
        yield client


def walk(http: httpx.Client, path: str, size: int) -> list[dict[str, Any]]:
    """Every row of a list, following links.next from a page of SIZE, each page validated."""
    rows: list[dict[str, Any]] = []
    url: str | None = f"{path}?page_size={size}"
    while url:
        answer = http.get(url)
        assert answer.status_code == 200, answer.text
        rows += answer.json()["data"]
        url = answer.json()["links"].get("next")
    return rows


def test_the_resource_list_holds_every_credential_as_a_sip_endpoint_resource(
    served: RunningMock, http: httpx.Client, spec: dict[str, Any]
) -> None:
    made = []
    for _ in range(5):
        answer = http.post(COLLECTION, json=create_body(password="s3cret-Pass-123"))
        assert answer.status_code == 200, answer.text
        made.append(answer.json())
    listed = walk(http, RESOURCES, 2)
    named(spec, "FabricResourcePage").validate(http.get(RESOURCES).json())
    # The spec's own resource (the AI agent credentials are assigned to) comes first, by the
    # fields every resource has; then the credentials, in the order they were made.
    others = [r for r in listed if r["type"] != "sip_endpoint"]
    assert [(r["id"], r["type"]) for r in others] == [(RESOURCE_ID, "ai_agent")]
    assert "sip_endpoint" not in others[0] and listed[0] == others[0]
    rows = listed[1:]
    # The resource's id is the one the credential paths take (the flat id, or the wrapper's).
    assert [r["id"] for r in rows] == [m["id"] for m in made]
    usernames = [m.get("username") or m["sip_endpoint"]["username"] for m in made]
    assert [r["sip_endpoint"]["username"] for r in rows] == usernames
    assert {r["type"] for r in rows} == {"sip_endpoint"}
    assert {r["project_id"] for r in rows} == {served.project_id}
    assert [r["display_name"] for r in rows] == usernames
    assert "s3cret-Pass-123" not in http.get(f"{RESOURCES}?page_size=10").text
    for row in rows:
        assert http.get(f"{COLLECTION}/{row['id']}").status_code == 200


def test_the_subscriber_list_holds_the_spec_subscriber_and_those_the_hooks_add(
    served: RunningMock, http: httpx.Client, spec: dict[str, Any]
) -> None:
    added = served.add_subscriber(email="carol@example.com", display_name="Carol")
    nameless = served.add_subscriber(email="dave@example.com")
    served.add_subscriber(display_name="Elsewhere", project=OTHER.id)
    answer = http.get(SUBSCRIBERS)
    assert answer.status_code == 200
    named(spec, "FabricSubscriberPage").validate(answer.json())
    rows = walk(http, SUBSCRIBERS, 1)
    assert [r["id"] for r in rows] == [SPEC_SUBSCRIBER, added["id"], nameless["id"]]
    carol = rows[1]
    assert carol["type"] == "subscriber" and carol["project_id"] == served.project_id
    assert carol["subscriber"]["email"] == "carol@example.com"
    assert carol["display_name"] == carol["subscriber"]["display_name"] == "Carol"
    assert carol["subscriber"]["first_name"] is None
    assert rows[2]["display_name"] == "dave@example.com"  # the best name the mock has
    assert rows[2]["subscriber"]["display_name"] is None
    served.remove_subscriber(added["id"])
    assert [r["id"] for r in walk(http, SUBSCRIBERS, 50)] == [SPEC_SUBSCRIBER, nameless["id"]]


def test_both_lists_need_credentials_and_check_their_query(http: httpx.Client) -> None:
    for path in (RESOURCES, SUBSCRIBERS):
        assert httpx.get(f"{http.base_url}{path}", timeout=10).status_code == 401
        assert http.get(path, params={"page_size": 0}).status_code == 422
        assert http.get(path, params={"page_token": "nope"}).status_code == 422


def test_the_generated_client_parses_both_lists(served: RunningMock, http: httpx.Client) -> None:
    from signalwire_sip_client.api.fabric_resources import list_fabric_resources, list_subscribers
    from signalwire_sip_client.models import FabricResourcePage, FabricSubscriberPage

    http.post(COLLECTION, json=create_body())
    raw = generated_client(
        base_url=served.base_url, project_id=served.project_id, api_token=served.api_token
    )
    with raw:
        resources = list_fabric_resources.sync(client=raw)
        subscribers = list_subscribers.sync(client=raw)
    assert isinstance(resources, FabricResourcePage)
    kinds = [type(r).__name__ for r in resources.data]
    assert kinds == ["FabricOtherResource", "FabricSipCredential"]
    assert isinstance(subscribers, FabricSubscriberPage)
    assert [str(s.id) for s in subscribers.data] == [SPEC_SUBSCRIBER]


def test_the_resource_list_leaves_the_gates_scenarios_starting_at_the_creates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # schemathesis binds `/api/fabric/resources/{id}` (the assignment) to the ids a plain
    # `GET /api/fabric/resources` array lists, then starts every stateful scenario with the
    # assignment alone and the gate walks 1 link of 11. `FabricResource` being a union (as
    # upstream's) keeps the binding off. (`_root_labels`: schemathesis 4.32's own name.)
    import schemathesis
    from schemathesis.config import SchemathesisConfig

    from .helpers import ROOT, SPEC_PATH

    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", "x")
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", "y")
    config = SchemathesisConfig.from_path(
        str(ROOT / "contract" / "signalwire_sip_contract" / "schemathesis.toml")
    )
    schema = schemathesis.openapi.from_path(str(SPEC_PATH), config=config)
    roots = schema.as_state_machine()._root_labels  # type: ignore[attr-defined]
    assert {
        f"POST {COLLECTION}",
        f"POST {operation_path('create_subscriber_sip_credential')}",
    } <= roots
