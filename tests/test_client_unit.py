"""The client with a recording transport in place of the network: rule, errors, retries, secrets.

Every test that builds its client with the ``client`` fixture runs twice: on ``SipCredentials`` and on
``AsyncSipCredentials`` (driven through ``Blocking``), so the asyncio source and the sync twin
produced from it are held to the same behaviour, the 409 read-back of a retried create included.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any, cast

import httpx
import pytest

from signalwire_sip import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncSipCredentials,
    AuthenticationError,
    BadRequestError,
    CallHandler,
    ClientConfig,
    ConfigurationError,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    OutboundPolicy,
    RateLimitError,
    ResourceIdRuleError,
    RetryPolicy,
    ServerError,
    SignalWireError,
    SipCredentialCreate,
    SipCredentials,
    SipCredentialUpdate,
    UnexpectedResponseError,
    ValidationError,
    base_url_for_space,
    check_create,
)
from signalwire_sip._config import parse_retry_after

from .helpers import COLLECTION, RESOURCE_ID, create_body

TOKEN = "PTsecret-token-4f8a9c"
PROJECT = "b8b7d8f6-6d1e-4d3a-9a0e-1c2b3d4e5f60"
BASE = "https://example.signalwire.com"
Handler = Callable[[httpx.Request], httpx.Response]


def record(body: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    data = create_body(**overrides) if body is None else dict(body)
    return {"type": "sip_endpoint", **data}


class Recorder:
    """An httpx transport that answers from a script and keeps every request it saw."""

    def __init__(self, *answers: httpx.Response | Exception | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, httpx.Response):
            return answer(request)
        return answer


class Blocking:
    """An AsyncSipCredentials called the way a SipCredentials is: each call runs to completion."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if name in ("with_options", "subscriber"):  # another async client: blocking too
            return lambda *args, **options: Blocking(attribute(*args, **options))
        if name == "iter_all":
            return lambda **options: iter(asyncio.run(_collect(attribute(**options))))
        if inspect.iscoroutinefunction(attribute):
            return lambda *args, **kwargs: asyncio.run(attribute(*args, **kwargs))
        return attribute

    def __repr__(self) -> str:
        return repr(self._inner)


async def _collect(items: AsyncIterator[Any]) -> list[Any]:
    return [item async for item in items]


ClientFactory = Callable[..., tuple[SipCredentials, list[float]]]


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> ClientFactory:
    """``client(recorder, **options)``: a client of this run's flavour on RECORDER, and the
    delays it slept (none really). A test that asks for it runs on both clients."""

    def build(recorder: Recorder, **options: Any) -> tuple[SipCredentials, list[float]]:
        sleeps: list[float] = []
        transport = httpx.MockTransport(recorder)
        settings: dict[str, Any] = dict(
            base_url=BASE, project_id=PROJECT, api_token=TOKEN, **options
        )
        if request.param == "sync":
            c = SipCredentials(http_client=httpx.Client(transport=transport), **settings)
            c._sleep = sleeps.append
            return c, sleeps
        twin = AsyncSipCredentials(http_client=httpx.AsyncClient(transport=transport), **settings)

        async def sleep(seconds: float) -> None:
            sleeps.append(seconds)

        twin._sleep = sleep
        return cast(SipCredentials, Blocking(twin)), sleeps

    return build


def ok(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=data, headers=headers)


def error(status: int, headers: dict[str, str] | None = None, body: Any = None) -> httpx.Response:
    return httpx.Response(
        status, json=body if body is not None else {"error": "x"}, headers=headers
    )


CREATE: dict[str, Any] = dict(
    username="alice",
    caller_id="+1555",
    send_as="+1555",
    ciphers=["AEAD_AES_256_GCM_8"],
    codecs=["OPUS"],
)


# The rule, before anything is sent -----------------------------------------------------


@pytest.mark.parametrize(
    "handler", [CallHandler.DEFAULT, CallHandler.PASSTHROUGH, CallHandler.BLOCK_PSTN]
)
def test_a_non_resource_create_with_a_resource_id_never_leaves_the_process(
    handler: CallHandler, client: ClientFactory
) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    body = SipCredentialCreate.from_dict(
        create_body(call_handler=handler.value, calling_handler_resource_id=RESOURCE_ID)
    )
    with pytest.raises(ResourceIdRuleError) as raised:
        c.create_from(body)
    assert "call_handler" in str(raised.value) and "calling_handler_resource_id" in str(
        raised.value
    )
    assert recorder.requests == []


