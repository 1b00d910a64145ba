"""The two shapes the mock answers SIP credentials in (``--shape``).

- ``flat``, the seed's: the credential is one object, its ``id`` the client's (or, absent, one
  the server picks); answers are the stored document as it is (the hot path).
- ``fabric``, production as observed (openapi/decisions.md): the credential is a Fabric
  resource wrapping the endpoint, ``{id, project_id, display_name, type, created_at,
  updated_at, sip_endpoint: {id, username, ...}}``. The server picks both ids, the client's
  ``id`` being ignored; paths take the resource's, and the endpoint's is a 404.

Both store the same document (the endpoint's fields under the resource's id; in ``fabric``
also the wrapper's fields and ``sip_endpoint_id``) and keep a ``password`` beside it, never in
it. A create may leave out all but ``username``: the spec's defaults fill the rest.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

SHAPES = ("flat", "fabric")
SECRET = "password"
#: Fields only the wrapped shape has (outside ``sip_endpoint``).
WRAPPER = ("project_id", "display_name", "created_at", "updated_at")
ENDPOINT_ID = "sip_endpoint_id"


def create_defaults(spec: Mapping[str, Any]) -> dict[str, Any]:
    """What a create body may leave out, as the spec's create schema defaults it."""
    schemas = spec["components"]["schemas"]
    defaults: dict[str, Any] = {}
    for name, node in schemas["SipCredentialCreate"]["properties"].items():
        if "default" in node:
            defaults[name] = node["default"]
        elif "$ref" in node:
            target = schemas[node["$ref"].rsplit("/", 1)[-1]]
            if "default" in target:
                defaults[name] = target["default"]
    return defaults


class Shape:
    """How credentials are made and answered in one shape (NAME: flat or fabric)."""

    def __init__(self, name: str, spec: Mapping[str, Any], blank: Mapping[str, Any]) -> None:
        if name not in SHAPES:
            raise ValueError(f"the shape is one of {', '.join(SHAPES)}, not {name!r}")
        self.name, self.wrapped = name, name == "fabric"
        # Every response field null, then the create's defaults: merged once, not per create.
        self._base = dict(blank) | create_defaults(spec)

    def new(self, project: str, body: dict[str, Any]) -> tuple[str, dict[str, Any], str | None]:
        """The id, stored document and secret of a credential a create BODY makes."""
        secret = body.pop(SECRET) if SECRET in body else None
        given = body.get("id")
        document = {**self._base, "send_as": body["username"], **body}
        id = given if given is not None and not self.wrapped else str(uuid.uuid4())
        document["id"] = id
        if self.wrapped:
            now = _now()
            document |= {
                ENDPOINT_ID: str(uuid.uuid4()),
                "project_id": project,
                "display_name": body["username"],
                "created_at": now,
                "updated_at": now,
            }
        return id, document, secret

    def changed(self, document: dict[str, Any], body: dict[str, Any]) -> str | None:
        """Apply an update BODY to DOCUMENT (in place); the new secret, if the body has one."""
        secret: str | None = body.pop(SECRET, None)
        document |= body
        if self.wrapped:
            document["updated_at"] = _now()
            if "username" in body:
                document["display_name"] = body["username"]
        return secret

    def render(self, stored: str) -> str:
        """A stored document as this shape answers it."""
        if not self.wrapped:
            return stored
        document = json.loads(stored)
        outer = {name: document.pop(name, None) for name in WRAPPER}
        inner_id = document.pop(ENDPOINT_ID, None) or str(
            uuid.uuid5(uuid.NAMESPACE_URL, document["id"])
        )
        outer_id, kind = document.pop("id"), document.pop("type", "sip_endpoint")
        outer |= {"id": outer_id, "type": kind, "sip_endpoint": document | {"id": inner_id}}
        return json.dumps(outer, ensure_ascii=False)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
