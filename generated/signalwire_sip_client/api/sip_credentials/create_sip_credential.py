from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.fabric_sip_credential import FabricSipCredential
from ...models.sip_credential import SipCredential
from ...models.sip_credential_create import SipCredentialCreate
from ...types import Response


def _get_kwargs(
    *,
    body: SipCredentialCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/fabric/resources/sip_endpoints",
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
    *,
    client: AuthenticatedClient | Client,
    body: SipCredentialCreate,
) -> Response[Error | ErrorList | FabricSipCredential | SipCredential]:
    """Create a SIP credential

     Creates a SIP credential with a client-chosen `id`. Because the id travels in the body,
    a create that is retried after a lost response can be recognised: a second create with
    the same `id`, or with a `username` the project already uses, is a `409` conflict.

    Args:
        body (SipCredentialCreate): A new SIP credential. Only `username` is required: production
            accepted a create of
            `username`, `password`, `caller_id` and `encryption` alone (openapi/decisions.md); what
            is left out takes the defaults below (`send_as`: the username; `call_handler`:
            `default`). `calling_handler_resource_id` must be `null` or absent unless
            `call_handler` is `resource`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricSipCredential | SipCredential]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SipCredentialCreate,
) -> Error | ErrorList | FabricSipCredential | SipCredential | None:
    """Create a SIP credential

     Creates a SIP credential with a client-chosen `id`. Because the id travels in the body,
    a create that is retried after a lost response can be recognised: a second create with
    the same `id`, or with a `username` the project already uses, is a `409` conflict.

    Args:
        body (SipCredentialCreate): A new SIP credential. Only `username` is required: production
            accepted a create of
            `username`, `password`, `caller_id` and `encryption` alone (openapi/decisions.md); what
            is left out takes the defaults below (`send_as`: the username; `call_handler`:
            `default`). `calling_handler_resource_id` must be `null` or absent unless
            `call_handler` is `resource`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricSipCredential | SipCredential
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SipCredentialCreate,
) -> Response[Error | ErrorList | FabricSipCredential | SipCredential]:
    """Create a SIP credential

     Creates a SIP credential with a client-chosen `id`. Because the id travels in the body,
    a create that is retried after a lost response can be recognised: a second create with
    the same `id`, or with a `username` the project already uses, is a `409` conflict.

    Args:
        body (SipCredentialCreate): A new SIP credential. Only `username` is required: production
            accepted a create of
            `username`, `password`, `caller_id` and `encryption` alone (openapi/decisions.md); what
            is left out takes the defaults below (`send_as`: the username; `call_handler`:
            `default`). `calling_handler_resource_id` must be `null` or absent unless
            `call_handler` is `resource`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricSipCredential | SipCredential]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SipCredentialCreate,
) -> Error | ErrorList | FabricSipCredential | SipCredential | None:
    """Create a SIP credential

     Creates a SIP credential with a client-chosen `id`. Because the id travels in the body,
    a create that is retried after a lost response can be recognised: a second create with
    the same `id`, or with a `username` the project already uses, is a `409` conflict.

    Args:
        body (SipCredentialCreate): A new SIP credential. Only `username` is required: production
            accepted a create of
            `username`, `password`, `caller_id` and `encryption` alone (openapi/decisions.md); what
            is left out takes the defaults below (`send_as`: the username; `call_handler`:
            `default`). `calling_handler_resource_id` must be `null` or absent unless
            `call_handler` is `resource`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricSipCredential | SipCredential
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
