"""What the client makes of a hostile answer (#23, items 4 and 13-16): a secret echoed in any
escaping, error items of any JSON type, answers too large or dripped, bodies that cannot be
decoded. The first half uses the recording transport of test_client_unit (both clients); the
rest runs both real clients against real loopback servers that answer by a script.
"""

from __future__ import annotations

import asyncio
import gzip
import html
import json
import socket
import threading
import time
import tracemalloc
import uuid
import zlib
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from signalwire_sip import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    APIStatusError,
    APITimeoutError,
    AsyncSipCredentials,
    InvalidArgumentError,
    ResponseTooLargeError,
    ServerError,
    SignalWireError,
    SipCredentials,
    UnexpectedResponseError,
    ValidationError,
)

from .test_client_unit import CREATE, PROJECT, TOKEN, ClientFactory, Recorder, client, record

__all__ = ["client"]  # the fixture, imported so that the tests here run on both clients


COLLECTION_URL = "https://example.signalwire.com/api/fabric/resources/sip_endpoints"


# An error's every readable part: where a secret must never be.
def _texts(failure: BaseException) -> list[str]:
    texts = [str(failure), repr(failure)]
    if isinstance(failure, APIStatusError):
        texts += [failure.body, failure.problem or ""]
        for item in failure.errors:
            texts += [
                str(getattr(item, f)) for f in ("type", "code", "message", "attribute", "url")
            ]
    return texts


# Item 4: a secret echoed in any escaping -----------------------------------------------------

_ESCAPINGS: dict[str, Callable[[str], str]] = {
    "as is": lambda s: s,
    "json ascii": lambda s: json.dumps(s)[1:-1],
    "json unicode": lambda s: json.dumps(s, ensure_ascii=False)[1:-1],
    "json upper hex": lambda s: json.dumps(s)[1:-1].replace("\\u00e4", "\\u00E4"),
    "json slash": lambda s: json.dumps(s)[1:-1].replace("/", "\\/"),
    "every char": lambda s: "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in s),
    "every other": lambda s: "".join(
        f"\\u{ord(c):04x}" if i % 2 and ord(c) < 0x10000 else json.dumps(c)[1:-1]
        for i, c in enumerate(s)
    ),
    "python repr": lambda s: repr(s)[1:-1],
    "percent": lambda s: quote(s, safe=""),
    "form": lambda s: quote_plus(s),
    "html": lambda s: html.escape(s),
    "html numeric": lambda s: "".join(f"&#{ord(c)};" for c in s),
}


def _json_echo(escaped: str) -> bytes:
    """A 422 body whose message holds ESCAPED, already written as JSON string content."""
    return (
        '{"errors": [{"type": "validation_error", "code": "invalid", "attribute": "password",'
        f' "message": "password {escaped} is too weak"}}]}}'
    ).encode()


@pytest.mark.parametrize("escaping", sorted(_ESCAPINGS))
@pytest.mark.parametrize("secret", ["pässwörd-1", 'q"uo\\te/d-Pw-9', "Pw-😀-emoji-7"])
def test_an_echoed_password_is_hidden_however_escaped(
    client: ClientFactory, secret: str, escaping: str
) -> None:
    written = _ESCAPINGS[escaping](secret)
    bodies = [_json_echo(written), f"<p>password {written} refused</p>".encode()]
    for body in bodies:
        recorder = Recorder(httpx.Response(422, content=body))
        c, _ = client(recorder, max_retries=0)
        with pytest.raises(ValidationError) as raised:
            c.create(**CREATE, password=secret)
        for text in _texts(raised.value):
            assert secret not in text and written not in text, (escaping, text)


def test_a_json_echo_without_a_secret_is_kept_byte_for_byte(client: ClientFactory) -> None:
    body = b'{"errors": [{"type": "t", "code": "c", "message": "caf\\u00e9", "attribute": null}]}'
    c, _ = client(Recorder(httpx.Response(422, content=body)), max_retries=0)
    with pytest.raises(ValidationError) as raised:
        c.create(**CREATE, password="Not-Echoed-1")
    assert raised.value.body == body.decode()
    assert raised.value.errors[0].message == "café"


