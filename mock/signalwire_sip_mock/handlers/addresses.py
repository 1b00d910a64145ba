"""A SIP credential's addresses, and the resource assigned to answer its inbound calls.

A credential has at most one resource answering its inbound calls. Assigning one makes the
credential callable through Fabric: its call address (``/public/<username>``, as a probe of the
live API saw it) is stored under the credential (``ADDRESSES``, its parent the credential,
its key the resource), naming the resource that answers in ``display_name``;
``list_sip_credential_addresses`` pages through them. Assigning another resource replaces it,
the same one again changes nothing, a new username renames it, and deleting the credential or
the resource removes it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ..request import not_found
from ..store import CREDENTIALS, Store
from .fabric import ADDRESSES, FABRIC_RESOURCES, Fabric
from .paging import Call, Handler, page


class Addresses:
    """The addresses of every project's credentials, over STORE and its FABRIC."""

    def __init__(self, store: Store, fabric: Fabric) -> None:
        self.store, self.fabric = store, fabric
        self.handlers: dict[str, Handler] = {
            "list_sip_credential_addresses": self.page,
            "assign_resource_to_sip_credential": self.assign,
        }

    def page(self, call: Call) -> tuple[int, bytes]:
        id = call.path_params["id"]
        if self.store.get(call.project, id) is None:
            raise not_found()
        return page(self.store, call, ADDRESSES, parent=id)

    def assign(self, call: Call) -> tuple[int, bytes]:
        resource = self.fabric.get(FABRIC_RESOURCES, call.project, call.path_params["id"])
        if resource is None:
            raise not_found()
        credential_id = str(call.body["sip_endpoint_id"]).lower()
        stored = self.store.get(call.project, credential_id, collection=CREDENTIALS)
        if stored is None:
            # SignalWire's definition answers a missing resource with 404; a missing credential
            # is as missing (a 422 would say the valid body was wrong).
            raise not_found()
        credential = json.loads(stored)
        held = self.store.ids_where_key(call.project, ADDRESSES, resource["id"])
        if not any(parent == credential_id for parent, _ in held):
            self.store.delete_under(call.project, ADDRESSES, credential_id)
            address = address_of(credential["username"], resource)
            self.store.insert(
                call.project,
                address["id"],
                resource["id"],
                json.dumps(address),
                collection=ADDRESSES,
                parent=credential_id,
            )
        assigned = {
            "id": credential_id,
            "name": credential["username"],
            "type": "call",
            "cover_url": None,
            "preview_url": None,
            "channels": channels(credential["username"]),
        }
        return 200, json.dumps(assigned).encode()

    def rename(self, project: str, credential_id: str, username: str) -> None:
        """Give the credential's addresses its new USERNAME."""
        for id, resource, document in self.store.rows_under(project, ADDRESSES, credential_id):
            address = json.loads(document) | {"name": username, "channels": channels(username)}
            self.store.replace(
                project,
                id,
                resource,
                json.dumps(address),
                collection=ADDRESSES,
                parent=credential_id,
            )


def channels(username: str) -> dict[str, str]:
    return {"audio": f"/public/{username}?channel=audio"}


def address_of(username: str, resource: Mapping[str, Any]) -> dict[str, Any]:
    """The call address of the credential USERNAME, answered by RESOURCE."""
    return {
        "id": str(uuid.uuid4()),
        "name": username,
        "display_name": resource["display_name"],
        "type": "call",
        "cover_url": None,
        "preview_url": None,
        "locked": False,
        "channels": channels(username),
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
