"""``AsyncSipCredentials.with_raw_response`` (see ``.._raw``): every operation of the client
and of ``subscriber(id)``, returning a ``RawResponse`` of what it returns. Produced for the
sync client as ``_sync/raw.py``. Iterators (``iter_all``) are not here: they make many calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar
from uuid import UUID

from .._raw import RawResponse, _AsyncResult, capturing
from .addresses import _AsyncAddressOperations
from .sip_credentials import _AsyncCredentialOperations
from .subscribers import AsyncSubscriberSipCredentials

if TYPE_CHECKING:
    from .client import AsyncSipCredentials

P = ParamSpec("P")
T = TypeVar("T")


def _raw(
    operation: Callable[Concatenate[Any, P], _AsyncResult[T]],
) -> Callable[Concatenate[Any, P], _AsyncResult[RawResponse[T]]]:
    """OPERATION (a method of the client's) as a method of a raw view: its RawResponse."""

    async def call(view: Any, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with capturing() as seen:
            parsed = await operation(view._of, *args, **kwargs)
        return RawResponse(seen[-1], parsed)

    call.__doc__ = operation.__doc__
    return call


class AsyncRawSipCredentials:
    """The client's operations, each returning a ``RawResponse``."""

    def __init__(self, client: AsyncSipCredentials) -> None:
        self._of = client

    create = _raw(_AsyncCredentialOperations.create)
    create_from = _raw(_AsyncCredentialOperations.create_from)
    get = _raw(_AsyncCredentialOperations.get)
    list = _raw(_AsyncCredentialOperations.list)
    update = _raw(_AsyncCredentialOperations.update)
    update_from = _raw(_AsyncCredentialOperations.update_from)
    delete = _raw(_AsyncCredentialOperations.delete)
    list_addresses = _raw(_AsyncAddressOperations.list_addresses)
    assign_resource = _raw(_AsyncAddressOperations.assign_resource)

    def subscriber(self, subscriber_id: UUID | str) -> AsyncRawSubscriberSipCredentials:
        """The subscriber's credential operations, each returning a ``RawResponse``."""
        return AsyncRawSubscriberSipCredentials(self._of.subscriber(subscriber_id))


class AsyncRawSubscriberSipCredentials:
    """A subscriber's credential operations, each returning a ``RawResponse``."""

    def __init__(self, subscriber: AsyncSubscriberSipCredentials) -> None:
        self._of = subscriber

    create = _raw(AsyncSubscriberSipCredentials.create)
    get = _raw(AsyncSubscriberSipCredentials.get)
    list = _raw(AsyncSubscriberSipCredentials.list)
    update = _raw(AsyncSubscriberSipCredentials.update)
    delete = _raw(AsyncSubscriberSipCredentials.delete)