def test_a_resource_create_without_an_id_never_leaves_the_process(client: ClientFactory) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    body = SipCredentialCreate.from_dict(create_body(call_handler="resource"))
    with pytest.raises(ResourceIdRuleError, match="must be the uuid"):
        c.create_from(body)
    with pytest.raises(ResourceIdRuleError):
        c.create(**CREATE, outbound=OutboundPolicy(CallHandler.RESOURCE))
    assert recorder.requests == []


@pytest.mark.parametrize(
    "fields",
    [
        {"call_handler": "resource"},
        {"call_handler": "resource", "calling_handler_resource_id": None},
        {"call_handler": "default", "calling_handler_resource_id": RESOURCE_ID},
    ],
)
def test_rule_breaking_updates_never_leave_the_process(
    fields: dict[str, Any], client: ClientFactory
) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    with pytest.raises(ResourceIdRuleError):
        c.update_from(uuid.uuid4(), SipCredentialUpdate.from_dict(fields))
    assert recorder.requests == []


@pytest.mark.parametrize("resource_id", [None, RESOURCE_ID])
def test_a_resource_id_alone_is_sent_for_the_server_to_judge(
    resource_id: str | None, client: ClientFactory
) -> None:
    # SignalWire's own update shape: only the stored handler decides, which the client cannot see.
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    body = {"caller_id": "Reception", "calling_handler_resource_id": resource_id}
    c.update_from(uuid.uuid4(), SipCredentialUpdate.from_dict(body))
    assert json.loads(recorder.requests[0].content) == body


def test_async_client_refuses_rule_breaking_bodies_too() -> None:
    recorder = Recorder(ok(record()))

    async def run() -> None:
        c = AsyncSipCredentials(
            base_url=BASE,
            project_id=PROJECT,
            api_token=TOKEN,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
        )
        with pytest.raises(ResourceIdRuleError):
            await c.update_from(
                uuid.uuid4(), SipCredentialUpdate.from_dict({"call_handler": "resource"})
            )
        await c.close()

    asyncio.run(run())
    assert recorder.requests == []


def test_outbound_policies_send_the_pair_together(client: ClientFactory) -> None:
    recorder = Recorder(lambda r: ok(record(**json.loads(r.content))))
    c, _ = client(recorder)
    c.create(**CREATE, outbound=OutboundPolicy.resource(RESOURCE_ID))
    c.update(uuid.uuid4(), outbound=OutboundPolicy.block_pstn())
    c.update(uuid.uuid4(), caller_id="Reception")
    sent = [json.loads(r.content) for r in recorder.requests]
    assert (sent[0]["call_handler"], sent[0]["calling_handler_resource_id"]) == (
        "resource",
        RESOURCE_ID,
    )
    assert sent[1] == {"call_handler": "block-pstn", "calling_handler_resource_id": None}
    assert sent[2] == {"caller_id": "Reception"}


def test_generated_model_users_can_call_the_check() -> None:
    check_create(SipCredentialCreate.from_dict(create_body()))
    with pytest.raises(ResourceIdRuleError):
        check_create(create_body(call_handler="resource"))


# Errors by status -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (409, ConflictError),
        (413, BadRequestError),
        (415, BadRequestError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (418, APIStatusError),
        (599, ServerError),
    ],
)
def test_each_status_family_raises_its_exception(
    status: int, kind: type[APIStatusError], client: ClientFactory
) -> None:
    c, _ = client(Recorder(error(status, {"x-request-id": "req-123"})), max_retries=0)
    with pytest.raises(kind) as raised:
        c.get(uuid.uuid4())
    assert type(raised.value) is kind
    assert raised.value.status == status and raised.value.method == "GET"
    assert raised.value.url.startswith(f"{BASE}{COLLECTION}/")
    assert raised.value.request_id == "req-123" and "req-123" in str(raised.value)


