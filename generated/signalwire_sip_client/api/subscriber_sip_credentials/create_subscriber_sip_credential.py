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
from ...models.subscriber_sip_credential_create import SubscriberSipCredentialCreate
from ...types import Response


def _get_kwargs(
    fabric_subscriber_id: UUID,
    *,
    body: SubscriberSipCredentialCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/fabric/resources/subscribers/{fabric_subscriber_id}/sip_endpoints".format(
            fabric_subscriber_id=quote(str(fabric_subscriber_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | SubscriberSipCredential | None:
    if response.status_code == 201:
        response_201 = SubscriberSipCredential.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorList.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorList.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorList.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorList.from_dict(response.json())

        return response_415

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
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialCreate,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Create a SIP credential for a subscriber

     Creates a SIP credential of this Fabric subscriber; the server chooses its `id`. The
    `password` is stored and never returned. A `username` the subscriber already uses is
    a `409` conflict, which also stops a retried create from making a second credential.

    Args:
        fabric_subscriber_id (UUID):
        body (SubscriberSipCredentialCreate): A new SIP credential of a subscriber; `username` and
            `password` are required, the rest defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fabric_subscriber_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialCreate,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Create a SIP credential for a subscriber

     Creates a SIP credential of this Fabric subscriber; the server chooses its `id`. The
    `password` is stored and never returned. A `username` the subscriber already uses is
    a `409` conflict, which also stops a retried create from making a second credential.

    Args:
        fabric_subscriber_id (UUID):
        body (SubscriberSipCredentialCreate): A new SIP credential of a subscriber; `username` and
            `password` are required, the rest defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SubscriberSipCredential
    """

    return sync_detailed(
        fabric_subscriber_id=fabric_subscriber_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    fabric_subscriber_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialCreate,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Create a SIP credential for a subscriber

     Creates a SIP credential of this Fabric subscriber; the server chooses its `id`. The
    `password` is stored and never returned. A `username` the subscriber already uses is
    a `409` conflict, which also stops a retried create from making a second credential.

    Args:
        fabric_subscriber_id (UUID):
        body (SubscriberSipCredentialCreate): A new SIP credential of a subscriber; `username` and
            `password` are required, the rest defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fabric_subscriber_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialCreate,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Create a SIP credential for a subscriber

     Creates a SIP credential of this Fabric subscriber; the server chooses its `id`. The
    `password` is stored and never returned. A `username` the subscriber already uses is
    a `409` conflict, which also stops a retried create from making a second credential.

    Args:
        fabric_subscriber_id (UUID):
        body (SubscriberSipCredentialCreate): A new SIP credential of a subscriber; `username` and
            `password` are required, the rest defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SubscriberSipCredential
    """

    return (
        await asyncio_detailed(
            fabric_subscriber_id=fabric_subscriber_id,
            client=client,
            body=body,
        )
    ).parsed
