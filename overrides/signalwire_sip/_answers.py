"""What the clients make of an answer: the typed error of a failure, the parsed body of a
success (or UnexpectedResponseError) read in either shape the API answers with, the next page
of a list, and what is never kept of it (the token in a body that echoes it, the cookies it
sets).

The tolerant reader: a credential answered wrapped in a Fabric resource (``FabricSipCredential``,
production as observed) becomes the same ``SipCredential`` a flat answer gives, its ``id`` the
resource's (the one paths take: deleting by the endpoint's own id would 404 and leak it), the
endpoint's own id kept as ``sip_endpoint_id`` and the wrapper's fields under their names.
"""

from __future__ import annotations

import base64
import contextlib
import time
from collections.abc import Sequence
from typing import Any, TypeVar, cast
from urllib.parse import parse_qs, urlsplit

import httpx

from signalwire_sip_client.models import (
    FabricSipCredential,
    FabricSipCredentialPage,
    SipCredential,
    SipCredentialPage,
)
from signalwire_sip_client.types import Response

from ._config import ClientConfig, parse_retry_after
from ._exceptions import (
    APIStatusError,
    APITimeoutError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    error_class,
)

T = TypeVar("T")
REQUEST_ID = "x-request-id"


def status_error(response: httpx.Response, secrets: Sequence[str] = ()) -> APIStatusError:
    request = response.request
    error = error_class(response.status_code)(
        status=response.status_code,
        method=request.method,
        url=str(request.url),
        body=response.content,
        request_id=response.headers.get(REQUEST_ID),
        retry_after=parse_retry_after(response.headers.get("retry-after")),
        secrets=secrets,
    )
    return error


def unreadable(
    response: httpx.Response, error: Exception, method: str, url: str, secrets: Sequence[str]
) -> UnexpectedResponseError:
    """The error of a success RESPONSE the generated parser could not read (ERROR says why)."""
    return UnexpectedResponseError(
        status=response.status_code,
        method=method,
        url=url,
        body=response.content,
        request_id=response.headers.get(REQUEST_ID),
        problem=f"the body does not match the spec: {type(error).__name__}: {str(error)[:200]}",
        secrets=secrets,
    )


def too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    """The error of an answer longer than LIMIT bytes (not read past it)."""
    return ResponseTooLargeError(
        status=response.status_code,
        method=response.request.method,
        url=str(response.request.url),
        body=b"",
        request_id=response.headers.get(REQUEST_ID),
        problem=f"the answer is larger than max_response_bytes ({limit} bytes); not read",
    )


def undecodable(response: httpx.Response) -> UnexpectedResponseError:
    """The error of an answer whose ``Content-Encoding`` could not be undone: the server did
    answer (so the request may have been carried out), but its body cannot be read."""
    encoding = response.headers.get("content-encoding", "")[:40]
    return UnexpectedResponseError(
        status=response.status_code,
        method=response.request.method,
        url=str(response.request.url),
        body=b"",
        request_id=response.headers.get(REQUEST_ID),
        problem=f"the body could not be decoded (Content-Encoding: {encoding!r})",
    )


def past_deadline(deadline: float | None, method: str, url: str, attempt: int) -> APITimeoutError:
    return APITimeoutError(
        f"the call's deadline of {deadline:g} s passed during attempt {attempt}",
        method=method,
        url=url,
    )


def attempt_timeout(timeout: httpx.Timeout, end: float | None) -> httpx.Timeout:
    """TIMEOUT with no part longer than what is left before END (a ``time.monotonic()``
    value; None: TIMEOUT as it is), so no single wait outlasts the call's deadline."""
    if end is None:
        return timeout
    left = max(0.001, end - time.monotonic())
    parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    connect, read, write, pool = (left if p is None else min(p, left) for p in parts)
    return httpx.Timeout(connect=connect, read=read, write=write, pool=pool)


#: Headers that describe the body as it travelled, not as it was read.
_TRAVEL = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def read_whole(response: httpx.Response, content: bytes) -> httpx.Response:
    """RESPONSE (streamed, closed) as a read response holding CONTENT, its decoded body."""
    headers: Any = response.headers
    if "content-encoding" in headers or "transfer-encoding" in headers:
        headers = [(k, v) for k, v in headers.multi_items() if k.lower() not in _TRAVEL]
    extensions = {k: v for k, v in response.extensions.items() if k != "network_stream"}
    # A new response, not httpx's private ``_content``: about 14 us a call (``make bench``).
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=content,
        request=response.request,
        extensions=extensions,
    )


def forget_cookies(jar: httpx.Cookies, response: httpx.Response) -> None:
    """Take back from JAR (an httpx client's) what RESPONSE's ``Set-Cookie`` put in it: httpx
    stores every cookie an answer sets, and a client shared by several projects must not
    carry one project's cookies into another's requests, nor fill up."""
    if "set-cookie" not in response.headers:
        return
    answered = httpx.Cookies()
    answered.extract_cookies(response)
    for cookie in answered.jar:
        with contextlib.suppress(KeyError):
            jar.jar.clear(cookie.domain, cookie.path, cookie.name)


