"""What the two clients share: argument checks and bodies, error mapping, the retry decision.

The clients themselves live in ``_async/client.py`` (written by hand) and ``_sync/client.py``
(produced from it by ``scripts/make_sync.py``, held by ``make check-generated``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import platform
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from importlib.metadata import version as _version
from typing import Any, Self, TypeVar
from uuid import UUID

import httpx

from signalwire_sip_client import Client
from signalwire_sip_client.models import (
    Cipher,
    Codec,
    Encryption,
    SipCredential,
    SipCredentialCreate,
    SipCredentialUpdate,
)
from signalwire_sip_client.types import Unset

from ._answers import T, parsed, unreadable
from ._arguments import (
    enum_argument,
    enum_list_argument,
    secret_argument,
    text_argument,
    uuid_argument,
)
from ._bounds import within
from ._config import (
    ClientConfig,
    RetryPolicy,
    checked_deadline,
    checked_max_response_bytes,
)
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidArgumentError,
    SignalWireError,
)
from .outbound import OutboundPolicy

log = logging.getLogger("signalwire_sip")
#: Who is calling, on every request: this package, then Python and httpx (#26).
USER_AGENT = (
    f"signalwire-sip/{_version('signalwire-sip')} "
    f"python/{platform.python_version()} httpx/{httpx.__version__}"
)
B = TypeVar("B")

# The spec's collection path (tests/test_client_unit.py pins it to the spec); the generated
# code builds the URLs, this names them in log lines and transport errors.
COLLECTION = "/api/fabric/resources/sip_endpoints"


def create_body(
    fields: Mapping[str, Any], outbound: OutboundPolicy, id: UUID | str | None
) -> SipCredentialCreate:
    """A create body of the FIELDS given (UNSET: left to the server's defaults), the id chosen
    here (a new uuid) unless ID: a retried create recognises its own credential by it."""
    given = {k: v for k, v in fields.items() if not isinstance(v, Unset)}
    checked = checked_fields(given, outbound)
    return SipCredentialCreate(
        id=uuid.uuid4() if id is None else uuid_argument("id", id), **checked
    )


def update_body(fields: Mapping[str, Any], outbound: OutboundPolicy | None) -> SipCredentialUpdate:
    given = {k: v for k, v in fields.items() if not isinstance(v, Unset)}
    return SipCredentialUpdate(**checked_fields(given, outbound))


def secrets_in(body: SipCredentialCreate | SipCredentialUpdate) -> tuple[str, ...]:
    """What a body carries that must never be shown: its password."""
    return (body.password,) if isinstance(body.password, str) and body.password else ()


def checked_fields(fields: Mapping[str, Any], outbound: OutboundPolicy | None) -> dict[str, Any]:
    """FIELDS (the keyword arguments given) as the generated models take them; each value the
    client cannot send raises InvalidArgumentError naming its argument, before anything is sent."""
    checked: dict[str, Any] = {}
    for name, value in fields.items():
        if name in _ENUM_LISTS:
            checked[name] = enum_list_argument(name, _ENUM_LISTS[name], value)
        elif name == "encryption":
            checked[name] = enum_argument(name, Encryption, value)
        elif name == "password":
            checked[name] = within(name, secret_argument(name, value))
        else:
            checked[name] = within(name, text_argument(name, value))
    if outbound is not None:
        if not isinstance(outbound, OutboundPolicy):
            raise InvalidArgumentError(
                "outbound", outbound, "must be an OutboundPolicy (OutboundPolicy.resource(id) ...)"
            )
        checked["call_handler"] = outbound.handler
        checked["calling_handler_resource_id"] = outbound.resource_id
    return checked


_ENUM_LISTS: dict[str, type[Cipher] | type[Codec]] = {"ciphers": Cipher, "codecs": Codec}


def subscriber_body(
    kind: Callable[..., B], fields: Mapping[str, Any], password: Any
) -> tuple[B, tuple[str, ...]]:
    """A subscriber credential's create or update body (KIND) of the FIELDS given and PASSWORD
    (UNSET: none), checked as ``checked_fields`` checks; and the secrets it carries."""
    checked = checked_fields({k: v for k, v in fields.items() if not isinstance(v, Unset)}, None)
    if isinstance(password, Unset):
        return kind(**checked), ()
    secret = within("password", secret_argument("password", password))
    return kind(password=secret, **checked), (secret,)


def same_credential(sent: SipCredentialCreate, stored: SipCredential) -> bool:
    """Whether STORED is what a create of SENT would have made (for retried creates): every
    field sent but the id (a server may choose its own) and the password (never read back)."""
    have = stored.to_dict()
    return all(have.get(k) == v for k, v in sent.to_dict().items() if k not in _NOT_READ_BACK)


_NOT_READ_BACK = frozenset({"id", "password"})


def generated_client(
    *,
    space: str | None = None,
    project_id: str | None = None,
    api_token: str | None = None,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> Client:
    """The raw generated client (``signalwire_sip_client.Client``) authenticated as a project.

    SignalWire takes HTTP Basic (project ID and API token), which the generated
    ``AuthenticatedClient`` does not send (it sends a Bearer token, and gets 401). Settings are
    resolved as ``SipCredentials`` resolves them (arguments, then SIGNALWIRE_* variables). The
    raw client skips everything this package adds: no resource-ID rule or argument checks
    before sending, no typed exceptions (an error is a ``Response`` whose ``parsed`` is an
    ``Error`` or ``ErrorList``), no retries, no generated ids, no paging helper.
    """
    config = ClientConfig.resolve(
        space=space, project_id=project_id, api_token=api_token, base_url=base_url, timeout=timeout
    )
    auth = httpx.BasicAuth(config.project_id, config.api_token)
    return Client(base_url=config.base_url, timeout=config.timeout, httpx_args={"auth": auth})


def _async_deadline(end: float | None) -> contextlib.AbstractAsyncContextManager[Any]:
    """A scope that raises TimeoutError at END (a ``time.monotonic()`` value), whatever the
    awaited read is doing: an asyncio call is cut exactly at its deadline."""
    return asyncio.timeout(None if end is None else max(0.0, end - time.monotonic()))


def _sync_deadline(end: float | None) -> contextlib.nullcontext[None]:
    """The blocking twin of ``_async_deadline``: Python cannot cut a blocking read from
    outside, so the sync client checks END between reads instead, and caps every read's
    timeout at the time left (``attempt_timeout``)."""
    return contextlib.nullcontext()


class _Keep:
    """``with_options``' default for a setting where None means something (no deadline)."""

    def __repr__(self) -> str:
        return "<keep>"


KEEP = _Keep()


class _Base:
    """What the sync and async clients share: settings, bodies and the retry decision."""

    _config: ClientConfig
    _retry: RetryPolicy
    _secrets: tuple[str, ...] = ()
    _generated: Client

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._config.base_url!r}, project_id={self._config.project_id!r})"

    @property
    def config(self) -> ClientConfig:
        return self._config

    def with_options(
        self,
        *,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        deadline: float | _Keep | None = KEEP,
        max_response_bytes: int | None = None,
    ) -> Self:
        """A client sharing this one's connections, with other settings: retries, the
        timeout of each read, the deadline of a whole call (None: none), the largest answer
        read. What is not given stays as it is here."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        if retry is None:
            retry = (
                self._retry
                if max_retries is None
                else replace(self._retry, max_retries=max_retries)
            )
        clone._retry = retry
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if not isinstance(deadline, _Keep):
            changes["deadline"] = checked_deadline(deadline)
        if max_response_bytes is not None:
            changes["max_response_bytes"] = checked_max_response_bytes(max_response_bytes)
        clone._config = replace(self._config, **changes)
        return clone

    def _success(
        self, operation: Any, response: httpx.Response, kind: type[T], url: str, secrets: Any
    ) -> T:
        """RESPONSE (a status under 400) read by OPERATION's generated parser, as KIND."""
        method = response.request.method
        try:
            answer = operation._build_response(client=self._generated, response=response)
        except SignalWireError:
            raise
        except Exception as error:
            # A body of the wrong shape or depth, a status httpx cannot name. Not chained: the
            # parser's message may quote the body, which may echo a secret; ``problem`` keeps
            # its type and its (redacted) message.
            raise unreadable(response, error, method, url, secrets) from None
        return parsed(answer, kind, method, url, secrets)

    def _retry_delay(self, attempt: int, error: Exception) -> float | None:
        """Seconds to wait before retrying after ERROR on ATTEMPT, or None to give up."""
        if attempt > self._retry.max_retries:
            return None
        if isinstance(error, APIStatusError):
            if error.status not in self._retry.statuses:
                return None
            return self._retry.delay(attempt, error.retry_after)
        return self._retry.backoff(attempt)

    def _log_retry(
        self, method: str, path: str, error: Exception, delay: float, attempt: int
    ) -> None:
        reason = error.status if isinstance(error, APIStatusError) else type(error).__name__
        log.info(
            "retrying %s %s after %s in %.2fs (attempt %d of %d)",
            method,
            path,
            reason,
            delay,
            attempt + 1,
            self._retry.max_retries + 1,
        )

    def _url(self, path: str) -> str:
        return self._config.base_url + path

    @staticmethod
    def _transport_error(error: httpx.TransportError, method: str, url: str) -> APIConnectionError:
        if isinstance(error, httpx.TimeoutException):
            failure: APIConnectionError = APITimeoutError(
                f"timed out: {type(error).__name__}", method=method, url=url
            )
        else:
            failure = APIConnectionError(
                f"connection failed: {type(error).__name__}", method=method, url=url
            )
        # Chained, so a refused port and a failed DNS look-up stay told apart.
        failure.__cause__ = error
        return failure
