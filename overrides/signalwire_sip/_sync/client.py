# Produced from _async/client.py by scripts/make_sync.py (unasync): edit that file, then run
# `make sync-client`. `make check-generated` fails when this file differs from what it makes.
"""The SIP credential client, written once: the asyncio files of ``_async/`` are the source,
and ``_sync/`` is produced from them by ``scripts/make_sync.py`` (unasync), so the two cannot
drift apart (``make check-generated`` fails when they do).

The house (openai-python's shape): ``_core.py`` owns the session, retries, error mapping and
paging, and sends the requests the generated modules build; one module per resource holds its
operations (``sip_credentials.py``, ``addresses.py``, ``subscribers.py``); this module puts
the client together. A new resource is a new module and one line here.
"""

from __future__ import annotations

from uuid import UUID

from ._core import _Core
from .addresses import _AddressOperations
from .raw import RawSipCredentials
from .sip_credentials import _CredentialOperations
from .subscribers import SubscriberSipCredentials


class SipCredentials(_CredentialOperations, _AddressOperations, _Core):
    """SIP credentials of one SignalWire project (``SipCredentials`` blocks,
    ``AsyncSipCredentials`` is awaited; both have the same methods).

    With no arguments it reads SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN;
    pass ``space``/``base_url``, ``project_id`` and ``api_token`` to choose (and ``timeout``,
    ``max_retries`` or ``retry``, ``http_client``). Use it as a context manager, or call
    ``close()``, to release connections.

    Credentials: ``create``, ``get``, ``list``, ``iter_all``, ``update``, ``delete``; their
    addresses and the resource answering their calls: ``list_addresses``, ``iter_addresses``,
    ``assign_resource``; a subscriber's credentials: ``subscriber(id)``.
    """

    def subscriber(self, subscriber_id: UUID | str) -> SubscriberSipCredentials:
        """The SIP credentials of the Fabric subscriber SUBSCRIBER_ID, through this client."""
        return SubscriberSipCredentials(self, subscriber_id)

    @property
    def with_raw_response(self) -> RawSipCredentials:
        """The same operations, each returning a ``RawResponse`` (status, headers, request
        id; ``parse()`` for the usual result): ``client.with_raw_response.get(id)``."""
        return RawSipCredentials(self)


__all__ = ["SipCredentials", "SubscriberSipCredentials"]
