"""Reliability and security: load, races, durability across SIGKILL, and a catalogue of bad input.

The mock runs as its own process here (the way CI and users run it), on 127.0.0.1.
"""

from __future__ import annotations

import base64
import json
import random
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from signalwire_sip import SipCredentials
from signalwire_sip_mock import MockProcess, Project

from .helpers import COLLECTION, create_body

PROJECT, TOKEN = "0d6b5c4e-3f2a-4b1c-9d8e-7f6a5b4c3d2e", "PT" + "ab" * 20
OTHER_PROJECT, OTHER_TOKEN = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "PT" + "cd" * 20
CLIENTS, OPERATIONS = 16, 200
TIMEOUT = httpx.Timeout(10.0)

pytestmark = pytest.mark.slow


MINE, THEIRS = Project(PROJECT, TOKEN), Project(OTHER_PROJECT, OTHER_TOKEN)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with MockProcess([MINE]) as mock:
        yield mock.base_url


def session(base_url: str, project: str = PROJECT, token: str = TOKEN) -> httpx.Client:
    return httpx.Client(base_url=base_url, auth=(project, token), timeout=TIMEOUT)


def every_credential(http: httpx.Client) -> Iterator[dict[str, Any]]:
    """Every stored credential, following the pages' next links."""
    url: str | None = f"{COLLECTION}?page_size=1000"
    while url:
        page = http.get(url).json()
        yield from page["data"]
        url = page["links"].get("next")


def test_sixteen_clients_lose_no_write_and_see_no_5xx(server: str) -> None:
    statuses: list[int] = []
    models: list[dict[str, dict[str, Any]]] = [{} for _ in range(CLIENTS)]
    failures: list[BaseException] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        rng = random.Random(index)
        model = models[index]
        seen: list[int] = []
        try:
            with session(server) as http:
                for _ in range(OPERATIONS):
                    action = rng.choice(["create", "create", "update", "get", "delete", "list"])
                    if action == "create" or not model:
                        body = create_body()
                        response = http.post(COLLECTION, json=body)
                        if response.status_code == 200:
                            model[body["id"]] = response.json()
                    elif action == "update":
                        key = rng.choice(list(model))
                        response = http.put(
                            f"{COLLECTION}/{key}", json={"caller_id": f"c{rng.random()}"}
                        )
                        if response.status_code == 200:
                            model[key] = response.json()
                    elif action == "get":
                        key = rng.choice(list(model))
                        response = http.get(f"{COLLECTION}/{key}")
                        assert response.json() == model[key]
                    elif action == "delete":
                        key = rng.choice(list(model))
                        response = http.delete(f"{COLLECTION}/{key}")
                        if response.status_code == 204:
                            del model[key]
                    else:
                        response = http.get(COLLECTION, params={"page_size": 20})
                    seen.append(response.status_code)
        except BaseException as error:
            failures.append(error)
        with lock:
            statuses.extend(seen)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not failures, failures[0]
    assert len(statuses) == CLIENTS * OPERATIONS
    assert all(s < 500 for s in statuses)
    assert set(statuses) <= {200, 204}
    expected = {key: record for model in models for key, record in model.items()}
    with session(server) as http:
        stored = {r["id"]: r for r in every_credential(http)}
    assert stored == expected