def secrets_of(config: ClientConfig) -> tuple[str, ...]:
    """What must never show in an exception: the token, and the Basic credential made of it."""
    basic = base64.b64encode(f"{config.project_id}:{config.api_token}".encode()).decode()
    return (config.api_token, basic)


def may_have_been_applied(error: BaseException) -> bool:
    """Whether a failed attempt may still have changed the server's state: its answer was lost
    (a broken or timed-out read, a gateway's 502/504) or it failed after being carried out
    (5xx). Not a 429, nor a connection that never opened."""
    if isinstance(error, APIStatusError):
        return error.status >= 500
    return not isinstance(error, _NEVER_SENT)


_NEVER_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)


def page_params(next_url: str) -> dict[str, Any]:
    """The query of a ``links.next`` URL as ``list()`` arguments; ValueError when it is not one."""
    if not isinstance(next_url, str):
        raise ValueError(f"links.next is not a URL: {next_url!r}")
    query = parse_qs(urlsplit(next_url).query)
    params: dict[str, Any] = {}
    for name in ("page_size", "page_number"):
        if name in query:
            text = query[name][0]
            if not text.isascii() or not text.isdigit():
                raise ValueError(f"links.next has {name}={text!r}, not a number")
            params[name] = int(text)
    if "page_token" in query:
        params["page_token"] = query["page_token"][0]
    return params


def next_page(next_url: Any, followed: set[str], url: str) -> dict[str, Any]:
    """``list()`` arguments for the page ``links.next`` names; UnexpectedResponseError when it
    names no page, or one already followed (a server whose ``next`` never changes would
    otherwise be paged forever). FOLLOWED holds the links followed so far."""
    try:
        params = page_params(next_url)
    except ValueError as error:
        problem = str(error)
    else:
        if next_url not in followed:
            followed.add(next_url)
            return params
        problem = f"links.next repeats a page already followed: {next_url[:200]}"
    raise UnexpectedResponseError(status=200, method="GET", url=url, body=b"", problem=problem)


#: Fields a wrapped answer carries outside ``sip_endpoint``, kept under their own names.
WRAPPER = ("project_id", "display_name", "created_at", "updated_at")


def unwrapped(fabric: FabricSipCredential) -> SipCredential:
    """FABRIC as the ``SipCredential`` a flat answer would give (see the module's note). What
    the endpoint leaves out reads as the create's defaults say (``send_as``: the username)."""
    inner = fabric.sip_endpoint.to_dict()
    outer = fabric.to_dict()
    defaults = {
        "caller_id": None,
        "send_as": inner["username"],
        "ciphers": [],
        "codecs": [],
        "encryption": "default",
        "call_handler": None,
        "calling_handler_resource_id": None,
    }
    flat = defaults | inner | {name: outer[name] for name in WRAPPER if name in outer}
    flat |= {"id": outer["id"], "sip_endpoint_id": inner["id"], "type": outer["type"]}
    return SipCredential.from_dict(flat)


def _unwrapped_page(page: FabricSipCredentialPage) -> SipCredentialPage:
    flat = SipCredentialPage(data=[unwrapped(row) for row in page.data], links=page.links)
    flat.additional_properties = dict(page.additional_properties)
    return flat


# What each answer may come as besides its own kind, and how it becomes that kind.
_READERS: dict[type[Any], tuple[type[Any], Any]] = {
    SipCredential: (FabricSipCredential, unwrapped),
    SipCredentialPage: (FabricSipCredentialPage, _unwrapped_page),
}


def parsed(
    response: Response[Any], kind: type[T], method: str, url: str, secrets: Sequence[str] = ()
) -> T:
    """The parsed body of a success, read in either shape; UnexpectedResponseError for
    anything else (a redirect, a body of another shape, a delete answered with a page that is
    not JSON)."""
    problem = None
    status = int(response.status_code)
    reader = _READERS.get(kind)
    if reader is not None and isinstance(response.parsed, reader[0]):
        try:
            return cast(T, reader[1](response.parsed))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problem = f"the wrapped body does not hold a credential: {type(error).__name__}"
    if problem is not None:
        pass
    elif not 200 <= status < 300:
        problem = f"{status} is not a success status"
    elif kind is type(None):
        content_type = response.headers.get("content-type", "")
        if response.content.strip() and "json" not in content_type.lower():
            problem = f"a deletion answered with a {content_type or 'untyped'} body"
    elif not isinstance(response.parsed, kind):
        problem = f"the body is not a {kind.__name__}"
    if problem is None:
        return cast(T, response.parsed)
    raise UnexpectedResponseError(
        status=status,
        method=method,
        url=url,
        body=response.content,
        request_id=response.headers.get(REQUEST_ID),
        problem=problem,
        secrets=secrets,
    )
