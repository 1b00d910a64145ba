"""The one implementation of paging, shared by every list the mock serves (credentials,
addresses, subscribers' credentials): page tokens, keyset pages over a collection of the
store, and the ``links`` SignalWire answers with."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..origin import origin
from ..store import CREDENTIALS, Store

DEFAULT_PAGE_SIZE = 50


@dataclass(slots=True)
class Call:
    """One request, as far as a handler needs it (SCOPE: the ASGI scope, for the list's links).

    Not frozen: a frozen dataclass pays object.__setattr__ per field, and one is made per request.
    """

    project: str
    path_params: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    body: Any = None
    scope: Mapping[str, Any] = field(default_factory=dict)


Handler = Callable[[Call], tuple[int, bytes]]


@dataclass(frozen=True)
class PageToken:
    """A list cursor: the store position a page starts after (``PA``) or ends before (``PB``)."""

    after: bool
    position: int

    def encode(self) -> str:
        return f"P{'A' if self.after else 'B'}{self.position:016x}"

    @classmethod
    def decode(cls, token: str) -> PageToken:
        """The token the spec's pattern already accepted (``^P[AB][0-9a-f]{16}$``)."""
        return cls(token[1] == "A", int(token[2:], 16))


def page(
    store: Store,
    call: Call,
    collection: str | tuple[str, ...] = CREDENTIALS,
    parent: str = "",
    render: Callable[[str], str] | None = None,
) -> tuple[int, bytes]:
    """The page of COLLECTION (under PARENT) the call's query asks for, with its links; each
    stored document as RENDER answers it (default: as stored)."""
    size = call.query.get("page_size", DEFAULT_PAGE_SIZE)
    number = call.query.get("page_number", 0)
    token = call.query.get("page_token")
    cursor = PageToken.decode(token) if token is not None else None
    after = cursor.position if cursor and cursor.after else None
    before = cursor.position if cursor and not cursor.after else None
    found = store.page(
        call.project, size, after=after, before=before, collection=collection, parent=parent
    )
    base = base_url(call.scope)

    def link(page_number: int, page_token: PageToken | None) -> str:
        params: dict[str, Any] = {"page_number": max(page_number, 0), "page_size": size}
        if page_token:
            params["page_token"] = page_token.encode()
        return f"{base}?{urlencode(params)}"

    links = {"self": link(number, cursor), "first": link(0, None)}
    if found.has_next:
        last = found.last_seq if found.last_seq is not None else (before or 1) - 1
        links["next"] = link(number + 1, PageToken(True, last))
    if found.has_prev:
        first = found.first_seq if found.first_seq is not None else (after or 0) + 1
        links["prev"] = link(number - 1, PageToken(False, first))
    documents = found.documents if render is None else [render(d) for d in found.documents]
    data = ",".join(documents).encode()
    return 200, b'{"data":[' + data + b'],"links":' + json.dumps(links).encode() + b"}"


def base_url(scope: Mapping[str, Any]) -> str:
    """The URL the client used for this path (the list's links are absolute, as SignalWire's),
    behind a front too (``origin``: ``--public-url``, a loopback proxy's X-Forwarded-*)."""
    return f"{origin(scope)}{scope.get('root_path', '')}{scope.get('path', '')}"


def key(username: str) -> str:
    """The store's key for USERNAME: usernames are compared as their JSON text, so identical
    strings give identical keys, and text SQLite could not encode (lone surrogates) is escaped.
    (Printable ASCII without quote or backslash is its own JSON text: the usual name, spelt
    without calling the encoder.)"""
    plain = username.isascii() and username.isprintable()
    if plain and '"' not in username and "\\" not in username:
        return f'"{username}"'
    return json.dumps(username)
