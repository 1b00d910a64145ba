# Produced from _async/subscribers.py by scripts/make_sync.py (unasync): edit that file, then run
# `make sync-client`. `make check-generated` fails when this file differs from what it makes.
"""The SIP credentials of one Fabric subscriber (``AsyncSipCredentials.subscriber(id)``);
``_sync/subscribers.py`` is produced from this file. The server chooses each credential's id
(SignalWire's create answers 201 with it); the password is sent, never read back, and never
shown: not in a repr, an exception or a log line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from uuid import UUID

from signalwire_sip_client.api.subscriber_sip_credentials import (
    create_subscriber_sip_credential,
    delete_subscriber_sip_credential,
    get_subscriber_sip_credential,
    list_subscriber_sip_credentials,
    update_subscriber_sip_credential,
)
from signalwire_sip_client.models import (
    Cipher,
    Codec,
    Encryption,
    SubscriberSipCredential,
    SubscriberSipCredentialCreate,
    SubscriberSipCredentialPage,
    SubscriberSipCredentialUpdate,
)
from signalwire_sip_client.types import UNSET, Unset

from .._arguments import sendable_model, uuid_argument
from .._base import subscriber_body
from .._bounds import page_arguments
from ._core import _Core


class SubscriberSipCredentials:
    """The SIP credentials of the subscriber SUBSCRIBER_ID, through the client's core (its
    connections, retries and errors): ``sip.subscriber(id).create(username=..., password=...)``."""

    def __init__(self, core: _Core, subscriber_id: UUID | str) -> None:
        self._core = core
        self.subscriber_id = uuid_argument("subscriber_id", subscriber_id)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(subscriber_id={str(self.subscriber_id)!r}, core={self._core!r})"
        )

    def list(
        self,
        *,
        page_size: int | Unset = UNSET,
        page_token: str | Unset = UNSET,
        page_number: int | Unset = UNSET,
    ) -> SubscriberSipCredentialPage:
        """One page of the subscriber's credentials, with ``links`` to its neighbours."""
        return self._core._send(
            list_subscriber_sip_credentials,
            SubscriberSipCredentialPage,
            fabric_subscriber_id=self.subscriber_id,
            **page_arguments(page_size=page_size, page_token=page_token, page_number=page_number),
        )

    def iter_all(self, *, page_size: int | Unset = UNSET) -> Iterator[SubscriberSipCredential]:
        """Every credential of the subscriber, page after page."""
        url = list_subscriber_sip_credentials._get_kwargs(self.subscriber_id)["url"]
        return self._core._every(self.list, self._core._url(url), page_size=page_size)

    def create(
        self,
        *,
        username: str,
        password: str,
        caller_id: str | Unset = UNSET,
        send_as: str | Unset = UNSET,
        ciphers: Sequence[Cipher | str] | Unset = UNSET,
        codecs: Sequence[Codec | str] | Unset = UNSET,
        encryption: Encryption | str | Unset = UNSET,
    ) -> SubscriberSipCredential:
        """Create a credential of the subscriber; what is not given, the server defaults.

        A create retried after a lost answer may meet its own earlier attempt as a 409 on the
        username (the server chose the id, so the client cannot recognise it by id): the
        ``ConflictError`` says ``earlier_attempt_may_have_applied``, and ``list`` shows it."""
        fields = dict(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        )
        body, secrets = subscriber_body(SubscriberSipCredentialCreate, fields, password)
        sendable_model({k: v for k, v in body.to_dict().items() if k != "password"})
        return self._core._send(
            create_subscriber_sip_credential,
            SubscriberSipCredential,
            fabric_subscriber_id=self.subscriber_id,
            body=body,
            secrets=secrets,
        )

    def get(self, id: UUID | str) -> SubscriberSipCredential:
        """The subscriber's credential with this id."""
        return self._core._send(
            get_subscriber_sip_credential,
            SubscriberSipCredential,
            fabric_subscriber_id=self.subscriber_id,
            id=uuid_argument("id", id),
        )

    def update(
        self,
        id: UUID | str,
        *,
        username: str | Unset = UNSET,
        password: str | Unset = UNSET,
        caller_id: str | Unset = UNSET,
        send_as: str | Unset = UNSET,
        ciphers: Sequence[Cipher | str] | Unset = UNSET,
        codecs: Sequence[Codec | str] | Unset = UNSET,
        encryption: Encryption | str | Unset = UNSET,
    ) -> SubscriberSipCredential:
        """Change the given fields (a new ``password`` too) and leave the rest."""
        fields = dict(
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        )
        key = uuid_argument("id", id)
        body, secrets = subscriber_body(SubscriberSipCredentialUpdate, fields, password)
        sendable_model({k: v for k, v in body.to_dict().items() if k != "password"})
        return self._core._send(
            update_subscriber_sip_credential,
            SubscriberSipCredential,
            fabric_subscriber_id=self.subscriber_id,
            id=key,
            body=body,
            secrets=secrets,
        )

    def delete(self, id: UUID | str) -> None:
        """Delete the subscriber's credential with this id."""
        self._core._send(
            delete_subscriber_sip_credential,
            type(None),
            fabric_subscriber_id=self.subscriber_id,
            id=uuid_argument("id", id),
            gone_means_done=True,
        )