def test_validation_errors_expose_the_parsed_items(client: ClientFactory) -> None:
    body = {
        "errors": [
            {
                "type": "validation_error",
                "code": "invalid_parameter_value",
                "message": "calling_handler_resource_id must be null",
                "attribute": "calling_handler_resource_id",
                "url": "https://signalwire.com/docs/apis/error-codes",
            }
        ]
    }
    c, _ = client(Recorder(error(422, body=body)))
    with pytest.raises(ValidationError) as raised:
        c.update(uuid.uuid4(), caller_id="x")
    [item] = raised.value.errors
    assert (item.type, item.code, item.attribute) == (
        "validation_error",
        "invalid_parameter_value",
        "calling_handler_resource_id",
    )
    assert "calling_handler_resource_id must be null" in str(raised.value)


def test_a_success_that_breaks_the_spec_is_an_unexpected_response(client: ClientFactory) -> None:
    answer = ok({"id": "not-a-uuid"}, status=200, headers={"x-request-id": "req-9"})
    c, _ = client(Recorder(answer))
    with pytest.raises(UnexpectedResponseError) as raised:
        c.get(uuid.uuid4())
    # The answer's own status, body and request id, and what the parser found wrong.
    assert (raised.value.status, raised.value.request_id) == (200, "req-9")
    assert raised.value.body == '{"id":"not-a-uuid"}'
    assert raised.value.problem and "the body does not match the spec" in raised.value.problem
    assert "req-9" in str(raised.value) and "does not match the spec" in str(raised.value)


def test_an_unexpected_response_keeps_a_non_200_success_status(client: ClientFactory) -> None:
    c, _ = client(Recorder(ok({"unexpected": True}, status=201)))
    with pytest.raises(UnexpectedResponseError) as raised:
        c.get(uuid.uuid4())
    assert raised.value.status == 201


# Retries -------------------------------------------------------------------------------


NOW = datetime.now(UTC)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2", 2.0),
        ("0", 0.0),
        ("0.25", 0.25),
        (" 3 ", 3.0),
        ("-5", 0.0),
        # Stable ids: pytest-xdist needs every worker to collect the same names.
        pytest.param(
            format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0, id="date-in-30s"
        ),
        pytest.param(
            format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0, id="date-in-the-past"
        ),
        ("soon", None),
        ("", None),
        ("nan", None),
        (None, None),
    ],
)
def test_retry_after_forms(header: str | None, expected: float | None) -> None:
    parsed = parse_retry_after(header, now=NOW)
    assert parsed == pytest.approx(expected, abs=1.0) if expected is not None else parsed is None


@pytest.mark.parametrize(
    ("status", "headers", "sleeps"),
    [
        (429, {"retry-after": "2"}, [2.0, 2.0]),
        (503, {"retry-after": "1"}, [1.0, 1.0]),
        (502, {}, None),
        (504, {"retry-after": "garbage"}, None),
    ],
)
def test_retryable_statuses_are_retried_twice_by_default(
    status: int, headers: dict[str, str], sleeps: list[float] | None, client: ClientFactory
) -> None:
    recorder = Recorder(error(status, headers))
    c, slept = client(recorder)
    with pytest.raises(APIStatusError) as raised:
        c.get(uuid.uuid4())
    assert len(recorder.requests) == 3 and raised.value.attempts == 3
    if sleeps is not None:
        assert slept == sleeps
    else:  # exponential backoff with jitter: 0.5s then 1s, each up to 25% shorter
        assert 0.375 <= slept[0] <= 0.5 and 0.75 <= slept[1] <= 1.0


def test_a_retry_that_succeeds_returns_the_result(client: ClientFactory) -> None:
    data = record()
    recorder = Recorder(error(503, {"retry-after": "0"}), ok(data))
    c, slept = client(recorder)
    assert str(c.get(data["id"]).id) == data["id"]
    assert len(recorder.requests) == 2 and slept == [0.0]


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422, 500])
def test_other_statuses_are_not_retried(status: int, client: ClientFactory) -> None:
    recorder = Recorder(error(status))
    c, slept = client(recorder)
    with pytest.raises(APIStatusError):
        c.delete(uuid.uuid4())
    assert len(recorder.requests) == 1 and slept == []


def test_a_retry_after_longer_than_the_limit_is_not_waited_for(client: ClientFactory) -> None:
    recorder = Recorder(error(429, {"retry-after": "3600"}))
    c, slept = client(recorder)
    with pytest.raises(RateLimitError) as raised:
        c.list()
    assert len(recorder.requests) == 1 and slept == [] and raised.value.retry_after == 3600