_SECRETS = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x1F64F, exclude_categories=("Cs", "Cc")),
    min_size=8,
    max_size=24,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    secret=_SECRETS,
    escaping=st.sampled_from(sorted(_ESCAPINGS)),
    where=st.sampled_from(["message", "attribute", "key", "html", "nested"]),
)
def test_generated_echoes_never_show_the_password(secret: str, escaping: str, where: str) -> None:
    assume(secret.strip() == secret and "[redacted]" not in secret)
    written = _ESCAPINGS[escaping](secret)
    shapes = {
        "message": _json_echo(written),
        "attribute": f'{{"errors": [{{"attribute": "{written}", "message": "m"}}]}}'.encode(),
        "key": f'{{"errors": [], "{written}": 1}}'.encode(),
        "html": f"<html>{written}</html>".encode(),
        "nested": f'{{"errors": [{{"message": {{"a": ["{written}"]}}}}]}}'.encode(),
    }
    if where != "html" and escaping.startswith(("percent", "form", "html")):
        assume(False)  # JSON does not undo those: the server wrote other text, not the secret
    body = shapes[where]
    # A secret that is also text of the exception's own (say, "resource", in the URL) is no echo.
    baseline = f"422 from POST {COLLECTION_URL} [redacted] " + body.decode().replace(written, "")
    assume(secret not in baseline and written not in baseline)
    try:
        json.loads(body)
    except ValueError:
        assume(where == "html")
    c = SipCredentials(
        base_url="https://example.signalwire.com",
        project_id=PROJECT,
        api_token=TOKEN,
        max_retries=0,
        http_client=httpx.Client(
            transport=httpx.MockTransport(Recorder(httpx.Response(422, content=body)))
        ),
    )
    with pytest.raises(ValidationError) as raised:
        c.create(**CREATE, password=secret)
    for text in _texts(raised.value):
        assert secret not in text and written not in text


# Item 15: error items of any JSON type --------------------------------------------------------

_ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    items=st.lists(
        st.fixed_dictionaries(
            {},
            optional={k: _ANY_JSON for k in ("type", "code", "message", "attribute", "url")},
        )
        | _ANY_JSON,
        max_size=4,
    ),
    status=st.sampled_from([400, 404, 409, 422, 500]),
)
def test_error_items_of_any_json_type_make_a_readable_error(items: list[Any], status: int) -> None:
    body = json.dumps({"errors": items}).encode()
    c = SipCredentials(
        base_url="https://example.signalwire.com",
        project_id=PROJECT,
        api_token=TOKEN,
        max_retries=0,
        http_client=httpx.Client(
            transport=httpx.MockTransport(Recorder(httpx.Response(status, content=body)))
        ),
    )
    with pytest.raises(APIStatusError) as raised:
        c.get(uuid.uuid4())
    failure = raised.value
    assert str(failure).startswith(f"{status} from GET ")
    for item in failure.errors:
        assert all(isinstance(getattr(item, f), str) for f in ("type", "code", "message"))
        assert all(
            getattr(item, f) is None or isinstance(getattr(item, f), str)
            for f in ("attribute", "url")
        )


# Settings: each refused naming its argument, before anything is sent ---------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("deadline", 0),
        ("deadline", -1),
        ("deadline", float("nan")),
        ("deadline", "10"),
        ("deadline", True),
        ("max_response_bytes", 0),
        ("max_response_bytes", 1.5),
        ("max_response_bytes", "1MB"),
    ],
)
def test_a_bad_deadline_or_size_limit_is_refused_naming_it(option: str, value: Any) -> None:
    settings_: dict[str, Any] = dict(
        base_url="http://127.0.0.1:9", project_id=PROJECT, api_token=TOKEN
    )
    with pytest.raises(InvalidArgumentError) as raised:
        SipCredentials(**settings_, **{option: value})
    assert raised.value.argument == option
    with SipCredentials(**settings_) as c, pytest.raises(InvalidArgumentError):
        c.with_options(**{option: value})


def test_the_defaults_are_stated_and_with_options_changes_only_what_it_is_given() -> None:
    with SipCredentials(base_url="http://127.0.0.1:9", project_id=PROJECT, api_token=TOKEN) as c:
        assert (c.config.deadline, c.config.max_response_bytes) == (
            DEFAULT_DEADLINE,
            DEFAULT_MAX_RESPONSE_BYTES,
        )
        other = c.with_options(timeout=3, deadline=None, max_response_bytes=1000)
        assert other.config.timeout.read == 3 and other.config.deadline is None
        assert other.config.max_response_bytes == 1000
        assert c.config.deadline == DEFAULT_DEADLINE and c.config.timeout.read == 30
        assert c.with_options(max_retries=0).config == c.config


