"""The client against careless set-ups and misbehaving servers: what a red-team pass broke.

The first half uses the recording transport of test_client_unit (both clients); the last test
runs the real client against a real loopback server that answers whatever hypothesis makes.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signalwire_sip import (
    APIConnectionError,
    ConfigurationError,
    InvalidArgumentError,
    NotFoundError,
    SignalWireError,
    SipCredentialCreate,
    SipCredentials,
    UnexpectedResponseError,
    base_url_for_space,
)

from .helpers import create_body
from .test_client_unit import (
    BASE,
    CREATE,
    PROJECT,
    TOKEN,
    ClientFactory,
    Recorder,
    client,
    error,
    ok,
    record,
)

__all__ = ["client"]  # the fixture, imported so that the tests here run on both clients
BASIC = base64.b64encode(f"{PROJECT}:{TOKEN}".encode()).decode()


# Plain http only to loopback -------------------------------------------------------------


@pytest.mark.parametrize(
    ("space", "url"),
    [
        ("localhostdev", "https://localhostdev.signalwire.com"),
        ("localhost.attacker.example", "https://localhost.attacker.example"),
        ("127.attacker.example", "https://127.attacker.example"),
        ("127.0.0.1.nip.io:8080", "https://127.0.0.1.nip.io:8080"),
        ("http://example.signalwire.com", "https://example.signalwire.com"),
        ("localhost", "http://localhost"),
        ("localhost:8080", "http://localhost:8080"),
        ("127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("127.8.9.10", "http://127.8.9.10"),
        ("[::1]:8080", "http://[::1]:8080"),
        # A scheme in capitals is the same scheme (#23: it once became https://HTTP://mock:8080).
        ("HTTP://mock:8080", "http://mock:8080"),
        ("Https://example.signalwire.com", "https://example.signalwire.com"),
        ("HTTP://example.signalwire.com", "https://example.signalwire.com"),
        ("HTTP://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ],
)
def test_only_loopback_hosts_get_plain_http(space: str, url: str) -> None:
    assert base_url_for_space(space) == url


@pytest.mark.parametrize("space", ["ftp://example.signalwire.com", "FILE://x", "ws://mock:8080"])
def test_a_space_with_another_scheme_is_refused_naming_it(space: str) -> None:
    with pytest.raises(ConfigurationError, match=r"not '(ftp|file|ws)'://"):
        base_url_for_space(space)


@pytest.mark.parametrize(
    "base_url", ["https://user:pw@example.signalwire.com", "ftp://example.com", "https://"]
)
def test_a_base_url_with_credentials_or_without_http_is_refused(base_url: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        SipCredentials(base_url=base_url, project_id=PROJECT, api_token=TOKEN)
    assert "pw" not in str(raised.value)


# A shared httpx client stays as it was ----------------------------------------------------


def test_a_shared_http_client_keeps_no_cookie_and_sends_none() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        owner = base64.b64decode(request.headers["authorization"].split()[1]).decode()
        return ok(record(), headers={"set-cookie": f"session={owner[:8]}; Path=/"})

    shared = httpx.Client(transport=httpx.MockTransport(answer))
    shared.cookies.set("mine", "kept", domain="example.org")
    a = SipCredentials(base_url=BASE, project_id=PROJECT, api_token=TOKEN, http_client=shared)
    b = SipCredentials(
        base_url=BASE, project_id="other-project", api_token="PT2", http_client=shared
    )
    a.get(uuid.uuid4())
    b.get(uuid.uuid4())
    a.get(uuid.uuid4())
    assert [r.headers.get("cookie") for r in seen] == [None, None, None]
    assert [(c.name, c.value) for c in shared.cookies.jar] == [("mine", "kept")]


# Secrets never escape ----------------------------------------------------------------------


def test_a_401_that_echoes_the_credentials_hides_them(client: ClientFactory) -> None:
    echo = f"Invalid credentials {PROJECT}:{TOKEN} (Authorization: Basic {BASIC})"
    c, _ = client(Recorder(lambda r: httpx.Response(401, text=echo)), max_retries=0)
    with pytest.raises(SignalWireError) as raised:
        c.get(uuid.uuid4())
    shown = [str(raised.value), repr(raised.value), getattr(raised.value, "body", "")]
    assert all(TOKEN not in text and BASIC not in text for text in shown)
    assert "[redacted]" in str(raised.value)


# Deletes say what happened ------------------------------------------------------------------


def test_a_delete_whose_answer_was_lost_is_a_deletion(client: ClientFactory) -> None:
    # The first attempt was carried out, its answer lost (503 after the write); the retry 404s.
    c, _ = client(Recorder(error(503), error(404)))
    c.delete(uuid.uuid4())  # returns, raising nothing


def test_a_delete_that_never_reached_the_server_still_says_not_found(
    client: ClientFactory,
) -> None:
    c, _ = client(Recorder(httpx.ConnectError("refused"), error(404)))
    with pytest.raises(NotFoundError):
        c.delete(uuid.uuid4())
    c, _ = client(Recorder(error(429), error(404)))
    with pytest.raises(NotFoundError):
        c.delete(uuid.uuid4())


@pytest.mark.parametrize(
    "answer",
    [
        lambda r: httpx.Response(302, headers={"location": "https://login.example/"}),
        lambda r: httpx.Response(200, text="<html>Welcome to the hotel wifi</html>"),
        lambda r: httpx.Response(200, html="<p>deleted?</p>"),
    ],
)
def test_a_delete_answered_by_a_redirect_or_a_page_is_unexpected(
    answer: Any, client: ClientFactory
) -> None:
    c, _ = client(Recorder(answer))
    with pytest.raises(UnexpectedResponseError):
        c.delete(uuid.uuid4())


# Only the package's own errors escape ----------------------------------------------------


def _deep(depth: int) -> bytes:
    return b'{"id":' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize(
    "answer",
    [
        lambda r: ok(record(id=42)),
        lambda r: ok(record(id=None, codecs="OPUS")),
        lambda r: ok([1, 2, 3]),
        lambda r: httpx.Response(200, content=_deep(5000), headers={"content-type": "a/json"}),
        lambda r: httpx.Response(200, content=b"\xff\xfe{", headers={"content-type": "a/json"}),
        lambda r: httpx.Response(299, json=record()),
        lambda r: httpx.Response(301, headers={"location": "/elsewhere"}),
    ],
)
def test_a_malformed_success_is_an_unexpected_response(answer: Any, client: ClientFactory) -> None:
    c, _ = client(Recorder(answer))
    with pytest.raises(UnexpectedResponseError) as raised:
        c.get(uuid.uuid4())
    assert raised.value.__cause__ is None or isinstance(raised.value.__cause__, SignalWireError)


def _page(next_link: str | None) -> httpx.Response:
    links = {"self": f"{BASE}/x", "first": f"{BASE}/x"} | ({"next": next_link} if next_link else {})
    return ok({"data": [record()], "links": links})


@pytest.mark.parametrize(
    "link", [f"{BASE}/x?page_size=abc", f"{BASE}/x?page_number=-1", f"{BASE}/x?page_size=%C2%B2"]
)
def test_a_next_link_that_is_no_page_is_unexpected(link: str, client: ClientFactory) -> None:
    c, _ = client(Recorder(lambda r: _page(link)))
    with pytest.raises(UnexpectedResponseError, match=r"links\.next"):
        list(c.iter_all())


def test_a_next_link_that_never_changes_ends_the_paging(client: ClientFactory) -> None:
    recorder = Recorder(lambda r: _page(f"{BASE}/x?page_size=1&page_token=PA0000000000000001"))
    c, _ = client(recorder)
    with pytest.raises(UnexpectedResponseError, match="repeats"):
        list(c.iter_all())
    assert len(recorder.requests) == 2


def test_text_that_cannot_be_sent_is_refused_naming_the_argument(client: ClientFactory) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    with pytest.raises(InvalidArgumentError, match="username") as raised:
        c.create(**(CREATE | {"username": "alice\ud800"}))
    assert raised.value.argument == "username"
    body = SipCredentialCreate.from_dict(create_body(caller_id="\udfff"))
    with pytest.raises(InvalidArgumentError) as raised:
        c.create_from(body)
    assert raised.value.argument == "caller_id"
    with pytest.raises(InvalidArgumentError, match="send_as"):
        c.update(uuid.uuid4(), send_as="\ud83d")
    assert recorder.requests == []


def test_a_failure_never_carries_an_earlier_answer(client: ClientFactory) -> None:
    c, _ = client(
        Recorder(ok(record(), headers={"x-request-id": "old"}), ok({"id": 7}, headers={}))
    )
    c.get(uuid.uuid4())
    with pytest.raises(UnexpectedResponseError) as raised:
        c.get(uuid.uuid4())
    assert raised.value.request_id is None and '"id":7' in raised.value.body


def test_a_connection_failure_is_chained_to_its_cause(client: ClientFactory) -> None:
    c, _ = client(Recorder(httpx.ConnectError("[Errno -2] Name or service not known")))
    with pytest.raises(APIConnectionError) as raised:
        c.get(uuid.uuid4())
    assert isinstance(raised.value.__cause__, httpx.ConnectError)
    assert "Name or service" in str(raised.value.__cause__)


# A misbehaving real server, answers made by hypothesis ---------------------------------------


class RawServer:
    """A loopback TCP server that reads one request per connection and writes ``answer``."""

    def __init__(self) -> None:
        self.answer = b""
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    data = b""
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    conn.sendall(self.answer)
                    conn.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    yield server
    server.close()


def _json_values() -> st.SearchStrategy[Any]:
    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    leaves = leaves | st.just(TOKEN) | st.just(BASIC) | st.just(str(uuid.uuid4()))
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )


def _bodies() -> st.SearchStrategy[bytes]:
    shaped = st.builds(
        lambda fields: json.dumps(record() | fields).encode(),
        st.dictionaries(st.sampled_from(sorted(record())), _json_values(), max_size=3),
    )
    page = st.builds(
        lambda data, nxt: json.dumps({"data": data, "links": {"next": nxt}}).encode(),
        st.lists(_json_values(), max_size=3),
        _json_values(),
    )
    deep = st.integers(100, 3000).map(lambda n: b"[" * n + b"]" * n)
    echo = st.just(f"bad credentials {TOKEN} {BASIC}".encode())
    return (
        shaped
        | page
        | deep
        | echo
        | st.binary(max_size=64)
        | _json_values().map(lambda v: json.dumps(v).encode())
    )


@st.composite
def _answers(draw: st.DrawFn) -> bytes:
    status = draw(
        st.sampled_from([200, 201, 204, 299, 301, 302, 400, 401, 404, 409, 422, 503, 600])
    )
    body = draw(_bodies())
    kind = draw(st.sampled_from([b"application/json", b"text/html", b"application/json; x=1"]))
    length = draw(st.sampled_from(["exact", "short", "long", "none"]))
    declared = {"exact": len(body), "short": max(len(body) - 1, 0), "long": len(body) + 10}
    head = [b"HTTP/1.1 %d X" % status, b"content-type: " + kind, b"connection: close"]
    if length != "none":
        head.append(b"content-length: %d" % declared[length])
    if draw(st.booleans()):
        head.append(f"set-cookie: s={TOKEN}; Path=/".encode())
    garbage = draw(st.sampled_from([b"", b"HTTP/1.1 abc\r\n", b"\x00\x01"]))
    return garbage + b"\r\n".join(head) + b"\r\n\r\n" + body


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays deterministic
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    answer=_answers(), operation=st.sampled_from(["get", "list", "iter_all", "create", "delete"])
)
def test_against_a_misbehaving_server_only_our_errors_escape_and_never_the_token(
    raw_server: RawServer, answer: bytes, operation: str
) -> None:
    raw_server.answer = answer
    with SipCredentials(
        base_url=f"http://127.0.0.1:{raw_server.port}",
        project_id=PROJECT,
        api_token=TOKEN,
        timeout=1,
        max_retries=0,
    ) as c:
        calls: dict[str, Callable[[], Any]] = {
            "get": lambda: c.get(uuid.uuid4()),
            "list": lambda: c.list(),
            "iter_all": lambda: list(c.iter_all()),
            "create": lambda: c.create(**CREATE),
            "delete": lambda: c.delete(uuid.uuid4()),
        }
        try:
            result = calls[operation]()
        except SignalWireError as failure:
            chain: list[BaseException] = [failure]
            while chain[-1].__cause__ is not None or chain[-1].__context__ is not None:
                chain.append(chain[-1].__cause__ or chain[-1].__context__)  # type: ignore[arg-type]
            texts = [str(e) for e in chain] + [repr(e) for e in chain]
            texts += [str(getattr(e, "body", "")) for e in chain]
            assert not [t for t in texts if TOKEN in t or BASIC in t]
        else:  # a success is the server's data (an echoed token is its word); the client's own
            # representation never shows the token
            assert result is not None or operation == "delete"
        assert TOKEN not in repr(c) and BASIC not in repr(c)