def test_retries_are_configurable_per_client_and_per_call_and_can_be_off(
    client: ClientFactory,
) -> None:
    recorder = Recorder(error(503, {"retry-after": "0"}))
    c, _ = client(recorder, max_retries=0)
    with pytest.raises(ServerError):
        c.get(uuid.uuid4())
    assert len(recorder.requests) == 1
    with pytest.raises(ServerError):
        c.with_options(max_retries=4).get(uuid.uuid4())
    assert len(recorder.requests) == 1 + 5
    patient = c.with_options(retry=RetryPolicy(max_retries=1, statuses=frozenset({500})))
    recorder.answers = [error(500)]
    with pytest.raises(ServerError):
        patient.get(uuid.uuid4())
    assert len(recorder.requests) == 6 + 2


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.RemoteProtocolError("closed"), APIConnectionError),
    ],
)
def test_connection_failures_are_retried_then_raised(
    failure: Exception, kind: type[Exception], client: ClientFactory
) -> None:
    recorder = Recorder(failure)
    c, slept = client(recorder)
    with pytest.raises(kind) as raised:
        c.get(uuid.uuid4())
    assert type(raised.value) is kind and len(recorder.requests) == 3 and len(slept) == 2


def id_conflict() -> httpx.Response:
    item = {
        "type": "validation_error",
        "code": "already_exists",
        "message": "exists",
        "attribute": "id",
        "url": "u",
    }
    return error(409, body={"errors": [item]})


def test_a_retried_create_that_meets_its_own_id_returns_it(client: ClientFactory) -> None:
    stored: dict[str, Any] = {}

    def first(request: httpx.Request) -> httpx.Response:
        stored.update(record(json.loads(request.content)))
        raise httpx.ReadTimeout("the answer was lost")

    conflict = id_conflict()
    recorder = Recorder(first, conflict, lambda r: ok(stored))
    c, _ = client(recorder)
    created = c.create(**CREATE)
    assert created.to_dict() == stored
    assert [r.method for r in recorder.requests] == ["POST", "POST", "GET"]


def test_a_retried_create_that_meets_someone_elses_credential_raises(client: ClientFactory) -> None:
    conflict = id_conflict()
    recorder = Recorder(
        httpx.ConnectError("lost"), conflict, lambda r: ok(record(username="somebody-else"))
    )
    c, _ = client(recorder)
    with pytest.raises(ConflictError):
        c.create(**CREATE)


def test_a_first_attempt_conflict_is_raised_without_reading_back(client: ClientFactory) -> None:
    recorder = Recorder(error(409))
    c, _ = client(recorder)
    with pytest.raises(ConflictError):
        c.create(**CREATE)
    assert len(recorder.requests) == 1


def test_async_retries_honour_retry_after() -> None:
    data = record()
    recorder = Recorder(error(429, {"retry-after": "1"}), ok(data))
    slept: list[float] = []

    async def run() -> str:
        c = AsyncSipCredentials(
            base_url=BASE,
            project_id=PROJECT,
            api_token=TOKEN,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
        )

        async def sleep(seconds: float) -> None:
            slept.append(seconds)

        c._sleep = sleep
        async with c:
            return str((await c.get(data["id"])).id)

    assert asyncio.run(run()) == data["id"] and slept == [1.0]


# Forward compatibility -----------------------------------------------------------------


def test_unknown_enum_values_and_extra_fields_parse_and_stay_reachable(
    client: ClientFactory,
) -> None:
    data = record(
        call_handler="ai_agent_v2",
        encryption="post-quantum",
        codecs=["OPUS", "LYRA"],
        ciphers=["AES_512_NEW"],
    ) | {"future_field": "Front desk", "call_request_method": "PATCH"}
    c, _ = client(Recorder(ok(data)))
    credential = c.get(data["id"])
    assert credential.call_handler == "ai_agent_v2" and credential.encryption == "post-quantum"
    assert credential.codecs[1] == "LYRA" and credential.ciphers == ["AES_512_NEW"]
    assert credential.additional_properties["future_field"] == "Front desk"
    assert credential.to_dict()["call_handler"] == "ai_agent_v2"