# Real loopback servers answering by a script ----------------------------------------------------

Step = bytes | float  # bytes to send, or seconds to wait


class ScriptedServer:
    """A loopback HTTP server: each connection reads one request head, then plays ``script``
    (bytes written, float seconds slept). ``requests`` counts the heads it read."""

    def __init__(self) -> None:
        self.script: list[Step] = []
        self.requests = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                self.requests += 1
                for step in list(self.script):
                    if isinstance(step, float):
                        time.sleep(step)
                    else:
                        conn.sendall(step)
                conn.shutdown(socket.SHUT_WR)
            except OSError:
                pass


@pytest.fixture(scope="module")
def scripted() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    yield server
    server.sock.close()


def _head(status: int, *headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "content-type: application/json", "connection: close"]
    return ("\r\n".join([*lines, *headers]) + "\r\n\r\n").encode()


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``call(url, method, *args, kw={...}, **options)``: METHOD (with ARGS and KW) of a
    client of this run's flavour, made with OPTIONS."""

    def run(
        url: str, method: str, *args: Any, kw: dict[str, Any] | None = None, **options: Any
    ) -> Any:
        settings_: dict[str, Any] = dict(base_url=url, project_id=PROJECT, api_token=TOKEN)
        settings_ |= {"max_retries": 0} | options
        if request.param == "sync":
            with SipCredentials(**settings_) as c:
                c._sleep = lambda s: None
                return getattr(c, method)(*args, **(kw or {}))

        async def go() -> Any:
            async with AsyncSipCredentials(**settings_) as c:

                async def no_sleep(s: float) -> None:
                    return None

                c._sleep = no_sleep
                return await getattr(c, method)(*args, **(kw or {}))

        return asyncio.run(go())

    return run


# Item 13: the largest answer read --------------------------------------------------------------


