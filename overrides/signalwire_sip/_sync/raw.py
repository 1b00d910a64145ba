# Produced from _async/raw.py by scripts/make_sync.py (unasync): edit that file, then run
# `make sync-client`. `make check-generated` fails when this file differs from what it makes.
"""``AsyncSipCredentials.with_raw_response`` (see ``.._raw``): every operation of the client
and of ``subscriber(id)``, returning a ``RawResponse`` of what it returns. Produced for the
sync client as ``_sync/raw.py``. Iterators (``iter_all``) are not here: they make many calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar
from uuid import UUID

from .._raw import RawResponse, _SyncResult, capturing
from .addresses import _AddressOperations
from .sip_credentials import _CredentialOperations
from .subscribers import SubscriberSipCredentials

if TYPE_CHECKING:
    from .client import SipCredentials

P = ParamSpec("P")
T = TypeVar("T")


def _raw(
    operation: Callable[Concatenate[Any, P], _SyncResult[T]],
) -> Callable[Concatenate[Any, P], _SyncResult[RawResponse[T]]]:
    """OPERATION (a method of the client's) as a method of a raw view: its RawResponse."""

    def call(view: Any, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with capturing() as seen:
            parsed = operation(view._of, *args, **kwargs)
        return RawResponse(seen[-1], parsed)

    call.__doc__ = operation.__doc__
    return call


class RawSipCredentials:
    """The client's operations, each returning a ``RawResponse``."""

    def __init__(self, client: SipCredentials) -> None:
        self._of = client

    create = _raw(_CredentialOperations.create)
    create_from = _raw(_CredentialOperations.create_from)
    get = _raw(_CredentialOperations.get)
    list = _raw(_CredentialOperations.list)
    update = _raw(_CredentialOperations.update)
    update_from = _raw(_CredentialOperations.update_from)
    delete = _raw(_CredentialOperations.delete)
    list_addresses = _raw(_AddressOperations.list_addresses)
    assign_resource = _raw(_AddressOperations.assign_resource)

    def subscriber(self, subscriber_id: UUID | str) -> RawSubscriberSipCredentials:
        """The subscriber's credential operations, each returning a ``RawResponse``."""
        return RawSubscriberSipCredentials(self._of.subscriber(subscriber_id))


class RawSubscriberSipCredentials:
    """A subscriber's credential operations, each returning a ``RawResponse``."""

    def __init__(self, subscriber: SubscriberSipCredentials) -> None:
        self._of = subscriber

    create = _raw(SubscriberSipCredentials.create)
    get = _raw(SubscriberSipCredentials.get)
    list = _raw(SubscriberSipCredentials.list)
    update = _raw(SubscriberSipCredentials.update)
    delete = _raw(SubscriberSipCredentials.delete)
