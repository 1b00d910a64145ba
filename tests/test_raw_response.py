"""``with_raw_response`` (#26, openai-python's form) against the real mock, both clients."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import uuid
from typing import Any

import pytest

from signalwire_sip import NotFoundError, RawResponse, SipCredential, SubscriberSipCredential
from signalwire_sip_mock import RunningMock, load_spec

SUBSCRIBER_ID = load_spec()["components"]["parameters"]["SubscriberId"]["example"]


def _token_free(raw: RawResponse[Any], mock: RunningMock) -> None:
    basic = base64.b64encode(f"{mock.project.id}:{mock.project.token}".encode()).decode()
    shown = [repr(raw), *(repr(v) for v in vars(raw).values())]
    assert not [s for s in shown if mock.project.token in s or basic in s]


def test_every_operation_gives_its_raw_answer(signalwire_sip_mock: RunningMock) -> None:
    mock = signalwire_sip_mock
    with mock.client() as sip:
        raw = sip.with_raw_response
        made = raw.create(username=f"raw-{uuid.uuid4().hex[:8]}", password="Pw-Raw-1")
        assert made.status_code in (200, 201) and made.request_id
        assert made.method == "POST" and isinstance(made.parse(), SipCredential)
        assert made.headers["content-type"].startswith("application/json")
        _token_free(made, mock)
        key = made.parse().id
        assert raw.get(key).parse() == sip.get(key)
        assert raw.list(page_size=1).status_code == 200
        assert raw.update(key, caller_id="+15550001").parse().caller_id == "+15550001"
        assert raw.list_addresses(key).parse().data == []
        gone = raw.delete(key)
        assert gone.status_code == 204 and gone.parse() is None and gone.method == "DELETE"
        with pytest.raises(NotFoundError):  # errors raise as they always do
            raw.get(key)
        mine = raw.subscriber(SUBSCRIBER_ID).create(username="raw-sub", password="Pw-Raw-2")
        assert isinstance(mine.parse(), SubscriberSipCredential)
        assert "/subscribers/" in mine.url


def test_the_async_client_gives_the_same(signalwire_sip_mock: RunningMock) -> None:
    async def go() -> tuple[int, int]:
        async with signalwire_sip_mock.async_client() as sip:
            made = await sip.with_raw_response.create(username="raw-async")
            listed = await sip.with_raw_response.subscriber(SUBSCRIBER_ID).list()
            return made.status_code, listed.status_code

    created, listed = asyncio.run(go())
    assert created in (200, 201) and listed == 200


def test_concurrent_raw_calls_each_see_their_own_answer(signalwire_sip_mock: RunningMock) -> None:
    with signalwire_sip_mock.client() as sip:
        names = [f"raw-thread-{i}" for i in range(8)]
        seen: dict[str, str] = {}

        def make(name: str) -> None:
            raw = sip.with_raw_response.create(username=name)
            assert raw.parse().username == name
            seen[name] = json.dumps(json.loads(raw.content))  # the answer read for this call

        threads = [threading.Thread(target=make, args=(n,)) for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(f'"{name}"' in answer for name, answer in seen.items()), seen
        assert len(seen) == len(names)
