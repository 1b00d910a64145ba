from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...types import Response


def _get_kwargs(
    fabric_subscriber_id: UUID,
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/fabric/resources/subscribers/{fabric_subscriber_id}/sip_endpoints/{id}".format(
            fabric_subscriber_id=quote(str(fabric_subscriber_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | ErrorList | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Error | ErrorList]:
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
) -> Response[Any | Error | ErrorList]:
    """Delete a subscriber's SIP credential

     Deletes the subscriber's SIP credential with this `id`; afterwards it is gone from get and list.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ErrorList]
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
) -> Any | Error | ErrorList | None:
    """Delete a subscriber's SIP credential

     Deletes the subscriber's SIP credential with this `id`; afterwards it is gone from get and list.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ErrorList
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
) -> Response[Any | Error | ErrorList]:
    """Delete a subscriber's SIP credential

     Deletes the subscriber's SIP credential with this `id`; afterwards it is gone from get and list.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ErrorList]
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
) -> Any | Error | ErrorList | None:
    """Delete a subscriber's SIP credential

     Deletes the subscriber's SIP credential with this `id`; afterwards it is gone from get and list.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ErrorList
    """

    return (
        await asyncio_detailed(
            fabric_subscriber_id=fabric_subscriber_id,
            id=id,
            client=client,
        )
    ).parsed
