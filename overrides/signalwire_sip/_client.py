"""The SIP credential clients: ``SipCredentials`` (sync) and ``AsyncSipCredentials``.

Both are thin layers over the generated client: requests are built and responses parsed by
``signalwire_sip_client``; this module adds the resource-ID rule (checked before sending),
typed exceptions, retries and pagination.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, Self, TypeVar, cast
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import httpx

from signalwire_sip_client import Client
from signalwire_sip_client.api.sip_credentials import (
    create_sip_credential,
    delete_sip_credential,
    get_sip_credential,
    list_sip_credentials,
    update_sip_credential,
)
from signalwire_sip_client.models import (
    Cipher,
    Codec,
    Encryption,
    SipCredential,
    SipCredentialCreate,
    SipCredentialPage,
    SipCredentialUpdate,
)
from signalwire_sip_client.types import UNSET, Response, Unset

from ._arguments import enum_argument, enum_list_argument, text_argument, uuid_argument
from ._config import ClientConfig, RetryPolicy, parse_retry_after
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    UnexpectedResponseError,
    error_class,
)
from .outbound import OutboundPolicy
from .rule import check_create, check_update

log = logging.getLogger("signalwire_sip")
T = TypeVar("T")
_REQUEST_ID = "x-request-id"


def _status_error(response: httpx.Response, attempts: int = 1) -> APIStatusError:
    request = response.request
    error = error_class(response.status_code)(
        status=response.status_code,
        method=request.method,
        url=str(request.url),
        body=response.content,
        request_id=response.headers.get(_REQUEST_ID),
        attempts=attempts,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
    )
    return error


def _create_body(
    *,
    username: str,
    caller_id: str,
    send_as: str,
    ciphers: Sequence[Cipher | str],
    codecs: Sequence[Codec | str],
    encryption: Encryption | str,
    outbound: OutboundPolicy,
    id: UUID | str | None,
) -> SipCredentialCreate:
    fields = _checked(
        dict(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        ),
        outbound,
    )
    return SipCredentialCreate(id=uuid.uuid4() if id is None else uuid_argument("id", id), **fields)


def _update_body(fields: Mapping[str, Any], outbound: OutboundPolicy | None) -> SipCredentialUpdate:
    given = {k: v for k, v in fields.items() if not isinstance(v, Unset)}
    return SipCredentialUpdate(**_checked(given, outbound))


def _checked(fields: Mapping[str, Any], outbound: OutboundPolicy | None) -> dict[str, Any]:
    """FIELDS (the keyword arguments given) as the generated models take them; each value the
    client cannot send raises InvalidArgumentError naming its argument, before anything is sent."""
    checked: dict[str, Any] = {}
    for name, value in fields.items():
        if name in _ENUM_LISTS:
            checked[name] = enum_list_argument(name, _ENUM_LISTS[name], value)
        elif name == "encryption":
            checked[name] = enum_argument(name, Encryption, value)
        else:
            checked[name] = text_argument(name, value)
    if outbound is not None:
        if not isinstance(outbound, OutboundPolicy):
            raise InvalidArgumentError(
                "outbound", outbound, "must be an OutboundPolicy (OutboundPolicy.resource(id) ...)"
            )
        checked["call_handler"] = outbound.handler
        checked["calling_handler_resource_id"] = outbound.resource_id
    return checked


_ENUM_LISTS: dict[str, type[Cipher] | type[Codec]] = {"ciphers": Cipher, "codecs": Codec}


def _same_credential(sent: SipCredentialCreate, stored: SipCredential) -> bool:
    """Whether STORED is what a create of SENT would have made (for retried creates)."""
    have = stored.to_dict()
    return all(have.get(k) == v for k, v in sent.to_dict().items())


def _page_params(next_url: str) -> dict[str, Any]:
    query = parse_qs(urlsplit(next_url).query)
    params: dict[str, Any] = {}
    for name in ("page_size", "page_number"):
        if name in query:
            params[name] = int(query[name][0])
    if "page_token" in query:
        params["page_token"] = query["page_token"][0]
    return params


def _parsed(response: Response[Any], kind: type[T], method: str, url: str) -> T:
    if not isinstance(response.parsed, kind):
        raise UnexpectedResponseError(
            status=response.status_code,
            method=method,
            url=url,
            body=response.content,
            request_id=response.headers.get(_REQUEST_ID),
        )
    return response.parsed


class _Session:
    """What the generated code sends through (it calls ``request(method, path, ...)``).

    Each request gets the origin joined to its path, this client's credentials and timeout,
    and an unsuccessful answer becomes its typed exception. The httpx client underneath, a
    user's own included, is never changed, so clients of several projects can share one.
    (Joining the path here also spares httpx merging it with a ``base_url``: that parsed each
    URL three times, a third of this client's CPU per call in ``make bench``.)
    """

    def __init__(self, http: httpx.Client, config: ClientConfig) -> None:
        self._http, self._origin, self._timeout = http, config.base_url, config.timeout
        self._auth = httpx.BasicAuth(config.project_id, config.api_token)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = self._http.request(
            method, self._origin + url, auth=self._auth, timeout=self._timeout, **kwargs
        )
        if response.status_code >= 400:
            raise _status_error(response)
        return response


class _AsyncSession:
    """The asyncio twin of _Session."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig) -> None:
        self._http, self._origin, self._timeout = http, config.base_url, config.timeout
        self._auth = httpx.BasicAuth(config.project_id, config.api_token)

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = await self._http.request(
            method, self._origin + url, auth=self._auth, timeout=self._timeout, **kwargs
        )
        if response.status_code >= 400:
            raise _status_error(response)
        return response


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


class _Base:
    """What the sync and async clients share: settings, bodies and the retry decision."""

    _config: ClientConfig
    _retry: RetryPolicy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._config.base_url!r}, project_id={self._config.project_id!r})"

    @property
    def config(self) -> ClientConfig:
        return self._config

    def with_options(
        self, *, max_retries: int | None = None, retry: RetryPolicy | None = None
    ) -> Self:
        """A client sharing this one's connections, with other retry settings."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        if retry is None:
            retry = (
                self._retry
                if max_retries is None
                else replace(self._retry, max_retries=max_retries)
            )
        clone._retry = retry
        return clone

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
            return APITimeoutError(f"timed out: {type(error).__name__}", method=method, url=url)
        return APIConnectionError(
            f"connection failed: {type(error).__name__}", method=method, url=url
        )

    @staticmethod
    def _parse_failure(error: Exception, method: str, url: str) -> UnexpectedResponseError:
        return UnexpectedResponseError(
            status=200,
            method=method,
            url=url,
            body=f"response did not match the spec: {error!r}".encode(),
        )


_COLLECTION = "/api/fabric/resources/sip_endpoints"


class SipCredentials(_Base):
    """SIP credentials of one SignalWire project (synchronous).

    ``SipCredentials()`` reads SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN;
    pass ``space``/``base_url``, ``project_id`` and ``api_token`` to choose. Use it as a context
    manager, or call ``close()``, to release connections.
    """

    def __init__(
        self,
        *,
        space: str | None = None,
        project_id: str | None = None,
        api_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._config = ClientConfig.resolve(
            space=space,
            project_id=project_id,
            api_token=api_token,
            base_url=base_url,
            timeout=timeout,
        )
        self._retry = retry or RetryPolicy(max_retries=max_retries)
        self._sleep: Callable[[float], None] = time.sleep
        # A client the caller passed stays theirs: used as it is, never changed or closed here.
        self._owns_http = http_client is None
        self._http = httpx.Client() if http_client is None else http_client
        session = _Session(self._http, self._config)
        self._generated = Client(base_url=self._config.base_url).set_httpx_client(
            cast(httpx.Client, session)
        )

    def close(self) -> None:
        """Release the connections (of the httpx client this one made; a passed one stays open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, send: Callable[[], Response[Any]], kind: type[T]) -> T:
        url = self._url(path)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = send()
            except APIStatusError as error:
                error.attempts = attempt
                failure: Exception = error
            except httpx.TransportError as error:
                failure = self._transport_error(error, method, url)
            except (KeyError, ValueError, TypeError) as error:
                raise self._parse_failure(error, method, url) from error
            else:
                return _parsed(response, kind, method, url)
            delay = self._retry_delay(attempt, failure)
            if delay is None:
                raise failure
            self._log_retry(method, path, failure, delay, attempt)
            self._sleep(delay)

    def create(
        self,
        *,
        username: str,
        caller_id: str,
        send_as: str,
        ciphers: Sequence[Cipher | str],
        codecs: Sequence[Codec | str],
        outbound: OutboundPolicy | None = None,
        encryption: Encryption | str = Encryption.DEFAULT,
        id: UUID | str | None = None,
    ) -> SipCredential:
        """Create a SIP credential; its id is chosen here (a new uuid) unless given."""
        body = _create_body(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            outbound=outbound or OutboundPolicy.default(),
            id=id,
        )
        return self.create_from(body)

    def create_from(self, body: SipCredentialCreate) -> SipCredential:
        """Create a SIP credential from a generated request model (the rule is checked first)."""
        check_create(body)
        try:
            created = self._call(
                "POST",
                _COLLECTION,
                lambda: create_sip_credential.sync_detailed(client=self._generated, body=body),
                SipCredential,
            )
        except ConflictError as conflict:
            if conflict.attempts < 2:
                raise
            # An earlier attempt may have been stored before its answer was lost: the id is ours.
            try:
                stored = self.get(body.id)
            except NotFoundError:
                raise conflict from None
            if not _same_credential(body, stored):
                raise
            log.info("create %s: an earlier attempt had already stored it", body.id)
            return stored
        return created

    def get(self, id: UUID | str) -> SipCredential:
        """The SIP credential with this id."""
        key = uuid_argument("id", id)
        return self._call(
            "GET",
            f"{_COLLECTION}/{key}",
            lambda: get_sip_credential.sync_detailed(key, client=self._generated),
            SipCredential,
        )

    def list(
        self,
        *,
        page_size: int | Unset = UNSET,
        page_token: str | Unset = UNSET,
        page_number: int | Unset = UNSET,
    ) -> SipCredentialPage:
        """One page of credentials, with ``links`` to its neighbours."""
        return self._call(
            "GET",
            _COLLECTION,
            lambda: list_sip_credentials.sync_detailed(
                client=self._generated,
                page_size=page_size,
                page_token=page_token,
                page_number=page_number,
            ),
            SipCredentialPage,
        )

    def iter_all(self, *, page_size: int | Unset = UNSET) -> Iterator[SipCredential]:
        """Every credential of the project, page after page (following ``links.next``)."""
        page = self.list(page_size=page_size)
        while True:
            yield from page.data
            if isinstance(page.links.next_, Unset):
                return
            page = self.list(**_page_params(page.links.next_))

    def update(
        self,
        id: UUID | str,
        *,
        username: str | Unset = UNSET,
        caller_id: str | Unset = UNSET,
        send_as: str | Unset = UNSET,
        ciphers: Sequence[Cipher | str] | Unset = UNSET,
        codecs: Sequence[Codec | str] | Unset = UNSET,
        encryption: Encryption | str | Unset = UNSET,
        outbound: OutboundPolicy | None = None,
    ) -> SipCredential:
        """Change the given fields and leave the rest; ``outbound`` sets the handler and its id together."""
        body = _update_body(
            dict(
                username=username,
                caller_id=caller_id,
                send_as=send_as,
                ciphers=ciphers,
                codecs=codecs,
                encryption=encryption,
            ),
            outbound,
        )
        return self.update_from(id, body)

    def update_from(self, id: UUID | str, body: SipCredentialUpdate) -> SipCredential:
        """Apply a generated partial-update model (the rule is checked first)."""
        check_update(body)
        key = uuid_argument("id", id)
        return self._call(
            "PUT",
            f"{_COLLECTION}/{key}",
            lambda: update_sip_credential.sync_detailed(key, client=self._generated, body=body),
            SipCredential,
        )

    def delete(self, id: UUID | str) -> None:
        """Delete the credential with this id."""
        key = uuid_argument("id", id)
        self._call(
            "DELETE",
            f"{_COLLECTION}/{key}",
            lambda: delete_sip_credential.sync_detailed(key, client=self._generated),
            type(None),
        )


