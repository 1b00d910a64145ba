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
from ...models.subscriber_sip_credential_update import SubscriberSipCredentialUpdate
from ...types import Response


def _get_kwargs(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    body: SubscriberSipCredentialUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/fabric/resources/subscribers/{fabric_subscriber_id}/sip_endpoints/{id}".format(
            fabric_subscriber_id=quote(str(fabric_subscriber_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | SubscriberSipCredential | None:
    if response.status_code == 200:
        response_200 = SubscriberSipCredential.from_dict(response.json())

        return response_200

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
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialUpdate,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Update a subscriber's SIP credential

     Changes only the fields the body carries, the password included; the rest stays.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):
        body (SubscriberSipCredentialUpdate): A partial update of a subscriber's SIP credential;
            only the fields present change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        id=id,
        body=body,
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
    body: SubscriberSipCredentialUpdate,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Update a subscriber's SIP credential

     Changes only the fields the body carries, the password included; the rest stays.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):
        body (SubscriberSipCredentialUpdate): A partial update of a subscriber's SIP credential;
            only the fields present change.

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
        body=body,
    ).parsed


async def asyncio_detailed(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialUpdate,
) -> Response[Error | ErrorList | SubscriberSipCredential]:
    """Update a subscriber's SIP credential

     Changes only the fields the body carries, the password included; the rest stays.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):
        body (SubscriberSipCredentialUpdate): A partial update of a subscriber's SIP credential;
            only the fields present change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SubscriberSipCredential]
    """

    kwargs = _get_kwargs(
        fabric_subscriber_id=fabric_subscriber_id,
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fabric_subscriber_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriberSipCredentialUpdate,
) -> Error | ErrorList | SubscriberSipCredential | None:
    """Update a subscriber's SIP credential

     Changes only the fields the body carries, the password included; the rest stays.

    Args:
        fabric_subscriber_id (UUID):
        id (UUID):
        body (SubscriberSipCredentialUpdate): A partial update of a subscriber's SIP credential;
            only the fields present change.

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
            body=body,
        )
    ).parsed