@pytest.mark.parametrize("collide_on", ["id", "username"])
def test_racing_creates_have_exactly_one_winner(server: str, collide_on: str) -> None:
    def race(shared: dict[str, Any]) -> list[int]:
        barrier = threading.Barrier(CLIENTS)
        results: list[int] = []
        lock = threading.Lock()

        def racer() -> None:
            body = create_body(**{collide_on: shared[collide_on]})
            with session(server) as http:
                http.get(COLLECTION)  # connect before the start line
                barrier.wait()
                status = http.post(COLLECTION, json=body).status_code
            with lock:
                results.append(status)

        threads = [threading.Thread(target=racer) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        return results

    for _ in range(5):
        assert sorted(race(create_body())) == [200] + [409] * (CLIENTS - 1)


def test_every_acknowledged_create_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    mock = MockProcess([MINE], db=db).start()
    base_url = mock.base_url
    acknowledged: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        with session(base_url) as http:
            while not stop.is_set():
                body = create_body()
                try:
                    response = http.post(COLLECTION, json=body)
                except httpx.TransportError:
                    return
                if response.status_code == 200:
                    acknowledged.append(body["id"])

    try:
        writers = [threading.Thread(target=writer) for _ in range(4)]
        for w in writers:
            w.start()
        while len(acknowledged) < 300:
            time.sleep(0.01)
        mock.kill()  # SIGKILL mid-stream: writes are in flight
        stop.set()
        for w in writers:
            w.join(timeout=30)
    finally:
        mock.stop()
    assert len(acknowledged) >= 300
    with MockProcess([MINE], db=db) as restarted, session(restarted.base_url) as http:
        stored = {r["id"] for r in every_credential(http)}
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged creates were lost"


def _basic(text: bytes) -> str:
    return "Basic " + base64.b64encode(text).decode()


BAD_INPUT: list[tuple[str, dict[str, Any], int]] = [
    ("malformed JSON", {"method": "POST", "content": b"{'id': 1}"}, 400),
    ("truncated JSON", {"method": "POST", "content": b'{"id": "7d3c1a52-3f5e'}, 400),
    (
        "JSON with a BOM (read, as RFC 8259 allows)",
        {"method": "POST", "content": b"\xef\xbb\xbf{}"},
        422,
    ),
    ("an array body", {"method": "POST", "content": b"[1, 2]"}, 422),
    (
        "wrong types",
        {"method": "POST", "json": create_body(ciphers="all", codecs=7, username=5)},
        422,
    ),
    ("null everywhere", {"method": "POST", "json": dict.fromkeys(create_body())}, 422),
    (
        "a huge body",
        {"method": "POST", "content": b'{"a": "' + b"x" * (2 * 1024 * 1024) + b'"}'},
        413,
    ),
    (
        "a deeply nested body",
        {"method": "POST", "content": b'{"a":' * 50_000 + b"1" + b"}" * 50_000},
        400,
    ),
    (
        "control characters in username",
        {"method": "POST", "json": create_body(username="a\x00b\x1f")},
        422,
    ),
    (
        "unicode white space in username",
        {"method": "POST", "json": create_body(username="a\u3000b")},
        422,
    ),
    (
        # RFC 8259 8.2: such a string is no Unicode text; the client refuses to send one too.
        "a lone surrogate",
        {"method": "POST", "content": json.dumps(create_body(caller_id="\ud800")).encode()},
        400,
    ),
    (
        "emoji and RTL text",
        {"method": "POST", "json": create_body(caller_id="☎️ מוקד", username="☎️")},
        200,
    ),
    ("a non-uuid id", {"method": "GET", "path": f"{COLLECTION}/1 OR 1=1"}, 404),
    ("path traversal", {"method": "GET", "path": f"{COLLECTION}/../../../etc/passwd"}, 404),
    ("an encoded slash", {"method": "GET", "path": f"{COLLECTION}/%2e%2e%2f%2e%2e"}, 404),
    ("a percent-encoded NUL", {"method": "DELETE", "path": f"{COLLECTION}/%00"}, 404),
    ("a very long path", {"method": "GET", "path": f"{COLLECTION}/{'a' * 8000}"}, 404),
    ("a long query", {"method": "GET", "path": f"{COLLECTION}?page_token={'P' * 8000}"}, 422),
    ("bad base64 credentials", {"method": "GET", "auth": "Basic %%%"}, 401),
    ("credentials without a colon", {"method": "GET", "auth": _basic(PROJECT.encode())}, 401),
    ("a wrong token", {"method": "GET", "auth": _basic(f"{PROJECT}:wrong".encode())}, 401),
    ("an empty token", {"method": "GET", "auth": _basic(f"{PROJECT}:".encode())}, 401),
    ("another scheme", {"method": "GET", "auth": f"Bearer {TOKEN}"}, 401),
    (
        "an unknown project",
        {"method": "GET", "auth": _basic(f"{OTHER_PROJECT}:{OTHER_TOKEN}".encode())},
        401,
    ),
]


@pytest.mark.parametrize(("case", "request_", "status"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_gets_a_documented_answer_never_a_5xx(
    server: str, case: str, request_: dict[str, Any], status: int
) -> None:
    headers = {"Authorization": request_.get("auth", _basic(f"{PROJECT}:{TOKEN}".encode()))}
    kwargs: dict[str, Any] = {}
    if "content" in request_:
        kwargs["content"] = request_["content"]
        headers["Content-Type"] = "application/json"
    if "json" in request_:
        kwargs["json"] = request_["json"]
    url = server + request_.get("path", COLLECTION)
    response = httpx.request(request_["method"], url, headers=headers, timeout=TIMEOUT, **kwargs)
    assert response.status_code == status, response.text[:300]
    if status >= 400:
        body = response.json()
        assert body.get("error") or all(
            {"type", "code", "message", "attribute", "url"} <= set(i) for i in body["errors"]
        )


def test_another_projects_token_cannot_reach_this_projects_credentials() -> None:
    with MockProcess([MINE, THEIRS]) as mock:
        body = create_body()
        with (
            session(mock.base_url) as mine,
            session(mock.base_url, OTHER_PROJECT, OTHER_TOKEN) as theirs,
        ):
            assert mine.post(COLLECTION, json=body).status_code == 200
            assert theirs.get(f"{COLLECTION}/{body['id']}").status_code == 404
            assert theirs.delete(f"{COLLECTION}/{body['id']}").status_code == 404
            assert mine.get(f"{COLLECTION}/{body['id']}").status_code == 200


def test_the_cli_banner_works_as_pasted_and_the_server_stops_cleanly_on_sigterm(
    tmp_path: Path,
) -> None:
    log_file = (tmp_path / "mock.log").open("w+")
    mock = MockProcess(log_level="info", stderr=log_file).start()
    try:
        banner = mock.banner
        # Every URL it prints answers, and its export lines, pasted as they are, configure a client.
        urls = re.findall(r"http://\S+", banner)
        assert len(urls) == 6  # base, docs, the spec twice, the hooks and their document
        for url in urls:
            assert httpx.get(url, follow_redirects=True, timeout=TIMEOUT).status_code == 200, url
        exports = dict(re.findall(r"^\s*export (SIGNALWIRE_\w+)=(\S+)", banner, re.MULTILINE))
        assert set(exports) == {"SIGNALWIRE_SPACE", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"}
        token = exports["SIGNALWIRE_API_TOKEN"]
        with SipCredentials(
            space=exports["SIGNALWIRE_SPACE"],
            project_id=exports["SIGNALWIRE_PROJECT_ID"],
            api_token=token,
        ) as sip:
            assert sip.list().data == []
            sip.create(username="pasted", caller_id="x", send_as="x", ciphers=[], codecs=[])
        assert mock.project == Project(exports["SIGNALWIRE_PROJECT_ID"], token)
    finally:
        assert mock.stop() == 0  # SIGTERM: a clean stop
    log = (tmp_path / "mock.log").read_text()
    assert f"POST {COLLECTION} 200" in log
    assert token not in log


def test_the_banner_never_prints_a_token_given_on_the_command_line() -> None:
    with MockProcess([MINE]) as mock:
        assert f"export SIGNALWIRE_PROJECT_ID={PROJECT}" in mock.banner
        assert TOKEN not in mock.banner


def test_the_banner_never_prints_a_token_given_in_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # #23 item 6: the CI's own token once went to its log as "a fresh demo project".
    monkeypatch.setenv(
        "SIGNALWIRE_SIP_MOCK_PROJECTS", f"{PROJECT}:{TOKEN},{OTHER_PROJECT}:{OTHER_TOKEN}"
    )
    with MockProcess() as mock:
        assert f"export SIGNALWIRE_PROJECT_ID={PROJECT}" in mock.banner
        assert TOKEN not in mock.banner and OTHER_TOKEN not in mock.banner
        assert "demo" not in mock.banner
        answer = httpx.get(mock.base_url + COLLECTION, auth=(PROJECT, TOKEN), timeout=TIMEOUT)
        assert answer.status_code == 200


def test_with_the_h11_parser_even_unknown_methods_get_a_405() -> None:
    with MockProcess([MINE], options=["--http", "h11"]) as mock:
        response = httpx.request("FROBNICATE", f"{mock.base_url}{COLLECTION}", timeout=TIMEOUT)
        assert response.status_code == 405 and response.json() == {"error": "Method Not Allowed"}
        assert response.headers["allow"] == "GET, POST"
