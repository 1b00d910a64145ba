"""The client's SIP family against the mock, sync and async: addresses and assignment, a
subscriber's credentials (paged, 404s, 422s naming the field), arguments refused before
sending, and the password kept secret everywhere the client speaks (repr, exceptions, logs)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from signalwire_sip import (
    AssignedSipCredential,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    SipCredentialAddress,
    SipCredentials,
    SubscriberSipCredential,
    ValidationError,
)
from signalwire_sip_mock import RunningMock, load_spec

from .helpers import RESOURCE_ID

SUBSCRIBER_ID = load_spec()["components"]["parameters"]["SubscriberId"]["example"]
NEW: dict[str, Any] = dict(
    caller_id="+15550001111", send_as="+15550001111", ciphers=[], codecs=["PCMU"]
)
SECRET = "correct-horse-battery-staple-42"


@pytest.fixture
def mock(signalwire_sip_mock: RunningMock) -> RunningMock:
    return signalwire_sip_mock


def test_assign_an_agent_and_read_the_address(mock: RunningMock) -> None:
    with mock.client() as sip:
        credential = sip.create(username="front-desk", **NEW)
        assert sip.list_addresses(credential.id).data == []
        assigned = sip.assign_resource(credential.id, resource_id=RESOURCE_ID)
        assert isinstance(assigned, AssignedSipCredential)
        assert (assigned.id, assigned.name) == (credential.id, "front-desk")
        [address] = list(sip.iter_addresses(str(credential.id).upper()))
        assert isinstance(address, SipCredentialAddress)
        assert (address.name, address.display_name) == ("front-desk", "Front Desk Agent")
        assert address.channels.audio == assigned.channels.audio
        with pytest.raises(NotFoundError):
            sip.assign_resource(credential.id, resource_id=uuid.uuid4())
        with pytest.raises(NotFoundError):
            sip.list_addresses(uuid.uuid4())


def test_a_subscribers_credentials_round_trip_and_page(mock: RunningMock) -> None:
    with mock.client() as sip:
        bob = sip.subscriber(SUBSCRIBER_ID)
        made = [bob.create(username=f"bob-{i}", password=f"{SECRET}-{i}") for i in range(3)]
        assert all(isinstance(m, SubscriberSipCredential) for m in made)
        assert made[0].caller_id is None and made[0].encryption == "default"
        names = [c.username for c in bob.iter_all(page_size=1)]
        assert names == ["bob-desk", "bob-0", "bob-1", "bob-2"]
        updated = bob.update(made[0].id, caller_id="Bob", password="rotated-password")
        assert updated.caller_id == "Bob" and bob.get(made[0].id) == updated
        bob.delete(made[0].id)
        with pytest.raises(NotFoundError):
            bob.get(made[0].id)
        with pytest.raises(NotFoundError):
            sip.subscriber(uuid.uuid4()).list()


def test_the_async_client_has_the_same_family(mock: RunningMock) -> None:
    async def run() -> list[str]:
        async with mock.async_client() as sip:
            credential = await sip.create(username="async-desk", **NEW)
            await sip.assign_resource(credential.id, resource_id=RESOURCE_ID)
            names = [a.display_name async for a in sip.iter_addresses(credential.id)]
            bob = sip.subscriber(SUBSCRIBER_ID)
            made = await asyncio.gather(
                *(bob.create(username=f"a-{i}", password=SECRET) for i in range(3))
            )
            await bob.update(made[0].id, password="rotated-password")
            await bob.delete(made[1].id)
            names += [c.username async for c in bob.iter_all(page_size=2)]
            return names

    assert asyncio.run(run()) == ["Front Desk Agent", "bob-desk", "a-0", "a-2"]


def test_arguments_are_refused_before_anything_is_sent(mock: RunningMock) -> None:
    with mock.client() as sip:
        calls: list[tuple[Callable[[], object], str]] = [
            (lambda: sip.subscriber("nope"), "subscriber_id"),
            (lambda: sip.assign_resource("nope", resource_id=RESOURCE_ID), "id"),
            (lambda: sip.assign_resource(uuid.uuid4(), resource_id="nope"), "resource_id"),
            (lambda: sip.list_addresses("nope"), "id"),
            (lambda: sip.subscriber(SUBSCRIBER_ID).create(username="x", password=""), "password"),
            (lambda: sip.subscriber(SUBSCRIBER_ID).create(username="x", password=7), "password"),  # type: ignore[arg-type]
            (lambda: sip.subscriber(SUBSCRIBER_ID).create(username=7, password=SECRET), "username"),  # type: ignore[arg-type]
            (
                lambda: sip.subscriber(SUBSCRIBER_ID).create(
                    username="x", password=SECRET, codecs=["NOPE"]
                ),
                "codecs[0]",
            ),
            (
                lambda: sip.subscriber(SUBSCRIBER_ID).update(uuid.uuid4(), password="\ud800"),
                "password",
            ),
        ]
        for call, argument in calls:
            with pytest.raises(InvalidArgumentError) as refused:
                call()
            assert refused.value.argument == argument
            assert "\ud800" not in str(refused.value) and "'7'" not in str(refused.value)
    assert mock.requests() == []


def test_the_password_is_never_shown(mock: RunningMock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    mock.inject_fault(503, method="POST", retry_after=0)
    with mock.client() as sip:
        sip._sleep = lambda seconds: None
        bob = sip.subscriber(SUBSCRIBER_ID)
        made = bob.create(username="bob-secret", password=SECRET)  # retried once after the 503
        shown = [repr(bob), repr(made), str(made), repr(sip)]
        bob.create(username="bob-other", password="Pw-Other-1")
        with pytest.raises(ConflictError) as refused:  # the server refuses a body with SECRET
            bob.update(made.id, username="bob-other", password=SECRET)
        shown += [str(refused.value), repr(refused.value), refused.value.body]
        with pytest.raises(InvalidArgumentError) as too_long:  # the spec's 128: refused here
            bob.update(made.id, password=SECRET + "x" * 200)
        shown += [str(too_long.value), repr(too_long.value.value)]
        with pytest.raises(InvalidArgumentError) as bad:
            bob.create(username="bob-2", password="\udfff" + SECRET)
        shown += [str(bad.value), repr(bad.value.value)]
    shown += [r.getMessage() for r in caplog.records]
    shown += [str(entry) for entry in mock.requests()]
    assert [s for s in shown if SECRET in s] == []
    assert any("retrying POST" in r.getMessage() for r in caplog.records)


def test_a_password_a_server_echoes_is_redacted_from_the_error() -> None:
    # A unit test (the transport mocked): a server or a proxy that quotes the request body back
    # in its error must not carry the password into the exception.
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json={"errors": [{"message": request.content.decode()}]})

    with httpx.Client(transport=httpx.MockTransport(echo)) as http:
        sip = SipCredentials(
            base_url="http://127.0.0.1:9",
            project_id="p",
            api_token="PT" + "0" * 30,
            http_client=http,
        )
        with pytest.raises(ValidationError) as refused:
            sip.subscriber(SUBSCRIBER_ID).create(username="bob-x", password=SECRET)
    error = refused.value
    assert "bob-x" in error.body  # the echo arrived ...
    assert SECRET not in error.body and SECRET not in str(error) and SECRET not in repr(error)