class AsyncSipCredentials(_Base):
    """SIP credentials of one SignalWire project (asyncio); the same methods as SipCredentials."""

    def __init__(
        self,
        *,
        space: str | None = None,
        project_id: str | None = None,
        api_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._config = ClientConfig.resolve(
            space=space,
            project_id=project_id,
            api_token=api_token,
            base_url=base_url,
            timeout=timeout,
        )
        self._retry = retry or RetryPolicy(max_retries=max_retries)
        self._sleep: Callable[[float], Any] = asyncio.sleep
        self._owns_http = http_client is None
        self._http = httpx.AsyncClient() if http_client is None else http_client
        session = _AsyncSession(self._http, self._config)
        self._generated = Client(base_url=self._config.base_url).set_async_httpx_client(
            cast(httpx.AsyncClient, session)
        )

    async def close(self) -> None:
        """Release the connections (of the httpx client this one made; a passed one stays open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _call(self, method: str, path: str, send: Callable[[], Any], kind: type[T]) -> T:
        url = self._url(path)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await send()
            except APIStatusError as error:
                error.attempts = attempt
                failure: Exception = error
            except httpx.TransportError as error:
                failure = self._transport_error(error, method, url)
            except (KeyError, ValueError, TypeError) as error:
                raise self._parse_failure(error, method, url) from error
            else:
                return _parsed(response, kind, method, url)
            delay = self._retry_delay(attempt, failure)
            if delay is None:
                raise failure
            self._log_retry(method, path, failure, delay, attempt)
            await self._sleep(delay)

    async def create(
        self,
        *,
        username: str,
        caller_id: str,
        send_as: str,
        ciphers: Sequence[Cipher | str],
        codecs: Sequence[Codec | str],
        outbound: OutboundPolicy | None = None,
        encryption: Encryption | str = Encryption.DEFAULT,
        id: UUID | str | None = None,
    ) -> SipCredential:
        """Create a SIP credential; its id is chosen here (a new uuid) unless given."""
        body = _create_body(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            outbound=outbound or OutboundPolicy.default(),
            id=id,
        )
        return await self.create_from(body)

    async def create_from(self, body: SipCredentialCreate) -> SipCredential:
        """Create a SIP credential from a generated request model (the rule is checked first)."""
        check_create(body)
        try:
            created = await self._call(
                "POST",
                _COLLECTION,
                lambda: create_sip_credential.asyncio_detailed(client=self._generated, body=body),
                SipCredential,
            )
        except ConflictError as conflict:
            if conflict.attempts < 2:
                raise
            try:
                stored = await self.get(body.id)
            except NotFoundError:
                raise conflict from None
            if not _same_credential(body, stored):
                raise
            log.info("create %s: an earlier attempt had already stored it", body.id)
            return stored
        return created

    async def get(self, id: UUID | str) -> SipCredential:
        """The SIP credential with this id."""
        key = uuid_argument("id", id)
        return await self._call(
            "GET",
            f"{_COLLECTION}/{key}",
            lambda: get_sip_credential.asyncio_detailed(key, client=self._generated),
            SipCredential,
        )

    async def list(
        self,
        *,
        page_size: int | Unset = UNSET,
        page_token: str | Unset = UNSET,
        page_number: int | Unset = UNSET,
    ) -> SipCredentialPage:
        """One page of credentials, with ``links`` to its neighbours."""
        return await self._call(
            "GET",
            _COLLECTION,
            lambda: list_sip_credentials.asyncio_detailed(
                client=self._generated,
                page_size=page_size,
                page_token=page_token,
                page_number=page_number,
            ),
            SipCredentialPage,
        )

    async def iter_all(self, *, page_size: int | Unset = UNSET) -> AsyncIterator[SipCredential]:
        """Every credential of the project, page after page (following ``links.next``)."""
        page = await self.list(page_size=page_size)
        while True:
            for item in page.data:
                yield item
            if isinstance(page.links.next_, Unset):
                return
            page = await self.list(**_page_params(page.links.next_))

    async def update(
        self,
        id: UUID | str,
        *,
        username: str | Unset = UNSET,
        caller_id: str | Unset = UNSET,
        send_as: str | Unset = UNSET,
        ciphers: Sequence[Cipher | str] | Unset = UNSET,
        codecs: Sequence[Codec | str] | Unset = UNSET,
        encryption: Encryption | str | Unset = UNSET,
        outbound: OutboundPolicy | None = None,
    ) -> SipCredential:
        """Change the given fields and leave the rest; ``outbound`` sets the handler and its id together."""
        body = _update_body(
            dict(
                username=username,
                caller_id=caller_id,
                send_as=send_as,
                ciphers=ciphers,
                codecs=codecs,
                encryption=encryption,
            ),
            outbound,
        )
        return await self.update_from(id, body)

    async def update_from(self, id: UUID | str, body: SipCredentialUpdate) -> SipCredential:
        """Apply a generated partial-update model (the rule is checked first)."""
        check_update(body)
        key = uuid_argument("id", id)
        return await self._call(
            "PUT",
            f"{_COLLECTION}/{key}",
            lambda: update_sip_credential.asyncio_detailed(key, client=self._generated, body=body),
            SipCredential,
        )

    async def delete(self, id: UUID | str) -> None:
        """Delete the credential with this id."""
        key = uuid_argument("id", id)
        await self._call(
            "DELETE",
            f"{_COLLECTION}/{key}",
            lambda: delete_sip_credential.asyncio_detailed(key, client=self._generated),
            type(None),
        )
