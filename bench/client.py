"""Client overhead: ``SipCredentials`` against raw httpx on the same mock, call by call."""

from __future__ import annotations

from typing import Any

import httpx

from signalwire_sip import SipCredentials

from .common import COLLECTION, PROJECT, body, interleaved, quiet_mock


def client_overhead(calls: int) -> dict[str, Any]:
    with quiet_mock() as mock:
        base = mock.base_url
        sip = SipCredentials(
            base_url=base, project_id=PROJECT.id, api_token=PROJECT.token, max_retries=0
        )
        raw = httpx.Client(auth=(PROJECT.id, PROJECT.token), timeout=30)  # plain keep-alive
        one = sip.create(username="bench-get", caller_id="x", send_as="y", ciphers=[], codecs=[])
        url = f"{base}{COLLECTION}/{one.id}"
        interleaved(min(calls, 200), lambda: sip.get(one.id), lambda: raw.get(url))  # warm up
        facade_get, raw_get = interleaved(calls, lambda: sip.get(one.id), lambda: raw.get(url))
        # Context: the raw call plus the JSON decoding that the facade cannot skip.
        facade_get_again, raw_json_get = interleaved(
            calls // 2, lambda: sip.get(one.id), lambda: raw.get(url).json()
        )
        bodies = [body() for _ in range(2 * calls)]
        pending = iter(bodies)

        def facade_create() -> object:
            b = next(pending)
            return sip.create(
                id=b["id"],
                username=b["username"],
                caller_id=b["caller_id"],
                send_as=b["send_as"],
                ciphers=b["ciphers"],
                codecs=b["codecs"],
            )

        facade_post, raw_post = interleaved(
            calls, facade_create, lambda: raw.post(base + COLLECTION, json=next(pending))
        )
        sip.close()
        raw.close()
    return {
        "calls": calls,
        "get_facade_us": facade_get * 1e6,
        "get_raw_us": raw_get * 1e6,
        "get_ratio": facade_get / raw_get,
        "get_raw_json_us": raw_json_get * 1e6,
        "get_ratio_to_raw_json": facade_get_again / raw_json_get,
        "create_facade_us": facade_post * 1e6,
        "create_raw_us": raw_post * 1e6,
        "create_ratio": facade_post / raw_post,
    }
