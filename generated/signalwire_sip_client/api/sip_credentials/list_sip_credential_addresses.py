from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.sip_credential_address_page import SipCredentialAddressPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_number"] = page_number

    params["page_token"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/fabric/resources/sip_endpoints/{id}/addresses".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | SipCredentialAddressPage | None:
    if response.status_code == 200:
        response_200 = SipCredentialAddressPage.from_dict(response.json())

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
) -> Response[Error | ErrorList | SipCredentialAddressPage]:
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
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[Error | ErrorList | SipCredentialAddressPage]:
    """List a SIP credential's addresses

     Returns one page of the Fabric call addresses of this SIP credential: once a resource
    answers its inbound calls (see `assign_resource_to_sip_credential`), its address
    `/public/<username>` reaches that resource. A credential with no resource assigned has
    none. Page as the credential list does.

    Args:
        id (UUID):
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SipCredentialAddressPage]
    """

    kwargs = _get_kwargs(
        id=id,
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Error | ErrorList | SipCredentialAddressPage | None:
    """List a SIP credential's addresses

     Returns one page of the Fabric call addresses of this SIP credential: once a resource
    answers its inbound calls (see `assign_resource_to_sip_credential`), its address
    `/public/<username>` reaches that resource. A credential with no resource assigned has
    none. Page as the credential list does.

    Args:
        id (UUID):
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SipCredentialAddressPage
    """

    return sync_detailed(
        id=id,
        client=client,
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[Error | ErrorList | SipCredentialAddressPage]:
    """List a SIP credential's addresses

     Returns one page of the Fabric call addresses of this SIP credential: once a resource
    answers its inbound calls (see `assign_resource_to_sip_credential`), its address
    `/public/<username>` reaches that resource. A credential with no resource assigned has
    none. Page as the credential list does.

    Args:
        id (UUID):
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | SipCredentialAddressPage]
    """

    kwargs = _get_kwargs(
        id=id,
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Error | ErrorList | SipCredentialAddressPage | None:
    """List a SIP credential's addresses

     Returns one page of the Fabric call addresses of this SIP credential: once a resource
    answers its inbound calls (see `assign_resource_to_sip_credential`), its address
    `/public/<username>` reaches that resource. A credential with no resource assigned has
    none. Page as the credential list does.

    Args:
        id (UUID):
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | SipCredentialAddressPage
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page_size=page_size,
            page_number=page_number,
            page_token=page_token,
        )
    ).parsed
