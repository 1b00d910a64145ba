from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assigned_sip_credential import AssignedSipCredential
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.resource_assignment import ResourceAssignment
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: ResourceAssignment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/fabric/resources/{id}/sip_endpoints".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssignedSipCredential | Error | ErrorList | None:
    if response.status_code == 200:
        response_200 = AssignedSipCredential.from_dict(response.json())

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
) -> Response[AssignedSipCredential | Error | ErrorList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResourceAssignment,
) -> Response[AssignedSipCredential | Error | ErrorList]:
    """Assign a resource to a SIP credential

     Routes the inbound calls of the SIP credential `sip_endpoint_id` to the Fabric resource
    in the path (an AI agent, a SWML script, a call flow ...), with the `calling` handler.
    A credential has at most one such resource: assigning another replaces it, assigning
    the same one again changes nothing. It is the partner of the resource-ID rule, which
    routes the credential's outbound calls. The answer is the credential as an address of
    the resource; `list_sip_credential_addresses` then lists that address.

    Args:
        id (UUID):
        body (ResourceAssignment): Which SIP credential the resource in the path answers the
            inbound calls of.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignedSipCredential | Error | ErrorList]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResourceAssignment,
) -> AssignedSipCredential | Error | ErrorList | None:
    """Assign a resource to a SIP credential

     Routes the inbound calls of the SIP credential `sip_endpoint_id` to the Fabric resource
    in the path (an AI agent, a SWML script, a call flow ...), with the `calling` handler.
    A credential has at most one such resource: assigning another replaces it, assigning
    the same one again changes nothing. It is the partner of the resource-ID rule, which
    routes the credential's outbound calls. The answer is the credential as an address of
    the resource; `list_sip_credential_addresses` then lists that address.

    Args:
        id (UUID):
        body (ResourceAssignment): Which SIP credential the resource in the path answers the
            inbound calls of.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignedSipCredential | Error | ErrorList
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResourceAssignment,
) -> Response[AssignedSipCredential | Error | ErrorList]:
    """Assign a resource to a SIP credential

     Routes the inbound calls of the SIP credential `sip_endpoint_id` to the Fabric resource
    in the path (an AI agent, a SWML script, a call flow ...), with the `calling` handler.
    A credential has at most one such resource: assigning another replaces it, assigning
    the same one again changes nothing. It is the partner of the resource-ID rule, which
    routes the credential's outbound calls. The answer is the credential as an address of
    the resource; `list_sip_credential_addresses` then lists that address.

    Args:
        id (UUID):
        body (ResourceAssignment): Which SIP credential the resource in the path answers the
            inbound calls of.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignedSipCredential | Error | ErrorList]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResourceAssignment,
) -> AssignedSipCredential | Error | ErrorList | None:
    """Assign a resource to a SIP credential

     Routes the inbound calls of the SIP credential `sip_endpoint_id` to the Fabric resource
    in the path (an AI agent, a SWML script, a call flow ...), with the `calling` handler.
    A credential has at most one such resource: assigning another replaces it, assigning
    the same one again changes nothing. It is the partner of the resource-ID rule, which
    routes the credential's outbound calls. The answer is the credential as an address of
    the resource; `list_sip_credential_addresses` then lists that address.

    Args:
        id (UUID):
        body (ResourceAssignment): Which SIP credential the resource in the path answers the
            inbound calls of.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignedSipCredential | Error | ErrorList
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
