from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.fabric_sip_credential import FabricSipCredential
from ...models.sip_credential import SipCredential
from ...models.sip_credential_update import SipCredentialUpdate
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: SipCredentialUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/fabric/resources/sip_endpoints/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | FabricSipCredential | SipCredential | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> FabricSipCredential | SipCredential:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_sip_credential_answer_type_0 = SipCredential.from_dict(data)

                return componentsschemas_sip_credential_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_sip_credential_answer_type_1 = FabricSipCredential.from_dict(data)

            return componentsschemas_sip_credential_answer_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Error | ErrorList | FabricSipCredential | SipCredential]:
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
    body: SipCredentialUpdate,
) -> Response[Error | ErrorList | FabricSipCredential | SipCredential]:
    """Update a SIP credential

     Changes only the fields the body carries; an absent key leaves the stored value as it
    is, an explicit `null` is a value. The resource-ID rule holds for the credential the
    update leaves:
    - a body that names `call_handler` is judged within itself: `resource` needs the uuid
      of the resource in `calling_handler_resource_id`; any other handler takes `null` or
      nothing there, and clears the stored resource id;
    - a body that carries `calling_handler_resource_id` without `call_handler` (as clients
      generated from SignalWire's own definition do in every update) is judged against
      the stored credential: `null` where its handler is not `resource`, a uuid that
      re-points it where it is. Anything else is a `422` on `calling_handler_resource_id`,
      and nothing changes.

    Args:
        id (UUID):
        body (SipCredentialUpdate): A partial update: only the fields present change. The schema
            judges what the body
            alone decides (`call_handler` with its resource id); a resource id without
            `call_handler` is judged against the stored handler (see the operation), so that every
            accepted update leaves a valid credential.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricSipCredential | SipCredential]
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
    body: SipCredentialUpdate,
) -> Error | ErrorList | FabricSipCredential | SipCredential | None:
    """Update a SIP credential

     Changes only the fields the body carries; an absent key leaves the stored value as it
    is, an explicit `null` is a value. The resource-ID rule holds for the credential the
    update leaves:
    - a body that names `call_handler` is judged within itself: `resource` needs the uuid
      of the resource in `calling_handler_resource_id`; any other handler takes `null` or
      nothing there, and clears the stored resource id;
    - a body that carries `calling_handler_resource_id` without `call_handler` (as clients
      generated from SignalWire's own definition do in every update) is judged against
      the stored credential: `null` where its handler is not `resource`, a uuid that
      re-points it where it is. Anything else is a `422` on `calling_handler_resource_id`,
      and nothing changes.

    Args:
        id (UUID):
        body (SipCredentialUpdate): A partial update: only the fields present change. The schema
            judges what the body
            alone decides (`call_handler` with its resource id); a resource id without
            `call_handler` is judged against the stored handler (see the operation), so that every
            accepted update leaves a valid credential.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricSipCredential | SipCredential
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
    body: SipCredentialUpdate,
) -> Response[Error | ErrorList | FabricSipCredential | SipCredential]:
    """Update a SIP credential

     Changes only the fields the body carries; an absent key leaves the stored value as it
    is, an explicit `null` is a value. The resource-ID rule holds for the credential the
    update leaves:
    - a body that names `call_handler` is judged within itself: `resource` needs the uuid
      of the resource in `calling_handler_resource_id`; any other handler takes `null` or
      nothing there, and clears the stored resource id;
    - a body that carries `calling_handler_resource_id` without `call_handler` (as clients
      generated from SignalWire's own definition do in every update) is judged against
      the stored credential: `null` where its handler is not `resource`, a uuid that
      re-points it where it is. Anything else is a `422` on `calling_handler_resource_id`,
      and nothing changes.

    Args:
        id (UUID):
        body (SipCredentialUpdate): A partial update: only the fields present change. The schema
            judges what the body
            alone decides (`call_handler` with its resource id); a resource id without
            `call_handler` is judged against the stored handler (see the operation), so that every
            accepted update leaves a valid credential.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricSipCredential | SipCredential]
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
    body: SipCredentialUpdate,
) -> Error | ErrorList | FabricSipCredential | SipCredential | None:
    """Update a SIP credential

     Changes only the fields the body carries; an absent key leaves the stored value as it
    is, an explicit `null` is a value. The resource-ID rule holds for the credential the
    update leaves:
    - a body that names `call_handler` is judged within itself: `resource` needs the uuid
      of the resource in `calling_handler_resource_id`; any other handler takes `null` or
      nothing there, and clears the stored resource id;
    - a body that carries `calling_handler_resource_id` without `call_handler` (as clients
      generated from SignalWire's own definition do in every update) is judged against
      the stored credential: `null` where its handler is not `resource`, a uuid that
      re-points it where it is. Anything else is a `422` on `calling_handler_resource_id`,
      and nothing changes.

    Args:
        id (UUID):
        body (SipCredentialUpdate): A partial update: only the fields present change. The schema
            judges what the body
            alone decides (`call_handler` with its resource id); a resource id without
            `call_handler` is judged against the stored handler (see the operation), so that every
            accepted update leaves a valid credential.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricSipCredential | SipCredential
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