def test_an_answer_declared_too_large_is_refused_unread(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    scripted.script = [_head(200, "content-length: 200000000"), b"{" * 1000]
    with pytest.raises(ResponseTooLargeError) as raised:
        call(scripted.url, "get", uuid.uuid4(), max_response_bytes=100_000)
    assert raised.value.status == 200 and raised.value.body == ""
    assert "max_response_bytes (100000 bytes)" in str(raised.value)


def test_a_chunked_answer_past_the_limit_is_cut_and_memory_stays_bounded(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    chunk = b"a" * 65536
    piece = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    scripted.script = [
        _head(200, "transfer-encoding: chunked"),
        piece * 800,
        b"0\r\n\r\n",
    ]  # 50 MiB
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            call(scripted.url, "list", max_response_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000, f"{peak} bytes at peak for a 1 MB limit"


def test_a_gzip_bomb_counts_as_what_it_unpacks_to(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    bomb = gzip.compress(b"[" + b" " * 20_000_000 + b"]")
    scripted.script = [_head(200, "content-encoding: gzip", f"content-length: {len(bomb)}"), bomb]
    with pytest.raises(ResponseTooLargeError):
        call(scripted.url, "list", max_response_bytes=1_000_000)


def test_an_answer_within_the_limit_reads_as_before_gzip_included(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    stored = record()
    body = gzip.compress(json.dumps(stored).encode())
    scripted.script = [_head(200, "content-encoding: gzip", f"content-length: {len(body)}"), body]
    credential = call(scripted.url, "get", uuid.uuid4())
    assert credential.username == stored["username"]


# Item 16: a body that cannot be decoded is the answer's fault ---------------------------------


def test_a_corrupt_gzip_success_is_an_unexpected_answer_not_a_refused_argument(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    garbage = b"\x1f\x8b\x08\x00not really gzip at all"
    scripted.script = [
        _head(201, "content-encoding: gzip", f"content-length: {len(garbage)}"),
        garbage,
    ]
    with pytest.raises(UnexpectedResponseError) as raised:
        call(scripted.url, "create", kw=CREATE | {"password": "Pw-Gzip-1"})
    assert not isinstance(raised.value, InvalidArgumentError)
    assert raised.value.status == 201 and "could not be decoded" in str(raised.value)


def test_a_corrupt_gzip_503_is_retried_and_says_an_earlier_attempt_may_have_applied(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    garbage = b"\xffnot deflate at all"
    scripted.script = [
        _head(503, "content-encoding: deflate", f"content-length: {len(garbage)}"),
        garbage,
    ]
    before = scripted.requests
    with pytest.raises(UnexpectedResponseError) as raised:
        call(scripted.url, "get", uuid.uuid4(), max_retries=2)
    assert scripted.requests - before == 3
    assert raised.value.attempts == 3 and raised.value.earlier_attempt_may_have_applied


# Item 14: the deadline of a whole call -----------------------------------------------------------


def test_a_dripped_answer_ends_at_the_deadline(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    body = json.dumps(record()).encode()
    drip: list[Step] = []
    for byte in body[:40]:
        drip += [bytes([byte]), 0.1]
    scripted.script = [_head(200, f"content-length: {len(body)}"), *drip]
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as raised:
        call(scripted.url, "get", uuid.uuid4(), timeout=2, deadline=1.0)
    took = time.monotonic() - started
    assert "deadline of 1 s" in str(raised.value)
    assert took < 3.0, f"{took:.1f} s for a 1 s deadline"  # each read alone is under timeout=2


def test_a_retry_the_deadline_leaves_no_time_for_is_not_waited_for(
    scripted: ScriptedServer, call: Callable[..., Any]
) -> None:
    scripted.script = [_head(503, "retry-after: 30", "content-length: 2"), b"{}"]
    before = scripted.requests
    with pytest.raises(ServerError) as raised:
        call(scripted.url, "get", uuid.uuid4(), max_retries=3, deadline=5.0)
    assert scripted.requests - before == 1 and raised.value.attempts == 1


def test_the_async_client_cuts_even_a_dripped_head_at_the_deadline(
    scripted: ScriptedServer,
) -> None:
    drip: list[Step] = []
    for byte in b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n":
        drip += [bytes([byte]), 0.1]
    scripted.script = drip

    async def go() -> None:
        async with AsyncSipCredentials(
            base_url=scripted.url, project_id=PROJECT, api_token=TOKEN, timeout=2, deadline=1.0
        ) as c:
            await c.get(uuid.uuid4())

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        asyncio.run(go())
    assert time.monotonic() - started < 3.0


# The harness: answers oversized, dripped, undecodable, echoing; only our errors escape ------------


@st.composite
def _scripts(draw: st.DrawFn) -> list[Step]:
    status = draw(st.sampled_from([200, 201, 404, 422, 503]))
    body = draw(
        st.sampled_from(
            [
                json.dumps(record()).encode(),
                _json_echo(json.dumps("Harness-Pw-ä1")[1:-1]),
                json.dumps({"errors": [{"attribute": {"a": [1]}, "message": 3}]}).encode(),
                b"x" * 3000,
            ]
        )
    )
    encoding = draw(st.sampled_from(["", "gzip", "deflate", "broken"]))
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "deflate":
        body = zlib.compress(body)
    elif encoding == "broken":
        body, encoding = b"\x1f\x8bnot", "gzip"
    headers = [f"content-encoding: {encoding}"] if encoding else []
    framing = draw(st.sampled_from(["length", "chunked", "close"]))
    if framing == "length":
        headers.append(f"content-length: {len(body)}")
    elif framing == "chunked":
        headers.append("transfer-encoding: chunked")
        body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    script: list[Step] = [_head(status, *headers)]
    drip = draw(st.booleans())
    for start in range(0, len(body), 500 if drip else len(body) or 1):
        script.append(body[start : start + (500 if drip else len(body))])
        if drip:
            script.append(0.05)
    return script


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=_scripts(), limit=st.sampled_from([1000, 100_000]))
def test_generated_hostile_answers_raise_only_our_errors_within_the_deadline(
    scripted: ScriptedServer, script: list[Step], limit: int
) -> None:
    scripted.script = script
    started = time.monotonic()
    try:
        with SipCredentials(
            base_url=scripted.url,
            project_id=PROJECT,
            api_token=TOKEN,
            max_retries=1,
            timeout=1,
            deadline=0.3,
            max_response_bytes=limit,
        ) as c:
            c._sleep = lambda s: None
            c.create(**CREATE, password="Harness-Pw-ä1")
    except SignalWireError as failure:
        for text in _texts(failure):
            assert "Harness-Pw-ä1" not in text and "Harness-Pw-\\u00e41" not in text
    assert time.monotonic() - started < 2.5
