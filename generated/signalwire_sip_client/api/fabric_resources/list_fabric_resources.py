from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.error_list import ErrorList
from ...models.fabric_resource_page import FabricResourcePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
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
        "url": "/api/fabric/resources",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ErrorList | FabricResourcePage | None:
    if response.status_code == 200:
        response_200 = FabricResourcePage.from_dict(response.json())

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
) -> Response[Error | ErrorList | FabricResourcePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[Error | ErrorList | FabricResourcePage]:
    """List Fabric resources

     Returns one page of the project's Fabric resources that are SIP credentials (`type`
    `sip_endpoint`, each wrapping its endpoint; the resource's `id` is the one the SIP
    credential paths take), oldest first; page as the credential list does. The password
    is never returned. Subscribers are listed under `/api/fabric/resources/subscribers`.

    Args:
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricResourcePage]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Error | ErrorList | FabricResourcePage | None:
    """List Fabric resources

     Returns one page of the project's Fabric resources that are SIP credentials (`type`
    `sip_endpoint`, each wrapping its endpoint; the resource's `id` is the one the SIP
    credential paths take), oldest first; page as the credential list does. The password
    is never returned. Subscribers are listed under `/api/fabric/resources/subscribers`.

    Args:
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricResourcePage
    """

    return sync_detailed(
        client=client,
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[Error | ErrorList | FabricResourcePage]:
    """List Fabric resources

     Returns one page of the project's Fabric resources that are SIP credentials (`type`
    `sip_endpoint`, each wrapping its endpoint; the resource's `id` is the one the SIP
    credential paths take), oldest first; page as the credential list does. The password
    is never returned. Subscribers are listed under `/api/fabric/resources/subscribers`.

    Args:
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ErrorList | FabricResourcePage]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_number=page_number,
        page_token=page_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_number: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Error | ErrorList | FabricResourcePage | None:
    """List Fabric resources

     Returns one page of the project's Fabric resources that are SIP credentials (`type`
    `sip_endpoint`, each wrapping its endpoint; the resource's `id` is the one the SIP
    credential paths take), oldest first; page as the credential list does. The password
    is never returned. Subscribers are listed under `/api/fabric/resources/subscribers`.

    Args:
        page_size (int | Unset):  Default: 50.
        page_number (int | Unset):
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ErrorList | FabricResourcePage
    """

    return (
        await asyncio_detailed(
            client=client,
            page_size=page_size,
            page_number=page_number,
            page_token=page_token,
        )
    ).parsed