def test_known_inbound_handler_kinds_parse_as_enums(client: ClientFactory) -> None:
    data = record(call_handler="relay_context")
    c, _ = client(Recorder(ok(data)))
    assert c.get(data["id"]).call_handler == "relay_context"


# Configuration and secrets -------------------------------------------------------------


@pytest.mark.parametrize(
    "missing", ["SIGNALWIRE_SPACE", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"]
)
def test_a_missing_environment_variable_is_named(missing: str) -> None:
    env = {
        "SIGNALWIRE_SPACE": "example",
        "SIGNALWIRE_PROJECT_ID": PROJECT,
        "SIGNALWIRE_API_TOKEN": TOKEN,
    }
    del env[missing]
    with pytest.raises(ConfigurationError, match=missing):
        ClientConfig.resolve(environ=env)


def test_configuration_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNALWIRE_SPACE", "example.signalwire.com")
    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", TOKEN)
    with SipCredentials() as c:
        assert c.config.base_url == BASE and c.config.project_id == PROJECT


@pytest.mark.parametrize(
    ("space", "url"),
    [
        ("example", "https://example.signalwire.com"),
        ("example.signalwire.com", "https://example.signalwire.com"),
        ("https://example.signalwire.com/", "https://example.signalwire.com"),
        ("127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("localhost:9000", "http://localhost:9000"),
    ],
)
def test_space_names_and_hosts_become_base_urls(space: str, url: str) -> None:
    assert base_url_for_space(space) == url


def test_timeouts_default_to_seconds_not_minutes() -> None:
    config = ClientConfig.resolve(base_url=BASE, project_id=PROJECT, api_token=TOKEN)
    assert config.timeout.read is not None and config.timeout.read <= 60
    assert (
        ClientConfig.resolve(
            base_url=BASE, project_id=PROJECT, api_token=TOKEN, timeout=2
        ).timeout.read
        == 2
    )


def test_the_token_never_appears_in_reprs_errors_or_logs(
    caplog: pytest.LogCaptureFixture, client: ClientFactory
) -> None:
    encoded = httpx.BasicAuth(PROJECT, TOKEN)._auth_header
    recorder = Recorder(error(503, {"retry-after": "0"}), error(401, {"x-request-id": "r1"}))
    c, _ = client(recorder)
    texts = [repr(c), str(c), repr(c.config), str(c.config)]
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationError) as raised:
        c.list()
    texts += [repr(raised.value), str(raised.value), repr(raised.value.__dict__)]
    texts += [r.getMessage() for r in caplog.records]
    assert any("retrying" in t for t in texts)
    assert recorder.requests[0].headers["authorization"] == encoded  # it was really sent
    for text in texts:
        assert TOKEN not in text and encoded not in text and encoded.split()[1] not in text


def test_the_client_sends_basic_auth_of_project_and_token(client: ClientFactory) -> None:
    recorder = Recorder(ok({"data": [], "links": {"self": BASE, "first": BASE}}))
    c, _ = client(recorder)
    c.list(page_size=10)
    request = recorder.requests[0]
    assert request.headers["authorization"] == httpx.BasicAuth(PROJECT, TOKEN)._auth_header
    assert request.url.params["page_size"] == "10"


# Arguments the client cannot send, and a shared httpx client ---------------------------


@pytest.mark.parametrize(
    ("call", "argument", "says"),
    [
        (lambda c: c.update("not-a-uuid", caller_id="x"), "id", "must be a uuid"),
        (lambda c: c.get(12), "id", "must be a uuid"),
        (lambda c: c.delete(None), "id", "must be a uuid"),
        (lambda c: c.create(**(CREATE | {"id": "123"})), "id", "must be a uuid"),
        (
            lambda c: c.create(**(CREATE | {"ciphers": ["NOPE"]})),
            "ciphers[0]",
            "AEAD_AES_256_GCM_8",
        ),
        (lambda c: c.create(**(CREATE | {"codecs": ["OPUS", "MP3"]})), "codecs[1]", "PCMU"),
        (lambda c: c.create(**(CREATE | {"codecs": "OPUS"})), "codecs", "must be a list"),
        (lambda c: c.create(**(CREATE | {"username": 7})), "username", "must be a string"),
        (lambda c: c.update(str(uuid.uuid4()), encryption="on"), "encryption", "required"),
        (
            lambda c: c.update(str(uuid.uuid4()), outbound="block-pstn"),
            "outbound",
            "OutboundPolicy",
        ),
        (lambda c: OutboundPolicy.resource(None), "resource_id", "must be a uuid"),  # type: ignore[arg-type]
        (lambda c: OutboundPolicy.resource("agent-7"), "resource_id", "must be a uuid"),
    ],
)
def test_what_the_client_cannot_send_is_refused_naming_the_argument(
    call: Callable[[SipCredentials], Any], argument: str, says: str, client: ClientFactory
) -> None:
    recorder = Recorder(ok(record()))
    c, _ = client(recorder)
    with pytest.raises(InvalidArgumentError) as raised:
        call(c)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, SignalWireError)
    assert raised.value.argument == argument
    assert str(raised.value).startswith(f"{argument} ") and says in str(raised.value)
    assert recorder.requests == []  # refused before anything was sent


