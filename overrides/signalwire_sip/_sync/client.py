# Produced from _async/client.py by scripts/make_sync.py (unasync): edit that file, then run
# `make sync-client`. `make check-generated` fails when this file differs from what it makes.
"""The SIP credential client, written once: this asyncio file is the source, and
``_sync/client.py`` is produced from it by ``scripts/make_sync.py`` (unasync), so the two
cannot drift apart (``make check-generated`` fails when they do).

Both are thin layers over the generated client: requests are built and responses parsed by
``signalwire_sip_client``; this module adds the resource-ID rule (checked before sending),
typed exceptions, retries and pagination.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Self, cast
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
from signalwire_sip_client.types import UNSET, Unset

from .._answers import (
    T,
    forget_cookies,
    last_answer,
    may_have_been_applied,
    next_page,
    parsed,
    secrets_of,
    status_error,
)
from .._arguments import sendable_model, uuid_argument
from .._base import COLLECTION, _Base, create_body, log, same_credential, update_body
from .._config import ClientConfig, RetryPolicy
from .._exceptions import APIStatusError, ConflictError, NotFoundError, SignalWireError
from ..outbound import OutboundPolicy
from ..rule import check_create, check_update


class _Session:
    """What the generated code sends through (it calls ``request(method, path, ...)``).

    Each request gets the origin joined to its path, this client's credentials and timeout,
    and an unsuccessful answer becomes its typed exception. The httpx client underneath, a
    user's own included, is left as it was, so clients of several projects can share one: no
    cookie of its jar is sent, none an answer sets is kept, and redirects are never followed
    (an answer that redirects is unexpected). (Joining the path here also spares httpx merging
    it with a ``base_url``: that parsed each URL three times, a third of this client's CPU per
    call in ``make bench``.)
    """

    def __init__(self, http: httpx.Client, config: ClientConfig, secrets: tuple[str, ...]) -> None:
        self._http, self._origin, self._timeout = http, config.base_url, config.timeout
        self._auth = httpx.BasicAuth(config.project_id, config.api_token)
        self._secrets = secrets

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        last_answer.set(None)
        request = self._http.build_request(
            method, self._origin + url, timeout=self._timeout, **kwargs
        )
        request.headers.pop("cookie", None)
        response = self._http.send(request, auth=self._auth, follow_redirects=False)
        forget_cookies(self._http.cookies, response)
        last_answer.set(response)
        if response.status_code >= 400:
            raise status_error(response, self._secrets)
        return response


class _Core(_Base):
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
        self._secrets = secrets_of(self._config)
        self._sleep: Callable[[float], Any] = time.sleep
        # A client the caller passed stays theirs: used as it is, never changed or closed here.
        self._owns_http = http_client is None
        self._http = httpx.Client() if http_client is None else http_client
        session = _Session(self._http, self._config, self._secrets)
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

    def _call(
        self,
        method: str,
        path: str,
        send: Callable[[], Any],
        kind: type[T],
        *,
        gone_means_done: bool = False,
    ) -> T:
        """Send, retrying as the policy says; GONE_MEANS_DONE (a delete): a 404 after an
        attempt that may have been carried out is the call's own success."""
        url = self._url(path)
        attempt, applied = 0, False
        while True:
            attempt += 1
            try:
                response = send()
            except APIStatusError as error:
                error.attempts, error.earlier_attempt_may_have_applied = attempt, applied
                if gone_means_done and applied and isinstance(error, NotFoundError):
                    # An earlier attempt was carried out but its answer was lost: it is gone.
                    log.info("%s %s: an earlier attempt had already deleted it", method, path)
                    return cast(T, None)
                failure: Exception = error
            except httpx.TransportError as error:
                failure = self._transport_error(error, method, url)
            except SignalWireError:
                raise
            except Exception as error:
                # Anything else the generated code raises (a body of the wrong shape or depth,
                # a status httpx cannot name, a body httpx cannot encode) becomes ours. Not
                # chained: the parser's message may quote the body, which may echo the token;
                # ``problem`` keeps its type and its (redacted) message.
                raise self._parse_failure(error, method, url) from None
            else:
                return parsed(response, kind, method, url, self._secrets)
            delay = self._retry_delay(attempt, failure)
            if delay is None:
                raise failure
            applied = applied or may_have_been_applied(failure.__cause__ or failure)
            self._log_retry(method, path, failure, delay, attempt)
            self._sleep(delay)


class SipCredentials(_Core):
    """SIP credentials of one SignalWire project (``SipCredentials`` blocks,
    ``AsyncSipCredentials`` is awaited; both have the same methods).

    With no arguments it reads SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN;
    pass ``space``/``base_url``, ``project_id`` and ``api_token`` to choose (and ``timeout``,
    ``max_retries`` or ``retry``, ``http_client``). Use it as a context manager, or call
    ``close()``, to release connections.
    """

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
        body = create_body(
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
        sendable_model(body.to_dict())
        try:
            created = self._call(
                "POST",
                COLLECTION,
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
            if not same_credential(body, stored):
                raise
            log.info("create %s: an earlier attempt had already stored it", body.id)
            return stored
        return created

    def get(self, id: UUID | str) -> SipCredential:
        """The SIP credential with this id."""
        key = uuid_argument("id", id)
        return self._call(
            "GET",
            f"{COLLECTION}/{key}",
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
            COLLECTION,
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
        followed: set[str] = set()
        while True:
            for item in page.data:
                yield item
            if isinstance(page.links.next_, Unset) or page.links.next_ is None:
                return
            page = self.list(**next_page(page.links.next_, followed, self._url(COLLECTION)))

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
        body = update_body(
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
        sendable_model(body.to_dict())
        key = uuid_argument("id", id)
        return self._call(
            "PUT",
            f"{COLLECTION}/{key}",
            lambda: update_sip_credential.sync_detailed(key, client=self._generated, body=body),
            SipCredential,
        )

    def delete(self, id: UUID | str) -> None:
        """Delete the credential with this id."""
        key = uuid_argument("id", id)
        self._call(
            "DELETE",
            f"{COLLECTION}/{key}",
            lambda: delete_sip_credential.sync_detailed(key, client=self._generated),
            type(None),
            gone_means_done=True,
        )
