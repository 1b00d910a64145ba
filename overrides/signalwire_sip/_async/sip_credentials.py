"""The SIP credentials of a project: create, get, list, update, delete (``AsyncSipCredentials``
has these methods; ``_sync/sip_credentials.py`` is produced from this file)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import Any, cast
from uuid import UUID

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

from .._arguments import sendable_model, uuid_argument
from .._base import COLLECTION, create_body, log, same_credential, secrets_in, update_body
from .._bounds import page_arguments
from .._exceptions import ConflictError, NotFoundError
from ..outbound import OutboundPolicy
from ..rule import check_create, check_update
from ._core import _AsyncCore


class _AsyncRetriedCreate:
    """How a create retried after a lost answer finds the credential it made."""

    @property
    def _core(self) -> _AsyncCore:
        return cast(_AsyncCore, self)

    async def _stored_twin(self, body: SipCredentialCreate) -> SipCredential | None:
        """The stored credential a create of BODY made, if one is stored: by the id it chose,
        else (a server that chose its own id) by its username, unique in a project. None when
        what is stored is not what BODY asked for: then the conflict is a real one."""
        if not isinstance(body.id, Unset):
            with contextlib.suppress(NotFoundError):
                stored = await self._core._send(get_sip_credential, SipCredential, id=body.id)
                return stored if same_credential(body, stored) else None
        every: AsyncIterator[SipCredential] = self._core._every(
            self._page, self._core._url(COLLECTION), page_size=1000
        )
        async for candidate in every:
            if candidate.username == body.username:
                return candidate if same_credential(body, candidate) else None
        return None

    async def _page(self, **arguments: Any) -> SipCredentialPage:
        return await self._core._send(list_sip_credentials, SipCredentialPage, **arguments)


class _AsyncCredentialOperations(_AsyncRetriedCreate):
    """The credential operations, over the core they are mixed into."""

    async def create(
        self,
        *,
        username: str,
        caller_id: str | Unset = UNSET,
        send_as: str | Unset = UNSET,
        ciphers: Sequence[Cipher | str] | Unset = UNSET,
        codecs: Sequence[Codec | str] | Unset = UNSET,
        outbound: OutboundPolicy | None = None,
        encryption: Encryption | str = Encryption.DEFAULT,
        id: UUID | str | None = None,
        password: str | Unset = UNSET,
        hold_music_url: str | Unset = UNSET,
    ) -> SipCredential:
        """Create a SIP credential; its id is chosen here (a new uuid) unless given. Only the
        username is required: what is left out, the server defaults (``send_as``: the
        username). ``password`` is a secret: sent, never read back, never shown."""
        fields = dict(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            password=password,
            hold_music_url=hold_music_url,
        )
        return await self.create_from(create_body(fields, outbound or OutboundPolicy.default(), id))

    async def create_from(self, body: SipCredentialCreate) -> SipCredential:
        """Create a SIP credential from a generated request model (the rule is checked first)."""
        check_create(body)
        sendable_model({k: v for k, v in body.to_dict().items() if k != "password"})
        secrets = secrets_in(body)
        try:
            return await self._core._send(
                create_sip_credential, SipCredential, body=body, secrets=secrets
            )
        except ConflictError as conflict:
            if conflict.attempts < 2:
                raise
            # An earlier attempt may have been stored before its answer was lost.
            stored = await self._stored_twin(body)
            if stored is None:
                raise conflict from None
            log.info("create %s: an earlier attempt had already stored it", body.username)
            return stored

    async def get(self, id: UUID | str) -> SipCredential:
        """The SIP credential with this id."""
        return await self._core._send(get_sip_credential, SipCredential, id=uuid_argument("id", id))

    async def list(
        self,
        *,
        page_size: int | Unset = UNSET,
        page_token: str | Unset = UNSET,
        page_number: int | Unset = UNSET,
    ) -> SipCredentialPage:
        """One page of credentials, with ``links`` to its neighbours."""
        return await self._core._send(
            list_sip_credentials,
            SipCredentialPage,
            **page_arguments(page_size=page_size, page_token=page_token, page_number=page_number),
        )

    def iter_all(self, *, page_size: int | Unset = UNSET) -> AsyncIterator[SipCredential]:
        """Every credential of the project, page after page (following ``links.next``)."""
        url = self._core._url(list_sip_credentials._get_kwargs()["url"])
        return self._core._every(self.list, url, page_size=page_size)

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
        password: str | Unset = UNSET,
        hold_music_url: str | Unset = UNSET,
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
                password=password,
                hold_music_url=hold_music_url,
            ),
            outbound,
        )
        return await self.update_from(id, body)

    async def update_from(self, id: UUID | str, body: SipCredentialUpdate) -> SipCredential:
        """Apply a generated partial-update model (the rule is checked first)."""
        check_update(body)
        sendable_model({k: v for k, v in body.to_dict().items() if k != "password"})
        key = uuid_argument("id", id)
        return await self._core._send(
            update_sip_credential, SipCredential, id=key, body=body, secrets=secrets_in(body)
        )

    async def delete(self, id: UUID | str) -> None:
        """Delete the credential with this id."""
        key = uuid_argument("id", id)
        await self._core._send(delete_sip_credential, type(None), id=key, gone_means_done=True)