def test_the_async_client_names_the_argument_too() -> None:
    recorder = Recorder(ok(record()))
    c = AsyncSipCredentials(
        base_url=BASE,
        project_id=PROJECT,
        api_token=TOKEN,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    )
    with pytest.raises(InvalidArgumentError, match=r"^id must be a uuid, not 'nope'$"):
        asyncio.run(c.get("nope"))
    assert recorder.requests == []


def test_clients_of_two_projects_can_share_one_httpx_client_unchanged() -> None:
    other_project, other_token = str(uuid.uuid4()), "PTother-token"
    recorder = Recorder(ok({"data": [], "links": {"self": BASE, "first": BASE}}))
    shared = httpx.Client(transport=httpx.MockTransport(recorder))
    before = (shared.auth, shared.base_url, shared.timeout, dict(shared.event_hooks))
    mine = SipCredentials(base_url=BASE, project_id=PROJECT, api_token=TOKEN, http_client=shared)
    theirs = SipCredentials(
        base_url="https://other.signalwire.com",
        project_id=other_project,
        api_token=other_token,
        http_client=shared,
    )
    mine.list()
    theirs.list()
    mine.list()
    sent = [
        (str(r.url.copy_with(query=None)), r.headers["authorization"]) for r in recorder.requests
    ]
    assert sent == [
        (
            f"{BASE}{COLLECTION}",
            httpx.BasicAuth(PROJECT, TOKEN)._auth_header,
        ),
        (
            f"https://other.signalwire.com{COLLECTION}",
            httpx.BasicAuth(other_project, other_token)._auth_header,
        ),
        (
            f"{BASE}{COLLECTION}",
            httpx.BasicAuth(PROJECT, TOKEN)._auth_header,
        ),
    ]
    assert (shared.auth, shared.base_url, shared.timeout, dict(shared.event_hooks)) == before
    mine.close()
    assert not shared.is_closed  # the caller's client stays open: it is theirs to close


def test_a_422_message_names_its_field_once(client: ClientFactory) -> None:
    body = {
        "errors": [
            {
                "type": "validation_error",
                "code": "missing_required_parameter",
                "message": "username is required",
                "attribute": "username",
            },
            {
                "type": "validation_error",
                "code": "invalid_parameter_value",
                "message": "is too long",
                "attribute": "caller_id",
            },
        ]
    }
    c, _ = client(Recorder(error(422, body=body)))
    with pytest.raises(ValidationError) as raised:
        c.list()
    assert str(raised.value).endswith(": username is required; caller_id: is too long")


def test_the_client_names_the_collection_the_spec_declares() -> None:
    from signalwire_sip._base import COLLECTION as CLIENT_COLLECTION

    assert CLIENT_COLLECTION == COLLECTION


def test_every_request_says_who_is_calling(client: ClientFactory) -> None:
    import platform

    import httpx

    import signalwire_sip

    recorder = Recorder(ok(record()))
    c, _ = client(recorder)  # #26: once python-httpx's own
    c.get(uuid.uuid4())
    agent = recorder.requests[0].headers["user-agent"]
    assert agent == (
        f"signalwire-sip/{signalwire_sip.__version__} "
        f"python/{platform.python_version()} httpx/{httpx.__version__}"
    )
