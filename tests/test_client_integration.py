"""The client against the real mock server over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from signalwire_sip import (
    APIStatusError,
    CallHandler,
    ConflictError,
    NotFoundError,
    OutboundPolicy,
    ResourceIdRuleError,
    SipCredentials,
    SipCredentialUpdate,
    ValidationError,
    generated_client,
)
from signalwire_sip_mock import RunningMock

from .helpers import RESOURCE_ID

NEW: dict[str, Any] = dict(
    caller_id="+15550001111",
    send_as="+15550001111",
    ciphers=["AES_CM_128_HMAC_SHA1_80"],
    codecs=["PCMU"],
)


@pytest.fixture
def mock(signalwire_sip_mock: RunningMock) -> RunningMock:
    return signalwire_sip_mock


@pytest.fixture
def client(mock: RunningMock) -> Iterator[SipCredentials]:
    with mock.client() as c:
        yield c


def test_create_get_list_iterate_update_delete(client: SipCredentials) -> None:
    created = [client.create(username=f"desk-{i}", **NEW) for i in range(5)]
    agent = client.create(
        username="agent-line", outbound=OutboundPolicy.resource(RESOURCE_ID), **NEW
    )
    assert (
        agent.call_handler == CallHandler.RESOURCE
        and str(agent.calling_handler_resource_id) == RESOURCE_ID
    )
    assert client.get(created[0].id).username == "desk-0"
    page = client.list(page_size=2)
    assert [c.username for c in page.data] == ["desk-0", "desk-1"] and isinstance(
        page.links.next_, str
    )
    assert [c.username for c in client.iter_all(page_size=2)] == [f"desk-{i}" for i in range(5)] + [
        "agent-line"
    ]
    moved = client.update(agent.id, caller_id="Agents", outbound=OutboundPolicy.passthrough())
    assert (moved.caller_id, moved.call_handler, moved.calling_handler_resource_id) == (
        "Agents",
        "passthrough",
        None,
    )
    assert client.update(agent.id, send_as="+1999").call_handler == "passthrough"
    client.delete(agent.id)
    with pytest.raises(NotFoundError):
        client.get(agent.id)
    assert len(list(client.iter_all(page_size=1000))) == 5


def test_a_rule_breaking_call_sends_nothing(client: SipCredentials, mock: RunningMock) -> None:
    credential = client.create(username="front", **NEW)
    before = len(mock.requests())
    with pytest.raises(ResourceIdRuleError):
        client.update_from(credential.id, SipCredentialUpdate(call_handler=CallHandler.RESOURCE))
    with pytest.raises(ResourceIdRuleError):
        client.update_from(
            credential.id,
            SipCredentialUpdate(
                call_handler=CallHandler.DEFAULT, calling_handler_resource_id=uuid.UUID(RESOURCE_ID)
            ),
        )
    assert len(mock.requests()) == before


def test_a_lone_resource_id_is_judged_by_the_server_against_the_stored_handler(
    client: SipCredentials, mock: RunningMock
) -> None:
    credential = client.create(username="front", **NEW)  # the default handler
    lone = SipCredentialUpdate(calling_handler_resource_id=uuid.UUID(RESOURCE_ID))
    with pytest.raises(ValidationError) as refused:
        client.update_from(credential.id, lone)
    assert [e.attribute for e in refused.value.errors] == ["calling_handler_resource_id"]
    assert mock.requests()[-1]["json"] == {"calling_handler_resource_id": RESOURCE_ID}
    agent = client.create(username="agent", outbound=OutboundPolicy.resource(uuid.uuid4()), **NEW)
    assert client.update_from(agent.id, lone).calling_handler_resource_id == uuid.UUID(RESOURCE_ID)


def test_the_servers_422_surfaces_as_a_typed_error(client: SipCredentials) -> None:
    with pytest.raises(ValidationError) as raised:
        client.create(username="has space", **NEW)
    [item] = raised.value.errors
    assert (item.attribute, item.code) == ("username", "invalid_parameter_value")
    client.create(username="taken", **NEW)
    with pytest.raises(ConflictError) as conflict:
        client.create(username="taken", **NEW)
    assert conflict.value.errors[0].attribute == "username"


def test_retries_ride_out_injected_faults_end_to_end(
    client: SipCredentials, mock: RunningMock
) -> None:
    credential = client.create(username="steady", **NEW)
    mock.inject_fault(503, count=2, method="GET", retry_after=0)
    assert client.get(credential.id).username == "steady"
    mock.inject_fault(429, count=3, method="GET", retry_after=0)
    with pytest.raises(APIStatusError) as raised:  # a 429 after 3 attempts
        client.get(credential.id)
    assert raised.value.status == 429 and raised.value.attempts == 3
    statuses = [e["status"] for e in mock.requests() if e["method"] == "GET"]
    assert statuses == [503, 503, 200, 429, 429, 429]


@pytest.mark.parametrize("lost", [{"status": 503, "retry_after": 0}, {"delay_ms": 1500}])
def test_a_create_whose_answer_is_lost_is_retried_into_the_stored_one(
    mock: RunningMock, lost: dict[str, Any]
) -> None:
    # The first attempt is stored, then its answer fails (503) or comes after the client gave up.
    mock.inject_fault(method="POST", after=True, **lost)
    with SipCredentials(
        base_url=mock.base_url,
        project_id=mock.project_id,
        api_token=mock.api_token,
        timeout=httpx.Timeout(5.0, read=0.5),
    ) as client:
        client._sleep = lambda seconds: None
        created = client.create(username="once", **NEW)
        assert [c.id for c in client.iter_all()] == [created.id]
    # The retry met its own stored credential (409) and read it back instead of failing.
    assert any(e["method"] == "POST" and e["status"] == 409 for e in mock.requests())
    # The delayed first attempt is journaled when its answer goes out: wait for it, or it
    # would land in the journal of whichever test the shared server serves next.
    deadline = time.monotonic() + 10
    while len([e for e in mock.requests() if e["method"] == "POST"]) < 2:
        assert time.monotonic() < deadline, "the delayed attempt never finished"
        time.sleep(0.05)


def test_the_async_client_does_the_same(mock: RunningMock) -> None:
    async def run() -> list[str]:
        async with mock.async_client() as c:
            first = await c.create(username="a-1", **NEW)
            await asyncio.gather(*(c.create(username=f"a-{i}", **NEW) for i in range(2, 6)))
            await c.update(first.id, outbound=OutboundPolicy.resource(RESOURCE_ID))
            assert (await c.get(first.id)).calling_handler_resource_id == uuid.UUID(RESOURCE_ID)
            with pytest.raises(ResourceIdRuleError):
                await c.create(username="bad", outbound=OutboundPolicy(CallHandler.RESOURCE), **NEW)
            names = [x.username async for x in c.iter_all(page_size=2)]
            await c.delete(first.id)
            with pytest.raises(NotFoundError):
                await c.get(first.id)
            return names

    assert sorted(asyncio.run(run())) == [f"a-{i}" for i in range(1, 6)]


def test_readme_quickstart_runs_as_written(
    mock: RunningMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Python example, executed against a running mock through the environment."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    example = re.search(r"```python\n(# quickstart.*?)```", readme, re.S)
    assert example, "README has no quickstart block"
    monkeypatch.setenv("SIGNALWIRE_SPACE", mock.base_url.removeprefix("http://"))
    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", mock.project_id)
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", mock.api_token)
    exec(compile(example.group(1), "README.md", "exec"), {})
    assert any(e["method"] == "DELETE" for e in mock.requests())


def test_the_raw_generated_client_authenticates_through_the_helper(mock: RunningMock) -> None:
    from signalwire_sip_client import AuthenticatedClient
    from signalwire_sip_client.api.sip_credentials import (
        create_sip_credential,
        list_sip_credentials,
    )
    from signalwire_sip_client.models import FabricSipCredential, SipCredential, SipCredentialCreate

    from .helpers import create_body

    raw = generated_client(
        base_url=mock.base_url, project_id=mock.project_id, api_token=mock.api_token
    )
    with raw:
        body = SipCredentialCreate.from_dict(create_body())
        created = create_sip_credential.sync_detailed(client=raw, body=body)
        # Either shape the spec allows (FabricSipCredential when the mock plays --shape fabric).
        assert created.status_code == 200
        assert isinstance(created.parsed, (SipCredential, FabricSipCredential))
        listed = list_sip_credentials.sync_detailed(client=raw).parsed
        assert [c.id for c in listed.data] == [created.parsed.id]  # type: ignore[union-attr]
    assert mock.api_token not in repr(raw)
    # Why the helper exists: the generated AuthenticatedClient sends a Bearer token.
    bearer = AuthenticatedClient(base_url=mock.base_url, token=mock.api_token)
    assert list_sip_credentials.sync_detailed(client=bearer).status_code == 401
