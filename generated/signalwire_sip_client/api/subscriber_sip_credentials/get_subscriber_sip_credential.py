from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.subscriber_sip_credential import SubscriberSipCredential
from ...types import Response


def _get_kwargs(
    fabric_subscriber_id: UUID,
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/fabric/resources/subscribers/{fabric_subscriber_id}/sip_endpoints/{id}".format(
            fabric_subscriber_id=quote(str(fabric_subscriber_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | SubscriberSipCredential | None:
    if response.status_code == 200:
        response_200 = SubscriberSipCredential.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorList.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Get a subscriber's SIP credential

     Returns the subscriber's SIP credential with this `id` (never its password).

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Get a subscriber's SIP credential

     Returns the subscriber's SIP credential with this `id` (never its password).

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SubscriberSipCredential
    """

    return sync_detailed(
        fabric_subscriber_id=fabric_subscriber_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Get a subscriber's SIP credential

     Returns the subscriber's SIP credential with this `id` (never its password).

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Get a subscriber's SIP credential

     Returns the subscriber's SIP credential with this `id` (never its password).

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SubscriberSipCredential
    """

    return (
        await asyncio_detailed(
            fabric_subscriber_id=fabric_subscriber_id,
            id=id,
            client=client,
        )
    ).parsed
