# Produced from _async/addresses.py by scripts/make_sync.py (unasync): edit that file, then run
# `make sync-client`. `make check-generated` fails when this file differs from what it makes.
"""A SIP credential's addresses and the resource that answers its inbound calls
(``AsyncSipCredentials`` has these methods; ``_sync/addresses.py`` is produced from this file)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import cast
from uuid import UUID

from signalwire_sip_client.api.sip_credentials import (
    assign_resource_to_sip_credential,
    list_sip_credential_addresses,
)
from signalwire_sip_client.models import (
    AssignedSipCredential,
    ResourceAssignment,
    SipCredentialAddress,
    SipCredentialAddressPage,
)
from signalwire_sip_client.types import UNSET, Unset

from .._arguments import uuid_argument
from .._bounds import page_arguments
from ._core import _Core


class _AddressOperations:
    """The address operations, over the core they are mixed into."""

    @property
    def _core(self) -> _Core:
        return cast(_Core, self)

    def list_addresses(
        self,
        id: UUID | str,
        *,
        page_size: int | Unset = UNSET,
        page_token: str | Unset = UNSET,
        page_number: int | Unset = UNSET,
    ) -> SipCredentialAddressPage:
        """One page of the Fabric addresses assigned to the credential ID (what answers its calls)."""
        return self._core._send(
            list_sip_credential_addresses,
            SipCredentialAddressPage,
            id=uuid_argument("id", id),
            **page_arguments(page_size=page_size, page_token=page_token, page_number=page_number),
        )

    def iter_addresses(
        self, id: UUID | str, *, page_size: int | Unset = UNSET
    ) -> Iterator[SipCredentialAddress]:
        """Every address of the credential ID, page after page."""
        key = uuid_argument("id", id)
        url = self._core._url(list_sip_credential_addresses._get_kwargs(key)["url"])
        return self._core._every(partial(self.list_addresses, key), url, page_size=page_size)

    def assign_resource(self, id: UUID | str, *, resource_id: UUID | str) -> AssignedSipCredential:
        """Route the inbound calls of the credential ID to the Fabric resource RESOURCE_ID (an
        AI agent, a SWML script, a call flow ...). A credential has one: assigning another
        replaces it. Its outbound calls are ``OutboundPolicy``'s business."""
        body = ResourceAssignment(sip_endpoint_id=uuid_argument("id", id))
        resource = uuid_argument("resource_id", resource_id)
        return self._core._send(
            assign_resource_to_sip_credential, AssignedSipCredential, id=resource, body=body
        )
