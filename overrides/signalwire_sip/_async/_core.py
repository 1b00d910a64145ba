"""The core every resource sends through (openai-python's ``_base_client``): a client's
settings and connections, the requests the generated modules build, the retry loop, the
mapping of answers to typed errors and parsed models, and the one pager every list shares.

Written once for asyncio; ``_sync/_core.py`` is produced from it (``make sync-client``).
A resource module calls ``self._core._send(operation, kind, **arguments)`` with a generated
operation module (``signalwire_sip_client.api...``): the module's ``_get_kwargs`` builds the
request, this core sends it (the project's credentials, the timeout, no cookie, no
redirect), and the module's ``_build_response`` reads a success.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol, Self, TypeVar, cast

import httpx

from signalwire_sip_client import Client
from signalwire_sip_client.types import Response, Unset

from .._answers import (
    T,
    attempt_timeout,
    forget_cookies,
    may_have_been_applied,
    next_page,
    past_deadline,
    read_whole,
    secrets_of,
    status_error,
    too_large,
    undecodable,
)
from .._base import USER_AGENT, _async_deadline, _Base, log
from .._config import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, ClientConfig, RetryPolicy
from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    InvalidArgumentError,
    NotFoundError,
    SignalWireError,
)
from .._raw import captured

Item = TypeVar("Item")


class Operation(Protocol):
    """A generated operation module, as the core uses it."""

    def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

    def _build_response(self, *, client: Any, response: httpx.Response) -> Response[Any]: ...


class Page(Protocol[Item]):
    """A generated page model: ``data`` and ``links`` (whose ``next_`` may be unset)."""

    data: list[Item]
    links: Any


class _AsyncCore(_Base):
    """A client's life and its calls: settings, connections, and the retry loop every
    operation goes through."""

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
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._config = ClientConfig.resolve(
            space=space,
            project_id=project_id,
            api_token=api_token,
            base_url=base_url,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )
        self._retry = retry or RetryPolicy(max_retries=max_retries)
        self._secrets = secrets_of(self._config)
        self._sleep: Callable[[float], Any] = asyncio.sleep
        # A client the caller passed stays theirs: used as it is, never changed or closed here.
        self._owns_http = http_client is None
        self._http = httpx.AsyncClient() if http_client is None else http_client
        self._auth = httpx.BasicAuth(self._config.project_id, self._config.api_token)
        # The generated parsers read one setting of their client (whether an undocumented
        # status raises); nothing is sent through it.
        self._generated = Client(base_url=self._config.base_url)

    async def close(self) -> None:
        """Release the connections (of the httpx client this one made; a passed one stays open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _exchange(self, request: dict[str, Any], end: float | None) -> httpx.Response:
        """One attempt, its answer read whole (``_read``: within ``max_response_bytes``, and
        END, the deadline). The httpx client underneath, a user's own included, is left as it
        was, so clients of several projects can share one: no cookie of its jar is sent, none an
        answer sets is kept, no redirect is followed. (Joining the path here spares httpx
        merging it with a ``base_url``: a third of this client's CPU per call in ``make bench``.)"""
        try:
            built = self._http.build_request(
                request["method"],
                self._config.base_url + request["url"],
                timeout=attempt_timeout(self._config.timeout, end),
                **{k: v for k, v in request.items() if k not in ("method", "url")},
            )
        except Exception as error:
            # Nothing was sent. Not chained, and no value quoted: the body may hold a password.
            raise InvalidArgumentError("body", type(error).__name__, "cannot be sent") from None
        built.headers.pop("cookie", None)
        built.headers["user-agent"] = USER_AGENT
        response = await self._http.send(
            built, auth=self._auth, follow_redirects=False, stream=True
        )
        try:
            forget_cookies(self._http.cookies, response)
            return await _answer(response, self._config.max_response_bytes, end)
        finally:
            await response.aclose()

    async def _send(
        self,
        operation: Operation,
        kind: type[T],
        *,
        gone_means_done: bool = False,
        secrets: tuple[str, ...] = (),
        **arguments: Any,
    ) -> T:
        """OPERATION with ARGUMENTS, retried as the policy says; its answer parsed as KIND.
        GONE_MEANS_DONE (a delete): a 404 after an attempt that may have been carried out is
        the call's own success. SECRETS (a password sent) are redacted like the token. The
        whole call, retries and waits included, ends by the ``deadline``."""
        request = operation._get_kwargs(**arguments)
        method, path = request["method"].upper(), request["url"]
        url, secrets = self._url(path), self._secrets + secrets
        deadline = self._config.deadline
        end = None if deadline is None else time.monotonic() + deadline
        attempt, applied = 0, False
        while True:
            attempt += 1
            try:
                async with _async_deadline(end):
                    response = await self._exchange(request, end)
            except httpx.TransportError as error:
                failure: Exception = self._transport_error(error, method, url)
            except TimeoutError:
                raise past_deadline(deadline, method, url, attempt) from None
            except SignalWireError as error:
                if not isinstance(error, APIStatusError):
                    raise
                failure = error
            except Exception as error:
                # Not httpx's (a transport or hook of the caller's own): not retried, not
                # chained (its message may quote the body).
                raise APIConnectionError(
                    f"the request failed: {type(error).__name__}", method=method, url=url
                ) from None
            else:
                if response.status_code < 400:
                    captured(response)
                    return self._success(operation, response, kind, url, secrets)
                failure = status_error(response, secrets)
                if gone_means_done and applied and isinstance(failure, NotFoundError):
                    # An earlier attempt was carried out but its answer was lost: it is gone.
                    log.info("%s %s: an earlier attempt had already deleted it", method, path)
                    return cast(T, None)
            if isinstance(failure, APIStatusError):
                failure.attempts, failure.earlier_attempt_may_have_applied = attempt, applied
            delay = self._retry_delay(attempt, failure)
            if delay is None or (end is not None and time.monotonic() + delay >= end):
                raise failure
            applied = applied or may_have_been_applied(failure.__cause__ or failure)
            self._log_retry(method, path, failure, delay, attempt)
            await self._sleep(delay)

    async def _every(
        self, fetch: Callable[..., Any], url: str, **first: Any
    ) -> AsyncIterator[Item]:
        """Every item of a list, page after page: FETCH (a ``list`` method) with FIRST, then
        with the arguments each ``links.next`` names, until a page has none. URL names the
        list in the error a ``next`` that names no page, or one already followed, raises."""
        page: Page[Item] = await fetch(**first)
        followed: set[str] = set()
        while True:
            for item in page.data:
                yield item
            following = page.links.next_
            if isinstance(following, Unset) or following is None:
                return
            page = await fetch(**next_page(following, followed, url))


async def _answer(response: httpx.Response, limit: int, end: float | None) -> httpx.Response:
    """RESPONSE (streamed) read whole: ResponseTooLargeError when it declares or holds more
    than LIMIT bytes, TimeoutError past END."""
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large(response, limit)
    if "content-encoding" not in response.headers:
        # As sent is as read: httpx reads it, through a stream cut at the limit. (The other
        # path's new response cost ~55 us a call, 10% of a local GET, in ``make bench``:
        # get_ratio 1.21 against 1.11.)
        response.stream = _Bounded(response.stream, response, limit, end)
        await response.aread()
        return response
    return read_whole(response, await _read(response, limit, end))


async def _read(response: httpx.Response, limit: int, end: float | None) -> bytes:
    """RESPONSE's body, decoded: ResponseTooLargeError past LIMIT bytes (counted as decoded,
    so a gzip bomb counts as what it unpacks to), UnexpectedResponseError when its encoding
    cannot be undone, TimeoutError past END."""
    chunks, size = [], 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise too_large(response, limit)
            chunks.append(chunk)
            if end is not None and time.monotonic() > end:
                raise TimeoutError
    except httpx.DecodingError:
        raise undecodable(response) from None
    return b"".join(chunks)


class _Bounded(httpx.AsyncByteStream):
    """An answer's RAW stream, cut past LIMIT bytes (ResponseTooLargeError) and past END
    (TimeoutError), for an answer whose bytes as sent are its body."""

    def __init__(self, raw: Any, response: httpx.Response, limit: int, end: float | None) -> None:
        self._raw, self._response, self._limit, self._end = raw, response, limit, end

    async def __aiter__(self) -> AsyncIterator[bytes]:
        size = 0
        async for chunk in self._raw:
            size += len(chunk)
            if size > self._limit:
                raise too_large(self._response, self._limit)
            if self._end is not None and time.monotonic() > self._end:
                raise TimeoutError
            yield chunk

    async def aclose(self) -> None:
        await self._raw.aclose()
